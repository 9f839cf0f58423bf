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
        new("Tan", DeviceMath.Tan, Math.Tan, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e22))),
        new("Sinh", DeviceMath.Sinh, Math.Sinh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -711, 711))),
        new("Cosh", DeviceMath.Cosh, Math.Cosh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -711, 711))),
        new("Tanh", DeviceMath.Tanh, Math.Tanh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -23, 23))),
        new("Asin", DeviceMath.Asin, Math.Asin, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, 0.9, 1))),
        new("Acos", DeviceMath.Acos, Math.Acos, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, -1, -0.9))),
        new("Atan", DeviceMath.Atan, Math.Atan, (r, n) => Uniform(r, n, -4, 4).Concat(LogUniform(r, n, 1e-5, 1e20))),
        new("Asinh", DeviceMath.Asinh, Math.Asinh, (r, n) => Uniform(r, n, -4, 4).Concat(LogUniform(r, n, 1e-5, 1e20))),
        new("Acosh", DeviceMath.Acosh, Math.Acosh, (r, n) => Uniform(r, n, 1, 4).Concat(LogUniform(r, n, 1, 1e20, true)), true),
        new("Atanh", DeviceMath.Atanh, Math.Atanh, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, 0.99, 1))),
        new("Cbrt", DeviceMath.Cbrt, CbrtExact, (r, n) => Uniform(r, n, -10, 10).Concat(LogUniform(r, n, 1e-310, 1e308))),
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
        new("Tan", DeviceMath.Tan, MathF.Tan, (r, n) => Uniform(r, n, -20, 20).Concat(LogUniform(r, n, 1e3, 1e38))),
        new("Sinh", DeviceMath.Sinh, MathF.Sinh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -90, 90))),
        new("Cosh", DeviceMath.Cosh, MathF.Cosh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -90, 90))),
        new("Tanh", DeviceMath.Tanh, MathF.Tanh, (r, n) => Uniform(r, n, -3, 3).Concat(Uniform(r, n, -12, 12))),
        new("Asin", DeviceMath.Asin, MathF.Asin, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, 0.9, 1))),
        new("Acos", DeviceMath.Acos, MathF.Acos, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, -1, -0.9))),
        new("Atan", DeviceMath.Atan, MathF.Atan, (r, n) => Uniform(r, n, -4, 4).Concat(LogUniform(r, n, 1e-5, 1e20))),
        new("Asinh", DeviceMath.Asinh, MathF.Asinh, (r, n) => Uniform(r, n, -4, 4).Concat(LogUniform(r, n, 1e-5, 1e20))),
        new("Acosh", DeviceMath.Acosh, MathF.Acosh, (r, n) => Uniform(r, n, 1, 4).Concat(LogUniform(r, n, 1, 1e20, true)), true),
        new("Atanh", DeviceMath.Atanh, MathF.Atanh, (r, n) => Uniform(r, n, -1, 1).Concat(Uniform(r, n, 0.99, 1))),
        new("Cbrt", DeviceMath.Cbrt, MathF.Cbrt, (r, n) => Uniform(r, n, -10, 10).Concat(LogUniform(r, n, 1e-45, 3e38))),
    };

    /// <summary>One two-argument function (f64 and f32 together) and where to sample.</summary>
    public sealed record BinaryCase(string Name, Func<double, double, double> Ours, Func<double, double, double> Reference,
        Func<float, float, float> OursSingle, Func<float, float, float> ReferenceSingle,
        Func<Random, (double, double)> Dense)
    {
        public override string ToString() => Name;
    }

    public static readonly BinaryCase[] BinaryCases =
    {
        new("Atan2", DeviceMath.Atan2, Math.Atan2, DeviceMath.Atan2, MathF.Atan2,
            r => (r.NextDouble() * 20 - 10, r.NextDouble() * 20 - 10)),
        new("Pow", DeviceMath.Pow, Math.Pow, DeviceMath.Pow, MathF.Pow,
            r => (Math.Exp(r.NextDouble() * 10 - 5), r.NextDouble() * 200 - 100)),
        new("Hypot", DeviceMath.Hypot, LibM.Hypot, DeviceMath.Hypot, LibM.Hypot,
            r => (r.NextDouble() * 20 - 10, r.NextDouble() * 20 - 10)),
    };

    [TestCaseSource(nameof(BinaryCases))]
    public void Binary_WithinTwoUlp(BinaryCase c)
    {
        (double worst, double ax, double ay, int count) = Measure(c, new Random(999), LogUniformCount, DenseCount);
        TestContext.Out.WriteLine($"{c.Name} f64: max {worst} ulp at ({ax:R}, {ay:R}) over {count} argument pairs");
        Assert.That(worst, Is.LessThanOrEqualTo(2.0), $"{c.Name}({ax:R}, {ay:R}) = {c.Ours(ax, ay):R}, reference {c.Reference(ax, ay):R}");
        (double worstSingle, float sx, float sy, int countSingle) = MeasureSingle(c, new Random(998), LogUniformCount, DenseCount);
        TestContext.Out.WriteLine($"{c.Name} f32: max {worstSingle} ulp at ({sx:R}, {sy:R}) over {countSingle} argument pairs");
        Assert.That(worstSingle, Is.LessThanOrEqualTo(2.0), $"{c.Name}({sx:R}, {sy:R}) = {c.OursSingle(sx, sy):R}, reference {c.ReferenceSingle(sx, sy):R}");
    }

    /// <summary>Pairs: both log-uniform over the whole range, dense pairs, and every pair of special values.</summary>
    internal static IEnumerable<(double, double)> BinaryArguments(BinaryCase c, Random random, int logUniform, int dense)
    {
        double[] a = LogUniform(random, logUniform).ToArray(), b = LogUniform(random, logUniform).ToArray();
        for (int k = 0; k < logUniform; k++)
            yield return (a[k], b[k]);
        for (int k = 0; k < dense; k++)
            yield return c.Dense(random);
        foreach (double x in SpecialDoubles)
            foreach (double y in SpecialDoubles)
                yield return (x, y);
    }

    internal static (double Worst, double X, double Y, int Count) Measure(BinaryCase c, Random random, int logUniform, int dense)
    {
        double worst = 0, wx = double.NaN, wy = double.NaN;
        int count = 0;
        foreach ((double x, double y) in BinaryArguments(c, random, logUniform, dense))
        {
            count++;
            double d = UlpDistance(c.Ours(x, y), c.Reference(x, y));
            if (d > worst)
                (worst, wx, wy) = (d, x, y);
        }
        return (worst, wx, wy, count);
    }

    internal static (double Worst, float X, float Y, int Count) MeasureSingle(BinaryCase c, Random random, int logUniform, int dense)
    {
        double worst = 0;
        float wx = float.NaN, wy = float.NaN;
        int count = 0;
        float[] a = LogUniformSingle(random, logUniform).ToArray(), b = LogUniformSingle(random, logUniform).ToArray();
        IEnumerable<(float, float)> pairs = a.Zip(b)
            .Concat(Enumerable.Range(0, dense).Select(_ => c.Dense(random)).Select(p => ((float)p.Item1, (float)p.Item2)))
            .Concat(SpecialSingles.SelectMany(x => SpecialSingles.Select(y => (x, y))));
        foreach ((float x, float y) in pairs)
        {
            count++;
            double d = UlpDistance(c.OursSingle(x, y), c.ReferenceSingle(x, y));
            if (d > worst)
                (worst, wx, wy) = (d, x, y);
        }
        return (worst, wx, wy, count);
    }

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
        foreach (BinaryCase c in BinaryCases)
        {
            (double w, double x, double y, int n) = Measure(c, new Random(9), 600_000, 300_000);
            (double ws, float xs, float ys, int ns) = MeasureSingle(c, new Random(10), 600_000, 300_000);
            TestContext.Out.WriteLine($"| {c.Name} | {w} (at {x:R}, {y:R}) | {n} | {ws} (at {xs:R}, {ys:R}) | {ns} |");
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
