using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Dual.Tools.Rules;
using Dual.Tools.RulesTableGen;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// tools/Rules/functions.json is the one list of supported functions: the files produced from it must be what the
/// tool produces now (the tool's code is compiled into this project and run in memory), and the generator must
/// treat every row as the table says.
/// </summary>
[TestFixture]
public sealed class RulesTableTests
{
    private static string Root()
    {
        DirectoryInfo? directory = new(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln"))) directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        return directory!.FullName;
    }

    private static FunctionTable Table() => FunctionTable.Load(File.ReadAllText(Path.Combine(Root(), FunctionTable.RelativePath)));

    [Test]
    public void GeneratedFiles_AreUpToDateWithTheTable()
    {
        string root = Root();
        var stale = new List<string>();
        foreach (GeneratedFile file in RulesOutputs.Generate(Table(), path => File.ReadAllText(Path.Combine(root, path))))
        {
            string full = Path.Combine(root, file.RelativePath);
            if (!File.Exists(full) || File.ReadAllText(full).ReplaceLineEndings("\n") != file.Content.ReplaceLineEndings("\n"))
            {
                stale.Add(file.RelativePath);
            }
        }
        Assert.That(stale, Is.Empty,
            "These files differ from what tools/Rules/functions.json produces; regenerate them with `" + RulesOutputs.Command
            + "` (from the repository root) and commit the result: " + string.Join(", ", stale));
    }

    [Test]
    public void MathMap_NamesOnlyFunctionsOfDualT()
    {
        var map = (Dictionary<string, string>)typeof(MathTable).GetField("s_map", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        string[] dual = typeof(global::Dual.Dual<double>).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToArray();
        Assert.That(map.Values.Where(v => !dual.Contains(v)), Is.Empty, "map entries with no Dual<T> function");
        Assert.That(map.Keys.Where(k => !typeof(Math).GetMethods().Any(m => m.Name == k) && !typeof(double).GetMethods().Any(m => m.Name == k)), Is.Empty,
            "map keys that neither Math nor double has");
        Assert.That(map.Values.Distinct().Count(), Is.EqualTo(Table().Functions.Count));
    }

    /// <summary>Every row in a [Differentiable(Gpu = true)] method: the kernel form accepts exactly the kernel-safe rows
    /// and rejects the others with the table's reason (or the generic message).</summary>
    [Test]
    public void KernelForm_AcceptsExactlyTheKernelSafeRows()
    {
        FunctionTable table = Table();
        // One method per row, each on its own line (one generator run): a diagnostic's line says whose it is.
        const int FirstLine = 4;
        var source = new System.Text.StringBuilder("using System;\nusing Dual;\npublic static partial class C\n{\n");
        for (int k = 0; k < table.Functions.Count; k++)
        {
            FunctionEntry f = table.Functions[k];
            string host = f.Math.Contains(f.Name) ? "Math" : "double";
            string call = RulesOutputs.Call(f, host + "." + f.Name, i => "x[" + i + "]");
            source.Append("    [Differentiable(Gpu = true, EntryPoints = false, MultiTangent = false)] public static void F").Append(k)
                  .Append("(ReadOnlySpan<double> x, Span<double> y) { y[0] = ").Append(call).Append("; }\n");
        }
        source.Append("}\n");
        var result = GeneratorHarness.RunGpu(source.ToString());
        Assert.That(result.Dual.Where(d => d.Id != "DUAL011"), Is.Empty, string.Join("\n", result.Dual));
        for (int k = 0; k < table.Functions.Count; k++)
        {
            FunctionEntry f = table.Functions[k];
            var dual011 = result.Dual.Where(d => d.Id == "DUAL011" && d.Location.GetLineSpan().StartLinePosition.Line == FirstLine + k).ToList();
            if (f.Kernel == "safe")
            {
                Assert.That(dual011, Is.Empty, f.Name + " is kernel-safe in the table");
                Assert.That(result.Generated("C.F" + k + "."), Does.Contain("TNum." + f.Name + "("), f.Name);
            }
            else
            {
                Assert.That(dual011, Is.Not.Empty, f.Name + " is not kernel-safe in the table");
                // A tuple-valued function (SinCos) is rejected at the member access on its result before the call is looked up.
                if (f.Test.Call?.Contains(".Item", StringComparison.Ordinal) != true)
                {
                    Assert.That(dual011.Select(d => d.GetMessage()), Has.All.Contain(f.KernelReason ?? "it is not in the kernel-safe set ("), f.Name);
                }
            }
        }
    }
}
