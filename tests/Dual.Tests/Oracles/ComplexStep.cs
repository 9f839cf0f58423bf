using System;
using System.Numerics;

namespace Dual.Tests.Oracles;

/// <summary>
/// The complex-step derivative f′(x) ≈ Im f(x + ih)/h with h = 1e-20: no subtractive cancellation, so for an analytic
/// f evaluated in complex arithmetic it is accurate to round-off — an oracle independent of both the dual numbers and
/// finite differences.
/// </summary>
public static class ComplexStep
{
    /// <summary>The imaginary step.</summary>
    public const double H = 1e-20;

    /// <summary>Im f(x + iH)/H.</summary>
    public static double Derivative(Func<Complex, Complex> f, double x) => f(new Complex(x, H)).Imaginary / H;

    /// <summary>
    /// arctan z = asin(z/√(1+z²)) for real-part-dominated z, written in operations that keep the tiny imaginary part
    /// (System.Numerics' own Complex.Atan cancels it away).
    /// </summary>
    public static Complex Atan(Complex z) => Complex.Asin(z / Complex.Sqrt(1 + z * z));

    /// <summary>zⁿ by repeated multiplication (Complex.Pow goes through the polar form, whose angle π loses the
    /// tiny imaginary part for a negative real part).</summary>
    public static Complex PowInt(Complex z, int n)
    {
        Complex r = Complex.One;
        for (int i = 0; i < Math.Abs(n); i++)
        {
            r *= z;
        }
        return n < 0 ? 1 / r : r;
    }

    /// <summary>π·z with the real part first reduced exactly modulo 2, so that sin(π·z) and cos(π·z) keep
    /// SinPi/CosPi's accuracy near their zeros instead of the rounding error of π·x for large x.</summary>
    public static Complex PiTimes(Complex z)
    {
        double reduced = z.Real - 2 * Math.Round(z.Real / 2);
        return new Complex(Math.PI * reduced, Math.PI * z.Imaginary);
    }
}
