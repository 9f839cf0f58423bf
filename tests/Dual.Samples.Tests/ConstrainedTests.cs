using System;
using Dual.Samples.Constrained;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class ConstrainedTests
{
    private static readonly ConstrainedResult Result = ConstrainedExample.Run();

    private static double Det3(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    /// <summary>Aᵀ(AAᵀ)⁻¹y with the 3×3 system solved by Cramer's rule, independent of the sample's solver.</summary>
    private static double[] LeastNormByCramer(double[,] a, double[] y)
    {
        int n = a.GetLength(1);
        var aat = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                for (int j = 0; j < n; j++) { aat[i, k] += a[i, j] * a[k, j]; }
            }
        }
        double det = Det3(aat);
        var w = new double[3];
        for (int c = 0; c < 3; c++)
        {
            var replaced = (double[,])aat.Clone();
            for (int i = 0; i < 3; i++) { replaced[i, c] = y[i]; }
            w[c] = Det3(replaced) / det;
        }
        var x = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < 3; i++) { x[j] += a[i, j] * w[i]; }
        }
        return x;
    }

    private static double[] Residual(double[,] a, double[] x, double[] y)
    {
        var r = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            r[i] = -y[i];
            for (int j = 0; j < x.Length; j++) { r[i] += a[i, j] * x[j]; }
        }
        return r;
    }

    [Test]
    public void NewtonRecoversTheLeastNormSolution()
    {
        double[] expected = LeastNormByCramer(ConstrainedExample.A, ConstrainedExample.Y);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.That(Result.LeastNorm.X[j], Is.EqualTo(expected[j]).Within(1e-10), $"x[{j}]");
            Assert.That(Result.ClosedForm[j], Is.EqualTo(expected[j]).Within(1e-12), $"closed form x[{j}]");
        }
        Assert.That(Result.MaxDifference, Is.LessThan(1e-10));
    }

    [Test]
    public void LeastNormSolutionSatisfiesTheConstraint()
    {
        foreach (double r in Residual(ConstrainedExample.A, Result.LeastNorm.X, ConstrainedExample.Y))
        {
            Assert.That(Math.Abs(r), Is.LessThan(1e-12));
        }
        Assert.That(Result.LeastNorm.ConstraintResidual, Is.LessThan(1e-12));
    }

    [Test]
    public void QuadraticLagrangianTakesOneNewtonStep()
    {
        // L is quadratic in (x, λ): its Hessian is exact and constant, so one Newton step lands on the solution.
        Assert.That(Result.LeastNorm.Iterations, Is.EqualTo(1));
        Assert.That(Result.LeastNorm.GradientNormHistory[^1], Is.LessThan(1e-13));
    }

    [Test]
    public void LogSumExpCaseSatisfiesKktConditions()
    {
        // ∇f(x) + Aᵀλ = 0 with ∇f(x) = softmax(x) + x, computed here on plain doubles; and Ax = y.
        NewtonResult r = Result.LogSumExp;
        double[,] a = ConstrainedExample.A;
        double[] x = r.X;
        double sum = 0;
        foreach (double v in x) { sum += Math.Exp(v); }
        for (int j = 0; j < x.Length; j++)
        {
            double stationarity = Math.Exp(x[j]) / sum + x[j];
            for (int i = 0; i < 3; i++) { stationarity += a[i, j] * r.Lambda[i]; }
            Assert.That(Math.Abs(stationarity), Is.LessThan(1e-12), $"stationarity {j}");
        }
        foreach (double c in Residual(a, x, ConstrainedExample.Y))
        {
            Assert.That(Math.Abs(c), Is.LessThan(1e-12));
        }
        Assert.That(r.Iterations, Is.InRange(2, 10));
    }

    [Test]
    public void NestedDualHessianOfLagrangianMatchesFiniteDifferencesOfItsGradient()
    {
        var lagrangian = new Lagrangian(ConstrainedExample.A, ConstrainedExample.Y, Objective.LogSumExpPlusHalfSquaredNorm);
        double[] z = [0.3, -0.2, 0.1, 0.5, -0.4, 0.7, -0.1, 0.2];
        int size = z.Length;
        var gradient = new double[size];
        var hessian = new double[size * size];
        AutoDiff.Hessian(lagrangian, z, gradient, hessian);
        const double h = 1e-6;
        for (int j = 0; j < size; j++)
        {
            double[] plus = (double[])z.Clone(), minus = (double[])z.Clone();
            plus[j] += h;
            minus[j] -= h;
            double[] gp = AutoDiff.Gradient<double, Lagrangian>(lagrangian, plus);
            double[] gm = AutoDiff.Gradient<double, Lagrangian>(lagrangian, minus);
            for (int i = 0; i < size; i++)
            {
                Assert.That(hessian[i * size + j], Is.EqualTo((gp[i] - gm[i]) / (2 * h)).Within(1e-7), $"H[{i},{j}]");
            }
        }
    }
}
