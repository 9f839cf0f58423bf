using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace Dual.MathNet;

/// <summary>
/// A MathNet.Numerics <see cref="IObjectiveModel"/> (least-squares fit of model values F(p) to observations y) whose
/// Jacobian is exact: forward-mode automatic differentiation instead of MathNet's finite differences. For
/// <see cref="LevenbergMarquardtMinimizer"/>, <see cref="global::MathNet.Numerics.Optimization.TrustRegion.TrustRegionDogLegMinimizer"/>
/// and <see cref="global::MathNet.Numerics.Optimization.TrustRegion.TrustRegionNewtonCGMinimizer"/>.
/// </summary>
/// <remarks>
/// <para>The quantities follow MathNet's <c>NonlinearObjectiveFunction</c> exactly: with weights wᵢ (L = √w), residuals
/// R = L(y − F(p)), <see cref="Value"/> = ‖R‖², <see cref="Gradient"/> = −JᵀLR and <see cref="Hessian"/> = JᵀWJ
/// (Gauss–Newton), with the columns of fixed parameters zeroed; <see cref="FunctionEvaluations"/> and
/// <see cref="JacobianEvaluations"/> count as MathNet counts.</para>
/// <para>Evaluation is lazy (<see cref="EvaluateAt"/> records the point; <see cref="Value"/> runs the model once;
/// <see cref="Gradient"/>/<see cref="Hessian"/> run one chunked dual pass for the values and the Jacobian together),
/// and every buffer is kept per instance and rewritten in place: evaluating allocates nothing.</para>
/// </remarks>
public sealed class DualObjectiveModel : IObjectiveModel
{
    private readonly VectorEvaluator evaluator;
    private readonly Vector<double> observedY;
    private readonly double[]? sqrtWeights;
    private readonly Matrix<double>? weights;
    private readonly int m;
    private double[] point = [], gradient = [], hessian = [], jacobian = [];
    private readonly double[] values, residuals;
    private DenseVector? pointVector, gradientVector;
    private DenseMatrix? hessianMatrix;
    private readonly DenseVector valuesVector;
    private List<bool>? isFixed;
    private bool hasValue, hasJacobian;
    private double value;

    internal DualObjectiveModel(VectorEvaluator evaluator, Vector<double> observedY, Vector<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(observedY);
        this.evaluator = evaluator;
        this.observedY = observedY;
        m = observedY.Count;
        if (weights is not null)
        {
            if (weights.Count != m)
            {
                throw new ArgumentException($"There are {weights.Count} weights for {m} observations.", nameof(weights));
            }
            sqrtWeights = new double[m];
            bool anyNonZero = false;
            for (int i = 0; i < m; i++)
            {
                double w = Math.Abs(weights[i]);
                if (!double.IsFinite(w))
                {
                    throw new ArgumentException($"Weight {i} is {weights[i]}: weights must be finite.", nameof(weights));
                }
                anyNonZero |= w != 0;
                sqrtWeights[i] = Math.Sqrt(w);
            }
            if (!anyNonZero)
            {
                throw new ArgumentException("All the weights are zero.", nameof(weights));
            }
            this.weights = Matrix<double>.Build.DiagonalOfDiagonalVector(weights.PointwiseAbs());
        }
        values = new double[m];
        residuals = new double[m];
        valuesVector = new DenseVector(values);
    }

    /// <inheritdoc/>
    public Vector<double> ObservedY => observedY;

    /// <inheritdoc/>
    public Matrix<double> Weights => weights!;

    /// <inheritdoc/>
    public Vector<double> ModelValues
    {
        get
        {
            _ = Value;
            return valuesVector;
        }
    }

    /// <inheritdoc/>
    public Vector<double> Point => pointVector!;

    /// <inheritdoc/>
    public double Value
    {
        get
        {
            if (!hasValue)
            {
                evaluator.Values(Parameters(), values);
                FunctionEvaluations++;
                UpdateResiduals();
            }
            return value;
        }
    }

    /// <inheritdoc/>
    public Vector<double> Gradient
    {
        get
        {
            EnsureJacobian();
            return gradientVector!;
        }
    }

    /// <inheritdoc/>
    public Matrix<double> Hessian
    {
        get
        {
            EnsureJacobian();
            return hessianMatrix!;
        }
    }

    /// <inheritdoc/>
    public int FunctionEvaluations { get; set; }

    /// <inheritdoc/>
    public int JacobianEvaluations { get; set; }

    /// <inheritdoc/>
    public int DegreeOfFreedom
    {
        get
        {
            int df = m - point.Length;
            if (isFixed is not null)
            {
                foreach (bool f in isFixed)
                {
                    df += f ? 1 : 0;
                }
            }
            return df;
        }
    }

    /// <inheritdoc/>
    public bool IsGradientSupported => true;

    /// <inheritdoc/>
    public bool IsHessianSupported => true;

    /// <inheritdoc/>
    public void SetParameters(Vector<double> initialGuess, List<bool>? isFixed = null)
    {
        ArgumentNullException.ThrowIfNull(initialGuess);
        if (isFixed is not null && isFixed.Count != initialGuess.Count)
        {
            throw new ArgumentException($"isFixed has {isFixed.Count} entries for {initialGuess.Count} parameters.", nameof(isFixed));
        }
        if (isFixed is not null && !isFixed.Contains(false))
        {
            throw new ArgumentException("All the parameters are fixed.", nameof(isFixed));
        }
        this.isFixed = isFixed;
        Load(initialGuess);
    }

    /// <inheritdoc/>
    public void EvaluateAt(Vector<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (!double.IsFinite(parameters[i]))
            {
                throw new ArgumentException($"Parameter {i} is {parameters[i]}: the parameters must be finite.", nameof(parameters));
            }
        }
        Load(parameters);
    }

    /// <inheritdoc/>
    public IObjectiveModel CreateNew() => new DualObjectiveModel(evaluator, observedY, weights?.Diagonal());

    /// <inheritdoc/>
    public IObjectiveModel Fork()
    {
        var fork = new DualObjectiveModel(evaluator, observedY, weights?.Diagonal()) { isFixed = isFixed };
        if (pointVector is not null)
        {
            fork.Load(pointVector);
            values.CopyTo(fork.values, 0);
            residuals.CopyTo(fork.residuals, 0);
            jacobian.CopyTo(fork.jacobian, 0);
            gradient.CopyTo(fork.gradient, 0);
            hessian.CopyTo(fork.hessian, 0);
            fork.value = value;
            fork.hasValue = hasValue;
            fork.hasJacobian = hasJacobian;
        }
        return fork;
    }

    /// <summary>The objective ‖R‖² as an <see cref="IObjectiveFunction"/> with this model's gradient and Gauss–Newton
    /// Hessian (as MathNet's <c>NonlinearObjectiveFunction.ToObjectiveFunction</c>; each evaluation returns copies,
    /// since MathNet's function objectives keep what they are given).</summary>
    /// <returns>The objective function.</returns>
    public IObjectiveFunction ToObjectiveFunction() => ObjectiveFunction.GradientHessian(p =>
    {
        EvaluateAt(p);
        return (Value, Gradient.Clone(), Hessian.Clone());
    });

    private void Load(Vector<double> parameters)
    {
        int n = parameters.Count;
        if (point.Length != n || pointVector is null)
        {
            point = new double[n];
            gradient = new double[n];
            hessian = new double[n * n];
            jacobian = new double[m * n];
            pointVector = new DenseVector(point);
            gradientVector = new DenseVector(gradient);
            hessianMatrix = new DenseMatrix(n, n, hessian);
        }
        for (int i = 0; i < n; i++)
        {
            point[i] = parameters[i];
        }
        hasValue = hasJacobian = false;
    }

    private ReadOnlySpan<double> Parameters() =>
        pointVector is null ? throw new InvalidOperationException("The model has no parameters yet: call SetParameters or EvaluateAt first.") : point;

    private void UpdateResiduals()
    {
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            double r = observedY[i] - values[i];
            if (sqrtWeights is not null)
            {
                r *= sqrtWeights[i];
            }
            residuals[i] = r;
            sum += r * r;
        }
        value = sum;
        hasValue = true;
    }

    private void EnsureJacobian()
    {
        if (hasJacobian)
        {
            return;
        }
        int n = point.Length;
        evaluator.Jacobian(Parameters(), values, jacobian);
        JacobianEvaluations++;
        UpdateResiduals();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ref double entry = ref jacobian[i * n + j];
                if (isFixed is not null && isFixed[j])
                {
                    entry = 0;
                }
                else if (sqrtWeights is not null)
                {
                    entry *= sqrtWeights[i];
                }
            }
        }
        // g = −JᵀR, H = JᵀJ (symmetric: column-major storage filled from both triangles).
        for (int j = 0; j < n; j++)
        {
            double g = 0;
            for (int i = 0; i < m; i++)
            {
                g -= jacobian[i * n + j] * residuals[i];
            }
            gradient[j] = g;
            for (int k = 0; k <= j; k++)
            {
                double h = 0;
                for (int i = 0; i < m; i++)
                {
                    h += jacobian[i * n + j] * jacobian[i * n + k];
                }
                hessian[j + k * n] = h;
                hessian[k + j * n] = h;
            }
        }
        hasJacobian = true;
    }
}
