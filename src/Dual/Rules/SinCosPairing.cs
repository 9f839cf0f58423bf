using System.Threading;

namespace Dual;

/// <summary>
/// What the one-pass gradients and Jacobians of a function type have shown about its sin and cos calls: whether it
/// ever pairs <c>T.Sin(x)</c> with <c>T.Cos(x)</c> on one argument, which is what <see cref="SinCosMemo"/> is for.
/// A function that calls them and never pairs them (Ackley's <c>Σ cos 2πxᵢ</c>) runs its later one-pass evaluations
/// at an <see cref="UnpairedBlock{TBlock, T}"/>: one <c>Math.SinCos</c> per rule, no per-thread memo, no test per call.
/// </summary>
/// <remarks>
/// <para>The first <see cref="Trials"/> evaluations run with the memo; each counts the memo's hits on the evaluating
/// thread and notes whether the memo computed a sincos (each starts the memo from its +0 entry, and a computed sincos
/// replaces it). After them the verdict is <see cref="Unpaired"/> when the memo computed a sincos and answered none, else
/// <see cref="Paired"/> (which also covers functions that make no such call: nothing to skip). The verdict is per
/// (T, function type) and final: a function whose first evaluations take a branch without pairs and whose later ones
/// pair only shares fewer sincos calls. Nothing here changes a number (see <see cref="UnpairedBlock{TBlock, T}"/>); racing
/// threads can only lose an observation.</para>
/// <para>Multi-pass loops do not ask: there <see cref="PrimalReplay"/> serves every call from its log.</para>
/// </remarks>
/// <typeparam name="T">The scalar type of the differentiation.</typeparam>
/// <typeparam name="TFunction">The differentiated function type.</typeparam>
internal static class SinCosPairing<T, TFunction>
{
    /// <summary>The evaluations observed before the verdict.</summary>
    internal const int Trials = 4;

    /// <summary>The verdict: evaluate at an <see cref="UnpairedBlock{TBlock, T}"/>.</summary>
    internal const int Unpaired = -1;

    /// <summary>The verdict: leave the memo on.</summary>
    internal const int Paired = int.MaxValue;

    // 0 … Trials − 1: evaluations observed; then Unpaired or Paired.
    private static int state;

    private static int observedHits;

    private static bool observedCalls;

    /// <summary>The verdict, or the number of evaluations observed so far.</summary>
    internal static int State => state;

    /// <summary>Whether T has a memo to skip: double and float (a JIT-time constant).</summary>
    private static bool Observed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float);
    }

    /// <summary>Whether the verdict is <see cref="Unpaired"/>: the one-pass drivers then evaluate the function at an
    /// <see cref="UnpairedBlock{TBlock, T}"/> (a JIT-time false for T other than double and float).</summary>
    internal static bool IsUnpaired
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Observed && state == Unpaired;
    }

    /// <summary>Starts an evaluation: observes it while there is no verdict yet. Pass what it returns to
    /// <see cref="End"/> on the evaluation's normal return.</summary>
    /// <returns>Whether this evaluation is observed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Begin()
    {
        // Unpaired (−1) and Paired (int.MaxValue) both compare above the trial count as unsigned numbers.
        if (!Observed || (uint)state >= Trials)
        {
            return false;
        }
        Observe();
        return true;
    }

    /// <summary>Ends the evaluation <see cref="Begin"/> started.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void End(bool observed)
    {
        if (observed)
        {
            Record();
        }
    }

    [ThreadStatic]
    private static (int Hits, long Key) before;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Observe()
    {
        SinCosMemo.Forget<T>();
        before = SinCosMemo.StateOf<T>();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Record()
    {
        (int hits, long key) = SinCosMemo.StateOf<T>();
        int observed = state;
        // A verdict reached meanwhile stays; an observation that loses the race to count is dropped.
        if ((uint)observed >= Trials || Interlocked.CompareExchange(ref state, observed + 1, observed) != observed)
        {
            return;
        }
        observedHits += hits - before.Hits;
        // A last argument other than the +0 the memo started from means it computed a sincos (one at ±0 only goes unseen).
        observedCalls |= key != before.Key;
        if (observed + 1 == Trials)
        {
            state = observedHits == 0 && observedCalls ? Unpaired : Paired;
        }
    }
}
