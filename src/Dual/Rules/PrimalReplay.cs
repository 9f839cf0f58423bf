using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace Dual;

/// <summary>
/// Replays the primal's transcendental calls at <see cref="double"/> — sincos, the exponentials and logarithms, the
/// trigonometric, inverse, hyperbolic and π-scaled functions, cbrt, and the two-argument pow, atan2, hypot, log with a
/// base and RootN (<see cref="Replayed{T}"/> is what the rules call) — across the passes of a chunk loop.
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

    /// <summary>True while some thread has a log open (one plain load; false for most calls outside the chunk loops).</summary>
    public static bool AnyOpen
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => openLogs != 0;
    }

    /// <summary>A one-argument function through this thread's log, or computed when this thread has none open.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // see Replayed<T>
    public static double Unary(Function function, double x)
    {
        CallLog? log = active;
        return log is null ? Compute(function, x) : log.Unary(function, x);
    }

    /// <summary>A two-argument function through this thread's log, or computed when this thread has none open.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // see Replayed<T>
    public static double Binary(Function function, double x, double y)
    {
        CallLog? log = active;
        return log is null ? Compute(function, x, y) : log.Binary(function, x, y);
    }

    /// <summary>Starts logging this thread's calls for a multi-pass loop, and returns the log: the loop rewinds it
    /// before each later pass (<see cref="CallLog.Rewind"/>, no thread-static access) and calls <see cref="End"/> after
    /// the last.</summary>
    public static CallLog Begin()
    {
        if (active is { Held: true } held)
        {
            // Inside Hold: this loop continues the holder's log (its first pass replays the earlier loop's calls).
            held.Rewind();
            return held;
        }
        CallLog log = idle ??= new CallLog();
        log.Reset();
        if (active is null)
        {
            Interlocked.Increment(ref openLogs);
        }
        active = log;
        return log;
    }

    /// <summary>Ends the loop (inside <see cref="Hold"/>, the holder ends it).</summary>
    public static void End()
    {
        if (active is { Held: false })
        {
            active = null;
            Interlocked.Decrement(ref openLogs);
        }
    }

    /// <summary>Opens a log that the loops run until <see cref="Release"/> continue instead of starting their own: a
    /// chunk loop split into whole blocks and a narrower last block runs as two loops, and the last block's pass then
    /// replays the calls of the first loop's passes (Ackley n = 100 at k = 32: its fourth pass, of 4 tangents, made its
    /// 100 sincos calls again).</summary>
    public static CallLog Hold()
    {
        CallLog log = Begin();
        log.Held = true;
        return log;
    }

    /// <summary>Ends what <see cref="Hold"/> opened (in a finally: a log left held would keep every later loop on this
    /// thread inside it).</summary>
    public static void Release(CallLog log)
    {
        log.Held = false;
        End();
    }

    /// <summary>The function of each one-argument tag: <c>double</c>'s own member (the bits its generic-math caller gets).</summary>
    internal static double Compute(Function function, double x) => function switch
    {
        Function.Exp => double.Exp(x),
        Function.Log => double.Log(x),
        Function.Log2 => double.Log2(x),
        Function.Log10 => double.Log10(x),
        Function.Tan => double.Tan(x),
        Function.Asin => double.Asin(x),
        Function.Acos => double.Acos(x),
        Function.Atan => double.Atan(x),
        Function.Sinh => double.Sinh(x),
        Function.Cosh => double.Cosh(x),
        Function.Tanh => double.Tanh(x),
        Function.Cbrt => double.Cbrt(x),
        Function.Exp2 => double.Exp2(x),
        Function.Exp10 => double.Exp10(x),
        Function.ExpM1 => double.ExpM1(x),
        Function.Exp2M1 => double.Exp2M1(x),
        Function.Exp10M1 => double.Exp10M1(x),
        Function.LogP1 => double.LogP1(x),
        Function.Log2P1 => double.Log2P1(x),
        Function.Log10P1 => double.Log10P1(x),
        Function.Asinh => double.Asinh(x),
        Function.Acosh => double.Acosh(x),
        Function.Atanh => double.Atanh(x),
        Function.SinPi => double.SinPi(x),
        Function.CosPi => double.CosPi(x),
        Function.TanPi => double.TanPi(x),
        Function.AsinPi => double.AsinPi(x),
        Function.AcosPi => double.AcosPi(x),
        Function.AtanPi => double.AtanPi(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a one-argument function of the replay log."),
    };

    /// <summary>The function of each two-argument tag (RootN's second argument is its integer n, logged as a double).</summary>
    internal static double Compute(Function function, double x, double y) => function switch
    {
        Function.Pow => double.Pow(x, y),
        Function.Atan2 => double.Atan2(x, y),
        Function.Atan2Pi => double.Atan2Pi(x, y),
        Function.Hypot => double.Hypot(x, y),
        Function.LogBase => double.Log(x, y),
        Function.RootN => double.RootN(x, (int)y),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a two-argument function of the replay log."),
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
        Exp2,
        Exp10,
        ExpM1,
        Exp2M1,
        Exp10M1,
        LogP1,
        Log2P1,
        Log10P1,
        Asinh,
        Acosh,
        Atanh,
        SinPi,
        CosPi,
        TanPi,
        AsinPi,
        AcosPi,
        AtanPi,
        Pow,
        Atan2,
        Atan2Pi,
        Hypot,
        LogBase,
        RootN,
    }

    /// <summary>One thread's log, in call order, four bits-words per call: (function, argument, first result, second
    /// result) for the one-argument functions and sincos, (function, first argument, second argument, result) for the
    /// two-argument ones.</summary>
    internal sealed class CallLog
    {
        private const int Width = 4;
        private const int MaxEntries = 1 << 15; // 1 MB at the most

        private long[] entries = new long[Width * 256];
        private int position;
        private int recorded;

        /// <summary>Between <see cref="Hold"/> and <see cref="Release"/>.</summary>
        public bool Held;

        /// <summary>The calls logged since <see cref="Reset"/> (what <see cref="ReplayVerdict{TFunction}"/> is told).</summary>
        public int Recorded => recorded;

        public void Reset()
        {
            position = 0;
            recorded = 0;
        }

        /// <summary>A new pass: calls are matched from the first entry again.</summary>
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

        /// <summary>A one-argument function (<see cref="Compute(Function, double)"/>).</summary>
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

        /// <summary>A two-argument function (<see cref="Compute(Function, double, double)"/>): its entry holds both
        /// arguments' bits and the result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Binary(Function function, double x, double y)
        {
            long xBits = BitConverter.DoubleToInt64Bits(x), yBits = BitConverter.DoubleToInt64Bits(y);
            if (Next(function, xBits, yBits, out int at))
            {
                return BitConverter.Int64BitsToDouble(entries[at + 3]);
            }
            double r = Compute(function, x, y);
            Record(function, xBits, yBits, BitConverter.DoubleToInt64Bits(r));
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

        // The same for a two-argument entry: y's bits are its third element.
        private bool Next(Function function, long xBits, long yBits, out int at)
        {
            int p = position;
            long[] e = entries;
            at = Width * p;
            if (p < recorded && (uint)(at + Width - 1) < (uint)e.Length && e[at + 1] == xBits && e[at + 2] == yBits && e[at] == (long)function)
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
/// member is named after <typeparamref name="T"/>'s function and takes its parameters: Dual.Gpu remaps them by name
/// and signature for kernels.
/// </summary>
/// <remarks>Two tiers, because the rules inline into the user's function and the JIT's inlining budget for it is
/// finite (spent, Dual's own operators in the user's loop are left as calls). The first table — the common functions,
/// exp and log among them, which cost 3–4 ns to compute — looks its entry up inline: a hit must cost less than the
/// call it saves. The second table (powers, atan2, hypot, the π-scaled, M1/P1 and inverse hyperbolic functions) inlines
/// to one load, one branch and <typeparamref name="T"/>'s own call, and reaches the log out of line (≈ 3 ns per hit,
/// against ≈ 10–18 ns for a pow): with its lookup inlined at every call site, a pow-and-hypot ring's gradient went from
/// 34 to 50 µs at n = 100. The rules call the replayed members on their main paths only; rare fallbacks (results that
/// overflowed or are subnormal) call <typeparamref name="T"/> directly.</remarks>
/// <typeparam name="T">The scalar type.</typeparam>
internal static class Replayed<T> where T : IFloatingPointIeee754<T>
{
    // Inlined, and never instrumented: each member's branch between the log and the plain call is shared by every
    // function and pass shape in the process, and a Tier-0 profile taken while multi-pass loops replayed marked the log
    // branch hot wherever the member was inlined later. Single-pass code compiled after that laid its plain path out as
    // the cold one (Ackley n = 10, one pass of 16, after passes at k = 1: 261–268 ns against 212–223). Compiled without
    // a profile (AggressiveOptimization), the members leave the choice to the JIT's static layout in every caller.
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization;

    // At double (a JIT-time test) inside a chunk loop: the log, and x as a double; else T's own member runs, as it would
    // without the replay (one plain load outside the loops). T's own member at double is Math's, called directly:
    // double.Exp and the like only forward to Math.Exp, and where the user's function has spent its inlining budget
    // (Rat43's Jacobian) the JIT leaves them as calls — one more call, vzeroupper and return each (≈ 0.4 ns: ≈ 2 % of
    // a Dual<double> exp-and-sincos function; within the spread on Rat43's Jacobian). Same function, same bits.
    [MethodImpl(Inline)]
    private static bool Replaying(T x, [NotNullWhen(true)] out PrimalReplay.CallLog? log, out double d)
    {
        d = typeof(T) == typeof(double) ? D(x) : 0;
        if (typeof(T) != typeof(double) || !PrimalReplay.AnyOpen)
        {
            log = null;
            return false;
        }
        log = PrimalReplay.Active;
        return log is not null;
    }

    // The second table's test: at double while a chunk loop runs on some thread (the log is read out of line).
    private static bool AnyOpen
    {
        [MethodImpl(Inline)]
        get => typeof(T) == typeof(double) && PrimalReplay.AnyOpen;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double D(T x) => (double)(object)x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Of(double value) => (T)(object)value;

    // The first table: looked up inline. The plain call is the ternary's first arm, the fall-through of the JIT's layout
    // without a profile (see Inline).
    [MethodImpl(Inline)] public static T Exp(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Exp(D(x))) : T.Exp(x)) : Of(log.Unary(PrimalReplay.Function.Exp, d));
    [MethodImpl(Inline)] public static T Log(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Log(D(x))) : T.Log(x)) : Of(log.Unary(PrimalReplay.Function.Log, d));
    [MethodImpl(Inline)] public static T Log2(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Log2(D(x))) : T.Log2(x)) : Of(log.Unary(PrimalReplay.Function.Log2, d));
    [MethodImpl(Inline)] public static T Log10(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Log10(D(x))) : T.Log10(x)) : Of(log.Unary(PrimalReplay.Function.Log10, d));
    [MethodImpl(Inline)] public static T Tan(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Tan(D(x))) : T.Tan(x)) : Of(log.Unary(PrimalReplay.Function.Tan, d));
    [MethodImpl(Inline)] public static T Asin(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Asin(D(x))) : T.Asin(x)) : Of(log.Unary(PrimalReplay.Function.Asin, d));
    [MethodImpl(Inline)] public static T Acos(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Acos(D(x))) : T.Acos(x)) : Of(log.Unary(PrimalReplay.Function.Acos, d));
    [MethodImpl(Inline)] public static T Atan(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Atan(D(x))) : T.Atan(x)) : Of(log.Unary(PrimalReplay.Function.Atan, d));
    [MethodImpl(Inline)] public static T Sinh(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Sinh(D(x))) : T.Sinh(x)) : Of(log.Unary(PrimalReplay.Function.Sinh, d));
    [MethodImpl(Inline)] public static T Cosh(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Cosh(D(x))) : T.Cosh(x)) : Of(log.Unary(PrimalReplay.Function.Cosh, d));
    [MethodImpl(Inline)] public static T Tanh(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Tanh(D(x))) : T.Tanh(x)) : Of(log.Unary(PrimalReplay.Function.Tanh, d));
    [MethodImpl(Inline)] public static T Cbrt(T x) => !Replaying(x, out PrimalReplay.CallLog? log, out double d) ? (typeof(T) == typeof(double) ? Of(Math.Cbrt(D(x))) : T.Cbrt(x)) : Of(log.Unary(PrimalReplay.Function.Cbrt, d));

    // The second table: looked up out of line; the plain call first, as in the first.
    [MethodImpl(Inline)] public static T Exp2(T x) => !AnyOpen ? T.Exp2(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Exp2, D(x)));
    [MethodImpl(Inline)] public static T Exp10(T x) => !AnyOpen ? T.Exp10(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Exp10, D(x)));
    [MethodImpl(Inline)] public static T ExpM1(T x) => !AnyOpen ? T.ExpM1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.ExpM1, D(x)));
    [MethodImpl(Inline)] public static T Exp2M1(T x) => !AnyOpen ? T.Exp2M1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Exp2M1, D(x)));
    [MethodImpl(Inline)] public static T Exp10M1(T x) => !AnyOpen ? T.Exp10M1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Exp10M1, D(x)));
    [MethodImpl(Inline)] public static T LogP1(T x) => !AnyOpen ? T.LogP1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.LogP1, D(x)));
    [MethodImpl(Inline)] public static T Log2P1(T x) => !AnyOpen ? T.Log2P1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Log2P1, D(x)));
    [MethodImpl(Inline)] public static T Log10P1(T x) => !AnyOpen ? T.Log10P1(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.Log10P1, D(x)));
    [MethodImpl(Inline)] public static T Asinh(T x) => !AnyOpen ? (typeof(T) == typeof(double) ? Of(Math.Asinh(D(x))) : T.Asinh(x)) : Of(PrimalReplay.Unary(PrimalReplay.Function.Asinh, D(x)));
    [MethodImpl(Inline)] public static T Acosh(T x) => !AnyOpen ? (typeof(T) == typeof(double) ? Of(Math.Acosh(D(x))) : T.Acosh(x)) : Of(PrimalReplay.Unary(PrimalReplay.Function.Acosh, D(x)));
    [MethodImpl(Inline)] public static T Atanh(T x) => !AnyOpen ? (typeof(T) == typeof(double) ? Of(Math.Atanh(D(x))) : T.Atanh(x)) : Of(PrimalReplay.Unary(PrimalReplay.Function.Atanh, D(x)));
    [MethodImpl(Inline)] public static T SinPi(T x) => !AnyOpen ? T.SinPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.SinPi, D(x)));
    [MethodImpl(Inline)] public static T CosPi(T x) => !AnyOpen ? T.CosPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.CosPi, D(x)));
    [MethodImpl(Inline)] public static T TanPi(T x) => !AnyOpen ? T.TanPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.TanPi, D(x)));
    [MethodImpl(Inline)] public static T AsinPi(T x) => !AnyOpen ? T.AsinPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.AsinPi, D(x)));
    [MethodImpl(Inline)] public static T AcosPi(T x) => !AnyOpen ? T.AcosPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.AcosPi, D(x)));
    [MethodImpl(Inline)] public static T AtanPi(T x) => !AnyOpen ? T.AtanPi(x) : Of(PrimalReplay.Unary(PrimalReplay.Function.AtanPi, D(x)));
    [MethodImpl(Inline)] public static T Pow(T x, T y) => !AnyOpen ? (typeof(T) == typeof(double) ? Of(Math.Pow(D(x), D(y))) : T.Pow(x, y)) : Of(PrimalReplay.Binary(PrimalReplay.Function.Pow, D(x), D(y)));
    [MethodImpl(Inline)] public static T Atan2(T y, T x) => !AnyOpen ? (typeof(T) == typeof(double) ? Of(Math.Atan2(D(y), D(x))) : T.Atan2(y, x)) : Of(PrimalReplay.Binary(PrimalReplay.Function.Atan2, D(y), D(x)));
    [MethodImpl(Inline)] public static T Atan2Pi(T y, T x) => !AnyOpen ? T.Atan2Pi(y, x) : Of(PrimalReplay.Binary(PrimalReplay.Function.Atan2Pi, D(y), D(x)));
    [MethodImpl(Inline)] public static T Hypot(T x, T y) => !AnyOpen ? T.Hypot(x, y) : Of(PrimalReplay.Binary(PrimalReplay.Function.Hypot, D(x), D(y)));
    [MethodImpl(Inline)] public static T Log(T x, T newBase) => !AnyOpen ? T.Log(x, newBase) : Of(PrimalReplay.Binary(PrimalReplay.Function.LogBase, D(x), D(newBase)));
    [MethodImpl(Inline)] public static T RootN(T x, int n) => !AnyOpen ? T.RootN(x, n) : Of(PrimalReplay.Binary(PrimalReplay.Function.RootN, D(x), n));
}
