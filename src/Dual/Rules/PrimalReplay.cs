using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace Dual;

/// <summary>
/// Replays the primal's transcendental calls (sincos, exp, log, tan, the inverse and hyperbolic functions, cbrt at
/// <see cref="double"/>; <see cref="Replayed{T}"/> is what the rules call) across the passes of a chunk loop.
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
/// logging until the next loop begins: still exact. CPU only: Dual.Gpu remaps each <see cref="Replayed{T}"/> member
/// to the scalar's own function of the same name (<c>double.Exp</c>, …) before it compiles a kernel
/// (<c>KernelRules</c>).</para>
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

    /// <summary>The <c>Math</c> function of each tag (the same bits as <c>double</c>'s generic-math members).</summary>
    internal static double Compute(Function function, double x) => function switch
    {
        Function.Exp => Math.Exp(x),
        Function.Log => Math.Log(x),
        Function.Log2 => Math.Log2(x),
        Function.Log10 => Math.Log10(x),
        Function.Tan => Math.Tan(x),
        Function.Asin => Math.Asin(x),
        Function.Acos => Math.Acos(x),
        Function.Atan => Math.Atan(x),
        Function.Sinh => Math.Sinh(x),
        Function.Cosh => Math.Cosh(x),
        Function.Tanh => Math.Tanh(x),
        Function.Cbrt => Math.Cbrt(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a one-argument function of the replay log."),
    };

    /// <summary>The tag of an entry's function.</summary>
    internal enum Function : long
    {
        SinCos = 1,
        Exp,
        Log,
        Log2,
        Log10,
        Tan,
        Asin,
        Acos,
        Atan,
        Sinh,
        Cosh,
        Tanh,
        Cbrt,
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

        /// <summary>A one-result function (<see cref="Compute"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Unary(Function function, double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (Next(function, bits, out int at))
            {
                return BitConverter.Int64BitsToDouble(entries[at + 2]);
            }
            double r = Compute(function, x);
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

/// <summary>
/// The functions the derivative rules call on the primal, through <see cref="PrimalReplay"/> at <see cref="double"/>
/// (the same bits as <typeparamref name="T"/>'s own members, which every other <typeparamref name="T"/> calls). Each
/// member is named after its <c>Math</c> function: Dual.Gpu remaps them by name for kernels.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
internal static class Replayed<T> where T : IFloatingPointIeee754<T>
{
    // At double (a JIT-time test) inside a chunk loop: the log, and x as a double; else T's own member runs, as it would
    // without the replay (one plain load outside the loops).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Replaying(T x, [NotNullWhen(true)] out PrimalReplay.CallLog? log, out double d)
    {
        log = typeof(T) == typeof(double) ? PrimalReplay.Active : null;
        d = typeof(T) == typeof(double) ? (double)(object)x : 0;
        return log is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Of(double value) => (T)(object)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Exp(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Exp, d)) : T.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Log, d)) : T.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log2(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Log2, d)) : T.Log2(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log10(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Log10, d)) : T.Log10(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Tan(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Tan, d)) : T.Tan(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Asin(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Asin, d)) : T.Asin(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Acos(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Acos, d)) : T.Acos(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Atan(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Atan, d)) : T.Atan(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sinh(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Sinh, d)) : T.Sinh(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Cosh(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Cosh, d)) : T.Cosh(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Tanh(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Tanh, d)) : T.Tanh(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Cbrt(T x) => Replaying(x, out PrimalReplay.CallLog? log, out double d) ? Of(log.Unary(PrimalReplay.Function.Cbrt, d)) : T.Cbrt(x);
}
