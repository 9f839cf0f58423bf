using System;
using System.Collections.Generic;
using System.Numerics;
// MathNet's Vector<T> would clash with System.Numerics.Vector<T>, which generic math brings in.
using DMatrix = MathNet.Numerics.LinearAlgebra.Matrix<double>;
using DVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Dual.Samples.Constrained;

/// <summary>Which objective f the Lagrangian uses.</summary>
public enum Objective
{
    /// <summary>f(x) = ½‖x‖²: the least-norm problem, solved in closed form by x = Aᵀ(AAᵀ)⁻¹y.</summary>
    HalfSquaredNorm,

    /// <summary>f(x) = log Σ exp(xᵢ) + ½‖x‖²: smooth, strictly convex, not quadratic.</summary>
    LogSumExpPlusHalfSquaredNorm,
}

/// <summary>
/// L(x, λ) = f(x) + λᵀ(Ax − y) over z = (x, λ) ∈ ℝⁿ⁺ᵐ, written once on generic math so it can be evaluated at
/// <c>Dual&lt;Dual&lt;double&gt;&gt;</c> for its gradient and Hessian.
/// </summary>
/// <param name="A">The m×n constraint matrix.</param>
/// <param name="Y">The right-hand side (length m).</param>
/// <param name="F">The objective.</param>
public readonly record struct Lagrangian(double[,] A, double[] Y, Objective F) : IScalarFunction
{
    /// <inheritdoc/>
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> z) where TNum : IFloatingPointIeee754<TNum>
    {
        int m = A.GetLength(0), n = A.GetLength(1);
        ReadOnlySpan<TNum> x = z[..n], lambda = z[n..];
        TNum half = TNum.CreateChecked(0.5);
        TNum squaredNorm = TNum.Zero;
        for (int j = 0; j < n; j++) { squaredNorm += x[j] * x[j]; }
        TNum value = half * squaredNorm;
        if (F == Objective.LogSumExpPlusHalfSquaredNorm)
        {
            TNum sum = TNum.Zero;
            for (int j = 0; j < n; j++) { sum += TNum.Exp(x[j]); }
            value += TNum.Log(sum);
        }
        for (int i = 0; i < m; i++)
        {
            TNum constraint = -TNum.CreateChecked(Y[i]);
            for (int j = 0; j < n; j++) { constraint += TNum.CreateChecked(A[i, j]) * x[j]; }
            value += lambda[i] * constraint;
        }
        return value;
    }
}

/// <summary>One solve.</summary>
/// <param name="X">The minimiser x.</param>
/// <param name="Lambda">The multipliers λ.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="GradientNormHistory">‖∇L‖ before each step and at the end.</param>
/// <param name="ConstraintResidual">‖Ax − y‖.</param>
public sealed record NewtonResult(double[] X, double[] Lambda, int Iterations, IReadOnlyList<double> GradientNormHistory, double ConstraintResidual);

/// <summary>Both cases.</summary>
/// <param name="A">The constraint matrix.</param>
/// <param name="Y">The right-hand side.</param>
/// <param name="LeastNorm">Newton on the Lagrangian of ½‖x‖².</param>
/// <param name="ClosedForm">Aᵀ(AAᵀ)⁻¹y.</param>
/// <param name="MaxDifference">max |x_Newton − x_closed|.</param>
/// <param name="LogSumExp">Newton on the Lagrangian of log Σ exp(xᵢ) + ½‖x‖².</param>
public sealed record ConstrainedResult(double[,] A, double[] Y, NewtonResult LeastNorm, double[] ClosedForm, double MaxDifference, NewtonResult LogSumExp);

/// <summary>Equality-constrained minimisation by Newton's method on ∇L = 0, Hessians from nested duals.</summary>
public static class ConstrainedExample
{
    /// <summary>The constraint matrix (3×5).</summary>
    public static double[,] A => new double[,]
    {
        { 1, 2, 0, -1, 3 },
        { 0, 1, 1, 2, -1 },
        { 2, 0, -1, 1, 1 },
    };

    /// <summary>The right-hand side.</summary>
    public static double[] Y => [1, 2, 3];

    /// <summary>Newton's method on ∇L(z) = 0: H(z)·δ = −∇L(z), z ← z + δ, with ∇L and H from
    /// <see cref="AutoDiff.Hessian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T})"/> (forward over forward).</summary>
    /// <param name="lagrangian">L.</param>
    /// <param name="maxIterations">The step limit.</param>
    public static NewtonResult Newton(Lagrangian lagrangian, int maxIterations = 50)
    {
        int m = lagrangian.A.GetLength(0), n = lagrangian.A.GetLength(1), size = n + m;
        var z = new double[size];
        var gradient = new double[size];
        var hessian = new double[size * size];
        var history = new List<double>();
        int iterations = 0;
        while (true)
        {
            AutoDiff.Hessian(lagrangian, z, gradient, hessian);
            DVector g = DVector.Build.Dense(gradient);
            double norm = g.L2Norm();
            history.Add(norm);
            if (norm <= 1e-13 || iterations == maxIterations)
            {
                break;
            }
            // The KKT matrix [[∇²f, Aᵀ], [A, 0]] is symmetric but indefinite: LU with partial pivoting. (The buffer is
            // row-major and MathNet's storage column-major; the Hessian is exactly symmetric, so they agree.)
            DVector step = DMatrix.Build.Dense(size, size, hessian).LU().Solve(-g);
            for (int i = 0; i < size; i++) { z[i] += step[i]; }
            iterations++;
            if (step.L2Norm() <= 1e-15 * (1 + DVector.Build.Dense(z).L2Norm()))
            {
                break;
            }
        }
        double[] x = z[..n];
        DVector residual = DMatrix.Build.DenseOfArray(lagrangian.A) * DVector.Build.Dense(x) - DVector.Build.Dense(lagrangian.Y);
        return new NewtonResult(x, z[n..], iterations, history, residual.L2Norm());
    }

    /// <summary>The least-norm solution Aᵀ(AAᵀ)⁻¹y.</summary>
    public static double[] LeastNormClosedForm(double[,] a, double[] y)
    {
        DMatrix matrix = DMatrix.Build.DenseOfArray(a);
        DVector w = (matrix * matrix.Transpose()).Solve(DVector.Build.Dense(y));
        return (matrix.Transpose() * w).ToArray();
    }

    /// <summary>Runs both cases.</summary>
    public static ConstrainedResult Run()
    {
        double[,] a = A;
        double[] y = Y;
        NewtonResult leastNorm = Newton(new Lagrangian(a, y, Objective.HalfSquaredNorm));
        double[] closed = LeastNormClosedForm(a, y);
        NewtonResult lse = Newton(new Lagrangian(a, y, Objective.LogSumExpPlusHalfSquaredNorm));
        double maxDifference = (DVector.Build.Dense(leastNorm.X) - DVector.Build.Dense(closed)).InfinityNorm();
        return new ConstrainedResult(a, y, leastNorm, closed, maxDifference, lse);
    }
}
