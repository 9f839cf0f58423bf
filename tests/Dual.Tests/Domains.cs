using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Dual.Tests;

// Domain types: each wraps values drawn from a region where the function under test is smooth and the 5-point
// finite-difference stencil (step ≈ 7.4e-4·max(1e-3, |x|)) stays well inside it. The arbitraries have no shrinker,
// so neither FsCheck's default double generator (NaN, ±∞) nor a shrinker can walk onto a singular point.

/// <summary>Any real in [−10, 10].</summary>
public readonly record struct Real(double Value);

/// <summary>A real in [−10, 10] with |x| ≥ 0.05 (away from 0, the kink of Abs/Relu and the pole of 1/x).</summary>
public readonly record struct Moderate(double Value);

/// <summary>Log-uniform in [1e-3, 1e3].</summary>
public readonly record struct Positive(double Value);

/// <summary>In [−0.9, 0.9]: inside (−1, 1) and away from ±1 by far more than the stencil's reach.</summary>
public readonly record struct OpenUnit(double Value);

/// <summary>In [1.1, 100] (Acosh).</summary>
public readonly record struct AboveOne(double Value);

/// <summary>In [−0.9, 99] (LogP1 and friends, x > −1).</summary>
public readonly record struct AboveMinusOne(double Value);

/// <summary>In [−1.2, 1.2]: away from tan's poles at ±π/2.</summary>
public readonly record struct Angle(double Value);

/// <summary>In [−0.4, 0.4]: away from tanπ's poles at ±½.</summary>
public readonly record struct HalfTurn(double Value);

/// <summary>k + f with |k| ≤ 9 and f in [0.1, 0.4] ∪ [0.6, 0.9]: away from the jumps of Floor/Ceiling/Round/Truncate.</summary>
public readonly record struct NonInteger(double Value);

/// <summary>Two Moderate values.</summary>
public readonly record struct Pair(double X, double Y);

/// <summary>Two Moderate values whose values and magnitudes differ by at least 0.1 (no tie in Max/Min/…Magnitude).</summary>
public readonly record struct SeparatedPair(double X, double Y);

/// <summary>A base in [0.1, 10] and an exponent in [−3, 3].</summary>
public readonly record struct PowArgs(double Base, double Exponent);

/// <summary>A Moderate base and an integer exponent in [−4, 4].</summary>
public readonly record struct IntPowArgs(double Base, int Exponent);

/// <summary>A Positive x and a base in [0.1, 0.8] ∪ [1.25, 10] (away from base 1).</summary>
public readonly record struct LogBaseArgs(double X, double Base);

/// <summary>Three Real values.</summary>
public readonly record struct Triple(double X, double Y, double Z);

/// <summary>min &lt; max with the value at least 0.1 away from both bounds (inside or outside).</summary>
public readonly record struct ClampArgs(double Value, double Min, double Max);

/// <summary>Dividend and divisor (|divisor| in [0.5, 3]) whose quotient is k + f with f in [0.1, 0.4] ∪ [0.6, 0.9].</summary>
public readonly record struct DivisionArgs(double Dividend, double Divisor);

/// <summary>x &gt; 0 (Positive) and a root degree n in {−3, −2, −1, 1, 2, 3, 4, 5}.</summary>
public readonly record struct RootArgs(double X, int N);

/// <summary>A Real and a scale exponent in [−20, 20].</summary>
public readonly record struct ScaleArgs(double X, int N);

/// <summary>One to six logits in [−10, 10].</summary>
public readonly record struct Logits(double[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}

/// <summary>The FsCheck arbitraries for the domain types above.</summary>
public static class Domains
{
    private const int Resolution = 1 << 30;

    /// <summary>Uniform in [lo, hi].</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, Resolution).Select(k => lo + (hi - lo) * k / Resolution);

    /// <summary>Log-uniform in [lo, hi] (0 &lt; lo &lt; hi).</summary>
    public static Gen<double> LogUniform(double lo, double hi) =>
        Uniform(Math.Log(lo), Math.Log(hi)).Select(t => Math.Min(hi, Math.Max(lo, Math.Exp(t))));

    private static Gen<double> Signed(Gen<double> magnitude) =>
        magnitude.SelectMany(m => Gen.Elements(-m, m));

    private static readonly Gen<double> ModerateGen = Signed(Uniform(0.05, 10));

    private static Gen<double> Fraction() =>
        Gen.OneOf(Uniform(0.1, 0.4), Uniform(0.6, 0.9));

    public static Arbitrary<Real> Real() => Arb.From(Uniform(-10, 10).Select(v => new Real(v)));

    public static Arbitrary<Moderate> Moderate() => Arb.From(ModerateGen.Select(v => new Moderate(v)));

    public static Arbitrary<Positive> Positive() => Arb.From(LogUniform(1e-3, 1e3).Select(v => new Positive(v)));

    public static Arbitrary<OpenUnit> OpenUnit() => Arb.From(Uniform(-0.9, 0.9).Select(v => new OpenUnit(v)));

    public static Arbitrary<AboveOne> AboveOne() => Arb.From(Uniform(1.1, 100).Select(v => new AboveOne(v)));

    public static Arbitrary<AboveMinusOne> AboveMinusOne() =>
        Arb.From(LogUniform(0.1, 100).Select(v => new AboveMinusOne(v - 1)));

    public static Arbitrary<Angle> Angle() => Arb.From(Uniform(-1.2, 1.2).Select(v => new Angle(v)));

    public static Arbitrary<HalfTurn> HalfTurn() => Arb.From(Uniform(-0.4, 0.4).Select(v => new HalfTurn(v)));

    public static Arbitrary<NonInteger> NonInteger() =>
        Arb.From(Gen.Choose(-9, 9).SelectMany(k => Fraction().Select(f => new NonInteger(k + f))));

    public static Arbitrary<Pair> Pair() =>
        Arb.From(ModerateGen.SelectMany(x => ModerateGen.Select(y => new Pair(x, y))));

    public static Arbitrary<SeparatedPair> SeparatedPair() =>
        Arb.From(ModerateGen.SelectMany(x => ModerateGen.Select(y => new SeparatedPair(x, y)))
            .Where(p => Math.Abs(p.X - p.Y) >= 0.1 && Math.Abs(Math.Abs(p.X) - Math.Abs(p.Y)) >= 0.1));

    public static Arbitrary<PowArgs> PowArgs() =>
        Arb.From(LogUniform(0.1, 10).SelectMany(b => Uniform(-3, 3).Select(e => new PowArgs(b, e))));

    public static Arbitrary<IntPowArgs> IntPowArgs() =>
        Arb.From(Signed(Uniform(0.1, 5)).SelectMany(b => Gen.Choose(-4, 4).Select(n => new IntPowArgs(b, n))));

    public static Arbitrary<LogBaseArgs> LogBaseArgs() =>
        Arb.From(LogUniform(1e-3, 1e3).SelectMany(x =>
            Gen.OneOf(Uniform(0.1, 0.8), Uniform(1.25, 10)).Select(b => new LogBaseArgs(x, b))));

    public static Arbitrary<Triple> Triple() =>
        Arb.From(Uniform(-10, 10).Three().Select(t => new Triple(t.Item1, t.Item2, t.Item3)));

    public static Arbitrary<ClampArgs> ClampArgs() =>
        Arb.From(Uniform(-10, 10).Three()
            .Select(t => new ClampArgs(t.Item1, Math.Min(t.Item2, t.Item3), Math.Max(t.Item2, t.Item3)))
            .Where(c => c.Max - c.Min >= 0.1 && Math.Abs(c.Value - c.Min) >= 0.1 && Math.Abs(c.Value - c.Max) >= 0.1));

    public static Arbitrary<DivisionArgs> DivisionArgs() =>
        Arb.From(Signed(Uniform(0.5, 3)).SelectMany(d =>
            Gen.Choose(-5, 5).SelectMany(k => Fraction().Select(f => new DivisionArgs((k + f) * d, d)))));

    public static Arbitrary<RootArgs> RootArgs() =>
        Arb.From(LogUniform(1e-3, 1e3).SelectMany(x =>
            Gen.Elements(-3, -2, -1, 1, 2, 3, 4, 5).Select(n => new RootArgs(x, n))));

    public static Arbitrary<ScaleArgs> ScaleArgs() =>
        Arb.From(Uniform(-10, 10).SelectMany(x => Gen.Choose(-20, 20).Select(n => new ScaleArgs(x, n))));

    public static Arbitrary<Logits> Logits() =>
        Arb.From(Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Uniform(-10, 10), n)).Select(v => new Logits(v)));
}
