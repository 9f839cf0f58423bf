using System;
using System.Collections.Generic;
using System.Numerics;
using Dual.MathNet;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Optimization.ObjectiveFunctions;
using DVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Dual.Samples.Optimization;

/// <summary>
/// The 23 space-shuttle launches before the Challenger accident: launch temperature (°F) and whether any O-ring showed
/// thermal distress, as analysed by Dalal, Fowlkes and Hoadley, "Risk Analysis of the Space Shuttle: Pre-Challenger
/// Prediction of Failure", Journal of the American Statistical Association 84 (1989) 945–957.
/// </summary>
public static class Challenger
{
    /// <summary>Launch temperatures, °F.</summary>
    public static readonly double[] Temperature = [53, 57, 58, 63, 66, 67, 67, 67, 68, 69, 70, 70, 70, 70, 72, 73, 75, 75, 76, 76, 78, 79, 81];

    /// <summary>1 where an O-ring showed thermal distress.</summary>
    public static readonly double[] Distress = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];

    /// <summary>The launch temperature of 28 January 1986, °F.</summary>
    public const double LaunchDay = 31;
}

/// <summary>
/// Logistic regression's negative log-likelihood −Σ [yᵢ·ηᵢ − ln(1 + e^ηᵢ)], ηᵢ = β₀ + β₁·tᵢ, written once on generic math
/// (softplus keeps ln(1 + e^η) finite for any η), so it runs on double and on Dual's numbers alike.
/// </summary>
/// <param name="T">The predictor.</param>
/// <param name="Y">The 0/1 responses.</param>
public readonly record struct LogisticLoss(double[] T, double[] Y) : IScalarFunction
{
    /// <inheritdoc/>
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> beta) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum loss = TNum.Zero;
        for (int i = 0; i < T.Length; i++)
        {
            TNum eta = beta[0] + beta[1] * TNum.CreateChecked(T[i]);
            loss += Activations.Softplus(eta) - TNum.CreateChecked(Y[i]) * eta;
        }
        return loss;
    }

    /// <summary>The model's probability of distress at temperature <paramref name="t"/>.</summary>
    public static double Probability(IReadOnlyList<double> beta, double t) => 1 / (1 + Math.Exp(-(beta[0] + beta[1] * t)));
}

/// <summary>One minimisation.</summary>
/// <param name="Method">How it was run.</param>
/// <param name="Beta">(β₀, β₁) at the end, or empty if the minimiser gave up.</param>
/// <param name="Iterations">Iterations reported by MathNet.</param>
/// <param name="FunctionRuns">Runs of the loss (a dual pass for a gradient counts as one run; MathNet's forward
/// differences run the plain loss n + 1 times per gradient).</param>
/// <param name="Loss">The loss at the end.</param>
/// <param name="TrueGradientNorm">‖∇f‖ at the end, from Dual's exact gradient: how close to the optimum it really is.</param>
/// <param name="Outcome">MathNet's exit condition, or the exception that stopped it.</param>
public sealed record OptimizationRun(string Method, double[] Beta, int Iterations, int FunctionRuns, double Loss, double TrueGradientNorm, string Outcome)
{
    /// <summary>Whether the run produced a point.</summary>
    public bool Finished => Beta.Length == 2;

    /// <summary>P(distress) at 31 °F under this fit.</summary>
    public double ProbabilityOnLaunchDay => Finished ? LogisticLoss.Probability(Beta, Challenger.LaunchDay) : double.NaN;
}

/// <summary>BFGS with exact gradients against BFGS with MathNet's finite differences, and Newton with the exact Hessian.</summary>
public static class OptimizationExample
{
    /// <summary>The starting point (0, 0): probability ½ everywhere.</summary>
    public static readonly double[] Start = [0, 0];

    /// <summary>The three runs.</summary>
    public static IReadOnlyList<OptimizationRun> Run()
    {
        var loss = new LogisticLoss(Challenger.Temperature, Challenger.Distress);
        var bfgs = new BfgsMinimizer(1e-8, 1e-12, 1e-14, 10000);

        DualObjectiveFunction exact = DualObjective.Gradient(loss);
        OptimizationRun exactRun = Record("BFGS, exact gradient (Dual)", loss, () => bfgs.FindMinimum(exact, DVector.Build.Dense(Start)), () => exact.Counts.Total);

        int runs = 0;
        IObjectiveFunction valueOnly = ObjectiveFunction.Value(beta =>
        {
            runs++;
            return loss.Evaluate<double>([beta[0], beta[1]]);
        });
        var forwardDifferences = new ForwardDifferenceGradientObjectiveFunction(valueOnly,
            DVector.Build.Dense(2, double.NegativeInfinity), DVector.Build.Dense(2, double.PositiveInfinity));
        OptimizationRun fdRun = Record("BFGS, MathNet forward differences", loss, () => bfgs.FindMinimum(forwardDifferences, DVector.Build.Dense(Start)), () => runs);

        DualObjectiveFunction withHessian = DualObjective.GradientHessian(loss);
        OptimizationRun newtonRun = Record("Newton, exact Hessian (Dual)", loss,
            () => new NewtonMinimizer(1e-10, 100, useLineSearch: true).FindMinimum(withHessian, DVector.Build.Dense(Start)), () => withHessian.Counts.Total);

        return [exactRun, fdRun, newtonRun];
    }

    private static OptimizationRun Record(string method, LogisticLoss loss, Func<MinimizationResult> minimise, Func<int> runs)
    {
        try
        {
            MinimizationResult result = minimise();
            double[] beta = result.MinimizingPoint.ToArray();
            var gradient = new double[2];
            double value = AutoDiff.Gradient(loss, beta, gradient);
            return new OptimizationRun(method, beta, result.Iterations, runs(), value, Math.Sqrt(gradient[0] * gradient[0] + gradient[1] * gradient[1]),
                result.ReasonForExit.ToString());
        }
        catch (OptimizationException e)
        {
            return new OptimizationRun(method, [], 0, runs(), double.NaN, double.NaN, e.GetType().Name + ": " + e.Message);
        }
    }
}
