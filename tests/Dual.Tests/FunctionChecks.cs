using System;
using System.Numerics;
using Dual.Tests.Oracles;

namespace Dual.Tests;

/// <summary>
/// The three checks every elementary function gets, for a scalar type <typeparamref name="T"/>: the primal is
/// <typeparamref name="T"/>'s own function bit for bit (or a plain double formula within a tight tolerance), each
/// partial derivative agrees with finite differences of a double reference (and with the complex step where one is
/// given), and the tangent is linear in the seed: seed 2 gives exactly twice the tangent of seed 1, seed 0 gives 0.
/// </summary>
public static class FunctionChecks<T> where T : IFloatingPointIeee754<T>
{
    public static bool IsFloat => typeof(T) == typeof(float);

    /// <summary>Relative tolerance against finite differences (float: the dual computes in float, the oracle in double).</summary>
    public static double FdRtol => IsFloat ? 1e-3 : 1e-6;

    /// <summary>Absolute tolerance against finite differences, before the oracle's own round-off is added.</summary>
    public static double FdAtol => IsFloat ? 1e-5 : 1e-10;

    /// <summary>Relative tolerance against the complex step (accurate to round-off).</summary>
    public static double CsRtol => IsFloat ? 1e-5 : 1e-12;

    /// <summary>
    /// Absolute tolerance against the complex step: an ulp of 1, for derivatives formed by cancellation such as
    /// tanh′ = 1 − tanh² or σ′ = σ(1 − σ) far from 0.
    /// </summary>
    public static double CsAtol => IsFloat ? 1e-6 : 1e-15;

    /// <summary>
    /// Relative tolerance for primals compared with a double reference formula. For float the formula's own
    /// intermediate roundings (e.g. of x − max(x) inside softmax, up to 20·2⁻²⁴) dominate.
    /// </summary>
    public static double FormulaRtol => IsFloat ? 1e-5 : 1e-13;

    /// <summary>Absolute tolerance for primals against a formula: a few ulps of 1 (log-sum-exp near 0 cancels).</summary>
    public static double FormulaAtol => IsFloat ? 1e-6 : 1e-15;

    public static T C(double x) => T.CreateTruncating(x);

    public static double D(T x) => double.CreateTruncating(x);

    public static string Name(string function) => $"{function}<{typeof(T).Name}>";

    /// <summary>Checks a function of one variable.</summary>
    public static void Unary(
        string name,
        Func<Dual<T>, Dual<T>> f,
        Func<T, T>? primal,
        Func<double, double> reference,
        double x,
        Func<Complex, Complex>? complex = null,
        double? rtol = null)
    {
        Nary(name, a => f(a[0]), primal is null ? null : a => primal(a[0]), a => reference(a[0]), [x], rtol);
        if (complex is not null)
        {
            double at = D(C(x));
            double expected = ComplexStep.Derivative(complex, at);
            Dual<T> r = f(new Dual<T>(C(x), T.One));
            Approx.AssertClose(D(r.Tangent), expected, CsRtol, CsAtol, $"{Name(name)} tangent vs complex step at {at:R}");
        }
    }

    /// <summary>Checks a function of two variables: each partial separately.</summary>
    public static void Binary(
        string name,
        Func<Dual<T>, Dual<T>, Dual<T>> f,
        Func<T, T, T>? primal,
        Func<double, double, double> reference,
        double x,
        double y,
        double? rtol = null)
        => Nary(name, a => f(a[0], a[1]), primal is null ? null : a => primal(a[0], a[1]), a => reference(a[0], a[1]), [x, y], rtol);

    /// <summary>
    /// Checks f at <paramref name="point"/> (converted to <typeparamref name="T"/>): value, every partial derivative
    /// (seed 1 in one argument, 0 in the others) against the 5-point stencil on <paramref name="reference"/>, and
    /// linearity in the seed.
    /// </summary>
    public static void Nary(
        string name,
        Func<Dual<T>[], Dual<T>> f,
        Func<T[], T>? primal,
        Func<double[], double> reference,
        double[] point,
        double? rtol = null)
    {
        T[] p = Array.ConvertAll(point, C);
        double[] pd = Array.ConvertAll(p, D);
        string at = "(" + string.Join(", ", Array.ConvertAll(pd, v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + ")";

        for (int i = 0; i < p.Length; i++)
        {
            Dual<T> one = f(Seed(p, i, T.One));
            Dual<T> two = f(Seed(p, i, C(2)));
            Dual<T> zero = f(Seed(p, i, T.Zero));

            // (a) the primal, whatever the seed.
            if (primal is not null)
            {
                Approx.AssertIdentical(one.Value, primal(p), $"{Name(name)} value at {at}");
            }
            else
            {
                Approx.AssertClose(D(one.Value), reference(pd), FormulaRtol, FormulaAtol, $"{Name(name)} value vs double formula at {at}");
            }
            Approx.AssertIdentical(two.Value, one.Value, $"{Name(name)} value with seed 2 at {at}");

            // (b) the partial derivative against finite differences.
            (double fd, double roundOff) = FiniteDifference.Partial(reference, pd, i);
            Approx.AssertClose(D(one.Tangent), fd, rtol ?? FdRtol, FdAtol + roundOff, $"{Name(name)} ∂/∂x{i} vs finite differences at {at}");

            // (c) linearity in the seed: exact for a power-of-two scaling.
            Approx.AssertIdentical(two.Tangent, C(2) * one.Tangent, $"{Name(name)} ∂/∂x{i} with seed 2 vs 2× seed 1 at {at}");
            Approx.AssertIdentical(T.Abs(zero.Tangent), T.Zero, $"{Name(name)} ∂/∂x{i} with seed 0 at {at}");
        }
    }

    private static Dual<T>[] Seed(T[] p, int index, T seed)
    {
        var a = new Dual<T>[p.Length];
        for (int j = 0; j < p.Length; j++)
        {
            a[j] = new Dual<T>(p[j], j == index ? seed : T.Zero);
        }
        return a;
    }
}
