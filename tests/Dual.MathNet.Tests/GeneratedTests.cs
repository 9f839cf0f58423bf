using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using NUnit.Framework;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace Dual.MathNet.Tests;

/// <summary>Plain C# marked <c>[Differentiable]</c>; the generator's entry points go straight into the bridge.</summary>
public static partial class GeneratedModels
{
    /// <summary>Dose levels and responses (1 = responded) of a small probit dose–response data set (made up for the test).</summary>
    public static readonly double[] Dose = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 1.2, 2.2, 3.2, 4.2, 2.7, 1.7];
    public static readonly double[] Responded = [0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0];

    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x) =>
        (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);

    /// <summary>Probit regression's negative log-likelihood: P(respond | dose) = Φ(a + b·dose); Φ(−z) for 1 − Φ(z).</summary>
    [Differentiable]
    public static double ProbitLoss(ReadOnlySpan<double> theta)
    {
        double loss = 0;
        for (int i = 0; i < Dose.Length; i++)
        {
            double z = theta[0] + theta[1] * Dose[i];
            loss -= Responded[i] > 0.5 ? Math.Log(Special.NormalCdf(z)) : Math.Log(Special.NormalCdf(-z));
        }
        return loss;
    }

    [Differentiable]
    public static void Rat43Values(ReadOnlySpan<double> b, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = b[0] / Math.Pow(1 + Math.Exp(b[1] - b[2] * Rat43.X[i]), 1 / b[3]);
        }
    }
}

[TestFixture]
public sealed class GeneratedTests
{
    [Test]
    public void Bfgs_OnAGeneratedGradient()
    {
        DualObjectiveFunction objective = DualObjective.Gradient(GeneratedModels.RosenbrockGradient, GeneratedModels.Rosenbrock);
        MinimizationResult result = new BfgsMinimizer(1e-8, 1e-10, 1e-12, 1000).FindMinimum(objective, Vector<double>.Build.DenseOfArray(Rosenbrock.Start));
        Assert.That(Runs.MaxRelativeError(result.MinimizingPoint, [1.0, 1.0]), Is.LessThan(1e-6));
        Assert.That(objective.Counts.Gradients, Is.GreaterThan(0));
    }

    [Test]
    public void ProbitGradient_ThroughSpecialNormalCdf_MatchesTheClosedForm()
    {
        // ∂/∂a of −Σ ln Φ(±z) = −Σ ±φ(z)/Φ(±z); ∂/∂b the same terms times the dose. Oracle: MathNet's φ and Φ.
        double[] theta = [-2.1, 0.9];
        double[] gradient = new double[2];
        double loss = GeneratedModels.ProbitLossGradient(theta, gradient);
        double ga = 0, gb = 0, expectedLoss = 0;
        for (int i = 0; i < GeneratedModels.Dose.Length; i++)
        {
            double z = theta[0] + theta[1] * GeneratedModels.Dose[i];
            double s = GeneratedModels.Responded[i] > 0.5 ? 1 : -1;
            double term = -s * Normal.PDF(0, 1, z) / Normal.CDF(0, 1, s * z);
            expectedLoss -= Math.Log(Normal.CDF(0, 1, s * z));
            ga += term;
            gb += term * GeneratedModels.Dose[i];
        }
        Assert.That(loss, Is.EqualTo(expectedLoss).Within(1e-13 * Math.Abs(expectedLoss)));
        Assert.That(gradient[0], Is.EqualTo(ga).Within(1e-12 * Math.Abs(ga)));
        Assert.That(gradient[1], Is.EqualTo(gb).Within(1e-12 * Math.Abs(gb)));
    }

    [Test]
    public void ProbitFit_WithBfgs_HasZeroGradientAtTheEnd()
    {
        DualObjectiveFunction objective = DualObjective.Gradient(GeneratedModels.ProbitLossGradient, GeneratedModels.ProbitLoss);
        MinimizationResult result = new BfgsMinimizer(1e-10, 1e-12, 1e-14, 1000).FindMinimum(objective, Vector<double>.Build.Dense(2));
        // At the maximum-likelihood estimate the score vanishes: check it with the closed form, not the objective itself.
        double a = result.MinimizingPoint[0], b = result.MinimizingPoint[1], ga = 0, gb = 0;
        for (int i = 0; i < GeneratedModels.Dose.Length; i++)
        {
            double z = a + b * GeneratedModels.Dose[i];
            double s = GeneratedModels.Responded[i] > 0.5 ? 1 : -1;
            double term = -s * Normal.PDF(0, 1, z) / Normal.CDF(0, 1, s * z);
            ga += term;
            gb += term * GeneratedModels.Dose[i];
        }
        Assert.That(Math.Abs(ga) + Math.Abs(gb), Is.LessThan(1e-8));
        Assert.That(b, Is.GreaterThan(0), "the response rises with the dose");
    }

    [Test]
    public void LevenbergMarquardt_OnAGeneratedJacobian()
    {
        DualObjectiveModel model = DualObjective.Model(GeneratedModels.Rat43ValuesJacobian, Vector<double>.Build.DenseOfArray(Rat43.Y), GeneratedModels.Rat43Values);
        NonlinearMinimizationResult fit = new LevenbergMarquardtMinimizer().FindMinimum(model, Vector<double>.Build.DenseOfArray(Rat43.Start1));
        Assert.That(Runs.MaxRelativeError(fit.MinimizingPoint, Rat43.Certified), Is.LessThan(1e-6));
        Assert.That(model.Value, Is.EqualTo(Rat43.CertifiedResidualSumOfSquares).Within(1e-9 * Rat43.CertifiedResidualSumOfSquares));
    }
}
