namespace Dual;

/// <summary>When the chunk loops replay the primal's sincos calls across passes (see <see cref="PrimalReplay"/>).</summary>
internal static class PassReplay
{
    /// <summary>At <see cref="double"/> (a JIT-time test), with more than one pass: n inputs in blocks of k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Applies<T>(int n, int k) => typeof(T) == typeof(double) && n > k;

    /// <summary>Moves the one-tangent passes' seed to input <paramref name="i"/> (input 0 is seeded when the inputs are
    /// written) and starts a new replayed pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SeedOnly<T>(Span<Dual<T>> xs, int i, bool replay) where T : IFloatingPointIeee754<T>
    {
        if (i == 0) return;
        Unsafe.AsRef(in xs[i - 1].Tangent) = T.Zero;
        Unsafe.AsRef(in xs[i].Tangent) = T.One;
        if (replay) PrimalReplay.Rewind();
    }
}
