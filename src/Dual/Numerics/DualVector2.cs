namespace Dual.Numerics;

/// <summary>
/// The dual twin of <see cref="Vector2"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/> (<c>Dual&lt;float&gt;</c>, or <c>Dual&lt;float, TTangents&gt;</c> in multi-tangent twins),
/// with the arithmetic operators and functions of <see cref="Vector2"/> computed by the same formulas, so the derivatives come from the
/// dual arithmetic. Equality is not offered: <c>Dual</c> equality also compares tangents, while the twin of
/// <c>a == b</c> must compare values (the generator reports <c>==</c> on vectors).
/// </summary>
/// <typeparam name="TScalar">The component type.</typeparam>
public readonly struct DualVector2<TScalar>
    where TScalar : IFloatingPointIeee754<TScalar>
{
    /// <summary>The X component.</summary>
    public readonly TScalar X;

    /// <summary>The Y component.</summary>
    public readonly TScalar Y;

    /// <summary>A vector from its components.</summary>
    /// <param name="x">The X component.</param>
    /// <param name="y">The Y component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector2(TScalar x, TScalar y)
    {
        X = x;
        Y = y;
    }

    /// <summary>A vector whose components are all <paramref name="value"/>.</summary>
    /// <param name="value">The value of every component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector2(TScalar value)
    {
        X = value;
        Y = value;
    }

    /// <summary>The zero vector.</summary>
    public static DualVector2<TScalar> Zero => new(TScalar.Zero);

    /// <summary>The vector of ones.</summary>
    public static DualVector2<TScalar> One => new(TScalar.One);

    /// <summary>The unit vector along X.</summary>
    public static DualVector2<TScalar> UnitX => new(TScalar.One, TScalar.Zero);

    /// <summary>The unit vector along Y.</summary>
    public static DualVector2<TScalar> UnitY => new(TScalar.Zero, TScalar.One);

    /// <summary>A constant vector (zero tangents).</summary>
    /// <param name="value">The vector.</param>
    public static implicit operator DualVector2<TScalar>(Vector2 value) => new(TScalar.CreateChecked(value.X), TScalar.CreateChecked(value.Y));

    /// <summary>Component-wise sum.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator +(DualVector2<TScalar> left, DualVector2<TScalar> right) => new(left.X + right.X, left.Y + right.Y);

    /// <summary>Component-wise difference.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator -(DualVector2<TScalar> left, DualVector2<TScalar> right) => new(left.X - right.X, left.Y - right.Y);

    /// <summary>Component-wise product.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator *(DualVector2<TScalar> left, DualVector2<TScalar> right) => new(left.X * right.X, left.Y * right.Y);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator *(DualVector2<TScalar> left, TScalar right) => new(left.X * right, left.Y * right);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator *(TScalar left, DualVector2<TScalar> right) => new(left * right.X, left * right.Y);

    /// <summary>Component-wise quotient.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator /(DualVector2<TScalar> left, DualVector2<TScalar> right) => new(left.X / right.X, left.Y / right.Y);

    /// <summary>The vector divided by a scalar.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator /(DualVector2<TScalar> left, TScalar right) => new(left.X / right, left.Y / right);

    /// <summary>The negated vector.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> operator -(DualVector2<TScalar> value) => new(-value.X, -value.Y);

    /// <summary>The dot product.</summary>
    /// <param name="value1">The first vector.</param>
    /// <param name="value2">The second vector.</param>
    /// <returns>Σ value1ᵢ·value2ᵢ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Dot(DualVector2<TScalar> value1, DualVector2<TScalar> value2) => value1.X * value2.X + value1.Y * value2.Y;

    /// <summary>The squared Euclidean length.</summary>
    /// <returns>The dot product of the vector with itself.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar LengthSquared() => Dot(this, this);

    /// <summary>The Euclidean length.</summary>
    /// <returns>√(LengthSquared()).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar Length() => TScalar.Sqrt(LengthSquared());

    /// <summary>The vector divided by its length, as <see cref="Vector2.Normalize(Vector2)"/>.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The unit vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> Normalize(DualVector2<TScalar> value) => value / value.Length();

    /// <summary>The distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Distance(DualVector2<TScalar> value1, DualVector2<TScalar> value2) => (value1 - value2).Length();

    /// <summary>The squared distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The squared length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar DistanceSquared(DualVector2<TScalar> value1, DualVector2<TScalar> value2) => (value1 - value2).LengthSquared();

    /// <summary>Linear interpolation, as <see cref="Vector2.Lerp(Vector2, Vector2, float)"/>: value1·(1 − amount) + value2·amount.</summary>
    /// <param name="value1">The start.</param>
    /// <param name="value2">The end.</param>
    /// <param name="amount">The weight of <paramref name="value2"/>.</param>
    /// <returns>The interpolated vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector2<TScalar> Lerp(DualVector2<TScalar> value1, DualVector2<TScalar> value2, TScalar amount) => (value1 * (TScalar.One - amount)) + (value2 * amount);

    /// <inheritdoc />
    public override string ToString() => "<" + X + ", " + Y + ">";
}
