using System;
using System.Collections.Generic;
using System.Linq;
using Dual.Samples.Optimization;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class OptimizationTests
{
    private static readonly IReadOnlyList<OptimizationRun> Runs = OptimizationExample.Run();

    /// <summary>
    /// The oracle: the maximum-likelihood estimate by iteratively reweighted least squares (Newton's method with the
    /// closed-form score Σ(yᵢ − pᵢ)(1, tᵢ) and information Σ pᵢ(1 − pᵢ)(1, tᵢ)(1, tᵢ)ᵀ, a 2×2 solve), in plain doubles.
    /// </summary>
    private static double[] MaximumLikelihood()
    {
        double b0 = 0, b1 = 0;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < Challenger.Temperature.Length; i++)
            {
                double t = Challenger.Temperature[i];
                double p = 1 / (1 + Math.Exp(-(b0 + b1 * t)));
                double w = p * (1 - p);
                g0 += Challenger.Distress[i] - p;
                g1 += (Challenger.Distress[i] - p) * t;
                h00 += w;
                h01 += w * t;
                h11 += w * t * t;
            }
            double det = h00 * h11 - h01 * h01;
            double d0 = (h11 * g0 - h01 * g1) / det, d1 = (h00 * g1 - h01 * g0) / det;
            b0 += d0;
            b1 += d1;
            if (Math.Abs(d0) < 1e-15 * Math.Abs(b0) && Math.Abs(d1) < 1e-15 * Math.Abs(b1))
            {
                break;
            }
        }
        return [b0, b1];
    }

    private static OptimizationRun Named(string prefix) => Runs.Single(r => r.Method.StartsWith(prefix, StringComparison.Ordinal));

    [Test]
    public void ExactGradientBfgsReachesTheMaximumLikelihoodEstimate()
    {
        double[] mle = MaximumLikelihood();
        OptimizationRun run = Named("BFGS, exact");
        Assert.That(run.Finished, Is.True, run.Outcome);
        Assert.That(run.Beta[0], Is.EqualTo(mle[0]).Within(1e-6 * Math.Abs(mle[0])));
        Assert.That(run.Beta[1], Is.EqualTo(mle[1]).Within(1e-6 * Math.Abs(mle[1])));
        // The published fit (Dalal, Fowlkes & Hoadley; reproduced in many textbooks): 15.0429 − 0.2322·t.
        Assert.That(mle[0], Is.EqualTo(15.0429).Within(5e-5));
        Assert.That(mle[1], Is.EqualTo(-0.2322).Within(5e-5));
    }

    [Test]
    public void NewtonWithTheExactHessianMatchesIrlsToRounding()
    {
        double[] mle = MaximumLikelihood();
        OptimizationRun run = Named("Newton");
        Assert.That(run.Beta[0], Is.EqualTo(mle[0]).Within(1e-10 * Math.Abs(mle[0])));
        Assert.That(run.Beta[1], Is.EqualTo(mle[1]).Within(1e-10 * Math.Abs(mle[1])));
        Assert.That(run.Iterations, Is.LessThan(20));
    }

    [Test]
    public void FiniteDifferencesNeedFarMoreRunsAndEndFartherFromTheOptimum()
    {
        OptimizationRun exact = Named("BFGS, exact"), fd = Named("BFGS, MathNet");
        Assert.That(fd.FunctionRuns, Is.GreaterThan(10 * exact.FunctionRuns));
        if (fd.Finished)
        {
            Assert.That(fd.TrueGradientNorm, Is.GreaterThan(exact.TrueGradientNorm));
        }
    }

    [Test]
    public void TheModelPredictsNearCertainDistressAt31F()
    {
        double[] mle = MaximumLikelihood();
        double expected = 1 / (1 + Math.Exp(-(mle[0] + mle[1] * Challenger.LaunchDay)));
        Assert.That(Named("BFGS, exact").ProbabilityOnLaunchDay, Is.EqualTo(expected).Within(1e-9));
        Assert.That(expected, Is.GreaterThan(0.999));
    }

    [Test]
    public void LossIsTheNegativeLogLikelihood()
    {
        // Σ ln(1 + e^η) − yη at the oracle's estimate, written out directly.
        double[] mle = MaximumLikelihood();
        double direct = 0;
        for (int i = 0; i < Challenger.Temperature.Length; i++)
        {
            double eta = mle[0] + mle[1] * Challenger.Temperature[i];
            direct += Math.Log(1 + Math.Exp(eta)) - Challenger.Distress[i] * eta;
        }
        Assert.That(Named("Newton").Loss, Is.EqualTo(direct).Within(1e-12 * direct));
    }
}
