using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace Dual.MathNet;

/// <summary>
/// A MathNet.Numerics <see cref="IObjectiveFunction"/> whose gradient (and, when built with
/// <see cref="DualObjective.GradientHessian{TFunction}(TFunction, int)"/>, Hessian) is exact: forward-mode automatic
/// differentiation instead of finite differences. Works with <see cref="BfgsMinimizer"/>,
/// <see cref="LimitedMemoryBfgsMinimizer"/>, <see cref="ConjugateGradientMinimizer"/>, <see cref="NewtonMinimizer"/>
/// and <see cref="BfgsBMinimizer"/>.
/// </summary>
/// <remarks>
/// Evaluation is lazy, as in MathNet's own objectives: <see cref="EvaluateAt"/> only records the point; the first read
/// of <see cref="Value"/> runs the function once, the first read of <see cref="Gradient"/> runs one chunked dual pass
/// (which yields the value too), the first read of <see cref="Hessian"/> the nested passes (value and gradient too).
/// Each instance keeps its point, gradient and Hessian in its own storage and rewrites it in place, so evaluating
/// allocates nothing; the minimisers' <c>CreateNew</c> (once per line search) and <c>Fork</c> are the allocations
/// MathNet's interface forces.
/// </remarks>
public sealed class DualObjectiveFunction : IObjectiveFunction
{
    private readonly ScalarEvaluator evaluator;
    private double[] point = [], gradient = [], hessian = [];
    private DenseVector? pointVector, gradientVector;
    private DenseMatrix? hessianMatrix;
    private bool hasValue, hasGradient, hasHessian;
    private double value;

    internal DualObjectiveFunction(ScalarEvaluator evaluator, EvaluationCounts counts)
    {
        this.evaluator = evaluator;
        Counts = counts;
    }

    /// <summary>The evaluations made so far by this objective and every copy MathNet made of it.</summary>
    public EvaluationCounts Counts { get; }

    /// <inheritdoc/>
    public Vector<double> Point => pointVector ?? throw NotEvaluated();

    /// <inheritdoc/>
    public double Value
    {
        get
        {
            if (!hasValue)
            {
                value = evaluator.Value(Storage());
                Counts.Values++;
                hasValue = true;
            }
            return value;
        }
    }

    /// <inheritdoc/>
    public bool IsGradientSupported => true;

    /// <inheritdoc/>
    public Vector<double> Gradient
    {
        get
        {
            if (!hasGradient)
            {
                value = evaluator.Gradient(Storage(), gradient);
                Counts.Gradients++;
                hasValue = hasGradient = true;
            }
            return gradientVector!;
        }
    }

    /// <inheritdoc/>
    public bool IsHessianSupported => evaluator.HasHessian;

    /// <inheritdoc/>
    public Matrix<double> Hessian
    {
        get
        {
            if (!evaluator.HasHessian)
            {
                throw new NotSupportedException("This objective has no Hessian: build it with DualObjective.GradientHessian.");
            }
            if (!hasHessian)
            {
                value = evaluator.Hessian(Storage(), gradient, hessian);
                Counts.Hessians++;
                hasValue = hasGradient = hasHessian = true;
            }
            return hessianMatrix!;
        }
    }

    /// <inheritdoc/>
    public void EvaluateAt(Vector<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        int n = point.Count;
        if (this.point.Length != n)
        {
            this.point = new double[n];
            gradient = new double[n];
            pointVector = new DenseVector(this.point);
            gradientVector = new DenseVector(gradient);
            if (evaluator.HasHessian)
            {
                hessian = new double[n * n];
                hessianMatrix = new DenseMatrix(n, n, hessian);
            }
        }
        for (int i = 0; i < n; i++)
        {
            this.point[i] = point[i];
        }
        hasValue = hasGradient = hasHessian = false;
    }

    /// <inheritdoc/>
    public IObjectiveFunction CreateNew() => new DualObjectiveFunction(evaluator, Counts);

    /// <inheritdoc/>
    public IObjectiveFunction Fork()
    {
        var fork = new DualObjectiveFunction(evaluator, Counts);
        if (pointVector is not null)
        {
            fork.EvaluateAt(pointVector);
            gradient.CopyTo(fork.gradient, 0);
            hessian.CopyTo(fork.hessian, 0);
            fork.value = value;
            fork.hasValue = hasValue;
            fork.hasGradient = hasGradient;
            fork.hasHessian = hasHessian;
        }
        return fork;
    }

    private ReadOnlySpan<double> Storage() => pointVector is null ? throw NotEvaluated() : point;

    private static InvalidOperationException NotEvaluated() => new("The objective has not been evaluated: call EvaluateAt first.");
}
