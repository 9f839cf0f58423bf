namespace Dual;

public readonly partial struct Dual<T, TTangents>
{
    // Lane by lane the same operations, in the same order, as Dual<T>'s operators.
    // (Never a·1 + b·s for a + b·s: with nested duals as T, a·1 is not exact where a lane is infinite, as 0·∞ = NaN.)

    /// <summary>(a + Σbε) + (c + dε) = (a + c) + (b + d)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator +(Dual<T, TTangents> left, Dual<T, TTangents> right) => new(left.Value + right.Value, TTangents.Add(left.Tangents, right.Tangents));

    /// <summary>(a + Σbε) + c: the tangent is unchanged.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator +(Dual<T, TTangents> left, T right) => new(left.Value + right, left.Tangents);

    /// <summary>c + (a + Σbε): the tangent is unchanged.</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator +(T left, Dual<T, TTangents> right) => new(left + right.Value, right.Tangents);

    /// <summary>(a + Σbε) − (c + dε) = (a − c) + (b − d)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator -(Dual<T, TTangents> left, Dual<T, TTangents> right) => new(left.Value - right.Value, TTangents.Subtract(left.Tangents, right.Tangents));

    /// <summary>(a + Σbε) − c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator -(Dual<T, TTangents> left, T right) => new(left.Value - right, left.Tangents);

    /// <summary>c − (a + Σbε).</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator -(T left, Dual<T, TTangents> right) => new(left - right.Value, TTangents.Negate(right.Tangents));

    /// <summary>(a + Σbε)(c + dε) = ac + (bc + ad)ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator *(Dual<T, TTangents> left, Dual<T, TTangents> right)
        => new(left.Value * right.Value, TTangents.MultiplyAdd(left.Tangents, right.Value, right.Tangents, left.Value));

    /// <summary>(a + Σbε)·c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator *(Dual<T, TTangents> left, T right) => new(left.Value * right, TTangents.Multiply(left.Tangents, right));

    /// <summary>c·(a + Σbε).</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator *(T left, Dual<T, TTangents> right) => new(left * right.Value, TTangents.Multiply(right.Tangents, left));

    /// <summary>(a + Σbε)/(c + dε) = a/c + (b − (a/c)·d)/c ε.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator /(Dual<T, TTangents> left, Dual<T, TTangents> right)
    {
        T quotient = DerivativeRules<T>.Quotient(left.Value, right.Value, out T inverse, out T dRight);
        // A finite −(a/c)·(1/c) has a finite 1/c (1/c = ±∞ or NaN would make it infinite or NaN), so 1/c is normal when it
        // is not below the normal range: one comparison for IsNormal's two.
        if (T.IsFinite(dRight) && (T.Abs(inverse) >= Constants<T>.SmallestNormal || !T.IsFinite(right.Value) || right.Value == T.Zero))
        {
            return new(quotient, TTangents.MultiplyAdd(left.Tangents, inverse, right.Tangents, dRight));
        }
        return new(quotient, QuotientTangentsSlow(left.Tangents, right.Tangents, quotient, right.Value));
    }

    // As Dual<T>.QuotientTangentSlow, lane by lane.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TTangents QuotientTangentsSlow(TTangents b, TTangents d, T quotient, T c)
    {
        DerivativeRules<T>.ScaledQuotientPartials(quotient, c, out T inverse, out T dRight, out T s1, out T s2);
        TTangents sum = T.IsFinite(inverse) && T.IsFinite(dRight) ? TTangents.MultiplyAdd(b, inverse, d, dRight) : TTangents.MultiplyAddSkippingZeros(b, inverse, d, dRight);
        return TTangents.Multiply(TTangents.Multiply(sum, s1), s2);
    }

    /// <summary>(a + Σbε)/c.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The constant right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator /(Dual<T, TTangents> left, T right) => new(left.Value / right, TTangents.Divide(left.Tangents, right));

    /// <summary>c/(a + Σbε) = c/a − (c/a²)·b ε.</summary>
    /// <param name="left">The constant left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator /(T left, Dual<T, TTangents> right)
    {
        T quotient = left / right.Value;
        return new(quotient, TTangents.Multiply(right.Tangents, -quotient / right.Value));
    }

    /// <summary>Remainder a % c (truncated division); ∂/∂a = 1, ∂/∂c = −trunc(a/c).</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator %(Dual<T, TTangents> left, Dual<T, TTangents> right)
    {
        T remainder = left.Value % right.Value;
        T quotient = T.Round((left.Value - remainder) / right.Value);
        return new(remainder, TTangents.Subtract(left.Tangents, TTangents.Multiply(right.Tangents, quotient)));
    }

    /// <summary>Negation of both parts.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator -(Dual<T, TTangents> value) => new(-value.Value, TTangents.Negate(value.Tangents));

    /// <summary>Identity.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator +(Dual<T, TTangents> value) => value;

    /// <summary>Adds one to the value; the tangent is unchanged.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator ++(Dual<T, TTangents> value) => new(value.Value + T.One, value.Tangents);

    /// <summary>Subtracts one from the value; the tangent is unchanged.</summary>
    /// <param name="value">The operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> operator --(Dual<T, TTangents> value) => new(value.Value - T.One, value.Tangents);
}
