namespace Dual;

public readonly partial struct Dual<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // The functions whose tangent is the operand's tangent times a derivative rule (Chain), a selection (Select) or zero
    // (Constant) are generated from tools/Rules/functions.json into this type's Functions.g.cs, the same text for both dual
    // types; this file holds the helpers those bodies call and the functions whose tangent arithmetic is written out.

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
    // Trigonometric functions (ITrigonometricFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>Sine and cosine together from one <c>T.SinCos</c> call, which also serves both derivatives
    /// (the fastest way to get both on the CPU; inside ILGPU kernels call <see cref="Sin"/> and <see cref="Cos"/>).</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)]
    public static (Dual<T> Sin, Dual<T> Cos) SinCos(Dual<T> x)
    {
        // Through the rules' sincos: at double and float the memo, which a Hessian's passes replay (SinCosMemo).
        T sin = DerivativeRules<T>.SinAndCos(x.Value, out T cos);
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

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection (INumberBase, INumber)
    // ---------------------------------------------------------------------------------------------

    [MethodImpl(Inline)]
    private static Dual<T> Select(T chosen, Dual<T> x, Dual<T> y)
    {
        DerivativeRules<T>.Select(chosen, x.Value, y.Value, out T wx, out T wy);
        return Chain(x, wx, y, wy, chosen);
    }

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
    internal static Dual<T> LogSumExp(ReadOnlySpan<Dual<T>> x) => DualNumber<Dual<T>, T>.LogSumExp(x);

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable); tangent yᵢ(ẋᵢ − Σⱼ yⱼẋⱼ).</summary>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; must have the length of <paramref name="x"/>. It may be
    /// <paramref name="x"/> itself (in place), but not overlap it otherwise.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap without being the same.</exception>
    internal static void Softmax(ReadOnlySpan<Dual<T>> x, Span<Dual<T>> destination) => DualNumber<Dual<T>, T>.Softmax(x, destination);
}
