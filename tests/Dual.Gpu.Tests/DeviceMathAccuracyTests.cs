using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using static Dual.Gpu.Tests.DeviceMathTestSupport;

namespace Dual.Gpu.Tests;

/// <summary>
/// DeviceMath against System.Math / MathF (glibc's libm on Linux, &lt; 1 ulp for these functions): random arguments
/// log-uniform over the whole exponent range, dense samples where the function is interesting, and the special values.
/// The bound is 2 ulp everywhere; the [Explicit] sweep runs a hundred times more arguments and prints the table.
/// </summary>
[TestFixture]
public sealed class DeviceMathAccuracyTests
{
    /// <summary>One f64 function: ours, the oracle, and where to sample densely.</summary>
    public sealed record Case(string Name, Func<double, double> Ours, Func<double, double> Reference,
        Func<Random, int, IEnumerable<double>> Dense, bool PositiveOnly = false)
    {
        public override string ToString() => Name;
    }

    /// <summary>One f32 function.</summary>
    public sealed record SingleCase(string Name, Func<float, float> Ours, Func<float, float> Reference,
        Func<Random, int, IEnumerable<double>> Dense, bool PositiveOnly = false)
    {
        public override string ToString() => Name;
    }

    private static double SinCosSin(double x)
    {
        DeviceMath.SinCos(x, out double s, out _);
        return s;
    }

    private static double SinCosCos(double x)
    {
        DeviceMath.SinCos(x, out _, out double c);
        return c;
    }

    private static float SinCosSin(float x)
    {
        DeviceMath.SinCos(x, out float s, out _);
        return s;
    }

    private static float SinCosCos(float x)
    {
        DeviceMath.SinCos(x, out _, out float c);
        return c;
    }

    public static readonly Case[] Cases =
    {
        new("Sin", DeviceMath.Sin, Math.Sin, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e22))),
        new("Cos", DeviceMath.Cos, Math.Cos, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e22))),
        new("SinCos.sin", SinCosSin, Math.Sin, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e5, 1e7))),
        new("SinCos.cos", SinCosCos, Math.Cos, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e5, 1e7))),
        new("Exp", DeviceMath.Exp, Math.Exp, (r, n) => Uniform(r, n, -746, 710).Concat(Uniform(r, n, -2, 2))),
        new("Exp2", DeviceMath.Exp2, d => Math.Pow(2, d), (r, n) => Uniform(r, n, -1076, 1025).Concat(Uniform(r, n, -2, 2))),
        new("ExpM1", DeviceMath.ExpM1, LibM.ExpM1, (r, n) => Uniform(r, n, -40, 710).Concat(LogUniform(r, n, 1e-20, 2))),
        new("Log", DeviceMath.Log, Math.Log, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-310, 1e308, true)), true),
        new("Log2", DeviceMath.Log2, Math.Log2, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-310, 1e308, true)), true),
        new("Log10", DeviceMath.Log10, Math.Log10, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-310, 1e308, true)), true),
        new("Log1P", DeviceMath.Log1P, LibM.Log1P, (r, n) => Uniform(r, n, -1, 2).Concat(LogUniform(r, n, 1e-20, 1e10))),
    };

    public static readonly SingleCase[] SingleCases =
    {
        new("Sin", DeviceMath.Sin, MathF.Sin, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e38))),
        new("Cos", DeviceMath.Cos, MathF.Cos, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e38))),
        new("SinCos.sin", SinCosSin, MathF.Sin, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e5, 1e7))),
        new("SinCos.cos", SinCosCos, MathF.Cos, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e5, 1e7))),
        new("Exp", DeviceMath.Exp, MathF.Exp, (r, n) => Uniform(r, n, -104, 89).Concat(Uniform(r, n, -2, 2))),
        new("Exp2", DeviceMath.Exp2, f => MathF.Pow(2, f), (r, n) => Uniform(r, n, -151, 129).Concat(Uniform(r, n, -2, 2))),
        new("ExpM1", DeviceMath.ExpM1, LibM.ExpM1, (r, n) => Uniform(r, n, -20, 89).Concat(LogUniform(r, n, 1e-20, 2))),
        new("Log", DeviceMath.Log, MathF.Log, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-45, 3e38, true)), true),
        new("Log2", DeviceMath.Log2, MathF.Log2, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-45, 3e38, true)), true),
        new("Log10", DeviceMath.Log10, MathF.Log10, (r, n) => Uniform(r, n, 0.5, 2).Concat(LogUniform(r, n, 1e-45, 3e38, true)), true),
        new("Log1P", DeviceMath.Log1P, LibM.Log1P, (r, n) => Uniform(r, n, -1, 2).Concat(LogUniform(r, n, 1e-20, 1e10))),
    };

    private const int LogUniformCount = 6000;
    private const int DenseCount = 3000;

    [TestCaseSource(nameof(Cases))]
    public void Double_WithinTwoUlp(Case c)
    {
        (double worst, double at, int count) = Measure(c, new Random(12345), LogUniformCount, DenseCount);
        TestContext.Out.WriteLine($"{c.Name} f64: max {worst} ulp at {at:R} over {count} arguments");
        Assert.That(worst, Is.LessThanOrEqualTo(2.0), $"{c.Name}({at:R}) = {c.Ours(at):R}, System.Math says {c.Reference(at):R}");
    }

    [TestCaseSource(nameof(SingleCases))]
    public void Single_WithinTwoUlp(SingleCase c)
    {
        (double worst, float at, int count) = Measure(c, new Random(54321), LogUniformCount, DenseCount);
        TestContext.Out.WriteLine($"{c.Name} f32: max {worst} ulp at {at:R} over {count} arguments");
        Assert.That(worst, Is.LessThanOrEqualTo(2.0), $"{c.Name}({at:R}) = {c.Ours(at):R}, MathF says {c.Reference(at):R}");
    }

    [Test, Explicit("the large sweep (minutes); prints the accuracy table")]
    public void Sweep()
    {
        TestContext.Out.WriteLine("| function | f64 max ulp | f64 arguments | f32 max ulp | f32 arguments |");
        TestContext.Out.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (Case c in Cases)
        {
            SingleCase? s = SingleCases.FirstOrDefault(x => x.Name == c.Name);
            (double w, double at, int n) = Measure(c, new Random(7), 600_000, 300_000);
            string single = "";
            if (s is not null)
            {
                (double ws, float ats, int ns) = Measure(s, new Random(8), 600_000, 300_000);
                single = $"{ws} (at {ats:R}) | {ns}";
            }
            TestContext.Out.WriteLine($"| {c.Name} | {w} (at {at:R}) | {n} | {single} |");
        }
    }

    internal static (double Worst, double At, int Count) Measure(Case c, Random random, int logUniform, int dense)
    {
        IEnumerable<double> args = LogUniform(random, logUniform, c.PositiveOnly).Concat(c.Dense(random, dense)).Concat(SpecialDoubles);
        double worst = 0, at = double.NaN;
        int count = 0;
        foreach (double x in args)
        {
            count++;
            double d = UlpDistance(c.Ours(x), c.Reference(x));
            if (d > worst || (double.IsNaN(at) && d == worst))
            {
                worst = d;
                at = x;
            }
        }
        return (worst, at, count);
    }

    internal static (double Worst, float At, int Count) Measure(SingleCase c, Random random, int logUniform, int dense)
    {
        IEnumerable<float> args = LogUniformSingle(random, logUniform, c.PositiveOnly)
            .Concat(c.Dense(random, dense).Select(d => (float)d)).Concat(SpecialSingles);
        double worst = 0;
        float at = float.NaN;
        int count = 0;
        foreach (float x in args)
        {
            count++;
            double d = UlpDistance(c.Ours(x), c.Reference(x));
            if (d > worst || (float.IsNaN(at) && d == worst))
            {
                worst = d;
                at = x;
            }
        }
        return (worst, at, count);
    }
}
