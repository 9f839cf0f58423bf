using System;
using System.IO;
using System.Text;
using Dual.Tools;

// Regenerates the templated tangent blocks in place: run from anywhere inside the repository.
string root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Dual.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run inside the Dual repository (no Dual.sln found above the current folder).");
}
foreach ((int lanes, string vector) in TangentBlockTemplate.Blocks)
{
    string path = Path.Combine(root, TangentBlockTemplate.PathOf(lanes));
    File.WriteAllText(path, TangentBlockTemplate.Render(lanes, vector), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.WriteLine($"wrote {TangentBlockTemplate.PathOf(lanes)}");
}
