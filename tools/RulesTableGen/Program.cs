using System;
using System.IO;
using Dual.Tools.Rules;
using Dual.Tools.RulesTableGen;

// Regenerates every file produced from tools/Rules/functions.json (see RulesOutputs), writing only those that differ.
string? root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
if (root is null)
{
    Console.Error.WriteLine("Dual.sln not found above the current folder: run from the repository.");
    return 1;
}
FunctionTable table = FunctionTable.Load(File.ReadAllText(Path.Combine(root, FunctionTable.RelativePath)));
int changed = 0;
foreach (GeneratedFile file in RulesOutputs.Generate(table, path => File.ReadAllText(Path.Combine(root, path))))
{
    string full = Path.Combine(root, file.RelativePath);
    if (File.Exists(full) && File.ReadAllText(full) == file.Content)
    {
        Console.WriteLine("up to date  " + file.RelativePath);
        continue;
    }
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, file.Content);
    Console.WriteLine("written     " + file.RelativePath);
    changed++;
}
Console.WriteLine(table.Functions.Count + " functions; " + changed + " file(s) written.");
return 0;

static string? FindRoot(string start)
{
    for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "Dual.sln"))) return d.FullName;
    }
    return null;
}
