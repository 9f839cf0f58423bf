namespace Dual;

/// <summary>
/// Γ(x) and ln|Γ(x)| in <see cref="double"/>.
/// <para>Γ follows musl's <c>tgamma.c</c> (MIT licence; "most ideas and constants are from boost and python"): the
/// Lanczos approximation with g ≈ 6.0247 and N = 12 (Boost's lanczos13m53) as a rational function S(x),
/// Γ(x) = S(x)·e^(−y)·y^(x−½) with y = x + g − ½, the rounding of y corrected to first order, the power split in two
/// halves so that it cannot overflow before the product does, and the reflection formula for x &lt; 0. Integers up to
/// 23 return the exact factorial.</para>
/// <para>ln|Γ| follows FreeBSD's <c>e_lgamma_r.c</c> (via musl): "Copyright (C) 1993 by Sun Microsystems, Inc. All rights
/// reserved. Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute
/// this software is freely granted, provided that this notice is preserved." Polynomial and rational approximations
/// about the zeros 1 and 2 and the minimum 1.4616…, reduction to [2, 3] below 8, Stirling's series above, and the
/// reflection formula for x &lt; 0.</para>
/// </summary>
internal static class GammaFunction
{
    private const double GammaMinusHalf = 5.524680040776729583740234375;

    private static readonly double[] LanczosNumerator =
    [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];

    // x(x+1)…(x+11) expanded: the denominator of the Lanczos sum as one rational function.
    private static readonly double[] LanczosDenominator = [0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1];

    private static readonly double[] Factorials =
    [
        1, 1, 2, 6, 24, 120, 720, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
        479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0,
        355687428096000.0, 6402373705728000.0, 121645100408832000.0,
        2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
    ];

    /// <summary>
    /// Γ(x): ±∞ at ±0 (the sign of the zero), NaN at the negative integers and −∞ (poles with no signed limit),
    /// +∞ from 171.62 on (overflow), ±0 below −184 (underflow, sign of Γ), NaN for NaN.
    /// </summary>
    public static double Gamma(double x)
    {
        if (!double.IsFinite(x))
        {
            return x + double.PositiveInfinity; // +∞ ↦ +∞; −∞ and NaN ↦ NaN
        }
        double ax = Math.Abs(x);
        if (ax < 5.551115123125783e-17 /* 2^-54 */)
        {
            return 1 / x; // Γ(x) = 1/x − γ + O(x): 1/x is correctly rounded here, and ±∞ at ±0
        }
        if (x == Math.Floor(x))
        {
            if (x < 0)
            {
                return double.NaN;
            }
            if (x <= Factorials.Length)
            {
                return Factorials[(int)x - 1];
            }
        }
        if (ax >= 184)
        {
            if (x < 0)
            {
                // Γ alternates in sign between the poles: positive on (−2k, −2k+1)... the sign of sin(πx) decides.
                return Math.Floor(x) * 0.5 == Math.Floor(x * 0.5) ? 0.0 : -0.0;
            }
            return double.PositiveInfinity;
        }

        // y = |x| + g − ½ rounds; dy is its rounding error, folded back in to first order below.
        double y = ax + GammaMinusHalf;
        double dy = ax > GammaMinusHalf ? y - ax - GammaMinusHalf : y - GammaMinusHalf - ax;
        double z = ax - 0.5;
        double r = LanczosSum(ax) * Math.Exp(-y);
        if (x < 0)
        {
            // Reflection: Γ(x)·Γ(−x) = −π/(x·sin(πx)); SinPi is exact in its argument reduction.
            r = -Math.PI / (double.SinPi(ax) * ax * r);
            dy = -dy;
            z = -z;
        }
        r += dy * (GammaMinusHalf + 0.5) * r / y;
        double half = Math.Pow(y, 0.5 * z);
        return r * half * half;
    }

    private static double LanczosSum(double x)
    {
        double num = 0, den = 0;
        if (x < 8)
        {
            for (int i = LanczosNumerator.Length - 1; i >= 0; i--)
            {
                num = num * x + LanczosNumerator[i];
                den = den * x + LanczosDenominator[i];
            }
        }
        else
        {
            for (int i = 0; i < LanczosNumerator.Length; i++)
            {
                num = num / x + LanczosNumerator[i];
                den = den / x + LanczosDenominator[i];
            }
        }
        return num / den;
    }

    private const double A0 = 7.72156649015328655494e-02, A1 = 3.22467033424113591611e-01, A2 = 6.73523010531292681824e-02,
        A3 = 2.05808084325167332806e-02, A4 = 7.38555086081402883957e-03, A5 = 2.89051383673415629091e-03,
        A6 = 1.19270763183362067845e-03, A7 = 5.10069792153511336608e-04, A8 = 2.20862790713908385557e-04,
        A9 = 1.08011567247583939954e-04, A10 = 2.52144565451257326939e-05, A11 = 4.48640949618915160150e-05;
    private const double Tc = 1.46163214496836224576e+00, Tf = -1.21486290535849611461e-01, Tt = -3.63867699703950536541e-18;
    private const double T0 = 4.83836122723810047042e-01, T1 = -1.47587722994593911752e-01, T2 = 6.46249402391333854778e-02,
        T3 = -3.27885410759859649565e-02, T4 = 1.79706750811820387126e-02, T5 = -1.03142241298341437450e-02,
        T6 = 6.10053870246291332635e-03, T7 = -3.68452016781138256760e-03, T8 = 2.25964780900612472250e-03,
        T9 = -1.40346469989232843813e-03, T10 = 8.81081882437654011382e-04, T11 = -5.38595305356740546715e-04,
        T12 = 3.15632070903625950361e-04, T13 = -3.12754168375120860518e-04, T14 = 3.35529192635519073543e-04;
    private const double U0 = -7.72156649015328655494e-02, U1 = 6.32827064025093366517e-01, U2 = 1.45492250137234768737e+00,
        U3 = 9.77717527963372745603e-01, U4 = 2.28963728064692451092e-01, U5 = 1.33810918536787660377e-02;
    private const double V1 = 2.45597793713041134822e+00, V2 = 2.12848976379893395361e+00, V3 = 7.69285150456672783825e-01,
        V4 = 1.04222645593369134254e-01, V5 = 3.21709242282423911810e-03;
    private const double S0 = -7.72156649015328655494e-02, S1 = 2.14982415960608852501e-01, S2 = 3.25778796408930981787e-01,
        S3 = 1.46350472652464452805e-01, S4 = 2.66422703033638609560e-02, S5 = 1.84028451407337715652e-03,
        S6 = 3.19475326584100867617e-05;
    private const double R1 = 1.39200533467621045958e+00, R2 = 7.21935547567138069525e-01, R3 = 1.71933865632803078993e-01,
        R4 = 1.86459191715652901344e-02, R5 = 7.77942496381893596434e-04, R6 = 7.32668430744625636189e-06;
    private const double W0 = 4.18938533204672725052e-01, W1 = 8.33333333333329678849e-02, W2 = -2.77777777728775536470e-03,
        W3 = 7.93650558643019558500e-04, W4 = -5.95187557450339963135e-04, W5 = 8.36339918996282139126e-04,
        W6 = -1.63092934096575273989e-03;

    /// <summary>The double whose high 32 bits are <paramref name="word"/> and low bits zero (fdlibm's interval ends).</summary>
    private static double HighWord(uint word) => BitConverter.Int64BitsToDouble((long)word << 32);

    /// <summary>
    /// ln|Γ(x)|: +∞ at 0, at the negative integers and at ±∞; NaN for NaN. (MathNet's <c>GammaLn</c> is ln Γ,
    /// NaN where Γ &lt; 0; this is the C library's <c>lgamma</c>.)
    /// </summary>
    public static double LogGamma(double x)
    {
        if (!double.IsFinite(x))
        {
            return x * x;
        }
        double ax = Math.Abs(x);
        if (ax < 8.470329472543003e-22 /* 2^-70 */)
        {
            return -Math.Log(ax);
        }
        double nadj = 0;
        if (x < 0)
        {
            double t = double.SinPi(ax);
            if (t == 0)
            {
                return double.PositiveInfinity;
            }
            nadj = Math.Log(Math.PI / Math.Abs(t * ax));
        }
        double r;
        if (ax == 1 || ax == 2)
        {
            r = 0;
        }
        else if (ax < 2)
        {
            double y;
            int i;
            if (ax < HighWord(0x3FECCCCD))
            {
                r = -Math.Log(ax); // lgamma(x) = lgamma(x+1) − log(x)
                if (ax >= HighWord(0x3FE76944))
                {
                    y = 1.0 - ax;
                    i = 0;
                }
                else if (ax >= HighWord(0x3FCDA661))
                {
                    y = ax - (Tc - 1.0);
                    i = 1;
                }
                else
                {
                    y = ax;
                    i = 2;
                }
            }
            else
            {
                r = 0.0;
                if (ax >= HighWord(0x3FFBB4C3))
                {
                    y = 2.0 - ax;
                    i = 0;
                }
                else if (ax >= HighWord(0x3FF3B4C4))
                {
                    y = ax - Tc;
                    i = 1;
                }
                else
                {
                    y = ax - 1.0;
                    i = 2;
                }
            }
            switch (i)
            {
                case 0:
                {
                    double z = y * y;
                    double p1 = A0 + z * (A2 + z * (A4 + z * (A6 + z * (A8 + z * A10))));
                    double p2 = z * (A1 + z * (A3 + z * (A5 + z * (A7 + z * (A9 + z * A11)))));
                    double p = y * p1 + p2;
                    r += p - 0.5 * y;
                    break;
                }
                case 1:
                {
                    double z = y * y;
                    double w = z * y;
                    double p1 = T0 + w * (T3 + w * (T6 + w * (T9 + w * T12)));
                    double p2 = T1 + w * (T4 + w * (T7 + w * (T10 + w * T13)));
                    double p3 = T2 + w * (T5 + w * (T8 + w * (T11 + w * T14)));
                    double p = z * p1 - (Tt - w * (p2 + y * p3));
                    r += Tf + p;
                    break;
                }
                default:
                {
                    double p1 = y * (U0 + y * (U1 + y * (U2 + y * (U3 + y * (U4 + y * U5)))));
                    double p2 = 1.0 + y * (V1 + y * (V2 + y * (V3 + y * (V4 + y * V5))));
                    r += -0.5 * y + p1 / p2;
                    break;
                }
            }
        }
        else if (ax < 8)
        {
            int i = (int)ax;
            double y = ax - i;
            double p = y * (S0 + y * (S1 + y * (S2 + y * (S3 + y * (S4 + y * (S5 + y * S6))))));
            double q = 1.0 + y * (R1 + y * (R2 + y * (R3 + y * (R4 + y * (R5 + y * R6)))));
            r = 0.5 * y + p / q;
            double z = 1.0; // lgamma(1+s) = log(s) + lgamma(s)
            for (int k = i - 1; k >= 2; k--)
            {
                z *= y + k;
            }
            if (i >= 3)
            {
                r += Math.Log(z);
            }
        }
        else if (ax < 2.8823037615171174e17 /* 2^58 */)
        {
            double t = Math.Log(ax);
            double z = 1.0 / ax;
            double y = z * z;
            double w = W0 + z * (W1 + y * (W2 + y * (W3 + y * (W4 + y * (W5 + y * W6)))));
            r = (ax - 0.5) * (t - 1.0) + w;
        }
        else
        {
            r = ax * (Math.Log(ax) - 1.0);
        }
        return x < 0 ? nadj - r : r;
    }
}
