using System;
using System.Globalization;
using Dual.Samples.FiniteDifferenceError;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
FiniteDifferenceResult result = FiniteDifferenceErrorExample.Run();

Console.WriteLine($"f(x) = 3x^3 - 5x^2 at x = {result.X}: exact f'(x) = {result.Exact}, dual number gives {result.DualDerivative:R}");
Console.WriteLine();
Console.WriteLine($"{"h",8} | {"forward error",14} | {"central error",14} | {"dual error",10}");
Console.WriteLine(new string('-', 56));
foreach (ErrorRow row in result.Rows)
{
    Console.WriteLine($"{row.H,8:0e0} | {row.ForwardError,14:0.000e+00} | {row.CentralError,14:0.000e+00} | {row.DualError,10:G}");
}
Console.WriteLine();
Console.WriteLine($"best forward difference: h = {result.BestForward.H:0e0}, error {result.BestForward.ForwardError:0.00e+00}");
Console.WriteLine($"best central difference: h = {result.BestCentral.H:0e0}, error {result.BestCentral.CentralError:0.00e+00}");
Console.WriteLine($"dual number:             any h, error {result.Rows[0].DualError}");

string path = FiniteDifferenceErrorExample.WritePlot(result, args.Length > 0 ? args[0] : "fd-error.svg");
string csv = FiniteDifferenceErrorExample.WriteCsv(result, System.IO.Path.ChangeExtension(path, ".csv"));
Console.WriteLine();
Console.WriteLine($"plot written to {path}");
Console.WriteLine($"numbers written to {csv}");
