namespace Dual;

/// <summary>
/// sin x and cos x from one <c>Math.SinCos</c> (<c>MathF.SinCos</c>), remembered per thread for the last argument, so
/// that generic code calling <c>T.Sin(x)</c> and <c>T.Cos(x)</c> on the same x pays one sincos for both values and
/// both derivatives (each of the Sin and Cos rules needs sin x and cos x).
/// </summary>
/// <remarks>
/// <para>CPU only: ILGPU kernels can neither read thread statics nor call SinCos; Dual.Gpu remaps the Sin and Cos rules
/// (<c>DerivativeRules&lt;double|float&gt;.Sin/Cos</c>) to its own kernel form before it compiles a kernel.</para>
/// <para>Exact: <c>Math.SinCos</c> returns the bits of <c>Math.Sin</c> and <c>Math.Cos</c> (a unit test checks it on every
/// CI platform), and the memo returns what SinCos returned for the very same argument bits.</para>
/// <para>The zero-initialised fields of a new thread describe x = +0 (sin +0, cos 1): cos is stored XOR the bits of 1,
/// so an empty memo is a correct one and needs no flag. Primitive [ThreadStatic] fields of one non-generic class: the
/// JIT reaches them inline, with one thread-static base shared by the three.</para>
/// </remarks>
internal static class SinCosMemo
{
    private const long OneBits = 0x3FF0000000000000;
    private const int OneBitsSingle = 0x3F800000;

    [ThreadStatic]
    private static long key;

    [ThreadStatic]
    private static long sinBits;

    [ThreadStatic]
    private static long cosBitsXorOne;

    [ThreadStatic]
    private static int keySingle;

    [ThreadStatic]
    private static int sinBitsSingle;

    [ThreadStatic]
    private static int cosBitsXorOneSingle;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SinCos(double x, out double cos)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        ReplayLog? log = replay;
        if (log is not null)
        {
            return log.SinCos(x, bits, out cos);
        }
        if (bits == key)
        {
            cos = BitConverter.Int64BitsToDouble(cosBitsXorOne ^ OneBits);
            return BitConverter.Int64BitsToDouble(sinBits);
        }
        (double s, double c) = Math.SinCos(x);
        key = bits;
        sinBits = BitConverter.DoubleToInt64Bits(s);
        cosBitsXorOne = BitConverter.DoubleToInt64Bits(c) ^ OneBits;
        cos = c;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SinCos(float x, out float cos)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        if (bits == keySingle)
        {
            cos = BitConverter.Int32BitsToSingle(cosBitsXorOneSingle ^ OneBitsSingle);
            return BitConverter.Int32BitsToSingle(sinBitsSingle);
        }
        // Pass replay is for double only (float's sincos is cheap next to the bookkeeping); the pair memo serves both.
        (float s, float c) = MathF.SinCos(x);
        keySingle = bits;
        sinBitsSingle = BitConverter.SingleToInt32Bits(s);
        cosBitsXorOneSingle = BitConverter.SingleToInt32Bits(c) ^ OneBitsSingle;
        cos = c;
        return s;
    }

    // ---------------------------------------------------------------------------------------------
    // Pass replay. The chunk loops evaluate f once per block of inputs, and every pass computes the same primal values
    // (the seeds change only tangents), so the k-th sincos of a pass has the argument of the k-th sincos of the first
    // pass. Between Begin and End on this thread, SinCos logs (argument, sin, cos) in call order and, in later passes,
    // answers a call from the log entry at its position when the argument's bits match that entry's — the same bits
    // Math.SinCos returned for the very same argument — and computes (and re-logs) it otherwise, so a pass whose calls
    // differ (data-dependent branches) is still exact, only not faster. The entry before the position serves the second
    // call of a T.Sin(x), T.Cos(x) pair, as the pair memo above does outside the loops. Chunked Ackley at n = 1000 and
    // 16 lanes: one sincos per input instead of one per input and pass (63).
    // The loops cannot nest at double (NestingGuard refuses a differentiation at double inside one), so Begin starts a
    // fresh log. If f throws, End is skipped and calls on this thread keep logging until the next Begin: still exact.
    // ---------------------------------------------------------------------------------------------

    [ThreadStatic]
    private static ReplayLog? replay; // non-null between Begin and End

    [ThreadStatic]
    private static ReplayLog? idle; // this thread's log, kept for its next loop

    /// <summary>Starts logging this thread's double sincos calls for a multi-pass loop.</summary>
    public static void Begin()
    {
        ReplayLog log = idle ??= new ReplayLog();
        log.Position = 0;
        log.Recorded = 0;
        replay = log;
    }

    /// <summary>A new pass: calls are matched from the first entry again.</summary>
    public static void Rewind()
    {
        if (replay is { } log) log.Position = 0;
    }

    /// <summary>Ends the loop.</summary>
    public static void End() => replay = null;

    /// <summary>One thread's log of (argument, sin, cos) bits, in call order.</summary>
    private sealed class ReplayLog
    {
        private const int MaxEntries = 1 << 15; // 768 KB at the most

        private long[] entries = new long[3 * 256];

        public int Position;

        public int Recorded;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double SinCos(double x, long bits, out double cos)
        {
            int p = Position;
            long[] e = entries;
            int at = 3 * p;
            if (p < Recorded && (uint)(at + 2) < (uint)e.Length && e[at] == bits)
            {
                Position = p + 1;
                cos = BitConverter.Int64BitsToDouble(e[at + 2]);
                return BitConverter.Int64BitsToDouble(e[at + 1]);
            }
            if (p > 0 && (uint)(at - 1) < (uint)e.Length && e[at - 3] == bits)
            {
                cos = BitConverter.Int64BitsToDouble(e[at - 1]);
                return BitConverter.Int64BitsToDouble(e[at - 2]);
            }
            return Record(x, bits, out cos);
        }

        private double Record(double x, long bits, out double cos)
        {
            (double s, double c) = Math.SinCos(x);
            cos = c;
            int p = Position;
            if (p < MaxEntries)
            {
                if (3 * p + 2 >= entries.Length)
                {
                    // Grown while the first calls of a larger problem run; later calls allocate nothing.
                    Array.Resize(ref entries, 2 * entries.Length);
                }
                entries[3 * p] = bits;
                entries[3 * p + 1] = BitConverter.DoubleToInt64Bits(s);
                entries[3 * p + 2] = BitConverter.DoubleToInt64Bits(c);
                Position = p + 1;
                if (Recorded < p + 1) Recorded = p + 1;
            }
            return s;
        }
    }
}

/// <summary>Marks the library's dual types, whose <c>SinCos</c> is exactly (<c>Sin</c>, <c>Cos</c>) from one underlying
/// sincos: the Sin and Cos rules at a nested dual type (Hessians) then make one call instead of two.
/// <c>default(T) is IExactSinCos</c> folds at JIT time for value types.</summary>
internal interface IExactSinCos
{
}
