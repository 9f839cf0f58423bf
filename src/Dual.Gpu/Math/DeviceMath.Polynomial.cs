namespace Dual.Gpu;

// Polynomial evaluation for the kernel math, f64 and f32 alike: c₀ + x·(c₁ + x·(c₂ + …)) by Horner's rule, one
// fused multiply-add per coefficient, innermost first. Each function keeps its coefficients (its own minimax fit) at
// its one call, in increasing degree; after inlining they are immediates of the FMA chain, exactly as hand-nested
// Fma calls were. One overload per coefficient count (kernels cannot loop over a table: they cannot read arrays).
internal static partial class DeviceMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1) where T : IFloatingPointIeee754<T> =>
        Fma(x, c1, c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7, T c8) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7, c8), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7, T c8, T c9) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7, c8, c9), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7, T c8, T c9, T c10) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7, T c8, T c9, T c10, T c11) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11), c0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Horner<T>(T x, T c0, T c1, T c2, T c3, T c4, T c5, T c6, T c7, T c8, T c9, T c10, T c11, T c12) where T : IFloatingPointIeee754<T> =>
        Fma(x, Horner(x, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12), c0);
}
