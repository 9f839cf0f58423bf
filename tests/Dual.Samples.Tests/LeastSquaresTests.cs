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
        LmResult fit = Result.Decay.Fit;
        Assert.That(fit.Converged, Is.True);
        Assert.That(fit.Iterations, Is.InRange(1, 50));
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
            Assert.That(d.StandardErrors[i], Is.GreaterThan(0).And.LessThan(0.05));
            Assert.That(d.Fit.Parameters[i], Is.EqualTo(d.True[i]).Within(4 * d.StandardErrors[i]), $"parameter {i}");
        }
    }

    [Test]
    public void AdJacobianAtTheSolutionMatchesTheClosedForm()
    {
        // ∂r/∂a = exp(−bt), ∂r/∂b = −a·t·exp(−bt), ∂r/∂c = 1, on the same grid the sample uses.
        double a = Result.Decay.Fit.Parameters[0], b = Result.Decay.Fit.Parameters[1];
        double[] j = Result.Decay.Fit.JacobianAtSolution;
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
    public void LinearFitMatchesNormalEquations()
    {
        LinearFit l = Result.Linear;
        Assert.That(l.Fit.Converged, Is.True);
        for (int i = 0; i < 3; i++)
        {
            Assert.That(l.Fit.Parameters[i], Is.EqualTo(l.NormalEquations[i]).Within(1e-10));
            Assert.That(l.NormalEquations[i], Is.EqualTo(l.True[i]).Within(0.05));
        }
        Assert.That(l.MaxDifference, Is.LessThan(1e-10));
        Assert.That(l.JacobianMinusDesign, Is.EqualTo(0.0));
    }
}
