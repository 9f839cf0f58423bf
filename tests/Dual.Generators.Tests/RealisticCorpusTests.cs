using System;
using System.Linq;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// The realistic corpus (RealisticCorpus/*.cs, code written without the generator in mind) run through the generator
/// in one compilation. Each case is classified as accepted and correct, diagnosed (DUAL errors at the method, a
/// [Differentiable] callee, or its probe), silently WRONG (compiles, runs, derivative or value disagrees with the
/// independent oracle), or broken (generated code that does not compile — also when the generator's DUAL014 safety
/// net catches it —, a missing twin, a twin that throws, an internal generator error DUAL999).
/// WRONG and broken fail the test; the accepted count is a ratchet. The classification is computed once
/// (<see cref="CorpusRun"/>) and printed by <see cref="NothingIsSilentlyWrong"/>; docs/generator.md gives the command.
/// </summary>
public class RealisticCorpusTests
{
    /// <summary>Accepted-and-correct cases on today's generator: raise it as the generator accepts more (never lower it).</summary>
    private const int MinimumAcceptedAndCorrect = 96;

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
    public void OraclesAreSelfConsistent()
    {
        var problems = s_run.Value.OracleProblems();
        Assert.That(problems, Is.Empty, () => string.Join("\n", problems));
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
