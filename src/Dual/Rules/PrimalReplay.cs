using System.Threading;

namespace Dual;

/// <summary>
/// Replays the primal's transcendental calls (sincos, exp, log at <see cref="double"/>) across the passes of a chunk loop.
/// </summary>
/// <remarks>
/// <para>The chunk loops evaluate f once per block of inputs, and every pass computes the same primal values (the seeds
/// change only tangents), so the k-th call of a pass has the argument of the k-th call of the first pass. Between
/// <see cref="Begin"/> and <see cref="End"/> on a thread, the rules log (function, argument, results) in call order
/// and, in later passes, answer a call from the log entry at its position when the function and the argument's bits
/// match that entry's — the same bits <c>Math</c> returned for the very same argument — and compute (and re-log) it
/// otherwise, so a pass whose calls differ (data-dependent branches) is still exact, only not faster. The entry before
/// the position also serves the second call of a <c>T.Sin(x)</c>, <c>T.Cos(x)</c> pair, as <see cref="SinCosMemo"/>
/// does outside the loops. Chunked Ackley at n = 1000 and 16 lanes: one sincos per input instead of one per input and
/// pass (63).</para>
/// <para>The loops cannot nest at double (<c>NestingGuard</c> refuses a differentiation at double inside one), so
/// <see cref="Begin"/> starts a fresh log. If f throws, <see cref="End"/> is skipped and calls on this thread keep
/// logging until the next loop begins: still exact. CPU only: the kernel forms of the rules that call this are
/// remapped by Dual.Gpu (<c>KernelRules</c>).</para>
/// </remarks>
internal static class PrimalReplay
{
    [ThreadStatic]
    private static CallLog? active; // between Begin and End

    [ThreadStatic]
    private static CallLog? idle; // this thread's log, kept for its next loop

    // Threads with a log open: while there are none (most calls outside the chunk loops), the rules skip the
    // thread-static read (a call into the runtime's TLS lookup on Linux) with one plain load.
    private static int openLogs;

    /// <summary>This thread's log while a chunk loop runs on it, else null.</summary>
    public static CallLog? Active
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => openLogs == 0 ? null : active;
    }

    /// <summary>Starts logging this thread's calls for a multi-pass loop.</summary>
    public static void Begin()
    {
        CallLog log = idle ??= new CallLog();
        log.Reset();
        if (active is null)
        {
            Interlocked.Increment(ref openLogs);
        }
        active = log;
    }

    /// <summary>A new pass: calls are matched from the first entry again.</summary>
    public static void Rewind() => active?.Rewind();

    /// <summary>Ends the loop.</summary>
    public static void End()
    {
        if (active is not null)
        {
            active = null;
            Interlocked.Decrement(ref openLogs);
        }
    }

    /// <summary>exp x, replayed inside a chunk loop (the bits of <see cref="Math.Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x) => Active is { } log ? log.Unary(Function.Exp, x) : Math.Exp(x);

    /// <summary>ln x, replayed inside a chunk loop (the bits of <see cref="Math.Log(double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => Active is { } log ? log.Unary(Function.Log, x) : Math.Log(x);

    /// <summary>The tag of an entry's function.</summary>
    internal enum Function : long
    {
        SinCos = 1,
        Exp = 2,
        Log = 3,
    }

    /// <summary>One thread's log: (function, argument, first result, second result) bits per call, in call order.</summary>
    internal sealed class CallLog
    {
        private const int Width = 4;
        private const int MaxEntries = 1 << 15; // 1 MB at the most

        private long[] entries = new long[Width * 256];
        private int position;
        private int recorded;

        public void Reset()
        {
            position = 0;
            recorded = 0;
        }

        public void Rewind() => position = 0;

        /// <summary>sin x and cos x (the bits of <see cref="Math.SinCos"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double SinCos(double x, out double cos)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (Next(Function.SinCos, bits, out int at) || Previous(Function.SinCos, bits, out at))
            {
                cos = BitConverter.Int64BitsToDouble(entries[at + 3]);
                return BitConverter.Int64BitsToDouble(entries[at + 2]);
            }
            (double s, double c) = Math.SinCos(x);
            Record(Function.SinCos, bits, BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(c));
            cos = c;
            return s;
        }

        /// <summary>A one-result function: <see cref="Math.Exp"/> or <see cref="Math.Log(double)"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Unary(Function function, double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (Next(function, bits, out int at))
            {
                return BitConverter.Int64BitsToDouble(entries[at + 2]);
            }
            double r = function == Function.Exp ? Math.Exp(x) : Math.Log(x);
            Record(function, bits, BitConverter.DoubleToInt64Bits(r), 0);
            return r;
        }

        // The entry at the position, when it logged this call: the position moves past it.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Next(Function function, long bits, out int at)
        {
            int p = position;
            long[] e = entries;
            at = Width * p;
            if (p < recorded && (uint)(at + Width - 1) < (uint)e.Length && e[at + 1] == bits && e[at] == (long)function)
            {
                position = p + 1;
                return true;
            }
            return false;
        }

        // The entry before the position, when it logged the same call (the second of a Sin/Cos pair).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Previous(Function function, long bits, out int at)
        {
            long[] e = entries;
            at = Width * (position - 1);
            return position > 0 && (uint)(at + Width - 1) < (uint)e.Length && e[at + 1] == bits && e[at] == (long)function;
        }

        private void Record(Function function, long bits, long first, long second)
        {
            int p = position;
            if (p >= MaxEntries) return;
            if (Width * p + Width - 1 >= entries.Length)
            {
                // Grown while the first calls of a larger problem run; later calls allocate nothing.
                Array.Resize(ref entries, 2 * entries.Length);
            }
            int at = Width * p;
            entries[at] = (long)function;
            entries[at + 1] = bits;
            entries[at + 2] = first;
            entries[at + 3] = second;
            position = p + 1;
            if (recorded < p + 1) recorded = p + 1;
        }
    }
}
