using System;
using System.Collections.Generic;
using Dual;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>
/// Dual&lt;T, TTangents&gt; must behave exactly as Dual&lt;T&gt; lane by lane: for every operation, lane i of the
/// multi-tangent result equals, bit for bit, the single-tangent result seeded with lane i's tangents.
/// </summary>
public class MultiTangentTests
{
    private delegate Dual<double> Single1(Dual<double> x);
    private delegate Dual<double, Tangents4<double>> Multi1(Dual<double, Tangents4<double>> x);
    private delegate Dual<double> Single2(Dual<double> x, Dual<double> y);
    private delegate Dual<double, Tangents4<double>> Multi2(Dual<double, Tangents4<double>> x, Dual<double, Tangents4<double>> y);

    private static readonly Dictionary<string, (Single1, Multi1, double Low, double High)> Unary = new()
    {
        ["Sqrt"] = (Dual<double>.Sqrt, Dual<double, Tangents4<double>>.Sqrt, 0.1, 10),
        ["Cbrt"] = (Dual<double>.Cbrt, Dual<double, Tangents4<double>>.Cbrt, 0.1, 10),
        ["RootN5"] = (x => Dual<double>.RootN(x, 5), x => Dual<double, Tangents4<double>>.RootN(x, 5), 0.1, 10),
        ["Exp"] = (Dual<double>.Exp, Dual<double, Tangents4<double>>.Exp, -5, 5),
        ["Exp2"] = (Dual<double>.Exp2, Dual<double, Tangents4<double>>.Exp2, -5, 5),
        ["Exp10"] = (Dual<double>.Exp10, Dual<double, Tangents4<double>>.Exp10, -3, 3),
        ["ExpM1"] = (Dual<double>.ExpM1, Dual<double, Tangents4<double>>.ExpM1, -3, 3),
        ["Log"] = (Dual<double>.Log, Dual<double, Tangents4<double>>.Log, 0.1, 10),
        ["Log2"] = (Dual<double>.Log2, Dual<double, Tangents4<double>>.Log2, 0.1, 10),
        ["Log10"] = (Dual<double>.Log10, Dual<double, Tangents4<double>>.Log10, 0.1, 10),
        ["LogP1"] = (Dual<double>.LogP1, Dual<double, Tangents4<double>>.LogP1, -0.5, 10),
        ["Sin"] = (Dual<double>.Sin, Dual<double, Tangents4<double>>.Sin, -5, 5),
        ["Cos"] = (Dual<double>.Cos, Dual<double, Tangents4<double>>.Cos, -5, 5),
        ["Tan"] = (Dual<double>.Tan, Dual<double, Tangents4<double>>.Tan, -1.2, 1.2),
        ["SinPi"] = (Dual<double>.SinPi, Dual<double, Tangents4<double>>.SinPi, -2, 2),
        ["CosPi"] = (Dual<double>.CosPi, Dual<double, Tangents4<double>>.CosPi, -2, 2),
        ["Asin"] = (Dual<double>.Asin, Dual<double, Tangents4<double>>.Asin, -0.9, 0.9),
        ["Acos"] = (Dual<double>.Acos, Dual<double, Tangents4<double>>.Acos, -0.9, 0.9),
        ["Atan"] = (Dual<double>.Atan, Dual<double, Tangents4<double>>.Atan, -5, 5),
        ["Sinh"] = (Dual<double>.Sinh, Dual<double, Tangents4<double>>.Sinh, -5, 5),
        ["Cosh"] = (Dual<double>.Cosh, Dual<double, Tangents4<double>>.Cosh, -5, 5),
        ["Tanh"] = (Dual<double>.Tanh, Dual<double, Tangents4<double>>.Tanh, -5, 5),
        ["Asinh"] = (Dual<double>.Asinh, Dual<double, Tangents4<double>>.Asinh, -5, 5),
        ["Acosh"] = (Dual<double>.Acosh, Dual<double, Tangents4<double>>.Acosh, 1.1, 5),
        ["Atanh"] = (Dual<double>.Atanh, Dual<double, Tangents4<double>>.Atanh, -0.9, 0.9),
        ["Abs"] = (Dual<double>.Abs, Dual<double, Tangents4<double>>.Abs, -5, 5),
        ["Floor"] = (Dual<double>.Floor, Dual<double, Tangents4<double>>.Floor, -5, 5),
        ["Sigmoid"] = (Dual<double>.Sigmoid, Dual<double, Tangents4<double>>.Sigmoid, -30, 30),
        ["Softplus"] = (Dual<double>.Softplus, Dual<double, Tangents4<double>>.Softplus, -30, 30),
        ["Relu"] = (Dual<double>.Relu, Dual<double, Tangents4<double>>.Relu, -5, 5),
        ["Negate"] = (x => -x, x => -x, -5, 5),
        ["Reciprocal"] = (x => 1.0 / x, x => 1.0 / x, 0.1, 5),
        ["ScaleB"] = (x => Dual<double>.ScaleB(x, 3), x => Dual<double, Tangents4<double>>.ScaleB(x, 3), -5, 5),
        ["PowInt"] = (x => Dual<double>.Pow(x, 3), x => Dual<double, Tangents4<double>>.Pow(x, 3), -3, 3),
        ["PowConstBase"] = (x => Dual<double>.Pow(2.5, x), x => Dual<double, Tangents4<double>>.Pow(2.5, x), -3, 3),
    };

    private static readonly Dictionary<string, (Single2, Multi2, double Low, double High)> Binary = new()
    {
        ["Add"] = ((x, y) => x + y, (x, y) => x + y, -5, 5),
        ["Subtract"] = ((x, y) => x - y, (x, y) => x - y, -5, 5),
        ["Multiply"] = ((x, y) => x * y, (x, y) => x * y, -5, 5),
        ["Divide"] = ((x, y) => x / y, (x, y) => x / y, 0.5, 5),
        ["Remainder"] = ((x, y) => x % y, (x, y) => x % y, 0.5, 5),
        ["Pow"] = (Dual<double>.Pow, Dual<double, Tangents4<double>>.Pow, 0.5, 3),
        ["Atan2"] = (Dual<double>.Atan2, Dual<double, Tangents4<double>>.Atan2, -5, 5),
        ["Hypot"] = (Dual<double>.Hypot, Dual<double, Tangents4<double>>.Hypot, -5, 5),
        ["LogBase"] = (Dual<double>.Log, Dual<double, Tangents4<double>>.Log, 1.5, 5),
        ["Max"] = (Dual<double>.Max, Dual<double, Tangents4<double>>.Max, -5, 5),
        ["Min"] = (Dual<double>.Min, Dual<double, Tangents4<double>>.Min, -5, 5),
        ["MaxMagnitude"] = (Dual<double>.MaxMagnitude, Dual<double, Tangents4<double>>.MaxMagnitude, -5, 5),
        ["CopySign"] = (Dual<double>.CopySign, Dual<double, Tangents4<double>>.CopySign, -5, 5),
        ["Ieee754Remainder"] = (Dual<double>.Ieee754Remainder, Dual<double, Tangents4<double>>.Ieee754Remainder, 0.5, 5),
        ["Fma"] = ((x, y) => Dual<double>.FusedMultiplyAdd(x, y, x), (x, y) => Dual<double, Tangents4<double>>.FusedMultiplyAdd(x, y, x), -5, 5),
        ["Lerp"] = ((x, y) => Dual<double>.Lerp(x, y, x * 0.1), (x, y) => Dual<double, Tangents4<double>>.Lerp(x, y, x * 0.1), -5, 5),
        ["Clamp"] = ((x, y) => Dual<double>.Clamp(x, y, y + 1), (x, y) => Dual<double, Tangents4<double>>.Clamp(x, y, y + 1), -3, 3),
    };

    private static IEnumerable<string> UnaryNames => Unary.Keys;
    private static IEnumerable<string> BinaryNames => Binary.Keys;

    private static void AssertLaneIdentical(double expected, double actual, string what)
    {
        Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"{what}: {actual:R} vs single-tangent {expected:R}");
    }

    [TestCaseSource(nameof(UnaryNames))]
    public void Unary_lanes_equal_single_tangent_results(string name)
    {
        var (single, multi, low, high) = Unary[name];
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        for (int trial = 0; trial < 50; trial++)
        {
            double x = low + (high - low) * random.NextDouble();
            double[] seeds = [random.NextDouble() * 4 - 2, 1, 0, -random.NextDouble()];
            var result = multi(new Dual<double, Tangents4<double>>(x, Tangents4<double>.Create(seeds)));
            for (int lane = 0; lane < 4; lane++)
            {
                Dual<double> expected = single(new Dual<double>(x, seeds[lane]));
                AssertLaneIdentical(expected.Value, result.Value, $"{name}({x:R}) value");
                AssertLaneIdentical(expected.Tangent, result.Tangents[lane], $"{name}({x:R}) lane {lane}");
            }
        }
    }

    [TestCaseSource(nameof(BinaryNames))]
    public void Binary_lanes_equal_single_tangent_results(string name)
    {
        var (single, multi, low, high) = Binary[name];
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        for (int trial = 0; trial < 50; trial++)
        {
            double x = low + (high - low) * random.NextDouble();
            double y = trial % 10 == 0 ? x : low + (high - low) * random.NextDouble(); // include exact ties
            double[] sx = [1, 0, random.NextDouble() - 0.5, 2], sy = [0, 1, random.NextDouble() - 0.5, -3];
            var result = multi(new(x, Tangents4<double>.Create(sx)), new(y, Tangents4<double>.Create(sy)));
            for (int lane = 0; lane < 4; lane++)
            {
                Dual<double> expected = single(new Dual<double>(x, sx[lane]), new Dual<double>(y, sy[lane]));
                AssertLaneIdentical(expected.Value, result.Value, $"{name}({x:R}, {y:R}) value");
                AssertLaneIdentical(expected.Tangent, result.Tangents[lane], $"{name}({x:R}, {y:R}) lane {lane}");
            }
        }
    }

    [Test]
    public void Softmax_and_LogSumExp_lanes_equal_single_tangent_results()
    {
        double[] logits = [0.5, -1.25, 3.0, 2.0, -0.5];
        var multi = new Dual<double, Tangents8<double>>[logits.Length];
        for (int i = 0; i < logits.Length; i++) multi[i] = Dual<double, Tangents8<double>>.Variable(logits[i], i);
        var multiOut = new Dual<double, Tangents8<double>>[logits.Length];
        Dual<double, Tangents8<double>>.Softmax(multi, multiOut);
        var lse = Dual<double, Tangents8<double>>.LogSumExp(multi);
        for (int lane = 0; lane < logits.Length; lane++)
        {
            var single = new Dual<double>[logits.Length];
            for (int i = 0; i < logits.Length; i++) single[i] = new Dual<double>(logits[i], i == lane ? 1 : 0);
            var singleOut = new Dual<double>[logits.Length];
            Dual<double>.Softmax(single, singleOut);
            for (int i = 0; i < logits.Length; i++) AssertLaneIdentical(singleOut[i].Tangent, multiOut[i].Tangents[lane], $"softmax[{i}] lane {lane}");
            AssertLaneIdentical(Dual<double>.LogSumExp(single).Tangent, lse.Tangents[lane], $"logsumexp lane {lane}");
        }
    }

    [Test]
    public void Multi_tangent_equality_formatting_and_seeding()
    {
        var a = Dual<double, Tangents2<double>>.Variable(1.5, 1);
        Assert.That(a.Tangents[0], Is.EqualTo(0.0));
        Assert.That(a.Tangents[1], Is.EqualTo(1.0));
        Assert.That(a == new Dual<double, Tangents2<double>>(1.5, Tangents2<double>.Create([0.0, 1.0])), Is.True);
        Assert.That(a == new Dual<double, Tangents2<double>>(1.5), Is.False, "== compares the tangents too");
        Assert.That(a.ToString(null, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("1.5 + [0, 1]ε"));
        Assert.Throws<ArgumentException>(() => Tangents2<double>.Create([1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = a.Tangents[2]);
    }

    [Test]
    public void Sixteen_lane_float_blocks_take_the_simd_path_and_agree_with_scalar_lanes()
    {
        var seeds = new float[16];
        for (int i = 0; i < 16; i++) seeds[i] = i - 7.5f;
        var x = new Dual<float, Tangents16<float>>(0.75f, Tangents16<float>.Create(seeds));
        var y = Dual<float, Tangents16<float>>.Sin(x) * Dual<float, Tangents16<float>>.Exp(x) / (x + 2f);
        for (int lane = 0; lane < 16; lane++)
        {
            var s = new Dual<float>(0.75f, seeds[lane]);
            var expected = Dual<float>.Sin(s) * Dual<float>.Exp(s) / (s + 2f);
            Assert.That(BitConverter.SingleToInt32Bits(y.Tangents[lane]), Is.EqualTo(BitConverter.SingleToInt32Bits(expected.Tangent)), $"lane {lane}");
        }
    }

    [Test]
    public void Half_blocks_take_the_scalar_fallback_and_agree_with_single_tangent_lanes()
    {
        Half[] seeds = [(Half)1, (Half)(-0.5), (Half)0, (Half)2, (Half)0.25, (Half)(-3), (Half)1.5, (Half)(-1)];
        var x = new Dual<Half, Tangents8<Half>>((Half)0.75, Tangents8<Half>.Create(seeds));
        var y = Dual<Half, Tangents8<Half>>.Sin(x) * x - x / (x + (Half)2) + Dual<Half, Tangents8<Half>>.Pow(x, x);
        Assert.That(IsZero(Dual<Half, Tangents8<Half>>.Zero), Is.True);
        for (int lane = 0; lane < 8; lane++)
        {
            var s = new Dual<Half>((Half)0.75, seeds[lane]);
            var expected = Dual<Half>.Sin(s) * s - s / (s + (Half)2) + Dual<Half>.Pow(s, s);
            Assert.That(BitConverter.HalfToInt16Bits(y.Tangents[lane]), Is.EqualTo(BitConverter.HalfToInt16Bits(expected.Tangent)), $"lane {lane}");
            Assert.That(y.Value, Is.EqualTo(expected.Value));
        }
    }

    [Test]
    public void Blocks_refuse_scalars_wider_than_eight_bytes_with_a_clear_error()
    {
        var error = Assert.Throws<NotSupportedException>(() => _ = Tangents4<Dual<double>>.Zero);
        Assert.That(error!.Message, Does.Contain("at most 8 bytes"));
    }

    private static bool IsZero<TNumber>(TNumber value) where TNumber : System.Numerics.INumberBase<TNumber> => TNumber.IsZero(value);
}
