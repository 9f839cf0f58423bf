using System;
using Dual.Samples.LeastSquares;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class LeastSquaresTests
{
    private static readonly LeastSquaresResult Result = LeastSquaresExample.Run();

    [Test]
    public void DecayFitConvergesToTheNoiseFloor()
    {
        LmRun fit = Result.Decay.Exact;
        Assert.That(fit.Converged, Is.True, fit.Exit.ToString());
        Assert.That(fit.Iterations, Is.InRange(1, 100));
        Assert.That(fit.ResidualNorm, Is.LessThan(fit.InitialResidualNorm / 10));
        // With σ-noise and m − n degrees of freedom, ‖r‖ ≈ σ·√(m − n).
        double expected = LeastSquaresExample.Noise * Math.Sqrt(LeastSquaresExample.Points - 3);
        Assert.That(fit.ResidualNorm, Is.InRange(0.6 * expected, 1.4 * expected));
        Assert.That(fit.GradientNorm, Is.LessThan(1e-8));
    }

    [Test]
    public void DecayFitRecoversTrueParametersWithinTheNoise()
    {
        DecayFit d = Result.Decay;
        for (int i = 0; i < 3; i++)
        {
            Assert.That(d.Exact.StandardErrors![i], Is.GreaterThan(0).And.LessThan(0.05));
            Assert.That(d.Exact.Parameters[i], Is.EqualTo(d.True[i]).Within(4 * d.Exact.StandardErrors[i]), $"parameter {i}");
        }
    }

    [Test]
    public void FiniteDifferencesReachTheSameFitWithMoreModelRuns()
    {
        DecayFit d = Result.Decay;
        Assert.That(d.FiniteDifference.Converged, Is.True);
        for (int i = 0; i < 3; i++)
        {
            Assert.That(d.FiniteDifference.Parameters[i], Is.EqualTo(d.Exact.Parameters[i]).Within(1e-6), $"parameter {i}");
        }
        Assert.That(d.FiniteDifference.ModelRuns, Is.GreaterThan(2 * d.Exact.ModelRuns));
    }

    [Test]
    public void AdJacobianAtTheSolutionMatchesTheClosedForm()
    {
        // ∂y/∂a = exp(−bt), ∂y/∂b = −a·t·exp(−bt), ∂y/∂c = 1, on the same grid the sample uses.
        double a = Result.Decay.Exact.Parameters[0], b = Result.Decay.Exact.Parameters[1];
        double[] j = Result.Decay.JacobianAtSolution;
        int m = LeastSquaresExample.Points;
        for (int i = 0; i < m; i++)
        {
            double t = 4.0 * i / (m - 1);
            Assert.That(j[i * 3], Is.EqualTo(Math.Exp(-b * t)).Within(1e-14));
            Assert.That(j[i * 3 + 1], Is.EqualTo(-a * t * Math.Exp(-b * t)).Within(1e-13));
            Assert.That(j[i * 3 + 2], Is.EqualTo(1.0));
        }
    }

    [Test]
    public void LinearFitMatchesNormalEquationsSolvedByCramersRule()
    {
        // The oracle: XᵀX θ = Xᵀy from the raw sums over the sample's data, solved by determinants (no MathNet, no LM).
        LinearFit l = Result.Linear;
        Assert.That(l.Fit.Converged, Is.True);
        double[,] xtx = new double[3, 3];
        double[] xty = new double[3];
        for (int i = 0; i < l.T.Length; i++)
        {
            for (int r = 0; r < 3; r++)
            {
                xty[r] += Math.Pow(l.T[i], r) * l.Y[i];
                for (int c = 0; c < 3; c++) { xtx[r, c] += Math.Pow(l.T[i], r + c); }
            }
        }
        double det = Determinant(xtx);
        for (int k = 0; k < 3; k++)
        {
            double[,] replaced = (double[,])xtx.Clone();
            for (int r = 0; r < 3; r++) { replaced[r, k] = xty[r]; }
            double expected = Determinant(replaced) / det;
            Assert.That(l.Fit.Parameters[k], Is.EqualTo(expected).Within(1e-9), $"LM θ{k}");
            Assert.That(l.NormalEquations[k], Is.EqualTo(expected).Within(1e-9), $"normal equations θ{k}");
            Assert.That(expected, Is.EqualTo(l.True[k]).Within(0.05));
        }
        Assert.That(l.MaxDifference, Is.LessThan(1e-10));
        Assert.That(l.JacobianMinusDesign, Is.EqualTo(0.0));
    }

    private static double Determinant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
}
