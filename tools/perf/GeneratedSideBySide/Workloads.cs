namespace GeneratedSideBySide;

/// <summary>
/// The side-by-side workloads written as plain <see cref="double"/> code and marked <c>[Differentiable]</c>: what a user
/// writes to get generated entry points. Same bodies, constants and operation order as the harness's generic-math
/// structs (<see cref="Generic"/>) and the C++ anchors.
/// </summary>
public static partial class Plain
{
    /// <summary>A: eˣ/√(sin³x + cos³x).</summary>
    [Differentiable]
    public static double ScalarA(double x)
    {
        double s = Math.Sin(x), c = Math.Cos(x);
        return Math.Exp(x) / Math.Sqrt(s * s * s + c * c * c);
    }

    /// <summary>B: extended Rosenbrock, Σ_{i&lt;n/2} 100·(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})².</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double t1 = x[i + 1] - x[i] * x[i];
            double t2 = 1.0 - x[i];
            sum += 100.0 * (t1 * t1) + t2 * t2;
        }
        return sum;
    }

    /// <summary>C: Ackley, −20·exp(−0.2·√(Σx²·(1/n))) − exp(Σcos(2πx)·(1/n)) + 20 + e.</summary>
    [Differentiable]
    public static double Ackley(ReadOnlySpan<double> x)
    {
        double s1 = 0, s2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s1 += x[i] * x[i];
            s2 += Math.Cos(6.283185307179586 * x[i]);
        }
        double inv = 1.0 / x.Length;
        return -20.0 * Math.Exp(-0.2 * Math.Sqrt(s1 * inv)) - Math.Exp(s2 * inv) + 20.0 + 2.718281828459045;
    }

    /// <summary>D: Rat43 residuals, rᵢ = yᵢ − b₁/(1 + exp(b₂ − b₃xᵢ))^(1/b₄), xᵢ = i + 1.</summary>
    [Differentiable]
    public static void Rat43(ReadOnlySpan<double> b, Span<double> r)
    {
        double p = 1.0 / b[3];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = Data.Y43[i] - b[0] / Math.Pow(1.0 + Math.Exp(b[1] - b[2] * Data.X43[i]), p);
        }
    }
}

/// <summary>The same workloads as generic-math structs through <see cref="AutoDiff"/> (the harness's rows), timed in the
/// same rounds as the generated entry points.</summary>
public static class Generic
{
    public readonly struct Rosenbrock : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T hundred = T.CreateTruncating(100.0);
            T sum = T.Zero;
            for (int i = 0; i + 1 < x.Length; i += 2)
            {
                T t1 = x[i + 1] - x[i] * x[i];
                T t2 = T.One - x[i];
                sum += hundred * (t1 * t1) + t2 * t2;
            }
            return sum;
        }
    }

    public readonly struct Ackley : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T twoPi = T.CreateTruncating(6.283185307179586);
            T s1 = T.Zero, s2 = T.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                s1 += x[i] * x[i];
                s2 += T.Cos(twoPi * x[i]);
            }
            T inv = T.CreateTruncating(1.0 / x.Length);
            return T.CreateTruncating(-20.0) * T.Exp(T.CreateTruncating(-0.2) * T.Sqrt(s1 * inv)) - T.Exp(s2 * inv)
                + T.CreateTruncating(20.0) + T.CreateTruncating(2.718281828459045);
        }
    }

    public readonly struct Rat43 : IVectorFunction
    {
        public void Evaluate<T>(ReadOnlySpan<T> b, Span<T> r) where T : IFloatingPointIeee754<T>
        {
            T p = T.One / b[3];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = T.CreateTruncating(Data.Y43[i]) - b[0] / T.Pow(T.One + T.Exp(b[1] - b[2] * T.CreateTruncating(Data.X43[i])), p);
            }
        }
    }
}
