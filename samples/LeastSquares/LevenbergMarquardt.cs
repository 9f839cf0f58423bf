using System;
using System.Collections.Generic;

namespace Dual.Samples.LeastSquares;

/// <summary>The outcome of a Levenberg–Marquardt run.</summary>
/// <param name="Parameters">The fitted θ.</param>
/// <param name="Iterations">Damped steps tried (accepted or rejected).</param>
/// <param name="JacobianEvaluations">AD Jacobian evaluations (one at the start and one per accepted step).</param>
/// <param name="InitialResidualNorm">‖r(θ₀)‖.</param>
/// <param name="ResidualNorm">‖r(θ)‖ at the end.</param>
/// <param name="GradientNorm">‖Jᵀr‖ at the end.</param>
/// <param name="Converged">Whether a stopping test was met before the iteration limit.</param>
/// <param name="JacobianAtSolution">J(θ) at the end, row-major m×n.</param>
/// <param name="History">‖r‖ after each accepted step.</param>
public sealed record LmResult(
    double[] Parameters,
    int Iterations,
    int JacobianEvaluations,
    double InitialResidualNorm,
    double ResidualNorm,
    double GradientNorm,
    bool Converged,
    double[] JacobianAtSolution,
    IReadOnlyList<double> History);

/// <summary>
/// Levenberg–Marquardt on residuals r: ℝⁿ → ℝᵐ, with the Jacobian from forward-mode AD
/// (<see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>: chunked
/// passes, n ≤ 8 parameters here, so one pass gives the whole m×n Jacobian). A
/// <c>[Differentiable]</c> residual method gets a generated Jacobian entry point that makes this same call.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Minimises ½‖r(θ)‖² from <paramref name="start"/>.</summary>
    /// <typeparam name="TResiduals">The residual function struct.</typeparam>
    /// <param name="residuals">r.</param>
    /// <param name="residualCount">m.</param>
    /// <param name="start">θ₀ (length n).</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <returns>The fit.</returns>
    public static LmResult Solve<TResiduals>(TResiduals residuals, int residualCount, ReadOnlySpan<double> start, int maxIterations = 200)
        where TResiduals : IVectorFunction
    {
        int n = start.Length, m = residualCount;
        double[] theta = start.ToArray();
        var r = new double[m];
        var jacobian = new double[m * n];
        var trialResiduals = new double[m];
        var history = new List<double>();
        double lambda = 1e-3;

        AutoDiff.Jacobian(residuals, theta, r, jacobian);
        double cost = Dense.Norm(r);
        double initial = cost;
        int iterations = 0, jacobians = 1;
        bool converged = false;
        double gradientNorm = double.NaN;
        while (iterations < maxIterations)
        {
            double[,] jtj = Dense.TransposeTimesSelf(jacobian, m, n);
            double[] jtr = Dense.TransposeTimes(jacobian, m, n, r);
            gradientNorm = Dense.Norm(jtr);
            if (gradientNorm <= 1e-12 * Math.Max(1.0, cost))
            {
                converged = true;
                break;
            }

            iterations++;
            // (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr
            var damped = (double[,])jtj.Clone();
            for (int i = 0; i < n; i++) { damped[i, i] += lambda * Math.Max(jtj[i, i], 1e-12); }
            var minusJtr = new double[n];
            for (int i = 0; i < n; i++) { minusJtr[i] = -jtr[i]; }
            double[] step = Dense.Solve(damped, minusJtr);

            var trial = new double[n];
            for (int i = 0; i < n; i++) { trial[i] = theta[i] + step[i]; }
            residuals.Evaluate<double>(trial, trialResiduals);
            double trialCost = Dense.Norm(trialResiduals);
            if (trialCost < cost)
            {
                theta = trial;
                lambda = Math.Max(lambda / 10, 1e-12);
                bool smallStep = Dense.Norm(step) <= 1e-14 * (Dense.Norm(theta) + 1e-14);
                bool flat = cost - trialCost <= 1e-15 * cost;
                AutoDiff.Jacobian(residuals, theta, r, jacobian);
                jacobians++;
                cost = Dense.Norm(r);
                history.Add(cost);
                if (smallStep || flat)
                {
                    gradientNorm = Dense.Norm(Dense.TransposeTimes(jacobian, m, n, r));
                    converged = true;
                    break;
                }
            }
            else
            {
                lambda *= 10;
                if (lambda > 1e16)
                {
                    converged = true; // no descent left at working precision
                    break;
                }
            }
        }
        return new LmResult(theta, iterations, jacobians, initial, cost, gradientNorm, converged, jacobian, history);
    }
}
