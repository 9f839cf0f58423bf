using System.Diagnostics.CodeAnalysis;

namespace Dual;

/// <summary>
/// What <see cref="Dual{T}"/> and <see cref="Dual{T, TTangents}"/> share beyond their tangent representation: the
/// generic-math members that ask only about the primal value or mean nothing on a dual number (<c>Radix</c>,
/// <c>IsCanonical</c>, <c>IsComplexNumber</c>, <c>IsImaginaryNumber</c>, the <c>TryConvert*</c> family) are implemented
/// here once, as explicit interface members (as on <see cref="System.Half"/>, the types do not show them), and
/// <see cref="DualNumber{TSelf, T}"/> holds the shared bodies of the members the types do show (conversions,
/// comparison with an object, LogSumExp and Softmax; parsing is <see cref="ILiftedNumber{TSelf, T}"/>'s). Operators and
/// functions stay inline on each type: they are the hot path.
/// </summary>
/// <typeparam name="TSelf">The dual number type.</typeparam>
/// <typeparam name="T">Its scalar type.</typeparam>
internal interface IDualNumber<TSelf, T> : IFloatingPointIeee754<TSelf>, IConvertibleByKind<TSelf>, ILiftedNumber<TSelf, T>
    where TSelf : struct, IDualNumber<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The primal value of <paramref name="x"/>.</summary>
    static abstract T PrimalOf(TSelf x);

    /// <summary>True when every tangent of <paramref name="x"/> is zero (converting it out drops no derivative).</summary>
    static abstract bool IsConstant(TSelf x);

    /// <summary><paramref name="x"/> with its primal value replaced by <paramref name="value"/> and its tangents kept.</summary>
    static abstract TSelf WithPrimal(TSelf x, T value);

    /// <summary>Scales value and tangents by a scalar (the types' own operator).</summary>
    static abstract TSelf operator *(TSelf left, T right);

    /// <summary>Divides value and tangents by a scalar (the types' own operator).</summary>
    static abstract TSelf operator /(TSelf left, T right);

    static int INumberBase<TSelf>.Radix => T.Radix;

    static bool INumberBase<TSelf>.IsCanonical(TSelf value) => T.IsCanonical(TSelf.PrimalOf(value));

    static bool INumberBase<TSelf>.IsComplexNumber(TSelf value) => T.IsComplexNumber(TSelf.PrimalOf(value));

    static bool INumberBase<TSelf>.IsImaginaryNumber(TSelf value) => T.IsImaginaryNumber(TSelf.PrimalOf(value));

    static bool IConvertibleByKind<TSelf>.TryConvertFrom<TOther>(TOther value, ConversionKind kind, out TSelf result)
        => DualNumber<TSelf, T>.TryConvertFrom(value, kind, out result);

    static bool IConvertibleByKind<TSelf>.TryConvertTo<TOther>(TSelf value, ConversionKind kind, [MaybeNullWhen(false)] out TOther result)
        => DualNumber<TSelf, T>.TryConvertTo(value, kind, out result);
}
