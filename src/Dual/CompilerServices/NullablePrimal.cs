using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual.CompilerServices;

/// <summary>
/// The primal value of a nullable dual number, <see langword="null"/> when it is null. A twin holds a method's
/// <c>double?</c> as <c>Dual&lt;double&gt;?</c>; where the method compares, formats or converts that value to an integer
/// (primal uses), the twin reads it through <see cref="Of{T}(Dual{T}?)"/>, so that null compares, formats and converts
/// exactly as the method's <c>double?</c> does (<c>Nullable.Value</c> would return the dual number, or throw on null).
/// Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NullablePrimal
{
    /// <summary>The primal value of <paramref name="value"/>, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="value">A nullable dual number.</param>
    /// <returns><c>value.Value.Value</c> when <paramref name="value"/> has a value; else <see langword="null"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Of<T>(Dual<T>? value) where T : struct, IFloatingPointIeee754<T> =>
        value.HasValue ? value.GetValueOrDefault().Value : null;

    /// <summary>The primal value of <paramref name="value"/>, or <see langword="null"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="value">A nullable multi-tangent dual number.</param>
    /// <returns><c>value.Value.Value</c> when <paramref name="value"/> has a value; else <see langword="null"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Of<T, TTangents>(Dual<T, TTangents>? value)
        where T : struct, IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> =>
        value.HasValue ? value.GetValueOrDefault().Value : null;
}
