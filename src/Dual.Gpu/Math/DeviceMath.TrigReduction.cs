using System.Runtime.CompilerServices;

namespace Dual.Gpu;

// Trigonometric argument reduction: x = k·π/2 + r with |r| ≤ π/4 (a hair more when k·2/π rounds), r returned as a
// double-double hi + lo accurate to about 2⁻¹⁰⁰ relative even when x is within 2⁻⁶¹ of a multiple of π/2 (the
// closest any double comes), and k mod 4 returned as the quadrant.
internal static partial class DeviceMath
{
    /// <summary>Below this |x|, k = round(x·2/π) &lt; 2²⁰ and the four-part Cody–Waite reduction is exact enough.</summary>
    private const double TrigMediumLimit = 1048576.0; // 2²⁰

    // π/2 = PiO2A + PiO2B + PiO2C + PiO2D + O(2⁻¹⁶⁰). A, B, C have 33 significant bits, so k·A, k·B, k·C are exact
    // for |k| < 2²⁰ whether or not ptxas fuses them into the following subtraction.
    private const double PiO2A = 1.5707963267341256;
    private const double PiO2B = 6.077100506303966e-11;
    private const double PiO2C = 2.0222662487111665e-21;
    private const double PiO2D = 8.4784276603689e-32;
    private const double TwoOverPi = 0.6366197723675814;

    /// <summary>hi + lo = x − k·π/2 and k mod 4 (a value type: the huge-argument path is a real call, and results
    /// returned by value stay in registers where out parameters would go through the stack).</summary>
    private readonly struct TrigReduction
    {
        public readonly double Hi;
        public readonly double Lo;
        public readonly int Quadrant;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TrigReduction(double hi, double lo, int quadrant)
        {
            Hi = hi;
            Lo = lo;
            Quadrant = quadrant;
        }
    }

    /// <summary>Reduces x to hi + lo = x − k·π/2 and returns k mod 4. For ±∞ and NaN, hi is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReduceTrig(double x, out double hi, out double lo)
    {
        TrigReduction t = System.Math.Abs(x) < TrigMediumLimit ? ReduceTrigMedium(x) : ReduceTrigHuge(x);
        hi = IsFiniteBits(x) ? t.Hi : x - x;
        lo = t.Lo;
        return t.Quadrant;
    }

    /// <summary>Four-part Cody–Waite: x − k·A is exact (Sterbenz), the later parts are subtracted error-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TrigReduction ReduceTrigMedium(double x)
    {
        double k = RoundToInt(x, TwoOverPi, out int n);
        double t = x - k * PiO2A;                     // exact
        double s1 = TwoSum(t, -(k * PiO2B), out double e1);  // k·B exact
        double s2 = TwoSum(s1, -(k * PiO2C), out double e2); // k·C exact
        double tail = (e1 + e2) - k * PiO2D;
        double hi = FastTwoSum(s2, tail, out double lo);
        return new TrigReduction(hi, lo, n & 3);
    }

    /// <summary>Whether the exponent field of x is not all ones (x is finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFiniteBits(double x) => (Bits(x) & 0x7FF0_0000_0000_0000UL) != 0x7FF0_0000_0000_0000UL;

    /// <summary>
    /// Payne–Hanek reduction for finite |x| ≥ 2²⁰ in 64-bit integer arithmetic: x = m·2^(E−52) with m &lt; 2⁵³; the bits
    /// of 2/π before position E−53 contribute multiples of 4 to x·2/π and are skipped; the next 192 bits, times m, give
    /// x·2/π mod 4 to 2⁻¹³⁷; the fraction times π/2 (a 128-bit fixed-point constant) is converted to a double-double.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrigReduction ReduceTrigHuge(double x)
    {
        ulong bits = Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        ulong m = (bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x0010_0000_0000_0000UL;

        // Bit p = E − 53 of 2/π (1-based after the binary point) sits at offset E + 10 of the table below, whose first
        // word is a zero pad (for E ≥ 30 the offset is ≥ 40).
        int offset = exponent + 10;
        int word = offset >> 6;
        int shift = offset & 63;
        TwoOverPiWords(word, out ulong t0, out ulong t1, out ulong t2, out ulong t3);
        ulong w0 = (t0 << shift) | ((t1 >> 1) >> (63 - shift));
        ulong w1 = (t1 << shift) | ((t2 >> 1) >> (63 - shift));
        ulong w2 = (t2 << shift) | ((t3 >> 1) >> (63 - shift));

        // m·(w0:w1:w2) mod 2¹⁹², as three words p0:p1:p2 (value · 2⁻¹⁹⁰ = x·2/π mod 4).
        ulong p2 = m * w2;
        ulong h2 = MulHigh(m, w2);
        ulong l1 = m * w1;
        ulong h1 = MulHigh(m, w1);
        ulong p1 = l1 + h2;
        ulong carry = p1 < l1 ? 1UL : 0UL;
        ulong p0 = m * w0 + h1 + carry;

        int quadrant = (int)(p0 >> 62);
        ulong f0 = (p0 << 2) | (p1 >> 62); // fraction bits 2⁻¹ … 2⁻⁶⁴
        ulong f1 = (p1 << 2) | (p2 >> 62); // 2⁻⁶⁵ … 2⁻¹²⁸

        // A fraction ≥ ½ rounds the quotient up: f − 1 is the same bits read as a signed 128-bit number; take its
        // magnitude (one's complement: 2⁻¹²⁸ off, far below what matters).
        bool negative = (long)f0 < 0;
        ulong flip = negative ? ulong.MaxValue : 0UL;
        f0 ^= flip;
        f1 ^= flip;
        quadrant += negative ? 1 : 0;

        // r = f·π/2 in fixed point: (f0:f1)·2⁻⁶⁴ × (Q0·2⁻⁶² + Q1·2⁻¹²⁶) ≈ (r0:r1)·2⁻¹²⁶ (truncations ≤ 3·2⁻¹²⁶).
        const ulong Q0 = 0x6487ED5110B4611AUL;
        const ulong Q1 = 0x62633145C06E0E68UL;
        ulong r1 = f0 * Q0;
        ulong r0 = MulHigh(f0, Q0);
        ulong add1 = MulHigh(f1, Q0);
        ulong add2 = MulHigh(f0, Q1);
        ulong r1a = r1 + add1;
        r0 += r1a < r1 ? 1UL : 0UL;
        ulong r1b = r1a + add2;
        r0 += r1b < r1a ? 1UL : 0UL;
        r1 = r1b;

        // Normalize r0:r1 and split the top 106 bits into two exact doubles.
        bool wordShift = r0 == 0;
        r0 = wordShift ? r1 : r0;
        r1 = wordShift ? 0UL : r1;
        int lz = LeadingZeros(r0);
        lz = lz > 63 ? 63 : lz;
        ulong n0 = (r0 << lz) | ((r1 >> 1) >> (63 - lz));
        ulong n1 = r1 << lz;
        long top = (long)(n0 >> 11);
        long next = (long)(((n0 & 0x7FFUL) << 42) | (n1 >> 22));
        int scale = (wordShift ? 64 : 0) + lz;
        // value = (r0:r1)·2⁻¹²⁶ = n0·2⁻⁶²⁻ˢᶜᵃˡᵉ + …: top·2⁻⁵¹⁻ˢᶜᵃˡᵉ, next·2⁻¹⁰⁴⁻ˢᶜᵃˡᵉ.
        double h = top * Pow2(-51 - scale);
        double l = next * Pow2(-104 - scale);
        h = FastTwoSum(h, l, out l);

        bool flipSign = negative ^ (x < 0);
        quadrant = x < 0 ? -quadrant : quadrant;
        return new TrigReduction(NegateIf(h, flipSign), NegateIf(l, flipSign), quadrant & 3);
    }

    /// <summary>Words <paramref name="index"/> … index+3 of 2/π in 64-bit words after a zero pad word (bits after the
    /// binary point: 0.A2F9836E4E441529…), 20 words in all (index ≤ 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoOverPiWords(int index, out ulong a, out ulong b, out ulong c, out ulong d)
    {
        a = TwoOverPiWord(index);
        b = TwoOverPiWord(index + 1);
        c = TwoOverPiWord(index + 2);
        d = TwoOverPiWord(index + 3);
    }

    /// <summary>Word <paramref name="index"/> of the padded table (a switch: ILGPU kernels cannot read static arrays).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TwoOverPiWord(int index) => index switch
    {
        0 => 0UL,
        1 => 0xA2F9836E4E441529UL,
        2 => 0xFC2757D1F534DDC0UL,
        3 => 0xDB6295993C439041UL,
        4 => 0xFE5163ABDEBBC561UL,
        5 => 0xB7246E3A424DD2E0UL,
        6 => 0x06492EEA09D1921CUL,
        7 => 0xFE1DEB1CB129A73EUL,
        8 => 0xE88235F52EBB4484UL,
        9 => 0xE99C7026B45F7E41UL,
        10 => 0x3991D639835339F4UL,
        11 => 0x9C845F8BBDF9283BUL,
        12 => 0x1FF897FFDE05980FUL,
        13 => 0xEF2F118B5A0A6D1FUL,
        14 => 0x6D367ECF27CB09B7UL,
        15 => 0x4F463F669E5FEA2DUL,
        16 => 0x7527BAC7EBE5F17BUL,
        17 => 0x3D0739F78A5292EAUL,
        18 => 0x6BFB5FB11F8D5D08UL,
        _ => 0x56033046FC7B6BABUL,
    };
}
