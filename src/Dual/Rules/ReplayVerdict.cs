using System.Threading;

namespace Dual;

/// <summary>
/// What the multi-pass gradient and Jacobian loops of a function type have shown about its replayable calls: whether
/// its primal makes any (exp, log, sincos, pow, … — the calls <see cref="PrimalReplay"/> logs). A function that makes
/// none (Rosenbrock) has nothing to replay, and its later loops skip the log: no <see cref="PrimalReplay.Begin"/> and
/// <see cref="PrimalReplay.End"/> (thread-static reads and writes and two interlocked operations each, ≈ 28 ns per call
/// at n = 100 with a narrower last pass: about 2.5 % of Rosenbrock's gradient there).
/// </summary>
/// <remarks>
/// <para>The first <see cref="Trials"/> loops run with the log; each reports how many calls it logged. One that logged a
/// call makes the verdict <see cref="Calls"/> at once; <see cref="Trials"/> that logged none make it
/// <see cref="Nothing"/>. The verdict is per function type and final, as <see cref="SinCosPairing{T, TFunction}"/>'s is: a
/// function whose first loops take a branch without transcendental calls and whose later ones make them only repeats
/// those calls in each pass. Nothing here changes a number: a loop without a log computes every call (the bits the
/// log would have returned, which are the bits it computed), and racing threads can only lose an observation.</para>
/// <para>Keyed by the function type alone: the replay runs at <see cref="double"/> only.</para>
/// </remarks>
/// <typeparam name="TFunction">The differentiated function type.</typeparam>
internal static class ReplayVerdict<TFunction>
{
    /// <summary>The loops observed before the verdict <see cref="Nothing"/>.</summary>
    internal const int Trials = 4;

    /// <summary>The verdict: the function makes no replayable call; its loops run without a log.</summary>
    internal const int Nothing = -1;

    /// <summary>The verdict: the function makes replayable calls; its loops keep the log.</summary>
    internal const int Calls = int.MaxValue;

    // 0 … Trials − 1: loops observed without a call; then Nothing or Calls.
    private static int state;

    /// <summary>The verdict, or the number of loops observed so far.</summary>
    internal static int State => state;

    /// <summary>Whether the loops skip the log (one plain load).</summary>
    internal static bool SkipsLog
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => state == Nothing;
    }

    /// <summary>Reports a loop that ran with a log which recorded <paramref name="recorded"/> calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Report(int recorded)
    {
        // Nothing (−1) and Calls (int.MaxValue) both compare above the trial count as unsigned numbers.
        if ((uint)state < Trials)
        {
            Record(recorded);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Record(int recorded)
    {
        int observed = state;
        if ((uint)observed >= Trials)
        {
            return;
        }
        if (recorded > 0)
        {
            // Final whatever the count: a Nothing reached meanwhile is replaced (only the log's speed was at stake).
            Volatile.Write(ref state, Calls);
            return;
        }
        int next = observed + 1 == Trials ? Nothing : observed + 1;
        // A racing Calls stays; an observation that loses the race to count is dropped.
        Interlocked.CompareExchange(ref state, next, observed);
    }
}
