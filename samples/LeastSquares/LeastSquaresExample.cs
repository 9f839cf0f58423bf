using System;
using System.Numerics;
using Dual.MathNet;
using MathNet.Numerics.Optimization;
using DMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using DVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Dual.Samples.LeastSquares;

/// <summary>The model y = a·exp(−b·t) + c at the sample times, θ = (a, b, c).</summary>
/// <param name="T">The sample times.</param>
public readonly record struct DecayModel(double[] T) : IVectorFunction
{
    /// <inheritdoc/>
    public void Evaluate<TNum>(ReadOnlySpan<TNum> theta, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum a = theta[0], b = theta[1], c = theta[2];
        for (int i = 0; i < T.Length; i++)
        {
            y[i] = a * TNum.Exp(-b * TNum.CreateChecked(T[i])) + c;
        }
    }

    /// <summary>The same model in MathNet's form f(θ, t), for its finite-difference run.</summary>
    public static double At(DVector theta, double t) => theta[0] * Math.Exp(-theta[1] * t) + theta[2];
}

/// <summary>The linear model y = θ₀ + θ₁t + θ₂t² at the sample times.</summary>
/// <param name="T">The sample times.</param>
public readonly record struct QuadraticModel(double[] T) : IVectorFunction
{
    /// <inheritdoc/>
    public void Evaluate<TNum>(ReadOnlySpan<TNum> theta, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        for (int i = 0; i < T.Length; i++)
        {
            TNum t = TNum.CreateChecked(T[i]);
            y[i] = theta[0] + theta[1] * t + theta[2] * t * t;
        }
    }

    /// <summary>The design matrix X (m×3): rows (1, tᵢ, tᵢ²).</summary>
    public DMatrix DesignMatrix()
    {
        double[] t = T;
        return DMatrix.Build.Dense(t.Length, 3, (i, j) => Math.Pow(t[i], j));
    }
}

/// <summary>One Levenberg–Marquardt run (MathNet's <see cref="LevenbergMarquardtMinimizer"/>).</summary>
/// <param name="Parameters">The fitted θ.</param>
/// <param name="StandardErrors">MathNet's standard errors √diag(s²(JᵀJ)⁻¹), s² = ‖r‖²/(m − n).</param>
/// <param name="Iterations">LM iterations.</param>
/// <param name="ModelRuns">Runs of the model over all observations: value passes plus Jacobian passes (one chunked dual
/// pass per Jacobian) for the exact run; every call MathNet made for the finite-difference run.</param>
/// <param name="InitialResidualNorm">‖y − F(θ₀)‖.</param>
/// <param name="ResidualNorm">‖y − F(θ)‖ at the end.</param>
/// <param name="GradientNorm">‖Jᵀr‖ at the end.</param>
/// <param name="Exit">MathNet's reason for stopping.</param>
public sealed record LmRun(double[] Parameters, double[]? StandardErrors, int Iterations, int ModelRuns, double InitialResidualNorm,
    double ResidualNorm, double GradientNorm, ExitCondition Exit)
{
    /// <summary>Stopped on a convergence test rather than the iteration limit or invalid values.</summary>
    public bool Converged => Exit is not (ExitCondition.ExceedIterations or ExitCondition.InvalidValues or ExitCondition.None);
}

/// <summary>The nonlinear fit, with Dual's exact Jacobian and with MathNet's finite differences.</summary>
/// <param name="True">The parameters the data were drawn from (a, b, c).</param>
/// <param name="Start">θ₀.</param>
/// <param name="Noise">The noise standard deviation σ.</param>
/// <param name="Exact">LM with the exact Jacobian.</param>
/// <param name="FiniteDifference">LM with MathNet's central differences.</param>
/// <param name="JacobianAtSolution">The exact Jacobian of the model values at the fit, row-major m×3.</param>
public sealed record DecayFit(double[] True, double[] Start, double Noise, LmRun Exact, LmRun FiniteDifference, double[] JacobianAtSolution);

/// <summary>The linear fit, two ways.</summary>
/// <param name="True">The generating coefficients.</param>
/// <param name="T">The sample times.</param>
/// <param name="Y">The observations.</param>
/// <param name="Fit">Levenberg–Marquardt with the exact Jacobian.</param>
/// <param name="NormalEquations">θ = (XᵀX)⁻¹Xᵀy by MathNet's linear algebra.</param>
/// <param name="MaxDifference">max |θ_LM − θ_normal|.</param>
/// <param name="JacobianMinusDesign">max |J_AD − X|: for a linear model the Jacobian is the design matrix.</param>
public sealed record LinearFit(double[] True, double[] T, double[] Y, LmRun Fit, double[] NormalEquations, double MaxDifference, double JacobianMinusDesign);

/// <summary>Both fits.</summary>
public sealed record LeastSquaresResult(DecayFit Decay, LinearFit Linear);

/// <summary>Curve fitting with MathNet's Levenberg–Marquardt on Dual's exact Jacobians (the Dual.MathNet bridge).</summary>
public static class LeastSquaresExample
{
    /// <summary>The noise σ added to every observation.</summary>
    public const double Noise = 0.02;

    /// <summary>The number of observations.</summary>
    public const int Points = 50;

    /// <summary>Runs both fits on synthetic data from a fixed seed.</summary>
    /// <param name="seed">The random seed.</param>
    public static LeastSquaresResult Run(int seed = 42)
    {
        var random = new Random(seed);
        var t = new double[Points];
        for (int i = 0; i < Points; i++) { t[i] = 4.0 * i / (Points - 1); }

        // y = 2.5·exp(−1.3·t) + 0.5 + noise
        double[] trueDecay = [2.5, 1.3, 0.5];
        DVector yDecay = DVector.Build.Dense(Points, i => trueDecay[0] * Math.Exp(-trueDecay[1] * t[i]) + trueDecay[2] + Noise * Gaussian(random));
        double[] start = [1.0, 0.5, 0.0];
        var decay = new DecayModel(t);
        LmRun exact = FitExact(decay, yDecay, start);

        int calls = 0;
        IObjectiveModel finiteDifference = ObjectiveFunction.NonlinearModel((theta, times) =>
        {
            calls++;
            return DVector.Build.Dense(times.Count, i => DecayModel.At(theta, times[i]));
        }, DVector.Build.Dense(t), yDecay);
        LmRun fd = Fit(finiteDifference, start, () => calls, ResidualNorm(decay, yDecay, start));
        double[,] jacobian = AutoDiff.Jacobian<double, DecayModel>(decay, exact.Parameters, Points);

        // y = 1 − 0.7t + 0.15t² + noise
        double[] trueLinear = [1.0, -0.7, 0.15];
        DVector yLinear = DVector.Build.Dense(Points, i => trueLinear[0] + trueLinear[1] * t[i] + trueLinear[2] * t[i] * t[i] + Noise * Gaussian(random));
        var quadratic = new QuadraticModel(t);
        LmRun linearFit = FitExact(quadratic, yLinear, [0.0, 0.0, 0.0]);
        DMatrix design = quadratic.DesignMatrix();
        DVector normal = design.TransposeThisAndMultiply(design).Solve(design.TransposeThisAndMultiply(yLinear));
        DMatrix adJacobian = DMatrix.Build.DenseOfArray(AutoDiff.Jacobian<double, QuadraticModel>(quadratic, linearFit.Parameters, Points));

        return new LeastSquaresResult(
            new DecayFit(trueDecay, start, Noise, exact, fd, Flatten(jacobian)),
            new LinearFit(trueLinear, t, yLinear.ToArray(), linearFit, normal.ToArray(),
                (DVector.Build.Dense(linearFit.Parameters) - normal).InfinityNorm(), (adJacobian - design).InfinityNorm()));
    }

    /// <summary>LM on a model with the exact Jacobian: <see cref="DualObjective.Model{TModel}"/>.</summary>
    private static LmRun FitExact<TModel>(TModel model, DVector y, double[] start) where TModel : IVectorFunction
    {
        DualObjectiveModel objective = DualObjective.Model(model, y);
        return Fit(objective, start, () => objective.FunctionEvaluations + objective.JacobianEvaluations, ResidualNorm(model, y, start));
    }

    private static LmRun Fit(IObjectiveModel objective, double[] start, Func<int> runs, double initialResidualNorm)
    {
        NonlinearMinimizationResult result = new LevenbergMarquardtMinimizer().FindMinimum(objective, DVector.Build.Dense(start));
        IObjectiveModel atMinimum = result.ModelInfoAtMinimum;
        return new LmRun(result.MinimizingPoint.ToArray(), result.StandardErrors?.ToArray(), result.Iterations, runs(),
            initialResidualNorm, Math.Sqrt(atMinimum.Value), atMinimum.Gradient.L2Norm(), result.ReasonForExit);
    }

    private static double ResidualNorm<TModel>(TModel model, DVector y, double[] theta) where TModel : IVectorFunction
    {
        var values = new double[y.Count];
        model.Evaluate<double>(theta, values);
        return (y - DVector.Build.Dense(values)).L2Norm();
    }

    private static double[] Flatten(double[,] matrix)
    {
        var flat = new double[matrix.Length];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        return flat;
    }

    /// <summary>A standard normal draw (Box–Muller) from <paramref name="random"/>.</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
