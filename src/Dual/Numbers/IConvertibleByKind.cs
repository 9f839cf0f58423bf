using System.Diagnostics.CodeAnalysis;

namespace Dual;

/// <summary>The six <c>TryConvert*</c> members of <see cref="INumberBase{TSelf}"/>, written once for the library's number
/// types: each type supplies one conversion in and one out, parameterised by <see cref="ConversionKind"/>, and these
/// default implementations pass the kind.</summary>
/// <typeparam name="TSelf">The number type.</typeparam>
internal interface IConvertibleByKind<TSelf> : INumberBase<TSelf>
    where TSelf : IConvertibleByKind<TSelf>
{
    /// <summary>Converts <paramref name="value"/> into <typeparamref name="TSelf"/> as <paramref name="kind"/> says.</summary>
    static abstract bool TryConvertFrom<TOther>(TOther value, ConversionKind kind, out TSelf result)
        where TOther : INumberBase<TOther>;

    /// <summary>Converts <paramref name="value"/> out of <typeparamref name="TSelf"/> as <paramref name="kind"/> says.</summary>
    static abstract bool TryConvertTo<TOther>(TSelf value, ConversionKind kind, [MaybeNullWhen(false)] out TOther result)
        where TOther : INumberBase<TOther>;

    static bool INumberBase<TSelf>.TryConvertFromChecked<TOther>(TOther value, out TSelf result) => TSelf.TryConvertFrom(value, ConversionKind.Checked, out result);

    static bool INumberBase<TSelf>.TryConvertFromSaturating<TOther>(TOther value, out TSelf result) => TSelf.TryConvertFrom(value, ConversionKind.Saturating, out result);

    static bool INumberBase<TSelf>.TryConvertFromTruncating<TOther>(TOther value, out TSelf result) => TSelf.TryConvertFrom(value, ConversionKind.Truncating, out result);

    static bool INumberBase<TSelf>.TryConvertToChecked<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) => TSelf.TryConvertTo(value, ConversionKind.Checked, out result);

    static bool INumberBase<TSelf>.TryConvertToSaturating<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) => TSelf.TryConvertTo(value, ConversionKind.Saturating, out result);

    static bool INumberBase<TSelf>.TryConvertToTruncating<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) => TSelf.TryConvertTo(value, ConversionKind.Truncating, out result);
}
