using System;
using GeneratedDerivatives;
using NUnit.Framework;
using QuickStart;

namespace Dual.Samples.Tests;

/// <summary>The quick start's and the generated-derivatives sample's numbers against closed forms and finite differences.</summary>
public class QuickStartAndGeneratedTests
{
    [Test]
    public void Every_quick_start_result_matches_its_closed_form()
    {
        var examples = QuickStartExamples.Run();
        Assert.That(examples, Has.Count.EqualTo(9));
        foreach (Example example in examples)
        {
            Assert.That(example.Got, Is.EqualTo(example.Expected).Within(1e-13 * Math.Max(1, Math.Abs(example.Expected))), example.What);
        }
        Assert.That(examples[0].Got, Is.EqualTo(5.25), "the course example is exact");
    }

    [Test]
    public void Quick_start_derivative_agrees_with_central_differences_too()
    {
        double h = 1e-5, x = 0.5;
        double fd = (QuickStartExamples.Bump(x + h) - QuickStartExamples.Bump(x - h)) / (2 * h);
        Assert.That(QuickStartExamples.BumpDerivative(x), Is.EqualTo(fd).Within(1e-8), "the hand-derived oracle itself is right");
    }

    [TestCase(20.0, 0.6, 1.2)]
    [TestCase(5.0, 1.1, 0.3)]
    public void Generated_height_gradient_matches_analytic_partials(double v0, double angle, double t)
    {
        var (h, (dv0, dangle, dt)) = Models.HeightValueAndGradient(v0, angle, t);
        Assert.That(h, Is.EqualTo(v0 * Math.Sin(angle) * t - 0.5 * 9.81 * t * t).Within(1e-12));
        Assert.That(dv0, Is.EqualTo(Math.Sin(angle) * t).Within(1e-14));
        Assert.That(dangle, Is.EqualTo(v0 * Math.Cos(angle) * t).Within(1e-13));
        Assert.That(dt, Is.EqualTo(v0 * Math.Sin(angle) - 9.81 * t).Within(1e-13));
    }

    [Test]
    public void Generated_rosenbrock_gradient_matches_analytic_gradient()
    {
        double[] x = { 0.5, 1.5, -0.5, 2.0, 0.25 };
        var g = new double[x.Length];
        Models.RosenbrockGradient(x, g);
        for (int i = 0; i < x.Length; i++)
        {
            double analytic = (i + 1 < x.Length ? -2 * (1 - x[i]) - 400 * x[i] * (x[i + 1] - x[i] * x[i]) : 0)
                + (i > 0 ? 200 * (x[i] - x[i - 1] * x[i - 1]) : 0);
            Assert.That(g[i], Is.EqualTo(analytic).Within(1e-12 * Math.Max(1, Math.Abs(analytic))), $"component {i}");
        }
    }

    [Test]
    public void Generated_polar_jacobian_and_custom_rule_match_closed_forms()
    {
        double[] q = { 2.0, 0.3 }, p = new double[2], j = new double[4];
        Models.PolarJacobian(q, p, j);
        Assert.That(j, Is.EqualTo(new[] { Math.Cos(0.3), -2 * Math.Sin(0.3), Math.Sin(0.3), 2 * Math.Cos(0.3) }).Within(1e-15));
        Assert.That(Models.RampDerivative(0.25), Is.EqualTo(6 * 0.25 * 0.75).Within(1e-15));
        Assert.That(Models.UsesOpaqueDerivative(0.7), Is.EqualTo(Math.Atan(1.4) + 1.4 / (1 + 1.4 * 1.4)).Within(1e-15));
    }
}
