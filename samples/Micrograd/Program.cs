using System;
using System.Globalization;
using Dual.Samples.Micrograd;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
MicrogradResult r = MicrogradExample.Run();

Console.WriteLine($"a = {MicrogradExample.A}, b = {MicrogradExample.B}");
Console.WriteLine();
Console.WriteLine("two single-tangent passes (Dual<double>, seed a then seed b):");
Console.WriteLine($"  g     = {r.G:F4}");
Console.WriteLine($"  dg/da = {r.DgDa:F4}");
Console.WriteLine($"  dg/db = {r.DgDb:F4}");
Console.WriteLine();
Console.WriteLine("one chunked pass (Dual<double, Tangents2<double>>, both seeds at once):");
Console.WriteLine($"  g     = {r.ChunkedG:F4}");
Console.WriteLine($"  dg/da = {r.ChunkedDgDa:F4}");
Console.WriteLine($"  dg/db = {r.ChunkedDgDb:F4}");
Console.WriteLine();
Console.WriteLine("micrograd (reverse mode) prints g = 24.7041, dg/da = 138.8338, dg/db = 645.5773");
