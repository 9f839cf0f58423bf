using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Numerics;

namespace Dual.Tests.SpecialFunctions.Oracle;

/// <summary>
/// The special functions in <see cref="BigFloat"/> arithmetic, by textbook methods that share nothing with the
/// implementation under test: Taylor and Machin series for exp, ln, π; the everywhere-positive series
/// erf x = 2/√π·e^(−x²)·Σ 2ⁿx²ⁿ⁺¹/(2n+1)!! (erfc = 1 − erf at a precision raised by the cancellation, 1.45·x² bits);
/// Stirling's series with exact Bernoulli numbers after shifting the argument up by the recurrences for lnΓ and ψ⁽ⁿ⁾;
/// upward recurrence (not reflection) for negative arguments; Newton's method on the forward functions for the
/// inverses. Every result is good to about 190 bits.
/// </summary>
public static class HighPrecision
{
    private static readonly ConcurrentDictionary<int, BigFloat> Ln2Cache = new();
    private static readonly ConcurrentDictionary<int, BigFloat> PiCache = new();

    /// <summary>ln 2 = 2·atanh(1/3).</summary>
    public static BigFloat Ln2 => Ln2Cache.GetOrAdd(BigFloat.Precision, _ => 2 * AtanhSeries(BigFloat.One / 3));

    /// <summary>π by Machin's formula 16·atan(1/5) − 4·atan(1/239).</summary>
    public static BigFloat Pi => PiCache.GetOrAdd(BigFloat.Precision, _ => 16 * AtanInverse(5) - 4 * AtanInverse(239));

    private static BigFloat Tiny => BigFloat.One.ScaleB(-BigFloat.Precision - 8);

    private static BigFloat AtanhSeries(BigFloat t)
    {
        BigFloat t2 = t * t, power = t, sum = t;
        for (int k = 3; ; k += 2)
        {
            power *= t2;
            BigFloat term = power / k;
            sum += term;
            if (term.Abs() < Tiny * sum.Abs())
            {
                return sum;
            }
        }
    }

    private static BigFloat AtanInverse(int n)
    {
        BigFloat x = BigFloat.One / n, x2 = x * x, power = x, sum = x;
        for (int k = 1; ; k++)
        {
            power *= x2;
            BigFloat term = power / (2 * k + 1);
            sum = (k & 1) == 1 ? sum - term : sum + term;
            if (term.Abs() < Tiny)
            {
                return sum;
            }
        }
    }

    /// <summary>eˣ: x = k·ln 2 + r, e^(r/2²⁰) by Taylor, squared twenty times.</summary>
    public static BigFloat Exp(BigFloat x)
    {
        if (x.IsZero)
        {
            return BigFloat.One;
        }
        BigInteger k;
        BigFloat r;
        using (BigFloat.WithPrecision(BigFloat.Precision + 64))
        {
            k = new BigInteger(Math.Round((x / Ln2).ToDouble()));
            r = (x - new BigFloat(k, 0) * Ln2).ScaleB(-20);
            BigFloat term = BigFloat.One, sum = BigFloat.One;
            for (int n = 1; ; n++)
            {
                term = term * r / n;
                sum += term;
                if (term.Abs() < Tiny)
                {
                    break;
                }
            }
            for (int i = 0; i < 20; i++)
            {
                sum *= sum;
            }
            r = sum;
        }
        return (r * BigFloat.One).ScaleB((long)k);
    }

    /// <summary>ln x for x &gt; 0: x = m·2ᵉ with m ∈ [√½, √2), ln m = 2·atanh((m−1)/(m+1)).</summary>
    public static BigFloat Log(BigFloat x)
    {
        if (x.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "ln of a non-positive number");
        }
        using (BigFloat.WithPrecision(BigFloat.Precision + 32))
        {
            long e = x.Magnitude;
            BigFloat m = x.ScaleB(-e);
            if (m > BigFloat.From(1.4142135623730951))
            {
                m = m.ScaleB(-1);
                e++;
            }
            BigFloat t = (m - 1) / (m + 1);
            BigFloat result = (t.IsZero ? BigFloat.Zero : 2 * AtanhSeries(t)) + BigFloat.From(e) * Ln2;
            return result * BigFloat.One;
        }
    }

    public static BigFloat Sqrt(BigFloat x)
    {
        if (x.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x));
        }
        if (x.IsZero)
        {
            return x;
        }
        int bits = 2 * BigFloat.Precision + 8;
        BigInteger m = x.Mantissa;
        long e = x.Exponent;
        int shift = bits - (int)m.GetBitLength();
        if (((e - shift) & 1) != 0)
        {
            shift++;
        }
        m <<= shift;
        e -= shift;
        BigInteger root = IntegerSqrt(m);
        return new BigFloat(root, e / 2);
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }
            x = y;
        }
    }

    /// <summary>sin(πx) for a double x, reduced exactly modulo 2 first.</summary>
    public static BigFloat SinPi(double x)
    {
        double r = x - 2 * Math.Round(x / 2); // exact
        BigFloat theta = Pi * BigFloat.From(r), t2 = theta * theta, term = theta, sum = theta;
        for (int n = 1; ; n++)
        {
            term = -(term * t2) / ((2 * n) * (2 * n + 1));
            sum += term;
            if (term.Abs() < Tiny)
            {
                return sum;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Error function and normal distribution
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>erf x = 2/√π·e^(−x²)·Σₙ 2ⁿx²ⁿ⁺¹/(1·3·…·(2n+1)): positive terms, no cancellation.</summary>
    public static BigFloat Erf(BigFloat x)
    {
        if (x.IsZero)
        {
            return x;
        }
        BigFloat x2 = x * x, twoX2 = 2 * x2, term = x, sum = x;
        for (int n = 1; ; n++)
        {
            term = term * twoX2 / (2 * n + 1);
            sum += term;
            if (n > 2 * x2.ToDouble() && term.Abs() < Tiny * sum.Abs())
            {
                break;
            }
        }
        return 2 / Sqrt(Pi) * Exp(-x2) * sum;
    }

    /// <summary>erfc x = 1 − erf x, computed at a precision raised by the bits that the subtraction cancels.</summary>
    public static BigFloat Erfc(BigFloat x)
    {
        double xd = x.ToDouble();
        int extra = xd > 0 ? (int)(1.45 * xd * xd) + 16 : 0;
        int outer = BigFloat.Precision;
        using (BigFloat.WithPrecision(outer + extra))
        {
            BigFloat value = 1 - Erf(x);
            using (BigFloat.WithPrecision(outer))
            {
                return value * BigFloat.One;
            }
        }
    }

    public static BigFloat Erf(double x) => Erf(BigFloat.From(x));
    public static BigFloat Erfc(double x) => Erfc(BigFloat.From(x));

    /// <summary>2/√π·e^(−x²), the derivative of erf.</summary>
    public static BigFloat ErfDerivative(double x)
    {
        BigFloat b = BigFloat.From(x);
        return 2 / Sqrt(Pi) * Exp(-(b * b));
    }

    /// <summary>2/√π·e^(−x²) at a high-precision point (the reciprocal is the derivative of erf⁻¹ there).</summary>
    public static BigFloat ErfDerivativeAt(BigFloat x) => 2 / Sqrt(Pi) * Exp(-(x * x));

    /// <summary>φ(x) = e^(−x²/2)/√(2π).</summary>
    public static BigFloat NormalPdf(BigFloat x) => Exp(-(x * x).ScaleB(-1)) / Sqrt(2 * Pi);

    /// <summary>Φ(x) = ½·erfc(−x/√2), with x/√2 to full precision.</summary>
    public static BigFloat NormalCdf(BigFloat x) => Erfc(-x / Sqrt(2)).ScaleB(-1);

    /// <summary>erf⁻¹(y) by Newton's method on <see cref="Erf(BigFloat)"/> from a double start.</summary>
    public static BigFloat ErfInv(double y, double start) =>
        Newton(BigFloat.From(y), BigFloat.From(start), Erf, x => 2 / Sqrt(Pi) * Exp(-(x * x)));

    /// <summary>erfc⁻¹(q) by Newton's method on <see cref="Erfc(BigFloat)"/> (in ln erfc, which is nearly linear in the tail).</summary>
    public static BigFloat ErfcInv(double q, double start)
    {
        BigFloat target = Log(BigFloat.From(q));
        return Newton(target, BigFloat.From(start), x => Log(Erfc(x)), x => -2 / Sqrt(Pi) * Exp(-(x * x)) / Erfc(x));
    }

    /// <summary>Φ⁻¹(p) by Newton's method on ln Φ.</summary>
    public static BigFloat NormalInvCdf(double p, double start)
    {
        BigFloat target = Log(BigFloat.From(p));
        return Newton(target, BigFloat.From(start), x => Log(NormalCdf(x)), x => NormalPdf(x) / NormalCdf(x));
    }

    private static BigFloat Newton(BigFloat target, BigFloat x, Func<BigFloat, BigFloat> f, Func<BigFloat, BigFloat> derivative)
    {
        for (int i = 0; i < 60; i++)
        {
            BigFloat step = (f(x) - target) / derivative(x);
            x -= step;
            if (step.IsZero || step.Abs() < Tiny.ScaleB(64) * x.Abs() || step.Abs() < BigFloat.One.ScaleB(-190)) // ~140 bits: the residual of ln Φ near 1 limits the rest
            {
                return x;
            }
        }
        throw new InvalidOperationException($"The oracle's Newton iteration did not converge (target {target}, at {x}).");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Gamma, polygamma, beta
    // ---------------------------------------------------------------------------------------------------------

    private static readonly Lazy<BigFloat[]> BernoulliNumbers = new(ComputeBernoulli);

    /// <summary>B₀ … B₁₃₀ from Σₖ₌₀ᵐ C(m+1, k)·Bₖ = 0, in exact rationals, then rounded.</summary>
    private static BigFloat[] ComputeBernoulli()
    {
        const int count = 131;
        var numerators = new BigInteger[count];
        var denominators = new BigInteger[count];
        numerators[0] = 1;
        denominators[0] = 1;
        for (int m = 1; m < count; m++)
        {
            // B_m = −1/(m+1)·Σₖ₌₀^{m−1} C(m+1, k)·B_k
            BigInteger num = 0, den = 1;
            BigInteger binomial = 1; // C(m+1, 0)
            for (int k = 0; k < m; k++)
            {
                num = num * denominators[k] + binomial * numerators[k] * den;
                den *= denominators[k];
                BigInteger g = BigInteger.GreatestCommonDivisor(num, den);
                if (!g.IsZero && !g.IsOne)
                {
                    num /= g;
                    den /= g;
                }
                binomial = binomial * (m + 1 - k) / (k + 1);
            }
            numerators[m] = -num;
            denominators[m] = den * (m + 1);
            BigInteger h = BigInteger.GreatestCommonDivisor(numerators[m], denominators[m]);
            if (!h.IsZero && !h.IsOne)
            {
                numerators[m] /= h;
                denominators[m] /= h;
            }
        }
        var result = new BigFloat[count];
        using (BigFloat.WithPrecision(320))
        {
            for (int i = 0; i < count; i++)
            {
                result[i] = new BigFloat(numerators[i], 0) / new BigFloat(denominators[i], 0);
            }
        }
        return result;
    }

    private static BigFloat B(int k) => BernoulliNumbers.Value[k] * BigFloat.One;

    private const double Shift = 40;

    /// <summary>lnΓ(y) for y ≥ 40 by Stirling's series; the terms fall below 2⁻²⁰⁰ long before they diverge.</summary>
    private static BigFloat StirlingLogGamma(BigFloat y)
    {
        BigFloat lnY = Log(y);
        BigFloat sum = (y - BigFloat.One.ScaleB(-1)) * lnY - y + Log(2 * Pi).ScaleB(-1);
        BigFloat inverse = 1 / y, inverseSquare = inverse * inverse, power = inverse;
        for (int k = 1; k <= 65; k++)
        {
            BigFloat term = B(2 * k) * power / ((2 * k) * (2 * k - 1));
            sum += term;
            if (term.Abs() < Tiny * sum.Abs())
            {
                break;
            }
            power *= inverseSquare;
        }
        return sum;
    }

    /// <summary>ln|Γ(x)| for a double x that is not a pole; the sign of Γ(x) in <paramref name="sign"/>.</summary>
    public static BigFloat LogGamma(double x, out int sign)
    {
        BigFloat bx = BigFloat.From(x);
        if (x < 0)
        {
            // Γ(x) = π/(sin(πx)·Γ(1−x)).
            BigFloat s = SinPi(x);
            sign = s.Sign;
            return Log(Pi) - Log(s.Abs()) - LogGamma(1 - bx);
        }
        sign = 1;
        return LogGamma(bx);
    }

    /// <summary>lnΓ(x) for x &gt; 0: lnΓ(x) = lnΓ(x+m) − ln(x(x+1)…(x+m−1)) with x + m ≥ 40.</summary>
    public static BigFloat LogGamma(BigFloat x)
    {
        double xd = x.ToDouble();
        if (xd >= Shift)
        {
            return StirlingLogGamma(x);
        }
        int m = (int)Math.Ceiling(Shift - xd);
        BigFloat product = BigFloat.One;
        for (int k = 0; k < m; k++)
        {
            product *= x + k;
        }
        return StirlingLogGamma(x + m) - Log(product);
    }

    /// <summary>Γ(x) for a double x that is not a pole.</summary>
    public static BigFloat Gamma(double x)
    {
        BigFloat log = LogGamma(x, out int sign);
        BigFloat value = Exp(log);
        return sign < 0 ? -value : value;
    }

    /// <summary>
    /// ψ⁽ⁿ⁾(x): for x &lt; 40 + 2n the recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x+m) + (−1)ⁿ⁺¹n!·Σₖ (x+k)⁻⁽ⁿ⁺¹⁾ (ψ: −Σ 1/(x+k)), which
    /// also carries negative non-integer x up; then the asymptotic series with Bernoulli numbers.
    /// </summary>
    public static BigFloat Polygamma(int n, double x) => Polygamma(n, BigFloat.From(x));

    /// <inheritdoc cref="Polygamma(int, double)"/>
    public static BigFloat Polygamma(int n, BigFloat bx)
    {
        double x = bx.ToDouble();
        double threshold = Shift + 2 * n;
        int m = x < threshold ? (int)Math.Ceiling(threshold - x) : 0;
        BigFloat y = bx + m;
        BigFloat factorial = BigFloat.One;
        for (int i = 2; i <= n; i++)
        {
            factorial *= i;
        }
        BigFloat asymptotic;
        BigFloat inverse = 1 / y, inverseSquare = inverse * inverse;
        if (n == 0)
        {
            asymptotic = Log(y) - inverse.ScaleB(-1);
            BigFloat power = inverseSquare;
            for (int k = 1; k <= 65; k++)
            {
                BigFloat term = B(2 * k) * power / (2 * k);
                asymptotic -= term;
                if (term.Abs() < Tiny * asymptotic.Abs())
                {
                    break;
                }
                power *= inverseSquare;
            }
        }
        else
        {
            // (n−1)!/yⁿ + n!/(2yⁿ⁺¹) + Σ B₂ₖ(2k+n−1)!/((2k)!·y²ᵏ⁺ⁿ), all times (−1)ⁿ⁺¹.
            BigFloat yPowerN = BigFloat.One;
            for (int i = 0; i < n; i++)
            {
                yPowerN *= y;
            }
            BigFloat leading = factorial / n / yPowerN;
            BigFloat sum = leading + factorial / (2 * yPowerN * y);
            BigFloat ratio = BigFloat.One; // (2k+n−1)!/((2k)!(n−1)!)/y²ᵏ
            for (int k = 1; k <= 65; k++)
            {
                ratio = ratio * ((2 * k + n - 2) * (2 * k + n - 1)) / ((2 * k - 1) * (2 * k)) * inverseSquare;
                BigFloat term = B(2 * k) * ratio * leading;
                sum += term;
                if (term.Abs() < Tiny * sum.Abs())
                {
                    break;
                }
            }
            asymptotic = (n & 1) == 1 ? sum : -sum;
        }
        BigFloat recurrence = BigFloat.Zero;
        for (int k = 0; k < m; k++)
        {
            BigFloat t = bx + k;
            BigFloat power = t;
            for (int i = 0; i < n; i++)
            {
                power *= t;
            }
            recurrence += 1 / power;
        }
        // ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x+m) + (−1)ⁿ⁺¹·n!·Σ (x+k)⁻⁽ⁿ⁺¹⁾
        BigFloat shifted = factorial * recurrence;
        return (n & 1) == 1 ? asymptotic + shifted : asymptotic - shifted;
    }

    /// <summary>B(a, b) = exp(lnΓ(a) + lnΓ(b) − lnΓ(a+b)) for a, b &gt; 0, with a + b exact.</summary>
    public static BigFloat Beta(double a, double b) => Exp(LogBeta(a, b));

    public static BigFloat LogBeta(double a, double b)
    {
        BigFloat ba = BigFloat.From(a), bb = BigFloat.From(b);
        return LogGamma(ba) + LogGamma(bb) - LogGamma(ba + bb);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Comparisons
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>|approx − exact|/|exact| (0 when both are zero).</summary>
    public static double RelativeError(double approx, BigFloat exact)
    {
        if (exact.IsZero)
        {
            return approx == 0 ? 0 : double.PositiveInfinity;
        }
        if (!double.IsFinite(approx))
        {
            return double.PositiveInfinity;
        }
        return ((BigFloat.From(approx) - exact) / exact).Abs().ToDouble();
    }

    public static IEnumerable<double> Grid(double from, double to, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return from + (to - from) * i / (count - 1);
        }
    }
}
