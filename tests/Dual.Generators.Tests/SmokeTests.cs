using NUnit.Framework;

namespace Dual.Generators.Tests;

public class SmokeTests
{
    [Test, Explicit("prints the corpus output for review")]
    public void PrintCorpus()
    {
        var r = GeneratorHarness.Run(Corpus.Source);
        foreach (var s in r.Run.Results[0].GeneratedSources) TestContext.Out.WriteLine("//// " + s.HintName + "\n" + s.SourceText);
        Assert.That(r.Run.Results[0].GeneratedSources, Is.Not.Empty);
    }

    [Test]
    public void PrintGenerated()
    {
        var r = GeneratorHarness.Run("""
            using System;
            using Dual;
            namespace Demo;
            public static partial class F
            {
                [Differentiable] public static double G(double x, double y) => Math.Sin(x) * y + x * x;
            }
            """);
        TestContext.Out.WriteLine(GeneratorHarness.Numbered(r.Output));
        foreach (var d in r.GeneratorDiagnostics) TestContext.Out.WriteLine(d);
        Assert.That(r.Run.Results[0].GeneratedSources, Has.Length.EqualTo(1));
    }
}
