using System.Runtime.CompilerServices;

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
        T quotient = left.Value / right.Value;
        T inverse = T.One / right.Value;
        T dRight = -quotient * inverse;
        if (T.IsFinite(dRight) && (Constants<T>.IsNormal(inverse) || !T.IsFinite(right.Value) || right.Value == T.Zero))
        {
            // d(a/c) = b·(1/c) + d·(−(a/c)/c): the same two-term form the multi-tangent type uses.
            return new(quotient, left.Tangent * inverse + right.Tangent * dRight);
        }
        return new(quotient, QuotientTangentSlow(left.Tangent, right.Tangent, quotient, right.Value));
    }

    // The ends of the range: 1/c over- or underflows (|c| near the ends of the range) though the tangent may not, so
    // 1/c = s/(c·s) with s an exact power of two that makes 1/(c·s) normal; and where a partial is not finite (a/c²
    // overflows), a zero tangent — a constant operand — contributes 0 rather than 0·∞ = NaN.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T QuotientTangentSlow(T b, T d, T quotient, T c)
    {
        T s1 = T.One, s2 = T.One, inverse = T.One / c;
        if (!Constants<T>.IsNormal(inverse) && T.IsFinite(c) && c != T.Zero)
        {
            inverse = DerivativeRules<T>.ScaledReciprocal(c, out s1, out s2);
        }
        T dRight = -quotient * inverse;
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
