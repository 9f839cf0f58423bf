namespace Dual;

/// <summary>
/// The digamma function ψ = Γ′/Γ and the polygamma functions ψ⁽ⁿ⁾ = dⁿψ/dxⁿ in <see cref="double"/>.
/// <para>ψ: on [1, 2] a degree-23 polynomial in t = x − x₀ times t, where x₀ = 1.4616… is ψ's positive zero held in
/// two doubles (so the relative accuracy holds right up to the zero; coefficients: a Chebyshev fit of ψ(x₀+t)/t made
/// with mpmath at 60 digits, fit error 7e-19); below 1 the recurrence ψ(x) = ψ(x+1) − 1/x; on (2, 10) downward to
/// [1, 2], adding the positive terms 1/(x−k); from 10 on the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k·x²ᵏ);
/// for x &lt; 0 the reflection ψ(x) = ψ(1−x) − π·cot(πx).</para>
/// <para>ψ⁽ⁿ⁾, n ≥ 1: (−1)ⁿ⁺¹ψ⁽ⁿ⁾(x)/n! = Σₖ (x+k)⁻⁽ⁿ⁺¹⁾, a sum of positive terms: taken directly up to
/// x + m ≥ 20 + n, and from there by the asymptotic series (n−1)!/yⁿ·(1 + n/(2y) + Σ B₂ₖ·C(2k+n−1, n−1)/y²ᵏ);
/// for x &lt; 0 the reflection ψ⁽ⁿ⁾(x) = (−1)ⁿψ⁽ⁿ⁾(1−x) − πⁿ⁺¹·Pₙ(cot πx), with P₀(c) = c and
/// Pₖ₊₁(c) = −(1+c²)·Pₖ′(c) (the derivatives of cot).</para>
/// <para>Accuracy is relative for x &gt; 0; for x &lt; 0 the reflection cancels near the zeros of ψ⁽ⁿ⁾, where the
/// error is absolute (a few ulps of the reflected terms).</para>
/// </summary>
internal static class PolygammaFunction
{
    private const double X0Hi = 1.4616321449683622;
    private const double X0Lo = 9.549995429965697e-17;

    // ψ(x₀ + t)/t on t ∈ [1 − x₀, 2 − x₀], highest degree first (Horner).
    private static readonly double[] NearZero =
    [
        -8.153978973309418e-05, 0.00019426548768522768, -0.00019476490125987326, 0.00019075640343160688,
        -0.0003193696671207108, 0.0005180490833340102, -0.000747499595599249, 0.0010766128230576774,
        -0.0015749355480831084, 0.0023053483271584774, -0.0033700709071922902, 0.004926769418388227,
        -0.0072045109574719185, 0.010538791788919843, -0.015424767205798105, 0.022597648248248545,
        -0.033161126430834756, 0.04880428816323914, -0.07219956125728176, 0.10782405069127954,
        -0.16394270544239933, 0.2584997609556509, -0.44276316898359214, 0.9676722454476212,
    ];

    // Bernoulli numbers B₂, B₄, …, B₂₀.
    private static readonly double[] Bernoulli =
    [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510, 43867.0 / 798, -174611.0 / 330,
    ];

    /// <summary>ψ(x): −∞ at +0, +∞ at −0, NaN at the negative integers and −∞, +∞ at +∞, NaN for NaN.</summary>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || x == double.NegativeInfinity)
        {
            return double.NaN;
        }
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return x == 0 ? (double.IsNegative(x) ? double.PositiveInfinity : double.NegativeInfinity) : double.NaN;
            }
            return Digamma(1 - x) - Math.PI / double.TanPi(x);
        }
        if (x < 1)
        {
            return NearZeroDigamma(x + 1) - 1 / x;
        }
        if (x <= 2)
        {
            return NearZeroDigamma(x);
        }
        if (x < 10)
        {
            double sum = 0;
            while (x > 2)
            {
                x -= 1; // exact
                sum += 1 / x;
            }
            return NearZeroDigamma(x) + sum;
        }
        double z = 1 / (x * x);
        double series = z * (1.0 / 12 - z * (1.0 / 120 - z * (1.0 / 252 - z * (1.0 / 240 - z * (1.0 / 132
            - z * (691.0 / 32760 - z * (1.0 / 12 - z * (3617.0 / 8160))))))));
        return Math.Log(x) - 0.5 / x - series;
    }

    private static double NearZeroDigamma(double x)
    {
        double t = x - X0Hi - X0Lo; // x − X0Hi is exact on [1, 2] (Sterbenz)
        double p = NearZero[0];
        for (int i = 1; i < NearZero.Length; i++)
        {
            p = p * t + NearZero[i];
        }
        return t * p;
    }

    /// <summary>
    /// ψ⁽ⁿ⁾(x) for n ≥ 0 (n = 0 is <see cref="Digamma"/>, n = 1 the trigamma function). At the poles x = 0, −1, −2, …:
    /// +∞ for odd n; for even n ≥ 2, ∓∞ at ±0 and NaN at the negative integers. At +∞: 0 (n ≥ 1); at −∞ and NaN: NaN.
    /// </summary>
    public static double Polygamma(int n, double x)
    {
        if (n == 0)
        {
            return Digamma(x);
        }
        if (n < 0)
        {
            return double.NaN;
        }
        if (double.IsNaN(x) || x == double.NegativeInfinity)
        {
            return double.NaN;
        }
        bool odd = (n & 1) == 1;
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                if (odd)
                {
                    return double.PositiveInfinity;
                }
                return x == 0 ? (double.IsNegative(x) ? double.PositiveInfinity : double.NegativeInfinity) : double.NaN;
            }
            return Reflect(n, x);
        }
        if (x == double.PositiveInfinity)
        {
            return odd ? 0.0 : -0.0;
        }
        return (odd ? 1 : -1) * Factorial(n) * NormalizedSum(n, x);
    }

    /// <summary>Σₖ≥₀ (x+k)⁻⁽ⁿ⁺¹⁾ = (−1)ⁿ⁺¹ψ⁽ⁿ⁾(x)/n! for x &gt; 0, n ≥ 1.</summary>
    private static double NormalizedSum(int n, double x)
    {
        double threshold = 20 + n;
        int m = x < threshold ? (int)Math.Ceiling(threshold - x) : 0;
        double y = x + m;

        // Asymptotic tail at y: (1/(n·yⁿ))·(1 + n/(2y) + Σ B₂ₖ·rₖ), rₖ = C(2k+n−1, n−1)/y²ᵏ.
        double inverseSquare = 1 / (y * y);
        double r = 1, series = 1 + n / (2 * y);
        for (int k = 1; k <= Bernoulli.Length; k++)
        {
            r *= (2.0 * k + n - 2) * (2.0 * k + n - 1) / ((2.0 * k - 1) * (2.0 * k)) * inverseSquare;
            double term = Bernoulli[k - 1] * r;
            series += term;
            if (Math.Abs(term) < 1e-18 * series)
            {
                break;
            }
        }
        double sum = series / (n * Math.Pow(y, n));

        // The terms grow as k falls: add the smallest first.
        for (int k = m - 1; k >= 0; k--)
        {
            double t = x + k;
            sum += n == 1 ? 1 / (t * t) : Math.Pow(t, -(n + 1));
        }
        return sum;
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }
        return f;
    }

    /// <summary>ψ⁽ⁿ⁾(x) = (−1)ⁿψ⁽ⁿ⁾(1−x) − πⁿ⁺¹·Pₙ(cot πx) for a negative non-integer x.</summary>
    private static double Reflect(int n, double x)
    {
        double cot = double.CosPi(x) / double.SinPi(x);
        // Coefficients of Pₖ (degree k+1), lowest first; Pₖ₊₁ = −(1 + c²)·Pₖ′.
        Span<double> p = n + 2 <= 64 ? stackalloc double[n + 2] : new double[n + 2];
        Span<double> next = n + 2 <= 64 ? stackalloc double[n + 2] : new double[n + 2];
        p.Clear();
        p[1] = 1;
        for (int k = 0; k < n; k++)
        {
            next.Clear();
            for (int j = 1; j <= k + 1; j++)
            {
                double derivative = j * p[j]; // coefficient of c^(j−1) in Pₖ′
                next[j - 1] -= derivative;
                next[j + 1] -= derivative;
            }
            next.CopyTo(p);
        }
        double value = 0;
        for (int j = n + 1; j >= 0; j--)
        {
            value = value * cot + p[j];
        }
        double reflected = Polygamma(n, 1 - x);
        return ((n & 1) == 0 ? reflected : -reflected) - Math.Pow(Math.PI, n + 1) * value;
    }
}
