using System;
using System.Numerics;

namespace Dual.Tests.SpecialFunctions.Oracle;

/// <summary>
/// A binary floating-point number M·2^E with an arbitrary-precision integer mantissa, rounded (toward zero) to
/// <see cref="Precision"/> bits after every operation: the arithmetic of the special-function oracle. Written for
/// clarity, not speed; 200 bits is 60 decimal digits, so a double result can be judged to far below its own ulp.
/// </summary>
public readonly struct BigFloat : IComparable<BigFloat>
{
    [ThreadStatic]
    private static int precision;

    /// <summary>The working precision in bits (per thread; 200 unless set through <see cref="WithPrecision"/>).</summary>
    public static int Precision => precision == 0 ? 200 : precision;

    /// <summary>Raises the working precision for a computation that cancels (erfc in its tail), restored on dispose.</summary>
    public static Scope WithPrecision(int bits)
    {
        var scope = new Scope(precision);
        precision = bits;
        return scope;
    }

    /// <summary>Restores the previous precision.</summary>
    public readonly struct Scope(int previous) : IDisposable
    {
        public void Dispose() => precision = previous;
    }

    public readonly BigInteger Mantissa;
    public readonly long Exponent;

    public BigFloat(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            Mantissa = BigInteger.Zero;
            Exponent = 0;
            return;
        }
        long excess = (long)BigInteger.Abs(mantissa).GetBitLength() - Precision;
        if (excess > 0)
        {
            mantissa = mantissa.Sign < 0 ? -(BigInteger.Abs(mantissa) >> (int)excess) : mantissa >> (int)excess;
            exponent += excess;
        }
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public static readonly BigFloat Zero = new(BigInteger.Zero, 0);
    public static readonly BigFloat One = new(BigInteger.One, 0);

    public bool IsZero => Mantissa.IsZero;
    public int Sign => Mantissa.Sign;

    /// <summary>log₂|x| rounded down (the binary exponent of the leading bit).</summary>
    public long Magnitude => Exponent + (long)BigInteger.Abs(Mantissa).GetBitLength() - 1;

    /// <summary>The exact value of a finite double.</summary>
    public static BigFloat From(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The oracle takes finite numbers only.");
        }
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = biased == 0 ? -1074 : biased - 1075;
        return new BigFloat(negative ? -mantissa : mantissa, exponent);
    }

    public static BigFloat From(long n) => new(n, 0);

    public static implicit operator BigFloat(int n) => new(n, 0);

    /// <summary>The nearest double (to within one rounding of a 64-bit head; plenty for reporting errors).</summary>
    public double ToDouble()
    {
        if (IsZero)
        {
            return 0;
        }
        BigInteger m = Mantissa;
        long e = Exponent;
        long excess = (long)BigInteger.Abs(m).GetBitLength() - 62;
        if (excess > 0)
        {
            m = m.Sign < 0 ? -(BigInteger.Abs(m) >> (int)excess) : m >> (int)excess;
            e += excess;
        }
        else
        {
            m <<= (int)-excess;
            e += excess;
        }
        return Math.ScaleB((double)(long)m, (int)Math.Clamp(e, -100000, 100000));
    }

    public static BigFloat operator -(BigFloat x) => new(-x.Mantissa, x.Exponent);

    public static BigFloat operator +(BigFloat a, BigFloat b)
    {
        if (a.IsZero)
        {
            return b;
        }
        if (b.IsZero)
        {
            return a;
        }
        long gap = a.Magnitude - b.Magnitude;
        if (gap > Precision + 64)
        {
            return a;
        }
        if (-gap > Precision + 64)
        {
            return b;
        }
        long e = Math.Min(a.Exponent, b.Exponent);
        return new BigFloat((a.Mantissa << (int)(a.Exponent - e)) + (b.Mantissa << (int)(b.Exponent - e)), e);
    }

    public static BigFloat operator -(BigFloat a, BigFloat b) => a + -b;

    public static BigFloat operator *(BigFloat a, BigFloat b) => new(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent);

    public static BigFloat operator /(BigFloat a, BigFloat b)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (a.IsZero)
        {
            return Zero;
        }
        int shift = Precision + 8 + (int)BigInteger.Abs(b.Mantissa).GetBitLength() - (int)BigInteger.Abs(a.Mantissa).GetBitLength();
        shift = Math.Max(shift, 0);
        return new BigFloat((a.Mantissa << shift) / b.Mantissa, a.Exponent - shift - b.Exponent);
    }

    /// <summary>x·2ⁿ, exactly.</summary>
    public BigFloat ScaleB(long n) => IsZero ? this : new BigFloat(Mantissa, Exponent + n);

    public BigFloat Abs() => Sign < 0 ? -this : this;

    public int CompareTo(BigFloat other) => (this - other).Sign;

    public static bool operator <(BigFloat a, BigFloat b) => a.CompareTo(b) < 0;
    public static bool operator >(BigFloat a, BigFloat b) => a.CompareTo(b) > 0;
    public static bool operator <=(BigFloat a, BigFloat b) => a.CompareTo(b) <= 0;
    public static bool operator >=(BigFloat a, BigFloat b) => a.CompareTo(b) >= 0;

    /// <summary>The nearest integer below (for argument reduction).</summary>
    public BigInteger Floor()
    {
        if (Exponent >= 0)
        {
            return Mantissa << (int)Exponent;
        }
        BigInteger shifted = Mantissa >> (int)-Exponent; // arithmetic shift: floors negatives too
        return shifted;
    }

    public override string ToString() => ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
