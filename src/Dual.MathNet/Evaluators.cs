using System;

namespace Dual.MathNet;

/// <summary>A function ℝⁿ → ℝ with exact derivatives, behind one virtual call per evaluation.</summary>
internal abstract class ScalarEvaluator
{
    public abstract double Value(ReadOnlySpan<double> x);

    public abstract double Gradient(ReadOnlySpan<double> x, Span<double> gradient);

    public abstract bool HasHessian { get; }

    /// <summary>Value, gradient and the Hessian (n×n, symmetric, so row- and column-major agree).</summary>
    public abstract double Hessian(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian);
}

/// <summary>A generic-math struct: chunked multi-tangent gradients, nested-dual Hessians (<see cref="AutoDiff"/>).</summary>
internal sealed class StructScalarEvaluator<TFunction>(TFunction function, int chunkSize, bool hessian) : ScalarEvaluator
    where TFunction : IScalarFunction
{
    public override double Value(ReadOnlySpan<double> x) => function.Evaluate(x);

    public override double Gradient(ReadOnlySpan<double> x, Span<double> gradient) => AutoDiff.Gradient(function, x, gradient, chunkSize);

    public override bool HasHessian => hessian;

    public override double Hessian(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian) =>
        AutoDiff.Hessian(function, x, gradient, hessian, chunkSize);
}

/// <summary>A gradient entry point (e.g. one the <c>[Differentiable]</c> generator emitted), with an optional value-only function.</summary>
internal sealed class DelegateScalarEvaluator(ValueAndGradient gradient, ScalarFunc<double>? value) : ScalarEvaluator
{
    private double[] scratch = [];

    public override double Value(ReadOnlySpan<double> x)
    {
        if (value is not null)
        {
            return value(x);
        }
        if (scratch.Length != x.Length)
        {
            scratch = new double[x.Length];
        }
        return gradient(x, scratch);
    }

    public override double Gradient(ReadOnlySpan<double> x, Span<double> g) => gradient(x, g);

    public override bool HasHessian => false;

    public override double Hessian(ReadOnlySpan<double> x, Span<double> g, Span<double> h) =>
        throw new NotSupportedException("This objective has no Hessian: build it from an IScalarFunction with DualObjective.GradientHessian.");
}

/// <summary>A model ℝⁿ → ℝᵐ with its exact Jacobian.</summary>
internal abstract class VectorEvaluator
{
    public abstract void Values(ReadOnlySpan<double> p, Span<double> y);

    /// <summary>Values and the Jacobian, row-major.</summary>
    public abstract void Jacobian(ReadOnlySpan<double> p, Span<double> y, Span<double> jacobian);
}

internal sealed class StructVectorEvaluator<TModel>(TModel model, int chunkSize) : VectorEvaluator
    where TModel : IVectorFunction
{
    public override void Values(ReadOnlySpan<double> p, Span<double> y) => model.Evaluate(p, y);

    public override void Jacobian(ReadOnlySpan<double> p, Span<double> y, Span<double> jacobian) =>
        AutoDiff.Jacobian(model, p, y, jacobian, chunkSize);
}

internal sealed class DelegateVectorEvaluator(ValuesAndJacobian jacobian, VectorFunc<double>? values) : VectorEvaluator
{
    private double[] scratch = [];

    public override void Values(ReadOnlySpan<double> p, Span<double> y)
    {
        if (values is not null)
        {
            values(p, y);
            return;
        }
        if (scratch.Length != p.Length * y.Length)
        {
            scratch = new double[p.Length * y.Length];
        }
        jacobian(p, y, scratch);
    }

    public override void Jacobian(ReadOnlySpan<double> p, Span<double> y, Span<double> j) => jacobian(p, y, j);
}
