using System;
using System.Collections.Generic;
using Dual.CompilerServices;
using NUnit.Framework;

namespace Dual.Tests.CompilerServices;

/// <summary>
/// <see cref="FusedSinCos"/>, which generated twins call for a variable whose sin and cos they both need, returns exactly
/// what the separate Sin and Cos rules return (values from <c>Math.Sin</c>/<c>Math.Cos</c>, the oracle; tangents the
/// rules' products), over every magnitude and the special values, at one tangent, at tangent blocks and at float.
/// </summary>
public class FusedSinCosTests
{
    private static IEnumerable<double> Arguments()
    {
        double[] special =
        {
            0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
            double.NaN, Math.PI, -Math.PI / 2, 1e22, 1e300, 1e-310, 355.0,
        };
        foreach (double x in special) yield return x;
        var random = new Random(20261206);
        for (int i = 0; i < 3000; i++)
        {
            yield return (i % 3) switch
            {
                0 => random.NextDouble() * 8 - 4,
                1 => (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-300, 300)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Test]
    public void OneTangentEqualsTheRulesBitForBit()
    {
        foreach (double x in Arguments())
        {
            foreach (double t in new[] { 1.0, -3.5, 0.0, double.PositiveInfinity })
            {
                var d = new Dual<double>(x, t);
                (Dual<double> sin, Dual<double> cos) = FusedSinCos.Of(d);
                Assert.That(Bits(sin.Value), Is.EqualTo(Bits(Math.Sin(x))), $"sin {x:R}");
                Assert.That(Bits(cos.Value), Is.EqualTo(Bits(Math.Cos(x))), $"cos {x:R}");
                Assert.That(Bits(sin.Tangent), Is.EqualTo(Bits(Dual<double>.Sin(d).Tangent)), $"sin′ {x:R}·{t}");
                Assert.That(Bits(cos.Tangent), Is.EqualTo(Bits(Dual<double>.Cos(d).Tangent)), $"cos′ {x:R}·{t}");
                Assert.That(Bits(sin.Tangent), Is.EqualTo(Bits(t * Math.Cos(x))), $"sin′ closed form {x:R}");
                Assert.That(Bits(cos.Tangent), Is.EqualTo(Bits(t * -Math.Sin(x))), $"cos′ closed form {x:R}");
            }
        }
    }

    [Test]
    public void FloatEqualsTheRulesBitForBit()
    {
        foreach (double wide in Arguments())
        {
            float x = (float)wide;
            var d = new Dual<float>(x, -1.25f);
            (Dual<float> sin, Dual<float> cos) = FusedSinCos.Of(d);
            Assert.That(BitConverter.SingleToInt32Bits(sin.Value), Is.EqualTo(BitConverter.SingleToInt32Bits(MathF.Sin(x))), $"sin {x:R}");
            Assert.That(BitConverter.SingleToInt32Bits(cos.Value), Is.EqualTo(BitConverter.SingleToInt32Bits(MathF.Cos(x))), $"cos {x:R}");
            Assert.That(BitConverter.SingleToInt32Bits(sin.Tangent), Is.EqualTo(BitConverter.SingleToInt32Bits(Dual<float>.Sin(d).Tangent)), $"sin′ {x:R}");
            Assert.That(BitConverter.SingleToInt32Bits(cos.Tangent), Is.EqualTo(BitConverter.SingleToInt32Bits(Dual<float>.Cos(d).Tangent)), $"cos′ {x:R}");
        }
    }

    [Test]
    public void TangentBlocksEqualTheRulesBitForBit()
    {
        var lanes = new double[16];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = i % 5 == 0 ? 0.0 : (i - 7.5) / 3;
        foreach (double x in Arguments())
        {
            var d = new Dual<double, Tangents16<double>>(x, Tangents16<double>.Create(lanes));
            var (sin, cos) = FusedSinCos.Of(d);
            Dual<double, Tangents16<double>> sinRule = Dual<double, Tangents16<double>>.Sin(d), cosRule = Dual<double, Tangents16<double>>.Cos(d);
            Assert.That(Bits(sin.Value), Is.EqualTo(Bits(Math.Sin(x))), $"sin {x:R}");
            Assert.That(Bits(cos.Value), Is.EqualTo(Bits(Math.Cos(x))), $"cos {x:R}");
            for (int i = 0; i < lanes.Length; i++)
            {
                Assert.That(Bits(sin.Tangents[i]), Is.EqualTo(Bits(sinRule.Tangents[i])), $"sin′ lane {i} at {x:R}");
                Assert.That(Bits(cos.Tangents[i]), Is.EqualTo(Bits(cosRule.Tangents[i])), $"cos′ lane {i} at {x:R}");
                Assert.That(Bits(sin.Tangents[i]), Is.EqualTo(Bits(lanes[i] * Math.Cos(x))), $"sin′ closed form, lane {i} at {x:R}");
            }

            var f = new Dual<float, Tangents4<float>>((float)x, Tangents4<float>.Create(new[] { 1f, -2f, 0f, 0.5f }));
            var (sinF, cosF) = FusedSinCos.Of(f);
            var cosFRule = Dual<float, Tangents4<float>>.Cos(f);
            Assert.That(BitConverter.SingleToInt32Bits(sinF.Value), Is.EqualTo(BitConverter.SingleToInt32Bits(MathF.Sin((float)x))));
            for (int i = 0; i < 4; i++)
            {
                Assert.That(BitConverter.SingleToInt32Bits(cosF.Tangents[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(cosFRule.Tangents[i])), $"float cos′ lane {i}");
            }
        }
    }
}
