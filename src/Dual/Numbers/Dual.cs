using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dual;

/// <summary>
/// A dual number <c>a + bε</c> with <c>ε² = 0</c>: a primal <see cref="Value"/> and a <see cref="Tangent"/>
/// that travel together, so that evaluating <c>f(x + ε)</c> yields <c>f(x) + f′(x)ε</c> exactly.
/// </summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/>, or another
/// <see cref="Dual{T}"/> (nesting gives higher derivatives).</typeparam>
/// <remarks>
/// <para><see cref="Dual{T}"/> implements <see cref="IFloatingPointIeee754{TSelf}"/>, so any generic-math code
/// written as <c>T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c> runs on it unchanged.</para>
/// <para>Ordering (<c>&lt;</c>, <see cref="CompareTo(Dual{T})"/>, Min/Max selection, branches) follows the
/// primal value. Equality (<c>==</c>, <see cref="Equals(Dual{T})"/>, <see cref="INumberBase{TSelf}.IsZero"/>) compares value
/// <em>and</em> tangent, as ForwardDiff.jl 1.0 does: a generic shortcut such as <c>if (x == T.Zero) return T.Zero;</c>
/// then cannot silently drop a derivative.</para>
/// <para>Arithmetic never throws and never allocates; NaN and infinities follow IEEE 754 in both parts.</para>
/// </remarks>
[SkipLocalsInit]
public readonly partial struct Dual<T> :
    IFloatingPointIeee754<Dual<T>>,
    IDualNumber<Dual<T>, T>,
    IMinMaxValue<Dual<T>>,
    IExactSinCos
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The primal value <c>a</c>.</summary>
    public readonly T Value;

    /// <summary>The tangent <c>b</c>: the directional derivative carried alongside the value.</summary>
    public readonly T Tangent;

    /// <summary>Creates the dual number <paramref name="value"/> + <paramref name="tangent"/>ε.</summary>
    /// <param name="value">The primal value.</param>
    /// <param name="tangent">The tangent (derivative seed).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(T value, T tangent)
    {
        Value = value;
        Tangent = tangent;
    }

    /// <summary>A constant: <paramref name="value"/> with zero tangent.</summary>
    /// <param name="value">The primal value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(T value)
    {
        Value = value;
        Tangent = T.Zero;
    }

    /// <summary>The variable <paramref name="value"/> + 1ε: the seed for differentiating with respect to it.</summary>
    /// <param name="value">The point at which to differentiate.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Variable(T value) => new(value, T.One);

    /// <summary>The constant <paramref name="value"/> + 0ε.</summary>
    /// <param name="value">The constant.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<T> Constant(T value) => new(value, T.Zero);

    /// <summary>Deconstructs into value and tangent.</summary>
    /// <param name="value">The primal value.</param>
    /// <param name="tangent">The tangent.</param>
    public void Deconstruct(out T value, out T tangent)
    {
        value = Value;
        tangent = Tangent;
    }

    /// <summary>Lifts a scalar to a constant dual number (zero tangent).</summary>
    /// <param name="value">The scalar.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator Dual<T>(T value) => new(value, T.Zero);

    // ---------------------------------------------------------------------------------------------
    // Constants (INumberBase, ISignedNumber, IFloatingPointConstants, IFloatingPointIeee754, IMinMaxValue)
    // ---------------------------------------------------------------------------------------------

    /// <inheritdoc cref="INumberBase{TSelf}.Zero"/>
    public static Dual<T> Zero
    {
        [MethodImpl(Inline)]
        get => new(T.Zero, T.Zero);
    }

    /// <inheritdoc cref="INumberBase{TSelf}.One"/>
    public static Dual<T> One
    {
        [MethodImpl(Inline)]
        get => new(T.One, T.Zero);
    }

    /// <inheritdoc cref="ISignedNumber{TSelf}.NegativeOne"/>
    public static Dual<T> NegativeOne
    {
        [MethodImpl(Inline)]
        get => new(T.NegativeOne, T.Zero);
    }

    /// <inheritdoc cref="IAdditiveIdentity{TSelf, TResult}.AdditiveIdentity"/>
    static Dual<T> IAdditiveIdentity<Dual<T>, Dual<T>>.AdditiveIdentity => Zero;

    /// <inheritdoc cref="IMultiplicativeIdentity{TSelf, TResult}.MultiplicativeIdentity"/>
    public static Dual<T> MultiplicativeIdentity => One;

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.E"/>
    public static Dual<T> E => new(T.E, T.Zero);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Pi"/>
    public static Dual<T> Pi => new(T.Pi, T.Zero);

    /// <inheritdoc cref="IFloatingPointConstants{TSelf}.Tau"/>
    public static Dual<T> Tau => new(T.Tau, T.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.Epsilon"/>
    public static Dual<T> Epsilon => new(T.Epsilon, T.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NaN"/>
    public static Dual<T> NaN => new(T.NaN, T.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeInfinity"/>
    public static Dual<T> NegativeInfinity => new(T.NegativeInfinity, T.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.PositiveInfinity"/>
    public static Dual<T> PositiveInfinity => new(T.PositiveInfinity, T.Zero);

    /// <inheritdoc cref="IFloatingPointIeee754{TSelf}.NegativeZero"/>
    public static Dual<T> NegativeZero => new(T.NegativeZero, T.Zero);

    /// <summary>The largest finite value (a constant); ±∞ when <typeparamref name="T"/> has no such bound.</summary>
    public static Dual<T> MaxValue => new(Constants<T>.MaxFinite, T.Zero);

    /// <summary>The most negative finite value (a constant).</summary>
    public static Dual<T> MinValue => new(-Constants<T>.MaxFinite, T.Zero);


    // ---------------------------------------------------------------------------------------------
    // Equality: value and tangent (see the type's remarks). Ordering: value only.
    // ---------------------------------------------------------------------------------------------

    /// <summary>True when both value and tangent are equal (IEEE: NaN is unequal to everything).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(Dual<T> left, Dual<T> right) => left.Value == right.Value && left.Tangent == right.Tangent;

    /// <summary>True when value or tangent differ.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(Dual<T> left, Dual<T> right) => !(left == right);

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(Dual<T> left, Dual<T> right) => left.Value < right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(Dual<T> left, Dual<T> right) => left.Value > right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(Dual<T> left, Dual<T> right) => left.Value <= right.Value;

    /// <summary>Compares the primal values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(Dual<T> left, Dual<T> right) => left.Value >= right.Value;

    /// <summary>Value and tangent equal, with <see cref="object.Equals(object)"/> semantics per part (NaN equals NaN).</summary>
    /// <param name="other">The dual number to compare with.</param>
    public bool Equals(Dual<T> other) => Value.Equals(other.Value) && Tangent.Equals(other.Tangent);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Dual<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Tangent);

    /// <summary>Orders by the primal value (the tangent does not take part).</summary>
    /// <param name="other">The dual number to compare with.</param>
    public int CompareTo(Dual<T> other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => DualNumber<Dual<T>, T>.CompareTo(this, obj);

    // ---------------------------------------------------------------------------------------------
    // Predicates: on the primal value, except IsZero, which agrees with ==.
    // IsZero, IsCanonical, IsComplexNumber and IsImaginaryNumber (and Radix, AdditiveIdentity above) are explicit
    // interface implementations, exactly as on System.Half: generic math reaches them (T.IsZero), the type does not show them.
    // IsCanonical, IsComplexNumber, IsImaginaryNumber and Radix are written once for both dual types, in IDualNumber.
    // ---------------------------------------------------------------------------------------------

    /// <summary>True when value and tangent are both zero (consistent with <c>==</c>).</summary>
    /// <param name="value">The value to test.</param>
    static bool INumberBase<Dual<T>>.IsZero(Dual<T> value) => T.IsZero(value.Value) && T.IsZero(value.Tangent);

    /// <inheritdoc cref="INumberBase{TSelf}.IsEvenInteger"/>
    public static bool IsEvenInteger(Dual<T> value) => T.IsEvenInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsFinite"/>
    public static bool IsFinite(Dual<T> value) => T.IsFinite(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsInfinity"/>
    public static bool IsInfinity(Dual<T> value) => T.IsInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsInteger"/>
    public static bool IsInteger(Dual<T> value) => T.IsInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNaN"/>
    public static bool IsNaN(Dual<T> value) => T.IsNaN(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNegative"/>
    public static bool IsNegative(Dual<T> value) => T.IsNegative(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNegativeInfinity"/>
    public static bool IsNegativeInfinity(Dual<T> value) => T.IsNegativeInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsNormal"/>
    public static bool IsNormal(Dual<T> value) => T.IsNormal(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsOddInteger"/>
    public static bool IsOddInteger(Dual<T> value) => T.IsOddInteger(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsPositive"/>
    public static bool IsPositive(Dual<T> value) => T.IsPositive(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsPositiveInfinity"/>
    public static bool IsPositiveInfinity(Dual<T> value) => T.IsPositiveInfinity(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsRealNumber"/>
    public static bool IsRealNumber(Dual<T> value) => T.IsRealNumber(value.Value);

    /// <inheritdoc cref="INumberBase{TSelf}.IsSubnormal"/>
    public static bool IsSubnormal(Dual<T> value) => T.IsSubnormal(value.Value);

    /// <summary>The sign of the primal value (−1, 0 or +1); throws <see cref="ArithmeticException"/> for NaN, as <typeparamref name="T"/> does.</summary>
    /// <param name="value">The value.</param>
    public static int Sign(Dual<T> value) => T.Sign(value.Value);

    // ---------------------------------------------------------------------------------------------
    // Formatting and parsing: formatting shows both parts; parsing yields a constant.
    // ---------------------------------------------------------------------------------------------

    /// <summary>Formats as <c>value + tangentε</c>, e.g. <c>2.5 + 1ε</c>.</summary>
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);

    /// <summary>Formats both parts with <paramref name="format"/>, as <c>value + tangentε</c>.</summary>
    /// <param name="format">A numeric format string applied to both parts.</param>
    /// <param name="formatProvider">The culture.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        string tangent = T.IsNegative(Tangent)
            ? "- " + (-Tangent).ToString(format, formatProvider)
            : "+ " + Tangent.ToString(format, formatProvider);
        return $"{Value.ToString(format, formatProvider)} {tangent}ε";
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
    public static Dual<T> Parse(string s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider), T.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider), T.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T> Parse(string s, IFormatProvider? provider) => new(T.Parse(s, provider), T.Zero);

    /// <summary>Parses a <typeparamref name="T"/> and returns it as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    public static Dual<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(T.Parse(s, provider), T.Zero);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Dual<T> result)
        => ILiftedNumber<Dual<T>, T>.ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="style">The number style.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Dual<T> result)
        => ILiftedNumber<Dual<T>, T>.ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Dual<T> result)
        => ILiftedNumber<Dual<T>, T>.ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);

    /// <summary>Tries to parse a <typeparamref name="T"/> as a constant (zero tangent).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture.</param>
    /// <param name="result">The constant, or zero on failure.</param>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Dual<T> result)
        => ILiftedNumber<Dual<T>, T>.ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);

    // ---------------------------------------------------------------------------------------------
    // Conversions (INumberBase). Into Dual<T>: any number T accepts, as a constant. Out of Dual<T>:
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
    public static Dual<T> CreateChecked<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T>, T>.Create(value, ConversionKind.Checked);

    /// <summary>Converts any number to a constant (zero tangent), saturating at the range of <typeparamref name="T"/>.</summary>
    /// <typeparam name="TOther">The source type.</typeparam>
    /// <param name="value">The number.</param>
    /// <exception cref="NotSupportedException">The source type cannot be converted.</exception>
    [MethodImpl(Inline)]
    public static Dual<T> CreateSaturating<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T>, T>.Create(value, ConversionKind.Saturating);

    /// <summary>Converts any number to a constant (zero tangent), truncating to <typeparamref name="T"/>.</summary>
    /// <typeparam name="TOther">The source type.</typeparam>
    /// <param name="value">The number.</param>
    /// <exception cref="NotSupportedException">The source type cannot be converted.</exception>
    [MethodImpl(Inline)]
    public static Dual<T> CreateTruncating<TOther>(TOther value) where TOther : INumberBase<TOther>
        => DualNumber<Dual<T>, T>.Create(value, ConversionKind.Truncating);

    static T IDualNumber<Dual<T>, T>.PrimalOf(Dual<T> x) => x.Value;

    static Dual<T> IDualNumber<Dual<T>, T>.WithPrimal(Dual<T> x, T value) => new(value, x.Tangent);

    static bool IDualNumber<Dual<T>, T>.IsConstant(Dual<T> x) => T.IsZero(x.Tangent);

    // ---------------------------------------------------------------------------------------------
    // IFloatingPoint bit-level queries: those of the primal value.
    // ---------------------------------------------------------------------------------------------

    int IFloatingPoint<Dual<T>>.GetExponentByteCount() => Value.GetExponentByteCount();

    int IFloatingPoint<Dual<T>>.GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();

    int IFloatingPoint<Dual<T>>.GetSignificandBitLength() => Value.GetSignificandBitLength();

    int IFloatingPoint<Dual<T>>.GetSignificandByteCount() => Value.GetSignificandByteCount();

    bool IFloatingPoint<Dual<T>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<Dual<T>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);

    /// <summary>The exponent of the primal value, as <typeparamref name="T"/>'s ILogB.</summary>
    /// <param name="x">The value.</param>
    public static int ILogB(Dual<T> x) => T.ILogB(x.Value);
}
