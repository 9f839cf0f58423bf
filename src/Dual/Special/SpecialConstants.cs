namespace Dual;

/// <summary>The constants that the special functions' <see cref="double"/> kernels and their derivative rules share,
/// each written once.</summary>
internal static class SpecialConstants
{
    /// <summary>2/√π: erf′(x) = 2/√π·e^(−x²).</summary>
    public const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>√π/2: (erf⁻¹)′(y) = √π/2·e^(x²) at x = erf⁻¹(y).</summary>
    public const double SqrtPiOverTwo = 0.88622692545275801365;

    /// <summary>√2: Φ(x) = ½·erfc(−x/√2) and Φ⁻¹(p) = −√2·erfc⁻¹(2p).</summary>
    public const double Sqrt2 = 1.4142135623730951;
}
