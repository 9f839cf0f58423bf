using System.Runtime.InteropServices;

namespace Dual.CompilerServices;

/// <summary>
/// How the twin adapters meet the drivers' number types. The drivers evaluate a function at
/// <see cref="Dual{T}"/> (one tangent) or <see cref="Dual{T, TTangents}"/> over the library's tangent blocks; a twin
/// is typed for exactly those, so a span of the driver's <c>TNum</c> is reinterpreted as a span of the twin's type once
/// the types are known equal (a JIT-time test). <see cref="Dual{T, TTangents}"/> over <see cref="Tangents1{T}"/> has
/// the layout of <see cref="Dual{T}"/> (two <typeparamref name="T"/> fields, value first; a test pins it), so
/// one-tangent passes reach the single twin.
/// </summary>
/// <typeparam name="T">The floating type.</typeparam>
internal static class TwinNumbers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether <typeparamref name="TNum"/> is a one-tangent dual number the single twin evaluates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSingle<TNum>() => typeof(TNum) == typeof(Dual<T>) || typeof(TNum) == typeof(Dual<T, Tangents1<T>>);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<TTo> As<TFrom, TTo>(ReadOnlySpan<TFrom> span) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<TTo> As<TFrom, TTo>(Span<TFrom> span) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TTo As<TFrom, TTo>(TFrom value) => Unsafe.As<TFrom, TTo>(ref value);

    /// <summary>The error for a number type no generated twin is typed for (a driver that grew a new block type).</summary>
    public static NotSupportedException Unsupported<TNum>(string what) => new(
        $"The generated twin of {what} is evaluated only at Dual<{TypeNames.Of(typeof(T))}> and the library's tangent blocks " +
        $"(Tangents1 to Tangents32, and the one-pass drivers' UnpairedBlock of them), not at {TypeNames.Of(typeof(TNum))}; differentiate it through its generated entry points.");
}
