using System;
using System.Numerics;

namespace Dual.Tests.Oracles;

/// <summary>
/// A high-precision oracle: binary floating point M·2^E with a <see cref="BigInteger"/> significand rounded to
/// <see cref="Precision"/> bits after every operation, and an unbounded exponent, so closed forms such as
/// x/(x² + y²) at x = 1e−200 or y·x^(y−1) near the overflow threshold are evaluated with no over- or underflow and
/// about 250 correct bits; <see cref="ToDouble"/> and <see cref="ToSingle"/> then round once, correctly (subnormals
/// and overflow included). Written for the tests, independent of the library: only BigInteger arithmetic, with
/// ln, exp and π from their series.
/// </summary>
internal readonly struct BigFloat : IComparable<BigFloat>
{
    public const int Precision = 256;

    private readonly BigInteger m;
    private readonly long e;

    private BigFloat(BigInteger significand, long exponent)
    {
        if (significand.IsZero)
        {
            m = BigInteger.Zero;
            e = 0;
            return;
        }
        long bits = (long)BigInteger.Abs(significand).GetBitLength();
        if (bits > Precision)
        {
            int shift = (int)(bits - Precision);
            significand = RoundShift(significand, shift);
            exponent += shift;
        }
        m = significand;
        e = exponent;
    }

    public static BigFloat Zero => default;

    public static BigFloat One => new(BigInteger.One, 0);

    public bool IsZero => m.IsZero;

    public int Sign => m.Sign;

    /// <summary>The exact value of a double (finite).</summary>
    public static BigFloat From(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "finite values only");
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger significand = exponent == 0 ? fraction : fraction | (1L << 52);
        long e2 = (exponent == 0 ? 1 : exponent) - 1075;
        return new(negative ? -significand : significand, e2);
    }

    /// <summary>The exact value of a float (finite).</summary>
    public static BigFloat From(float value) => From((double)value);

    public static BigFloat From(long value) => new(value, 0);

    /// <summary>a·2^k, exactly.</summary>
    public static BigFloat ScaleB(BigFloat a, long k) => new(a.m, a.e + k);

    public static BigFloat operator -(BigFloat a) => new(-a.m, a.e);

    public static BigFloat operator +(BigFloat a, BigFloat b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        // Far apart: the smaller one only matters as a sticky bit far below the precision.
        long gap = a.Magnitude() - b.Magnitude();
        if (gap > Precision + 8) return WithSticky(a, b.m.Sign);
        if (gap < -(Precision + 8)) return WithSticky(b, a.m.Sign);
        long lowest = Math.Min(a.e, b.e);
        return new((a.m << (int)(a.e - lowest)) + (b.m << (int)(b.e - lowest)), lowest);
    }

    public static BigFloat operator -(BigFloat a, BigFloat b) => a + -b;

    // a plus a far smaller number of the given sign: a's significand widened to Precision + 4 bits, the other as a
    // sticky unit below the rounding position.
    private static BigFloat WithSticky(BigFloat a, int sign)
    {
        int shift = Precision + 4 - (int)BigInteger.Abs(a.m).GetBitLength();
        return new((a.m << shift) + sign, a.e - shift);
    }

    public static BigFloat operator *(BigFloat a, BigFloat b) => new(a.m * b.m, a.e + b.e);

    public static BigFloat operator /(BigFloat a, BigFloat b)
    {
        if (b.IsZero) throw new DivideByZeroException();
        int shift = Precision + 2 + (int)b.m.GetBitLength();
        BigInteger q = BigInteger.DivRem(a.m << shift, b.m, out BigInteger r);
        // A sticky bit so that the final rounding sees an inexact quotient.
        q = q * 2 + (r.IsZero ? 0 : q.Sign >= 0 ? 1 : -1);
        return new(q, a.e - shift - b.e - 1);
    }

    public static BigFloat operator *(BigFloat a, long k) => a * From(k);

    public static BigFloat operator /(BigFloat a, long k) => a / From(k);

    /// <summary>floor(log₂|a|): the exponent of the leading bit.</summary>
    public long Magnitude() => m.IsZero ? long.MinValue / 4 : (long)BigInteger.Abs(m).GetBitLength() - 1 + e;

    public int CompareTo(BigFloat other) => (this - other).Sign;

    public static BigFloat Abs(BigFloat a) => a.Sign < 0 ? -a : a;

    public static BigFloat Sqrt(BigFloat a)
    {
        if (a.Sign < 0) throw new ArgumentOutOfRangeException(nameof(a), "negative");
        if (a.IsZero) return a;
        long bits = (long)a.m.GetBitLength();
        long shift = 2 * Precision + 4 - bits;
        if (((a.e - shift) & 1) != 0) shift++;
        BigInteger scaled = shift >= 0 ? a.m << (int)shift : a.m >> (int)-shift;
        BigInteger root = IntegerSqrt(scaled);
        return new(root * 2 + (root * root == scaled ? 0 : 1), (a.e - shift) / 2 - 1);
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    private static readonly BigFloat Epsilon = new(BigInteger.One, -(Precision + 16));

    /// <summary>2·artanh(z) = Σ 2z^(2j+1)/(2j+1) for |z| &lt; 1/2.</summary>
    private static BigFloat TwoAtanh(BigFloat z)
    {
        BigFloat z2 = z * z, power = z, sum = Zero;
        for (long j = 0; ; j++)
        {
            BigFloat term = power / (2 * j + 1);
            sum += term;
            if (Abs(term).CompareTo(Epsilon) < 0 || term.IsZero) break;
            power *= z2;
        }
        return sum + sum;
    }

    public static readonly BigFloat Ln2 = TwoAtanh(One / 3);

    public static readonly BigFloat Ln10 = Log(From(10));

    public static readonly BigFloat Pi = ComputePi();

    private static BigFloat ComputePi()
    {
        // Machin: π = 16·atan(1/5) − 4·atan(1/239).
        static BigFloat Atan(long n)
        {
            BigFloat x = One / n, x2 = x * x, power = x, sum = Zero;
            for (long j = 0; ; j++)
            {
                BigFloat term = power / (2 * j + 1);
                sum = j % 2 == 0 ? sum + term : sum - term;
                if (term.CompareTo(Epsilon) < 0) break;
                power *= x2;
            }
            return sum;
        }
        return Atan(5) * 16 - Atan(239) * 4;
    }

    /// <summary>ln a for a &gt; 0.</summary>
    public static BigFloat Log(BigFloat a)
    {
        if (a.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(a), "non-positive");
        long k = a.Magnitude();
        BigFloat f = ScaleB(a, -k); // in [1, 2)
        if (f.CompareTo(From(1.4142135623730951)) > 0)
        {
            f = ScaleB(f, -1);
            k++;
        }
        BigFloat lnF = TwoAtanh((f - One) / (f + One));
        return Ln2 * k + lnF;
    }

    /// <summary>eᵃ.</summary>
    public static BigFloat Exp(BigFloat a)
    {
        // a = k·ln 2 + r, |r| ≤ ln2/2; e^r = (e^(r/2^20))^(2^20), Taylor for the small argument.
        if (a.Magnitude() > 24)
        {
            // |a| > 2^25: e^a is far beyond every binary format (0 below, refused above).
            return a.Sign < 0 ? Zero : throw new ArgumentOutOfRangeException(nameof(a), "exp overflows any format");
        }
        BigFloat q = a / Ln2;
        long k = (long)Math.Round(q.ToDouble());
        BigFloat r = ScaleB(a - Ln2 * k, -20);
        BigFloat sum = One, term = One;
        for (long j = 1; ; j++)
        {
            term = term * r / j;
            sum += term;
            if (Abs(term).CompareTo(Epsilon) < 0 || term.IsZero) break;
        }
        for (int i = 0; i < 20; i++) sum *= sum;
        return ScaleB(sum, k);
    }

    /// <summary>aᵇ for a &gt; 0.</summary>
    public static BigFloat Pow(BigFloat a, BigFloat b) => Exp(b * Log(a));

    private static BigInteger RoundShift(BigInteger value, int shift)
    {
        if (shift <= 0) return value << -shift;
        bool negative = value.Sign < 0;
        BigInteger magnitude = BigInteger.Abs(value);
        BigInteger q = magnitude >> shift;
        BigInteger rest = magnitude - (q << shift);
        BigInteger half = BigInteger.One << (shift - 1);
        if (rest > half || (rest == half && !q.IsEven)) q += 1;
        return negative ? -q : q;
    }

    /// <summary>Rounded once to the nearest double (ties to even), with gradual underflow and overflow to ±∞.</summary>
    public double ToDouble()
    {
        if (!Round(53, -1022, 1023, out BigInteger significand, out long exponent))
        {
            return m.Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
        return significand.IsZero ? (m.Sign < 0 ? -0.0 : 0.0) : Math.ScaleB((double)significand, (int)exponent);
    }

    /// <summary>Rounded once to the nearest float.</summary>
    public float ToSingle()
    {
        if (!Round(24, -126, 127, out BigInteger significand, out long exponent))
        {
            return m.Sign < 0 ? float.NegativeInfinity : float.PositiveInfinity;
        }
        return significand.IsZero ? (m.Sign < 0 ? -0f : 0f) : MathF.ScaleB((float)significand, (int)exponent);
    }

    /// <summary>The value rounded to a format of the given precision and exponent range: false when it overflows.</summary>
    private bool Round(int precision, int minExponent, int maxExponent, out BigInteger significand, out long exponent)
    {
        significand = BigInteger.Zero;
        exponent = 0;
        if (m.IsZero) return true;
        long lead = Magnitude();
        long keep = lead >= minExponent ? precision : precision - (minExponent - lead);
        if (keep < -1) return true; // below half the smallest subnormal: rounds to zero
        long bits = (long)BigInteger.Abs(m).GetBitLength();
        long shift = bits - keep;
        significand = shift > 0 ? RoundShift(m, (int)shift) : m;
        exponent = e + Math.Max(shift, 0);
        return significand.IsZero || (long)BigInteger.Abs(significand).GetBitLength() - 1 + exponent <= maxExponent;
    }

    public override string ToString() => $"{ToDouble():R} (2^{Magnitude()})";
}
