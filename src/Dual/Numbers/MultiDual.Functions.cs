namespace Dual;

public readonly partial struct Dual<T, TTangents>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // The functions whose tangent is the operand's tangent times a derivative rule (Chain), a selection (Select) or zero
    // (Constant) are generated from tools/Rules/functions.json into this type's Functions.g.cs, the same text for both dual
    // types; this file holds the helpers those bodies call and the functions whose tangent arithmetic is written out.

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
    // Trigonometric functions (ITrigonometricFunctions)
    // ---------------------------------------------------------------------------------------------

    /// <summary>Sine and cosine together from one <c>T.SinCos</c> call, which also serves both derivatives
    /// (the fastest way to get both on the CPU; inside ILGPU kernels call <see cref="Sin"/> and <see cref="Cos"/>).</summary>
    /// <param name="x">The operand, in radians.</param>
    [MethodImpl(Inline)]
    public static (Dual<T, TTangents> Sin, Dual<T, TTangents> Cos) SinCos(Dual<T, TTangents> x)
    {
        // T.SinCos itself, not the rules' memo: kernels call this (Dual.Gpu remaps T.SinCos, and cannot take thread statics).
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

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection (INumberBase, INumber)
    // ---------------------------------------------------------------------------------------------

    [MethodImpl(Inline)]
    private static Dual<T, TTangents> Select(T chosen, Dual<T, TTangents> x, Dual<T, TTangents> y)
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
    internal static Dual<T, TTangents> LogSumExp(ReadOnlySpan<Dual<T, TTangents>> x) => DualNumber<Dual<T, TTangents>, T>.LogSumExp(x);

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable); tangent yᵢ(ẋᵢ − Σⱼ yⱼẋⱼ).</summary>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; must have the length of <paramref name="x"/>. It may be
    /// <paramref name="x"/> itself (in place), but not overlap it otherwise.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap without being the same.</exception>
    internal static void Softmax(ReadOnlySpan<Dual<T, TTangents>> x, Span<Dual<T, TTangents>> destination) => DualNumber<Dual<T, TTangents>, T>.Softmax(x, destination);
}
