using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// The silent-wrong-risk corpus (<see cref="SilentWrongProbes"/>), compiled once with the generator: every probe is
/// either differentiated correctly (against a closed form) or reported as a DUAL error at the user's expression,
/// with exactly one diagnostic; no generated file has a compiler error, whatever was reported.
/// </summary>
public class SilentWrongProbeTests
{
    private sealed record Outcome(string Source, GeneratorHarness.Result Result, Assembly? Assembly, string EmitErrors);

    private static readonly Lazy<Outcome> s_outcome = new(Build);

    private static Outcome Build()
    {
        string source = SilentWrongProbes.Source(out _);
        GeneratorHarness.Result r = GeneratorHarness.Run(source, SilentWrongProbes.Support);
        using var ms = new MemoryStream();
        var emit = r.Output.Emit(ms);
        string errors = string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assembly? asm = null;
        if (emit.Success)
        {
            ms.Position = 0;
            var alc = new AssemblyLoadContext("probes" + Guid.NewGuid().ToString("N"), isCollectible: true);
            alc.Resolving += (ctx, name) => name.Name == "Dual" ? typeof(D).Assembly : null;
            asm = alc.LoadFromStream(ms);
        }
        return new Outcome(source, r, asm, errors);
    }

    private static (int Start, int End) Span(string source, Probe p)
    {
        int start = source.IndexOf("public static double " + p.Name + "(double x)", StringComparison.Ordinal);
        int end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal);
        return (start, end);
    }

    private static List<Diagnostic> DiagnosticsOf(Probe p)
    {
        Outcome o = s_outcome.Value;
        (int start, int end) = Span(o.Source, p);
        return o.Result.Dual.Where(d => d.Location.GetLineSpan().Path == "/src/File0.cs" && d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.Start < end).ToList();
    }

    [Test]
    public void NoCompilerErrorInAnyFile_GeneratedOrNot()
    {
        Outcome o = s_outcome.Value;
        var generatedErrors = o.Result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(generatedErrors, Is.Empty, () => string.Join("\n", generatedErrors));
        // The flow analysis, not the DUAL014 safety net, must decide every probe.
        Assert.That(o.Result.Dual.Where(d => d.Id is "DUAL014" or "DUAL999"), Is.Empty);
        Assert.That(o.Assembly, Is.Not.Null, o.EmitErrors);
    }

    [Test]
    public void CorpusHasEnoughProbesOfBothKinds()
    {
        int accepted = SilentWrongProbes.Accepted.Count(), diagnosed = SilentWrongProbes.Diagnosed.Count();
        TestContext.Out.WriteLine($"probes: {accepted + diagnosed} ({accepted} accepted and differentiated correctly, {diagnosed} diagnosed)");
        Assert.That(accepted + diagnosed, Is.GreaterThanOrEqualTo(40));
        Assert.That(SilentWrongProbes.All.Select(p => p.Name).Distinct().Count(), Is.EqualTo(SilentWrongProbes.All.Length), "probe names are unique");
    }

    public static IEnumerable<Probe> Diagnosed => SilentWrongProbes.Diagnosed;

    public static IEnumerable<Probe> Accepted => SilentWrongProbes.Accepted;

    [TestCaseSource(nameof(Diagnosed))]
    public void DiagnosedOnceAtTheUsersExpression(Probe p)
    {
        Outcome o = s_outcome.Value;
        List<Diagnostic> diags = DiagnosticsOf(p);
        if (p.InSupport is { } helperMarker)
        {
            // The root cause is in the helper the probe calls: reported there, with why the helper is differentiated.
            Assert.That(diags, Is.Empty, () => "the probe itself is not at fault:\n" + string.Join("\n", diags));
            string tag = "/*!" + helperMarker + "*/";
            int at = SilentWrongProbes.Support.IndexOf(tag, StringComparison.Ordinal) + tag.Length;
            Diagnostic? inHelper = o.Result.Dual.FirstOrDefault(d => d.Location.GetLineSpan().Path == "/src/File1.cs" && d.Location.SourceSpan.Start == at);
            Assert.That(inHelper, Is.Not.Null, () => "expected at " + helperMarker + "; got:\n" + string.Join("\n", o.Result.Dual.Where(d => d.Location.GetLineSpan().Path == "/src/File1.cs")));
            Assert.That((inHelper!.Id, inHelper.Severity), Is.EqualTo((p.Id, DiagnosticSeverity.Error)), inHelper.ToString());
            Assert.That(inHelper.GetMessage(), Does.Contain("is differentiated because"), inHelper.ToString());
            return;
        }
        Assert.That(diags, Has.Count.EqualTo(1), () => "one root cause, one diagnostic:\n" + string.Join("\n", diags));
        Diagnostic d = diags[0];
        Assert.That((d.Id, d.Severity), Is.EqualTo((p.Id, DiagnosticSeverity.Error)), d.ToString());
        (int start, int end) = Span(o.Source, p);
        int marker = o.Source.IndexOf("/*!*/", start, end - start, StringComparison.Ordinal);
        Assert.That(marker, Is.GreaterThan(0), "the probe marks the expected location with /*!*/");
        Assert.That(d.Location.SourceSpan.Start, Is.EqualTo(marker + 5), () => "at " + d.Location.GetLineSpan() + ": " + d.GetMessage() + "\nexpected at: "
            + o.Source.Substring(marker + 5, Math.Min(40, end - marker - 5)));
        string message = d.GetMessage();
        Assert.That(message, Does.Not.Contain("{").And.Not.Contain("''"), message);
    }

    [TestCaseSource(nameof(Accepted))]
    public void AcceptedAndDifferentiatedCorrectly(Probe p)
    {
        Outcome o = s_outcome.Value;
        Assert.That(DiagnosticsOf(p), Is.Empty);
        Assert.That(o.Assembly, Is.Not.Null, o.EmitErrors);
        MethodInfo twin = o.Assembly!.Method("Probes.P", p.Name, typeof(D));
        MethodInfo primal = o.Assembly!.Method("Probes.P", p.Name, typeof(double));
        foreach (double x in new[] { 0.37, 1.23, 2.71 })
        {
            D r = twin.Call<D>(new D(x, 1.0));
            double f = primal.Call<double>(x);
            Assert.That(r.Value, Is.EqualTo(f).Within(1e-12 * Math.Max(1, Math.Abs(f))), p.Name + " value at " + x);
            double expected = p.Derivative!(x);
            Assert.That(r.Tangent, Is.EqualTo(expected).Within(1e-6 * Math.Max(1, Math.Abs(expected))), p.Name + " derivative at " + x);
        }
    }

    [Test]
    public void CalleeWithErrorsGetsAPlaceholderThatThrows()
    {
        Outcome o = s_outcome.Value;
        Assert.That(o.Result.Dual.Select(d => d.Id + " " + d.Location.GetLineSpan().Path), Does.Contain("DUAL005 /src/File1.cs"), "Callees.Broken is reported");
        MethodInfo twin = o.Assembly!.Method("Probes.Callees", "Broken", typeof(D));
        var ex = Assert.Throws<TargetInvocationException>(() => twin.Invoke(null, new object[] { new D(1, 1) }));
        Assert.That(ex!.InnerException, Is.InstanceOf<InvalidOperationException>());
        Assert.That(ex.InnerException!.Message, Does.Contain("'Broken'").And.Contain("DUAL"));
    }
}
