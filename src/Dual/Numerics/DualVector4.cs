namespace Dual.Numerics;

/// <summary>
/// The dual twin of <see cref="Vector4"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/> (<c>Dual&lt;float&gt;</c>, or <c>Dual&lt;float, TTangents&gt;</c> in multi-tangent twins),
/// with the arithmetic operators and functions of <see cref="Vector4"/> computed by the same formulas, so the derivatives come from the
/// dual arithmetic. Equality is not offered: <c>Dual</c> equality also compares tangents, while the twin of
/// <c>a == b</c> must compare values (the generator reports <c>==</c> on vectors).
/// </summary>
/// <typeparam name="TScalar">The component type.</typeparam>
public readonly struct DualVector4<TScalar>
    where TScalar : IFloatingPointIeee754<TScalar>
{
    /// <summary>The X component.</summary>
    public readonly TScalar X;

    /// <summary>The Y component.</summary>
    public readonly TScalar Y;

    /// <summary>The Z component.</summary>
    public readonly TScalar Z;

    /// <summary>The W component.</summary>
    public readonly TScalar W;

    /// <summary>A vector from its components.</summary>
    /// <param name="x">The X component.</param>
    /// <param name="y">The Y component.</param>
    /// <param name="z">The Z component.</param>
    /// <param name="w">The W component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector4(TScalar x, TScalar y, TScalar z, TScalar w)
    {
        X = x;
        Y = y;
        Z = z;
        W = w;
    }

    /// <summary>A vector whose components are all <paramref name="value"/>.</summary>
    /// <param name="value">The value of every component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector4(TScalar value)
    {
        X = value;
        Y = value;
        Z = value;
        W = value;
    }

    /// <summary>The zero vector.</summary>
    public static DualVector4<TScalar> Zero => new(TScalar.Zero);

    /// <summary>The vector of ones.</summary>
    public static DualVector4<TScalar> One => new(TScalar.One);

    /// <summary>The unit vector along X.</summary>
    public static DualVector4<TScalar> UnitX => new(TScalar.One, TScalar.Zero, TScalar.Zero, TScalar.Zero);

    /// <summary>The unit vector along Y.</summary>
    public static DualVector4<TScalar> UnitY => new(TScalar.Zero, TScalar.One, TScalar.Zero, TScalar.Zero);

    /// <summary>The unit vector along Z.</summary>
    public static DualVector4<TScalar> UnitZ => new(TScalar.Zero, TScalar.Zero, TScalar.One, TScalar.Zero);

    /// <summary>The unit vector along W.</summary>
    public static DualVector4<TScalar> UnitW => new(TScalar.Zero, TScalar.Zero, TScalar.Zero, TScalar.One);

    /// <summary>A constant vector (zero tangents).</summary>
    /// <param name="value">The vector.</param>
    public static implicit operator DualVector4<TScalar>(Vector4 value) => new(TScalar.CreateChecked(value.X), TScalar.CreateChecked(value.Y), TScalar.CreateChecked(value.Z), TScalar.CreateChecked(value.W));

    /// <summary>Component-wise sum.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator +(DualVector4<TScalar> left, DualVector4<TScalar> right) => new(left.X + right.X, left.Y + right.Y, left.Z + right.Z, left.W + right.W);

    /// <summary>Component-wise difference.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator -(DualVector4<TScalar> left, DualVector4<TScalar> right) => new(left.X - right.X, left.Y - right.Y, left.Z - right.Z, left.W - right.W);

    /// <summary>Component-wise product.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator *(DualVector4<TScalar> left, DualVector4<TScalar> right) => new(left.X * right.X, left.Y * right.Y, left.Z * right.Z, left.W * right.W);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator *(DualVector4<TScalar> left, TScalar right) => new(left.X * right, left.Y * right, left.Z * right, left.W * right);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator *(TScalar left, DualVector4<TScalar> right) => new(left * right.X, left * right.Y, left * right.Z, left * right.W);

    /// <summary>Component-wise quotient.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator /(DualVector4<TScalar> left, DualVector4<TScalar> right) => new(left.X / right.X, left.Y / right.Y, left.Z / right.Z, left.W / right.W);

    /// <summary>The vector divided by a scalar.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator /(DualVector4<TScalar> left, TScalar right) => new(left.X / right, left.Y / right, left.Z / right, left.W / right);

    /// <summary>The negated vector.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> operator -(DualVector4<TScalar> value) => new(-value.X, -value.Y, -value.Z, -value.W);

    /// <summary>The dot product.</summary>
    /// <param name="value1">The first vector.</param>
    /// <param name="value2">The second vector.</param>
    /// <returns>Σ value1ᵢ·value2ᵢ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Dot(DualVector4<TScalar> value1, DualVector4<TScalar> value2) => value1.X * value2.X + value1.Y * value2.Y + value1.Z * value2.Z + value1.W * value2.W;

    /// <summary>The squared Euclidean length.</summary>
    /// <returns>The dot product of the vector with itself.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar LengthSquared() => Dot(this, this);

    /// <summary>The Euclidean length.</summary>
    /// <returns>√(LengthSquared()).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar Length() => TScalar.Sqrt(LengthSquared());

    /// <summary>The vector divided by its length, as <see cref="Vector4.Normalize(Vector4)"/>.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The unit vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> Normalize(DualVector4<TScalar> value) => value / value.Length();

    /// <summary>The distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Distance(DualVector4<TScalar> value1, DualVector4<TScalar> value2) => (value1 - value2).Length();

    /// <summary>The squared distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The squared length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar DistanceSquared(DualVector4<TScalar> value1, DualVector4<TScalar> value2) => (value1 - value2).LengthSquared();

    /// <summary>Linear interpolation, as <see cref="Vector4.Lerp(Vector4, Vector4, float)"/>: value1·(1 − amount) + value2·amount.</summary>
    /// <param name="value1">The start.</param>
    /// <param name="value2">The end.</param>
    /// <param name="amount">The weight of <paramref name="value2"/>.</param>
    /// <returns>The interpolated vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector4<TScalar> Lerp(DualVector4<TScalar> value1, DualVector4<TScalar> value2, TScalar amount) => (value1 * (TScalar.One - amount)) + (value2 * amount);

    /// <inheritdoc />
    public override string ToString() => "<" + X + ", " + Y + ", " + Z + ", " + W + ">";
}
