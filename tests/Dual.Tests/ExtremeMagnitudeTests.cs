using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Dual.Tests.Oracles;
using NUnit.Framework;
using B = Dual.Tests.Oracles.BigFloat;

namespace Dual.Tests;

/// <summary>
/// Derivatives at the ends of the range — 1e±300, subnormals and the overflow threshold in double; 1e±35, subnormals
/// and 3e38 in float — against <see cref="BigFloat"/>, which evaluates each closed form with ~250 bits and an
/// unbounded exponent and rounds once. A rule whose intermediate (x² + y², n·x, x·ln b, 1/c, bˣ) over- or
/// underflows where the derivative itself does not would be off by far more than the bounds below (it gives 0, ∞,
/// NaN or a handful of significant bits).
/// </summary>
/// <remarks>Bounds are in units in the last place of the correctly rounded derivative, counted through the subnormal
/// range (one ulp there is the smallest subnormal): 2 ulps for rational forms and the logarithms' 1/(x ln b);
/// 3 for those with a square root or a rescaling step; 4 where a library pow/exp is involved (Pow, RootN, Cbrt,
/// Exp2/Exp10, Tanh, Sigmoid, Softplus), whose own error is up to 1 ulp and is then multiplied once or twice.</remarks>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public sealed class ExtremeMagnitudeTests<T> where T : struct, IFloatingPointIeee754<T>
{
    private static readonly bool IsDouble = typeof(T) == typeof(double);

    private static T Of(double value) => T.CreateChecked(value);

    private static B Exact(T value) => IsDouble ? B.From((double)(object)value) : B.From((float)(object)value);

    private static T Round(B value) => IsDouble ? (T)(object)value.ToDouble() : (T)(object)value.ToSingle();

    private static long OrderedBits(T value)
    {
        long bits = IsDouble ? BitConverter.DoubleToInt64Bits((double)(object)value) : BitConverter.SingleToInt32Bits((float)(object)value);
        return bits < 0 ? (IsDouble ? long.MinValue : int.MinValue) - bits : bits;
    }

    private static long Ulps(T actual, T expected)
    {
        if (T.IsNaN(actual) || T.IsNaN(expected)) return T.IsNaN(actual) && T.IsNaN(expected) ? 0 : long.MaxValue;
        return Math.Abs(OrderedBits(actual) - OrderedBits(expected));
    }

    private static void AssertClose(string what, T actual, B exact, int bound)
    {
        T expected = Round(exact);
        long ulps = Ulps(actual, expected);
        Assert.That(ulps, Is.LessThanOrEqualTo(bound), $"{what}: {actual} vs correctly rounded {expected} ({ulps} ulps, bound {bound}; exact ≈ {exact})");
    }

    // Magnitudes: tiny (subnormal), small, around the square-root thresholds, large, and the largest finite.
    private static double[] Magnitudes => IsDouble
        ? [5e-324, 3e-320, 1e-310, 2.5e-308, 1e-300, 1e-200, 1e-160, 1e-154, 1.5, 1e154, 1e155, 1e160, 1e200, 1e300, 1.7e308]
        : [1e-45, 3e-42, 1e-39, 2e-38, 1e-35, 1e-23, 1e-20, 1.5, 1e19, 1e20, 1e23, 1e35, 3.4e38];

    private static IEnumerable<T> Signed(IEnumerable<double> values) => values.SelectMany(v => new[] { Of(v), Of(-v) });

    private static void Unary(string name, Func<Dual<T>, Dual<T>> f, Func<B, B> derivative, IEnumerable<T> inputs, int bound)
    {
        foreach (T x in inputs)
        {
            Dual<T> r = f(new Dual<T>(x, T.One));
            AssertClose($"{name}′({x})", r.Tangent, derivative(Exact(x)), bound);
        }
    }

    private static void Binary(string name, Func<Dual<T>, Dual<T>, Dual<T>> f, Func<B, B, B> dx, Func<B, B, B> dy, IEnumerable<(T X, T Y)> inputs, int bound)
    {
        foreach ((T x, T y) in inputs)
        {
            Dual<T> rx = f(new Dual<T>(x, T.One), new Dual<T>(y, T.Zero));
            Dual<T> ry = f(new Dual<T>(x, T.Zero), new Dual<T>(y, T.One));
            AssertClose($"∂{name}/∂x({x}, {y})", rx.Tangent, dx(Exact(x), Exact(y)), bound);
            AssertClose($"∂{name}/∂y({x}, {y})", ry.Tangent, dy(Exact(x), Exact(y)), bound);
        }
    }

    private static IEnumerable<(T, T)> Pairs(IEnumerable<double> a, IEnumerable<double> b)
        => from x in a from y in b select (Of(x), Of(y));

    private static double Max => IsDouble ? double.MaxValue : float.MaxValue;

    // ---- inverse trigonometric and hyperbolic: 1 + x², x² ± 1, x² + y² -------------------------------------------

    [Test]
    public void Atan_and_AtanPi() 
    {
        Unary("Atan", Dual<T>.Atan, x => B.One / (B.One + x * x), Signed(Magnitudes), 2);
        Unary("AtanPi", Dual<T>.AtanPi, x => B.One / (B.Pi * (B.One + x * x)), Signed(Magnitudes), 3);
    }

    [Test]
    public void Asinh_and_Acosh()
    {
        Unary("Asinh", Dual<T>.Asinh, x => B.One / B.Sqrt(x * x + B.One), Signed(Magnitudes), 3);
        Unary("Acosh", Dual<T>.Acosh, x => B.One / B.Sqrt(x * x - B.One), Magnitudes.Where(v => v > 1).Select(Of).Append(Of(1.0625)), 3);
    }

    [Test]
    public void Atanh_Asin_Acos_near_their_poles()
    {
        double nearOne = IsDouble ? 1 - Math.ScaleB(1, -53) : 1 - MathF.ScaleB(1, -24);
        T[] inputs = Signed([nearOne, 0.5, IsDouble ? 1e-300 : 1e-35, IsDouble ? 5e-324 : 1e-45]).ToArray();
        Unary("Atanh", Dual<T>.Atanh, x => B.One / (B.One - x * x), inputs, 2);
        Unary("Asin", Dual<T>.Asin, x => B.One / B.Sqrt(B.One - x * x), inputs, 3);
        Unary("Acos", Dual<T>.Acos, x => -B.One / B.Sqrt(B.One - x * x), inputs, 3);
    }

    [Test]
    public void Atan2_Atan2Pi_and_Hypot_over_every_pair_of_magnitudes()
    {
        var pairs = Pairs(Magnitudes, Magnitudes).Concat(Pairs(Magnitudes.Select(v => -v), Magnitudes)).ToArray();
        // atan2(y, x): here the first argument is y.
        Binary("Atan2", Dual<T>.Atan2, (y, x) => x / (x * x + y * y), (y, x) => -y / (x * x + y * y), pairs, 3);
        Binary("Atan2Pi", Dual<T>.Atan2Pi, (y, x) => x / (B.Pi * (x * x + y * y)), (y, x) => -y / (B.Pi * (x * x + y * y)), pairs, 3);
        Binary("Hypot", Dual<T>.Hypot, (x, y) => x / B.Sqrt(x * x + y * y), (x, y) => y / B.Sqrt(x * x + y * y), pairs, 3);
    }

    // ---- roots ------------------------------------------------------------------------------------------------

    [Test]
    public void Sqrt_Cbrt_and_RootN()
    {
        Unary("Sqrt", Dual<T>.Sqrt, x => B.One / (B.Sqrt(x) * 2), Magnitudes.Select(Of), 2);
        Unary("Cbrt", Dual<T>.Cbrt, x => B.One / (B.Pow(B.Abs(x), B.From(2) / 3) * 3), Signed(Magnitudes), 4);
        foreach (int n in new[] { 2, 3, 5, -2, -3 })
        {
            // x^(1/n)/(n·x) for x > 0 (and for odd n at −x, the same as at x). .NET's RootN is Pow(x, 1/n) with 1/n
            // rounded, off by up to |ln x|·2^−53 relative (≈ 70 ulps at 5e−324); the derivative, v/(n·x) from that
            // value, is held to twice the value's own error (the same relative error, counted in another binade) plus 3 ulps.
            foreach (T x in n % 2 != 0 ? Signed(Magnitudes) : Magnitudes.Select(Of))
            {
                Dual<T> r = Dual<T>.RootN(new Dual<T>(x, T.One), n);
                long valueError = Ulps(r.Value, Round(B.Pow(B.Abs(Exact(x)), B.One / n)) * (T.IsNegative(x) ? -T.One : T.One));
                AssertClose($"RootN{n}′({x})", r.Tangent, B.Pow(B.Abs(Exact(x)), B.One / n - B.One) / n, (int)Math.Min(2 * valueError + 3, 1000));
            }
        }
    }

    // ---- logarithms and exponentials ----------------------------------------------------------------------------

    [Test]
    public void Logarithms()
    {
        Unary("Log", Dual<T>.Log, x => B.One / x, Magnitudes.Select(Of), 2);
        Unary("Log2", Dual<T>.Log2, x => B.One / (x * B.Ln2), Magnitudes.Select(Of), 2);
        Unary("Log10", Dual<T>.Log10, x => B.One / (x * B.Ln10), Magnitudes.Select(Of), 2);
        double justAboveMinusOne = IsDouble ? -1 + Math.ScaleB(1, -53) : -1 + MathF.ScaleB(1, -24);
        T[] p1 = Magnitudes.Select(Of).Append(Of(justAboveMinusOne)).ToArray();
        Unary("LogP1", Dual<T>.LogP1, x => B.One / (B.One + x), p1, 2);
        Unary("Log2P1", Dual<T>.Log2P1, x => B.One / ((B.One + x) * B.Ln2), p1, 2);
        Unary("Log10P1", Dual<T>.Log10P1, x => B.One / ((B.One + x) * B.Ln10), p1, 2);
        double[] bases = IsDouble ? [1e-310, 0.5, 10, 1e300, 1.7e308] : [1e-40, 0.5, 10, 1e35, 3.4e38];
        Binary("Log(x, b)", Dual<T>.Log, (x, b) => B.One / (x * B.Log(b)), (x, b) => -B.Log(x) / (b * B.Log(b) * B.Log(b)), Pairs(Magnitudes, bases), 3);
    }

    [Test]
    public void Exponentials_near_overflow_and_in_the_subnormal_range()
    {
        double[] twos = IsDouble ? [1023.9, 1024.2, 1024.5, -1022.5, -1030.25, -1060, -1074.3, 0.5] : [127.9, 128.2, 128.5, -126.5, -130.25, -140, -149.3, 0.5];
        double[] tens = IsDouble ? [308.2, 308.25, 308.4, -307.9, -310, -320.5, -323.5] : [38.5, 38.55, -37.9, -40.1, -44.8];
        double[] es = IsDouble ? [709.7, -708.5, -730, -744.4] : [88.7, -87.5, -95, -103.2];
        Unary("Exp2", Dual<T>.Exp2, x => B.Exp(x * B.Ln2) * B.Ln2, twos.Select(Of), 4);
        Unary("Exp2M1", Dual<T>.Exp2M1, x => B.Exp(x * B.Ln2) * B.Ln2, twos.Select(Of), 4);
        Unary("Exp10", Dual<T>.Exp10, x => B.Exp(x * B.Ln10) * B.Ln10, tens.Select(Of), 4);
        Unary("Exp10M1", Dual<T>.Exp10M1, x => B.Exp(x * B.Ln10) * B.Ln10, tens.Select(Of), 4);
        Unary("Exp", Dual<T>.Exp, B.Exp, es.Select(Of), 2);
        Unary("ExpM1", Dual<T>.ExpM1, B.Exp, es.Select(Of), 2);
    }

    [Test]
    public void Pow_in_both_arguments_near_overflow_and_underflow()
    {
        (double, double)[] cases = IsDouble
            ? [(2, 1024.2), (2, -1074.5), (2, -1070.25), (1e-300, 1.08), (Math.ScaleB(1, -1000), 1.07), (1e-310, 0.96), (10, 308.2),
               (0.5, 1070), (1e200, 1.6), (1e-200, 2), (3, 2.5), (1e300, -1.03), (1.5, 0.5),
               // xʸ normal and y/x normal, but one partial overflows: ∂/∂x (xʸ ≈ 1e305, y/x ≈ −3e11), ∂/∂y alone (xʸ ≈ 6e307)
               (1e-10, -30.5), (1e10, 30.8)]
            : [(2, 128.2), (2, -149.5), (2, -145.25), (1e-35, 1.08), (MathF.ScaleB(1, -120), 1.07), (1e-40, 0.96), (10, 38.5),
               (0.5, 145), (1e20, 1.6), (1e-20, 2), (3, 2.5), (1e35, -1.03), (1.5, 0.5), (1e-4, -9.2), (1e4, 9.5)];
        Binary("Pow", Dual<T>.Pow,
            (x, y) => y * B.Pow(x, y - B.One),
            (x, y) => B.Pow(x, y) * B.Log(x),
            cases.Select(c => (Of(c.Item1), Of(c.Item2))), 4);
        foreach ((double xd, double yd) in cases)
        {
            T x = Of(xd), y = Of(yd);
            AssertClose($"Pow(x, const {y})′({x})", Dual<T>.Pow(new Dual<T>(x, T.One), y).Tangent, Exact(y) * B.Pow(Exact(x), Exact(y) - B.One), 4);
            AssertClose($"Pow(const {x}, y)′({y})", Dual<T>.Pow(x, new Dual<T>(y, T.One)).Tangent, B.Pow(Exact(x), Exact(y)) * B.Log(Exact(x)), 4);
        }
    }

    // ---- activations: tails ---------------------------------------------------------------------------------

    [Test]
    public void Tanh_Sigmoid_and_Softplus_in_their_tails()
    {
        double[] xs = IsDouble ? [0.1, 19, 20, 300, 360, 370, 372.5, 40, 700, 740, 744] : [0.1, 9, 10, 40, 45, 50, 51.5, 80, 87, 100, 103];
        T[] inputs = Signed(xs).ToArray();
        Func<B, B> sech2 = x => { B e = B.Exp(-(B.Abs(x) * 2)); return e * 4 / ((B.One + e) * (B.One + e)); };
        Unary("Tanh", Dual<T>.Tanh, sech2, inputs, 4);
        Func<B, B> sigmoidPrime = x => { B e = B.Exp(-B.Abs(x)); return e / ((B.One + e) * (B.One + e)); };
        Unary("Sigmoid", Dual<T>.Sigmoid, sigmoidPrime, inputs, 4);
        Unary("Softplus", Dual<T>.Softplus, x => B.One / (B.One + B.Exp(-x)), inputs, 4);
    }

    // ---- arithmetic: the quotient, ScaleB, LogSumExp ---------------------------------------------------------

    [Test]
    public void Quotient_by_numbers_whose_reciprocal_over_or_underflows()
    {
        double[] divisors = IsDouble ? [5e-324, 1e-310, 3e-309, 1e-300, 1.5, 1e300, 4.4e307, 1.7e308] : [1e-45, 1e-39, 1e-35, 1.5, 1e35, 3.4e38];
        var pairs = Pairs(Magnitudes, divisors).Concat(Pairs(Magnitudes.Select(v => -v), divisors));
        Binary("a/c", (a, c) => a / c, (a, c) => B.One / c, (a, c) => -a / (c * c), pairs, 2);
        // Both tangents at once: (ȧ·c − a·ċ)/c², and the NaN-free case a = c (tangent 0, not ∞ − ∞).
        foreach (double c in divisors)
        {
            Dual<T> q = new Dual<T>(Of(c), T.One) / new Dual<T>(Of(c), T.One);
            Assert.That(q.Tangent, Is.EqualTo(T.Zero), $"d(c/c) at c = {c}");
        }
    }

    [Test]
    public void ScaleB_is_exact_where_2_to_the_n_itself_over_or_underflows()
    {
        int[] exponents = IsDouble ? [-2100, -1200, -1100, -1074, 0, 1100, 1200, 2000] : [-300, -200, -160, 0, 160, 200, 270];
        foreach (double t in IsDouble ? new[] { 1e300, 1.5, 1e-300, 5e-324 } : new[] { 1e35, 1.5, (double)1e-35f, (double)1e-45f })
        {
            foreach (int n in exponents)
            {
                Dual<T> r = Dual<T>.ScaleB(new Dual<T>(T.One, Of(t)), n);
                AssertClose($"ScaleB tangent {t}·2^{n}", r.Tangent, B.ScaleB(B.From(t), n), 0);
            }
        }
    }

    [Test]
    public void LogSumExp_tangents_are_the_softmax_weights_at_extreme_logits()
    {
        double[][] sets = IsDouble
            ? [[-745, -740, 0], [700, 709, 709.5], [-1e300, 1e300, 0], [5e-324, -5e-324, 0]]
            : [[-104, -100, 0], [80, 88, 88.5], [-1e35, 1e35, 0], [1e-45, -1e-45, 0]];
        foreach (double[] set in sets)
        {
            for (int lane = 0; lane < set.Length; lane++)
            {
                var x = set.Select((v, i) => new Dual<T>(Of(v), i == lane ? T.One : T.Zero)).ToArray();
                Dual<T> r = Dual<T>.LogSumExp(x);
                B max = set.Select(B.From).Aggregate((a, b) => a.CompareTo(b) > 0 ? a : b);
                B sum = set.Select(v => B.Exp(B.From(v) - max)).Aggregate((a, b) => a + b);
                B weight = B.Exp(B.From(set[lane]) - max) / sum;
                AssertClose($"LogSumExp [{string.Join(", ", set)}] lane {lane}", r.Tangent, weight, 3);
            }
        }
    }
}
