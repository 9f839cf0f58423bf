using System;
using System.Linq;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Closed forms from the course material: each expected value is derived by hand, not by the library.</summary>
public class ClosedFormTests
{
    [Test]
    public void Cubic_minus_quadratic_at_one_and_a_half_has_slope_5_25()
    {
        Assert.That(AutoDiff.Derivative(x => 3 * x * x * x - 5 * x * x, 1.5), Is.EqualTo(5.25));
        Assert.That(AutoDiff.Derivative(x => 3 * x * x * x - 5 * x * x, 1.5f), Is.EqualTo(5.25f));
    }

    [TestCase(2.0, 3.0)]
    [TestCase(-1.25, 0.5)]
    [TestCase(0.0, -7.0)]
    public void Product_plus_sine_has_partials_y_plus_cos_x_and_x(double x, double y)
    {
        double[] g = AutoDiff.Gradient(v => v[0] * v[1] + Dual<double>.Sin(v[0]), [x, y]);
        Assert.That(g[0], Is.EqualTo(y + Math.Cos(x)).Within(1e-15));
        Assert.That(g[1], Is.EqualTo(x));
    }

    [Test]
    public void Gradient_of_quadratic_form_is_A_plus_A_transpose_times_x()
    {
        double[,] a = { { 2, -1, 0.5 }, { 3, 4, -2 }, { 0, 1.5, 1 } };
        double[] x = [0.3, -1.2, 2.5];
        double[] g = AutoDiff.Gradient(v =>
        {
            Dual<double> sum = 0;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    sum += v[i] * a[i, j] * v[j];
            return sum;
        }, x);
        for (int i = 0; i < 3; i++)
        {
            double expected = 0;
            for (int j = 0; j < 3; j++) expected += (a[i, j] + a[j, i]) * x[j];
            Assert.That(g[i], Is.EqualTo(expected).Within(1e-13), $"component {i}");
        }
    }

    [Test]
    public void Jacobian_of_linear_map_is_the_matrix()
    {
        double[,] w = { { 1, -2, 3, 0.5 }, { 4, 5, -6, 1 }, { 0.25, 0, 2, -1 } };
        double[,] j = AutoDiff.Jacobian<double>((x, y) =>
        {
            for (int i = 0; i < 3; i++)
            {
                y[i] = 0;
                for (int k = 0; k < 4; k++) y[i] += w[i, k] * x[k];
            }
        }, [0.1, 0.2, -0.3, 4], 3);
        Assert.That(j, Is.EqualTo(w));
    }

    [Test]
    public void Least_squares_gradient_is_2XtX_theta_minus_2Xty()
    {
        double[,] xm = { { 1, 0.5 }, { 1, 1.5 }, { 1, 2.5 }, { 1, 4 } };
        double[] y = [1.1, 2.0, 2.9, 4.6];
        double[] theta = [0.3, 0.8];
        double[] g = AutoDiff.Gradient(t =>
        {
            Dual<double> loss = 0;
            for (int i = 0; i < 4; i++)
            {
                Dual<double> r = xm[i, 0] * t[0] + xm[i, 1] * t[1] - y[i];
                loss += r * r;
            }
            return loss;
        }, theta);
        for (int k = 0; k < 2; k++)
        {
            double expected = 0;
            for (int i = 0; i < 4; i++)
            {
                double xt = xm[i, 0] * theta[0] + xm[i, 1] * theta[1];
                expected += 2 * xm[i, k] * xt - 2 * xm[i, k] * y[i];
            }
            Assert.That(g[k], Is.EqualTo(expected).Within(1e-13));
        }
    }

    [TestCase(1.5, 0.75, 0.75)]
    [TestCase(-0.5, 0.75, 0.0)]
    public void Relu_passes_the_upstream_value_only_where_x_is_positive(double x, double upstream, double expected)
    {
        Dual<double> r = Dual<double>.Relu(new Dual<double>(x, upstream));
        Assert.That(r.Tangent, Is.EqualTo(expected));
        Assert.That(r.Value, Is.EqualTo(Math.Max(x, 0)));
    }

    [Test]
    public void Hessian_of_polynomial_matches_hand_derivation()
    {
        // f = x²y + y³ + xz: H = [[2y, 2x, 1], [2x, 6y, 0], [1, 0, 0]].
        double x = 1.5, y = -2, z = 0.25;
        double[,] h = AutoDiff.Hessian<double>(v => v[0] * v[0] * v[1] + v[1] * v[1] * v[1] + v[0] * v[2], [x, y, z]);
        double[,] expected = { { 2 * y, 2 * x, 1 }, { 2 * x, 6 * y, 0 }, { 1, 0, 0 } };
        Assert.That(h, Is.EqualTo(expected));
    }

    [Test]
    public void Curve_derivative_fills_all_outputs_in_one_pass()
    {
        double t = 0.7;
        double[] d = AutoDiff.Derivative<double>((s, y) =>
        {
            y[0] = Dual<double>.Cos(s);
            y[1] = Dual<double>.Sin(s);
            y[2] = s * s;
        }, t, 3);
        Assert.That(d, Is.EqualTo(new[] { -Math.Sin(t), Math.Cos(t), 2 * t }).Within(1e-15));
    }

    [Test]
    public void Analytic_gradients_of_test_functions_agree()
    {
        double[] x = Enumerable.Range(0, 11).Select(i => 0.1 * i - 0.4).ToArray();
        double[] g = AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, x);
        double[] expected = TestFunctions.Rosenbrock.AnalyticGradient(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-12 * Math.Max(1, Math.Abs(expected[i]))), $"component {i}");
        }
        double[,] j = AutoDiff.Jacobian<double, TestFunctions.RingPlusSum>(default, x, x.Length + 1);
        double[,] je = TestFunctions.RingPlusSum.AnalyticJacobian(x);
        for (int r = 0; r <= x.Length; r++)
            for (int c = 0; c < x.Length; c++)
                Assert.That(j[r, c], Is.EqualTo(je[r, c]).Within(1e-14 * Math.Max(1, Math.Abs(je[r, c]))), $"J[{r},{c}]");
    }
}
