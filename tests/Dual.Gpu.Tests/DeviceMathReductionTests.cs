using System;
using System.Linq;
using System.Numerics;
using NUnit.Framework;
using static Dual.Gpu.Tests.DeviceMathTestSupport;

namespace Dual.Gpu.Tests;

/// <summary>The trigonometric argument reduction's data and hard cases: the 2/π tables against 2/π computed here from
/// Machin's formula, f32 arguments closest to a multiple of π/2 (medium and huge range) against 400-bit mpmath values,
/// and SinCos giving exactly Sin and Cos (the kernel form of the sin/cos rules relies on it).</summary>
[TestFixture]
public sealed class DeviceMathReductionTests
{
    /// <summary>⌊2/π · 2^bits⌋ from π = 16·atan(1/5) − 4·atan(1/239) in fixed point with 64 guard bits.</summary>
    private static BigInteger TwoOverPiScaled(int bits)
    {
        int scale = bits + 64;
        BigInteger one = BigInteger.One << scale;
        BigInteger AtanInverse(int k)
        {
            BigInteger sum = 0, power = one / k, k2 = (BigInteger)k * k;
            for (int j = 0; power != 0; j++, power /= k2)
                sum += (j % 2 == 0 ? 1 : -1) * (power / (2 * j + 1));
            return sum;
        }
        BigInteger pi = 16 * AtanInverse(5) - 4 * AtanInverse(239);
        return (2 * one << bits) / pi;
    }

    [Test]
    public void TwoOverPiWords_AreTheBitsOfTwoOverPi()
    {
        BigInteger expected = TwoOverPiScaled(64 * 19);
        ulong[] words = new ulong[20];
        DeviceMath.TwoOverPiWindow(16, out words[16], out words[17], out words[18], out words[19]);
        for (int index = 0; index < 16; index++)
            DeviceMath.TwoOverPiWindow(index, out words[index], out _, out _, out _);
        Assert.That(words[0], Is.EqualTo(0UL), "the pad word");
        for (int k = 1; k <= 19; k++)
            Assert.That(words[k], Is.EqualTo((ulong)((expected >> (64 * (19 - k))) & ulong.MaxValue)), $"word {k}");
        // Every case of the switch returns the four consecutive words.
        for (int index = 0; index <= 16; index++)
        {
            DeviceMath.TwoOverPiWindow(index, out ulong a, out ulong b, out ulong c, out ulong d);
            Assert.That(new[] { a, b, c, d }, Is.EqualTo(words.Skip(index).Take(4).ToArray()), $"window {index}");
        }
    }

    [Test]
    public void SingleWindows_AreTheBitsOfTwoOverPiScaled()
    {
        // W_a = ⌊frac(2/π · 2^(8a−24)) · 2⁹⁶⌋: bits 8a − 24 + 1 … 8a + 72 of 2/π after the binary point.
        BigInteger all = TwoOverPiScaled(8 * 15 + 72);
        for (int a = 0; a < 16; a++)
        {
            BigInteger window = (all >> (8 * (15 - a))) & ((BigInteger.One << 96) - 1);
            DeviceMath.TwoOverPiSingleWindow(a, out uint w0, out uint w1, out uint w2);
            BigInteger actual = ((BigInteger)w0 << 64) | ((BigInteger)w1 << 32) | w2;
            Assert.That(actual, Is.EqualTo(window), $"a = {a}");
        }
    }

    /// <summary>Floats whose x·2/π comes closest to an integer (found by a search over every float ≥ 2: 16367173·2⁷² is
    /// 2⁻²⁹·⁹ away, 252.89821 the closest below 2¹⁷), and a few others across the huge range, against mpmath at 400 bits
    /// rounded to float.</summary>
    [TestCase(0x6F79BE45u, 1.0f, -1.6147697623480894e-09f, -619283328.0f)]
    [TestCase(0x437CE5F1u, 1.0f, -4.185706892201324e-09f, -238908272.0f)]
    [TestCase(0x7F7FFFFFu, -0.5218765139579773f, 0.8530210256576538f, -0.6117979288101196f)]
    [TestCase(0x4B000001u, -0.5252556800842285f, -0.850944459438324f, 0.6172620058059692f)]
    [TestCase(0x5A000000u, -0.8489259481430054f, -0.5285117626190186f, 1.606257438659668f)]
    public void HardSingleArguments_MatchHighPrecision(uint bits, float sin, float cos, float tan)
    {
        float x = BitConverter.UInt32BitsToSingle(bits);
        foreach (float sign in new[] { 1f, -1f })
        {
            DeviceMath.SinCos(sign * x, out float s, out float c);
            Assert.That(UlpDistance(DeviceMath.Sin(sign * x), sign * sin), Is.LessThanOrEqualTo(1), $"sin({sign * x:R})");
            Assert.That(UlpDistance(DeviceMath.Cos(sign * x), cos), Is.LessThanOrEqualTo(1), $"cos({sign * x:R})");
            Assert.That(UlpDistance(DeviceMath.Tan(sign * x), sign * tan), Is.LessThanOrEqualTo(1), $"tan({sign * x:R})");
            Assert.That(UlpDistance(s, sign * sin), Is.LessThanOrEqualTo(1));
            Assert.That(UlpDistance(c, cos), Is.LessThanOrEqualTo(1));
        }
    }

    [Test]
    public void SingleHugeRange_WithinTwoUlpOfMathF_AtEveryExponent()
    {
        // 200 floats per binade from 2¹⁷ (where the 32-bit Payne–Hanek path starts) to the largest.
        var random = new Random(17);
        double worst = 0;
        float at = 0;
        for (int e = 17; e < 128; e++)
        {
            for (int k = 0; k < 200; k++)
            {
                float x = MathF.ScaleB(1f + (float)random.NextDouble(), e);
                foreach (var (ours, reference) in new (float, float)[] { (DeviceMath.Sin(x), MathF.Sin(x)), (DeviceMath.Cos(x), MathF.Cos(x)), (DeviceMath.Tan(x), MathF.Tan(x)) })
                {
                    double d = UlpDistance(ours, reference);
                    if (d > worst)
                        (worst, at) = (d, x);
                }
            }
        }
        TestContext.Out.WriteLine($"huge f32 arguments: max {worst} ulp at {at:R}");
        Assert.That(worst, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void SinCos_IsExactlySinAndCos()
    {
        var random = new Random(5);
        foreach (double x in SpecialDoubles.Concat(LogUniform(random, 4000)).Concat(Uniform(random, 2000, -10, 10)))
        {
            DeviceMath.SinCos(x, out double s, out double c);
            Assert.That(BitConverter.DoubleToInt64Bits(s), Is.EqualTo(BitConverter.DoubleToInt64Bits(DeviceMath.Sin(x))), $"sin {x:R}");
            Assert.That(BitConverter.DoubleToInt64Bits(c), Is.EqualTo(BitConverter.DoubleToInt64Bits(DeviceMath.Cos(x))), $"cos {x:R}");
            Assert.That(DeviceMath.SinCosPair(x), Is.EqualTo((s, c)));
        }
        foreach (float x in SpecialSingles.Concat(LogUniformSingle(random, 4000)).Concat(Uniform(random, 2000, -10, 10).Select(d => (float)d)))
        {
            DeviceMath.SinCos(x, out float s, out float c);
            Assert.That(BitConverter.SingleToInt32Bits(s), Is.EqualTo(BitConverter.SingleToInt32Bits(DeviceMath.Sin(x))), $"sin {x:R}");
            Assert.That(BitConverter.SingleToInt32Bits(c), Is.EqualTo(BitConverter.SingleToInt32Bits(DeviceMath.Cos(x))), $"cos {x:R}");
            Assert.That(DeviceMath.SinCosPair(x), Is.EqualTo((s, c)));
        }
    }

    [Test]
    public void IntegerIntrinsics_OnTheCpu()
    {
        var random = new Random(3);
        for (int k = 0; k < 1000; k++)
        {
            ulong a = (ulong)random.NextInt64() << random.Next(2), b = (ulong)random.NextInt64() >> random.Next(40);
            Assert.That(DeviceMath.MulHigh(a, b), Is.EqualTo((ulong)(((BigInteger)a * b) >> 64)));
            int lz = 0;
            for (ulong v = b; lz < 64 && (v & (1UL << 63)) == 0; v <<= 1)
                lz++;
            Assert.That(DeviceMath.LeadingZeros(b), Is.EqualTo(lz));
        }
        Assert.That(DeviceMath.LeadingZeros(0), Is.EqualTo(64));
        // One rounding: the exact product 1 + 2⁻³⁰ (squared) minus its double rounding is the tiny 2⁻⁶⁰.
        double x = 1 + Math.Pow(2, -30);
        Assert.That(DeviceMath.Fma(x, x, -(x * x)), Is.EqualTo(Math.Pow(2, -60)));
        float y = 1 + MathF.Pow(2, -13);
        Assert.That(DeviceMath.Fma(y, y, -(y * y)), Is.EqualTo(MathF.Pow(2, -26)));
    }
}
