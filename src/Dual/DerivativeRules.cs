using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual;

/// <summary>
/// The derivative rules, written once over the scalar type and shared by <see cref="Dual{T}"/> and
/// the multi-tangent dual: each returns the primal value (always <typeparamref name="T"/>'s own
/// function, bit for bit) and the local derivative(s) by which the incoming tangents are scaled.
/// </summary>
/// <remarks>
/// Conventions at non-differentiable points follow JAX (see docs/design.md): Abs, Sign, Relu and the
/// rounding functions have derivative 0 at their kinks; Min/Max at a tie split the tangent evenly; Sqrt,
/// Cbrt and RootN at 0 give an infinite derivative (so a zero tangent becomes NaN, per IEEE 0·∞);
/// Hypot at the origin gives 0. Everything here stays free of exceptions and conversions so that the same
/// code can be compiled by ILGPU.
/// </remarks>
internal static class DerivativeRules<T> where T : IFloatingPointIeee754<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] public static T Sqrt(T x, out T d) { T v = T.Sqrt(x); d = Constants<T>.Half / v; return v; }
    [MethodImpl(Inline)] public static T Cbrt(T x, out T d) { T v = T.Cbrt(x); d = T.One / (Constants<T>.Three * v * v); return v; }
    // v/(n·x) is 0/0 at x = 0: there the derivative is +∞ for n ≥ 2 (as Sqrt and Cbrt give) and 1 for n = 1.
    [MethodImpl(Inline)]
    public static T RootN(T x, int n, T nAsT, out T d)
    {
        T v = T.RootN(x, n);
        d = n > 0 && x == T.Zero ? (n == 1 ? T.One : T.PositiveInfinity) : v / (nAsT * x);
        return v;
    }

    [MethodImpl(Inline)] public static T Exp(T x, out T d) { T v = T.Exp(x); d = v; return v; }
    [MethodImpl(Inline)] public static T Exp2(T x, out T d) { T v = T.Exp2(x); d = v * Constants<T>.Ln2; return v; }
    [MethodImpl(Inline)] public static T Exp10(T x, out T d) { T v = T.Exp10(x); d = v * Constants<T>.Ln10; return v; }
    [MethodImpl(Inline)] public static T ExpM1(T x, out T d) { T v = T.ExpM1(x); d = T.Exp(x); return v; }
    [MethodImpl(Inline)] public static T Exp2M1(T x, out T d) { T v = T.Exp2M1(x); d = T.Exp2(x) * Constants<T>.Ln2; return v; }
    [MethodImpl(Inline)] public static T Exp10M1(T x, out T d) { T v = T.Exp10M1(x); d = T.Exp10(x) * Constants<T>.Ln10; return v; }

    [MethodImpl(Inline)] public static T Log(T x, out T d) { d = T.One / x; return T.Log(x); }
    [MethodImpl(Inline)] public static T Log2(T x, out T d) { d = T.One / (x * Constants<T>.Ln2); return T.Log2(x); }
    [MethodImpl(Inline)] public static T Log10(T x, out T d) { d = T.One / (x * Constants<T>.Ln10); return T.Log10(x); }
    [MethodImpl(Inline)] public static T LogP1(T x, out T d) { d = T.One / (x + T.One); return T.LogP1(x); }
    [MethodImpl(Inline)] public static T Log2P1(T x, out T d) { d = T.One / ((x + T.One) * Constants<T>.Ln2); return T.Log2P1(x); }
    [MethodImpl(Inline)] public static T Log10P1(T x, out T d) { d = T.One / ((x + T.One) * Constants<T>.Ln10); return T.Log10P1(x); }

    /// <summary>log_b(x) = ln x / ln b: ∂/∂x = 1/(x ln b), ∂/∂b = −log_b(x)/(b ln b).</summary>
    [MethodImpl(Inline)]
    public static T LogBase(T x, T newBase, out T dx, out T dBase)
    {
        T v = T.Log(x, newBase);
        T lnBase = T.Log(newBase);
        dx = T.One / (x * lnBase);
        dBase = -v / (newBase * lnBase);
        return v;
    }

    [MethodImpl(Inline)] public static T Sin(T x, out T d) { d = T.Cos(x); return T.Sin(x); }
    [MethodImpl(Inline)] public static T Cos(T x, out T d) { d = -T.Sin(x); return T.Cos(x); }
    [MethodImpl(Inline)] public static T Tan(T x, out T d) { T v = T.Tan(x); d = T.One + v * v; return v; }
    [MethodImpl(Inline)] public static T SinPi(T x, out T d) { d = T.CosPi(x) * T.Pi; return T.SinPi(x); }
    [MethodImpl(Inline)] public static T CosPi(T x, out T d) { d = -T.SinPi(x) * T.Pi; return T.CosPi(x); }
    [MethodImpl(Inline)] public static T TanPi(T x, out T d) { T v = T.TanPi(x); d = T.Pi * (T.One + v * v); return v; }
    [MethodImpl(Inline)] public static T Asin(T x, out T d) { d = T.One / T.Sqrt((T.One - x) * (T.One + x)); return T.Asin(x); }
    [MethodImpl(Inline)] public static T Acos(T x, out T d) { d = -T.One / T.Sqrt((T.One - x) * (T.One + x)); return T.Acos(x); }
    [MethodImpl(Inline)] public static T Atan(T x, out T d) { d = T.One / (T.One + x * x); return T.Atan(x); }
    [MethodImpl(Inline)] public static T AsinPi(T x, out T d) { d = T.One / (T.Pi * T.Sqrt((T.One - x) * (T.One + x))); return T.AsinPi(x); }
    [MethodImpl(Inline)] public static T AcosPi(T x, out T d) { d = -T.One / (T.Pi * T.Sqrt((T.One - x) * (T.One + x))); return T.AcosPi(x); }
    [MethodImpl(Inline)] public static T AtanPi(T x, out T d) { d = T.One / (T.Pi * (T.One + x * x)); return T.AtanPi(x); }

    /// <summary>atan2(y, x): ∂/∂y = x/(x²+y²), ∂/∂x = −y/(x²+y²); NaN at the origin, where no limit exists.</summary>
    [MethodImpl(Inline)]
    public static T Atan2(T y, T x, out T dy, out T dx)
    {
        T r2 = x * x + y * y;
        dy = x / r2;
        dx = -y / r2;
        return T.Atan2(y, x);
    }

    [MethodImpl(Inline)]
    public static T Atan2Pi(T y, T x, out T dy, out T dx)
    {
        T r2 = T.Pi * (x * x + y * y);
        dy = x / r2;
        dx = -y / r2;
        return T.Atan2Pi(y, x);
    }

    [MethodImpl(Inline)] public static T Sinh(T x, out T d) { d = T.Cosh(x); return T.Sinh(x); }
    [MethodImpl(Inline)] public static T Cosh(T x, out T d) { d = T.Sinh(x); return T.Cosh(x); }
    /// <summary>tanh; derivative 1 − tanh², except in the tails (|tanh x| &gt; ½) where that cancels: there
    /// 1/cosh² x = 4e/(1+e)² with e = e^(−2|x|), accurate to a few ulps however small.</summary>
    [MethodImpl(Inline)]
    public static T Tanh(T x, out T d)
    {
        T v = T.Tanh(x);
        if (T.Abs(v) <= Constants<T>.Half)
        {
            d = T.One - v * v;
        }
        else
        {
            T e = T.Exp(-(T.Abs(x) + T.Abs(x)));
            T onePlus = T.One + e;
            d = (Constants<T>.Two + Constants<T>.Two) * e / (onePlus * onePlus);
        }
        return v;
    }
    [MethodImpl(Inline)] public static T Asinh(T x, out T d) { d = T.One / T.Sqrt(x * x + T.One); return T.Asinh(x); }
    // (x−1)(x+1) rather than x²−1 keeps accuracy near x = 1.
    [MethodImpl(Inline)] public static T Acosh(T x, out T d) { d = T.One / T.Sqrt((x - T.One) * (x + T.One)); return T.Acosh(x); }
    [MethodImpl(Inline)] public static T Atanh(T x, out T d) { d = T.One / ((T.One - x) * (T.One + x)); return T.Atanh(x); }

    /// <summary>|x|: derivative sign(x), and 0 at x = 0 (JAX's convention; the midpoint of the subgradient).</summary>
    [MethodImpl(Inline)]
    public static T Abs(T x, out T d)
    {
        d = x > T.Zero ? T.One : x < T.Zero ? -T.One : x == T.Zero ? T.Zero : x;
        return T.Abs(x);
    }

    /// <summary>xʸ: ∂/∂x = y·x^(y−1) (0 when y = 0), ∂/∂y = xʸ·ln x (0 when xʸ = 0, the limit from x → 0⁺).</summary>
    [MethodImpl(Inline)]
    public static T Pow(T x, T y, out T dx, out T dy)
    {
        T v = T.Pow(x, y);
        // y·x^(y−1) as y·(xʸ/x) from the value at hand (one pow instead of two) where x and xʸ are normal
        // numbers; the second pow only at zeros, subnormals, infinities and NaN.
        dx = y == T.Zero ? T.Zero : Constants<T>.IsNormal(x) && Constants<T>.IsNormal(v) ? y * (v / x) : y * T.Pow(x, y - T.One);
        dy = v == T.Zero ? T.Zero : v * T.Log(x);
        return v;
    }

    /// <summary>xʸ for a constant exponent y.</summary>
    [MethodImpl(Inline)]
    public static T PowBase(T x, T y, out T dx)
    {
        dx = y == T.Zero ? T.Zero : y * T.Pow(x, y - T.One);
        return T.Pow(x, y);
    }

    /// <summary>xʸ for a constant base x.</summary>
    [MethodImpl(Inline)]
    public static T PowExponent(T x, T y, out T dy)
    {
        T v = T.Pow(x, y);
        dy = v == T.Zero ? T.Zero : v * T.Log(x);
        return v;
    }

    /// <summary>Hypot: ∂/∂x = x/h, ∂/∂y = y/h; 0 at the origin (JAX's convention).</summary>
    [MethodImpl(Inline)]
    public static T Hypot(T x, T y, out T dx, out T dy)
    {
        T h = T.Hypot(x, y);
        bool zero = h == T.Zero;
        T safe = zero ? T.One : h;
        dx = zero ? T.Zero : x / safe;
        dy = zero ? T.Zero : y / safe;
        return h;
    }

    /// <summary>Logistic sigmoid 1/(1+e^−x), evaluated without overflow for either sign; σ′ = σ(1−σ).</summary>
    [MethodImpl(Inline)]
    public static T Sigmoid(T x, out T d)
    {
        // With e = e^(−|x|): σ(|x|) = 1/(1+e), 1 − σ(|x|) = e/(1+e), so σ′ = e/(1+e)² on both sides, with no
        // cancellation in the tails (σ(1−σ) would lose all relative accuracy where σ rounds to 1).
        T e = T.Exp(-T.Abs(x));
        T onePlus = T.One + e;
        T v = x >= T.Zero ? T.One / onePlus : e / onePlus;
        d = T.IsNaN(x) ? x : e / (onePlus * onePlus);
        return v;
    }

    /// <summary>Softplus ln(1+eˣ) = max(x,0) + ln(1+e^−|x|), stable for large |x|; derivative σ(x).</summary>
    [MethodImpl(Inline)]
    public static T Softplus(T x, out T d)
    {
        T v = T.Max(x, T.Zero) + Log1PSmall(T.Exp(-T.Abs(x)));
        d = SigmoidValue(x);
        return v;
    }

    /// <summary>
    /// ln(1 + t) for 0 ≤ t ≤ 1, accurate to a few ulps even when 1 + t rounds to 1. <c>T.LogP1</c> cannot be used:
    /// .NET computes it as <c>Log(t + 1)</c>, which returns 0 for t below ε (softplus(−40) would be 0 instead of
    /// 4.2e-18) and loses ε/t relative accuracy above. With u = fl(1 + t), ln(u)·t/(u − 1) corrects the rounding
    /// of 1 + t (Goldberg, "What every computer scientist should know about floating-point arithmetic", thm. 4).
    /// </summary>
    [MethodImpl(Inline)]
    private static T Log1PSmall(T t)
    {
        T u = T.One + t;
        return u == T.One ? t : T.Log(u) * (t / (u - T.One));
    }

    [MethodImpl(Inline)]
    private static T SigmoidValue(T x)
    {
        if (x >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-x));
        }
        T e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>max(x, 0) with derivative 1 for x &gt; 0 and 0 for x ≤ 0 (JAX/PyTorch); NaN propagates.</summary>
    [MethodImpl(Inline)]
    public static T Relu(T x, out T d)
    {
        if (x > T.Zero)
        {
            d = T.One;
            return x;
        }
        if (x <= T.Zero)
        {
            d = T.Zero;
            return T.Zero;
        }
        d = x;
        return x;
    }

    /// <summary>
    /// Weights for a two-way selection (Max, Min and friends): 1/0 or 0/1 for the side chosen by the value,
    /// ½/½ at a tie (JAX's balanced rule), NaN for both when the result is NaN.
    /// </summary>
    [MethodImpl(Inline)]
    public static void Select(T chosen, T x, T y, out T wx, out T wy)
    {
        if (T.IsNaN(chosen))
        {
            wx = chosen;
            wy = chosen;
        }
        else if (x == y)
        {
            wx = Constants<T>.Half;
            wy = Constants<T>.Half;
        }
        else if (chosen == x)
        {
            wx = T.One;
            wy = T.Zero;
        }
        else
        {
            wx = T.Zero;
            wy = T.One;
        }
    }
}
