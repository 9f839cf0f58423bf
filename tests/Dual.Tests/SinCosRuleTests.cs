using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>
/// The Sin and Cos rules take one <c>Math.SinCos</c> (<c>MathF.SinCos</c>) for value and derivative, remembered per
/// thread for the last argument. That is exact only if SinCos returns the bits of Sin and Cos on the platform at hand,
/// and if the memo never answers for another argument: both are checked here against <c>Math.Sin</c>/<c>Math.Cos</c>
/// as the oracle, over arguments of every magnitude and the special values, on every CI platform.
/// </summary>
public class SinCosRuleTests
{
    private static double[] Arguments()
    {
        var list = new List<double>
        {
            0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity,
            double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234), 1e-310, Math.PI,
            Math.PI / 2, -Math.PI / 2, 2 * Math.PI, 1e22, 1e300, Math.ScaleB(1.5, 1023), 355.0, 103993.0, 1.0, -1.0,
        };
        var random = new Random(20261204);
        while (list.Count < 6000)
        {
            list.Add((list.Count % 4) switch
            {
                0 => random.NextDouble() * 8 - 4,
                1 => (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-300, 300)),
                2 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                _ => random.NextDouble() * 1e6,
            });
        }
        return list.ToArray();
    }

    private static float[] SingleArguments()
    {
        var list = new List<float>
        {
            0f, -0f, float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN,
            MathF.PI, MathF.PI / 2, 1e30f, 1e-40f, 1f, -1f, 12582912f, MathF.ScaleB(1f, 127),
        };
        var random = new Random(1204);
        while (list.Count < 6000)
        {
            list.Add((list.Count % 3) switch
            {
                0 => (float)(random.NextDouble() * 8 - 4),
                1 => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)),
                _ => (float)(random.NextDouble() * 1e5),
            });
        }
        return list.ToArray();
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static int Bits(float x) => BitConverter.SingleToInt32Bits(x);

    [Test]
    public void Math_SinCos_is_Math_Sin_and_Math_Cos_bit_for_bit()
    {
        foreach (double x in Arguments())
        {
            (double s, double c) = Math.SinCos(x);
            Assert.That(Bits(s), Is.EqualTo(Bits(Math.Sin(x))), $"sin at {x:R}");
            Assert.That(Bits(c), Is.EqualTo(Bits(Math.Cos(x))), $"cos at {x:R}");
        }
    }

    [Test]
    public void MathF_SinCos_is_MathF_Sin_and_MathF_Cos_bit_for_bit()
    {
        foreach (float x in SingleArguments())
        {
            (float s, float c) = MathF.SinCos(x);
            Assert.That(Bits(s), Is.EqualTo(Bits(MathF.Sin(x))), $"sin at {x:R}");
            Assert.That(Bits(c), Is.EqualTo(Bits(MathF.Cos(x))), $"cos at {x:R}");
        }
    }

    private static void AssertSin(double x, Dual<double> s)
    {
        Assert.That(Bits(s.Value), Is.EqualTo(Bits(Math.Sin(x))), $"sin value at {x:R}");
        Assert.That(Bits(s.Tangent), Is.EqualTo(Bits(0.75 * Math.Cos(x))), $"sin tangent at {x:R}");
    }

    private static void AssertCos(double x, Dual<double> c)
    {
        Assert.That(Bits(c.Value), Is.EqualTo(Bits(Math.Cos(x))), $"cos value at {x:R}");
        Assert.That(Bits(c.Tangent), Is.EqualTo(Bits(0.75 * -Math.Sin(x))), $"cos tangent at {x:R}");
    }

    [Test]
    public void Dual_Sin_and_Cos_give_the_bits_of_Math_Sin_and_Cos_in_every_order_of_calls()
    {
        // Pairs on one argument (the memo answers the second call), single calls (it misses), alternation between two
        // arguments, and the previous argument's neighbour (bits one apart: never answered from the memo).
        double[] xs = Arguments();
        for (int i = 0; i < xs.Length; i++)
        {
            double x = xs[i], y = xs[(i * 7 + 3) % xs.Length];
            var dx = new Dual<double>(x, 0.75);
            var dy = new Dual<double>(y, 0.75);
            switch (i % 4)
            {
                case 0:
                    AssertSin(x, Dual<double>.Sin(dx));
                    AssertCos(x, Dual<double>.Cos(dx));
                    break;
                case 1:
                    AssertCos(x, Dual<double>.Cos(dx));
                    AssertSin(x, Dual<double>.Sin(dx));
                    break;
                case 2:
                    AssertSin(x, Dual<double>.Sin(dx));
                    AssertCos(y, Dual<double>.Cos(dy));
                    AssertSin(x, Dual<double>.Sin(dx));
                    break;
                default:
                    double next = BitConverter.Int64BitsToDouble(Bits(x) + 1);
                    AssertCos(x, Dual<double>.Cos(dx));
                    AssertCos(next, Dual<double>.Cos(new Dual<double>(next, 0.75)));
                    break;
            }
        }
    }

    [Test]
    public void On_a_new_thread_the_first_call_at_plus_and_minus_zero_is_exact()
    {
        // A new thread's memo is all zero bits, which must read as x = +0: sin +0, cos 1.
        var results = new double[6];
        var thread = new Thread(() =>
        {
            Dual<double> c = Dual<double>.Cos(new Dual<double>(0.0, 0.75));
            Dual<double> s = Dual<double>.Sin(new Dual<double>(0.0, 0.75));
            Dual<double> negative = Dual<double>.Sin(new Dual<double>(-0.0, 0.75));
            results[0] = c.Value;
            results[1] = c.Tangent;
            results[2] = s.Value;
            results[3] = s.Tangent;
            results[4] = negative.Value;
            results[5] = Dual<float>.Cos(new Dual<float>(0f, 1f)).Value;
        });
        thread.Start();
        thread.Join();
        Assert.That(Bits(results[0]), Is.EqualTo(Bits(1.0)));
        Assert.That(Bits(results[1]), Is.EqualTo(Bits(-0.0)));
        Assert.That(Bits(results[2]), Is.EqualTo(Bits(0.0)));
        Assert.That(Bits(results[3]), Is.EqualTo(Bits(0.75)));
        Assert.That(Bits(results[4]), Is.EqualTo(Bits(-0.0)));
        Assert.That(results[5], Is.EqualTo(1.0));
    }

    [Test]
    public void Single_precision_Sin_and_Cos_give_the_bits_of_MathF_Sin_and_Cos()
    {
        float[] xs = SingleArguments();
        for (int i = 0; i < xs.Length; i++)
        {
            float x = xs[i];
            var dx = new Dual<float>(x, 0.5f);
            Dual<float> s = i % 2 == 0 ? Dual<float>.Sin(dx) : default;
            Dual<float> c = Dual<float>.Cos(dx);
            if (i % 2 == 1)
            {
                s = Dual<float>.Sin(dx);
            }
            Assert.That(Bits(s.Value), Is.EqualTo(Bits(MathF.Sin(x))), $"sin value at {x:R}");
            Assert.That(Bits(s.Tangent), Is.EqualTo(Bits(0.5f * MathF.Cos(x))), $"sin tangent at {x:R}");
            Assert.That(Bits(c.Value), Is.EqualTo(Bits(MathF.Cos(x))), $"cos value at {x:R}");
            Assert.That(Bits(c.Tangent), Is.EqualTo(Bits(0.5f * -MathF.Sin(x))), $"cos tangent at {x:R}");
        }
    }

    [Test]
    public void Nested_Sin_and_Cos_give_the_bits_of_the_chain_rule_on_Math_Sin_and_Cos()
    {
        // At T = Dual<double> the rules take Dual<double>.SinCos; the oracle composes Math.Sin/Math.Cos by hand.
        foreach (double a in Arguments().AsSpan(0, 2000))
        {
            const double b = 0.75, c = -1.25, e = 0.5;
            var x = new Dual<Dual<double>>(new Dual<double>(a, b), new Dual<double>(c, e));
            double sin = Math.Sin(a), cos = Math.Cos(a);
            Dual<Dual<double>> s = Dual<Dual<double>>.Sin(x), co = Dual<Dual<double>>.Cos(x);
            var sinInner = new Dual<double>(sin, b * cos);
            var cosInner = new Dual<double>(cos, b * -sin);
            Dual<double> sinOuter = x.Tangent * cosInner, cosOuter = x.Tangent * -sinInner;
            Assert.That(Bits(s.Value.Value), Is.EqualTo(Bits(sinInner.Value)));
            Assert.That(Bits(s.Value.Tangent), Is.EqualTo(Bits(sinInner.Tangent)));
            Assert.That(Bits(s.Tangent.Value), Is.EqualTo(Bits(sinOuter.Value)));
            Assert.That(Bits(s.Tangent.Tangent), Is.EqualTo(Bits(sinOuter.Tangent)));
            Assert.That(Bits(co.Value.Value), Is.EqualTo(Bits(cosInner.Value)));
            Assert.That(Bits(co.Value.Tangent), Is.EqualTo(Bits(cosInner.Tangent)));
            Assert.That(Bits(co.Tangent.Value), Is.EqualTo(Bits(cosOuter.Value)));
            Assert.That(Bits(co.Tangent.Tangent), Is.EqualTo(Bits(cosOuter.Tangent)));
        }
    }

    [Test]
    public void Multi_tangent_Sin_and_Cos_match_single_tangent_bit_for_bit()
    {
        foreach (double x in Arguments())
        {
            var multi = new Dual<double, Tangents8<double>>(x, Tangents8<double>.Unit(3, 0.75));
            Dual<double, Tangents8<double>> s = Dual<double, Tangents8<double>>.Sin(multi), c = Dual<double, Tangents8<double>>.Cos(multi);
            AssertSin(x, new Dual<double>(s.Value, s.Tangents[3]));
            AssertCos(x, new Dual<double>(c.Value, c.Tangents[3]));
        }
    }
}
