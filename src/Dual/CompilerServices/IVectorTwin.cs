using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// The dual twins of a <c>[Differentiable]</c> method f: ℝⁿ → ℝᵐ (<c>void F(ReadOnlySpan x, Span y)</c>), as the
/// generator hands them to <see cref="GeneratedDerivatives"/>: a struct that holds the method's other arguments and
/// evaluates the twin from the inputs into the outputs. Not meant for user code.
/// </summary>
/// <typeparam name="T">The floating type of the method (<see cref="double"/> or <see cref="float"/>).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVectorTwin<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether <see cref="Evaluate{TTangents}"/> runs the multi-tangent twin (see
    /// <see cref="IScalarTwin{T}.HasMultiTangentTwin"/>).</summary>
    static abstract bool HasMultiTangentTwin { get; }

    /// <summary>The dual twin: writes the m outputs (cleared to zero by the caller) from the n inputs.</summary>
    /// <param name="x">The n inputs.</param>
    /// <param name="y">The m outputs.</param>
    void Evaluate(ReadOnlySpan<Dual<T>> x, Span<Dual<T>> y);

    /// <summary>The multi-tangent twin: writes the m outputs (cleared to zero by the caller) from the n inputs.</summary>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="x">The n inputs.</param>
    /// <param name="y">The m outputs.</param>
    void Evaluate<TTangents>(ReadOnlySpan<Dual<T, TTangents>> x, Span<Dual<T, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, T>;

    /// <summary>Whether <see cref="EvaluateSeeded{TTangents}"/> runs a twin that reads its inputs seeded as it goes (see
    /// <see cref="IScalarTwin{T}.HasSeededTwin"/>).</summary>
    static abstract bool HasSeededTwin { get; }

    /// <summary>The multi-tangent twin at inputs seeded as they are read (a single pass's Jacobian): writes the m outputs
    /// (cleared to zero by the caller).</summary>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="x">The n ≤ k inputs, input i seeded with lane i.</param>
    /// <param name="y">The m outputs.</param>
    void EvaluateSeeded<TTangents>(SeededInputs<T, TTangents> x, Span<Dual<T, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, T>;
}
