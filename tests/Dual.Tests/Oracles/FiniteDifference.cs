using System;

namespace Dual.Tests.Oracles;

/// <summary>
/// Fourth-order central finite differences in <see cref="double"/>: an oracle for derivatives that knows nothing
/// about dual numbers.
/// </summary>
public static class FiniteDifference
{
    /// <summary>ε^(1/5): the step that balances the stencil's O(h⁴) truncation error against round-off.</summary>
    public static readonly double RelativeStep = Math.Pow(Math.ScaleB(1.0, -52), 0.2);

    /// <summary>The step for <paramref name="x"/>: ε^(1/5)·max(1e-3, |x|), adjusted so that x + h is exact.</summary>
    public static double Step(double x)
    {
        double h = RelativeStep * Math.Max(1e-3, Math.Abs(x));
        double shifted = x + h;
        return shifted - x;
    }

    /// <summary>The 5-point estimate of f′(x): (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h.</summary>
    public static double Derivative(Func<double, double> f, double x) => Estimate(f, x).Value;

    /// <summary>
    /// The 5-point estimate of f′(x) together with a bound on the round-off it carries: a few ulps of each sample,
    /// weighted like the stencil and divided by 12h. Add it to a comparison's absolute tolerance where f′ is small
    /// next to f (e.g. cos near a multiple of π).
    /// </summary>
    public static (double Value, double RoundOff) Estimate(Func<double, double> f, double x)
    {
        double h = Step(x);
        double m2 = f(x - 2 * h), m1 = f(x - h), p1 = f(x + h), p2 = f(x + 2 * h);
        double value = (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h);
        double magnitude = Math.Abs(m2) + 8 * Math.Abs(m1) + 8 * Math.Abs(p1) + Math.Abs(p2);
        double roundOff = 4 * Math.ScaleB(1.0, -52) * magnitude / (12 * h);
        return (value, roundOff);
    }

    /// <summary>∂f/∂xᵢ at <paramref name="point"/> by the 5-point stencil in coordinate <paramref name="index"/>.</summary>
    public static (double Value, double RoundOff) Partial(Func<double[], double> f, double[] point, int index)
    {
        double[] p = (double[])point.Clone();
        return Estimate(t =>
        {
            p[index] = t;
            return f(p);
        }, point[index]);
    }
}
