using System;
using System.Runtime.CompilerServices;

namespace Dual;

public readonly partial struct Dual<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)]
    private static Dual<T> Chain(Dual<T> x, T value, T derivative) => new(value, x.Tangent * derivative);

    // Where a partial is infinite or NaN (a singular point, or a partial that overflows), an operand with zero tangent —
    // a constant — contributes exactly 0 rather than 0·∞ = NaN; the product of a non-zero tangent stays IEEE.
    [MethodImpl(Inline)]
    private static Dual<T> Chain(Dual<T> x, T dx, Dual<T> y, T dy, T value)
        => T.IsFinite(dx) && T.IsFinite(dy)
            ? new(value, x.Tangent * dx + y.Tangent * dy)
            : new(value, Lanes<T>.ProductSkippingZero(x.Tangent, dx) + Lanes<T>.ProductSkippingZero(y.Tangent, dy));

    [MethodImpl(Inline)]
    private static Dual<T> Constant(T value, Dual<T> _) => new(value, T.Zero);

    // ---------------------------------------------------------------------------------------------
    // Roots and powers (IRootFunctions, IPowerFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>√x; derivative 1/(2√x), infinite at 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Sqrt(Dual<T> x) => Chain(x, DerivativeRules<T>.Sqrt(x.Value, out T d), d);

    /// <summary>∛x; derivative 1/(3∛x²), infinite at 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Cbrt(Dual<T> x) => Chain(x, DerivativeRules<T>.Cbrt(x.Value, out T d), d);

    /// <summary>The <paramref name="n"/>-th root; derivative x^(1/n)/(n·x).</summary>
    /// <param name="x">The operand.</param>
    /// <param name="n">The degree of the root.</param>
    [MethodImpl(Inline)] public static Dual<T> RootN(Dual<T> x, int n) => Chain(x, DerivativeRules<T>.RootN(x.Value, n, T.CreateTruncating(n), out T d), d);

    /// <summary>√(x² + y²) without undue overflow; the derivative at the origin is taken as 0.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Hypot(Dual<T> x, Dual<T> y)
    {
        T v = DerivativeRules<T>.Hypot(x.Value, y.Value, out T dx, out T dy);
        return Chain(x, dx, y, dy, v);
    }

    /// <summary>xʸ with both operands dual: ∂/∂x = y·x^(y−1), ∂/∂y = xʸ·ln x; where a partial is infinite, an
    /// operand with zero tangent contributes zero (so <c>T.Pow(x, T.CreateChecked(0))</c> in generic code stays exact).</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Pow(Dual<T> x, Dual<T> y)
    {
        // At 0ʸ or x⁰ one partial is infinite; an operand that is a constant (zero tangent) contributes 0, not 0·∞ (Chain).
        T v = DerivativeRules<T>.Pow(x.Value, y.Value, out T dx, out T dy);
        return Chain(x, dx, y, dy, v);
    }

    /// <summary>xʸ for a constant exponent.</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The constant exponent.</param>
    [MethodImpl(Inline)] public static Dual<T> Pow(Dual<T> x, T y) => Chain(x, DerivativeRules<T>.PowBase(x.Value, y, out T d), d);

    /// <summary>xʸ for a constant base.</summary>
    /// <param name="x">The constant base.</param>
    /// <param name="y">The exponent.</param>
    [MethodImpl(Inline)] public static Dual<T> Pow(T x, Dual<T> y) => Chain(y, DerivativeRules<T>.PowExponent(x, y.Value, out T d), d);

    /// <summary>xⁿ for an integer exponent: the value is <c>T.Pow(x, n)</c>, the derivative n·x^(n−1).</summary>
    /// <param name="x">The base.</param>
    /// <param name="n">The integer exponent.</param>
    [MethodImpl(Inline)] public static Dual<T> Pow(Dual<T> x, int n) => Pow(x, T.CreateTruncating(n));

    // ---------------------------------------------------------------------------------------------
    // Exponentials and logarithms (IExponentialFunctions, ILogarithmicFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>eˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Exp(Dual<T> x) => Chain(x, DerivativeRules<T>.Exp(x.Value, out T d), d);

    /// <summary>2ˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Exp2(Dual<T> x) => Chain(x, DerivativeRules<T>.Exp2(x.Value, out T d), d);

    /// <summary>10ˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Exp10(Dual<T> x) => Chain(x, DerivativeRules<T>.Exp10(x.Value, out T d), d);

    /// <summary>eˣ − 1, accurate near 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> ExpM1(Dual<T> x) => Chain(x, DerivativeRules<T>.ExpM1(x.Value, out T d), d);

    /// <summary>2ˣ − 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Exp2M1(Dual<T> x) => Chain(x, DerivativeRules<T>.Exp2M1(x.Value, out T d), d);

    /// <summary>10ˣ − 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Exp10M1(Dual<T> x) => Chain(x, DerivativeRules<T>.Exp10M1(x.Value, out T d), d);

    /// <summary>ln x; derivative 1/x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Log(Dual<T> x) => Chain(x, DerivativeRules<T>.Log(x.Value, out T d), d);

    /// <summary>log base <paramref name="newBase"/> of x, both dual.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="newBase">The base.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Log(Dual<T> x, Dual<T> newBase)
    {
        T v = DerivativeRules<T>.LogBase(x.Value, newBase.Value, out T dx, out T dBase);
        return Chain(x, dx, newBase, dBase, v);
    }

    /// <summary>log₂ x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Log2(Dual<T> x) => Chain(x, DerivativeRules<T>.Log2(x.Value, out T d), d);

    /// <summary>log₁₀ x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Log10(Dual<T> x) => Chain(x, DerivativeRules<T>.Log10(x.Value, out T d), d);

    /// <summary>ln(1 + x), accurate near 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> LogP1(Dual<T> x) => Chain(x, DerivativeRules<T>.LogP1(x.Value, out T d), d);

    /// <summary>log₂(1 + x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Log2P1(Dual<T> x) => Chain(x, DerivativeRules<T>.Log2P1(x.Value, out T d), d);

    /// <summary>log₁₀(1 + x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Log10P1(Dual<T> x) => Chain(x, DerivativeRules<T>.Log10P1(x.Value, out T d), d);

    // ---------------------------------------------------------------------------------------------
    // Trigonometric functions (ITrigonometricFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>sin x; derivative cos x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T> Sin(Dual<T> x) => Chain(x, DerivativeRules<T>.Sin(x.Value, out T d), d);

    /// <summary>cos x; derivative −sin x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T> Cos(Dual<T> x) => Chain(x, DerivativeRules<T>.Cos(x.Value, out T d), d);

    /// <summary>tan x; derivative 1 + tan² x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T> Tan(Dual<T> x) => Chain(x, DerivativeRules<T>.Tan(x.Value, out T d), d);

    /// <summary>Sine and cosine together from one <c>T.SinCos</c> call, which also serves both derivatives
    /// (the fastest way to get both on the CPU; inside ILGPU kernels call <see cref="Sin"/> and <see cref="Cos"/>).</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)]
    public static (Dual<T> Sin, Dual<T> Cos) SinCos(Dual<T> x)
    {
        (T sin, T cos) = T.SinCos(x.Value);
        return (new(sin, x.Tangent * cos), new(cos, x.Tangent * -sin));
    }

    /// <summary>sin(πx) and cos(πx) together.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static (Dual<T> SinPi, Dual<T> CosPi) SinCosPi(Dual<T> x)
    {
        (T sin, T cos) = T.SinCosPi(x.Value);
        return (new(sin, x.Tangent * (cos * T.Pi)), new(cos, x.Tangent * (-sin * T.Pi)));
    }

    /// <summary>sin(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> SinPi(Dual<T> x) => Chain(x, DerivativeRules<T>.SinPi(x.Value, out T d), d);

    /// <summary>cos(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> CosPi(Dual<T> x) => Chain(x, DerivativeRules<T>.CosPi(x.Value, out T d), d);

    /// <summary>tan(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> TanPi(Dual<T> x) => Chain(x, DerivativeRules<T>.TanPi(x.Value, out T d), d);

    /// <summary>arcsin x; derivative 1/√(1−x²), infinite at ±1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Asin(Dual<T> x) => Chain(x, DerivativeRules<T>.Asin(x.Value, out T d), d);

    /// <summary>arccos x; derivative −1/√(1−x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Acos(Dual<T> x) => Chain(x, DerivativeRules<T>.Acos(x.Value, out T d), d);

    /// <summary>arctan x; derivative 1/(1+x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Atan(Dual<T> x) => Chain(x, DerivativeRules<T>.Atan(x.Value, out T d), d);

    /// <summary>arcsin(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> AsinPi(Dual<T> x) => Chain(x, DerivativeRules<T>.AsinPi(x.Value, out T d), d);

    /// <summary>arccos(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> AcosPi(Dual<T> x) => Chain(x, DerivativeRules<T>.AcosPi(x.Value, out T d), d);

    /// <summary>arctan(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> AtanPi(Dual<T> x) => Chain(x, DerivativeRules<T>.AtanPi(x.Value, out T d), d);

    /// <summary>atan2(y, x); NaN tangent at the origin.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Atan2(Dual<T> y, Dual<T> x)
    {
        T v = DerivativeRules<T>.Atan2(y.Value, x.Value, out T dy, out T dx);
        return Chain(y, dy, x, dx, v);
    }

    /// <summary>atan2(y, x)/π.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Atan2Pi(Dual<T> y, Dual<T> x)
    {
        T v = DerivativeRules<T>.Atan2Pi(y.Value, x.Value, out T dy, out T dx);
        return Chain(y, dy, x, dx, v);
    }

    // ---------------------------------------------------------------------------------------------
    // Hyperbolic functions (IHyperbolicFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>sinh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Sinh(Dual<T> x) => Chain(x, DerivativeRules<T>.Sinh(x.Value, out T d), d);

    /// <summary>cosh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Cosh(Dual<T> x) => Chain(x, DerivativeRules<T>.Cosh(x.Value, out T d), d);

    /// <summary>tanh x; derivative 1 − tanh² x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Tanh(Dual<T> x) => Chain(x, DerivativeRules<T>.Tanh(x.Value, out T d), d);

    /// <summary>arsinh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Asinh(Dual<T> x) => Chain(x, DerivativeRules<T>.Asinh(x.Value, out T d), d);

    /// <summary>arcosh x; derivative 1/√(x²−1), infinite at 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Acosh(Dual<T> x) => Chain(x, DerivativeRules<T>.Acosh(x.Value, out T d), d);

    /// <summary>artanh x; derivative 1/(1−x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Atanh(Dual<T> x) => Chain(x, DerivativeRules<T>.Atanh(x.Value, out T d), d);

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection (INumberBase, INumber)
    // ---------------------------------------------------------------------------------------------

    /// <summary>|x|; derivative sign(x), 0 at x = 0.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Abs(Dual<T> value) => Chain(value, DerivativeRules<T>.Abs(value.Value, out T d), d);

    [MethodImpl(Inline)]
    private static Dual<T> Select(T chosen, Dual<T> x, Dual<T> y)
    {
        DerivativeRules<T>.Select(chosen, x.Value, y.Value, out T wx, out T wy);
        return Chain(x, wx, y, wy, chosen);
    }

    /// <summary>The larger value (NaN if either is NaN); at a tie the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Max(Dual<T> x, Dual<T> y) => Select(T.Max(x.Value, y.Value), x, y);

    /// <summary>The smaller value (NaN if either is NaN); at a tie the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Min(Dual<T> x, Dual<T> y) => Select(T.Min(x.Value, y.Value), x, y);

    /// <summary>The larger value, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MaxNumber(Dual<T> x, Dual<T> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : Max(x, y);

    /// <summary>The smaller value, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MinNumber(Dual<T> x, Dual<T> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : Min(x, y);

    /// <summary>The operand of larger magnitude; at a tie of equal values the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MaxMagnitude(Dual<T> x, Dual<T> y) => Select(T.MaxMagnitude(x.Value, y.Value), x, y);

    /// <summary>The operand of smaller magnitude; at a tie of equal values the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MinMagnitude(Dual<T> x, Dual<T> y) => Select(T.MinMagnitude(x.Value, y.Value), x, y);

    /// <summary>The operand of larger magnitude, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MaxMagnitudeNumber(Dual<T> x, Dual<T> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : MaxMagnitude(x, y);

    /// <summary>The operand of smaller magnitude, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T> MinMagnitudeNumber(Dual<T> x, Dual<T> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : MinMagnitude(x, y);

    /// <summary>Clamps x to [min, max]: the tangent is that of whichever bound or x the value came from
    /// (x's own at the bounds: clamp is the identity on the closed interval, so clamping twice keeps the derivative;
    /// JAX's jnp.clip averages there and lax.clamp gives 0 — see docs/design.md).</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Clamp(Dual<T> value, Dual<T> min, Dual<T> max)
    {
        T v = T.Clamp(value.Value, min.Value, max.Value);
        return T.IsNaN(v) ? new(v, value.Tangent * v) // a NaN operand poisons the tangent, as in Min and Max
            : value.Value < min.Value ? new(v, min.Tangent) : value.Value > max.Value ? new(v, max.Tangent) : new(v, value.Tangent);
    }

    /// <summary>|x| with the sign of y; the tangent is ±x's (the sign of y contributes nothing).</summary>
    /// <param name="value">The magnitude source.</param>
    /// <param name="sign">The sign source.</param>
    [MethodImpl(Inline)]
    public static Dual<T> CopySign(Dual<T> value, Dual<T> sign)
    {
        T v = T.CopySign(value.Value, sign.Value);
        bool flipped = T.IsNegative(v) != T.IsNegative(value.Value);
        return new(v, flipped ? -value.Tangent : value.Tangent);
    }

    // ---------------------------------------------------------------------------------------------
    // IFloatingPointIeee754 and rounding
    // ---------------------------------------------------------------------------------------------

    /// <summary>x·y + z with a single rounding in the value; tangent ẋ·y + ẏ·x + ż.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    /// <param name="addend">z.</param>
    [MethodImpl(Inline)]
    public static Dual<T> FusedMultiplyAdd(Dual<T> left, Dual<T> right, Dual<T> addend)
        => new(T.FusedMultiplyAdd(left.Value, right.Value, addend.Value), left.Tangent * right.Value + right.Tangent * left.Value + addend.Tangent);

    /// <summary>x·y + z, possibly fused; tangent ẋ·y + ẏ·x + ż.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    /// <param name="addend">z.</param>
    [MethodImpl(Inline)]
    public static Dual<T> MultiplyAddEstimate(Dual<T> left, Dual<T> right, Dual<T> addend) => left * right + addend;

    /// <summary>x·2ⁿ, exact in both parts.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="n">The power of two.</param>
    [MethodImpl(Inline)] public static Dual<T> ScaleB(Dual<T> x, int n) => new(T.ScaleB(x.Value, n), T.ScaleB(x.Tangent, n));

    /// <summary>IEEE remainder x − y·round(x/y); ∂/∂x = 1, ∂/∂y = −round(x/y).</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Ieee754Remainder(Dual<T> left, Dual<T> right)
    {
        T v = T.Ieee754Remainder(left.Value, right.Value);
        T quotient = T.Round((left.Value - v) / right.Value);
        return new(v, left.Tangent - right.Tangent * quotient);
    }

    /// <summary>The next value up; the tangent is unchanged.</summary>
    /// <param name="x">The operand.</param>
    public static Dual<T> BitIncrement(Dual<T> x) => new(T.BitIncrement(x.Value), x.Tangent);

    /// <summary>The next value down; the tangent is unchanged.</summary>
    /// <param name="x">The operand.</param>
    public static Dual<T> BitDecrement(Dual<T> x) => new(T.BitDecrement(x.Value), x.Tangent);

    /// <summary>Linear interpolation a + (b − a)·t, with the value from <typeparamref name="T"/>'s own Lerp.</summary>
    /// <param name="value1">a.</param>
    /// <param name="value2">b.</param>
    /// <param name="amount">t.</param>
    [MethodImpl(Inline)]
    public static Dual<T> Lerp(Dual<T> value1, Dual<T> value2, Dual<T> amount)
        => new(T.Lerp(value1.Value, value2.Value, amount.Value),
               value1.Tangent * (T.One - amount.Value) + value2.Tangent * amount.Value + amount.Tangent * (value2.Value - value1.Value));

    /// <summary>An estimate of 1/x (the value is <typeparamref name="T"/>'s estimate); derivative −1/x².</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T> ReciprocalEstimate(Dual<T> x)
    {
        T v = T.ReciprocalEstimate(x.Value);
        return new(v, x.Tangent * -(v * v));
    }

    /// <summary>An estimate of 1/√x; derivative −½·x^(−3/2).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T> ReciprocalSqrtEstimate(Dual<T> x)
    {
        T v = T.ReciprocalSqrtEstimate(x.Value);
        return new(v, x.Tangent * -(Constants<T>.Half * v * v * v));
    }

    /// <summary>Rounds down; zero tangent (the derivative almost everywhere, and JAX's choice at integers).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Floor(Dual<T> x) => Constant(T.Floor(x.Value), x);

    /// <summary>Rounds up; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Ceiling(Dual<T> x) => Constant(T.Ceiling(x.Value), x);

    /// <summary>Rounds toward zero; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Truncate(Dual<T> x) => Constant(T.Truncate(x.Value), x);

    /// <summary>Rounds to nearest, ties to even; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T> Round(Dual<T> x) => Constant(T.Round(x.Value), x);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="digits">The number of fractional digits.</param>
    public static Dual<T> Round(Dual<T> x, int digits) => Constant(T.Round(x.Value, digits), x);

    /// <summary>Rounds with <paramref name="mode"/>; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="mode">The rounding mode.</param>
    public static Dual<T> Round(Dual<T> x, MidpointRounding mode) => Constant(T.Round(x.Value, mode), x);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits with <paramref name="mode"/>; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <param name="mode">The rounding mode.</param>
    public static Dual<T> Round(Dual<T> x, int digits, MidpointRounding mode) => Constant(T.Round(x.Value, digits, mode), x);

    // ---------------------------------------------------------------------------------------------
    // Machine-learning staples (not in .NET's generic math): the tuned rules behind Activations, their one public home
    // ---------------------------------------------------------------------------------------------

    /// <summary>The logistic sigmoid 1/(1+e^−x), without overflow for large |x|; derivative σ(1−σ).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T> Sigmoid(Dual<T> x) => Chain(x, DerivativeRules<T>.Sigmoid(x.Value, out T d), d);

    /// <summary>Softplus ln(1+eˣ), without overflow for large |x|; derivative σ(x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T> Softplus(Dual<T> x) => Chain(x, DerivativeRules<T>.Softplus(x.Value, out T d), d);

    /// <summary>max(x, 0); derivative 1 for x &gt; 0, 0 for x ≤ 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T> Relu(Dual<T> x) => Chain(x, DerivativeRules<T>.Relu(x.Value, out T d), d);

    /// <summary>ln Σ eˣⁱ, shifted by the maximum so it neither overflows nor underflows; its gradient is softmax(x).</summary>
    /// <param name="x">The operands; an empty span gives −∞.</param>
    internal static Dual<T> LogSumExp(ReadOnlySpan<Dual<T>> x)
    {
        if (x.IsEmpty)
        {
            return NegativeInfinity;
        }
        T max = x[0].Value;
        for (int i = 1; i < x.Length; i++)
        {
            max = T.Max(max, x[i].Value);
        }
        if (!T.IsFinite(max))
        {
            // NaN present: NaN tangent. Otherwise +∞ present, or all −∞: the value is max itself, and the tangent the
            // average of those of the arguments attaining it (the limit of softmax at an exact tie, as Max's balanced rule).
            if (T.IsNaN(max))
            {
                return new(max, x[0].Tangent * max);
            }
            T count = T.Zero;
            T sumOfTangents = T.Zero;
            foreach (Dual<T> item in x)
            {
                if (!(item.Value < max) && !(item.Value > max))
                {
                    count += T.One;
                    sumOfTangents += item.Tangent;
                }
            }
            return new(max, sumOfTangents / count);
        }
        T sum = T.Zero;
        T weighted = T.Zero;
        foreach (Dual<T> item in x)
        {
            T e = T.Exp(item.Value - max);
            sum += e;
            weighted += e * item.Tangent;
        }
        return new(max + T.Log(sum), weighted / sum);
    }

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable); tangent yᵢ(ẋᵢ − Σⱼ yⱼẋⱼ).</summary>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; must have the length of <paramref name="x"/>. It may be
    /// <paramref name="x"/> itself (in place), but not overlap it otherwise.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap without being the same.</exception>
    internal static void Softmax(ReadOnlySpan<Dual<T>> x, Span<Dual<T>> destination)
    {
        Guard.SameLength(x.Length, destination.Length, nameof(destination), nameof(x));
        Guard.SameOrDisjoint(x, destination, nameof(x), nameof(destination));
        if (x.IsEmpty)
        {
            return;
        }
        T max = x[0].Value;
        for (int i = 1; i < x.Length; i++)
        {
            max = T.Max(max, x[i].Value);
        }
        // Each element of destination is written only after x's element at the same index has been read, and keeps
        // x's tangent until the last loop: in-place calls (destination = x) are exact.
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            T e = T.Exp(x[i].Value - max);
            sum += e;
            destination[i] = new(e, x[i].Tangent);
        }
        T mean = T.Zero;
        for (int i = 0; i < destination.Length; i++)
        {
            T y = destination[i].Value / sum;
            mean += y * destination[i].Tangent;
            destination[i] = new(y, destination[i].Tangent);
        }
        for (int i = 0; i < destination.Length; i++)
        {
            T y = destination[i].Value;
            destination[i] = new(y, y * (destination[i].Tangent - mean));
        }
    }
}
