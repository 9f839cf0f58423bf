using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Dual.BuildGenerators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// The build's own source generator (tools/Dual.BuildGenerators), which expands the tangent blocks, the function glue and
/// the System.Numerics twins when src/Dual and src/Dual.Gpu compile: whatever it cannot expand stops the build with an
/// error (a malformed or missing table, an unknown output), instead of compiling a library without the members. What it
/// expands is checked where it is compiled: the contract fixtures over every tangent block (Dual.Tests, Dual.Gpu.Tests),
/// the parity tests, and NumericsTwinTests for the twins.
/// </summary>
[TestFixture]
public sealed class BuildGeneratorTests
{
    private static string Root()
    {
        DirectoryInfo? directory = new(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln"))) directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        return directory!.FullName;
    }

    private static string RealTable() => File.ReadAllText(Path.Combine(Root(), "tools", "Rules", "functions.json"));

    private static GeneratorDriverRunResult Run(string outputs, params (string Path, string Text)[] files)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new BuildGenerator().AsSourceGenerator() },
            additionalTexts: files.Select(f => (AdditionalText)new Text(f.Path, f.Text)),
            optionsProvider: new Options(outputs));
        return driver.RunGenerators(CSharpCompilation.Create("Build")).GetRunResult();
    }

    private static string[] Hints(GeneratorDriverRunResult run) => run.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();

    [Test]
    public void The_real_table_expands_the_glue_and_every_template_its_blocks()
    {
        GeneratorDriverRunResult run = Run("TangentBlocks, FunctionGlue,KernelTangents NumericsTwins", ("/repo/tools/Rules/functions.json", RealTable()));
        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(Hints(run), Is.EquivalentTo(new[]
        {
            "Tangents2.g.cs", "Tangents4.g.cs", "Tangents8.g.cs", "Tangents16.g.cs", "Tangents32.g.cs", "KernelTangents1.g.cs", "KernelTangents8.g.cs",
            "KernelTangents16.g.cs", "Dual.Functions.g.cs", "MultiDual.Functions.g.cs", "SparsityTracer.Functions.g.cs",
            "DualVector2.g.cs", "DualVector3.g.cs", "DualVector4.g.cs", "DualQuaternion.g.cs",
        }));
        // Each expansion parses as C# (a broken template shows up here, and as compile errors in src/).
        foreach (GeneratedSourceResult source in run.Results.Single().GeneratedSources)
        {
            Assert.That(source.SyntaxTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, source.HintName);
        }
    }

    [Test]
    public void A_table_that_is_not_json_is_an_error_naming_the_line_and_emits_no_glue()
    {
        string broken = RealTable().Replace("\"arity\": 1,", "\"arity\": 1", StringComparison.Ordinal);
        GeneratorDriverRunResult run = Run("FunctionGlue", ("/repo/tools/Rules/functions.json", broken));
        Diagnostic error = run.Diagnostics.Single();
        Assert.That(error.Id, Is.EqualTo("DUALBUILD001"));
        Assert.That(error.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        int line = broken.Split('\n').ToList().FindIndex(l => l.Contains("\"arity\": 1", StringComparison.Ordinal)) + 2;
        Assert.That(error.GetMessage(), Does.Contain("functions.json(" + line + "): "));
        Assert.That(Hints(run), Is.Empty);
    }

    [Test]
    public void A_misspelt_member_is_an_error_not_a_member_left_at_its_default()
    {
        string misspelt = RealTable().Replace("\"genericMath\": \"IRootFunctions.Cbrt\"", "\"genericmath\": \"IRootFunctions.Cbrt\"", StringComparison.Ordinal);
        Assert.That(misspelt, Is.Not.EqualTo(RealTable()));
        GeneratorDriverRunResult run = Run("FunctionGlue", ("/repo/tools/Rules/functions.json", misspelt));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("unknown member \"genericmath\" of FunctionEntry"));
        Assert.That(Hints(run), Is.Empty);
    }

    [Test]
    public void A_table_that_breaks_a_rule_is_an_error()
    {
        string wrongKind = RealTable().Replace("{\"kind\": \"chain\", \"doc\"", "{\"kind\": \"chian\", \"doc\"", StringComparison.Ordinal);
        Assert.That(wrongKind, Is.Not.EqualTo(RealTable()));
        GeneratorDriverRunResult run = Run("FunctionGlue", ("/repo/tools/Rules/functions.json", wrongKind));
        Assert.That(run.Diagnostics.Single().Id, Is.EqualTo("DUALBUILD001"));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("dual member kind 'chian'"));
        Assert.That(Hints(run), Is.Empty);
    }

    [Test]
    public void Glue_without_the_table_is_an_error()
    {
        GeneratorDriverRunResult run = Run("FunctionGlue");
        Assert.That(run.Diagnostics.Select(d => (d.Id, d.Severity)), Is.EqualTo(new[] { ("DUALBUILD002", DiagnosticSeverity.Error) }));
        Assert.That(Hints(run), Is.Empty);
    }

    [Test]
    public void An_unknown_output_is_an_error()
    {
        GeneratorDriverRunResult run = Run("TangentBlocks,TangentBlock");
        Assert.That(run.Diagnostics.Select(d => (d.Id, d.Severity)), Is.EqualTo(new[] { ("DUALBUILD003", DiagnosticSeverity.Error) }));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.Contain("'TangentBlock'"));
        Assert.That(run.Diagnostics.Single().GetMessage(), Does.EndWith("FunctionGlue and NumericsTwins"));
        Assert.That(Hints(run), Has.Length.EqualTo(5)); // Tangents2, 4, 8, 16 and 32
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(string outputs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string> { ["build_property.DualBuildOutputs"] = outputs });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new Dictionary<string, string>());
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            bool found = values.TryGetValue(key, out string? v);
            value = v ?? "";
            return found;
        }
    }
}
