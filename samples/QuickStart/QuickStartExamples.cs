using System;
using System.Collections.Generic;
using System.Numerics;
using Dual;

namespace QuickStart;

/// <summary>One quick-start result: what was differentiated, the AD value, and its closed form.</summary>
/// <param name="What">A description.</param>
/// <param name="Got">The value from automatic differentiation.</param>
/// <param name="Expected">The closed form, computed without AD.</param>
public sealed record Example(string What, double Got, double Expected);

/// <summary>The quick start's derivatives, each beside a closed form derived by hand.</summary>
public static class QuickStartExamples
{
    /// <summary>Computes every example.</summary>
    /// <returns>The examples in the order they are printed.</returns>
    public static IReadOnlyList<Example> Run()
    {
        var results = new List<Example>();

        // 1. A derivative: d/dx (3x³ − 5x²) at x = 1.5 is 9x² − 10x = 5.25.
        results.Add(new("d/dx (3x³ − 5x²) at 1.5", AutoDiff.Derivative(x => 3 * x * x * x - 5 * x * x, 1.5), 5.25));

        // 2. Any generic-math function runs on Dual<T>: f(x) = eˣ / √(sin³x + cos³x).
        var (value, derivative) = AutoDiff.ValueAndDerivative(x => Bump(x), 0.5);
        results.Add(new("f(0.5)", value, Bump(0.5)));
        results.Add(new("f′(0.5)", derivative, BumpDerivative(0.5)));

        // 2b. Many points in one call: f′ at 0.1, 0.5 and 0.9.
        double[] points = [0.1, 0.5, 0.9], values = new double[3], slopes = new double[3];
        AutoDiff.ValueAndDerivative<double>(x => Bump(x), points, values, slopes);
        results.Add(new("f′(0.9), one call for three points", slopes[2], BumpDerivative(0.9)));

        // 3. A gradient: z = x·y + sin x, so ∂z/∂x = y + cos x and ∂z/∂y = x.
        double[] gradient = AutoDiff.Gradient(v => v[0] * v[1] + Dual<double>.Sin(v[0]), [2.0, 3.0]);
        results.Add(new("∂z/∂x at (2, 3)", gradient[0], 3 + Math.Cos(2)));
        results.Add(new("∂z/∂y at (2, 3)", gradient[1], 2));

        // 4. A Jacobian: y = W x has Jacobian W.
        double[,] w = { { 1, 2, 3 }, { 4, 5, 6 } };
        double[,] jacobian = AutoDiff.Jacobian<double>((x, y) =>
        {
            for (int i = 0; i < 2; i++)
            {
                y[i] = w[i, 0] * x[0] + w[i, 1] * x[1] + w[i, 2] * x[2];
            }
        }, [0.1, 0.2, 0.3], 2);
        results.Add(new("J[1, 2] of y = Wx", jacobian[1, 2], w[1, 2]));

        // 5. Second derivatives by nesting: the Hessian of x²y + y³ is [[2y, 2x], [2x, 6y]].
        double[,] hessian = AutoDiff.Hessian<double>(v => v[0] * v[0] * v[1] + v[1] * v[1] * v[1], [1.0, 2.0]);
        results.Add(new("∂²/∂x∂y (x²y + y³) at (1, 2)", hessian[0, 1], 2 * 1.0));
        results.Add(new("∂²/∂y² (x²y + y³) at (1, 2)", hessian[1, 1], 6 * 2.0));
        return results;
    }

    /// <summary>f(x) = eˣ/√(sin³x + cos³x), written once over generic math.</summary>
    /// <typeparam name="T">Any IEEE floating type, dual numbers included.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    public static T Bump<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T s = T.Sin(x), c = T.Cos(x);
        return T.Exp(x) / T.Sqrt(s * s * s + c * c * c);
    }

    /// <summary>The hand-derived f′(x) = f(x)·(1 − 3(sin²x·cos x − cos²x·sin x) / (2(sin³x + cos³x))).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>f′(x).</returns>
    public static double BumpDerivative(double x)
    {
        double s = Math.Sin(x), c = Math.Cos(x), q = s * s * s + c * c * c;
        return Bump(x) * (1 - 3 * (s * s * c - c * c * s) / (2 * q));
    }
}
