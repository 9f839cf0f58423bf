using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
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

/// <summary>How a corpus case came out.</summary>
internal enum Outcome { Correct, Diagnosed, Wrong, Broken }

/// <summary>A case's outcome; for a diagnosed case, the first diagnostic in the user's code (else in the probe), where it is, and all of them.</summary>
internal sealed record CaseResult(CorpusCase Case, Outcome Outcome, string Detail, IReadOnlyList<Diagnostic> Diagnostics, string? DiagnosedAt, Diagnostic? Primary = null);

/// <summary>One generator run over the whole corpus, the emit, and the classification of every case.</summary>
internal sealed class CorpusRun
{
    private const string ProbeType = "CorpusProbes.Probe";

    public required IReadOnlyList<CaseResult> Results { get; init; }

    public required IReadOnlyList<string> ProbeNames { get; init; }

    public required IReadOnlyList<Diagnostic> UnmappedDiagnostics { get; init; }

    /// <summary>The compiled probe type; its plain (double) probes are the user's own code, untouched by the generator.</summary>
    public required Type Probes { get; init; }

    /// <summary>Wall and process CPU time of each phase (CPU time is the steadier figure on a shared machine).</summary>
    public required IReadOnlyList<(string Phase, TimeSpan Wall, TimeSpan Cpu)> Timings { get; init; }

    public static CorpusRun Execute()
    {
        var timings = new List<(string, TimeSpan, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        void Lap(string phase)
        {
            TimeSpan now = Process.GetCurrentProcess().TotalProcessorTime;
            timings.Add((phase, clock.Elapsed, now - cpu));
            cpu = now;
            clock.Restart();
        }

        string dir = Path.Combine(TestContext.CurrentContext.TestDirectory, "RealisticCorpus");
        string[] files = Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.Not.Empty, "RealisticCorpus/*.cs not copied to the test output");
        string[] sources = files.Select(File.ReadAllText).ToArray();

        CSharpCompilation input = GeneratorHarness.Compilation(sources);
        GeneratorDriver driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.That(driver.GetRunResult().Results[0].Exception, Is.Null, "generator threw");
        Lap("parse, bind and run the generator");

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
            // A diagnostic inside a helper without the attribute (differentiated transitively) belongs to that helper,
            // which Reachable finds from the probes that call it.
            owner ??= d.Location == Location.None ? null : HelperAt(input, path, d.Location.SourceSpan);
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
            var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            var inCorpus = problems.Where(d => d.Location.SourceTree is null || inputTrees.Contains(d.Location.SourceTree.FilePath)).ToList();
            Assert.That(inCorpus, Is.Empty, () => "the corpus itself must compile cleanly:\n" + string.Join("\n", inCorpus));
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
                SyntaxTree tree = p.Location.SourceTree!;
                string key = Path.GetFileName(tree.FilePath);
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
        Lap("emit and load");
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
            if (diags.FirstOrDefault(d => d.Id == "DUAL999") is { } crash)
            {
                results.Add(new CaseResult(c, Outcome.Broken, "generator internal error: " + crash.GetMessage(), diags, null));
                continue;
            }

            // DUAL014 is the generator's safety net catching a twin of its own that does not compile: a generator gap,
            // not a refusal of the user's construct, so it counts as broken even though the user sees a DUAL error.
            if (diags.FirstOrDefault(d => d.Id == "DUAL014") is { } uncompiled)
            {
                results.Add(new CaseResult(c, Outcome.Broken, "generated twin does not compile (DUAL014 safety net): " + uncompiled.GetMessage(), diags, null));
                continue;
            }

            if (diags.Count > 0)
            {
                // Prefer a diagnostic in the user's code over one in the probe.
                IMethodSymbol at = reachable.Where(diagnosticsAt.ContainsKey).OrderBy(m => SymbolEqualityComparer.Default.Equals(m, probe) ? 1 : 0).First();
                Diagnostic first = diagnosticsAt[at][0];
                var others = diags.Select(d => d.Id).Distinct().Where(id => id != first.Id).ToList();
                string more = diags.Count > 1 ? $" (+{diags.Count - 1} more{(others.Count > 0 ? ": " + string.Join(", ", others) : "")})" : "";
                results.Add(new CaseResult(c, Outcome.Diagnosed, first.Id + ": " + Shorten(first.GetMessage()) + more, diags,
                    SymbolEqualityComparer.Default.Equals(at, probe) ? "probe" : at.ContainingType.Name + "." + at.Name, first));
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

        Lap("classify and evaluate against the oracles");
        return new CorpusRun { Results = results, ProbeNames = probeNames, UnmappedDiagnostics = unmapped, Probes = probes, Timings = timings };
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
    /// <summary>The method (not [Differentiable]) whose declaration holds <paramref name="span"/> in the file <paramref name="path"/>.</summary>
    private static IMethodSymbol? HelperAt(Compilation input, string path, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        SyntaxTree? tree = input.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        if (tree is null) return null;
        BaseMethodDeclarationSyntax? decl = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().LastOrDefault(m => m.FullSpan.Contains(span));
        return decl is null ? null : input.GetSemanticModel(tree).GetDeclaredSymbol(decl) as IMethodSymbol;
    }

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

    /// <summary>Output k of the plain probe (the user's code compiled as written) at x.</summary>
    public static Func<double[], int, double> Plain(CorpusCase c, Type probes)
    {
        bool vector = c.Outputs > 1;
        MethodInfo? plain = probes.GetMethod(c.Probe, vector ? new[] { typeof(double[]), typeof(int) } : new[] { typeof(double[]) });
        Assert.That(plain, Is.Not.Null, "plain probe " + c.Probe + " (check Outputs)");
        return (x, k) => Unwrap(() => (double)plain!.Invoke(null, vector ? new object[] { x, k } : new object[] { x })!);
    }

    /// <summary>
    /// Checks the oracles themselves on the plain code, whatever the generator does: the 5-point difference with step
    /// h agrees with the one with step h/2 (so no kink or noise sits inside the stencil), and every closed form agrees
    /// with the finite difference (so the hand derivation is right).
    /// </summary>
    public IReadOnlyList<string> OracleProblems()
    {
        var problems = new List<string>();
        foreach (CorpusCase c in RealisticCorpusCases.All)
        {
            Func<double[], int, double> plain = Plain(c, Probes);
            double fdTol = c.FdTolerance;
            foreach (double[] point in c.Points)
            {
                for (int k = 0; k < c.Outputs; k++)
                {
                    int kk = k;
                    double f = plain(point, k);
                    double[] fd = FiniteDifference(x => plain(x, kk), point, c, 1);
                    double[] fdHalf = FiniteDifference(x => plain(x, kk), point, c, 2);
                    double allowed = fdTol * fd.Max(Math.Abs) + 1e-12 * Math.Max(1, Math.Abs(f));
                    if (Mismatch(fdHalf, fd, allowed, out _) is { } bad)
                    {
                        problems.Add($"{c.Probe} at [{string.Join(", ", point)}] output {k}: FD(h/2) vs FD(h): {bad}");
                    }

                    if (c.Closed is { } closed && Mismatch(closed(point, k, f), fd, allowed, out _) is { } wrong)
                    {
                        problems.Add($"{c.Probe} at [{string.Join(", ", point)}] output {k}: closed form vs FD: {wrong}");
                    }
                }
            }
        }

        return problems;
    }

    private static CaseResult Evaluate(CorpusCase c, Type probes)
    {
        bool vector = c.Outputs > 1;
        MethodInfo? twin = probes.GetMethod(c.Probe, vector ? new[] { typeof(D[]), typeof(int) } : new[] { typeof(D[]) });
        MethodInfo? multi = probes.GetMethods().FirstOrDefault(m => m.Name == c.Probe && m.IsGenericMethodDefinition)?.MakeGenericMethod(typeof(Tangents4<double>));
        if (twin is null) return new CaseResult(c, Outcome.Broken, "no diagnostic, but no dual twin was generated", Array.Empty<Diagnostic>(), null);
        Func<double[], int, double> plain = Plain(c, probes);

        double worst = 0;
        foreach (double[] point in c.Points)
        {
            for (int k = 0; k < c.Outputs; k++)
            {
                int kk = k;
                double f = plain(point, k);
                double[] expected = c.Closed is { } closed ? closed(point, k, f) : FiniteDifference(x => plain(x, kk), point, c, 1);
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

    /// <summary>5-point central difference, h = ε^(1/5)·sⱼ/<paramref name="divisor"/> with sⱼ = max(1, |xⱼ|) unless the
    /// case gives the input's scale, rounded to a representable step.</summary>
    private static double[] FiniteDifference(Func<double[], double> f, double[] x, CorpusCase c, int divisor)
    {
        double eps = c.Single ? Math.Pow(2, -23) : Math.Pow(2, -52);
        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            double h = Math.Pow(eps, 0.2) * (c.Scales?[j] ?? Math.Max(1, Math.Abs(x[j]))) / divisor;
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

    /// <summary>The shares, the counts per domain, the table (case, domain, outcome, detail), and the rejections grouped by diagnostic.</summary>
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

        sb.AppendLine("Time per phase (wall / process CPU): " + string.Join("; ", Timings.Select(t => $"{t.Phase} {t.Wall.TotalSeconds:0.0} s / {t.Cpu.TotalSeconds:0.0} s")));
        sb.AppendLine();
        sb.AppendLine("| Domain | cases | Correct | Diagnosed | Wrong | Broken |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in Results.GroupBy(r => r.Case.Domain))
        {
            sb.AppendLine($"| {d.Key} | {d.Count()} | {string.Join(" | ", Enum.GetValues<Outcome>().Select(o => d.Count(r => r.Outcome == o)))} |");
        }

        sb.AppendLine($"| all | {n} | {string.Join(" | ", Enum.GetValues<Outcome>().Select(o => Results.Count(r => r.Outcome == o)))} |");

        sb.AppendLine();
        sb.AppendLine("| Case | Domain | Method | Wanted | Outcome | Detail |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (CaseResult r in Results)
        {
            string at = r.DiagnosedAt is null ? "" : $" (at {r.DiagnosedAt})";
            sb.AppendLine($"| {r.Case.Probe} | {r.Case.Domain} | {r.Case.Method} | {r.Case.Wants} | {r.Outcome}{at} | {Escape(r.Detail)} |");
        }

        sb.AppendLine();
        sb.AppendLine("Rejections by first diagnostic:");
        foreach (var g in Results.Where(r => r.Outcome == Outcome.Diagnosed).GroupBy(r => r.Primary!.Id + ": " + Escape(Shorten(r.Primary.GetMessage()))).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"  {g.Count(),3}  {g.Key}  [{string.Join(", ", g.Select(r => r.Case.Probe))}]");
        }

        sb.AppendLine();
        sb.AppendLine("All diagnostics (id, message):");
        foreach (var g in Results.SelectMany(r => r.Diagnostics).Distinct().GroupBy(d => d.Id + ": " + Escape(Shorten(d.GetMessage()))).OrderByDescending(g => g.Count()))
        {
            sb.AppendLine($"  {g.Count(),3}  {g.Key}");
        }

        return sb.ToString();
    }

    /// <summary>A diagnostic message up to its advice (the part after the first "; ").</summary>
    private static string Shorten(string s)
    {
        int cut = s.IndexOf("; ", StringComparison.Ordinal);
        return cut > 0 ? s[..cut] : s;
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
