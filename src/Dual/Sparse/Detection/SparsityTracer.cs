using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Dual;

/// <summary>
/// The number type of sparsity detection: a generic-math number (any <see cref="IScalarFunction"/> or
/// <see cref="IVectorFunction"/> runs on it unchanged) that carries, instead of tangents, the set of inputs its value
/// depends on and, for Hessian patterns (<see cref="SecondOrder"/>), the pairs of inputs that interact in it.
/// </summary>
/// <remarks>
/// <para>Rules (docs/sparse.md lists them all). Linear operations (±, negation, scaling by a constant, Abs, Min/Max,
/// Clamp, %, rounding-free bit steps) join their operands' sets and pairs. A product a·b also creates the pairs
/// A×B (so x·y gives (x, y) and (y, x), never (x, x); x·x gives (x, x)); a/b creates A×B and B×B; a nonlinear
/// function g(a) creates A×A; a nonlinear function of two operands (Pow, Atan2, Hypot, Log with a base) creates
/// (A∪B)×(A∪B). Floor, Ceiling, Round and Truncate have zero derivative and drop every dependency.</para>
/// <para>Global mode (<see cref="SparsityDetection.Global"/>) marks input-dependent values <c>unknown</c>: their
/// number is never consulted, and a question that needs it (a comparison, a predicate, an integer conversion)
/// throws <see cref="SparsityDetectionException"/>. Local mode starts from the primal x, so every value is known
/// and branches follow x. Constants are always known.</para>
/// <para>Equality follows <see cref="Dual{T}"/>: two values are equal only when their dependency sets are (the
/// stand-in for "their tangents are") and their numbers are, so a generic shortcut such as
/// <c>if (x == T.Zero) return T.Zero;</c> is not taken by an input-dependent x, just as a dual with a non-zero
/// tangent does not take it; the pattern then keeps x's dependencies.</para>
/// </remarks>
/// <typeparam name="T">The scalar type the function is differentiated at (local mode evaluates the primal in it).</typeparam>
/// <typeparam name="TOrder"><see cref="FirstOrder"/> or <see cref="SecondOrder"/>.</typeparam>
internal readonly partial struct SparsityTracer<T, TOrder> :
    IFloatingPointIeee754<SparsityTracer<T, TOrder>>,
    IConvertibleByKind<SparsityTracer<T, TOrder>>,
    ILiftedNumber<SparsityTracer<T, TOrder>, T>,
    IMinMaxValue<SparsityTracer<T, TOrder>>
    where T : IFloatingPointIeee754<T>
    where TOrder : struct, ITracingOrder
{
    /// <summary>The primal value; meaningful only when <see cref="Unknown"/> is false.</summary>
    internal readonly T Value;

    /// <summary>The inputs the value depends on (sorted; null when none).</summary>
    internal readonly int[]? Inputs;

    /// <summary>The interacting input pairs (null when none, and always null for <see cref="FirstOrder"/>).</summary>
    internal readonly PairSet? Pairs;

    /// <summary>True for a value computed from inputs (or from a step function of them): its number depends on x.
    /// Global detection never consults it; local detection answers questions on it from x's numbers and counts them
    /// (<see cref="SparsityTrace"/>).</summary>
    internal readonly bool Unknown;

    /// <summary>Whether the number must not be used: an input-dependent value in a global trace.</summary>
    private bool Opaque => Unknown && !SparsityTrace.Local;

    internal SparsityTracer(T value, int[]? inputs, PairSet? pairs, bool unknown)
    {
        Value = value;
        Inputs = inputs;
        Pairs = TOrder.TracksPairs ? pairs : null;
        Unknown = unknown;
    }

    /// <summary>Input <paramref name="index"/> at <paramref name="value"/>: input-dependent; its number is consulted only in local mode.</summary>
    internal static SparsityTracer<T, TOrder> Input(int index, T value) => new(value, DependencySet.Single(index), null, true);

    public static SparsityTracer<T, TOrder> Constant(T value) => new(value, null, null, false);

    // ---------------------------------------------------------------------------------------------
    // Known values: what global mode cannot answer.
    // ---------------------------------------------------------------------------------------------

    private static void RequireKnown(SparsityTracer<T, TOrder> x, string operation)
    {
        if (x.Unknown)
        {
            if (!SparsityTrace.Local)
            {
                throw Unanswerable(operation, x.Inputs);
            }
            SparsityTrace.CountQuestion();
        }
    }

    private static void RequireKnown(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y, string operation)
    {
        if (x.Unknown || y.Unknown)
        {
            if (!SparsityTrace.Local)
            {
                throw Unanswerable(operation, DependencySet.Union(x.Inputs, y.Inputs));
            }
            SparsityTrace.CountQuestion();
        }
    }

    private static SparsityDetectionException Unanswerable(string operation, int[]? inputs)
    {
        string which = DependencySet.IsEmpty(inputs)
            ? "a value computed from the inputs through a step function (Floor, Round, Truncate, Ceiling), so its number depends on x"
            : $"a value that depends on {Describe(inputs!)}";
        return new SparsityDetectionException(
            $"Global sparsity detection met {operation} on {which}. A global pattern must hold for every x, and the " +
            "function's path depends on this value, so it cannot be traced without a number. Use SparsityDetection.Local " +
            "(the pattern is then valid at x and wherever the function takes the same branches), or pass the pattern yourself.");
    }

    private static string Describe(int[] inputs)
    {
        var text = new StringBuilder(inputs.Length == 1 ? "input " : "inputs ");
        for (int i = 0; i < Math.Min(inputs.Length, 8); i++)
        {
            text.Append(i == 0 ? "x[" : ", x[").Append(inputs[i]).Append(']');
        }
        return (inputs.Length > 8 ? text.Append(", … (").Append(inputs.Length).Append(" in all)") : text).ToString();
    }

    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> Zero => Constant(T.Zero);

    public static SparsityTracer<T, TOrder> One => Constant(T.One);

    public static SparsityTracer<T, TOrder> NegativeOne => Constant(T.NegativeOne);

    public static int Radix => T.Radix;

    public static SparsityTracer<T, TOrder> AdditiveIdentity => Zero;

    public static SparsityTracer<T, TOrder> MultiplicativeIdentity => One;

    public static SparsityTracer<T, TOrder> E => Constant(T.E);

    public static SparsityTracer<T, TOrder> Pi => Constant(T.Pi);

    public static SparsityTracer<T, TOrder> Tau => Constant(T.Tau);

    public static SparsityTracer<T, TOrder> Epsilon => Constant(T.Epsilon);

    public static SparsityTracer<T, TOrder> NaN => Constant(T.NaN);

    public static SparsityTracer<T, TOrder> NegativeInfinity => Constant(T.NegativeInfinity);

    public static SparsityTracer<T, TOrder> PositiveInfinity => Constant(T.PositiveInfinity);

    public static SparsityTracer<T, TOrder> NegativeZero => Constant(T.NegativeZero);

    public static SparsityTracer<T, TOrder> MaxValue => Constant(Constants<T>.MaxFinite);

    public static SparsityTracer<T, TOrder> MinValue => Constant(-Constants<T>.MaxFinite);

    // ---------------------------------------------------------------------------------------------
    // Equality (dependencies and number, as Dual's value-and-tangent) and ordering (number only).
    // ---------------------------------------------------------------------------------------------

    public static bool operator ==(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        if (!DependencySet.SetEquals(left.Inputs, right.Inputs))
        {
            return false; // as a dual with a different (non-zero) tangent
        }
        RequireKnown(left, right, "an equality test");
        return left.Value == right.Value;
    }

    public static bool operator !=(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => !(left == right);

    public static bool operator <(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        RequireKnown(left, right, "a comparison (<)");
        return left.Value < right.Value;
    }

    public static bool operator >(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        RequireKnown(left, right, "a comparison (>)");
        return left.Value > right.Value;
    }

    public static bool operator <=(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        RequireKnown(left, right, "a comparison (<=)");
        return left.Value <= right.Value;
    }

    public static bool operator >=(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        RequireKnown(left, right, "a comparison (>=)");
        return left.Value >= right.Value;
    }

    public bool Equals(SparsityTracer<T, TOrder> other)
    {
        if (!DependencySet.SetEquals(Inputs, other.Inputs))
        {
            return false;
        }
        RequireKnown(this, other, "Equals");
        return Value.Equals(other.Value);
    }

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SparsityTracer<T, TOrder> other && Equals(other);

    public override int GetHashCode() => DependencySet.Count(Inputs);

    public int CompareTo(SparsityTracer<T, TOrder> other)
    {
        RequireKnown(this, other, "CompareTo");
        return Value.CompareTo(other.Value);
    }

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        SparsityTracer<T, TOrder> other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(SparsityTracer<T, TOrder>)}.", nameof(obj)),
    };

    // ---------------------------------------------------------------------------------------------
    // Predicates: questions about the number.
    // ---------------------------------------------------------------------------------------------

    private static bool Ask(SparsityTracer<T, TOrder> x, Func<T, bool> predicate, string name)
    {
        RequireKnown(x, name);
        return predicate(x.Value);
    }

    /// <summary>Zero value and no dependencies, as the IsZero of <see cref="Dual{T}"/> asks for a zero tangent.</summary>
    public static bool IsZero(SparsityTracer<T, TOrder> value) => DependencySet.IsEmpty(value.Inputs) && Ask(value, T.IsZero, "IsZero");

    public static bool IsCanonical(SparsityTracer<T, TOrder> value) => Ask(value, T.IsCanonical, nameof(IsCanonical));

    public static bool IsComplexNumber(SparsityTracer<T, TOrder> value) => Ask(value, T.IsComplexNumber, nameof(IsComplexNumber));

    public static bool IsEvenInteger(SparsityTracer<T, TOrder> value) => Ask(value, T.IsEvenInteger, nameof(IsEvenInteger));

    public static bool IsFinite(SparsityTracer<T, TOrder> value) => Ask(value, T.IsFinite, nameof(IsFinite));

    public static bool IsImaginaryNumber(SparsityTracer<T, TOrder> value) => Ask(value, T.IsImaginaryNumber, nameof(IsImaginaryNumber));

    public static bool IsInfinity(SparsityTracer<T, TOrder> value) => Ask(value, T.IsInfinity, nameof(IsInfinity));

    public static bool IsInteger(SparsityTracer<T, TOrder> value) => Ask(value, T.IsInteger, nameof(IsInteger));

    public static bool IsNaN(SparsityTracer<T, TOrder> value) => Ask(value, T.IsNaN, nameof(IsNaN));

    public static bool IsNegative(SparsityTracer<T, TOrder> value) => Ask(value, T.IsNegative, nameof(IsNegative));

    public static bool IsNegativeInfinity(SparsityTracer<T, TOrder> value) => Ask(value, T.IsNegativeInfinity, nameof(IsNegativeInfinity));

    public static bool IsNormal(SparsityTracer<T, TOrder> value) => Ask(value, T.IsNormal, nameof(IsNormal));

    public static bool IsOddInteger(SparsityTracer<T, TOrder> value) => Ask(value, T.IsOddInteger, nameof(IsOddInteger));

    public static bool IsPositive(SparsityTracer<T, TOrder> value) => Ask(value, T.IsPositive, nameof(IsPositive));

    public static bool IsPositiveInfinity(SparsityTracer<T, TOrder> value) => Ask(value, T.IsPositiveInfinity, nameof(IsPositiveInfinity));

    public static bool IsRealNumber(SparsityTracer<T, TOrder> value) => Ask(value, T.IsRealNumber, nameof(IsRealNumber));

    public static bool IsSubnormal(SparsityTracer<T, TOrder> value) => Ask(value, T.IsSubnormal, nameof(IsSubnormal));

    public static int Sign(SparsityTracer<T, TOrder> value)
    {
        RequireKnown(value, nameof(Sign));
        return T.Sign(value.Value);
    }

    public static int ILogB(SparsityTracer<T, TOrder> x)
    {
        RequireKnown(x, nameof(ILogB));
        return T.ILogB(x.Value);
    }

    // ---------------------------------------------------------------------------------------------
    // Formatting and parsing (parsing yields constants).
    // ---------------------------------------------------------------------------------------------

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        string value = Opaque ? "?" : Value.ToString(format, formatProvider);
        return DependencySet.IsEmpty(Inputs) ? value : $"{value} (depends on {Describe(Inputs!)})";
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FormattedText.TryWrite(ToString(FormattedText.Format(format), provider), destination, out charsWritten);

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => FormattedText.TryWriteUtf8(ToString(FormattedText.Format(format), provider), utf8Destination, out bytesWritten);

    // ---------------------------------------------------------------------------------------------
    // Conversions. In: any number T accepts, as a constant. Out: only a value with no dependencies (an
    // input-dependent one would drop its derivative, which Dual refuses too), and in global mode only a known one.
    // IConvertibleByKind turns these two into INumberBase's six TryConvert* members.
    // ---------------------------------------------------------------------------------------------

    public static bool TryConvertFrom<TOther>(TOther value, ConversionKind kind, out SparsityTracer<T, TOrder> result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(SparsityTracer<T, TOrder>))
        {
            result = (SparsityTracer<T, TOrder>)(object)value;
            return true;
        }
        try
        {
            result = Constant(NumberConversion.Create<T, TOther>(value, kind));
            return true;
        }
        catch (NotSupportedException)
        {
            result = default;
            return false;
        }
    }

    public static bool TryConvertTo<TOther>(SparsityTracer<T, TOrder> value, ConversionKind kind, [MaybeNullWhen(false)] out TOther result)
        where TOther : INumberBase<TOther>
    {
        if (!DependencySet.IsEmpty(value.Inputs))
        {
            throw new SparsityDetectionException(
                $"The function converts a value that depends on {Describe(value.Inputs!)} to {typeof(TOther).Name}, which drops its " +
                "derivative; differentiation refuses this conversion too (a dual number with a non-zero tangent does not " +
                "convert). Keep the value in the generic number type.");
        }
        RequireKnown(value, $"a conversion to {typeof(TOther).Name}");
        try
        {
            result = NumberConversion.Create<TOther, T>(value.Value, kind);
            return true;
        }
        catch (NotSupportedException)
        {
            result = default;
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // IFloatingPoint bit-level queries: questions about the number.
    // ---------------------------------------------------------------------------------------------

    private T KnownValue(string operation)
    {
        RequireKnown(this, operation);
        return Value;
    }

    int IFloatingPoint<SparsityTracer<T, TOrder>>.GetExponentByteCount() => KnownValue("GetExponentByteCount").GetExponentByteCount();

    int IFloatingPoint<SparsityTracer<T, TOrder>>.GetExponentShortestBitLength() => KnownValue("GetExponentShortestBitLength").GetExponentShortestBitLength();

    int IFloatingPoint<SparsityTracer<T, TOrder>>.GetSignificandBitLength() => KnownValue("GetSignificandBitLength").GetSignificandBitLength();

    int IFloatingPoint<SparsityTracer<T, TOrder>>.GetSignificandByteCount() => KnownValue("GetSignificandByteCount").GetSignificandByteCount();

    bool IFloatingPoint<SparsityTracer<T, TOrder>>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) => KnownValue("TryWriteExponentBigEndian").TryWriteExponentBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<SparsityTracer<T, TOrder>>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) => KnownValue("TryWriteExponentLittleEndian").TryWriteExponentLittleEndian(destination, out bytesWritten);

    bool IFloatingPoint<SparsityTracer<T, TOrder>>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) => KnownValue("TryWriteSignificandBigEndian").TryWriteSignificandBigEndian(destination, out bytesWritten);

    bool IFloatingPoint<SparsityTracer<T, TOrder>>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) => KnownValue("TryWriteSignificandLittleEndian").TryWriteSignificandLittleEndian(destination, out bytesWritten);
}
