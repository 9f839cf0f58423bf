namespace Dual.Gpu;

// Trigonometric argument reduction: x = k·π/2 + r with |r| ≤ π/4 (a hair more when k·2/π rounds), and k mod 4 returned
// as the quadrant. f64: r as a double-double hi + lo accurate to about 2⁻¹⁰⁰ relative even when x is within 2⁻⁶¹ of a
// multiple of π/2 (the closest any double comes). f32: r as a double accurate to 2⁻⁴⁰ relative or better.
// Both have a medium range (Cody–Waite, straight-line, the common path) and a huge range (Payne–Hanek in integer
// arithmetic: rare, so compact code; the f64 one is a real call).
internal static partial class DeviceMath
{
    /// <summary>Below this |x|, k = round(x·2/π) &lt; 2²⁰ and the four-part Cody–Waite reduction is exact enough.</summary>
    private const double TrigMediumLimit = 1048576.0; // 2²⁰

    // π/2 = PiO2A + PiO2B + PiO2C + PiO2D + O(2⁻¹⁶⁰). A, B, C have 33 significant bits, so k·A, k·B, k·C are exact
    // for |k| < 2²⁰ whether or not the product is fused into the following subtraction.
    private const double PiO2A = 1.5707963267341256;
    private const double PiO2B = 6.077100506303966e-11;
    private const double PiO2C = 2.0222662487111665e-21;
    private const double PiO2D = 8.4784276603689e-32;
    private const double TwoOverPi = 0.6366197723675814;

    // A reduction's result: hi + lo = x − k·π/2 and k mod 4, returned by value (the huge-argument path is a real call,
    // and results returned by value stay in registers where out parameters would go through the stack).
    /// <summary>Reduces x to hi + lo = x − k·π/2 and returns k mod 4. For ±∞ and NaN, hi is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReduceTrig(double x, out double hi, out double lo)
    {
        var t = System.Math.Abs(x) < TrigMediumLimit ? ReduceTrigMedium(x) : ReduceTrigHuge(x);
        hi = IsFiniteBits(x) ? t.Hi : x - x;
        lo = t.Lo;
        return t.Quadrant;
    }

    /// <summary>Four-part Cody–Waite: x − k·A is exact (Sterbenz), the later parts are subtracted error-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Hi, double Lo, int Quadrant) ReduceTrigMedium(double x)
    {
        double k = RoundToInt(x, TwoOverPi, out int n);
        double t = x - k * PiO2A;                     // exact
        double s1 = TwoSum(t, -(k * PiO2B), out double e1);  // k·B exact
        double s2 = TwoSum(s1, -(k * PiO2C), out double e2); // k·C exact
        double tail = (e1 + e2) - k * PiO2D;
        double hi = FastTwoSum(s2, tail, out double lo);
        return (hi, lo, n & 3);
    }

    /// <summary>Whether the exponent field of x is not all ones (x is finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFiniteBits(double x) => (Bits(x) & 0x7FF0_0000_0000_0000UL) != 0x7FF0_0000_0000_0000UL;

    // π/2 as a double-double (for the huge-argument reduction's last step).
    private const double HalfPiHi = 1.5707963267948966;
    private const double HalfPiLo = 6.123233995736766e-17;

    /// <summary>
    /// Payne–Hanek reduction for finite |x| ≥ 2²⁰ in 64-bit integer arithmetic: x = m·2^(E−52) with m &lt; 2⁵³; the bits
    /// of 2/π before position E−53 contribute multiples of 4 to x·2/π and are skipped; the next 192 bits, times m, give
    /// x·2/π mod 4 to 2⁻¹²⁶; the fraction f, normalized, becomes a double-double and is multiplied by π/2 with exact
    /// products (FMA). About 110 instructions, straight-line; out of line because it is rare.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double Hi, double Lo, int Quadrant) ReduceTrigHuge(double x)
    {
        ulong bits = Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        ulong m = (bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x0010_0000_0000_0000UL;

        // Bit p = E − 53 of 2/π (1-based after the binary point) sits at offset E + 10 of the table below, whose first
        // word is a zero pad (for E ≥ 20 the offset is ≥ 30).
        int offset = exponent + 10;
        int shift = offset & 63;
        TwoOverPiWindow(offset >> 6, out ulong t0, out ulong t1, out ulong t2, out ulong t3);
        ulong w0 = (t0 << shift) | ((t1 >> 1) >> (63 - shift));
        ulong w1 = (t1 << shift) | ((t2 >> 1) >> (63 - shift));
        ulong w2 = (t2 << shift) | ((t3 >> 1) >> (63 - shift));

        // The top 128 bits p0:p1 of m·(w0:w1:w2) mod 2¹⁹² (value · 2⁻¹²⁶ = x·2/π mod 4). The low word of m·w2 only
        // reaches the fraction's last two bits (2⁻¹²⁷, 2⁻¹²⁸): dropped.
        ulong l1 = m * w1;
        ulong p1 = l1 + MulHigh(m, w2);
        ulong p0 = m * w0 + MulHigh(m, w1) + (p1 < l1 ? 1UL : 0UL);

        int quadrant = (int)(p0 >> 62);
        ulong f0 = (p0 << 2) | (p1 >> 62); // fraction bits 2⁻¹ … 2⁻⁶⁴
        ulong f1 = p1 << 2;                // 2⁻⁶⁵ … 2⁻¹²⁶

        // A fraction ≥ ½ rounds the quotient up: f − 1 is the same bits read as a signed 128-bit number; take its
        // magnitude (one's complement: 2⁻¹²⁸ off, far below what matters).
        bool negative = (long)f0 < 0;
        ulong flip = negative ? ulong.MaxValue : 0UL;
        f0 ^= flip;
        f1 ^= flip;
        quadrant += negative ? 1 : 0;

        // Normalize (f ≥ 2⁻⁶², so f0 ≥ 4 and lz ≤ 61) and split the top 106 bits into two exact doubles:
        // f = n0·2⁻⁶⁴⁻ˡᶻ + n1·2⁻¹²⁸⁻ˡᶻ = top·2⁻⁵³⁻ˡᶻ + next·2⁻¹⁰⁶⁻ˡᶻ + (below 2⁻¹⁰⁶⁻ˡᶻ).
        int lz = LeadingZeros(f0);
        lz = lz > 63 ? 63 : lz;
        ulong n0 = (f0 << lz) | ((f1 >> 1) >> (63 - lz));
        ulong n1 = f1 << lz;
        double top = (long)(n0 >> 11) * Pow2(-53 - lz);
        double next = (long)(((n0 & 0x7FFUL) << 42) | (n1 >> 22)) * Pow2(-106 - lz);

        // r = (top + next)·(π/2): the product top·HalfPiHi exactly (FMA), the small terms to first order.
        double h = top * HalfPiHi;
        double l = Fma(top, HalfPiHi, -h) + Fma(next, HalfPiHi, top * HalfPiLo);

        bool flipSign = negative ^ (x < 0);
        quadrant = x < 0 ? -quadrant : quadrant;
        return (NegateIf(h, flipSign), NegateIf(l, flipSign), quadrant & 3);
    }

    // 2/π in 64-bit words after the binary point: 0.A2F9836E4E441529 FC2757D1F534DDC0 … (tests/Dual.Gpu.Tests checks them
    // against 2/π computed from Machin's formula).
    internal const ulong TwoOverPi1 = 0xA2F9836E4E441529UL;
    internal const ulong TwoOverPi2 = 0xFC2757D1F534DDC0UL;
    internal const ulong TwoOverPi3 = 0xDB6295993C439041UL;
    internal const ulong TwoOverPi4 = 0xFE5163ABDEBBC561UL;
    internal const ulong TwoOverPi5 = 0xB7246E3A424DD2E0UL;
    internal const ulong TwoOverPi6 = 0x06492EEA09D1921CUL;
    internal const ulong TwoOverPi7 = 0xFE1DEB1CB129A73EUL;
    internal const ulong TwoOverPi8 = 0xE88235F52EBB4484UL;
    internal const ulong TwoOverPi9 = 0xE99C7026B45F7E41UL;
    internal const ulong TwoOverPi10 = 0x3991D639835339F4UL;
    internal const ulong TwoOverPi11 = 0x9C845F8BBDF9283BUL;
    internal const ulong TwoOverPi12 = 0x1FF897FFDE05980FUL;
    internal const ulong TwoOverPi13 = 0xEF2F118B5A0A6D1FUL;
    internal const ulong TwoOverPi14 = 0x6D367ECF27CB09B7UL;
    internal const ulong TwoOverPi15 = 0x4F463F669E5FEA2DUL;
    internal const ulong TwoOverPi16 = 0x7527BAC7EBE5F17BUL;
    internal const ulong TwoOverPi17 = 0x3D0739F78A5292EAUL;
    internal const ulong TwoOverPi18 = 0x6BFB5FB11F8D5D08UL;
    internal const ulong TwoOverPi19 = 0x56033046FC7B6BABUL;

    /// <summary>Words <paramref name="index"/> … index+3 of 2/π in 64-bit words after a zero pad word (index 0 is the pad),
    /// index ≤ 16: one switch (kernels cannot read static arrays), four words per case.</summary>
    internal static void TwoOverPiWindow(int index, out ulong a, out ulong b, out ulong c, out ulong d)
    {
        switch (index)
        {
            case 0: a = 0UL; b = TwoOverPi1; c = TwoOverPi2; d = TwoOverPi3; break;
            case 1: a = TwoOverPi1; b = TwoOverPi2; c = TwoOverPi3; d = TwoOverPi4; break;
            case 2: a = TwoOverPi2; b = TwoOverPi3; c = TwoOverPi4; d = TwoOverPi5; break;
            case 3: a = TwoOverPi3; b = TwoOverPi4; c = TwoOverPi5; d = TwoOverPi6; break;
            case 4: a = TwoOverPi4; b = TwoOverPi5; c = TwoOverPi6; d = TwoOverPi7; break;
            case 5: a = TwoOverPi5; b = TwoOverPi6; c = TwoOverPi7; d = TwoOverPi8; break;
            case 6: a = TwoOverPi6; b = TwoOverPi7; c = TwoOverPi8; d = TwoOverPi9; break;
            case 7: a = TwoOverPi7; b = TwoOverPi8; c = TwoOverPi9; d = TwoOverPi10; break;
            case 8: a = TwoOverPi8; b = TwoOverPi9; c = TwoOverPi10; d = TwoOverPi11; break;
            case 9: a = TwoOverPi9; b = TwoOverPi10; c = TwoOverPi11; d = TwoOverPi12; break;
            case 10: a = TwoOverPi10; b = TwoOverPi11; c = TwoOverPi12; d = TwoOverPi13; break;
            case 11: a = TwoOverPi11; b = TwoOverPi12; c = TwoOverPi13; d = TwoOverPi14; break;
            case 12: a = TwoOverPi12; b = TwoOverPi13; c = TwoOverPi14; d = TwoOverPi15; break;
            case 13: a = TwoOverPi13; b = TwoOverPi14; c = TwoOverPi15; d = TwoOverPi16; break;
            case 14: a = TwoOverPi14; b = TwoOverPi15; c = TwoOverPi16; d = TwoOverPi17; break;
            case 15: a = TwoOverPi15; b = TwoOverPi16; c = TwoOverPi17; d = TwoOverPi18; break;
            default: a = TwoOverPi16; b = TwoOverPi17; c = TwoOverPi18; d = TwoOverPi19; break;
        }
    }

    // f32: |x| ≤ 105 615 reduces in f32 with a three-part π/2 and FMA (Cody–Waite; the split and the bound are those of
    // CUDA's sinf, after N. Juffa): k = rint(x·2/π) from a shifter (k may be one off at a half-way point, |r| ≤ π/4 +
    // 2⁻⁸); x − k·A is exact (A has 20 significant bits, |k| < 2¹⁷), x − k·A − k·B is exact when r is small and carries
    // one rounding (half an ulp of r) otherwise; A + B + C is π/2 to 2⁻⁷². For x = −0, k = +0 and r keeps the sign.
    private const float TrigSingleMediumLimit = 105615f;
    private const float TwoOverPiSingle = 0.63661975f;
    private const float PiO2SingleA = 1.5707960128784180f;      // 0x3FC90FD8
    private const float PiO2SingleB = 3.1391647326017846e-07f;  // 0x34A88859
    private const float PiO2SingleC = 5.3903025299577648e-15f;  // 0x27C234C4

    /// <summary>Reduces an f32 x to r = x − k·π/2 (f32, within half an ulp of r plus 2⁻⁷⁰ absolute) and returns k mod 4;
    /// r is NaN for ±∞ and NaN. The huge-argument branch is uniform in practice and has no f64 instruction either.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReduceTrigSingle(float x, out float r)
    {
        if (System.MathF.Abs(x) <= TrigSingleMediumLimit)
        {
            float k = RoundToInt(x, TwoOverPiSingle, out int n);
            float t = Fma(k, -PiO2SingleA, x);
            t = Fma(k, -PiO2SingleB, t);
            r = Fma(k, -PiO2SingleC, t);
            return n & 3;
        }
        return ReduceTrigHugeSingle(x, out r);
    }

    // π/2·2⁻⁶² as two floats (the huge-argument reduction's last step).
    private const float HalfPiScaledHi = 3.4061216748705226e-19f;
    private const float HalfPiScaledLo = -9.478396428567739e-27f;

    /// <summary>
    /// Payne–Hanek for f32 |x| &gt; 105 615 in 32-bit integer arithmetic (as ARM's optimized-routines sinf): with e the
    /// biased exponent, e − 128 = 8a + b and m' = m·2ᵇ (m the 24-bit significand), x·2/π ≡ m'·W_a·2⁻⁹⁴ (mod 4) where W_a is
    /// the 96-bit window of 2/π·2^(8a−24) after the binary point; its top 64 bits T come from three 32×32-bit products,
    /// exactly. The rounded quotient's low bits are the quadrant; the rest, T' (62 fraction bits, signed), is split into
    /// two floats and multiplied by π/2·2⁻⁶² (two floats) with FMA: r to about half an ulp, while |r| ≥ 2⁻³¹ for every
    /// float above the medium range (checked by a test over all of them). For ±∞ and NaN, r is NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReduceTrigHugeSingle(float x, out float r)
    {
        uint bits = Bits(x);
        int e = (int)((bits >> 23) & 0xFF) - 128;
        ulong m = (ulong)(((bits & 0x7F_FFFFu) | 0x80_0000u) << (e & 7));
        TwoOverPiSingleWindow(e >> 3, out uint w0, out uint w1, out uint w2);
        ulong t = ((ulong)(uint)(m * w0) << 32) + m * w1 + ((m * w2) >> 32);
        ulong n = (t + (1UL << 61)) >> 62;
        long f = (long)(t - (n << 62));
        float fHi = f;
        float fLo = f - (long)fHi;
        float value = Fma(fHi, HalfPiScaledHi, Fma(fHi, HalfPiScaledLo, fLo * HalfPiScaledHi));
        bool negative = (bits & 0x8000_0000u) != 0;
        r = (bits & 0x7F80_0000u) == 0x7F80_0000u ? float.NaN : NegateIf(value, negative);
        int quadrant = (int)n;
        return (negative ? -quadrant : quadrant) & 3;
    }

    /// <summary>W_a of <see cref="ReduceTrigHugeSingle"/>: the 96 bits of 2/π·2^(8a−24) after the binary point, that is bytes
    /// a − 3 … a + 8 of 2/π's expansion (the same bits as <see cref="TwoOverPi1"/> …), most significant word first.</summary>
    internal static void TwoOverPiSingleWindow(int a, out uint w0, out uint w1, out uint w2)
    {
        switch (a)
        {
            case 0: w0 = 0x000000A2u; w1 = 0xF9836E4Eu; w2 = 0x441529FCu; break;
            case 1: w0 = 0x0000A2F9u; w1 = 0x836E4E44u; w2 = 0x1529FC27u; break;
            case 2: w0 = 0x00A2F983u; w1 = 0x6E4E4415u; w2 = 0x29FC2757u; break;
            case 3: w0 = 0xA2F9836Eu; w1 = 0x4E441529u; w2 = 0xFC2757D1u; break;
            case 4: w0 = 0xF9836E4Eu; w1 = 0x441529FCu; w2 = 0x2757D1F5u; break;
            case 5: w0 = 0x836E4E44u; w1 = 0x1529FC27u; w2 = 0x57D1F534u; break;
            case 6: w0 = 0x6E4E4415u; w1 = 0x29FC2757u; w2 = 0xD1F534DDu; break;
            case 7: w0 = 0x4E441529u; w1 = 0xFC2757D1u; w2 = 0xF534DDC0u; break;
            case 8: w0 = 0x441529FCu; w1 = 0x2757D1F5u; w2 = 0x34DDC0DBu; break;
            case 9: w0 = 0x1529FC27u; w1 = 0x57D1F534u; w2 = 0xDDC0DB62u; break;
            case 10: w0 = 0x29FC2757u; w1 = 0xD1F534DDu; w2 = 0xC0DB6295u; break;
            case 11: w0 = 0xFC2757D1u; w1 = 0xF534DDC0u; w2 = 0xDB629599u; break;
            case 12: w0 = 0x2757D1F5u; w1 = 0x34DDC0DBu; w2 = 0x6295993Cu; break;
            case 13: w0 = 0x57D1F534u; w1 = 0xDDC0DB62u; w2 = 0x95993C43u; break;
            case 14: w0 = 0xD1F534DDu; w1 = 0xC0DB6295u; w2 = 0x993C4390u; break;
            default: w0 = 0xF534DDC0u; w1 = 0xDB629599u; w2 = 0x3C439041u; break;
        }
    }
}
