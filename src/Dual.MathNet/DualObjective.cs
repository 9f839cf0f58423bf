using System;
using MathNet.Numerics.LinearAlgebra;

namespace Dual.MathNet;

/// <summary>
/// MathNet.Numerics objectives with exact derivatives, from a generic-math function struct or from the entry points
/// that the <c>[Differentiable]</c> generator emits.
/// </summary>
/// <example>
/// <code>
/// var objective = DualObjective.Gradient(new Rosenbrock());          // struct Rosenbrock : IScalarFunction
/// var result = new BfgsMinimizer(1e-10, 1e-10, 1e-10).FindMinimum(objective, Vector&lt;double&gt;.Build.Dense([-1.2, 1.0]));
///
/// var model = DualObjective.Model(new Rat43Model(), observedY);      // struct Rat43Model : IVectorFunction
/// var fit = new LevenbergMarquardtMinimizer().FindMinimum(model, start);
/// </code>
/// </example>
public static class DualObjective
{
    /// <summary>An objective with an exact gradient (chunked forward mode: ⌈n/k⌉ dual passes per gradient), for BFGS,
    /// L-BFGS, conjugate gradients and BFGS-B.</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="AutoDiff.DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>The objective.</returns>
    public static DualObjectiveFunction Gradient<TFunction>(TFunction function, int chunkSize = 0) where TFunction : IScalarFunction =>
        new(new StructScalarEvaluator<TFunction>(function, ValidChunk(chunkSize), hessian: false), new EvaluationCounts());

    /// <summary>An objective with an exact gradient and an exact Hessian (nested duals), for <c>NewtonMinimizer</c>.</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">f: ℝⁿ → ℝ.</param>
    /// <param name="chunkSize">Outer tangents per Hessian pass: 0 picks the default; else 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>The objective.</returns>
    public static DualObjectiveFunction GradientHessian<TFunction>(TFunction function, int chunkSize = 0) where TFunction : IScalarFunction =>
        new(new StructScalarEvaluator<TFunction>(function, ValidChunk(chunkSize), hessian: true), new EvaluationCounts());

    /// <summary>An objective from a gradient entry point, e.g. the <c>FGradient</c> that <c>[Differentiable]</c> emits for
    /// <c>double F(ReadOnlySpan&lt;double&gt; x)</c>: <c>DualObjective.Gradient(Model.FGradient, Model.F)</c>.</summary>
    /// <param name="gradient">Value and gradient.</param>
    /// <param name="value">The value alone (cheaper when a line search needs only values); the gradient entry point is
    /// used when omitted.</param>
    /// <returns>The objective.</returns>
    public static DualObjectiveFunction Gradient(ValueAndGradient gradient, ScalarFunc<double>? value = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new(new DelegateScalarEvaluator(gradient, value), new EvaluationCounts());
    }

    /// <summary>A least-squares model with an exact Jacobian, for Levenberg–Marquardt and the trust-region minimisers.</summary>
    /// <typeparam name="TModel">The model struct: F: ℝⁿ → ℝᵐ, the model values at the m observations.</typeparam>
    /// <param name="model">The model.</param>
    /// <param name="observedY">The m observations y.</param>
    /// <param name="weights">Optional weights wᵢ (1/σᵢ²), as MathNet's <c>ObjectiveFunction.NonlinearModel</c> takes them.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks the default (one pass for n ≤ 16); else 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>The objective model.</returns>
    public static DualObjectiveModel Model<TModel>(TModel model, Vector<double> observedY, Vector<double>? weights = null, int chunkSize = 0)
        where TModel : IVectorFunction =>
        new(new StructVectorEvaluator<TModel>(model, ValidChunk(chunkSize)), observedY, weights);

    /// <summary>A least-squares model from a Jacobian entry point, e.g. the <c>FJacobian</c> that <c>[Differentiable]</c>
    /// emits for <c>void F(ReadOnlySpan&lt;double&gt; p, Span&lt;double&gt; y)</c>.</summary>
    /// <param name="jacobian">Model values and Jacobian.</param>
    /// <param name="observedY">The m observations y.</param>
    /// <param name="values">The model values alone (cheaper for the trial points of a step); the Jacobian entry point is
    /// used when omitted.</param>
    /// <param name="weights">Optional weights wᵢ (1/σᵢ²).</param>
    /// <returns>The objective model.</returns>
    public static DualObjectiveModel Model(ValuesAndJacobian jacobian, Vector<double> observedY, VectorFunc<double>? values = null, Vector<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        return new(new DelegateVectorEvaluator(jacobian, values), observedY, weights);
    }

    private static int ValidChunk(int chunkSize) => chunkSize is 0 or 1 or 2 or 4 or 8 or 16
        ? chunkSize
        : throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "The chunk size must be 0 (automatic), 1, 2, 4, 8, 16 or 32.");
}
