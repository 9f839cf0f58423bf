using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dual;

/// <summary>
/// The bodies of the non-hot IEEE members of <see cref="Dual{T}"/> and <see cref="Dual{T, TTangents}"/>, written once:
/// conversions in (any number <typeparamref name="T"/> accepts, as a constant) and out (only a constant: a non-zero
/// tangent would be silently dropped, so the conversion refuses with a message that says what to do), comparison with
/// an object, and the span functions LogSumExp and Softmax. Each type keeps its members and forwards.
/// </summary>
/// <typeparam name="TSelf">The dual number type.</typeparam>
/// <typeparam name="T">Its scalar type.</typeparam>
internal static class DualNumber<TSelf, T>
    where TSelf : struct, IDualNumber<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    /// <summary><c>CreateChecked</c>/<c>Saturating</c>/<c>Truncating</c>: the conversion, or the exception that says why not.</summary>
    [MethodImpl(Inline)]
    public static TSelf Create<TOther>(TOther value, ConversionKind kind)
        where TOther : INumberBase<TOther>
        => TryConvertFrom(value, kind, out TSelf result) ? result : throw Unsupported<TOther>();

    // The checks below are JIT-time constants: converting from the dual itself, from T, or from a primitive
    // number into double/float (which cannot fail) is inlined with no call; anything else goes through the
    // out-of-line slow path, whose try/catch would otherwise keep the whole conversion from being inlined.
    [MethodImpl(Inline)]
    public static bool TryConvertFrom<TOther>(TOther value, ConversionKind kind, out TSelf result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(TSelf))
        {
            result = (TSelf)(object)value;
            return true;
        }
        if (typeof(TOther) == typeof(T))
        {
            result = TSelf.Constant((T)(object)value);
            return true;
        }
        if ((typeof(T) == typeof(double) || typeof(T) == typeof(float))
            && (typeof(TOther) == typeof(double) || typeof(TOther) == typeof(float) || typeof(TOther) == typeof(int) || typeof(TOther) == typeof(long)))
        {
            T converted = NumberConversion.Create<T, TOther>(value, kind);
            result = TSelf.Constant(converted);
            return true;
        }
        return TryConvertFromSlow(value, kind, out result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryConvertFromSlow<TOther>(TOther value, ConversionKind kind, out TSelf result)
        where TOther : INumberBase<TOther>
    {
        try
        {
            T converted = NumberConversion.Create<T, TOther>(value, kind);
            result = TSelf.Constant(converted);
            return true;
        }
        catch (NotSupportedException)
        {
            result = default;
            return false;
        }
    }

    /// <summary>Converts the primal value out, refusing (with an explanation) when a tangent is not zero.</summary>
    public static bool TryConvertTo<TOther>(TSelf value, ConversionKind kind, [MaybeNullWhen(false)] out TOther result)
        where TOther : INumberBase<TOther>
    {
        if (!TSelf.IsConstant(value))
        {
            // Converting would drop the derivative: refuse, with a message that says what to do (the caller, e.g.
            // double.CreateChecked, would otherwise throw a bare NotSupportedException).
            throw TangentWouldBeDropped<TOther>(value);
        }
        try
        {
            result = NumberConversion.Create<TOther, T>(TSelf.PrimalOf(value), kind);
            return true;
        }
        catch (NotSupportedException e) when (!TangentDropped.Is(e))
        {
            result = default;
            return false;
        }
    }

    /// <summary>ln Σ eˣⁱ, shifted by the maximum so it neither overflows nor underflows; its gradient is softmax(x).
    /// Written once for both dual types over their own arithmetic: the accumulators are dual numbers of which only the
    /// tangents are used (<c>+</c>, <c>* T</c> and <c>/ T</c> act on each part alone, so the tangents are exactly those of
    /// the tangent-only sums).</summary>
    /// <param name="x">The operands; an empty span gives −∞.</param>
    public static TSelf LogSumExp(ReadOnlySpan<TSelf> x)
    {
        if (x.IsEmpty)
        {
            return TSelf.NegativeInfinity;
        }
        T max = MaxPrimal(x);
        if (!T.IsFinite(max))
        {
            // NaN present: NaN tangent. Otherwise +∞ present, or all −∞: the value is max itself, and the tangent the
            // average of those of the arguments attaining it (the limit of softmax at an exact tie, as Max's balanced rule).
            if (T.IsNaN(max))
            {
                return TSelf.WithPrimal(x[0] * max, max);
            }
            T count = T.Zero;
            TSelf sumOfTangents = TSelf.Zero;
            foreach (TSelf item in x)
            {
                T value = TSelf.PrimalOf(item);
                if (!(value < max) && !(value > max))
                {
                    count += T.One;
                    sumOfTangents += item;
                }
            }
            return TSelf.WithPrimal(sumOfTangents / count, max);
        }
        T sum = T.Zero;
        TSelf weighted = TSelf.Zero;
        foreach (TSelf item in x)
        {
            T e = T.Exp(TSelf.PrimalOf(item) - max);
            sum += e;
            weighted += item * e;
        }
        return TSelf.WithPrimal(weighted / sum, max + T.Log(sum));
    }

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable); tangent yᵢ(ẋᵢ − Σⱼ yⱼẋⱼ). As in
    /// <see cref="LogSumExp"/>, the mean tangent is accumulated as a dual number whose value is not used.</summary>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; must have the length of <paramref name="x"/>. It may be
    /// <paramref name="x"/> itself (in place), but not overlap it otherwise.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap without being the same.</exception>
    public static void Softmax(ReadOnlySpan<TSelf> x, Span<TSelf> destination)
    {
        Guard.SameLength(x.Length, destination.Length, nameof(destination), nameof(x));
        Guard.SameOrDisjoint(x, destination, nameof(x), nameof(destination));
        if (x.IsEmpty)
        {
            return;
        }
        T max = MaxPrimal(x);
        // Each element of destination is written only after x's element at the same index has been read, and keeps
        // x's tangents until the last loop: in-place calls (destination = x) are exact.
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            T e = T.Exp(TSelf.PrimalOf(x[i]) - max);
            sum += e;
            destination[i] = TSelf.WithPrimal(x[i], e);
        }
        TSelf mean = TSelf.Zero;
        for (int i = 0; i < destination.Length; i++)
        {
            T y = TSelf.PrimalOf(destination[i]) / sum;
            mean += destination[i] * y;
            destination[i] = TSelf.WithPrimal(destination[i], y);
        }
        for (int i = 0; i < destination.Length; i++)
        {
            T y = TSelf.PrimalOf(destination[i]);
            destination[i] = TSelf.WithPrimal((destination[i] - mean) * y, y);
        }
    }

    /// <summary>The largest primal value of a non-empty span (NaN if any is NaN, as <c>T.Max</c>).</summary>
    private static T MaxPrimal(ReadOnlySpan<TSelf> x)
    {
        T max = TSelf.PrimalOf(x[0]);
        for (int i = 1; i < x.Length; i++)
        {
            max = T.Max(max, TSelf.PrimalOf(x[i]));
        }
        return max;
    }

    /// <summary><see cref="IComparable.CompareTo(object)"/>: null sorts first; another type is an error.</summary>
    public static int CompareTo(TSelf self, object? obj) => obj switch
    {
        null => 1,
        TSelf other => self.CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {TypeNames.Of(typeof(TSelf))}, not {TypeNames.Of(obj.GetType())}.", nameof(obj)),
    };

    private static NotSupportedException Unsupported<TOther>()
        => new($"Cannot convert {TypeNames.Of(typeof(TOther))} to {TypeNames.Of(typeof(TSelf))}: {TypeNames.Of(typeof(T))} cannot convert " +
               $"from it, or it is a dual number with a non-zero tangent, which converting would drop.");

    private static NotSupportedException TangentWouldBeDropped<TOther>(TSelf value)
        => TangentDropped.Create($"Cannot convert the dual number {value.ToString(null, CultureInfo.InvariantCulture)} to {TypeNames.Of(typeof(TOther))}: its " +
               $"tangent is not zero, and the conversion would silently drop that derivative. Take .Value if you mean the primal " +
               $"value only (the derivative through this step is then treated as 0), or keep the computation at the dual type " +
               $"(write it generically over INumberBase/IFloatingPointIeee754, or differentiate at the lifted type, e.g. " +
               $"Dual<{TypeNames.Of(typeof(T))}> for a nested derivative).");
}
