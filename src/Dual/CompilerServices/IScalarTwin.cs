using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// The dual twins of a <c>[Differentiable]</c> method f: ℝⁿ → ℝ, as the generator hands them to
/// <see cref="GeneratedDerivatives"/>: a struct that holds the method's other arguments (data, sizes, the instance)
/// and evaluates the twin on the n differentiated inputs, gathered into one span. Not meant for user code.
/// </summary>
/// <typeparam name="T">The floating type of the method (<see cref="double"/> or <see cref="float"/>).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IScalarTwin<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether <see cref="Evaluate{TTangents}"/> runs the multi-tangent twin; when it does not, the drivers
    /// take one tangent per pass (chunk size 1) and only <see cref="Evaluate(ReadOnlySpan{Dual{T}})"/> is called.</summary>
    static abstract bool HasMultiTangentTwin { get; }

    /// <summary>The dual twin at <paramref name="x"/>.</summary>
    /// <param name="x">The n differentiated inputs.</param>
    /// <returns>f and its directional derivative.</returns>
    Dual<T> Evaluate(ReadOnlySpan<Dual<T>> x);

    /// <summary>The multi-tangent twin at <paramref name="x"/>.</summary>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="x">The n differentiated inputs.</param>
    /// <returns>f and its k directional derivatives.</returns>
    Dual<T, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<T, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, T>;

    /// <summary>Whether <see cref="EvaluateSeeded{TTangents}"/> runs a twin that reads its inputs seeded as it goes (the
    /// method reads its differentiated span only by index and length); when it does not, the drivers never call it.</summary>
    static abstract bool HasSeededTwin { get; }

    /// <summary>The multi-tangent twin at inputs seeded as they are read: a single pass's gradient.</summary>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="x">The n ≤ k differentiated inputs, input i seeded with lane i.</param>
    /// <returns>f and its k directional derivatives.</returns>
    Dual<T, TTangents> EvaluateSeeded<TTangents>(SeededInputs<T, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, T>;
}
