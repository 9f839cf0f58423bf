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
/// JIT reaches them inline, with one thread-static base shared by the three. Written out per width: the Sin and Cos
/// rules inline into every user function, and the JIT charges each inlinee's IL to the caller's inlining budget. A
/// generic body for both widths (ref-returning static members per width, 287 bytes of IL plus eight small inlinees)
/// left less of that budget: the scalar benchmark's quotient rule became a call (eˣ/√(sin³x + cos³x): 22 → 26 ns per
/// point).</para>
/// <para>Inside the chunk loops (Gradient, Jacobian, Hessian at double), <see cref="PrimalReplay"/> serves the calls
/// instead, across passes. A function that never pairs its calls is evaluated by the one-pass drivers at an
/// <see cref="UnpairedBlock{TBlock, T}"/>, whose rules never come here (<see cref="SinCosRoute{T, TTangents}"/>,
/// <see cref="SinCosPairing{T, TFunction}"/>).</para>
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
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (bits == key)
            {
                hits++;
                cos = BitConverter.Int64BitsToDouble(cosBitsXorOne ^ DoubleOneBits);
                return BitConverter.Int64BitsToDouble(sinBits);
            }
            (double s, double c) = Math.SinCos(x);
            key = bits;
            sinBits = BitConverter.DoubleToInt64Bits(s);
            cosBitsXorOne = BitConverter.DoubleToInt64Bits(c) ^ DoubleOneBits;
            cos = c;
            return s;
        }
        return log.SinCos(x, out cos);
    }

    /// <summary>sin x and cos x for a caller that takes both at once (<see cref="CompilerServices.FusedSinCos"/>): from the
    /// replay log while a chunk loop runs on this thread, else one <c>Math.SinCos</c>. Never the memo, which only pays when
    /// the two values are asked for by separate calls; the bits are the same either way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Both(double x, out double cos)
    {
        if (!PrimalReplay.AnyOpen || PrimalReplay.Active is not { } log)
        {
            (double s, double c) = Math.SinCos(x);
            cos = c;
            return s;
        }
        return log.SinCos(x, out cos);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SinCos(float x, out float cos)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        if (bits == keySingle)
        {
            hits++;
            cos = BitConverter.Int32BitsToSingle(cosBitsXorOneSingle ^ SingleOneBits);
            return BitConverter.Int32BitsToSingle(sinBitsSingle);
        }
        (float s, float c) = MathF.SinCos(x);
        keySingle = bits;
        sinBitsSingle = BitConverter.SingleToInt32Bits(s);
        cosBitsXorOneSingle = BitConverter.SingleToInt32Bits(c) ^ SingleOneBits;
        cos = c;
        return s;
    }

    /// <summary>This thread's memo hits so far (both widths; it wraps, differences count), and the argument bits of the
    /// last sincos the memo computed at <typeparamref name="T"/>'s width: what <see cref="SinCosPairing{T, TFunction}"/>
    /// observes.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    public static (int Hits, long Key) StateOf<T>() => typeof(T) == typeof(float) ? (hits, keySingle) : (hits, key);

    /// <summary>Makes the memo describe x = +0 (sin +0, cos 1), as on a new thread: a correct entry, so nothing served
    /// from it changes. <see cref="SinCosPairing{T, TFunction}"/> starts each observed evaluation from it, so that an
    /// evaluation whose last sincos argument equals the previous evaluation's (the same x again) still shows that it
    /// computed one.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    public static void Forget<T>()
    {
        if (typeof(T) == typeof(float))
        {
            keySingle = 0;
            sinBitsSingle = 0;
            cosBitsXorOneSingle = 0;
        }
        else
        {
            key = 0;
            sinBits = 0;
            cosBitsXorOne = 0;
        }
    }

    /// <summary><see cref="StateOf{T}"/> at double.</summary>
    public static (int Hits, long Key) State => StateOf<double>();

    private const long DoubleOneBits = 0x3FF0000000000000;

    private const int SingleOneBits = 0x3F800000;
}

/// <summary>Marks the library's dual types, whose <c>SinCos</c> is exactly (<c>Sin</c>, <c>Cos</c>) from one underlying
/// sincos: the Sin and Cos rules at a nested dual type (Hessians) then make one call instead of two.
/// <c>default(T) is IExactSinCos</c> folds at JIT time for value types.</summary>
internal interface IExactSinCos
{
}
