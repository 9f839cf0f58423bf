using System;
using System.Numerics;
using Dual.Tests.Oracles;
using FsCheck.NUnit;
using NUnit.Framework;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Dual.Tests;

/// <summary>Every elementary function on <see cref="Dual{T}"/> for <c>T = double</c>.</summary>
[TestFixture]
[Properties(Arbitrary = new[] { typeof(Domains) })]
public sealed class ElementaryFunctionTestsDouble : ElementaryFunctionTests<double>;

/// <summary>Every elementary function on <see cref="Dual{T}"/> for <c>T = float</c> (references in double).</summary>
[TestFixture]
[Properties(Arbitrary = new[] { typeof(Domains) })]
public sealed class ElementaryFunctionTestsSingle : ElementaryFunctionTests<float>;

/// <summary>
/// Value, partial derivatives (finite differences, complex step) and seed linearity for every function of
/// <see cref="Dual{T}"/>; see <see cref="FunctionChecks{T}"/>.
/// </summary>
public abstract class ElementaryFunctionTests<T> where T : IFloatingPointIeee754<T>
{
    private static T C(double x) => T.CreateTruncating(x);

    private static void U(string name, Func<Dual<T>, Dual<T>> f, Func<T, T>? primal, Func<double, double> reference, double x,
        Func<Complex, Complex>? complex = null, double? rtol = null)
        => FunctionChecks<T>.Unary(name, f, primal, reference, x, complex, rtol);

    private static void B(string name, Func<Dual<T>, Dual<T>, Dual<T>> f, Func<T, T, T>? primal, Func<double, double, double> reference,
        double x, double y)
        => FunctionChecks<T>.Binary(name, f, primal, reference, x, y);

    // The domains really are the registered ones, not FsCheck's default records of arbitrary doubles.
    [Property]
    public void DomainsAreRegistered(Moderate m, Positive p, OpenUnit u)
    {
        Assert.That(Math.Abs(m.Value), Is.InRange(0.05, 10.0));
        Assert.That(p.Value, Is.InRange(1e-3, 1e3));
        Assert.That(u.Value, Is.InRange(-0.9, 0.9));
    }

    // ---- roots and powers --------------------------------------------------------------------------------------

    [Property] public void Sqrt(Positive x) => U("Sqrt", Dual<T>.Sqrt, T.Sqrt, double.Sqrt, x.Value, Complex.Sqrt);

    [Property] public void Cbrt(Moderate x) => U("Cbrt", Dual<T>.Cbrt, T.Cbrt, double.Cbrt, x.Value);

    [Property]
    public void Cbrt_ComplexStep(Positive x) =>
        U("Cbrt", Dual<T>.Cbrt, T.Cbrt, double.Cbrt, x.Value, z => Complex.Pow(z, 1.0 / 3.0), rtol: null);

    [Property]
    public void RootN(RootArgs a) =>
        U($"RootN(·, {a.N})", x => Dual<T>.RootN(x, a.N), x => T.RootN(x, a.N), x => double.RootN(x, a.N), a.X);

    [Property]
    public void RootN_OddOfNegative(Positive x, bool five) =>
        U("RootN(−x, odd)", d => Dual<T>.RootN(d, five ? 5 : 3), d => T.RootN(d, five ? 5 : 3), d => double.RootN(d, five ? 5 : 3),
            -Math.Min(x.Value, 10));

    [Property]
    public void Hypot(Pair p) => B("Hypot", Dual<T>.Hypot, T.Hypot, double.Hypot, p.X, p.Y);

    [Property]
    public void Pow_DualDual(PowArgs a) => B("Pow(dual, dual)", Dual<T>.Pow, T.Pow, double.Pow, a.Base, a.Exponent);

    [Property]
    public void Pow_DualConstant(PowArgs a)
    {
        T y = C(a.Exponent);
        double yd = double.CreateTruncating(y);
        U("Pow(dual, T)", x => Dual<T>.Pow(x, y), x => T.Pow(x, y), x => double.Pow(x, yd), a.Base, z => Complex.Pow(z, yd));
    }

    [Property]
    public void Pow_ConstantDual(PowArgs a)
    {
        T b = C(a.Base);
        double bd = double.CreateTruncating(b);
        U("Pow(T, dual)", y => Dual<T>.Pow(b, y), y => T.Pow(b, y), y => double.Pow(bd, y), a.Exponent,
            z => Complex.Exp(z * Math.Log(bd)));
    }

    [Property]
    public void Pow_DualInt(IntPowArgs a) =>
        U($"Pow(dual, {a.Exponent})", x => Dual<T>.Pow(x, a.Exponent), x => T.Pow(x, C(a.Exponent)), x => double.Pow(x, a.Exponent),
            a.Base, z => ComplexStep.PowInt(z, a.Exponent));

    // ---- exponentials and logarithms ---------------------------------------------------------------------------

    [Property] public void Exp(Real x) => U("Exp", Dual<T>.Exp, T.Exp, double.Exp, x.Value, Complex.Exp);

    [Property] public void Exp2(Real x) => U("Exp2", Dual<T>.Exp2, T.Exp2, double.Exp2, x.Value, z => Complex.Exp(z * Math.Log(2)));

    [Property] public void Exp10(Real x) => U("Exp10", Dual<T>.Exp10, T.Exp10, double.Exp10, x.Value, z => Complex.Exp(z * Math.Log(10)));

    [Property] public void ExpM1(Real x) => U("ExpM1", Dual<T>.ExpM1, T.ExpM1, double.ExpM1, x.Value);

    [Property] public void Exp2M1(Real x) => U("Exp2M1", Dual<T>.Exp2M1, T.Exp2M1, double.Exp2M1, x.Value);

    [Property] public void Exp10M1(Real x) => U("Exp10M1", Dual<T>.Exp10M1, T.Exp10M1, double.Exp10M1, x.Value);

    [Property] public void Log(Positive x) => U("Log", Dual<T>.Log, T.Log, double.Log, x.Value, Complex.Log);

    [Property] public void Log2(Positive x) => U("Log2", Dual<T>.Log2, T.Log2, double.Log2, x.Value, z => Complex.Log(z) / Math.Log(2));

    [Property] public void Log10(Positive x) => U("Log10", Dual<T>.Log10, T.Log10, double.Log10, x.Value, Complex.Log10);

    [Property] public void LogP1(AboveMinusOne x) => U("LogP1", Dual<T>.LogP1, T.LogP1, double.LogP1, x.Value);

    [Property] public void Log2P1(AboveMinusOne x) => U("Log2P1", Dual<T>.Log2P1, T.Log2P1, double.Log2P1, x.Value);

    [Property] public void Log10P1(AboveMinusOne x) => U("Log10P1", Dual<T>.Log10P1, T.Log10P1, double.Log10P1, x.Value);

    [Property]
    public void Log_WithBase(LogBaseArgs a) => B("Log(x, base)", Dual<T>.Log, T.Log, double.Log, a.X, a.Base);

    // ---- trigonometric -----------------------------------------------------------------------------------------

    [Property] public void Sin(Real x) => U("Sin", Dual<T>.Sin, T.Sin, double.Sin, x.Value, Complex.Sin);

    [Property] public void Cos(Real x) => U("Cos", Dual<T>.Cos, T.Cos, double.Cos, x.Value, Complex.Cos);

    [Property] public void Tan(Angle x) => U("Tan", Dual<T>.Tan, T.Tan, double.Tan, x.Value, Complex.Tan);

    [Property] public void SinCos_Sin(Real x) => U("SinCos.Sin", d => Dual<T>.SinCos(d).Sin, v => T.SinCos(v).Sin, double.Sin, x.Value, Complex.Sin);

    [Property] public void SinCos_Cos(Real x) => U("SinCos.Cos", d => Dual<T>.SinCos(d).Cos, v => T.SinCos(v).Cos, double.Cos, x.Value, Complex.Cos);

    [Property]
    public void SinCosPi_Sin(Real x) =>
        U("SinCosPi.Sin", d => Dual<T>.SinCosPi(d).SinPi, v => T.SinCosPi(v).SinPi, double.SinPi, x.Value, z => Complex.Sin(ComplexStep.PiTimes(z)));

    [Property]
    public void SinCosPi_Cos(Real x) =>
        U("SinCosPi.Cos", d => Dual<T>.SinCosPi(d).CosPi, v => T.SinCosPi(v).CosPi, double.CosPi, x.Value, z => Complex.Cos(ComplexStep.PiTimes(z)));

    [Property] public void SinPi(Real x) => U("SinPi", Dual<T>.SinPi, T.SinPi, double.SinPi, x.Value, z => Complex.Sin(ComplexStep.PiTimes(z)));

    [Property] public void CosPi(Real x) => U("CosPi", Dual<T>.CosPi, T.CosPi, double.CosPi, x.Value, z => Complex.Cos(ComplexStep.PiTimes(z)));

    [Property] public void TanPi(HalfTurn x) => U("TanPi", Dual<T>.TanPi, T.TanPi, double.TanPi, x.Value, z => Complex.Tan(ComplexStep.PiTimes(z)));

    [Property] public void Asin(OpenUnit x) => U("Asin", Dual<T>.Asin, T.Asin, double.Asin, x.Value, Complex.Asin);

    [Property] public void Acos(OpenUnit x) => U("Acos", Dual<T>.Acos, T.Acos, double.Acos, x.Value, Complex.Acos);

    [Property] public void Atan(Real x) => U("Atan", Dual<T>.Atan, T.Atan, double.Atan, x.Value, ComplexStep.Atan);

    [Property] public void AsinPi(OpenUnit x) => U("AsinPi", Dual<T>.AsinPi, T.AsinPi, double.AsinPi, x.Value, z => Complex.Asin(z) / Math.PI);

    [Property] public void AcosPi(OpenUnit x) => U("AcosPi", Dual<T>.AcosPi, T.AcosPi, double.AcosPi, x.Value, z => Complex.Acos(z) / Math.PI);

    [Property] public void AtanPi(Real x) => U("AtanPi", Dual<T>.AtanPi, T.AtanPi, double.AtanPi, x.Value, z => ComplexStep.Atan(z) / Math.PI);

    [Property] public void Atan2(Pair p) => B("Atan2", Dual<T>.Atan2, T.Atan2, double.Atan2, p.X, p.Y);

    [Property] public void Atan2Pi(Pair p) => B("Atan2Pi", Dual<T>.Atan2Pi, T.Atan2Pi, double.Atan2Pi, p.X, p.Y);

    // ---- hyperbolic --------------------------------------------------------------------------------------------

    [Property] public void Sinh(Real x) => U("Sinh", Dual<T>.Sinh, T.Sinh, double.Sinh, x.Value, Complex.Sinh);

    [Property] public void Cosh(Real x) => U("Cosh", Dual<T>.Cosh, T.Cosh, double.Cosh, x.Value, Complex.Cosh);

    [Property] public void Tanh(Real x) => U("Tanh", Dual<T>.Tanh, T.Tanh, double.Tanh, x.Value, Complex.Tanh);

    [Property] public void Asinh(Real x) => U("Asinh", Dual<T>.Asinh, T.Asinh, double.Asinh, x.Value);

    [Property] public void Acosh(AboveOne x) => U("Acosh", Dual<T>.Acosh, T.Acosh, double.Acosh, x.Value);

    [Property] public void Atanh(OpenUnit x) => U("Atanh", Dual<T>.Atanh, T.Atanh, double.Atanh, x.Value);

    // ---- sign, magnitude, selection ----------------------------------------------------------------------------

    [Property] public void Abs(Moderate x) => U("Abs", Dual<T>.Abs, T.Abs, double.Abs, x.Value);

    [Property]
    public void Sign(Moderate x)
    {
        T v = C(x.Value);
        Assert.That(Dual<T>.Sign(new Dual<T>(v, T.One)), Is.EqualTo(T.Sign(v)));
        Assert.That(Dual<T>.Sign(new Dual<T>(v, C(-7))), Is.EqualTo(Math.Sign(x.Value)), "the sign is the value's, not the tangent's");
    }

    [Property] public void Max(SeparatedPair p) => B("Max", Dual<T>.Max, T.Max, double.Max, p.X, p.Y);

    [Property] public void Min(SeparatedPair p) => B("Min", Dual<T>.Min, T.Min, double.Min, p.X, p.Y);

    [Property] public void MaxNumber(SeparatedPair p) => B("MaxNumber", Dual<T>.MaxNumber, T.MaxNumber, double.MaxNumber, p.X, p.Y);

    [Property] public void MinNumber(SeparatedPair p) => B("MinNumber", Dual<T>.MinNumber, T.MinNumber, double.MinNumber, p.X, p.Y);

    [Property] public void MaxMagnitude(SeparatedPair p) => B("MaxMagnitude", Dual<T>.MaxMagnitude, T.MaxMagnitude, double.MaxMagnitude, p.X, p.Y);

    [Property] public void MinMagnitude(SeparatedPair p) => B("MinMagnitude", Dual<T>.MinMagnitude, T.MinMagnitude, double.MinMagnitude, p.X, p.Y);

    [Property]
    public void Clamp(ClampArgs a) =>
        FunctionChecks<T>.Nary("Clamp", d => Dual<T>.Clamp(d[0], d[1], d[2]), v => T.Clamp(v[0], v[1], v[2]),
            v => double.Clamp(v[0], v[1], v[2]), [a.Value, a.Min, a.Max]);

    [Property] public void CopySign(Pair p) => B("CopySign", Dual<T>.CopySign, T.CopySign, double.CopySign, p.X, p.Y);

    // ---- IFloatingPointIeee754 and rounding --------------------------------------------------------------------

    [Property]
    public void FusedMultiplyAdd(Triple t) =>
        FunctionChecks<T>.Nary("FusedMultiplyAdd", d => Dual<T>.FusedMultiplyAdd(d[0], d[1], d[2]), v => T.FusedMultiplyAdd(v[0], v[1], v[2]),
            v => double.FusedMultiplyAdd(v[0], v[1], v[2]), [t.X, t.Y, t.Z]);

    [Property]
    public void Lerp(Triple t) =>
        FunctionChecks<T>.Nary("Lerp", d => Dual<T>.Lerp(d[0], d[1], d[2]), v => T.Lerp(v[0], v[1], v[2]),
            v => double.Lerp(v[0], v[1], v[2]), [t.X, t.Y, t.Z / 10]);

    [Property]
    public void ScaleB(ScaleArgs a) =>
        U($"ScaleB(·, {a.N})", x => Dual<T>.ScaleB(x, a.N), x => T.ScaleB(x, a.N), x => double.ScaleB(x, a.N), a.X);

    [Property]
    public void Ieee754Remainder(DivisionArgs a) =>
        B("Ieee754Remainder", Dual<T>.Ieee754Remainder, T.Ieee754Remainder, double.Ieee754Remainder, a.Dividend, a.Divisor);

    // The value is T's estimate; the derivative is that of the exact function, with the estimate's accuracy.
    [Property]
    public void ReciprocalEstimate(Moderate x) =>
        U("ReciprocalEstimate", Dual<T>.ReciprocalEstimate, T.ReciprocalEstimate, v => 1 / v, x.Value, rtol: 2e-3);

    [Property]
    public void ReciprocalSqrtEstimate(Positive x) =>
        U("ReciprocalSqrtEstimate", Dual<T>.ReciprocalSqrtEstimate, T.ReciprocalSqrtEstimate, v => 1 / double.Sqrt(v), x.Value, rtol: 3e-3);

    [Property] public void Floor(NonInteger x) => U("Floor", Dual<T>.Floor, T.Floor, double.Floor, x.Value);

    [Property] public void Ceiling(NonInteger x) => U("Ceiling", Dual<T>.Ceiling, T.Ceiling, double.Ceiling, x.Value);

    [Property] public void Truncate(NonInteger x) => U("Truncate", Dual<T>.Truncate, T.Truncate, double.Truncate, x.Value);

    [Property] public void Round(NonInteger x) => U("Round", Dual<T>.Round, T.Round, double.Round, x.Value);

    [Property]
    public void Round_Mode(NonInteger x, bool awayFromZero)
    {
        MidpointRounding mode = awayFromZero ? MidpointRounding.AwayFromZero : MidpointRounding.ToNegativeInfinity;
        U($"Round({mode})", d => Dual<T>.Round(d, mode), v => T.Round(v, mode), v => double.Round(v, mode), x.Value);
    }

    // Rounding to digits jumps every 10^−digits; between jumps the derivative is 0, which FD at a point
    // chosen a tenth of a grid step from a jump confirms.
    [Property]
    public void Round_Digits(NonInteger x, bool awayFromZero)
    {
        const int digits = 1;
        MidpointRounding mode = awayFromZero ? MidpointRounding.AwayFromZero : MidpointRounding.ToEven;
        double at = x.Value / 10;
        U("Round(·, 1)", d => Dual<T>.Round(d, digits), v => T.Round(v, digits), v => double.Round(v, digits), at);
        U($"Round(·, 1, {mode})", d => Dual<T>.Round(d, digits, mode), v => T.Round(v, digits, mode), v => double.Round(v, digits, mode), at);
    }

    // ---- arithmetic operators ----------------------------------------------------------------------------------

    [Property] public void Add(Pair p) => B("+", (a, b) => a + b, (a, b) => a + b, (a, b) => a + b, p.X, p.Y);

    [Property] public void Subtract(Pair p) => B("−", (a, b) => a - b, (a, b) => a - b, (a, b) => a - b, p.X, p.Y);

    [Property] public void Multiply(Pair p) => B("×", (a, b) => a * b, (a, b) => a * b, (a, b) => a * b, p.X, p.Y);

    [Property] public void Divide(Pair p) => B("÷", (a, b) => a / b, (a, b) => a / b, (a, b) => a / b, p.X, p.Y);

    [Property] public void Remainder(DivisionArgs a) => B("%", (x, y) => x % y, (x, y) => x % y, (x, y) => x % y, a.Dividend, a.Divisor);

    [Property]
    public void Operators_WithScalarOnTheLeft(Pair p)
    {
        T c = C(p.X);
        double cd = double.CreateTruncating(c);
        U("T + dual", y => c + y, y => c + y, y => cd + y, p.Y);
        U("T − dual", y => c - y, y => c - y, y => cd - y, p.Y);
        U("T × dual", y => c * y, y => c * y, y => cd * y, p.Y);
        U("T ÷ dual", y => c / y, y => c / y, y => cd / y, p.Y, z => cd / z);
    }

    [Property]
    public void Operators_WithScalarOnTheRight(Pair p)
    {
        T c = C(p.Y);
        double cd = double.CreateTruncating(c);
        U("dual + T", x => x + c, x => x + c, x => x + cd, p.X);
        U("dual − T", x => x - c, x => x - c, x => x - cd, p.X);
        U("dual × T", x => x * c, x => x * c, x => x * cd, p.X);
        U("dual ÷ T", x => x / c, x => x / c, x => x / cd, p.X);
    }

    [Property]
    public void UnaryOperators(Real x)
    {
        U("unary −", d => -d, v => -v, v => -v, x.Value);
        U("unary +", d => +d, v => +v, v => +v, x.Value);
        U("++", d => { d++; return d; }, v => { v++; return v; }, v => v + 1, x.Value);
        U("--", d => { d--; return d; }, v => { v--; return v; }, v => v - 1, x.Value);
    }

    // ---- machine-learning staples (primal against a plain double formula) --------------------------------------

    [Property]
    public void Sigmoid(Real x) =>
        U("Sigmoid", Dual<T>.Sigmoid, null, v => 1 / (1 + double.Exp(-v)), x.Value, z => 1 / (1 + Complex.Exp(-z)));

    [Property]
    public void Softplus(Real x) =>
        U("Softplus", Dual<T>.Softplus, null, SoftplusReference, x.Value, z => Complex.Log(1 + Complex.Exp(z)));

    // ln(1 + eˣ) = max(x, 0) + ln(1 + t), t = e^−|x|, with ln(1 + t) = 2·atanh(t/(2 + t)): accurate for tiny t,
    // where .NET's LogP1 (computed as Log(1 + t)) is not.
    internal static double SoftplusReference(double x)
    {
        double t = double.Exp(-double.Abs(x));
        return double.Max(x, 0) + 2 * double.Atanh(t / (2 + t));
    }

    [Property] public void Relu(Moderate x) => U("Relu", Dual<T>.Relu, v => T.Max(v, T.Zero), v => double.Max(v, 0), x.Value);

    [Property]
    public void LogSumExp(Logits l) =>
        FunctionChecks<T>.Nary("LogSumExp", d => Dual<T>.LogSumExp(d), null, v =>
        {
            double s = 0;
            foreach (double e in v)
            {
                s += double.Exp(e);
            }
            return double.Log(s);
        }, l.Values);

    [Property]
    public void Softmax(Logits l)
    {
        for (int k = 0; k < l.Values.Length; k++)
        {
            int i = k;
            FunctionChecks<T>.Nary($"Softmax[{i}]", d =>
            {
                var y = new Dual<T>[d.Length];
                Dual<T>.Softmax(d, y);
                return y[i];
            }, null, v =>
            {
                double s = 0;
                foreach (double e in v)
                {
                    s += double.Exp(e);
                }
                return double.Exp(v[i]) / s;
            }, l.Values);
        }
    }

    // ---- compositions, against the complex step ----------------------------------------------------------------

    [Property]
    public void Composition_ExpSinSqrt(Positive x)
    {
        double at = Math.Min(x.Value, 20);
        U("exp(sin x)·√x", d => Dual<T>.Exp(Dual<T>.Sin(d)) * Dual<T>.Sqrt(d), v => T.Exp(T.Sin(v)) * T.Sqrt(v), v => double.Exp(double.Sin(v)) * double.Sqrt(v), at,
            z => Complex.Exp(Complex.Sin(z)) * Complex.Sqrt(z));
    }

    [Property]
    public void Composition_LogCoshOverAtan(Moderate x) =>
        U("log(cosh x)/(1 + atan² x)",
            d => Dual<T>.Log(Dual<T>.Cosh(d)) / (T.One + Dual<T>.Atan(d) * Dual<T>.Atan(d)),
            v => T.Log(T.Cosh(v)) / (T.One + T.Atan(v) * T.Atan(v)),
            v => double.Log(double.Cosh(v)) / (1 + double.Atan(v) * double.Atan(v)), x.Value,
            z => Complex.Log(Complex.Cosh(z)) / (1 + ComplexStep.Atan(z) * ComplexStep.Atan(z)));

    [Property]
    public void Composition_TanhPowAsin(OpenUnit x) =>
        U("tanh(asin³ x + sinh x·tan x)",
            d => Dual<T>.Tanh(Dual<T>.Pow(Dual<T>.Asin(d), 3) + Dual<T>.Sinh(d) * Dual<T>.Tan(d)),
            v => T.Tanh(T.Pow(T.Asin(v), C(3)) + T.Sinh(v) * T.Tan(v)),
            v => double.Tanh(double.Pow(double.Asin(v), 3) + double.Sinh(v) * double.Tan(v)), x.Value,
            z => Complex.Tanh(ComplexStep.PowInt(Complex.Asin(z), 3) + Complex.Sinh(z) * Complex.Tan(z)));
}
