using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dual.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Dual.CodeFixes.Tests;

/// <summary>
/// The Roslyn code-fix harness with the real [Differentiable] generator: DUAL001 comes from the generator as in the
/// IDE, and after the fix the generator runs again on the fixed sources, so the expected diagnostics of the fixed state
/// say exactly what the generator thinks of the stub (no DUAL001, no DUAL007/DUAL008, nothing but the placeholders).
/// </summary>
internal sealed class StubTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, RuleStubCodeFixProvider, DefaultVerifier>
{
    /// <summary>.NET 10 reference assemblies from Basic.Reference.Assemblies (nothing is downloaded) plus Dual.dll.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(global::Dual.Dual<>).Assembly.Location))
            .ToImmutableArray();

    private static readonly ReferenceAssemblies s_none = new("net10.0");

    /// <summary>A test whose sources are added to TestState/FixedState by the caller (several documents).</summary>
    public StubTest()
    {
        ReferenceAssemblies = s_none;
        TestState.AdditionalReferences.AddRange(References);
        // The twin the generator emits is checked by the generator's own snapshot tests.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    public StubTest(string before, string after)
        : this()
    {
        TestCode = before;
        FixedCode = after;
    }

    /// <summary>Adds a second project, referenced by the test project, compiled as its own assembly.</summary>
    public StubTest WithLibrary(string name, string source)
    {
        var project = new ProjectState(name, Microsoft.CodeAnalysis.LanguageNames.CSharp, "/" + name + "/", "cs")
        {
            ReferenceAssemblies = s_none,
        };
        project.Sources.Add(source);
        project.AdditionalReferences.AddRange(References);
        TestState.AdditionalProjects.Add(name, project);
        TestState.AdditionalProjectReferences.Add(name);
        return this;
    }

    protected override IEnumerable<Type> GetSourceGenerators()
    {
        yield return typeof(DifferentiableGenerator);
    }

    /// <summary>
    /// The generator reports with external-file locations (path + span: an incremental pipeline holds no syntax trees).
    /// The IDE maps such a diagnostic to the document with that path (Roslyn's IsReportedInDocument); the harness only
    /// follows Location.SourceTree, so the same mapping is done here before the harness looks for fixable diagnostics.
    /// </summary>
    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(
        Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var (compilation, diagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
        return (compilation, diagnostics.Select(d => InSource(d, compilation)).ToImmutableArray());
    }

    private static Diagnostic InSource(Diagnostic diagnostic, Compilation compilation)
    {
        if (diagnostic.Location.Kind != LocationKind.ExternalFile) return diagnostic;
        string path = diagnostic.Location.GetLineSpan().Path;
        SyntaxTree? tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        return tree is null ? diagnostic : Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan),
            diagnostic.Severity, diagnostic.AdditionalLocations, diagnostic.Properties, ArgumentsOf(diagnostic));
    }

    // Diagnostic.Arguments is internal; the harness reads it the same way to compare message arguments.
    private static object?[] ArgumentsOf(Diagnostic diagnostic) =>
        (diagnostic.GetType().GetProperty("Arguments", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            ?.GetValue(diagnostic) as IReadOnlyList<object?>)?.ToArray() ?? Array.Empty<object?>();
}
