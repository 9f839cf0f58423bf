using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>Pow at 0ʸ/x⁰ through the two-dual overload (as generic code reaches it), and the tails of Tanh/Sigmoid.</summary>
public class SingularPointTests
{
    private static T PowGeneric<T>(T x, T y) where T : IFloatingPointIeee754<T> => T.Pow(x, y);

    [Test]
    public void Zeroth_power_of_a_variable_at_zero_has_derivative_zero()
    {
        // d/dx x⁰ = 0 everywhere; y is a constant lifted into a dual (zero tangent) whose ∂/∂y = ln 0 = −∞.
        Dual<double> r = PowGeneric(new Dual<double>(0, 1), Dual<double>.CreateChecked(0));
        Assert.That(r.Value, Is.EqualTo(1.0));
        Assert.That(r.Tangent, Is.EqualTo(0.0));
    }

    [Test]
    public void Constant_zero_base_to_a_variable_power_has_derivative_zero()
    {
        // d/dy 0ʸ = 0 for y > 0, though ∂/∂x = y·0^(y−1) is infinite for y < 1 (and x's tangent is zero).
        Dual<double> r = PowGeneric(new Dual<double>(0, 0), new Dual<double>(0.5, 1));
        Assert.That(r.Value, Is.EqualTo(0.0));
        Assert.That(r.Tangent, Is.EqualTo(0.0));
    }

    [Test]
    public void A_variable_base_at_zero_to_a_fractional_power_still_has_an_infinite_derivative()
    {
        Dual<double> r = PowGeneric(new Dual<double>(0, 1), Dual<double>.CreateChecked(0.5));
        Assert.That(r.Tangent, Is.EqualTo(double.PositiveInfinity), "d/dx √x at 0⁺ is +∞, as Sqrt");
    }

    private struct PowOfPair : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum> => TNum.Pow(x[0], x[1]) + x[2] * x[1];
    }

    [Test]
    public void Singular_pow_gradients_agree_bit_for_bit_across_chunk_sizes()
    {
        double[] at = [0.0, 0.5, 2.0];
        double[] single = AutoDiff.Gradient<double, PowOfPair>(default, at, 1);
        Assert.That(single, Is.EqualTo(new[] { double.PositiveInfinity, 2.0, 0.5 }), "∂/∂x = ∞, ∂/∂y = 0 + z, ∂/∂z = y");
        foreach (int k in new[] { 2, 4, 8, 16 })
        {
            Assert.That(AutoDiff.Gradient<double, PowOfPair>(default, at, k), Is.EqualTo(single), $"k = {k}");
        }
    }

    [TestCase(10.0)]
    [TestCase(-12.0)]
    [TestCase(20.0)]
    public void Tanh_derivative_keeps_relative_accuracy_in_the_tails(double x)
    {
        double cosh = Math.Cosh(x);
        double exact = 1 / (cosh * cosh);
        double got = Dual<double>.Tanh(new Dual<double>(x, 1)).Tangent;
        Assert.That(got, Is.EqualTo(exact).Within(1e-14 * exact));
        float gotFloat = Dual<float>.Tanh(new Dual<float>((float)x, 1)).Tangent;
        Assert.That(gotFloat, Is.EqualTo((float)exact).Within(1e-5f * (float)exact), "float no longer rounds 1 − tanh² to 0");
    }

    [TestCase(40.0)]
    [TestCase(-40.0)]
    [TestCase(700.0)]
    public void Sigmoid_derivative_keeps_relative_accuracy_in_the_tails(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        double exact = e / ((1 + e) * (1 + e));
        double got = Dual<double>.Sigmoid(new Dual<double>(x, 1)).Tangent;
        Assert.That(got, Is.EqualTo(exact).Within(1e-14 * exact));
        Assert.That(got, Is.GreaterThan(0.0));
    }

    [Test]
    public void CreateChecked_is_callable_on_the_concrete_type_and_refuses_to_drop_a_tangent()
    {
        Assert.That(Dual<double>.CreateChecked(3), Is.EqualTo(new Dual<double>(3, 0)));
        Assert.That(Dual<float>.CreateTruncating(2.5), Is.EqualTo(new Dual<float>(2.5f, 0)));
        Assert.That(Dual<Dual<double>>.CreateChecked(new Dual<double>(1, 2)), Is.EqualTo(new Dual<Dual<double>>(new Dual<double>(1, 2), Dual<double>.Zero)));
        Assert.Throws<NotSupportedException>(() => Dual<double>.CreateChecked(new Dual<float>(1, 1)));
    }
}

public class KernelSafeConstantsTests
{
    [TestCase(1.0)]
    [TestCase(-2.5e-300)]
    [TestCase(2.2250738585072014E-308)]
    [TestCase(2.2250738585072009E-308)]
    [TestCase(0.0)]
    [TestCase(double.MaxValue)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NaN)]
    [TestCase(double.Epsilon)]
    public void Comparison_based_IsNormal_agrees_with_the_bit_based_one(double x)
    {
        Assert.That(Dual.Constants<double>.IsNormal(x), Is.EqualTo(double.IsNormal(x)));
        Assert.That(Dual.Constants<float>.IsNormal((float)x), Is.EqualTo(float.IsNormal((float)x)));
    }
}
