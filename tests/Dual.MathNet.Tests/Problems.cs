using System;
using System.Numerics;

namespace Dual.MathNet.Tests;

/// <summary>Counts the runs of a function (primal or dual passes alike).</summary>
public sealed class Counter
{
    public int Count;
}

/// <summary>Rosenbrock's function (1 − x)² + 100(y − x²)², minimum 0 at (1, 1); the classic start (−1.2, 1).</summary>
public readonly struct Rosenbrock : IScalarFunction
{
    public static readonly double[] Start = [-1.2, 1.0];

    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum a = TNum.One - x[0], b = x[1] - x[0] * x[0];
        return a * a + TNum.CreateTruncating(100) * b * b;
    }

    public static double Value(ReadOnlySpan<double> x) => default(Rosenbrock).Evaluate(x);
}

/// <summary>Wraps a function struct and counts its runs.</summary>
public readonly struct CountedScalar<TFunction>(TFunction inner, Counter counter) : IScalarFunction where TFunction : IScalarFunction
{
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        counter.Count++;
        return inner.Evaluate(x);
    }
}

/// <summary>Wraps a model struct and counts its runs.</summary>
public readonly struct CountedVector<TModel>(TModel inner, Counter counter) : IVectorFunction where TModel : IVectorFunction
{
    public void Evaluate<TNum>(ReadOnlySpan<TNum> p, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        counter.Count++;
        inner.Evaluate(p, y);
    }
}

/// <summary>
/// NIST StRD nonlinear regression problem Rat43 (Ratkowsky 1983, onion bulb dry weight; "higher difficulty"):
/// y = b1 / (1 + exp(b2 − b3·x))^(1/b4). Data, starting values and certified values as published by NIST's Statistical
/// Reference Datasets, file Ratkowsky3 ("Rat43.dat"), https://www.itl.nist.gov/div898/strd/nls/data/ratkowsky3.shtml.
/// </summary>
public readonly struct Rat43 : IVectorFunction
{
    public static readonly double[] X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    public static readonly double[] Y = [16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93, 699.56, 689.96, 637.56, 717.41];
    public static readonly double[] Start1 = [100, 10, 1, 1];
    public static readonly double[] Start2 = [700, 5, 0.75, 1.3];
    public static readonly double[] Certified = [6.9964151270E+02, 5.2771253025E+00, 7.5962938329E-01, 1.2792483859E+00];
    public static readonly double[] CertifiedStandardDeviation = [1.6302297817E+01, 2.0828735829E+00, 1.9566123451E-01, 6.8761936385E-01];
    public const double CertifiedResidualSumOfSquares = 8.7864049080E+03;

    public void Evaluate<TNum>(ReadOnlySpan<TNum> b, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum inverseB4 = TNum.One / b[3];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = b[0] / TNum.Pow(TNum.One + TNum.Exp(b[1] - b[2] * TNum.CreateTruncating(X[i])), inverseB4);
        }
    }

    /// <summary>The same model in MathNet's form f(p, x), for its finite-difference runs.</summary>
    public static double At(double[] b, double x) => b[0] / Math.Pow(1 + Math.Exp(b[1] - b[2] * x), 1 / b[3]);
}

/// <summary>
/// NIST StRD nonlinear regression problem MGH09 (Kowalik and Osborne 1978, from Moré, Garbow and Hillstrom 1981;
/// "higher difficulty"): y = b1(x² + x·b2)/(x² + x·b3 + b4). Data, starting values and certified values as published
/// by NIST's Statistical Reference Datasets, file MGH09.dat, https://www.itl.nist.gov/div898/strd/nls/data/mgh09.shtml.
/// </summary>
public readonly struct Mgh09 : IVectorFunction
{
    public static readonly double[] X = [4.000000E+00, 2.000000E+00, 1.000000E+00, 5.000000E-01, 2.500000E-01, 1.670000E-01, 1.250000E-01, 1.000000E-01, 8.330000E-02, 7.140000E-02, 6.250000E-02];
    public static readonly double[] Y = [1.957000E-01, 1.947000E-01, 1.735000E-01, 1.600000E-01, 8.440000E-02, 6.270000E-02, 4.560000E-02, 3.420000E-02, 3.230000E-02, 2.350000E-02, 2.460000E-02];
    public static readonly double[] Start1 = [25, 39, 41.5, 39];
    public static readonly double[] Start2 = [0.25, 0.39, 0.415, 0.39];
    public static readonly double[] Certified = [1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01, 1.3606233068E-01];
    public static readonly double[] CertifiedStandardDeviation = [1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02];
    public const double CertifiedResidualSumOfSquares = 3.0750560385E-04;

    public void Evaluate<TNum>(ReadOnlySpan<TNum> b, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        for (int i = 0; i < y.Length; i++)
        {
            TNum x = TNum.CreateTruncating(X[i]);
            y[i] = b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]);
        }
    }

    public static double At(double[] b, double x) => b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]);
}
