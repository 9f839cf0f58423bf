using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NUnit.Framework;
using D = Dual.Dual<double>;
using M4 = Dual.Dual<double, Dual.Tangents4<double>>;

namespace Dual.Generators.Tests;

/// <summary>
/// The realistic corpus (RealisticCorpus/*.cs, code written without the generator in mind) run through the generator
/// in one compilation. Each case is classified as accepted and correct, diagnosed (DUAL errors at the method, a
/// [Differentiable] callee, or its probe), silently WRONG (compiles, runs, derivative or value disagrees with the
/// independent oracle), or broken (generated code that does not compile, a missing twin, a twin that throws).
/// WRONG and broken fail the test; the accepted count is a ratchet.
/// </summary>
public class RealisticCorpusTests
{
    /// <summary>Accepted-and-correct cases on today's generator: raise it as the generator accepts more (never lower it).</summary>
    private const int MinimumAcceptedAndCorrect = 0;

    private static readonly Lazy<CorpusRun> s_run = new(CorpusRun.Execute);

    [Test]
    public void CorpusIsLargeAndEveryCaseHasOneProbe()
    {
        CorpusRun run = s_run.Value;
        Assert.That(RealisticCorpusCases.All, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(RealisticCorpusCases.All.Select(c => c.Probe), Is.Unique);
        Assert.That(run.ProbeNames.OrderBy(n => n), Is.EqualTo(RealisticCorpusCases.All.Select(c => c.Probe).OrderBy(n => n)),
            "every [Differentiable] probe in Probes.cs has exactly one case, and every case a probe");
    }

    [Test]
    public void NothingIsSilentlyWrong()
    {
        CorpusRun run = s_run.Value;
        TestContext.Out.WriteLine(run.Report());
        var wrong = run.Results.Where(r => r.Outcome == Outcome.Wrong).ToList();
        Assert.That(wrong, Is.Empty, () => "silently wrong derivatives:\n" + string.Join("\n", wrong.Select(r => r.Case.Probe + ": " + r.Detail)));
    }

    [Test]
    public void GeneratedCodeCompilesAndRuns()
    {
        CorpusRun run = s_run.Value;
        var broken = run.Results.Where(r => r.Outcome == Outcome.Broken).ToList();
        Assert.That(broken, Is.Empty, () => "broken (generated code does not compile, twin missing or throwing):\n" +
            string.Join("\n", broken.Select(r => r.Case.Probe + ": " + r.Detail)));
        Assert.That(run.UnmappedDiagnostics, Is.Empty, "generator diagnostics that point at no [Differentiable] method");
    }

    [Test]
    public void AcceptedShareDoesNotRegress()
    {
        CorpusRun run = s_run.Value;
        int accepted = run.Results.Count(r => r.Outcome == Outcome.Correct);
        TestContext.Out.WriteLine($"accepted and correct: {accepted} of {run.Results.Count}");
        Assert.That(accepted, Is.GreaterThanOrEqualTo(MinimumAcceptedAndCorrect));
    }
}

internal enum Outcome { Correct, Diagnosed, Wrong, Broken }

internal sealed record CaseResult(CorpusCase Case, Outcome Outcome, string Detail, IReadOnlyList<Diagnostic> Diagnostics, string? DiagnosedAt);

/// <summary>One generator run over the whole corpus, the emit, and the classification of every case.</summary>
internal sealed class CorpusRun
{
    private const string ProbeType = "CorpusProbes.Probe";

    public required IReadOnlyList<CaseResult> Results { get; init; }

    public required IReadOnlyList<string> ProbeNames { get; init; }

    public required IReadOnlyList<Diagnostic> UnmappedDiagnostics { get; init; }

    public static CorpusRun Execute()
    {
        string dir = Path.Combine(TestContext.CurrentContext.TestDirectory, "RealisticCorpus");
        string[] files = Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.Not.Empty, "RealisticCorpus/*.cs not copied to the test output");
        string[] sources = files.Select(File.ReadAllText).ToArray();

        CSharpCompilation input = GeneratorHarness.Compilation(sources);
        var userProblems = input.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(userProblems, Is.Empty, () => "the corpus itself must compile cleanly:\n" + string.Join("\n", userProblems));

        GeneratorDriver driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.That(driver.GetRunResult().Results[0].Exception, Is.Null, "generator threw");

        // [Differentiable] methods of the corpus, by symbol, with the generator diagnostics that point into them.
        var differentiable = new Dictionary<IMethodSymbol, MethodDeclarationSyntax>(SymbolEqualityComparer.Default);
        foreach (SyntaxTree tree in input.SyntaxTrees)
        {
            SemanticModel model = input.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax m in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(m) is { } s && s.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Dual.DifferentiableAttribute"))
                {
                    differentiable[s] = m;
                }
            }
        }

        var diagnosticsAt = new Dictionary<IMethodSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
        var unmapped = new List<Diagnostic>();
        foreach (Diagnostic d in generatorDiagnostics.Where(d => d.Id.StartsWith("DUAL", StringComparison.Ordinal) && (d.Severity == DiagnosticSeverity.Error || d.Id == "DUAL999")))
        {
            // The generator's diagnostics carry a file path and span (not a tree): match them by both.
            string path = d.Location.GetLineSpan().Path;
            IMethodSymbol? owner = d.Location == Location.None ? null
                : differentiable.FirstOrDefault(p => p.Value.SyntaxTree.FilePath == path && p.Value.FullSpan.Contains(d.Location.SourceSpan)).Key;
            if (owner is null)
            {
                unmapped.Add(d);
                continue;
            }

            if (!diagnosticsAt.TryGetValue(owner, out var list)) diagnosticsAt[owner] = list = new List<Diagnostic>();
            list.Add(d);
        }

        // Emit; a generated file that does not compile is removed (and recorded against its method) until the rest does.
        var generatedFor = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);
        foreach (IMethodSymbol s in differentiable.Keys) generatedFor.TryAdd(HintKey(s), s);
        var brokenGenerated = new Dictionary<IMethodSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
        var inputTrees = input.SyntaxTrees.Select(t => t.FilePath).ToHashSet(StringComparer.Ordinal);
        Compilation current = output;
        Assembly? assembly = null;
        for (int round = 0; round < 50 && assembly is null; round++)
        {
            using var ms = new MemoryStream();
            var emit = current.Emit(ms);
            var problems = emit.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } t && !inputTrees.Contains(t.FilePath)))
                .ToList();
            if (problems.Count == 0)
            {
                Assert.That(emit.Success, Is.True);
                ms.Position = 0;
                var alc = new AssemblyLoadContext("corpus" + Guid.NewGuid().ToString("N"), isCollectible: true);
                alc.Resolving += (_, name) => name.Name == "Dual" ? typeof(D).Assembly : null;
                assembly = alc.LoadFromStream(ms);
                break;
            }

            var badTrees = new HashSet<SyntaxTree>();
            foreach (Diagnostic p in problems)
            {
                SyntaxTree? tree = p.Location.SourceTree;
                Assert.That(tree is not null && !inputTrees.Contains(tree.FilePath), Is.True, () => "error outside generated code: " + p);
                string key = Path.GetFileName(tree!.FilePath);
                key = key.EndsWith(".g.cs", StringComparison.Ordinal) ? key[..^5] : key;
                IMethodSymbol? owner = generatedFor.TryGetValue(key, out var o) ? o : generatedFor.TryGetValue(StripIndex(key), out o) ? o : null;
                Assert.That(owner, Is.Not.Null, () => "cannot attribute generated file " + tree.FilePath + ": " + p);
                if (!brokenGenerated.TryGetValue(owner!, out var list)) brokenGenerated[owner!] = list = new List<Diagnostic>();
                list.Add(p);
                badTrees.Add(tree);
            }

            current = current.RemoveSyntaxTrees(badTrees);
        }

        Assert.That(assembly, Is.Not.Null, "the corpus never compiled");
        Type probes = assembly!.GetType(ProbeType, throwOnError: true)!;

        INamedTypeSymbol probeSymbol = input.GetTypeByMetadataName(ProbeType)!;
        var probeNames = probeSymbol.GetMembers().OfType<IMethodSymbol>().Where(differentiable.ContainsKey).Select(m => m.Name).ToList();

        var results = new List<CaseResult>();
        foreach (CorpusCase c in RealisticCorpusCases.All)
        {
            IMethodSymbol? probe = probeSymbol.GetMembers(c.Probe).OfType<IMethodSymbol>().FirstOrDefault();
            Assert.That(probe, Is.Not.Null, "no probe " + c.Probe);
            List<IMethodSymbol> reachable = Reachable(input, probe!, differentiable);

            var diags = reachable.Where(diagnosticsAt.ContainsKey).SelectMany(m => diagnosticsAt[m]).ToList();
            if (diags.Count > 0)
            {
                // Prefer a diagnostic in the user's code over one in the probe.
                IMethodSymbol at = reachable.Where(diagnosticsAt.ContainsKey).OrderBy(m => SymbolEqualityComparer.Default.Equals(m, probe) ? 1 : 0).First();
                Diagnostic first = diagnosticsAt[at][0];
                results.Add(new CaseResult(c, Outcome.Diagnosed, first.Id + ": " + first.GetMessage(), diags, SymbolEqualityComparer.Default.Equals(at, probe) ? "probe" : at.ContainingType.Name + "." + at.Name));
                continue;
            }

            var broken = reachable.Where(brokenGenerated.ContainsKey).ToList();
            if (broken.Count > 0)
            {
                results.Add(new CaseResult(c, Outcome.Broken, "generated code does not compile: " +
                    string.Join(" | ", broken.SelectMany(m => brokenGenerated[m].Take(3).Select(d => m.Name + ": " + d.Id + " " + d.GetMessage()))), diags, null));
                continue;
            }

            results.Add(Evaluate(c, probes));
        }

        return new CorpusRun { Results = results, ProbeNames = probeNames, UnmappedDiagnostics = unmapped };
    }

    /// <summary>The generator's hint name of a method's file, without ".g.cs" (type display name + "." + method name, other characters as '_').</summary>
    private static string HintKey(IMethodSymbol m)
    {
        string raw = m.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") + "." + m.Name;
        return new string(raw.Select(ch => char.IsLetterOrDigit(ch) || ch == '.' || ch == '_' ? ch : '_').ToArray());
    }

    private static string StripIndex(string key)
    {
        int u = key.LastIndexOf('_');
        return u > 0 && key[(u + 1)..].All(char.IsDigit) ? key[..u] : key;
    }

    /// <summary>Methods declared in the corpus that the probe reaches through calls (transitively), probe included.</summary>
    private static List<IMethodSymbol> Reachable(Compilation input, IMethodSymbol probe, IReadOnlyDictionary<IMethodSymbol, MethodDeclarationSyntax> differentiable)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { probe };
        var order = new List<IMethodSymbol> { probe };
        var queue = new Queue<IMethodSymbol>(order);
        while (queue.Count > 0)
        {
            IMethodSymbol m = queue.Dequeue();
            foreach (SyntaxReference r in m.DeclaringSyntaxReferences)
            {
                SyntaxNode node = r.GetSyntax();
                SemanticModel model = input.GetSemanticModel(node.SyntaxTree);
                foreach (SyntaxNode n in node.DescendantNodes())
                {
                    ISymbol? s = n switch
                    {
                        InvocationExpressionSyntax i => model.GetSymbolInfo(i).Symbol,
                        _ => null,
                    };
                    if (s is IMethodSymbol callee && callee.OriginalDefinition is { } def && def.DeclaringSyntaxReferences.Length > 0 && seen.Add(def))
                    {
                        order.Add(def);
                        queue.Enqueue(def);
                    }
                }
            }
        }

        return order;
    }

    private static CaseResult Evaluate(CorpusCase c, Type probes)
    {
        bool vector = c.Outputs > 1;
        MethodInfo? plain = probes.GetMethod(c.Probe, vector ? new[] { typeof(double[]), typeof(int) } : new[] { typeof(double[]) });
        MethodInfo? twin = probes.GetMethod(c.Probe, vector ? new[] { typeof(D[]), typeof(int) } : new[] { typeof(D[]) });
        MethodInfo? multi = probes.GetMethods().FirstOrDefault(m => m.Name == c.Probe && m.IsGenericMethodDefinition)?.MakeGenericMethod(typeof(Tangents4<double>));
        Assert.That(plain, Is.Not.Null, "plain probe " + c.Probe + " (check Outputs)");
        if (twin is null) return new CaseResult(c, Outcome.Broken, "no diagnostic, but no dual twin was generated", Array.Empty<Diagnostic>(), null);

        double Plain(double[] x, int k) => Unwrap(() => (double)plain!.Invoke(null, vector ? new object[] { x, k } : new object[] { x })!);

        double worst = 0;
        foreach (double[] point in c.Points)
        {
            for (int k = 0; k < c.Outputs; k++)
            {
                double f = Plain(point, k);
                double[] expected = c.Closed is { } closed ? closed(point, k, f) : FiniteDifference(x => Plain(x, k), point, c.Single);
                Assert.That(expected, Has.Length.EqualTo(point.Length), c.Probe + ": oracle length");
                Assert.That(expected.All(double.IsFinite), Is.True, c.Probe + ": oracle not finite");
                double scale = expected.Max(Math.Abs);
                double allowed(double tol) => tol * scale + 1e-12 * Math.Max(1, Math.Abs(f));
                double valueTol = (c.Single ? 1e-6 : 1e-12) * Math.Max(1, Math.Abs(f));

                // The scalar twin, one pass per input direction.
                var got = new double[point.Length];
                for (int j = 0; j < point.Length; j++)
                {
                    D[] x = point.Select((v, i) => new D(v, i == j ? 1.0 : 0.0)).ToArray();
                    D r;
                    try
                    {
                        r = Unwrap(() => (D)twin.Invoke(null, vector ? new object[] { x, k } : new object[] { x })!);
                    }
                    catch (Exception ex)
                    {
                        return new CaseResult(c, Outcome.Broken, $"twin threw {ex.GetType().Name}: {ex.Message}", Array.Empty<Diagnostic>(), null);
                    }

                    if (!(Math.Abs(r.Value - f) <= valueTol))
                    {
                        return Wrong(c, point, k, $"value {r.Value:R}, plain method {f:R}");
                    }

                    got[j] = r.Tangent;
                }

                if (Mismatch(got, expected, allowed(c.Tolerance), out double err) is { } bad)
                {
                    return Wrong(c, point, k, bad);
                }

                worst = Math.Max(worst, err / Math.Max(scale, 1e-300));

                // The multi-tangent twin (what the Gradient/Jacobian entry points run), four directions per pass.
                if (multi is not null)
                {
                    var gotMulti = new double[point.Length];
                    for (int start = 0; start < point.Length; start += 4)
                    {
                        M4[] x = point.Select((v, i) => i >= start && i < start + 4 ? M4.Variable(v, i - start) : M4.Constant(v)).ToArray();
                        M4 r;
                        try
                        {
                            r = Unwrap(() => (M4)multi.Invoke(null, vector ? new object[] { x, k } : new object[] { x })!);
                        }
                        catch (Exception ex)
                        {
                            return new CaseResult(c, Outcome.Broken, $"multi-tangent twin threw {ex.GetType().Name}: {ex.Message}", Array.Empty<Diagnostic>(), null);
                        }

                        if (!(Math.Abs(r.Value - f) <= valueTol))
                        {
                            return Wrong(c, point, k, $"multi-tangent value {r.Value:R}, plain method {f:R}");
                        }

                        for (int i = start; i < Math.Min(start + 4, point.Length); i++) gotMulti[i] = r.Tangents[i - start];
                    }

                    if (Mismatch(gotMulti, expected, allowed(c.Tolerance), out double errMulti) is { } badMulti)
                    {
                        return Wrong(c, point, k, "multi-tangent twin: " + badMulti);
                    }

                    worst = Math.Max(worst, errMulti / Math.Max(scale, 1e-300));
                }
            }
        }

        string paths = multi is null ? "scalar twin" : "scalar + multi-tangent twins";
        return new CaseResult(c, Outcome.Correct, $"{paths}; max rel. error {worst:0.0e+0} (tol {c.Tolerance:0e+0}, {(c.Closed is null ? "5-point FD" : "closed form")})", Array.Empty<Diagnostic>(), null);
    }

    private static CaseResult Wrong(CorpusCase c, double[] point, int k, string what) =>
        new(c, Outcome.Wrong, $"at x = [{string.Join(", ", point)}], output {k}: {what}", Array.Empty<Diagnostic>(), null);

    private static string? Mismatch(double[] got, double[] expected, double allowed, out double worst)
    {
        worst = 0;
        for (int j = 0; j < got.Length; j++)
        {
            double e = Math.Abs(got[j] - expected[j]);
            if (!(e <= allowed))
            {
                return $"∂/∂x[{j}]: expected {expected[j]:R}, got {got[j]:R} (full gradient expected [{string.Join(", ", expected.Select(v => v.ToString("G6")))}], got [{string.Join(", ", got.Select(v => v.ToString("G6")))}])";
            }

            worst = Math.Max(worst, e);
        }

        return null;
    }

    /// <summary>5-point central difference, h = ε^(1/5)·max(1, |xⱼ|) rounded to a representable step.</summary>
    private static double[] FiniteDifference(Func<double[], double> f, double[] x, bool single)
    {
        double eps = single ? Math.Pow(2, -23) : Math.Pow(2, -52);
        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            double h = Math.Pow(eps, 0.2) * Math.Max(1, Math.Abs(x[j]));
            h = (x[j] + h) - x[j];
            double At(double step)
            {
                double[] y = (double[])x.Clone();
                y[j] += step;
                return f(y);
            }

            g[j] = (At(-2 * h) - 8 * At(-h) + 8 * At(h) - At(2 * h)) / (12 * h);
        }

        return g;
    }

    private static T Unwrap<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    /// <summary>The table (case, domain, outcome, detail), the shares, and the rejections grouped by diagnostic.</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        int n = Results.Count;
        sb.AppendLine($"Realistic corpus: {n} cases");
        foreach (Outcome o in Enum.GetValues<Outcome>())
        {
            int count = Results.Count(r => r.Outcome == o);
            sb.AppendLine($"  {o,-10} {count,3}  {100.0 * count / n,5:0.0} %");
        }

        sb.AppendLine();
        sb.AppendLine("| Case | Domain | Method | Outcome | Detail |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (CaseResult r in Results)
        {
            string at = r.DiagnosedAt is null ? "" : $" (at {r.DiagnosedAt})";
            sb.AppendLine($"| {r.Case.Probe} | {r.Case.Domain} | {r.Case.Method} | {r.Outcome}{at} | {Shorten(r.Detail)} |");
        }

        sb.AppendLine();
        sb.AppendLine("Rejections by first diagnostic:");
        foreach (var g in Results.Where(r => r.Outcome == Outcome.Diagnosed).GroupBy(r => Shorten(r.Detail)).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"  {g.Count(),3}  {g.Key}  [{string.Join(", ", g.Select(r => r.Case.Probe))}]");
        }

        sb.AppendLine();
        sb.AppendLine("All diagnostics (id, message):");
        foreach (var g in Results.SelectMany(r => r.Diagnostics).Distinct().GroupBy(d => d.Id + ": " + Shorten(d.GetMessage())).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"  {g.Count(),3}  {g.Key}");
        }

        return sb.ToString();
    }

    private static string Shorten(string s)
    {
        int cut = s.IndexOf("; ", StringComparison.Ordinal);
        string t = cut > 0 ? s[..cut] : s;
        return t.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
