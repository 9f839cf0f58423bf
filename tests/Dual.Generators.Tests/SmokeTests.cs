using System.Linq;
using NUnit.Framework;

namespace Dual.Generators.Tests;

public class SmokeTests
{
    [Test]
    public void OneFilePerMethodWithTwinMultiTwinAndEntryPoints()
    {
        var r = GeneratorHarness.Run("""
            using System;
            using Dual;
            namespace Demo;
            public static partial class F
            {
                [Differentiable] public static double G(double x, double y) => Math.Sin(x) * y + x * x;
                [Differentiable] public static double G(double x) => x;
            }
            """);
        Assert.That(r.Dual, Is.Empty);
        Assert.That(r.Run.Results[0].GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "Demo.F.G.g.cs", "Demo.F.G_1.g.cs" }));
        string g = r.Generated("Demo.F.G.g.cs");
        Assert.That(g, Does.Contain("public static global::Dual.Dual<double> G(global::Dual.Dual<double> x, global::Dual.Dual<double> y)"));
        Assert.That(g, Does.Contain("public static global::Dual.Dual<double, TTangents> G<TTangents>("));
        Assert.That(g, Does.Contain("public static (double x, double y) GGradient(double x, double y)"));
        Assert.That(g, Does.Contain("public static (double Value, (double x, double y) Gradient) GValueAndGradient(double x, double y)"));
        Assert.That(g, Does.Contain("public static (double Value, double Tangent) GJvp(double x, double y, double dx, double dy)"));
    }
}
