namespace Dual;

/// <summary>
/// erf⁻¹ and erfc⁻¹ in <see cref="double"/>: a starting value good to about 1e-4, then Halley steps on erf (|y| ≤ ½)
/// or on erfc (the tails, where 1 − |y| is exact and erfc keeps full relative accuracy). Halley's step for
/// f = erf(x) − y, with f″ = −2x·f′, is f/(f′ + x·f); it triples the correct digits, so two or three steps reach
/// the accuracy of erf/erfc themselves.
/// </summary>
internal static class InverseErrorFunction
{
    private const int MaxSteps = 6;

    // Halley's error falls as e' ≈ K·e³ with |K| = (x² + 1)/3 here (f″ = −2x·f′, f‴ = (4x² − 2)·f′): once a step is below
    // 1e-8·|x| the next error is below 3e-25·x⁵ < 2e-19·|x| even at x = 27, so no further step (and no erf/erfc
    // evaluation just to confirm convergence) is needed.
    private const double ConvergedStep = 1e-8;

    /// <summary>erf⁻¹(y) for −1 ≤ y ≤ 1: ±∞ at ±1, NaN outside or for NaN; odd (−0 ↦ −0).</summary>
    public static double ErfInv(double y)
    {
        double a = Math.Abs(y);
        if (!(a < 1))
        {
            return a == 1 ? double.CopySign(double.PositiveInfinity, y) : double.NaN;
        }
        if (a <= 0.5)
        {
            return ErfInvCentral(y);
        }
        double r = ErfcInvTail(1 - a); // exact: Sterbenz, ½ ≤ a < 1
        return y < 0 ? -r : r;
    }

    /// <summary>erfc⁻¹(q) for 0 ≤ q ≤ 2: +∞ at 0, −∞ at 2, NaN outside or for NaN.</summary>
    public static double ErfcInv(double q)
    {
        if (!(q > 0 && q < 2))
        {
            return q == 0 ? double.PositiveInfinity : q == 2 ? double.NegativeInfinity : double.NaN;
        }
        if (q < 0.5)
        {
            return ErfcInvTail(q);
        }
        if (q <= 1.5)
        {
            return ErfInvCentral(1 - q); // exact: Sterbenz
        }
        return -ErfcInvTail(2 - q); // exact: Sterbenz
    }

    /// <summary>erf⁻¹(y) for |y| ≤ ½: the Maclaurin series to y⁷ (error ≈ 1e-4 at ½), then Halley on erf.</summary>
    private static double ErfInvCentral(double y)
    {
        double y2 = y * y;
        // √π/2·(y + (π/12)y³ + (7π²/480)y⁵ + (127π³/40320)y⁷)
        double x = SpecialConstants.SqrtPiOverTwo * y * (1 + y2 * (0.26179938779914941 + y2 * (0.14393173084921979 + y2 * 0.097663619507239)));
        for (int i = 0; i < MaxSteps; i++)
        {
            double f = ErrorFunction.Erf(x) - y;
            double step = f / (SpecialConstants.TwoOverSqrtPi * ErrorFunction.ExpMinusSquare(x) + x * f);
            x -= step;
            if (!(Math.Abs(step) > ConvergedStep * Math.Abs(x)))
            {
                break;
            }
        }
        return x;
    }

    /// <summary>
    /// erfc⁻¹(q) for 0 &lt; q &lt; ½: Abramowitz and Stegun 26.2.23 for the normal quantile (|error| &lt; 4.5e-4) as the
    /// start, then Halley on erfc, whose relative accuracy in the tail makes the result accurate to a few ulps.
    /// </summary>
    private static double ErfcInvTail(double q)
    {
        // Upper normal quantile z with Q(z) = q/2, erfc⁻¹(q) = z/√2. ln(q/2) as ln q − ln 2: q/2 may underflow.
        double t = Math.Sqrt(-2 * (Math.Log(q) - 0.69314718055994531));
        double z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
        double x = z / SpecialConstants.Sqrt2;
        for (int i = 0; i < MaxSteps; i++)
        {
            double f = ErrorFunction.Erfc(x) - q;
            // erfc′ = −2/√π·e^(−x²); Halley with f″ = −2x·f′.
            double derivative = -SpecialConstants.TwoOverSqrtPi * ErrorFunction.ExpMinusSquare(x);
            double denominator = derivative + x * f;
            if (denominator == 0)
            {
                break; // deep in the subnormals e^(−x²) vanishes: keep the current estimate
            }
            double step = f / denominator;
            x -= step;
            if (!(Math.Abs(step) > ConvergedStep * Math.Abs(x)))
            {
                break;
            }
        }
        return x;
    }
}
