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

    /// <summary>As <see cref="Start{T}"/>, for a function type whose loops may skip the log once they have shown it has
    /// nothing to replay (<see cref="ReplayVerdict{TFunction}"/>). End the loop with <see cref="End{TFunction}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PrimalReplay.CallLog? Start<T, TFunction>(int n, int k)
    {
        if (typeof(T) != typeof(double) || n <= k || ReplayVerdict<TFunction>.SkipsLog) return null;
        return PrimalReplay.Begin();
    }

    /// <summary>Ends a loop that <see cref="Start{T, TFunction}"/> began, on its normal return: reports the calls it logged
    /// (unless the loop continues a held log, which reports at <see cref="Release{TFunction}"/>) and ends the log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void End<TFunction>(PrimalReplay.CallLog? log)
    {
        if (log is null) return;
        if (!log.Held) ReplayVerdict<TFunction>.Report(log.Recorded);
        PrimalReplay.End();
    }

    /// <summary>For a loop split into whole blocks and a narrower last block: one log across both loops (see
    /// <see cref="PrimalReplay.Hold"/>), at double, unless the function type's loops skip the log (see
    /// <see cref="Start{T, TFunction}"/>); null otherwise. Release it in a finally with <see cref="Release{TFunction}"/>.</summary>
    public static PrimalReplay.CallLog? Hold<T, TFunction>() => typeof(T) == typeof(double) && !ReplayVerdict<TFunction>.SkipsLog ? PrimalReplay.Hold() : null;

    /// <summary>Ends what <see cref="Hold{T, TFunction}"/> opened, reporting the calls both loops logged. In a finally:
    /// after an exception the report is skipped (the loops may not have run).</summary>
    public static void Release<TFunction>(PrimalReplay.CallLog? held, bool completed)
    {
        if (held is null) return;
        if (completed) ReplayVerdict<TFunction>.Report(held.Recorded);
        PrimalReplay.Release(held);
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
