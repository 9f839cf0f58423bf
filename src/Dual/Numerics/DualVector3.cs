namespace Dual.Numerics;

/// <summary>
/// The dual twin of <see cref="Vector3"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/> (<c>Dual&lt;float&gt;</c>, or <c>Dual&lt;float, TTangents&gt;</c> in multi-tangent twins),
/// with the arithmetic operators and functions of <see cref="Vector3"/> computed by the same formulas, so the derivatives come from the
/// dual arithmetic. Equality is not offered: <c>Dual</c> equality also compares tangents, while the twin of
/// <c>a == b</c> must compare values (the generator reports <c>==</c> on vectors).
/// </summary>
/// <typeparam name="TScalar">The component type.</typeparam>
public readonly struct DualVector3<TScalar>
    where TScalar : IFloatingPointIeee754<TScalar>
{
    /// <summary>The X component.</summary>
    public readonly TScalar X;

    /// <summary>The Y component.</summary>
    public readonly TScalar Y;

    /// <summary>The Z component.</summary>
    public readonly TScalar Z;

    /// <summary>A vector from its components.</summary>
    /// <param name="x">The X component.</param>
    /// <param name="y">The Y component.</param>
    /// <param name="z">The Z component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector3(TScalar x, TScalar y, TScalar z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>A vector whose components are all <paramref name="value"/>.</summary>
    /// <param name="value">The value of every component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualVector3(TScalar value)
    {
        X = value;
        Y = value;
        Z = value;
    }

    /// <summary>The zero vector.</summary>
    public static DualVector3<TScalar> Zero => new(TScalar.Zero);

    /// <summary>The vector of ones.</summary>
    public static DualVector3<TScalar> One => new(TScalar.One);

    /// <summary>The unit vector along X.</summary>
    public static DualVector3<TScalar> UnitX => new(TScalar.One, TScalar.Zero, TScalar.Zero);

    /// <summary>The unit vector along Y.</summary>
    public static DualVector3<TScalar> UnitY => new(TScalar.Zero, TScalar.One, TScalar.Zero);

    /// <summary>The unit vector along Z.</summary>
    public static DualVector3<TScalar> UnitZ => new(TScalar.Zero, TScalar.Zero, TScalar.One);

    /// <summary>A constant vector (zero tangents).</summary>
    /// <param name="value">The vector.</param>
    public static implicit operator DualVector3<TScalar>(Vector3 value) => new(TScalar.CreateChecked(value.X), TScalar.CreateChecked(value.Y), TScalar.CreateChecked(value.Z));

    /// <summary>Component-wise sum.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator +(DualVector3<TScalar> left, DualVector3<TScalar> right) => new(left.X + right.X, left.Y + right.Y, left.Z + right.Z);

    /// <summary>Component-wise difference.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator -(DualVector3<TScalar> left, DualVector3<TScalar> right) => new(left.X - right.X, left.Y - right.Y, left.Z - right.Z);

    /// <summary>Component-wise product.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator *(DualVector3<TScalar> left, DualVector3<TScalar> right) => new(left.X * right.X, left.Y * right.Y, left.Z * right.Z);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator *(DualVector3<TScalar> left, TScalar right) => new(left.X * right, left.Y * right, left.Z * right);

    /// <summary>The vector scaled.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator *(TScalar left, DualVector3<TScalar> right) => new(left * right.X, left * right.Y, left * right.Z);

    /// <summary>Component-wise quotient.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator /(DualVector3<TScalar> left, DualVector3<TScalar> right) => new(left.X / right.X, left.Y / right.Y, left.Z / right.Z);

    /// <summary>The vector divided by a scalar.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator /(DualVector3<TScalar> left, TScalar right) => new(left.X / right, left.Y / right, left.Z / right);

    /// <summary>The negated vector.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The result.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> operator -(DualVector3<TScalar> value) => new(-value.X, -value.Y, -value.Z);

    /// <summary>The dot product.</summary>
    /// <param name="value1">The first vector.</param>
    /// <param name="value2">The second vector.</param>
    /// <returns>Σ value1ᵢ·value2ᵢ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Dot(DualVector3<TScalar> value1, DualVector3<TScalar> value2) => value1.X * value2.X + value1.Y * value2.Y + value1.Z * value2.Z;

    /// <summary>The squared Euclidean length.</summary>
    /// <returns>The dot product of the vector with itself.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar LengthSquared() => Dot(this, this);

    /// <summary>The Euclidean length.</summary>
    /// <returns>√(LengthSquared()).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TScalar Length() => TScalar.Sqrt(LengthSquared());

    /// <summary>The vector divided by its length, as <see cref="Vector3.Normalize(Vector3)"/>.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The unit vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> Normalize(DualVector3<TScalar> value) => value / value.Length();

    /// <summary>The distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar Distance(DualVector3<TScalar> value1, DualVector3<TScalar> value2) => (value1 - value2).Length();

    /// <summary>The squared distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The squared length of their difference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TScalar DistanceSquared(DualVector3<TScalar> value1, DualVector3<TScalar> value2) => (value1 - value2).LengthSquared();

    /// <summary>Linear interpolation, as <see cref="Vector3.Lerp(Vector3, Vector3, float)"/>: value1·(1 − amount) + value2·amount.</summary>
    /// <param name="value1">The start.</param>
    /// <param name="value2">The end.</param>
    /// <param name="amount">The weight of <paramref name="value2"/>.</param>
    /// <returns>The interpolated vector.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> Lerp(DualVector3<TScalar> value1, DualVector3<TScalar> value2, TScalar amount) => (value1 * (TScalar.One - amount)) + (value2 * amount);

    /// <summary>The cross product.</summary>
    /// <param name="vector1">The first vector.</param>
    /// <param name="vector2">The second vector.</param>
    /// <returns>vector1 × vector2.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualVector3<TScalar> Cross(DualVector3<TScalar> vector1, DualVector3<TScalar> vector2) => new(
        (vector1.Y * vector2.Z) - (vector1.Z * vector2.Y),
        (vector1.Z * vector2.X) - (vector1.X * vector2.Z),
        (vector1.X * vector2.Y) - (vector1.Y * vector2.X));

    /// <summary>The vector rotated by a quaternion, by the formula of <see cref="Vector3.Transform(Vector3, Quaternion)"/>
    /// (the rotation matrix of <paramref name="rotation"/>, exact for a unit quaternion).</summary>
    /// <param name="value">The vector.</param>
    /// <param name="rotation">The rotation.</param>
    /// <returns>The rotated vector.</returns>
    public static DualVector3<TScalar> Transform(DualVector3<TScalar> value, DualQuaternion<TScalar> rotation)
    {
        TScalar x2 = rotation.X + rotation.X, y2 = rotation.Y + rotation.Y, z2 = rotation.Z + rotation.Z;
        TScalar wx2 = rotation.W * x2, wy2 = rotation.W * y2, wz2 = rotation.W * z2;
        TScalar xx2 = rotation.X * x2, xy2 = rotation.X * y2, xz2 = rotation.X * z2;
        TScalar yy2 = rotation.Y * y2, yz2 = rotation.Y * z2, zz2 = rotation.Z * z2;
        TScalar one = TScalar.One;
        return new(
            (value.X * (one - yy2 - zz2)) + (value.Y * (xy2 - wz2)) + (value.Z * (xz2 + wy2)),
            (value.X * (xy2 + wz2)) + (value.Y * (one - xx2 - zz2)) + (value.Z * (yz2 - wx2)),
            (value.X * (xz2 - wy2)) + (value.Y * (yz2 + wx2)) + (value.Z * (one - xx2 - yy2)));
    }

    /// <inheritdoc />
    public override string ToString() => "<" + X + ", " + Y + ", " + Z + ">";
}
