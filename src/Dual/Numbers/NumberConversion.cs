namespace Dual;

/// <summary>Which of generic math's conversions (<c>CreateChecked</c>, <c>CreateSaturating</c>, <c>CreateTruncating</c>)
/// a <c>TryConvert*</c> member of a library number type performs.</summary>
internal enum ConversionKind { Checked, Saturating, Truncating }

/// <summary>The conversion of a value by <see cref="ConversionKind"/>, written once for the library's number types
/// (Dual&lt;T&gt;, Dual&lt;T, TTangents&gt;, the sparsity tracer), which convert their primal value in and out this way.</summary>
internal static class NumberConversion
{
    /// <summary><typeparamref name="TTo"/>.Create{Checked|Saturating|Truncating}(<paramref name="value"/>); the kind is
    /// a constant at every call, so the switch folds away once inlined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TTo Create<TTo, TFrom>(TFrom value, ConversionKind kind)
        where TTo : INumberBase<TTo>
        where TFrom : INumberBase<TFrom>
        => kind switch
        {
            ConversionKind.Checked => TTo.CreateChecked(value),
            ConversionKind.Saturating => TTo.CreateSaturating(value),
            _ => TTo.CreateTruncating(value),
        };
}
