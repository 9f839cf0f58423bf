namespace Dual.Gpu;

// pow, cbrt, hypot. pow = exp(y·log|x|) with log|x| as a double-double to about 2⁻⁶⁶ (s = f/(2 + f), log(1 + f) =
// 2s + ⅔s³ + s⁵·Q(s²), the first two terms in double-double; Q minimax of degree 14 in s, relative error 2⁻⁵⁴ on
// [0, 0.1716]; Sollya fpminimax), so |y·log x| up to 745 keeps the result within an ulp; the special cases are
// C99's (as System.Math.Pow). cbrt: Newton–Halley steps on x^(−1/3) from a cubic seed; hypot: scaled, sum of squares
// as a double-double, square root with one correction.
internal static partial class DeviceMath
{
    private const double TwoThirdsHi = 0.6666666666666666;
    private const double TwoThirdsLo = 3.700743415417188e-17;

    /// <summary>log x as hi + lo to about 2⁻⁶⁶ relative, for finite x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogPrecise(double x, out double lo)
    {
        double f = SplitLog(x, out int e);
        double d = FastTwoSum(2.0, f, out double dLo);
        double inverse = Rcp(d);
        double s = Divide(f, d, inverse, out double sLo);
        sLo -= s * dLo * inverse;
        double z = s * s;
        double q = s * z * z * Horner(z, 0.4, 0.28571428571426316, 0.22222222222775645, 0.18181818154172538,
            0.15384610015325356, 0.1333413517937549, 0.11721399675680025, 0.1158582128074029);
        // ⅔·s³ as a double-double.
        double s2 = MulExact(s, s, out double s2Lo);
        double s3 = MulExact(s2, s, out double s3Lo);
        s3Lo += s2Lo * s + 3.0 * s2 * sLo;
        double t3 = MulExact(s3, TwoThirdsHi, out double t3Lo);
        t3Lo += s3 * TwoThirdsLo + s3Lo * TwoThirdsHi;
        double h1 = TwoSum(2.0 * s, t3, out double e1);
        double l1 = e1 + (2.0 * sLo + t3Lo + q);
        double dk = e;
        double h2 = TwoSum(dk * Ln2Hi, h1, out double e2); // e·Ln2Hi exact
        return FastTwoSum(h2, e2 + (l1 + dk * Ln2Lo), out lo);
    }

    /// <summary>x^y (f64), ≤ 1 ulp, with C99's special cases.</summary>
    public static double Pow(double x, double y)
    {
        double ax = System.Math.Abs(x);
        double lh = LogPrecise(ax, out double ll);
        double zh = MulExact(y, lh, out double zl);
        zl += y * ll;
        bool overflow = zh > 709.79;
        bool underflow = zh < -746.0;
        double zc = overflow || underflow ? 0.0 : zh;
        double r = ReduceExp(zc, out int n, out double c);
        c += zl;
        // e^(r+c) = p·(1 + c) with p = e^r = hi + pl; c (mostly y·log x's low part) reaches 2⁻⁴², so c·p is kept whole.
        double hi = FastTwoSum(1.0, r, out double lo);
        double pl = lo + r * r * ExpTail(r);
        double magnitude = ScaleB(hi + Fma(c, hi + pl, pl), n);
        magnitude = overflow ? double.PositiveInfinity : (underflow ? 0.0 : magnitude);

        bool yInteger = System.Math.Floor(y) == y;
        bool yOdd = yInteger && System.Math.Abs(y) < 9007199254740992.0 && System.Math.Floor(y * 0.5) != y * 0.5;
        bool xNegative = (Bits(x) & 0x8000_0000_0000_0000UL) != 0;
        double result = NegateIf(magnitude, xNegative && yOdd);
        result = x < 0.0 && !yInteger ? double.NaN : result;
        // x = ±0 and x = ±∞: 0 or ∞ by the sign of y (and of the exponent for ∞), signed when y is an odd integer.
        double zeroBase = y < 0.0 ? double.PositiveInfinity : 0.0;
        double infiniteBase = y < 0.0 ? 0.0 : double.PositiveInfinity;
        result = ax == 0.0 ? NegateIf(zeroBase, xNegative && yOdd) : result;
        result = ax == double.PositiveInfinity ? NegateIf(infiniteBase, xNegative && yOdd) : result;
        // y = ±∞: 1 at |x| = 1, else ∞ or 0 by whether |x| < 1 matches y < 0.
        double infiniteExponent = ax == 1.0 ? 1.0 : ((ax < 1.0) == (y < 0.0) ? double.PositiveInfinity : 0.0);
        result = System.Math.Abs(y) == double.PositiveInfinity ? infiniteExponent : result;
        result = double.IsNaN(x) || double.IsNaN(y) ? x + y : result;
        result = y == 0.0 ? 1.0 : result;
        return x == 1.0 ? 1.0 : result;
    }

    /// <summary>Cube root (f64), ≤ 1 ulp.</summary>
    public static double Cbrt(double x)
    {
        double a = System.Math.Abs(x);
        bool subnormal = a < SmallestNormal;
        ulong bits = Bits(subnormal ? a * TwoPow54 : a);
        int exponent = (int)(bits >> 52) - (subnormal ? 1077 : 1023);
        int third = (exponent + 1200) / 3 - 400;
        int rest = exponent - 3 * third;
        double z = FromBits((bits & 0x000F_FFFF_FFFF_FFFFUL) | ((ulong)(long)(rest + 1023) << 52)); // ∈ [1, 8)
        // Minimax cubic for z^(−1/3) on [1, 8] (relative error 2⁻⁵·⁹; Sollya).
        double y = Horner(z, 1.2370203368920443, -0.29720850068947496, 0.04589488807595761, -0.002548918486995637);
        // Third-order steps on y ≈ z^(−1/3): e = 1 − z·y³, y ← y·(1 + e/3 + 2e²/9): 2⁻⁵·⁹ → 2⁻¹⁷ → 2⁻⁵¹.
        double e = Fma(-z, y * y * y, 1.0);
        y = Fma(y * e, Fma(e, 0.2222222222222222, 0.3333333333333333), y);
        e = Fma(-z, y * y * y, 1.0);
        y = Fma(y * e, Fma(e, 0.2222222222222222, 0.3333333333333333), y);
        // c = z·y² ≈ ∛z, then one Newton step on c with an exact residual z − c³.
        double c = z * y * y;
        double c2 = MulExact(c, c, out double c2Lo);
        double c3 = MulExact(c2, c, out double c3Lo);
        double residual = ((z - c3) - c3Lo) - c2Lo * c;
        c = Fma(residual * 0.3333333333333333, y * y, c);
        double r = CopySign(c * Pow2(third), x);
        return a == 0.0 || a == double.PositiveInfinity || double.IsNaN(x) ? x : r;
    }

    /// <summary>√(x² + y²) without undue overflow or underflow (f64), ≤ 1 ulp; +∞ if either is ±∞, even with a NaN.</summary>
    public static double Hypot(double x, double y)
    {
        double ax = System.Math.Abs(x), ay = System.Math.Abs(y);
        bool swap = ay > ax;
        double big = swap ? ay : ax, small = swap ? ax : ay;
        double b = ScaleToUnit(big, small, out double s, out int exponent);
        double bb = MulExact(b, b, out double bbLo);
        double ss = MulExact(s, s, out double ssLo);
        double sum = TwoSum(bb, ss, out double sumLo);
        sumLo += bbLo + ssLo;
        double root = System.Math.Sqrt(sum);
        double rr = MulExact(root, root, out double rrLo);
        root += (((sum - rr) - rrLo) + sumLo) * 0.5 * Rcp(root);
        double r = ScaleB(root, exponent);
        r = big == 0.0 ? 0.0 : r;
        r = double.IsNaN(x) || double.IsNaN(y) ? x + y : r;
        return ax == double.PositiveInfinity || ay == double.PositiveInfinity ? double.PositiveInfinity : r;
    }

    /// <summary>x^y (f32), computed in f64 and rounded once.</summary>
    public static float Pow(float x, float y) => (float)Pow((double)x, (double)y);

    /// <summary>Cube root (f32), computed in f64 and rounded once.</summary>
    public static float Cbrt(float x) => (float)Cbrt((double)x);

    /// <summary>√(x² + y²) (f32), computed in f64 (no overflow there) and rounded once.</summary>
    public static float Hypot(float x, float y)
    {
        double xd = x, yd = y;
        float r = (float)System.Math.Sqrt(Fma(xd, xd, yd * yd));
        bool infinite = float.IsInfinity(x) || float.IsInfinity(y);
        return infinite ? float.PositiveInfinity : r;
    }
}
