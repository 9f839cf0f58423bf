using System;
using System.Linq;
using NUnit.Framework;
using static Dual.Gpu.Tests.DeviceMathTestSupport;

namespace Dual.Gpu.Tests;

/// <summary>DeviceMath at ±0, subnormals, ±∞, NaN, the overflow/underflow thresholds and exact cases: where the
/// reference result is NaN, ±0 or ±∞ (or exact), DeviceMath must give exactly that, sign included.</summary>
[TestFixture]
public sealed class DeviceMathSpecialValueTests
{
    public static readonly DeviceMathAccuracyTests.Case[] Cases = DeviceMathAccuracyTests.Cases;
    public static readonly DeviceMathAccuracyTests.SingleCase[] SingleCases = DeviceMathAccuracyTests.SingleCases;

    [TestCaseSource(nameof(Cases))]
    public void Double_SpecialResultsAreExact(DeviceMathAccuracyTests.Case c)
    {
        foreach (double x in SpecialDoubles)
        {
            double expected = c.Reference(x), actual = c.Ours(x);
            if (double.IsNaN(expected) || expected == 0 || double.IsInfinity(expected) || expected == 1 || expected == -1)
                Assert.That(Bits(actual), Is.EqualTo(Bits(expected)), $"{c.Name}({x:R}) = {actual:R}, expected {expected:R}");
        }
    }

    [TestCaseSource(nameof(SingleCases))]
    public void Single_SpecialResultsAreExact(DeviceMathAccuracyTests.SingleCase c)
    {
        foreach (float x in SpecialSingles)
        {
            float expected = c.Reference(x), actual = c.Ours(x);
            if (float.IsNaN(expected) || expected == 0 || float.IsInfinity(expected) || expected == 1 || expected == -1)
                Assert.That(Bits(actual), Is.EqualTo(Bits(expected)), $"{c.Name}({x:R}) = {actual:R}, expected {expected:R}");
        }
    }

    private static long Bits(double v) => double.IsNaN(v) ? -1L : BitConverter.DoubleToInt64Bits(v);

    private static long Bits(float v) => float.IsNaN(v) ? -1L : BitConverter.SingleToInt32Bits(v);

    [Test]
    public void ExactCases()
    {
        Assert.That(DeviceMath.Exp(0.0), Is.EqualTo(1.0));
        Assert.That(DeviceMath.Exp(-0.0), Is.EqualTo(1.0));
        Assert.That(DeviceMath.Exp2(10.0), Is.EqualTo(1024.0));
        Assert.That(DeviceMath.Exp2(-1074.0), Is.EqualTo(double.Epsilon));
        Assert.That(DeviceMath.Exp2(-1022.5), Is.EqualTo(Math.Pow(2, -1022.5)));
        Assert.That(BitConverter.DoubleToInt64Bits(DeviceMath.Log(1.0)), Is.EqualTo(0L), "log 1 = +0");
        Assert.That(DeviceMath.Log2(0.125), Is.EqualTo(-3.0));
        Assert.That(DeviceMath.Log2(double.Epsilon), Is.EqualTo(-1074.0));
        Assert.That(DeviceMath.Log10(1000.0), Is.EqualTo(3.0));
        Assert.That(DeviceMath.Log10(1e-300), Is.EqualTo(-300.0));
        Assert.That(DeviceMath.Exp(1f), Is.EqualTo(MathF.E));
        Assert.That(DeviceMath.Log2(0.125f), Is.EqualTo(-3f));
        Assert.That(DeviceMath.Log10(1000f), Is.EqualTo(3f));
        Assert.That(BitConverter.SingleToInt32Bits(DeviceMath.Log(1f)), Is.EqualTo(0));
        Assert.That(DeviceMath.Pow(2.0, 10.0), Is.EqualTo(1024.0));
        Assert.That(DeviceMath.Pow(-2.0, 3.0), Is.EqualTo(-8.0));
        Assert.That(DeviceMath.Cbrt(-27.0), Is.EqualTo(-3.0));
        Assert.That(DeviceMath.Hypot(3.0, 4.0), Is.EqualTo(5.0));
        Assert.That(DeviceMath.Hypot(double.PositiveInfinity, double.NaN), Is.EqualTo(double.PositiveInfinity));
        Assert.That(DeviceMath.Cosh(0.0), Is.EqualTo(1.0));
        Assert.That(DeviceMath.Atan(double.PositiveInfinity), Is.EqualTo(Math.PI / 2));
        Assert.That(DeviceMath.Atan2(-0.0, -1.0), Is.EqualTo(-Math.PI));
        Assert.That(DeviceMath.Atan2(double.PositiveInfinity, double.NegativeInfinity), Is.EqualTo(3 * Math.PI / 4));
        // A subnormal numerator over a small normal denominator: the quotient's residual must not underflow.
        Assert.That(UlpDistance(DeviceMath.Atan2(3.24258457894203E-309, 1.4252167602059604E-258),
            Math.Atan2(3.24258457894203E-309, 1.4252167602059604E-258)), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void SignedZerosAreKept()
    {
        foreach (Func<double, double> f in new Func<double, double>[] { DeviceMath.Sin, DeviceMath.ExpM1, DeviceMath.Log1P })
        {
            Assert.That(BitConverter.DoubleToInt64Bits(f(-0.0)), Is.EqualTo(BitConverter.DoubleToInt64Bits(-0.0)));
            Assert.That(BitConverter.DoubleToInt64Bits(f(0.0)), Is.EqualTo(0L));
            Assert.That(f(-double.Epsilon), Is.EqualTo(-double.Epsilon), "subnormal x: f(x) = x");
        }
        foreach (Func<float, float> f in new Func<float, float>[] { DeviceMath.Sin, DeviceMath.ExpM1, DeviceMath.Log1P })
        {
            Assert.That(BitConverter.SingleToInt32Bits(f(-0.0f)), Is.EqualTo(BitConverter.SingleToInt32Bits(-0.0f)));
            Assert.That(f(-float.Epsilon), Is.EqualTo(-float.Epsilon));
        }
        DeviceMath.SinCos(-0.0, out double s, out double c);
        Assert.That(BitConverter.DoubleToInt64Bits(s), Is.EqualTo(BitConverter.DoubleToInt64Bits(-0.0)));
        Assert.That(c, Is.EqualTo(1.0));
    }

    /// <summary>Arguments within 2⁻⁶¹ of a multiple of π/2 (6381956970095103·2⁷⁹⁷ is the closest double of all) and other
    /// huge ones, against values computed with 4000-bit mpmath: there glibc's own cos is 8 ulp off, so System.Math
    /// cannot be the oracle.</summary>
    [TestCase(5.319372648326541e+255, 1.0, -4.687165924254628e-19)]
    [TestCase(1e22, -0.8522008497671888, 0.523214785395139)]
    [TestCase(8.98846567431158e+307, 0.563127779850884, -0.826369834614148)]
    [TestCase(1e300, -0.8178819121159085, -0.5753861119575491)]
    [TestCase(1.5707963267948966, 1.0, 6.123233995736766e-17)]
    [TestCase(3.141592653589793, 1.2246467991473532e-16, -1.0)]
    public void HardTrigArguments_MatchHighPrecision(double x, double sin, double cos)
    {
        Assert.That(UlpDistance(DeviceMath.Sin(x), sin), Is.LessThanOrEqualTo(1));
        Assert.That(UlpDistance(DeviceMath.Cos(x), cos), Is.LessThanOrEqualTo(1));
        Assert.That(UlpDistance(DeviceMath.Sin(-x), -sin), Is.LessThanOrEqualTo(1));
        Assert.That(UlpDistance(DeviceMath.Cos(-x), cos), Is.LessThanOrEqualTo(1));
    }
}
