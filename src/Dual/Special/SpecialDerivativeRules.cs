namespace Dual;

/// <summary>
/// The derivative rules of the special functions, written once over the scalar type <typeparamref name="T"/> and
/// shared by <see cref="Dual{T}"/> and the multi-tangent dual (as <see cref="DerivativeRules{T}"/> is for the
/// elementary functions): each returns the primal value and the local derivative(s). Every derivative is itself
/// expressed through <see cref="Special"/>'s functions of <typeparamref name="T"/>, so nested duals differentiate the
/// derivative exactly again (Γ′ = Γψ, ψ⁽ⁿ⁾′ = ψ⁽ⁿ⁺¹⁾, erf′ = 2/√π·e^(−x²), …) and each level keeps the accuracy of the
/// <see cref="double"/> kernels.
/// </summary>
internal static class SpecialDerivativeRules<T> where T : IFloatingPointIeee754<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    private static readonly T TwoOverSqrtPi = T.CreateTruncating(SpecialConstants.TwoOverSqrtPi);
    private static readonly T SqrtPiOverTwo = T.CreateTruncating(SpecialConstants.SqrtPiOverTwo);
    private static readonly T OneAndHalf = T.One + Constants<T>.Half;

    [MethodImpl(Inline)] public static T Erf(T x, out T d) { d = TwoOverSqrtPi * Special.ExpMinusSquare(x); return Special.Erf(x); }
    [MethodImpl(Inline)] public static T Erfc(T x, out T d) { d = -(TwoOverSqrtPi * Special.ExpMinusSquare(x)); return Special.Erfc(x); }

    // The inverses' derivatives are reciprocals of the forward derivative at x = f⁻¹(y). Where x is large, e^(x²) at
    // the rounded x would carry 2x²·2⁻⁵³ relative error (4e-14 at erfc⁻¹(1e-100)); there the identity
    // erfc(x) = q turns e^(x²) into erfc(x)·e^(x²)/q, whose numerator (the scaled erfc) hardly moves with x.

    /// <summary>(erf⁻¹)′(y) = √π/2·e^(x²) at x = erf⁻¹(y); for |y| &gt; ½ as √π/2·erfc(|x|)e^(x²)/(1 − |y|).</summary>
    [MethodImpl(Inline)]
    public static T ErfInv(T y, out T d)
    {
        T x = Special.ErfInv(y);
        T a = T.Abs(y);
        d = a > Constants<T>.Half && a < T.One
            ? SqrtPiOverTwo * (Special.Erfc(T.Abs(x)) * Special.ExpSquare(x)) / (T.One - a)
            : SqrtPiOverTwo * Special.ExpSquare(x);
        return x;
    }

    /// <summary>(erfc⁻¹)′(q) = −√π/2·e^(x²) at x = erfc⁻¹(q); in the tails as −√π/2·erfc(±x)e^(x²)/(q or 2 − q).</summary>
    [MethodImpl(Inline)]
    public static T ErfcInv(T q, out T d)
    {
        T x = Special.ErfcInv(q);
        d = q > T.Zero && q < Constants<T>.Half ? -(SqrtPiOverTwo * (Special.Erfc(x) * Special.ExpSquare(x)) / q)
            : q > OneAndHalf && q < Constants<T>.Two ? -(SqrtPiOverTwo * (Special.Erfc(-x) * Special.ExpSquare(x)) / (Constants<T>.Two - q))
            : -(SqrtPiOverTwo * Special.ExpSquare(x));
        return x;
    }

    [MethodImpl(Inline)] public static T ExpMinusSquare(T x, out T d) { T v = Special.ExpMinusSquare(x); d = T.IsInfinity(x) ? T.Zero : -(Constants<T>.Two * x * v); return v; } // at ±∞ the limit 0, not ∞·0
    [MethodImpl(Inline)] public static T ExpSquare(T x, out T d) { T v = Special.ExpSquare(x); d = Constants<T>.Two * x * v; return v; }

    /// <summary>Γ′ = Γ·ψ.</summary>
    [MethodImpl(Inline)] public static T Gamma(T x, out T d) { T v = Special.Gamma(x); d = v * Special.Digamma(x); return v; }

    /// <summary>(ln|Γ|)′ = ψ.</summary>
    [MethodImpl(Inline)] public static T LogGamma(T x, out T d) { d = Special.Digamma(x); return Special.LogGamma(x); }

    /// <summary>(ψ⁽ⁿ⁾)′ = ψ⁽ⁿ⁺¹⁾.</summary>
    [MethodImpl(Inline)] public static T Polygamma(int n, T x, out T d) { d = Special.Polygamma(n + 1, x); return Special.Polygamma(n, x); }

    /// <summary>∂B/∂a = B·(ψ(a) − ψ(a+b)), ∂B/∂b = B·(ψ(b) − ψ(a+b)).</summary>
    [MethodImpl(Inline)]
    public static T Beta(T a, T b, out T da, out T db)
    {
        T v = Special.Beta(a, b);
        da = v * DigammaDifference(a, b);
        db = v * DigammaDifference(b, a);
        return v;
    }

    /// <summary>∂ln B/∂a = ψ(a) − ψ(a+b), ∂ln B/∂b = ψ(b) − ψ(a+b).</summary>
    [MethodImpl(Inline)]
    public static T LogBeta(T a, T b, out T da, out T db)
    {
        da = DigammaDifference(a, b);
        db = DigammaDifference(b, a);
        return Special.LogBeta(a, b);
    }

    /// <summary>φ′ = −x·φ.</summary>
    private static readonly T AsymptoticFrom = T.CreateTruncating(20);
    private static readonly T C12 = T.One / T.CreateTruncating(12);
    private static readonly T C120 = T.One / T.CreateTruncating(120);
    private static readonly T C252 = T.One / T.CreateTruncating(252);
    private static readonly T C240 = T.One / T.CreateTruncating(240);
    private static readonly T C132 = T.One / T.CreateTruncating(132);

    // ψ(a) − ψ(a + b), the partial ∂/∂a of ln B(a, b). Written plainly it cancels where b is small against a: each ψ
    // carries an error of an ulp of ψ ≈ ln a while the difference is ≈ −b/a (at a = 1e8, b = 1 it kept 6 digits, at
    // a = 1e17 it was 0). For a, a + b > 0 it is built from terms of one sign: the recurrence ψ(x) = ψ(x + 1) − 1/x
    // moves both arguments to ≥ 20, adding −b/(a·c) per step, and there the asymptotic series is differenced term by
    // term, each term from D = 1/a − 1/c = b·(1/a)·(1/c) (no subtraction): ln a − ln c = −ln(1 + b/a), and u²ᵏ − w²ᵏ
    // factored through D (the first omitted term is below 1e-16 relative from 20 on).
    private static T DigammaDifference(T a, T b)
    {
        T c = a + b;
        if (T.IsPositiveInfinity(a) && T.IsFinite(b))
        {
            return -b / a; // the limit −b/a → ∓0 (∞ − ∞ in the plain form)
        }
        if (!(a > T.Zero && c > T.Zero && T.IsFinite(a) && T.IsFinite(c)))
        {
            return Special.Digamma(a) - Special.Digamma(c);
        }
        T shifted = T.Zero;
        while (a < AsymptoticFrom || c < AsymptoticFrom)
        {
            shifted -= b / c / a;
            a += T.One;
            c += T.One;
        }
        T u = T.One / a;
        T w = T.One / c;
        T d = b * u * w;
        T u2 = u * u;
        T w2 = w * w;
        T sum = u + w;
        T series = Constants<T>.Half * d
            + C12 * d * sum
            - C120 * d * sum * (u2 + w2)
            + C252 * d * sum * (u2 * u2 + u2 * w2 + w2 * w2)
            - C240 * d * sum * (u2 + w2) * (u2 * u2 + w2 * w2)
            + C132 * d * sum * (u2 * u2 * u2 * u2 + u2 * u2 * u2 * w2 + u2 * u2 * w2 * w2 + u2 * w2 * w2 * w2 + w2 * w2 * w2 * w2);
        return shifted - LogOnePlus(b * u) - series;
    }

    // ln(1 + x) accurate for small x (T.LogP1 is Log(1 + x) in .NET, which returns 0 for |x| < 2⁻⁵³): Goldberg's
    // ln(t)·x/(t − 1) with t = 1 + x rounded. The zero test reads the primal only (a nested dual's == reads the tangent).
    private static T LogOnePlus(T x)
    {
        T t = T.One + x;
        T m = t - T.One;
        return !(m < T.Zero) && !(m > T.Zero) ? x : T.Log(t) * (x / m);
    }

    [MethodImpl(Inline)] public static T NormalPdf(T x, out T d) { T v = Special.NormalPdf(x); d = T.IsInfinity(x) ? T.Zero : -(x * v); return v; } // at ±∞ the limit 0, not ∞·0

    /// <summary>Φ′ = φ.</summary>
    [MethodImpl(Inline)] public static T NormalCdf(T x, out T d) { d = Special.NormalPdf(x); return Special.NormalCdf(x); }

    /// <summary>(Φ⁻¹)′(p) = 1/φ(x) at x = Φ⁻¹(p), written as (Φ(x)/φ(x))/p (or with 1 − p for p ≥ ½): the Mills ratio
    /// Φ/φ hardly moves with x, where 1/φ alone would carry x²·2⁻⁵³ relative error (1.5e-13 at p = 1e-300).</summary>
    [MethodImpl(Inline)]
    public static T NormalInvCdf(T p, out T d)
    {
        T x = Special.NormalInvCdf(p);
        d = p > T.Zero && p < Constants<T>.Half ? Special.NormalCdf(x) / Special.NormalPdf(x) / p
            : p >= Constants<T>.Half && p < T.One ? Special.NormalCdf(-x) / Special.NormalPdf(x) / (T.One - p)
            : T.One / Special.NormalPdf(x);
        return x;
    }
}
