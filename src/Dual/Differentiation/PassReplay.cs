namespace Dual;

/// <summary>When the chunk loops replay the primal's transcendental calls across passes (see <see cref="PrimalReplay"/>).</summary>
internal static class PassReplay
{
    /// <summary>Begins a replayed loop at <see cref="double"/> (a JIT-time test) with more than one pass — n inputs in
    /// blocks of k — and returns its log, or null when it did not (the loop then calls <c>log?.Rewind()</c> before each
    /// pass and <see cref="PrimalReplay.End"/> after the last when the log is not null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PrimalReplay.CallLog? Start<T>(int n, int k)
    {
        if (typeof(T) != typeof(double) || n <= k) return null;
        return PrimalReplay.Begin();
    }

    /// <summary>For a loop split into whole blocks and a narrower last block: one log across both loops (see
    /// <see cref="PrimalReplay.Hold"/>), at double; null otherwise. Release it in a finally with <see cref="Release"/>.</summary>
    public static PrimalReplay.CallLog? Hold<T>() => typeof(T) == typeof(double) ? PrimalReplay.Hold() : null;

    /// <summary>Ends what <see cref="Hold{T}"/> opened.</summary>
    public static void Release(PrimalReplay.CallLog? held)
    {
        if (held is not null) PrimalReplay.Release(held);
    }

    /// <summary>Moves the one-tangent passes' seed to input <paramref name="i"/> (input 0 is seeded when the inputs are
    /// written) and starts a new replayed pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SeedOnly<T>(Span<Dual<T>> xs, int i, PrimalReplay.CallLog? log) where T : IFloatingPointIeee754<T>
    {
        if (i == 0) return;
        Unsafe.AsRef(in xs[i - 1].Tangent) = T.Zero;
        Unsafe.AsRef(in xs[i].Tangent) = T.One;
        log?.Rewind();
    }
}
