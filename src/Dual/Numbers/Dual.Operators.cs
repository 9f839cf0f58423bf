namespace Dual;

public readonly partial struct Dual<T>
{
    // Tangent formulas are written as (incoming tangent) × (local derivative), term by term in the same
    // order as Dual<T, TTangents>, so that one-tangent and multi-tangent passes agree bit for bit.

    /// <summary>(a + bε) + (c + dε) = (a + c) + (b + d)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(Dual<T> left, Dual<T> right) => new(left.Value + right.Value, left.Tangent + right.Tangent);

    /// <summary>(a + bε) + c: the tangent is unchanged.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(Dual<T> left, T right) => new(left.Value + right, left.Tangent);

    /// <summary>c + (a + bε): the tangent is unchanged.</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(T left, Dual<T> right) => new(left + right.Value, right.Tangent);

    /// <summary>(a + bε) − (c + dε) = (a − c) + (b − d)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> left, Dual<T> right) => new(left.Value - right.Value, left.Tangent - right.Tangent);

    /// <summary>(a + bε) − c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> left, T right) => new(left.Value - right, left.Tangent);

    /// <summary>c − (a + bε).</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(T left, Dual<T> right) => new(left - right.Value, -right.Tangent);

    /// <summary>(a + bε)(c + dε) = ac + (bc + ad)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(Dual<T> left, Dual<T> right)
        => new(left.Value * right.Value, left.Tangent * right.Value + right.Tangent * left.Value);

    /// <summary>(a + bε)·c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(Dual<T> left, T right) => new(left.Value * right, left.Tangent * right);

    /// <summary>c·(a + bε).</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator *(T left, Dual<T> right) => new(left * right.Value, right.Tangent * left);

    /// <summary>(a + bε)/(c + dε) = a/c + (b − (a/c)·d)/c ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(Dual<T> left, Dual<T> right)
    {
        T quotient = DerivativeRules<T>.Quotient(left.Value, right.Value, out T inverse, out T dRight);
        // A finite −(a/c)·(1/c) has a finite 1/c (1/c = ±∞ or NaN would make it infinite or NaN), so 1/c is normal when it
        // is not below the normal range: one comparison for IsNormal's two.
        if (T.IsFinite(dRight) && (T.Abs(inverse) >= Constants<T>.SmallestNormal || !T.IsFinite(right.Value) || right.Value == T.Zero))
        {
            return new(quotient, left.Tangent * inverse + right.Tangent * dRight);
        }
        return new(quotient, QuotientTangentSlow(left.Tangent, right.Tangent, quotient, right.Value));
    }

    // The ends of the range (see DerivativeRules.ScaledQuotientPartials); kept out of line so that / stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T QuotientTangentSlow(T b, T d, T quotient, T c)
    {
        DerivativeRules<T>.ScaledQuotientPartials(quotient, c, out T inverse, out T dRight, out T s1, out T s2);
        T sum = T.IsFinite(inverse) && T.IsFinite(dRight) ? b * inverse + d * dRight : Lanes<T>.ProductSkippingZero(b, inverse) + Lanes<T>.ProductSkippingZero(d, dRight);
        return sum * s1 * s2;
    }

    /// <summary>(a + bε)/c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(Dual<T> left, T right) => new(left.Value / right, left.Tangent / right);

    /// <summary>c/(a + bε) = c/a − (c/a²)·b ε.</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator /(T left, Dual<T> right)
    {
        T quotient = left / right.Value;
        return new(quotient, right.Tangent * (-quotient / right.Value));
    }

    /// <summary>Remainder a % c (truncated division); ∂/∂a = 1, ∂/∂c = −trunc(a/c).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator %(Dual<T> left, Dual<T> right)
    {
        T remainder = left.Value % right.Value;
        T quotient = T.Round((left.Value - remainder) / right.Value);
        return new(remainder, left.Tangent - right.Tangent * quotient);
    }

    /// <summary>Negation of both parts.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator -(Dual<T> value) => new(-value.Value, -value.Tangent);

    /// <summary>Identity.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator +(Dual<T> value) => value;

    /// <summary>Adds one to the value; the tangent is unchanged.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator ++(Dual<T> value) => new(value.Value + T.One, value.Tangent);

    /// <summary>Subtracts one from the value; the tangent is unchanged.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> operator --(Dual<T> value) => new(value.Value - T.One, value.Tangent);
}
