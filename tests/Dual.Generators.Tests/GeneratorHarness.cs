using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Dual.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>Runs the generator in memory, compiles its output with Dual.dll and loads the result.</summary>
public static class GeneratorHarness
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> s_references =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(global::Dual.Dual<>).Assembly.Location))
            .ToImmutableArray();

    /// <summary>The references plus Dual.Gpu, for [Differentiable(Gpu = true)] methods.</summary>
    private static readonly ImmutableArray<MetadataReference> s_gpuReferences =
        s_references.Append(MetadataReference.CreateFromFile(typeof(global::Dual.Gpu.IKernelFunction).Assembly.Location)).ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources) => Compilation(gpu: false, sources);

    public static CSharpCompilation Compilation(bool gpu, params string[] sources) =>
        CSharpCompilation.Create(
            "UserCode" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, s_parse, path: $"/src/File{i}.cs")),
            gpu ? s_gpuReferences : s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver Driver(bool track = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new DifferentiableGenerator().AsSourceGenerator() },
            parseOptions: s_parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public sealed record Result(Compilation Output, GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public string Generated(string hintContains) =>
            Run.Results[0].GeneratedSources.Single(s => s.HintName.Contains(hintContains, StringComparison.Ordinal)).SourceText.ToString();

        /// <summary>The generator's diagnostics, less DUAL016 (the information that a vector method's sparsity pattern is
        /// detected at run time, which most tests do not concern): see <see cref="Sparsity"/>.</summary>
        public IEnumerable<Diagnostic> Dual => GeneratorDiagnostics.Where(d => d.Id.StartsWith("DUAL", StringComparison.Ordinal) && d.Id != "DUAL016");

        /// <summary>DUAL016: the Jacobian patterns not found at compile time.</summary>
        public IEnumerable<Diagnostic> Sparsity => GeneratorDiagnostics.Where(d => d.Id == "DUAL016");
    }

    public static Result Run(params string[] sources) => Run(gpu: false, sources);

    /// <summary>Runs the generator on a compilation that references Dual.Gpu.</summary>
    public static Result RunGpu(params string[] sources) => Run(gpu: true, sources);

    public static Result Run(bool gpu, params string[] sources)
    {
        CSharpCompilation input = Compilation(gpu, sources);
        GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diags);
        GeneratorDriverRunResult run = driver.GetRunResult();
        Assert.That(run.Results[0].Exception, Is.Null, "generator threw");
        return new Result(output, run, diags);
    }

    public static string Numbered(Compilation c) =>
        string.Join("\n\n", c.SyntaxTrees.Select(t => "==== " + t.FilePath + "\n" +
            string.Join("\n", t.ToString().Split('\n').Select((l, i) => $"{i + 1,4}: {l}"))));

    /// <summary>Generates, compiles (no errors allowed) and loads the user assembly.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        Result r = Run(sources);
        var dualDiags = r.Dual.ToList();
        Assert.That(dualDiags, Is.Empty, () => "generator diagnostics:\n" + string.Join("\n", dualDiags) + "\n" + Numbered(r.Output));
        using var ms = new MemoryStream();
        var emit = r.Output.Emit(ms);
        var errors = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(emit.Success && errors.Count == 0, Is.True, () => "compilation failed:\n" + string.Join("\n", errors) + "\n\n" + Numbered(r.Output));
        ms.Position = 0;
        var alc = new AssemblyLoadContext("gen" + Guid.NewGuid().ToString("N"), isCollectible: true);
        alc.Resolving += (ctx, name) => name.Name == "Dual" ? typeof(global::Dual.Dual<>).Assembly : null;
        return alc.LoadFromStream(ms);
    }

    public static MethodInfo Method(this Assembly a, string type, string name, params Type[] parameters) =>
        a.GetType(type, throwOnError: true)!.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance, null, parameters, null)
        ?? throw new MissingMethodException(type, name + "(" + string.Join(", ", parameters.Select(p => p.Name)) + ")");

    public static T Call<T>(this MethodInfo m, params object?[] args) => (T)m.Invoke(null, args)!;

    /// <summary>Central finite difference of <paramref name="f"/> at <paramref name="x"/>.</summary>
    public static double Fd(Func<double, double> f, double x)
    {
        double h = 1e-6 * Math.Max(1.0, Math.Abs(x));
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    public static void Close(double actual, double expected, double rel = 1e-5, string? what = null) =>
        Assert.That(actual, Is.EqualTo(expected).Within(rel * Math.Max(1.0, Math.Abs(expected))), what);
}
