using System.Numerics;
using System.Runtime.CompilerServices;

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

    private static readonly T TwoOverSqrtPi = T.CreateTruncating(1.1283791670955126);
    private static readonly T SqrtPiOverTwo = T.CreateTruncating(0.88622692545275801);
    private static readonly T Two = T.One + T.One;
    private static readonly T Half = T.One / Two;
    private static readonly T OneAndHalf = T.One + Half;

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
        d = a > Half && a < T.One
            ? SqrtPiOverTwo * (Special.Erfc(T.Abs(x)) * Special.ExpSquare(x)) / (T.One - a)
            : SqrtPiOverTwo * Special.ExpSquare(x);
        return x;
    }

    /// <summary>(erfc⁻¹)′(q) = −√π/2·e^(x²) at x = erfc⁻¹(q); in the tails as −√π/2·erfc(±x)e^(x²)/(q or 2 − q).</summary>
    [MethodImpl(Inline)]
    public static T ErfcInv(T q, out T d)
    {
        T x = Special.ErfcInv(q);
        d = q > T.Zero && q < Half ? -(SqrtPiOverTwo * (Special.Erfc(x) * Special.ExpSquare(x)) / q)
            : q > OneAndHalf && q < Two ? -(SqrtPiOverTwo * (Special.Erfc(-x) * Special.ExpSquare(x)) / (Two - q))
            : -(SqrtPiOverTwo * Special.ExpSquare(x));
        return x;
    }

    [MethodImpl(Inline)] public static T ExpMinusSquare(T x, out T d) { T v = Special.ExpMinusSquare(x); d = -(Two * x * v); return v; }
    [MethodImpl(Inline)] public static T ExpSquare(T x, out T d) { T v = Special.ExpSquare(x); d = Two * x * v; return v; }

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
        T psiSum = Special.Digamma(a + b);
        da = v * (Special.Digamma(a) - psiSum);
        db = v * (Special.Digamma(b) - psiSum);
        return v;
    }

    /// <summary>∂ln B/∂a = ψ(a) − ψ(a+b), ∂ln B/∂b = ψ(b) − ψ(a+b).</summary>
    [MethodImpl(Inline)]
    public static T LogBeta(T a, T b, out T da, out T db)
    {
        T psiSum = Special.Digamma(a + b);
        da = Special.Digamma(a) - psiSum;
        db = Special.Digamma(b) - psiSum;
        return Special.LogBeta(a, b);
    }

    /// <summary>φ′ = −x·φ.</summary>
    [MethodImpl(Inline)] public static T NormalPdf(T x, out T d) { T v = Special.NormalPdf(x); d = -(x * v); return v; }

    /// <summary>Φ′ = φ.</summary>
    [MethodImpl(Inline)] public static T NormalCdf(T x, out T d) { d = Special.NormalPdf(x); return Special.NormalCdf(x); }

    /// <summary>(Φ⁻¹)′(p) = 1/φ(x) at x = Φ⁻¹(p), written as (Φ(x)/φ(x))/p (or with 1 − p for p ≥ ½): the Mills ratio
    /// Φ/φ hardly moves with x, where 1/φ alone would carry x²·2⁻⁵³ relative error (1.5e-13 at p = 1e-300).</summary>
    [MethodImpl(Inline)]
    public static T NormalInvCdf(T p, out T d)
    {
        T x = Special.NormalInvCdf(p);
        d = p > T.Zero && p < Half ? Special.NormalCdf(x) / Special.NormalPdf(x) / p
            : p >= Half && p < T.One ? Special.NormalCdf(-x) / Special.NormalPdf(x) / (T.One - p)
            : T.One / Special.NormalPdf(x);
        return x;
    }
}
