using System;
using System.Runtime.CompilerServices;

namespace Dual;

public readonly partial struct Dual<T, TTangents>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)]
    private static Dual<T, TTangents> Chain(Dual<T, TTangents> x, T value, T derivative) => new(value, TTangents.Multiply(x.Tangents, derivative));

    // As Dual<T>: where a partial is not finite, a zero tangent lane contributes exactly 0.
    [MethodImpl(Inline)]
    private static Dual<T, TTangents> Chain(Dual<T, TTangents> x, T dx, Dual<T, TTangents> y, T dy, T value)
        => T.IsFinite(dx) && T.IsFinite(dy)
            ? new(value, TTangents.MultiplyAdd(x.Tangents, dx, y.Tangents, dy))
            : new(value, TTangents.MultiplyAddSkippingZeros(x.Tangents, dx, y.Tangents, dy));

    [MethodImpl(Inline)]
    private static Dual<T, TTangents> Constant(T value, Dual<T, TTangents> _) => new(value, TTangents.Zero);

    // ---------------------------------------------------------------------------------------------
    // Roots and powers (IRootFunctions, IPowerFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>√x; derivative 1/(2√x), infinite at 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Sqrt(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Sqrt(x.Value, out T d), d);

    /// <summary>∛x; derivative 1/(3∛x²), infinite at 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Cbrt(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Cbrt(x.Value, out T d), d);

    /// <summary>The <paramref name="n"/>-th root; derivative x^(1/n)/(n·x).</summary>
    /// <param name="x">The operand.</param>
    /// <param name="n">The degree of the root.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> RootN(Dual<T, TTangents> x, int n) => Chain(x, DerivativeRules<T>.RootN(x.Value, n, T.CreateTruncating(n), out T d), d);

    /// <summary>√(x² + y²) without undue overflow; the derivative at the origin is taken as 0.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Hypot(Dual<T, TTangents> x, Dual<T, TTangents> y)
    {
        T v = DerivativeRules<T>.Hypot(x.Value, y.Value, out T dx, out T dy);
        return Chain(x, dx, y, dy, v);
    }

    /// <summary>xʸ with both operands dual: ∂/∂x = y·x^(y−1), ∂/∂y = xʸ·ln x; where a partial is infinite, an
    /// operand with zero tangent contributes zero (so <c>T.Pow(x, T.CreateChecked(0))</c> in generic code stays exact).</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Pow(Dual<T, TTangents> x, Dual<T, TTangents> y)
    {
        // At 0ʸ or x⁰ one partial is infinite; an operand that is a constant (zero tangent) contributes 0, not 0·∞ (Chain).
        T v = DerivativeRules<T>.Pow(x.Value, y.Value, out T dx, out T dy);
        return Chain(x, dx, y, dy, v);
    }

    /// <summary>xʸ for a constant exponent.</summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The constant exponent.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Pow(Dual<T, TTangents> x, T y) => Chain(x, DerivativeRules<T>.PowBase(x.Value, y, out T d), d);

    /// <summary>xʸ for a constant base.</summary>
    /// <param name="x">The constant base.</param>
    /// <param name="y">The exponent.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Pow(T x, Dual<T, TTangents> y) => Chain(y, DerivativeRules<T>.PowExponent(x, y.Value, out T d), d);

    /// <summary>xⁿ for an integer exponent: the value is <c>T.Pow(x, n)</c>, the derivative n·x^(n−1).</summary>
    /// <param name="x">The base.</param>
    /// <param name="n">The integer exponent.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Pow(Dual<T, TTangents> x, int n) => Pow(x, T.CreateTruncating(n));

    // ---------------------------------------------------------------------------------------------
    // Exponentials and logarithms (IExponentialFunctions, ILogarithmicFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>eˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Exp(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Exp(x.Value, out T d), d);

    /// <summary>2ˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Exp2(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Exp2(x.Value, out T d), d);

    /// <summary>10ˣ.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Exp10(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Exp10(x.Value, out T d), d);

    /// <summary>eˣ − 1, accurate near 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> ExpM1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.ExpM1(x.Value, out T d), d);

    /// <summary>2ˣ − 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Exp2M1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Exp2M1(x.Value, out T d), d);

    /// <summary>10ˣ − 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Exp10M1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Exp10M1(x.Value, out T d), d);

    /// <summary>ln x; derivative 1/x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Log(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Log(x.Value, out T d), d);

    /// <summary>log base <paramref name="newBase"/> of x, both dual.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="newBase">The base.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Log(Dual<T, TTangents> x, Dual<T, TTangents> newBase)
    {
        T v = DerivativeRules<T>.LogBase(x.Value, newBase.Value, out T dx, out T dBase);
        return Chain(x, dx, newBase, dBase, v);
    }

    /// <summary>log₂ x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Log2(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Log2(x.Value, out T d), d);

    /// <summary>log₁₀ x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Log10(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Log10(x.Value, out T d), d);

    /// <summary>ln(1 + x), accurate near 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> LogP1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.LogP1(x.Value, out T d), d);

    /// <summary>log₂(1 + x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Log2P1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Log2P1(x.Value, out T d), d);

    /// <summary>log₁₀(1 + x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Log10P1(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Log10P1(x.Value, out T d), d);

    // ---------------------------------------------------------------------------------------------
    // Trigonometric functions (ITrigonometricFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>sin x; derivative cos x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Sin(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Sin(x.Value, out T d), d);

    /// <summary>cos x; derivative −sin x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Cos(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Cos(x.Value, out T d), d);

    /// <summary>tan x; derivative 1 + tan² x.</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Tan(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Tan(x.Value, out T d), d);

    /// <summary>Sine and cosine together from one <c>T.SinCos</c> call, which also serves both derivatives
    /// (the fastest way to get both on the CPU; inside ILGPU kernels call <see cref="Sin"/> and <see cref="Cos"/>).</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)]
    public static (Dual<T, TTangents> Sin, Dual<T, TTangents> Cos) SinCos(Dual<T, TTangents> x)
    {
        (T sin, T cos) = T.SinCos(x.Value);
        return (new(sin, TTangents.Multiply(x.Tangents, cos)), new(cos, TTangents.Multiply(x.Tangents, -sin)));
    }

    /// <summary>sin(πx) and cos(πx) together.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static (Dual<T, TTangents> SinPi, Dual<T, TTangents> CosPi) SinCosPi(Dual<T, TTangents> x)
    {
        (T sin, T cos) = T.SinCosPi(x.Value);
        return (new(sin, TTangents.Multiply(x.Tangents, cos * T.Pi)), new(cos, TTangents.Multiply(x.Tangents, -sin * T.Pi)));
    }

    /// <summary>sin(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> SinPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.SinPi(x.Value, out T d), d);

    /// <summary>cos(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> CosPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.CosPi(x.Value, out T d), d);

    /// <summary>tan(πx).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> TanPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.TanPi(x.Value, out T d), d);

    /// <summary>arcsin x; derivative 1/√(1−x²), infinite at ±1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Asin(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Asin(x.Value, out T d), d);

    /// <summary>arccos x; derivative −1/√(1−x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Acos(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Acos(x.Value, out T d), d);

    /// <summary>arctan x; derivative 1/(1+x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Atan(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Atan(x.Value, out T d), d);

    /// <summary>arcsin(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> AsinPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.AsinPi(x.Value, out T d), d);

    /// <summary>arccos(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> AcosPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.AcosPi(x.Value, out T d), d);

    /// <summary>arctan(x)/π.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> AtanPi(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.AtanPi(x.Value, out T d), d);

    /// <summary>atan2(y, x); NaN tangent at the origin.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Atan2(Dual<T, TTangents> y, Dual<T, TTangents> x)
    {
        T v = DerivativeRules<T>.Atan2(y.Value, x.Value, out T dy, out T dx);
        return Chain(y, dy, x, dx, v);
    }

    /// <summary>atan2(y, x)/π.</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Atan2Pi(Dual<T, TTangents> y, Dual<T, TTangents> x)
    {
        T v = DerivativeRules<T>.Atan2Pi(y.Value, x.Value, out T dy, out T dx);
        return Chain(y, dy, x, dx, v);
    }

    // ---------------------------------------------------------------------------------------------
    // Hyperbolic functions (IHyperbolicFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>sinh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Sinh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Sinh(x.Value, out T d), d);

    /// <summary>cosh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Cosh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Cosh(x.Value, out T d), d);

    /// <summary>tanh x; derivative 1 − tanh² x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Tanh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Tanh(x.Value, out T d), d);

    /// <summary>arsinh x.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Asinh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Asinh(x.Value, out T d), d);

    /// <summary>arcosh x; derivative 1/√(x²−1), infinite at 1.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Acosh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Acosh(x.Value, out T d), d);

    /// <summary>artanh x; derivative 1/(1−x²).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Atanh(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Atanh(x.Value, out T d), d);

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection (INumberBase, INumber)
    // ---------------------------------------------------------------------------------------------

    /// <summary>|x|; derivative sign(x), 0 at x = 0.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Abs(Dual<T, TTangents> value) => Chain(value, DerivativeRules<T>.Abs(value.Value, out T d), d);

    [MethodImpl(Inline)]
    private static Dual<T, TTangents> Select(T chosen, Dual<T, TTangents> x, Dual<T, TTangents> y)
    {
        DerivativeRules<T>.Select(chosen, x.Value, y.Value, out T wx, out T wy);
        return Chain(x, wx, y, wy, chosen);
    }

    /// <summary>The larger value (NaN if either is NaN); at a tie the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Max(Dual<T, TTangents> x, Dual<T, TTangents> y) => Select(T.Max(x.Value, y.Value), x, y);

    /// <summary>The smaller value (NaN if either is NaN); at a tie the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Min(Dual<T, TTangents> x, Dual<T, TTangents> y) => Select(T.Min(x.Value, y.Value), x, y);

    /// <summary>The larger value, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MaxNumber(Dual<T, TTangents> x, Dual<T, TTangents> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : Max(x, y);

    /// <summary>The smaller value, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MinNumber(Dual<T, TTangents> x, Dual<T, TTangents> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : Min(x, y);

    /// <summary>The operand of larger magnitude; at a tie of equal values the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MaxMagnitude(Dual<T, TTangents> x, Dual<T, TTangents> y) => Select(T.MaxMagnitude(x.Value, y.Value), x, y);

    /// <summary>The operand of smaller magnitude; at a tie of equal values the tangents are averaged.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MinMagnitude(Dual<T, TTangents> x, Dual<T, TTangents> y) => Select(T.MinMagnitude(x.Value, y.Value), x, y);

    /// <summary>The operand of larger magnitude, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MaxMagnitudeNumber(Dual<T, TTangents> x, Dual<T, TTangents> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : MaxMagnitude(x, y);

    /// <summary>The operand of smaller magnitude, ignoring a NaN operand.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> MinMagnitudeNumber(Dual<T, TTangents> x, Dual<T, TTangents> y) => T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : MinMagnitude(x, y);

    /// <summary>Clamps x to [min, max]: the tangent is that of whichever bound or x the value came from
    /// (x's own at the bounds: clamp is the identity on the closed interval, so clamping twice keeps the derivative;
    /// JAX's jnp.clip averages there and lax.clamp gives 0 — see docs/design.md).</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Clamp(Dual<T, TTangents> value, Dual<T, TTangents> min, Dual<T, TTangents> max)
    {
        T v = T.Clamp(value.Value, min.Value, max.Value);
        return T.IsNaN(v) ? new(v, TTangents.Multiply(value.Tangents, v)) // a NaN operand poisons the tangent, as in Min and Max
            : value.Value < min.Value ? new(v, min.Tangents) : value.Value > max.Value ? new(v, max.Tangents) : new(v, value.Tangents);
    }

    /// <summary>|x| with the sign of y; the tangent is ±x's (the sign of y contributes nothing).</summary>
    /// <param name="value">The magnitude source.</param>
    /// <param name="sign">The sign source.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> CopySign(Dual<T, TTangents> value, Dual<T, TTangents> sign)
    {
        T v = T.CopySign(value.Value, sign.Value);
        bool flipped = T.IsNegative(v) != T.IsNegative(value.Value);
        return new(v, flipped ? TTangents.Negate(value.Tangents) : value.Tangents);
    }

    // ---------------------------------------------------------------------------------------------
    // IFloatingPointIeee754 and rounding
    // ---------------------------------------------------------------------------------------------

    /// <summary>x·y + z with a single rounding in the value; tangent ẋ·y + ẏ·x + ż.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    /// <param name="addend">z.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> FusedMultiplyAdd(Dual<T, TTangents> left, Dual<T, TTangents> right, Dual<T, TTangents> addend)
        => new(T.FusedMultiplyAdd(left.Value, right.Value, addend.Value), TTangents.Add(TTangents.MultiplyAdd(left.Tangents, right.Value, right.Tangents, left.Value), addend.Tangents));

    /// <summary>x·y + z, possibly fused; tangent ẋ·y + ẏ·x + ż.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    /// <param name="addend">z.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> MultiplyAddEstimate(Dual<T, TTangents> left, Dual<T, TTangents> right, Dual<T, TTangents> addend) => left * right + addend;

    /// <summary>x·2ⁿ, exact in both parts: each tangent lane is <typeparamref name="T"/>'s own ScaleB (a product with
    /// 2ⁿ would give 0 or NaN where 2ⁿ itself over- or underflows but the scaled lane does not).</summary>
    /// <param name="x">The operand.</param>
    /// <param name="n">The power of two.</param>
    public static Dual<T, TTangents> ScaleB(Dual<T, TTangents> x, int n)
    {
        LaneBuffer buffer = default;
        Span<T> lanes = TTangents.Count <= LaneBuffer.Length ? ((Span<T>)buffer)[..TTangents.Count] : new T[TTangents.Count];
        x.Tangents.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = T.ScaleB(lanes[i], n);
        }
        return new(T.ScaleB(x.Value, n), TTangents.Create(lanes));
    }

    /// <summary>Room for the lanes of every library block, for the few operations done lane by lane.</summary>
    [InlineArray(Length)]
    private struct LaneBuffer
    {
        public const int Length = 16;
        private T _0;
    }

    /// <summary>IEEE remainder x − y·round(x/y); ∂/∂x = 1, ∂/∂y = −round(x/y).</summary>
    /// <param name="left">x.</param>
    /// <param name="right">y.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Ieee754Remainder(Dual<T, TTangents> left, Dual<T, TTangents> right)
    {
        T v = T.Ieee754Remainder(left.Value, right.Value);
        T quotient = T.Round((left.Value - v) / right.Value);
        return new(v, TTangents.Subtract(left.Tangents, TTangents.Multiply(right.Tangents, quotient)));
    }

    /// <summary>The next value up; the tangent is unchanged.</summary>
    /// <param name="x">The operand.</param>
    public static Dual<T, TTangents> BitIncrement(Dual<T, TTangents> x) => new(T.BitIncrement(x.Value), x.Tangents);

    /// <summary>The next value down; the tangent is unchanged.</summary>
    /// <param name="x">The operand.</param>
    public static Dual<T, TTangents> BitDecrement(Dual<T, TTangents> x) => new(T.BitDecrement(x.Value), x.Tangents);

    /// <summary>Linear interpolation a + (b − a)·t, with the value from <typeparamref name="T"/>'s own Lerp.</summary>
    /// <param name="value1">a.</param>
    /// <param name="value2">b.</param>
    /// <param name="amount">t.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> Lerp(Dual<T, TTangents> value1, Dual<T, TTangents> value2, Dual<T, TTangents> amount)
        => new(T.Lerp(value1.Value, value2.Value, amount.Value),
               TTangents.Add(TTangents.MultiplyAdd(value1.Tangents, T.One - amount.Value, value2.Tangents, amount.Value), TTangents.Multiply(amount.Tangents, value2.Value - value1.Value)));

    /// <summary>An estimate of 1/x (the value is <typeparamref name="T"/>'s estimate); derivative −1/x².</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> ReciprocalEstimate(Dual<T, TTangents> x)
    {
        T v = T.ReciprocalEstimate(x.Value);
        return new(v, TTangents.Multiply(x.Tangents, -(v * v)));
    }

    /// <summary>An estimate of 1/√x; derivative −½·x^(−3/2).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> ReciprocalSqrtEstimate(Dual<T, TTangents> x)
    {
        T v = T.ReciprocalSqrtEstimate(x.Value);
        return new(v, TTangents.Multiply(x.Tangents, -(Constants<T>.Half * v * v * v)));
    }

    /// <summary>Rounds down; zero tangent (the derivative almost everywhere, and JAX's choice at integers).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Floor(Dual<T, TTangents> x) => Constant(T.Floor(x.Value), x);

    /// <summary>Rounds up; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Ceiling(Dual<T, TTangents> x) => Constant(T.Ceiling(x.Value), x);

    /// <summary>Rounds toward zero; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Truncate(Dual<T, TTangents> x) => Constant(T.Truncate(x.Value), x);

    /// <summary>Rounds to nearest, ties to even; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] public static Dual<T, TTangents> Round(Dual<T, TTangents> x) => Constant(T.Round(x.Value), x);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="digits">The number of fractional digits.</param>
    public static Dual<T, TTangents> Round(Dual<T, TTangents> x, int digits) => Constant(T.Round(x.Value, digits), x);

    /// <summary>Rounds with <paramref name="mode"/>; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="mode">The rounding mode.</param>
    public static Dual<T, TTangents> Round(Dual<T, TTangents> x, MidpointRounding mode) => Constant(T.Round(x.Value, mode), x);

    /// <summary>Rounds to <paramref name="digits"/> fractional digits with <paramref name="mode"/>; zero tangent.</summary>
    /// <param name="x">The operand.</param>
    /// <param name="digits">The number of fractional digits.</param>
    /// <param name="mode">The rounding mode.</param>
    public static Dual<T, TTangents> Round(Dual<T, TTangents> x, int digits, MidpointRounding mode) => Constant(T.Round(x.Value, digits, mode), x);

    // ---------------------------------------------------------------------------------------------
    // Machine-learning staples (not in .NET's generic math)
    // ---------------------------------------------------------------------------------------------

    /// <summary>The logistic sigmoid 1/(1+e^−x), without overflow for large |x|; derivative σ(1−σ).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T, TTangents> Sigmoid(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Sigmoid(x.Value, out T d), d);

    /// <summary>Softplus ln(1+eˣ), without overflow for large |x|; derivative σ(x).</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T, TTangents> Softplus(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Softplus(x.Value, out T d), d);

    /// <summary>max(x, 0); derivative 1 for x &gt; 0, 0 for x ≤ 0.</summary>
    /// <param name="x">The operand.</param>
    [MethodImpl(Inline)] internal static Dual<T, TTangents> Relu(Dual<T, TTangents> x) => Chain(x, DerivativeRules<T>.Relu(x.Value, out T d), d);

    /// <summary>ln Σ eˣⁱ, shifted by the maximum so it neither overflows nor underflows; its gradient is softmax(x).</summary>
    /// <param name="x">The operands; an empty span gives −∞.</param>
    internal static Dual<T, TTangents> LogSumExp(ReadOnlySpan<Dual<T, TTangents>> x)
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
            // As Dual<T>.LogSumExp: NaN tangents for NaN; else the average tangent of the arguments attaining ±∞.
            if (T.IsNaN(max))
            {
                return new(max, TTangents.Multiply(x[0].Tangents, max));
            }
            T count = T.Zero;
            TTangents sumOfTangents = TTangents.Zero;
            foreach (Dual<T, TTangents> item in x)
            {
                if (!(item.Value < max) && !(item.Value > max))
                {
                    count += T.One;
                    sumOfTangents = TTangents.Add(sumOfTangents, item.Tangents);
                }
            }
            return new(max, TTangents.Divide(sumOfTangents, count));
        }
        T sum = T.Zero;
        TTangents weighted = TTangents.Zero;
        foreach (Dual<T, TTangents> item in x)
        {
            T e = T.Exp(item.Value - max);
            sum += e;
            weighted = TTangents.Add(weighted, TTangents.Multiply(item.Tangents, e));
        }
        return new(max + T.Log(sum), TTangents.Divide(weighted, sum));
    }

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable); tangent yᵢ(ẋᵢ − Σⱼ yⱼẋⱼ).</summary>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; must have the length of <paramref name="x"/>. It may be
    /// <paramref name="x"/> itself (in place), but not overlap it otherwise.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap without being the same.</exception>
    internal static void Softmax(ReadOnlySpan<Dual<T, TTangents>> x, Span<Dual<T, TTangents>> destination)
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
        // As Dual<T>.Softmax: destination keeps x's tangents until the last loop, so in-place calls are exact.
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            T e = T.Exp(x[i].Value - max);
            sum += e;
            destination[i] = new(e, x[i].Tangents);
        }
        TTangents mean = TTangents.Zero;
        for (int i = 0; i < destination.Length; i++)
        {
            T y = destination[i].Value / sum;
            mean = TTangents.Add(mean, TTangents.Multiply(destination[i].Tangents, y));
            destination[i] = new(y, destination[i].Tangents);
        }
        for (int i = 0; i < destination.Length; i++)
        {
            T y = destination[i].Value;
            destination[i] = new(y, TTangents.Multiply(TTangents.Subtract(destination[i].Tangents, mean), y));
        }
    }
}
