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
/// JIT reaches them inline, with one thread-static base shared by the three. One generic body serves both widths through
/// ref-returning static members of a struct per width (<c>TFields</c>); inlined, it compiles to the code written out per
/// width before (checked in the JIT disassembly: same hit path; the miss path has one more <c>add</c>).</para>
/// <para>Inside the chunk loops (Gradient, Jacobian, Hessian at double), <see cref="PrimalReplay"/> serves the calls
/// instead, across passes. Below the one-pass entry of a function that never pairs its calls, the rules skip the memo
/// and its thread-static access (<see cref="UnpairedSinCos"/>, <see cref="SinCosPairing{T, TFunction}"/>).</para>
/// </remarks>
internal static class SinCosMemo
{
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

    [ThreadStatic]
    private static int hits; // both widths: read only while a function's pairing is observed (SinCosPairing)

    // Never instrumented, like Replayed<T>'s members: a profile taken while loops replayed would mark the log branch hot.
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static double SinCos(double x, out double cos)
    {
        // The plain path first: without a profile the JIT lays the branch's first arm out as the fall-through.
        if (!PrimalReplay.AnyOpen || PrimalReplay.Active is not { } log)
        {
            if (UnpairedSinCos.Covers)
            {
                (double s, cos) = Math.SinCos(x);
                return s;
            }
            return Remembered<double, long, DoubleFields>(x, out cos);
        }
        return log.SinCos(x, out cos);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SinCos(float x, out float cos)
    {
        if (UnpairedSinCos.Covers)
        {
            (float s, cos) = MathF.SinCos(x);
            return s;
        }
        return Remembered<float, int, SingleFields>(x, out cos);
    }

    /// <summary>This thread's memo hits so far, both widths (it wraps; differences count), and the argument bits of
    /// the last sincos each width computed: what <see cref="SinCosPairing{T, TFunction}"/> observes.</summary>
    public static (int Hits, long Key, int KeySingle) State => (hits, key, keySingle);

    // The memo of one width (TBits: the integer of TFloat's size; TFields: its thread-static fields and the bits of 1).
    // A hit returns the stored bits; a miss calls TFloat.SinCos (Math.SinCos or MathF.SinCos) and stores its result.
    // The fields are reached through TFields at each use, so the JIT addresses them as it does written-out field accesses.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TFloat Remembered<TFloat, TBits, TFields>(TFloat x, out TFloat cos)
        where TFloat : unmanaged, ITrigonometricFunctions<TFloat>
        where TBits : unmanaged, IBinaryInteger<TBits>
        where TFields : struct, IMemoFields<TBits>
    {
        TBits bits = Unsafe.BitCast<TFloat, TBits>(x);
        if (bits == TFields.Key)
        {
            hits++;
            cos = Unsafe.BitCast<TBits, TFloat>(TFields.CosBitsXorOne ^ TFields.OneBits);
            return Unsafe.BitCast<TBits, TFloat>(TFields.SinBits);
        }
        // At double Math.SinCos itself, not through double.SinCos (see Replayed<T>).
        (TFloat s, TFloat c) = typeof(TFloat) == typeof(double)
            ? Unsafe.BitCast<(double, double), (TFloat, TFloat)>(Math.SinCos(Unsafe.BitCast<TFloat, double>(x)))
            : TFloat.SinCos(x);
        TFields.Key = bits;
        TFields.SinBits = Unsafe.BitCast<TFloat, TBits>(s);
        TFields.CosBitsXorOne = Unsafe.BitCast<TFloat, TBits>(c) ^ TFields.OneBits;
        cos = c;
        return s;
    }

    private interface IMemoFields<TBits>
    {
        static abstract TBits OneBits { get; }

        static abstract ref TBits Key { get; }

        static abstract ref TBits SinBits { get; }

        static abstract ref TBits CosBitsXorOne { get; }
    }

    private struct DoubleFields : IMemoFields<long>
    {
        public static long OneBits => 0x3FF0000000000000;

        public static ref long Key => ref key;

        public static ref long SinBits => ref sinBits;

        public static ref long CosBitsXorOne => ref cosBitsXorOne;
    }

    private struct SingleFields : IMemoFields<int>
    {
        public static int OneBits => 0x3F800000;

        public static ref int Key => ref keySingle;

        public static ref int SinBits => ref sinBitsSingle;

        public static ref int CosBitsXorOne => ref cosBitsXorOneSingle;
    }
}

/// <summary>Marks the library's dual types, whose <c>SinCos</c> is exactly (<c>Sin</c>, <c>Cos</c>) from one underlying
/// sincos: the Sin and Cos rules at a nested dual type (Hessians) then make one call instead of two.
/// <c>default(T) is IExactSinCos</c> folds at JIT time for value types.</summary>
internal interface IExactSinCos
{
}
