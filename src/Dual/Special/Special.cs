namespace Dual;

/// <summary>
/// Special functions with exact derivatives for generic-math code: the error function and its inverses, Γ, ln|Γ|,
/// digamma, trigamma and polygamma, the beta function, and the standard normal density, distribution function and
/// quantile. Each is a plain generic method <c>T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c>, so the same
/// call serves <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>, <see cref="Dual{T}"/>,
/// <see cref="Dual{T, TTangents}"/> and nested duals (for higher derivatives), and <c>[Differentiable]</c> code that calls
/// it is differentiated by the generator like any generic-math call.
/// </summary>
/// <remarks>
/// <para><b>Accuracy.</b> The <see cref="double"/> kernels are accurate to a few ulps (tested against a 200-plus-bit
/// oracle, and against MathNet.Numerics, tails included: erfc to its underflow at 27, Φ(−37), Φ⁻¹ near 0 and 1, Γ near
/// its poles and up to its overflow at 171.6, ln Γ to 1e300). <see cref="float"/> and <see cref="Half"/> are computed in
/// double and rounded once. On duals the value is that of the scalar function, bit for bit, and the derivative is the
/// closed form (erf′ = 2/√π·e^(−x²), Γ′ = Γψ, ψ⁽ⁿ⁾′ = ψ⁽ⁿ⁺¹⁾, (Φ⁻¹)′ = 1/φ(Φ⁻¹), …), itself evaluated by these
/// functions, so the second derivative of a <c>Dual&lt;Dual&lt;double&gt;&gt;</c> is exact too.</para>
/// <para><b>Special values</b> follow IEEE 754 and the C library (NaN in, NaN out): erf(±∞) = ±1, erfc(−∞) = 2,
/// erf⁻¹(±1) = ±∞, Γ(±0) = ±∞, Γ(negative integer) = NaN, ln|Γ| = +∞ at the poles, ψ(±0) = ∓∞ and NaN at the negative
/// integers, Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞; arguments outside a function's domain give NaN. Each method documents its own.</para>
/// <para><b>Cost.</b> For <see cref="double"/>, <see cref="float"/> and <see cref="Half"/> the type test is folded away by
/// the JIT: a direct call, no allocation. For a dual type, one virtual call through an operations object made once per type.
/// Types other than these throw <see cref="NotSupportedException"/> (rather than drop a derivative).</para>
/// <para>The class is named <c>Special</c> so that it can be used next to <c>MathNet.Numerics.SpecialFunctions</c>
/// (<c>using Dual; using MathNet.Numerics;</c>) without ambiguity.</para>
/// </remarks>
public static class Special
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt; derivative 2/√π·e^(−x²).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>erf(x) ∈ [−1, 1]; ±1 at ±∞.</returns>
    [MethodImpl(Inline)]
    public static T Erf<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(ErrorFunction.Erf(Scalar.To(x))) : SpecialOps<T>.Instance.Erf(x);

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), with full relative accuracy in the upper tail
    /// (erfc(26) ≈ 5.7e-296; it underflows past 27.2); derivative −2/√π·e^(−x²).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>erfc(x) ∈ [0, 2]; 0 at +∞, 2 at −∞.</returns>
    [MethodImpl(Inline)]
    public static T Erfc<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(ErrorFunction.Erfc(Scalar.To(x))) : SpecialOps<T>.Instance.Erfc(x);

    /// <summary>The inverse error function: erf(ErfInv(y)) = y; derivative √π/2·e^(x²) at x = ErfInv(y).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="y">The argument, −1 ≤ y ≤ 1.</param>
    /// <returns>erf⁻¹(y); ±∞ at ±1, NaN for |y| &gt; 1.</returns>
    [MethodImpl(Inline)]
    public static T ErfInv<T>(T y) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(InverseErrorFunction.ErfInv(Scalar.To(y))) : SpecialOps<T>.Instance.ErfInv(y);

    /// <summary>The inverse complementary error function: erfc(ErfcInv(q)) = q, accurate for tiny q (where
    /// <c>ErfInv(1 − q)</c> would lose everything to the rounding of 1 − q); derivative −√π/2·e^(x²).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="q">The argument, 0 ≤ q ≤ 2.</param>
    /// <returns>erfc⁻¹(q); +∞ at 0, −∞ at 2, NaN outside [0, 2].</returns>
    [MethodImpl(Inline)]
    public static T ErfcInv<T>(T q) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(InverseErrorFunction.ErfcInv(Scalar.To(q))) : SpecialOps<T>.Instance.ErfcInv(q);

    /// <summary>The gamma function Γ(x); derivative Γ(x)·ψ(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>Γ(x): ±∞ at ±0, NaN at the negative integers and at −∞, +∞ from x ≈ 171.62 on (overflow), ±0 below −184
    /// (underflow, with Γ's sign); exact factorials for the integers 1…23.</returns>
    [MethodImpl(Inline)]
    public static T Gamma<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(GammaFunction.Gamma(Scalar.To(x))) : SpecialOps<T>.Instance.Gamma(x);

    /// <summary>ln|Γ(x)| (the C library's <c>lgamma</c>; MathNet's <c>GammaLn</c> is ln Γ and NaN where Γ &lt; 0);
    /// derivative ψ(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>ln|Γ(x)|: +∞ at 0, at the negative integers and at ±∞. Near its zeros at x &lt; 0 the accuracy is absolute
    /// rather than relative (the reflection formula cancels there).</returns>
    [MethodImpl(Inline)]
    public static T LogGamma<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(GammaFunction.LogGamma(Scalar.To(x))) : SpecialOps<T>.Instance.LogGamma(x);

    /// <summary>The digamma function ψ(x) = Γ′(x)/Γ(x); derivative ψ₁(x) (<see cref="Trigamma{T}"/>).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>ψ(x): −∞ at +0, +∞ at −0, NaN at the negative integers and −∞, +∞ at +∞. Relative accuracy holds through
    /// the positive zero 1.4616…; near the zeros at x &lt; 0 it is absolute.</returns>
    [MethodImpl(Inline)]
    public static T Digamma<T>(T x) where T : IFloatingPointIeee754<T> => Polygamma(0, x);

    /// <summary>The trigamma function ψ₁(x) = ψ′(x) = Σₖ 1/(x+k)²; derivative ψ₂(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>ψ₁(x): +∞ at 0 and the negative integers, 0 at +∞, NaN at −∞.</returns>
    [MethodImpl(Inline)]
    public static T Trigamma<T>(T x) where T : IFloatingPointIeee754<T> => Polygamma(1, x);

    /// <summary>The polygamma function ψ⁽ⁿ⁾(x) = dⁿψ/dxⁿ (n = 0: digamma, n = 1: trigamma); derivative ψ⁽ⁿ⁺¹⁾(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="n">The order, n ≥ 0 (NaN for n &lt; 0).</param>
    /// <param name="x">The argument.</param>
    /// <returns>ψ⁽ⁿ⁾(x). At the poles 0, −1, −2, …: +∞ for odd n; for even n ≥ 2, ∓∞ at ±0 and NaN at the negative integers.</returns>
    [MethodImpl(Inline)]
    public static T Polygamma<T>(int n, T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(PolygammaFunction.Polygamma(n, Scalar.To(x))) : SpecialOps<T>.Instance.Polygamma(n, x);

    /// <summary>The beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) for a, b &gt; 0; ∂B/∂a = B·(ψ(a) − ψ(a+b)).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="a">The first argument, a &gt; 0.</param>
    /// <param name="b">The second argument, b &gt; 0.</param>
    /// <returns>B(a, b); 0 when either argument is +∞, NaN when either is ≤ 0 or NaN.</returns>
    [MethodImpl(Inline)]
    public static T Beta<T>(T a, T b) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(BetaFunction.Beta(Scalar.To(a), Scalar.To(b))) : SpecialOps<T>.Instance.Beta(a, b);

    /// <summary>ln B(a, b) for a, b &gt; 0, without overflow for large arguments; ∂/∂a = ψ(a) − ψ(a+b).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="a">The first argument, a &gt; 0.</param>
    /// <param name="b">The second argument, b &gt; 0.</param>
    /// <returns>ln B(a, b); −∞ when either argument is +∞, NaN when either is ≤ 0 or NaN.</returns>
    [MethodImpl(Inline)]
    public static T LogBeta<T>(T a, T b) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(BetaFunction.LogBeta(Scalar.To(a), Scalar.To(b))) : SpecialOps<T>.Instance.LogBeta(a, b);

    /// <summary>The standard normal density φ(x) = e^(−x²/2)/√(2π); derivative −x·φ(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>φ(x); 0 at ±∞.</returns>
    [MethodImpl(Inline)]
    public static T NormalPdf<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(NormalDistribution.Pdf(Scalar.To(x))) : SpecialOps<T>.Instance.NormalPdf(x);

    /// <summary>The standard normal distribution function Φ(x) = ½·erfc(−x/√2), with full relative accuracy in the lower
    /// tail (Φ(−37) ≈ 5.7e-300); derivative φ(x).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>Φ(x) ∈ [0, 1]; 0 at −∞, 1 at +∞.</returns>
    [MethodImpl(Inline)]
    public static T NormalCdf<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(NormalDistribution.Cdf(Scalar.To(x))) : SpecialOps<T>.Instance.NormalCdf(x);

    /// <summary>The standard normal quantile Φ⁻¹(p) (inverse distribution function, probit); derivative 1/φ(Φ⁻¹(p)).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="p">The probability, 0 ≤ p ≤ 1.</param>
    /// <returns>Φ⁻¹(p); −∞ at 0, +∞ at 1, NaN outside [0, 1].</returns>
    [MethodImpl(Inline)]
    public static T NormalInvCdf<T>(T p) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(NormalDistribution.InvCdf(Scalar.To(p))) : SpecialOps<T>.Instance.NormalInvCdf(p);

    /// <summary>e^(−x²), accurate for large |x| (x² split exactly); used by the derivative rules.</summary>
    [MethodImpl(Inline)]
    internal static T ExpMinusSquare<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(ErrorFunction.ExpMinusSquare(Scalar.To(x))) : SpecialOps<T>.Instance.ExpMinusSquare(x);

    /// <summary>e^(x²), accurate for large |x| (x² split exactly); used by the derivative rules.</summary>
    [MethodImpl(Inline)]
    internal static T ExpSquare<T>(T x) where T : IFloatingPointIeee754<T> =>
        Scalar.Is<T>() ? Scalar.From<T>(ErrorFunction.ExpSquare(Scalar.To(x))) : SpecialOps<T>.Instance.ExpSquare(x);

    /// <summary>The IEEE scalars computed by the <see cref="double"/> kernels; the type tests fold away per instantiation.</summary>
    private static class Scalar
    {
        [MethodImpl(Inline)]
        public static bool Is<T>() => typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half);

        [MethodImpl(Inline)]
        public static double To<T>(T x)
        {
            if (typeof(T) == typeof(double))
            {
                return Unsafe.As<T, double>(ref x);
            }
            if (typeof(T) == typeof(float))
            {
                return Unsafe.As<T, float>(ref x);
            }
            return (double)Unsafe.As<T, Half>(ref x);
        }

        [MethodImpl(Inline)]
        public static T From<T>(double value)
        {
            if (typeof(T) == typeof(double))
            {
                return Unsafe.As<double, T>(ref value);
            }
            if (typeof(T) == typeof(float))
            {
                float single = (float)value;
                return Unsafe.As<float, T>(ref single);
            }
            Half half = (Half)value;
            return Unsafe.As<Half, T>(ref half);
        }
    }
}
