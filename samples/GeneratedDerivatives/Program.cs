using System;
using Dual;

namespace GeneratedDerivatives;

/// <summary>Ordinary double code marked [Differentiable]; the generator adds twins and entry points at compile time.</summary>
public static partial class Models
{
    /// <summary>Height of a projectile launched at speed <paramref name="v0"/> and angle <paramref name="angle"/> after time <paramref name="t"/>.</summary>
    [Differentiable]
    public static double Height(double v0, double angle, double t)
    {
        const double g = 9.81;
        return v0 * Math.Sin(angle) * t - 0.5 * g * t * t;
    }

    /// <summary>The Rosenbrock function over any number of inputs.</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        return s;
    }

    /// <summary>Polar to Cartesian coordinates: p = (r cos θ, r sin θ).</summary>
    [Differentiable]
    public static void Polar(ReadOnlySpan<double> q, Span<double> p)
    {
        p[0] = q[0] * Math.Cos(q[1]);
        p[1] = q[0] * Math.Sin(q[1]);
    }

    /// <summary>A smooth ramp with a branch; the derivative is that of the branch taken.</summary>
    [Differentiable]
    public static double Ramp(double x) => x switch
    {
        < 0 => 0,
        < 1 => x * x * (3 - 2 * x),
        _ => 1,
    };

    /// <summary>An "opaque" function (think: a native call) with a user-supplied derivative.</summary>
    public static double Opaque(double x) => Math.Atan(x);

    /// <summary>Custom rule: d/dx atan(x) = 1 / (1 + x²).</summary>
    [DerivativeOf(nameof(Opaque))]
    public static double OpaqueDerivative(double x) => 1 / (1 + x * x);

    /// <summary>Uses the opaque function through its custom rule.</summary>
    [Differentiable]
    public static double UsesOpaque(double x) => Opaque(2 * x) * x;
}

internal static class Program
{
    private static void Main()
    {
        double v0 = 20, angle = 0.6, t = 1.2;
        var (h, (dv0, dangle, dt)) = Models.HeightValueAndGradient(v0, angle, t);
        Console.WriteLine($"Height          = {h:F6}");
        Console.WriteLine($"  d/dv0         = {dv0:F6}   analytic {Math.Sin(angle) * t:F6}");
        Console.WriteLine($"  d/dangle      = {dangle:F6}   analytic {v0 * Math.Cos(angle) * t:F6}");
        Console.WriteLine($"  d/dt          = {dt:F6}   analytic {v0 * Math.Sin(angle) - 9.81 * t:F6}");

        double[] x = { 0.5, 1.5, -0.5, 2.0 };
        double[] g = new double[x.Length];
        double f = Models.RosenbrockGradient(x, g);
        Console.WriteLine($"Rosenbrock      = {f:F6}");
        for (int i = 0; i < x.Length; i++)
        {
            double analytic = (i + 1 < x.Length ? -2 * (1 - x[i]) - 400 * x[i] * (x[i + 1] - x[i] * x[i]) : 0)
                + (i > 0 ? 200 * (x[i] - x[i - 1] * x[i - 1]) : 0);
            Console.WriteLine($"  d/dx{i}         = {g[i]:F6}   analytic {analytic:F6}");
        }

        double[] q = { 2.0, 0.3 }, p = new double[2], j = new double[4];
        Models.PolarJacobian(q, p, j);
        Console.WriteLine($"Polar Jacobian  = [{j[0]:F6} {j[1]:F6}; {j[2]:F6} {j[3]:F6}]");
        Console.WriteLine($"  analytic      = [{Math.Cos(q[1]):F6} {-q[0] * Math.Sin(q[1]):F6}; {Math.Sin(q[1]):F6} {q[0] * Math.Cos(q[1]):F6}]");

        double r = Models.RampDerivative(0.25);
        Console.WriteLine($"Ramp'(0.25)     = {r:F6}   analytic {6 * 0.25 * (1 - 0.25):F6}");

        double o = Models.UsesOpaqueDerivative(0.7);
        Console.WriteLine($"UsesOpaque'(0.7)= {o:F6}   analytic {Math.Atan(1.4) + 0.7 * 2 / (1 + 1.4 * 1.4):F6}");

        // The twin itself: Dual<double> in, Dual<double> out.
        Dual<double> y = Models.Height(new Dual<double>(v0, 0), new Dual<double>(angle, 0), new Dual<double>(t, 1));
        Console.WriteLine($"Twin: Height = {y.Value:F6}, dHeight/dt = {y.Tangent:F6}");
    }
}
