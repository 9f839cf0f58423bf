using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dual.Package.Tests;

/// <summary>What compiling (and running) a doc snippet gave.</summary>
/// <param name="Diagnostics">Every warning and error, the generator's included, at its document line.</param>
/// <param name="Ran">Whether it was run.</param>
/// <param name="Output">What it printed.</param>
/// <param name="Values">The values of the declarations whose comments state one, by name, in order.</param>
/// <param name="Exception">What the run threw, if it did.</param>
internal sealed record SnippetResult(IReadOnlyList<Diagnostic> Diagnostics, bool Ran, string Output, IReadOnlyList<(string Name, object? Value)> Values, Exception? Exception = null);

/// <summary>A declaration whose trailing comment states its value.</summary>
internal sealed record StatedDeclaration(string Name, int Line, StatedValue Value, bool Exactly);

/// <summary>
/// Compiles a doc snippet in-process with Roslyn against the packed packages' net10.0 assemblies, runs the packed
/// <c>[Differentiable]</c> generator on it (as csc would load it from analyzers/dotnet/cs), and runs the result in a
/// collectible <see cref="AssemblyLoadContext"/> that resolves Dual, Dual.Gpu and Dual.MathNet to the packed files.
/// </summary>
internal sealed class SnippetRunner
{
    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a console project.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private const string Recorder = """
        #nullable enable
        namespace DocTest
        {
            public static class Stated
            {
                public static readonly global::System.Collections.Generic.List<(string, object?)> Values = new();
                public static void Record(string name, object? value) => Values.Add((name, value));
            }
        }
        """;

    private static readonly Regex s_expectedDiagnostic = new(@"//.*?\b(?<id>DUAL\d{3})\b");

    private readonly PackedPackages _packages;
    private readonly ISourceGenerator _generator;
    private readonly CSharpParseOptions _parse = new(LanguageVersion.Latest);
    private readonly ImmutableArray<MetadataReference> _framework;
    private readonly Dictionary<string, MetadataReference> _packageReferences;
    private readonly ImmutableArray<MetadataReference> _dependencies;

    public SnippetRunner(PackedPackages packages)
    {
        _packages = packages;
        _framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();
        _packageReferences = PackedPackages.Ids.ToDictionary(id => id, id => (MetadataReference)MetadataReference.CreateFromFile(packages.Library(id)));
        // The packages' dependencies, from this test's own references (the same central versions their nuspecs name).
        _dependencies = new[]
        {
            typeof(MathNet.Numerics.Control).Assembly,
            typeof(ILGPU.Context).Assembly,
            typeof(ILGPU.Algorithms.XMath).Assembly,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
        }.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToImmutableArray();
        _generator = LoadGenerator(packages.Generator);
    }

    /// <summary>The packed generator, loaded from the package's analyzers folder into a context of its own.</summary>
    private static ISourceGenerator LoadGenerator(string path)
    {
        var context = new AssemblyLoadContext("packed-generator");
        Assembly assembly = context.LoadFromAssemblyPath(path);
        Type type = assembly.GetTypes().Single(t => t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0);
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    /// <summary>The lines (1-based, in the document) where a block's comments expect a generator diagnostic.</summary>
    public static IReadOnlyList<(string Id, int Line)> ExpectedDiagnostics(MarkdownBlock block) =>
        block.Code.Split('\n')
            .SelectMany((line, i) => s_expectedDiagnostic.Matches(line).Select(m => (m.Groups["id"].Value, block.Line + i)))
            .Distinct().ToArray();

    /// <summary>The top-level declarations of a block whose trailing comments state a value.</summary>
    public static IReadOnlyList<StatedDeclaration> StatedDeclarations(MarkdownBlock block)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code).GetRoot();
        var stated = new List<StatedDeclaration>();
        foreach (GlobalStatementSyntax global in root.Members.OfType<GlobalStatementSyntax>())
        {
            if (global.Statement is not LocalDeclarationStatementSyntax { Declaration.Variables: [var variable] } declaration)
            {
                continue;
            }
            SyntaxTrivia comment = declaration.SemicolonToken.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
            string text = comment.ToString();
            if (text.Length < 2 || !StatedValue.LooksStated(text[2..]))
            {
                continue;
            }
            StatedValue value = StatedValue.Parse(text[2..], out bool exactly);
            int line = declaration.GetLocation().GetLineSpan().StartLinePosition.Line + block.Line;
            stated.Add(new StatedDeclaration(variable.Identifier.Text, line, value, exactly));
        }
        return stated;
    }

    /// <summary>Compiles the block (with its context) and, unless it is not to run or has errors, runs it.</summary>
    public SnippetResult CompileAndRun(MarkdownBlock block, SnippetDirective directive, IReadOnlyList<MarkdownBlock> sameDocument)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, _parse, path: "ImplicitUsings.g.cs"),
        };
        string code = block.Code;
        bool record = !directive.Members;
        if (record)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Recorder, _parse, path: "Recorder.g.cs"));
            code = Instrument(code);
        }
        // The wrapper of a members block shares the block's first line, so that every tree line is a block line.
        string main = directive.Members ? $"using Dual; public abstract partial class Snippet {{ {code}\n}}\n" : code + "\n";
        trees.Add(CSharpSyntaxTree.ParseText(main, _parse, path: TreePath(block)));

        foreach (string name in directive.Contexts)
        {
            // A name with a '/' is a file of the repository (a sample's type); otherwise a file of DocContexts/.
            string file = name.Contains('/') ? name : $"tests/Dual.Package.Tests/DocContexts/{name}.cs";
            string path = Path.Combine(DotNet.RepositoryRoot, file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{block}: context '{name}' not found: {file}");
            }
            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), _parse, path: file));
        }
        if (directive.Uses is { } label)
        {
            MarkdownBlock used = sameDocument.SingleOrDefault(b => SnippetDirective.Parse(b.Directive).Label == label)
                ?? throw new InvalidOperationException($"{block}: no block of {block.File} is labelled '{label}'");
            trees.Add(CSharpSyntaxTree.ParseText(DeclarationsOnly(used.Code) + "\n", _parse, path: TreePath(used)));
        }

        bool program = trees.Any(t => t.GetRoot() is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any());
        IEnumerable<MetadataReference> references = _framework.Concat(_dependencies)
            .Concat(_packageReferences.Where(p => !directive.Without.Contains(p.Key)).Select(p => p.Value));
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release)
                // As the SDK does (its default NoWarn): reference-version unification notes, not problems.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([_generator], parseOptions: _parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Diagnostic[] diagnostics = generatorDiagnostics.Concat(output.GetDiagnostics())
            // The generator's Info diagnostics (DUAL016) count too: a block shows them, or its comments must not name them.
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.Id.StartsWith("DUAL", StringComparison.Ordinal)).ToArray();

        bool run = program && directive.NoRun is null && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (!run)
        {
            return new SnippetResult(diagnostics, false, "", []);
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            return new SnippetResult(diagnostics.Concat(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)).ToArray(), false, "", []);
        }
        image.Position = 0;
        return Execute(image, diagnostics, record);
    }

    private SnippetResult Execute(MemoryStream image, Diagnostic[] diagnostics, bool record)
    {
        var context = new PackageLoadContext(_packages);
        TextWriter previous = Console.Out;
        var printed = new StringWriter();
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            MethodInfo entry = assembly.EntryPoint!;
            Console.SetOut(printed);
            Exception? thrown = null;
            try
            {
                object? returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
                (returned as System.Threading.Tasks.Task)?.GetAwaiter().GetResult();
            }
            catch (TargetInvocationException e)
            {
                thrown = e.InnerException ?? e;
            }
            var values = new List<(string, object?)>();
            if (record)
            {
                var list = (System.Collections.IEnumerable)assembly.GetType("DocTest.Stated")!.GetField("Values")!.GetValue(null)!;
                foreach (object? item in list)
                {
                    var tuple = (System.Runtime.CompilerServices.ITuple)item!;
                    values.Add(((string)tuple[0]!, tuple[1]));
                }
            }
            return new SnippetResult(diagnostics, true, printed.ToString(), values, thrown);
        }
        finally
        {
            Console.SetOut(previous);
            context.Unload();
        }
    }

    /// <summary>Appends <c>DocTest.Stated.Record(name, name);</c> after each declaration whose comment states a value,
    /// on the same line, so that line numbers stay those of the document.</summary>
    private static string Instrument(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code).GetRoot();
        var inserts = new List<(int At, string Text)>();
        foreach (GlobalStatementSyntax global in root.Members.OfType<GlobalStatementSyntax>())
        {
            if (global.Statement is LocalDeclarationStatementSyntax { Declaration.Variables: [var variable] } declaration
                && declaration.SemicolonToken.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)).ToString() is { Length: > 2 } comment
                && StatedValue.LooksStated(comment[2..]))
            {
                string name = variable.Identifier.Text;
                inserts.Add((declaration.Span.End, $" global::DocTest.Stated.Record(\"{name}\", {name});"));
            }
        }
        var text = new StringBuilder(code);
        foreach (var (at, insert) in inserts.OrderByDescending(i => i.At))
        {
            text.Insert(at, insert);
        }
        return text.ToString();
    }

    /// <summary>A block's code with its top-level statements blanked out (line breaks kept, so lines still map).</summary>
    private static string DeclarationsOnly(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code).GetRoot();
        var text = code.ToCharArray();
        foreach (GlobalStatementSyntax global in root.Members.OfType<GlobalStatementSyntax>())
        {
            for (int i = global.Span.Start; i < global.Span.End; i++)
            {
                if (text[i] != '\n')
                {
                    text[i] = ' ';
                }
            }
        }
        return new string(text);
    }

    // Trees are named "docs/x.md#L12" (the block's first line) rather than mapped with #line: the generator reports its
    // diagnostics at unmapped positions, so lines are mapped here, the same way for the compiler's and the generator's.
    private static string TreePath(MarkdownBlock block) => $"{block.File}#L{block.Line}";

    private static readonly Regex s_treePath = new(@"^(?<file>.+)#L(?<line>\d+)$");

    /// <summary>Where a diagnostic is, as (file, 1-based line) of the document for a block's tree, else of its file.</summary>
    public static (string File, int Line) DocumentPosition(Diagnostic d)
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Match m = s_treePath.Match(span.Path ?? "");
        return m.Success
            ? (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) + span.StartLinePosition.Line)
            : (span.Path ?? "", span.StartLinePosition.Line + 1);
    }

    /// <summary>Resolves the packages to the packed assemblies; everything else (the framework, MathNet, ILGPU) to the
    /// test's own.</summary>
    private sealed class PackageLoadContext(PackedPackages packages) : AssemblyLoadContext("snippet", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            name.Name is { } n && PackedPackages.Ids.Contains(n) ? LoadFromAssemblyPath(packages.Library(n)) : null;
    }
}
