using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dual;

/// <summary>A number type built over a scalar <typeparamref name="T"/> (the dual types, the sparsity tracer), whose
/// constants are lifted <typeparamref name="T"/> values. Parsing is <typeparamref name="T"/>'s, giving a constant: written
/// once here, as explicit defaults of the parsing members (the sparsity tracer uses them as they are; the dual types
/// show their own public members, which return <see cref="ParsedConstant"/>).</summary>
/// <typeparam name="TSelf">The number type.</typeparam>
/// <typeparam name="T">The scalar type.</typeparam>
internal interface ILiftedNumber<TSelf, T> : INumberBase<TSelf>
    where TSelf : ILiftedNumber<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The constant <paramref name="value"/> (no derivative, no dependency).</summary>
    static abstract TSelf Constant(T value);

    /// <summary>The outcome of <typeparamref name="T"/>'s <c>TryParse</c> as a constant.</summary>
    /// <param name="parsed">What <c>T.TryParse</c> returned.</param>
    /// <param name="value">What it parsed (its default on failure).</param>
    /// <param name="result">The constant.</param>
    /// <returns><paramref name="parsed"/>.</returns>
    static bool ParsedConstant(bool parsed, T? value, out TSelf result)
    {
        result = TSelf.Constant(value!);
        return parsed;
    }

    static TSelf INumberBase<TSelf>.Parse(string s, NumberStyles style, IFormatProvider? provider) => TSelf.Constant(T.Parse(s, style, provider));

    static TSelf INumberBase<TSelf>.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => TSelf.Constant(T.Parse(s, style, provider));

    static TSelf IParsable<TSelf>.Parse(string s, IFormatProvider? provider) => TSelf.Constant(T.Parse(s, provider));

    static TSelf ISpanParsable<TSelf>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TSelf.Constant(T.Parse(s, provider));

    static bool INumberBase<TSelf>.TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result)
        => ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    static bool INumberBase<TSelf>.TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result)
        => ParsedConstant(T.TryParse(s, style, provider, out T? value), value, out result);

    static bool IParsable<TSelf>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result)
        => ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);

    static bool ISpanParsable<TSelf>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result)
        => ParsedConstant(T.TryParse(s, provider, out T? value), value, out result);
}
