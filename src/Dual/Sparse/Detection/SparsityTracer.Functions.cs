namespace Dual;

internal readonly partial struct SparsityTracer<T, TOrder>
{
    // ---------------------------------------------------------------------------------------------
    // The propagation rules, each written once; every operation below is one of them. The functions of
    // tools/Rules/functions.json that apply one rule to T's function of the values (the table's sparsity column:
    // Sqrt, Exp, Sin, Abs, Max, Floor, …) are generated into SparsityTracer.Functions.g.cs; this file holds the rules,
    // the operators and the functions whose propagation is written out.
    // ---------------------------------------------------------------------------------------------

    /// <summary>Linear in x (or piecewise linear, as Abs): x's dependencies and pairs, nothing new.</summary>
    private static SparsityTracer<T, TOrder> Linear(T value, SparsityTracer<T, TOrder> x) => new(value, x.Inputs, x.Pairs, x.Unknown);

    /// <summary>Linear in both: the union of dependencies and of pairs.</summary>
    private static SparsityTracer<T, TOrder> Linear(T value, SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y)
        => new(value, DependencySet.Union(x.Inputs, y.Inputs), PairsOf(x, y, null, null), x.Unknown || y.Unknown);

    /// <summary>Nonlinear in x: also every pair within x's dependencies (x·x, sin x, √x, …).</summary>
    private static SparsityTracer<T, TOrder> Nonlinear(T value, SparsityTracer<T, TOrder> x)
        => new(value, x.Inputs, TOrder.TracksPairs ? PairSet.Combine(x.Pairs, null, x.Inputs, x.Inputs) : null, x.Unknown);

    /// <summary>Bilinear (x·y): the union, plus the cross pairs X×Y (no X×X: ∂²(xy)/∂x² = 0).</summary>
    private static SparsityTracer<T, TOrder> Bilinear(T value, SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y)
        => new(value, DependencySet.Union(x.Inputs, y.Inputs), PairsOf(x, y, x.Inputs, y.Inputs), x.Unknown || y.Unknown);

    /// <summary>Nonlinear in both jointly (Pow, Atan2, Hypot, …): every pair within X ∪ Y.</summary>
    private static SparsityTracer<T, TOrder> Nonlinear(T value, SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y)
    {
        int[]? inputs = DependencySet.Union(x.Inputs, y.Inputs);
        return new(value, inputs, PairsOf(x, y, inputs, inputs), x.Unknown || y.Unknown);
    }

    /// <summary>Zero derivative (Floor, Round, …): no dependencies; the number stays unknown if x's was.</summary>
    private static SparsityTracer<T, TOrder> Flat(T value, SparsityTracer<T, TOrder> x) => new(value, null, null, x.Unknown);

    private static PairSet? PairsOf(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y, int[]? crossA, int[]? crossB)
        => TOrder.TracksPairs ? PairSet.Combine(x.Pairs, y.Pairs, crossA, crossB) : null;

    // ---------------------------------------------------------------------------------------------
    // Operators
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> operator +(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => Linear(left.Value + right.Value, left, right);

    public static SparsityTracer<T, TOrder> operator -(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => Linear(left.Value - right.Value, left, right);

    public static SparsityTracer<T, TOrder> operator *(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => Bilinear(left.Value * right.Value, left, right);

    /// <summary>a/b: linear in a, nonlinear in b, and a×b interact: the cross pairs A×B and B×B.</summary>
    public static SparsityTracer<T, TOrder> operator /(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right)
    {
        SparsityTracer<T, TOrder> product = Bilinear(left.Value / right.Value, left, right);
        return TOrder.TracksPairs
            ? new(product.Value, product.Inputs, PairSet.Combine(product.Pairs, null, right.Inputs, right.Inputs), product.Unknown)
            : product;
    }

    /// <summary>a % b = a − b·trunc(a/b): piecewise linear in both (∂/∂b = −trunc(a/b) is locally constant).</summary>
    public static SparsityTracer<T, TOrder> operator %(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => Linear(left.Value % right.Value, left, right);

    public static SparsityTracer<T, TOrder> operator -(SparsityTracer<T, TOrder> value) => Linear(-value.Value, value);

    public static SparsityTracer<T, TOrder> operator +(SparsityTracer<T, TOrder> value) => value;

    public static SparsityTracer<T, TOrder> operator ++(SparsityTracer<T, TOrder> value) => Linear(value.Value + T.One, value);

    public static SparsityTracer<T, TOrder> operator --(SparsityTracer<T, TOrder> value) => Linear(value.Value - T.One, value);

    // ---------------------------------------------------------------------------------------------
    // Trigonometric and hyperbolic functions
    // ---------------------------------------------------------------------------------------------

    public static (SparsityTracer<T, TOrder> Sin, SparsityTracer<T, TOrder> Cos) SinCos(SparsityTracer<T, TOrder> x)
    {
        (T sin, T cos) = T.SinCos(x.Value);
        return (Nonlinear(sin, x), Nonlinear(cos, x));
    }

    public static (SparsityTracer<T, TOrder> SinPi, SparsityTracer<T, TOrder> CosPi) SinCosPi(SparsityTracer<T, TOrder> x)
    {
        (T sin, T cos) = T.SinCosPi(x.Value);
        return (Nonlinear(sin, x), Nonlinear(cos, x));
    }

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection (Abs, Max, Min, … generated as linear): piecewise linear, and never a branch here.
    // The result keeps every operand's dependencies in both modes (the dual picks one operand's tangent, or averages
    // at a tie; which one can change with x), and creates no pairs (the second derivative of a selection is zero).
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> Clamp(SparsityTracer<T, TOrder> value, SparsityTracer<T, TOrder> min, SparsityTracer<T, TOrder> max)
    {
        // T.Clamp throws when min > max; with an unknown bound that cannot be checked, so the number is not computed.
        T clamped = value.Opaque || min.Opaque || max.Opaque ? value.Value : T.Clamp(value.Value, min.Value, max.Value);
        return Linear(clamped, Linear(clamped, value, min), max);
    }

    /// <summary>|value| with the sign of <paramref name="sign"/>: the sign contributes no derivative, only its number.</summary>
    public static SparsityTracer<T, TOrder> CopySign(SparsityTracer<T, TOrder> value, SparsityTracer<T, TOrder> sign)
        => new(T.CopySign(value.Value, sign.Value), value.Inputs, value.Pairs, value.Unknown || sign.Unknown);

    // ---------------------------------------------------------------------------------------------
    // IFloatingPointIeee754 and rounding
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> FusedMultiplyAdd(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right, SparsityTracer<T, TOrder> addend)
        => Linear(T.FusedMultiplyAdd(left.Value, right.Value, addend.Value), Bilinear(left.Value, left, right), addend);

    public static SparsityTracer<T, TOrder> MultiplyAddEstimate(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right, SparsityTracer<T, TOrder> addend)
        => Linear(left.Value * right.Value + addend.Value, Bilinear(left.Value, left, right), addend);

    /// <summary>a + (b − a)·t: linear in a and b, bilinear between (a, b) and t.</summary>
    public static SparsityTracer<T, TOrder> Lerp(SparsityTracer<T, TOrder> value1, SparsityTracer<T, TOrder> value2, SparsityTracer<T, TOrder> amount)
        => Bilinear(T.Lerp(value1.Value, value2.Value, amount.Value), Linear(value1.Value, value1, value2), amount);

}
