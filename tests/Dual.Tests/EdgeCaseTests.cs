using System;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>NaN and infinities, domain edges, huge and tiny magnitudes, subnormals.</summary>
[TestFixture]
public sealed class EdgeCaseTests
{
    private static Dual<double> V(double x) => Dual<double>.Variable(x);

    [Test]
    public void Exp_AtInfinities()
    {
        Assert.That(Dual<double>.Exp(V(double.PositiveInfinity)), Is.EqualTo(new Dual<double>(double.PositiveInfinity, double.PositiveInfinity)));
        Assert.That(Dual<double>.Exp(V(double.NegativeInfinity)), Is.EqualTo(new Dual<double>(0, 0)));
    }

    [Test]
    public void NaN_PropagatesInValueAndTangent()
    {
        foreach (Func<Dual<double>, Dual<double>> f in new Func<Dual<double>, Dual<double>>[]
                 { Dual<double>.Exp, Dual<double>.Log, Dual<double>.Sin, Dual<double>.Sqrt, Dual<double>.Tanh, Dual<double>.Atan, Dual<double>.Abs, Dual<double>.Sigmoid, Dual<double>.Softplus, Dual<double>.Relu })
        {
            Dual<double> r = f(V(double.NaN));
            Assert.That(r.Value, Is.NaN, f.Method.Name);
            Assert.That(r.Tangent, Is.NaN, f.Method.Name);
        }
        Dual<double> max = Dual<double>.Max(V(double.NaN), new Dual<double>(1, 2));
        Assert.That(double.IsNaN(max.Value) && double.IsNaN(max.Tangent), Is.True, "Max with NaN");
        Assert.That(Dual<double>.MaxNumber(V(double.NaN), new Dual<double>(1, 2)), Is.EqualTo(new Dual<double>(1, 2)));
        Assert.That(Dual<double>.MinNumber(new Dual<double>(1, 2), V(double.NaN)), Is.EqualTo(new Dual<double>(1, 2)));
    }

    [Test]
    public void Log_AtZero_AndNegative()
    {
        Dual<double> atZero = Dual<double>.Log(V(0));
        Assert.That(atZero.Value, Is.EqualTo(double.NegativeInfinity));
        Assert.That(atZero.Tangent, Is.EqualTo(double.PositiveInfinity));
        Dual<double> negative = Dual<double>.Log(V(-1));
        Assert.That(negative.Value, Is.NaN);
        Assert.That(Dual<double>.Log(V(double.PositiveInfinity)), Is.EqualTo(new Dual<double>(double.PositiveInfinity, 0)));
    }

    [TestCase(1.0)]
    [TestCase(-1.0)]
    public void InverseTrig_AtTheDomainEdges_HaveInfiniteDerivative(double edge)
    {
        Assert.That(Dual<double>.Asin(V(edge)), Is.EqualTo(new Dual<double>(double.Asin(edge), double.PositiveInfinity)));
        Assert.That(Dual<double>.Acos(V(edge)), Is.EqualTo(new Dual<double>(double.Acos(edge), double.NegativeInfinity)));
        Assert.That(Dual<double>.AsinPi(V(edge)).Tangent, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<double>.Atanh(V(edge)), Is.EqualTo(new Dual<double>(edge * double.PositiveInfinity, double.PositiveInfinity)));
        Assert.That(Dual<double>.Asin(V(edge * 1.5)).Value, Is.NaN);
    }

    [Test]
    public void Acosh_AtOne_HasInfiniteDerivative()
    {
        Assert.That(Dual<double>.Acosh(V(1)), Is.EqualTo(new Dual<double>(0, double.PositiveInfinity)));
        Assert.That(Dual<double>.Acosh(V(0.5)).Value, Is.NaN);
    }

    [Test]
    public void Sigmoid_AtHugeArguments_IsFiniteAndCorrect()
    {
        Assert.That(Dual<double>.Sigmoid(V(1000)), Is.EqualTo(new Dual<double>(1, 0)));
        Assert.That(Dual<double>.Sigmoid(V(-1000)), Is.EqualTo(new Dual<double>(0, 0)));
        // σ(−700) ≈ e^−700 (relative correction e^−700), derivative σ(1 − σ) ≈ the same.
        Dual<double> r = Dual<double>.Sigmoid(V(-700));
        Assert.That(r.Value, Is.EqualTo(Math.Exp(-700)).Within(1e-13).Percent);
        Assert.That(r.Tangent, Is.EqualTo(Math.Exp(-700)).Within(1e-13).Percent);
        Dual<float> f = Dual<float>.Sigmoid(Dual<float>.Variable(-80f));
        Assert.That(f.Value, Is.EqualTo(Math.Exp(-80)).Within(1e-4).Percent);
    }

    [Test]
    public void Softplus_AtHugeArguments_IsFiniteAndCorrect()
    {
        Assert.That(Dual<double>.Softplus(V(1000)), Is.EqualTo(new Dual<double>(1000, 1)));
        Assert.That(Dual<double>.Softplus(V(-1000)), Is.EqualTo(new Dual<double>(0, 0)));
    }

    // ln(1 + e^−40) = e^−40 − e^−80/2 + …: a representable 4.25e-18 that a naive log(1 + t) rounds to 0.
    [Test]
    public void Softplus_FarBelowZero_KeepsItsRelativeAccuracy()
    {
        Dual<double> r = Dual<double>.Softplus(V(-40));
        double expected = Math.Exp(-40) - Math.Exp(-80) / 2;
        Assert.That(r.Value, Is.EqualTo(expected).Within(1e-13).Percent);
        Assert.That(r.Tangent, Is.EqualTo(Math.Exp(-40) / (1 + Math.Exp(-40))).Within(1e-13).Percent);
        Dual<float> f = Dual<float>.Softplus(Dual<float>.Variable(-20f));
        Assert.That((double)f.Value, Is.EqualTo(Math.Exp(-20) - Math.Exp(-40) / 2).Within(1e-4).Percent);
    }

    [Test]
    public void LogSumExp_OfEqualHugeLogits_IsStable()
    {
        Dual<double>[] x = [new(1000, 1), new(1000, 3)];
        Dual<double> r = Dual<double>.LogSumExp(x);
        Assert.That(r.Value, Is.EqualTo(1000 + Math.Log(2)).Within(1e-15).Percent);
        Assert.That(r.Tangent, Is.EqualTo(2.0), "the mean of the tangents");
        Dual<double>[] y = [new(-1000, 1), new(-1000, 3)];
        Assert.That(Dual<double>.LogSumExp(y).Value, Is.EqualTo(-1000 + Math.Log(2)).Within(1e-15).Percent);
        Assert.That(Dual<double>.LogSumExp(ReadOnlySpan<Dual<double>>.Empty).Value, Is.EqualTo(double.NegativeInfinity));
    }

    [Test]
    public void Softmax_OfLargeLogits_SumsToOne_AndItsTangentToZero()
    {
        Dual<double>[] x = [new(1000, 0.5), new(999, -2), new(-1000, 7), new(998.5, 1)];
        var y = new Dual<double>[x.Length];
        Dual<double>.Softmax(x, y);
        double sum = 0, tangentSum = 0;
        foreach (Dual<double> p in y)
        {
            Assert.That(double.IsFinite(p.Value) && double.IsFinite(p.Tangent), Is.True);
            sum += p.Value;
            tangentSum += p.Tangent;
        }
        Assert.That(sum, Is.EqualTo(1.0).Within(1e-15));
        Assert.That(tangentSum, Is.EqualTo(0.0).Within(1e-15));
        // y₀ = 1/(1 + e⁻¹ + e^−1.5 + e^−2000).
        Assert.That(y[0].Value, Is.EqualTo(1 / (1 + Math.Exp(-1) + Math.Exp(-1.5))).Within(1e-13).Percent);
        Assert.Throws<ArgumentException>(() => Dual<double>.Softmax(x, new Dual<double>[3]));
    }

    [Test]
    public void Hypot_OfHugeAndTinyValues_DoesNotOverflowOrUnderflow()
    {
        Dual<double> huge = Dual<double>.Hypot(V(1e300), new Dual<double>(1e300, 1));
        Assert.That(huge.Value, Is.EqualTo(Math.Sqrt(2) * 1e300).Within(1e-13).Percent);
        Assert.That(huge.Tangent, Is.EqualTo(Math.Sqrt(2)).Within(1e-13).Percent, "x/h + y/h = 2/√2");
        Dual<double> tiny = Dual<double>.Hypot(V(3e-310), new Dual<double>(4e-310, 0));
        Assert.That(tiny.Value, Is.EqualTo(5e-310).Within(1e-10).Percent);
        Assert.That(tiny.Tangent, Is.EqualTo(0.6).Within(1e-10).Percent);
    }

    [Test]
    public void Subnormals_KeepTheirDerivatives()
    {
        double s = 4 * double.Epsilon; // subnormal
        Assert.That(double.IsSubnormal(s), Is.True);
        Assert.That(Dual<double>.Exp(V(s)), Is.EqualTo(new Dual<double>(1, 1)));
        Assert.That(Dual<double>.Sin(V(s)), Is.EqualTo(new Dual<double>(s, 1)));
        Assert.That(Dual<double>.Tanh(V(s)), Is.EqualTo(new Dual<double>(s, 1)));
        Assert.That(V(s) * new Dual<double>(2, 0), Is.EqualTo(new Dual<double>(2 * s, 2)));
        Assert.That(Dual<double>.ScaleB(new Dual<double>(1, 1), -1074), Is.EqualTo(new Dual<double>(double.Epsilon, double.Epsilon)));
        Dual<double> log = Dual<double>.Log(V(s));
        Assert.That(log.Value, Is.EqualTo(Math.Log(4) + Math.Log(2) * -1074).Within(1e-13).Percent);
        Assert.That(log.Tangent, Is.EqualTo(1 / s));
        Dual<double> sqrt = Dual<double>.Sqrt(V(s));
        Assert.That(sqrt.Tangent, Is.EqualTo(0.5 / Math.Sqrt(s)).Within(1e-13).Percent);
        Assert.That(double.IsFinite(sqrt.Tangent), Is.True);
        Dual<float> fs = Dual<float>.Sin(Dual<float>.Variable(float.Epsilon));
        Assert.That(fs, Is.EqualTo(new Dual<float>(float.Epsilon, 1f)));
    }

    [Test]
    public void Constants_AreConstants()
    {
        Assert.That(Dual<double>.MaxValue, Is.EqualTo(new Dual<double>(double.MaxValue, 0)));
        Assert.That(Dual<double>.MinValue, Is.EqualTo(new Dual<double>(double.MinValue, 0)));
        Assert.That(Dual<float>.MaxValue.Value, Is.EqualTo(float.MaxValue));
        Assert.That(Dual<double>.Pi, Is.EqualTo(new Dual<double>(Math.PI, 0)));
        Assert.That(Dual<double>.NaN.Value, Is.NaN);
    }
}
