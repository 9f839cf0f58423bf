namespace Dual.Numerics;

/// <summary>
/// The dual twin of <see cref="Quaternion"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/>, with the operations of <see cref="Quaternion"/> computed by the same formulas.
/// </summary>
/// <typeparam name="TScalar">The component type.</typeparam>
public readonly struct DualQuaternion<TScalar>
    where TScalar : IFloatingPointIeee754<TScalar>
{
    /// <summary>The X component (vector part).</summary>
    public readonly TScalar X;

    /// <summary>The Y component (vector part).</summary>
    public readonly TScalar Y;

    /// <summary>The Z component (vector part).</summary>
    public readonly TScalar Z;

    /// <summary>The W component (scalar part).</summary>
    public readonly TScalar W;

    /// <summary>A quaternion from its components.</summary>
    /// <param name="x">The X component.</param>
    /// <param name="y">The Y component.</param>
    /// <param name="z">The Z component.</param>
    /// <param name="w">The W component.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualQuaternion(TScalar x, TScalar y, TScalar z, TScalar w)
    {
        X = x;
        Y = y;
        Z = z;
        W = w;
    }

    /// <summary>A quaternion from its vector and scalar parts.</summary>
    /// <param name="vectorPart">The vector part.</param>
    /// <param name="scalarPart">The scalar part.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualQuaternion(DualVector3<TScalar> vectorPart, TScalar scalarPart)
        : this(vectorPart.X, vectorPart.Y, vectorPart.Z, scalarPart)
    {
    }

    /// <summary>The identity rotation (0, 0, 0, 1).</summary>
    public static DualQuaternion<TScalar> Identity => new(TScalar.Zero, TScalar.Zero, TScalar.Zero, TScalar.One);

    /// <summary>The zero quaternion.</summary>
    public static DualQuaternion<TScalar> Zero => new(TScalar.Zero, TScalar.Zero, TScalar.Zero, TScalar.Zero);

    /// <summary>A constant quaternion (zero tangents).</summary>
    /// <param name="value">The quaternion.</param>
    public static implicit operator DualQuaternion<TScalar>(Quaternion value) =>
        new(TScalar.CreateChecked(value.X), TScalar.CreateChecked(value.Y), TScalar.CreateChecked(value.Z), TScalar.CreateChecked(value.W));

    /// <summary>Component-wise sum.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    public static DualQuaternion<TScalar> operator +(DualQuaternion<TScalar> left, DualQuaternion<TScalar> right) => new(left.X + right.X, left.Y + right.Y, left.Z + right.Z, left.W + right.W);

    /// <summary>Component-wise difference.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
    public static DualQuaternion<TScalar> operator -(DualQuaternion<TScalar> left, DualQuaternion<TScalar> right) => new(left.X - right.X, left.Y - right.Y, left.Z - right.Z, left.W - right.W);

    /// <summary>The negated quaternion.</summary>
    /// <param name="value">The quaternion.</param>
    /// <returns>The result.</returns>
    public static DualQuaternion<TScalar> operator -(DualQuaternion<TScalar> value) => new(-value.X, -value.Y, -value.Z, -value.W);

    /// <summary>The quaternion scaled.</summary>
    /// <param name="left">The quaternion.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The result.</returns>
    public static DualQuaternion<TScalar> operator *(DualQuaternion<TScalar> left, TScalar right) => new(left.X * right, left.Y * right, left.Z * right, left.W * right);

    /// <summary>The Hamilton product, by the formula of <see cref="Quaternion.op_Multiply(Quaternion, Quaternion)"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The product.</returns>
    public static DualQuaternion<TScalar> operator *(DualQuaternion<TScalar> left, DualQuaternion<TScalar> right)
    {
        TScalar cx = (left.Y * right.Z) - (left.Z * right.Y);
        TScalar cy = (left.Z * right.X) - (left.X * right.Z);
        TScalar cz = (left.X * right.Y) - (left.Y * right.X);
        TScalar dot = (left.X * right.X) + (left.Y * right.Y) + (left.Z * right.Z);
        return new(
            (left.X * right.W) + (right.X * left.W) + cx,
            (left.Y * right.W) + (right.Y * left.W) + cy,
            (left.Z * right.W) + (right.Z * left.W) + cz,
            (left.W * right.W) - dot);
    }

    /// <summary>The rotation by <paramref name="angle"/> radians about the unit vector <paramref name="axis"/>, as <see cref="Quaternion.CreateFromAxisAngle(Vector3, float)"/>.</summary>
    /// <param name="axis">The unit axis.</param>
    /// <param name="angle">The angle in radians.</param>
    /// <returns>(axis·sin(angle/2), cos(angle/2)).</returns>
    public static DualQuaternion<TScalar> CreateFromAxisAngle(DualVector3<TScalar> axis, TScalar angle)
    {
        TScalar half = angle * TScalar.CreateChecked(0.5f);
        TScalar s = TScalar.Sin(half), c = TScalar.Cos(half);
        return new(axis.X * s, axis.Y * s, axis.Z * s, c);
    }

    /// <summary>The conjugate (−x, −y, −z, w).</summary>
    /// <param name="value">The quaternion.</param>
    /// <returns>The conjugate.</returns>
    public static DualQuaternion<TScalar> Conjugate(DualQuaternion<TScalar> value) => new(-value.X, -value.Y, -value.Z, value.W);

    /// <summary>The dot product of the four components.</summary>
    /// <param name="quaternion1">The first quaternion.</param>
    /// <param name="quaternion2">The second quaternion.</param>
    /// <returns>The dot product.</returns>
    public static TScalar Dot(DualQuaternion<TScalar> quaternion1, DualQuaternion<TScalar> quaternion2) =>
        (quaternion1.X * quaternion2.X) + (quaternion1.Y * quaternion2.Y) + (quaternion1.Z * quaternion2.Z) + (quaternion1.W * quaternion2.W);

    /// <summary>The squared length.</summary>
    /// <returns>The dot product with itself.</returns>
    public TScalar LengthSquared() => Dot(this, this);

    /// <summary>The length.</summary>
    /// <returns>√(LengthSquared()).</returns>
    public TScalar Length() => TScalar.Sqrt(LengthSquared());

    /// <summary>The quaternion divided by its length.</summary>
    /// <param name="value">The quaternion.</param>
    /// <returns>The unit quaternion.</returns>
    public static DualQuaternion<TScalar> Normalize(DualQuaternion<TScalar> value)
    {
        TScalar inverse = TScalar.One / value.Length();
        return value * inverse;
    }

    /// <inheritdoc />
    public override string ToString() => "{X:" + X + " Y:" + Y + " Z:" + Z + " W:" + W + "}";
}
