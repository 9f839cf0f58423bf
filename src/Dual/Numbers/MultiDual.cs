using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dual;

/// <summary>
/// A multi-tangent ("chunked") dual number <c>a + Σ bᵢεᵢ</c>: a primal <see cref="Value"/> and a block of k
/// <see cref="Tangents"/>, so one evaluation of f yields k directional derivatives (k columns of a Jacobian,
/// k entries of a gradient). It behaves exactly as <see cref="Dual{T}"/> lane by lane, bit for bit.
/// </summary>
/// <typeparam name="TTangents">The tangent block: <see cref="Tangents2{T}"/>, <see cref="Tangents4{T}"/>,
/// <see cref="Tangents8{T}"/> or <see cref="Tangents16{T}"/>.</typeparam>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>, or another
/// <see cref="Dual{T, TTangents}"/> (nesting gives higher derivatives).</typeparam>
/// <remarks>
/// <para><see cref="Dual{T, TTangents}"/> implements <see cref="IFloatingPointIeee754{TSelf}"/>, so any generic-math code
/// written as <c>T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c> runs on it unchanged.</para>
/// <para>Ordering (<c>&lt;</c>, <see cref="CompareTo(Dual{T, TTangents})"/>, Min/Max selection, branches) follows the
/// primal value. Equality (<c>==</c>, <see cref="Equals(Dual{T, TTangents})"/>, <see cref="INumberBase{TSelf}.IsZero"/>) compares value
/// <em>and</em> tangent, as ForwardDiff.jl 1.0 does: a generic shortcut such as <c>if (x == T.Zero) return T.Zero;</c>
/// then cannot silently drop a derivative.</para>
/// <para>Arithmetic never throws and never allocates; NaN and infinities follow IEEE 754 in both parts.</para>
/// </remarks>
[SkipLocalsInit]
public readonly partial struct Dual<T, TTangents> :
    IFloatingPointIeee754<Dual<T, TTangents>>,
    IDualNumber<Dual<T, TTangents>, T>,
    IMinMaxValue<Dual<T, TTangents>>,
    IExactSinCos
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    /// <summary>The primal value <c>a</c>.</summary>
    public readonly T Value;

    /// <summary>The k tangents: the directional derivatives carried alongside the value.</summary>
    public readonly TTangents Tangents;

    /// <summary>Creates the dual number <paramref name="value"/> + Σ tangentsᵢ εᵢ.</summary>
    /// <param name="value">The primal value.</param>
    /// <param name="tangents">The tangents (derivative seeds).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(T value, TTangents tangents)
    {
        Value = value;
        Tangents = tangents;
    }

    /// <summary>A constant: <paramref name="value"/> with zero tangent.</summary>
    /// <param name="value">The primal value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(T value)
    {
        Value = value;
        Tangents = TTangents.Zero;
    }

    /// <summary>The variable <paramref name="value"/> + 1·ε_lane: differentiates with respect to it in lane <paramref name="lane"/>.</summary>
    /// <param name="value">The point at which to differentiate.</param>
    /// <param name="lane">The tangent lane that carries its derivative.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> Variable(T value, int lane) => new(value, TTangents.Unit(lane, T.One));

    /// <summary>The constant <paramref name="value"/> + 0ε.</summary>
    /// <param name="value">The constant.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T, TTangents> Constant(T value) => new(value, TTangents.Zero);

    /// <summary>Deconstructs into value and tangents.</summary>
    /// <param name="value">The primal value.</param>
    /// <param name="tangents">The tangents.</param>
    public void Deconstruct(out T value, out TTangents tangents)
    {
        value = Value;
        tangents = Tangents;
    }

    /// <summary>Lifts a scalar to a constant dual number (zero tangent).</summary>
    /// <param name="value">The scalar.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Dual<T, TTangents>(T value) => new(value, TTangents.Zero);

    // ---------------------------------------------------------------------------------------------
    // Constants (INumberBase, ISignedNumber, IFloatingPointConstants, IFloatingPointIeee754, IMinMaxValue)
    // ---------------------------------------------------------------------------------------------

    /// <inheritdoc cref="INumberBase{TSelf}.Zero"/>
    public static Dual<T, TTangents> Zero
    {
        [MethodImpl(Inline)]
        get => new(T.Zero, TTangents.Zero);
    }

    /// <inheritdoc cref="INumberBase{TSelf}.One"/>
    public static Dual<T, TTangents> One
    {
        [MethodImpl(Inline)]
        get => new(T.One, TTangents.Zero);
    }

    /// <inheritdoc cref="ISignedNumber{TSelf}.NegativeOne"/>
    public static Dual<T, TTangents> NegativeOne
    {
        [MethodImpl(Inline)]
        get => new(T.NegativeOne, TTangents.Zero);
    }

    /// <inheritdoc cref="IAdditiveIdentity{TSelf, TResult}.AdditiveIdentity"/>
    static Dual<T, TTangents> IAdditiveIdentity<Dual<T, TTangents>, Dual<T, TTangents>>.AdditiveIdentity => Zero;

    /// <inheritdoc cref="IMultiplicativeIdentity{TSelf, TResult}.MultiplicativeIdentity"/>
    public static Dual<T, TTangents> MultiplicativeIdentity => One;

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.E"/>
    public static Dual<T, TTangents> E => new(T.E, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Pi"/>
    public static Dual<T, TTangents> Pi => new(T.Pi, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Tau"/>
    public static Dual<T, TTangents> Tau => new(T.Tau, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Epsilon"/>
    public static Dual<T, TTangents> Epsilon => new(T.Epsilon, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NaN"/>
    public static Dual<T, TTangents> NaN => new(T.NaN, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeInfinity"/>
    public static Dual<T, TTangents> NegativeInfinity => new(T.NegativeInfinity, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.PositiveInfinity"/>
    public static Dual<T, TTangents> PositiveInfinity => new(T.PositiveInfinity, TTangents.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeZero"/>
    public static Dual<T, TTangents> NegativeZero => new(T.NegativeZero, TTangents.Zero);

    /// <summary>The largest finite value (a constant); ±∞ when <typeparamref name="T"/> has no such bound.</summary>
    public static Dual<T, TTangents> MaxValue => new(Constants<T>.MaxFinite, TTangents.Zero);

    /// <summary>The most negative finite value (a constant).</summary>
    public static Dual<T, TTangents> MinValue => new(-Constants<T>.MaxFinite, TTangents.Zero);


    // ---------------------------------------------------------------------------------------------
    // Equality: value and tangent (see the type's remarks). Ordering: value only.
    // ---------------------------------------------------------------------------------------------

    /// <summary>True when both value and tangent are equal (IEEE: NaN is unequal to everything).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(Dual<T, TTangents> left, Dual<T, TTangents> right) => left.Value == right.Value && TTangents.Equal(left.Tangents, right.Tangents);

    /// <summary>True when value or tangent differ.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(Dual<T, TTangents> left, Dual<T, TTangents> right) => !(left == right);

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(Dual<T, TTangents> left, Dual<T, TTangents> right) => left.Value < right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(Dual<T, TTangents> left, Dual<T, TTangents> right) => left.Value > right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(Dual<T, TTangents> left, Dual<T, TTangents> right) => left.Value <= right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(Dual<T, TTangents> left, Dual<T, TTangents> right) => left.Value >= right.Value;

    /// <summary>Value and tangent equal, with <see cref="object.Equals(object)"/> semantics per part (NaN equals NaN).</summary>
    /// <param name="other">The dual number to compare with.</param>
    public bool Equals(Dual<T, TTangents> other) => Value.Equals(other.Value) && (TTangents.Equal(Tangents, other.Tangents) || Tangents.Equals(other.Tangents));

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Dual<T, TTangents> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Orders by the primal value (the tangent does not take part).</summary>
    /// <param name="other">The dual number to compare with.</param>
    public int CompareTo(Dual<T, TTangents> other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => DualNumber<Dual<T, TTangents>, T>.CompareTo(this, obj);

    // ---------------------------------------------------------------------------------------------
    // Predicates: on the primal value, except IsZero, which agrees with ==.
    // IsZero, IsCanonical, IsComplexNumber and IsImaginaryNumber (and Radix, AdditiveIdentity above) are explicit
    // interface implementations, exactly as on System.Half: generic math reaches them (T.IsZero), the type does not show them.
    // IsCanonical, IsComplexNumber, IsImaginaryNumber and Radix are written once for both dual types, in IDualNumber.
    // ---------------------------------------------------------------------------------------------

    /// <summary>True when value and tangent are both zero (consistent with <c>==</c>).</summary>
    /// <param name="value">The value to test.</param>
    static bool INumberBase<Dual<T, TTangents>>.IsZero(Dual<T, TTangents> value) => T.IsZero(value.Value) && TTangents.Equal(value.Tangents, TTangents.Zero);

    /// <inheritdoc cref="INumberBase{TSelf}.IsEvenInteger"/>
    public static bool IsEvenInteger(Dual<T, TTangents> value) => T.IsEvenInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsFinite"/>
    public static bool IsFinite(Dual<T, TTangents> value) => T.IsFinite(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsInfinity"/>
    public static bool IsInfinity(Dual<T, TTangents> value) => T.IsInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsInteger"/>
    public static bool IsInteger(Dual<T, TTangents> value) => T.IsInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNaN"/>
    public static bool IsNaN(Dual<T, TTangents> value) => T.IsNaN(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNegative"/>
    public static bool IsNegative(Dual<T, TTangents> value) => T.IsNegative(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNegativeInfinity"/>
    public static bool IsNegativeInfinity(Dual<T, TTangents> value) => T.IsNegativeInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNormal"/>
    public static bool IsNormal(Dual<T, TTangents> value) => T.IsNormal(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsOddInteger"/>
    public static bool IsOddInteger(Dual<T, TTangents> value) => T.IsOddInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsPositive"/>
    public static bool IsPositive(Dual<T, TTangents> value) => T.IsPositive(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsPositiveInfinity"/>
    public static bool IsPositiveInfinity(Dual<T, TTangents> value) => T.IsPositiveInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsRealNumber"/>
    public static bool IsRealNumber(Dual<T, TTangents> value) => T.IsRealNumber(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsSubnormal"/>
    public static bool IsSubnormal(Dual<T, TTangents> value) => T.IsSubnormal(value.Value);

    /// <summary>The sign of the primal value (−1, 0 or +1); throws <see cref="ArithmeticException"/> for NaN, as <typeparamref name="T"/> does.</summary>
    /// <param name="value">The value.</param>
    public static int Sign(Dual<T, TTangents> value) => T.Sign(value.Value);

    // ---------------------------------------------------------------------------------------------
    // Formatting and parsing: formatting shows both parts; parsing yields a constant.
    // ---------------------------------------------------------------------------------------------

    /// <summary>Formats as <c>value + [t₀, t₁, …]ε</c>.</summary>
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);

    /// <summary>Formats all parts with <paramref name="format"/>, as <c>value + [t₀, t₁, …]ε</c>.</summary>
    /// <param name="format">A numeric format string applied to every part.</param>
    /// <param name="formatProvider">The culture.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var lanes = new string[TTangents.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Tangents[i].ToString(format, formatProvider);
        }
        return $"{Value.ToString(format, formatProvider)} + [{string.Join(", ", lanes)}]ε";
    }

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FormattedText.TryWrite(ToString(FormattedText.Format(format), provider), destination, out charsWritten);

    /// <inheritdoc/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FormattedText.TryWriteUtf8(ToString(FormattedText.Format(format), provider), utf8Destination, out bytesWritten);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T, TTangents> Parse(string s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider), TTangents.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T, TTangents> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider), TTangents.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T, TTangents> Parse(string s, IFormatProvider? provider) => new(T.Parse(s, provider), TTangents.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T, TTangents> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(T.Parse(s, provider), TTangents.Zero);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Dual<T, TTangents> result)
        => ILiftedNumber<Dual<T, TTangents>, T>.ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Dual<T, TTangents> result)
        => ILiftedNumber<Dual<T, TTangents>, T>.ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Dual<T, TTangents> result)
        => ILiftedNumber<Dual<T, TTangents>, T>.ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Dual<T, TTangents> result)
        => ILiftedNumber<Dual<T, TTangents>, T>.ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);

    // ---------------------------------------------------------------------------------------------
    // Conversions (INumberBase). Into Dual<T, TTangents>: any number T accepts, as a constant. Out of Dual<T, TTangents>:
    // only a constant converts; a non-zero tangent would be silently dropped, so the conversion
    // fails (CreateChecked/Saturating/Truncating then throw NotSupportedException). Use Value instead.
    // ---------------------------------------------------------------------------------------------

    /// <summary>Converts any number to a constant (zero tangent) as <typeparamref name="T"/>.CreateChecked does;
    /// a dual source converts only if its tangent is zero.</summary>
    /// <typeparam name="TOther">The source type.</typeparam>
    /// <param name="value">The number.</param>
    /// <exception cref="NotSupportedException">The source type cannot be converted (or is a dual with a non-zero tangent).</exception>
    /// <exception cref="OverflowException">The value does not fit.</exception>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> CreateChecked<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T, TTangents>, T>.Create(value, ConversionKind.Checked);

    /// <summary>Converts any number to a constant (zero tangent), saturating at the range of <typeparamref name="T"/>.</summary>
    /// <typeparam name="TOther">The source type.</typeparam>
    /// <param name="value">The number.</param>
    /// <exception cref="NotSupportedException">The source type cannot be converted.</exception>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> CreateSaturating<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T, TTangents>, T>.Create(value, ConversionKind.Saturating);

    /// <summary>Converts any number to a constant (zero tangent), truncating to <typeparamref name="T"/>.</summary>
    /// <typeparam name="TOther">The source type.</typeparam>
    /// <param name="value">The number.</param>
    /// <exception cref="NotSupportedException">The source type cannot be converted.</exception>
    [MethodImpl(Inline)]
    public static Dual<T, TTangents> CreateTruncating<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T, TTangents>, T>.Create(value, ConversionKind.Truncating);

    static T IDualNumber<Dual<T, TTangents>, T>.PrimalOf(Dual<T, TTangents> x) => x.Value;

    static Dual<T, TTangents> IDualNumber<Dual<T, TTangents>, T>.WithPrimal(Dual<T, TTangents> x, T value) => new(value, x.Tangents);

    static bool IDualNumber<Dual<T, TTangents>, T>.IsConstant(Dual<T, TTangents> x) => TTangents.Equal(x.Tangents, TTangents.Zero);

    // ---------------------------------------------------------------------------------------------
    // IFloatingPoint bit-level queries: those of the primal value.
    // ---------------------------------------------------------------------------------------------

    int IFloatingPoint<Dual<T, TTangents>>.GetExponentByteCount() => Value.GetExponentByteCount();

    int IFloatingPoint<Dual<T, TTangents>>.GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();

    int IFloatingPoint<Dual<T, TTangents>>.GetSignificandBitLength() => Value.GetSignificandBitLength();

    int IFloatingPoint<Dual<T, TTangents>>.GetSignificandByteCount() => Value.GetSignificandByteCount();

    bool IFloatingPoint<Dual<T, TTangents>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T, TTangents>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T, TTangents>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T, TTangents>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    /// <summary>The exponent of the primal value, as <typeparamref name="T"/>'s ILogB.</summary>
    /// <param name="x">The value.</param>
    public static int ILogB(Dual<T, TTangents> x) => T.ILogB(x.Value);
}
