using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>The generic activations against closed forms, through plain, dual, nested and multi-tangent numbers.</summary>
public class ActivationsTests
{
    private static double Sigma(double x) => 1 / (1 + Math.Exp(-x));

    [TestCase(-3.0)]
    [TestCase(0.0)]
    [TestCase(2.5)]
    [TestCase(45.0)]
    public void Sigmoid_first_and_second_derivatives_match_closed_forms(double x)
    {
        double s = Sigma(x);
        Assert.That(Activations.Sigmoid(x), Is.EqualTo(s).Within(1e-16));
        // Cancellation-free closed forms with e = e^(−|x|): σ′ = e/(1+e)², 1 − 2σ = ±(e − 1)/(1 + e).
        double e = Math.Exp(-Math.Abs(x));
        double first = e / ((1 + e) * (1 + e));
        double second = first * (x >= 0 ? (e - 1) / (1 + e) : (1 - e) / (1 + e));
        // Through the generic composition (Dual<Dual<double>> has no tuned rule): σ′ = σ(1−σ), σ″ = σ(1−σ)(1−2σ).
        var nested = Activations.Sigmoid(new Dual<Dual<double>>(new Dual<double>(x, 1), new Dual<double>(1, 0)));
        Assert.That(nested.Value.Tangent, Is.EqualTo(first).Within(1e-14 * first));
        Assert.That(nested.Tangent.Tangent, Is.EqualTo(second).Within(1e-13 * first));
        Assert.That(Activations.Sigmoid(new Dual<double>(x, 1)).Tangent, Is.EqualTo(first).Within(1e-14 * first));
    }

    [TestCase(-50.0)]
    [TestCase(-1.0)]
    [TestCase(0.0)]
    [TestCase(3.0)]
    [TestCase(800.0)]
    public void Softplus_is_stable_and_its_derivative_is_the_sigmoid(double x)
    {
        double expected = x > 30 ? x : Math.Log(1 + Math.Exp(x));
        if (x < -30) expected = Math.Exp(x); // ln(1 + t) = t to double precision
        Assert.That(Activations.Softplus(x), Is.EqualTo(expected).Within(1e-15 * Math.Max(1, Math.Abs(expected))));
        var multi = Activations.Softplus(Dual<double, Tangents2<double>>.Variable(x, 1));
        Assert.That(multi.Tangents[1], Is.EqualTo(Sigma(x)).Within(1e-15 * Sigma(x) + 1e-300));
        Assert.That(multi.Tangents[0], Is.EqualTo(0.0));
    }

    [Test]
    public void Relu_passes_the_upstream_tangent_only_for_positive_input()
    {
        Assert.That(Activations.Relu(new Dual<double>(2, 0.75)).Tangent, Is.EqualTo(0.75));
        Assert.That(Activations.Relu(new Dual<double>(0, 0.75)).Tangent, Is.EqualTo(0.0));
        Assert.That(Activations.Relu(new Dual<double>(-1, 0.75)), Is.EqualTo(new Dual<double>(0, 0)));
        Assert.That(double.IsNaN(Activations.Relu(double.NaN)), Is.True);
    }

    [Test]
    public void LogSumExp_gradient_is_softmax_and_softmax_rows_sum_to_one()
    {
        double[] logits = [1000.0, 999.0, -3.0, 1000.0];
        double[] gradient = AutoDiff.Gradient(v => Activations.LogSumExp(v), logits);
        double denominator = 2 + Math.Exp(-1) + Math.Exp(-1003);
        double[] expected = [1 / denominator, Math.Exp(-1) / denominator, Math.Exp(-1003) / denominator, 1 / denominator];
        Assert.That(gradient, Is.EqualTo(expected).Within(1e-15));
        Assert.That(Activations.LogSumExp<double>(logits), Is.EqualTo(1000 + Math.Log(denominator)).Within(1e-12));
        var probabilities = new double[4];
        Activations.Softmax<double>(logits, probabilities);
        Assert.That(probabilities, Is.EqualTo(expected).Within(1e-15));
        Assert.That(Activations.LogSumExp<double>([]), Is.EqualTo(double.NegativeInfinity));
        Assert.Throws<ArgumentException>(() => Activations.Softmax<double>(logits, new double[3]));
    }
}
