using System;

namespace Dual;

internal readonly partial struct SparsityTracer<T, TOrder>
{
    // ---------------------------------------------------------------------------------------------
    // The propagation rules, each written once; every operation below is one of them.
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
    // Roots, powers, exponentials, logarithms
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> Sqrt(SparsityTracer<T, TOrder> x) => Nonlinear(T.Sqrt(x.Value), x);

    public static SparsityTracer<T, TOrder> Cbrt(SparsityTracer<T, TOrder> x) => Nonlinear(T.Cbrt(x.Value), x);

    public static SparsityTracer<T, TOrder> RootN(SparsityTracer<T, TOrder> x, int n) => Nonlinear(T.RootN(x.Value, n), x);

    public static SparsityTracer<T, TOrder> Hypot(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Nonlinear(T.Hypot(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> Pow(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Nonlinear(T.Pow(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> Exp(SparsityTracer<T, TOrder> x) => Nonlinear(T.Exp(x.Value), x);

    public static SparsityTracer<T, TOrder> Exp2(SparsityTracer<T, TOrder> x) => Nonlinear(T.Exp2(x.Value), x);

    public static SparsityTracer<T, TOrder> Exp10(SparsityTracer<T, TOrder> x) => Nonlinear(T.Exp10(x.Value), x);

    public static SparsityTracer<T, TOrder> ExpM1(SparsityTracer<T, TOrder> x) => Nonlinear(T.ExpM1(x.Value), x);

    public static SparsityTracer<T, TOrder> Exp2M1(SparsityTracer<T, TOrder> x) => Nonlinear(T.Exp2M1(x.Value), x);

    public static SparsityTracer<T, TOrder> Exp10M1(SparsityTracer<T, TOrder> x) => Nonlinear(T.Exp10M1(x.Value), x);

    public static SparsityTracer<T, TOrder> Log(SparsityTracer<T, TOrder> x) => Nonlinear(T.Log(x.Value), x);

    public static SparsityTracer<T, TOrder> Log(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> newBase) => Nonlinear(T.Log(x.Value, newBase.Value), x, newBase);

    public static SparsityTracer<T, TOrder> Log2(SparsityTracer<T, TOrder> x) => Nonlinear(T.Log2(x.Value), x);

    public static SparsityTracer<T, TOrder> Log10(SparsityTracer<T, TOrder> x) => Nonlinear(T.Log10(x.Value), x);

    public static SparsityTracer<T, TOrder> LogP1(SparsityTracer<T, TOrder> x) => Nonlinear(T.LogP1(x.Value), x);

    public static SparsityTracer<T, TOrder> Log2P1(SparsityTracer<T, TOrder> x) => Nonlinear(T.Log2P1(x.Value), x);

    public static SparsityTracer<T, TOrder> Log10P1(SparsityTracer<T, TOrder> x) => Nonlinear(T.Log10P1(x.Value), x);

    // ---------------------------------------------------------------------------------------------
    // Trigonometric and hyperbolic functions
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> Sin(SparsityTracer<T, TOrder> x) => Nonlinear(T.Sin(x.Value), x);

    public static SparsityTracer<T, TOrder> Cos(SparsityTracer<T, TOrder> x) => Nonlinear(T.Cos(x.Value), x);

    public static SparsityTracer<T, TOrder> Tan(SparsityTracer<T, TOrder> x) => Nonlinear(T.Tan(x.Value), x);

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

    public static SparsityTracer<T, TOrder> SinPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.SinPi(x.Value), x);

    public static SparsityTracer<T, TOrder> CosPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.CosPi(x.Value), x);

    public static SparsityTracer<T, TOrder> TanPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.TanPi(x.Value), x);

    public static SparsityTracer<T, TOrder> Asin(SparsityTracer<T, TOrder> x) => Nonlinear(T.Asin(x.Value), x);

    public static SparsityTracer<T, TOrder> Acos(SparsityTracer<T, TOrder> x) => Nonlinear(T.Acos(x.Value), x);

    public static SparsityTracer<T, TOrder> Atan(SparsityTracer<T, TOrder> x) => Nonlinear(T.Atan(x.Value), x);

    public static SparsityTracer<T, TOrder> AsinPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.AsinPi(x.Value), x);

    public static SparsityTracer<T, TOrder> AcosPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.AcosPi(x.Value), x);

    public static SparsityTracer<T, TOrder> AtanPi(SparsityTracer<T, TOrder> x) => Nonlinear(T.AtanPi(x.Value), x);

    public static SparsityTracer<T, TOrder> Atan2(SparsityTracer<T, TOrder> y, SparsityTracer<T, TOrder> x) => Nonlinear(T.Atan2(y.Value, x.Value), y, x);

    public static SparsityTracer<T, TOrder> Atan2Pi(SparsityTracer<T, TOrder> y, SparsityTracer<T, TOrder> x) => Nonlinear(T.Atan2Pi(y.Value, x.Value), y, x);

    public static SparsityTracer<T, TOrder> Sinh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Sinh(x.Value), x);

    public static SparsityTracer<T, TOrder> Cosh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Cosh(x.Value), x);

    public static SparsityTracer<T, TOrder> Tanh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Tanh(x.Value), x);

    public static SparsityTracer<T, TOrder> Asinh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Asinh(x.Value), x);

    public static SparsityTracer<T, TOrder> Acosh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Acosh(x.Value), x);

    public static SparsityTracer<T, TOrder> Atanh(SparsityTracer<T, TOrder> x) => Nonlinear(T.Atanh(x.Value), x);

    // ---------------------------------------------------------------------------------------------
    // Sign, magnitude, selection: piecewise linear, and never a branch here. The result keeps every operand's
    // dependencies in both modes (the dual picks one operand's tangent, or averages at a tie; which one can change
    // with x), and creates no pairs (the second derivative of a selection is zero).
    // ---------------------------------------------------------------------------------------------

    public static SparsityTracer<T, TOrder> Abs(SparsityTracer<T, TOrder> value) => Linear(T.Abs(value.Value), value);

    public static SparsityTracer<T, TOrder> Max(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.Max(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> Min(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.Min(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MaxNumber(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MaxNumber(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MinNumber(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MinNumber(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MaxMagnitude(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MaxMagnitude(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MinMagnitude(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MinMagnitude(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MaxMagnitudeNumber(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MaxMagnitudeNumber(x.Value, y.Value), x, y);

    public static SparsityTracer<T, TOrder> MinMagnitudeNumber(SparsityTracer<T, TOrder> x, SparsityTracer<T, TOrder> y) => Linear(T.MinMagnitudeNumber(x.Value, y.Value), x, y);

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

    public static SparsityTracer<T, TOrder> ScaleB(SparsityTracer<T, TOrder> x, int n) => Linear(T.ScaleB(x.Value, n), x);

    public static SparsityTracer<T, TOrder> Ieee754Remainder(SparsityTracer<T, TOrder> left, SparsityTracer<T, TOrder> right) => Linear(T.Ieee754Remainder(left.Value, right.Value), left, right);

    public static SparsityTracer<T, TOrder> BitIncrement(SparsityTracer<T, TOrder> x) => Linear(T.BitIncrement(x.Value), x);

    public static SparsityTracer<T, TOrder> BitDecrement(SparsityTracer<T, TOrder> x) => Linear(T.BitDecrement(x.Value), x);

    /// <summary>a + (b − a)·t: linear in a and b, bilinear between (a, b) and t.</summary>
    public static SparsityTracer<T, TOrder> Lerp(SparsityTracer<T, TOrder> value1, SparsityTracer<T, TOrder> value2, SparsityTracer<T, TOrder> amount)
        => Bilinear(T.Lerp(value1.Value, value2.Value, amount.Value), Linear(value1.Value, value1, value2), amount);

    public static SparsityTracer<T, TOrder> ReciprocalEstimate(SparsityTracer<T, TOrder> x) => Nonlinear(T.ReciprocalEstimate(x.Value), x);

    public static SparsityTracer<T, TOrder> ReciprocalSqrtEstimate(SparsityTracer<T, TOrder> x) => Nonlinear(T.ReciprocalSqrtEstimate(x.Value), x);

    public static SparsityTracer<T, TOrder> Floor(SparsityTracer<T, TOrder> x) => Flat(T.Floor(x.Value), x);

    public static SparsityTracer<T, TOrder> Ceiling(SparsityTracer<T, TOrder> x) => Flat(T.Ceiling(x.Value), x);

    public static SparsityTracer<T, TOrder> Truncate(SparsityTracer<T, TOrder> x) => Flat(T.Truncate(x.Value), x);

    public static SparsityTracer<T, TOrder> Round(SparsityTracer<T, TOrder> x) => Flat(T.Round(x.Value), x);

    public static SparsityTracer<T, TOrder> Round(SparsityTracer<T, TOrder> x, int digits) => Flat(T.Round(x.Value, digits), x);

    public static SparsityTracer<T, TOrder> Round(SparsityTracer<T, TOrder> x, MidpointRounding mode) => Flat(T.Round(x.Value, mode), x);

    public static SparsityTracer<T, TOrder> Round(SparsityTracer<T, TOrder> x, int digits, MidpointRounding mode) => Flat(T.Round(x.Value, digits, mode), x);
}
