using System;
using System.Numerics;
using Dual;

namespace Dual.Benchmarks;

/// <summary>The scalar test function f(x) = eˣ / √(sin³x + cos³x), written once on generic math.</summary>
public static class ScalarFunction
{
    /// <summary>f with separate <c>T.Sin</c> and <c>T.Cos</c> calls.</summary>
    public static T F<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T s = T.Sin(x);
        T c = T.Cos(x);
        return T.Exp(x) / T.Sqrt(s * s * s + c * c * c);
    }

    /// <summary>f with one <c>T.SinCos</c> call (for <see cref="Dual{T}"/> one sincos serves value and derivative).</summary>
    public static T FSinCos<T>(T x) where T : IFloatingPointIeee754<T>
    {
        (T s, T c) = T.SinCos(x);
        return T.Exp(x) / T.Sqrt(s * s * s + c * c * c);
    }

    /// <summary>Hand-written f and f′ sharing exp, sin and cos: with g = s³ + c³, g′ = 3sc(s − c), f′ = f·(1 − g′/(2g)).</summary>
    public static double HandWritten(double x, out double derivative)
    {
        double s = Math.Sin(x), c = Math.Cos(x);
        return HandWrittenCore(x, s, c, out derivative);
    }

    /// <summary>As <see cref="HandWritten"/> with one <c>Math.SinCos</c> call.</summary>
    public static double HandWrittenSinCos(double x, out double derivative)
    {
        (double s, double c) = Math.SinCos(x);
        return HandWrittenCore(x, s, c, out derivative);
    }

    private static double HandWrittenCore(double x, double s, double c, out double derivative)
    {
        double g = s * s * s + c * c * c;
        double dg = 3.0 * s * c * (s - c);
        double f = Math.Exp(x) / Math.Sqrt(g);
        derivative = f * (1.0 - dg / (2.0 * g));
        return f;
    }
}

/// <summary>
/// Extended Rosenbrock (Moré, Garbow and Hillstrom 1981, n even):
/// f(x) = Σ_{i=1}^{n/2} 100·(x_{2i} − x_{2i−1}²)² + (1 − x_{2i−1})².
/// </summary>
/// <summary><see cref="ScalarFunction.F{T}"/> as a generic-math struct, for <see cref="AutoDiff.Derivative{T, TFunction}"/>.</summary>
public readonly struct ScalarF : IRealFunction
{
    public TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum> => ScalarFunction.F(x);
}

public readonly struct Rosenbrock : IScalarFunction
{
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum hundred = TNum.CreateTruncating(100);
        TNum sum = TNum.Zero;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            TNum odd = x[i];
            TNum t1 = x[i + 1] - odd * odd;
            TNum t2 = TNum.One - odd;
            sum += hundred * (t1 * t1) + t2 * t2;
        }
        return sum;
    }

    /// <summary>The analytic gradient (for the self-check).</summary>
    public static void Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double t1 = x[i + 1] - x[i] * x[i];
            g[i] = -400.0 * x[i] * t1 - 2.0 * (1.0 - x[i]);
            g[i + 1] = 200.0 * t1;
        }
    }
}

/// <summary>Ackley: −20·exp(−0.2·√(Σx²/n)) − exp(Σcos(2πx)/n) + 20 + e.</summary>
public readonly struct Ackley : IScalarFunction
{
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum n = TNum.CreateTruncating(x.Length);
        TNum twoPi = TNum.Tau;
        TNum squares = TNum.Zero, cosines = TNum.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            TNum xi = x[i];
            squares += xi * xi;
            cosines += TNum.Cos(twoPi * xi);
        }
        return TNum.CreateTruncating(-20) * TNum.Exp(TNum.CreateTruncating(-0.2) * TNum.Sqrt(squares / n))
            - TNum.Exp(cosines / n) + TNum.CreateTruncating(20) + TNum.E;
    }

    /// <summary>The analytic gradient (for the self-check).</summary>
    public static void Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        int n = x.Length;
        double squares = 0, cosines = 0;
        for (int i = 0; i < n; i++)
        {
            squares += x[i] * x[i];
            cosines += Math.Cos(2 * Math.PI * x[i]);
        }
        double r = Math.Sqrt(squares / n);
        double a = 20 * 0.2 * Math.Exp(-0.2 * r) / (n * r);
        double b = Math.Exp(cosines / n) * 2 * Math.PI / n;
        for (int i = 0; i < n; i++)
        {
            g[i] = a * x[i] + b * Math.Sin(2 * Math.PI * x[i]);
        }
    }
}

/// <summary>A coupled power sum: f = Σᵢ (1 + xᵢ²)^(1 + xᵢ₊₁²/4) (indices mod n) — one pow with a dual base and a dual
/// exponent per term, the case pass replay serves from its two-argument entries.</summary>
public readonly struct PowerSum : IScalarFunction
{
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum quarter = TNum.CreateTruncating(0.25), sum = TNum.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            TNum next = x[(i + 1) % x.Length];
            sum += TNum.Pow(TNum.One + x[i] * x[i], TNum.One + quarter * (next * next));
        }
        return sum;
    }

    /// <summary>The analytic gradient (for the self-check): ∂/∂xᵢ of term i is p·b^(p−1)·2xᵢ, of term i − 1 is
    /// b'^p'·ln b'·xᵢ/2.</summary>
    public static void Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        int n = x.Length;
        g.Clear();
        for (int i = 0; i < n; i++)
        {
            int next = (i + 1) % n;
            double b = 1 + x[i] * x[i], p = 1 + 0.25 * x[next] * x[next], v = Math.Pow(b, p);
            g[i] += p * Math.Pow(b, p - 1) * 2 * x[i];
            g[next] += v * Math.Log(b) * 0.5 * x[next];
        }
    }
}

/// <summary>NIST StRD Rat43: y = b1 / (1 + exp(b2 − b3·x))^(1/b4); residuals rᵢ = model(xᵢ) − yᵢ.</summary>
public readonly struct Rat43 : IVectorFunction
{
    public static readonly double[] X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    public static readonly double[] Y = [16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93, 699.56, 689.96, 637.56, 717.41];

    /// <summary>NIST start point 1.</summary>
    public static readonly double[] Start1 = [100, 1, 0.1, 1];

    /// <summary>NIST certified values.</summary>
    public static readonly double[] Certified = [699.6415127, 5.2771253758, 0.75962938329, 1.2792483859];

    public void Evaluate<TNum>(ReadOnlySpan<TNum> b, Span<TNum> r) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum b1 = b[0], b2 = b[1], b3 = b[2];
        TNum inverseB4 = TNum.One / b[3];
        double[] xs = X, ys = Y;
        for (int i = 0; i < r.Length; i++)
        {
            TNum u = TNum.One + TNum.Exp(b2 - b3 * TNum.CreateTruncating(xs[i]));
            r[i] = b1 / TNum.Pow(u, inverseB4) - TNum.CreateTruncating(ys[i]);
        }
    }

    /// <summary>
    /// Hand-optimised residuals and 15×4 Jacobian (row-major), with the same primitives as the model
    /// (one exp, one pow, one log per point) and the common subexpressions shared:
    /// e = exp(b2 − b3x), u = 1 + e, p = u^(−1/b4)… written as q = u^(1/b4), p = 1/q;
    /// ∂/∂b1 = p, ∂/∂b2 = −b1·p·e/(b4·u), ∂/∂b3 = −x·∂/∂b2, ∂/∂b4 = b1·p·ln(u)/b4².
    /// </summary>
    public static void Analytic(ReadOnlySpan<double> b, Span<double> r, Span<double> jacobian)
    {
        double b1 = b[0], b2 = b[1], b3 = b[2], b4 = b[3];
        double inverseB4 = 1.0 / b4;
        double[] xs = X, ys = Y;
        for (int i = 0; i < r.Length; i++)
        {
            double x = xs[i];
            double e = Math.Exp(b2 - b3 * x);
            double u = 1.0 + e;
            double p = 1.0 / Math.Pow(u, inverseB4);
            double model = b1 * p;
            r[i] = model - ys[i];
            double d2 = -model * inverseB4 * e / u;
            Span<double> row = jacobian.Slice(4 * i, 4);
            row[0] = p;
            row[1] = d2;
            row[2] = -x * d2;
            row[3] = model * Math.Log(u) * inverseB4 * inverseB4;
        }
    }
}

/// <summary>
/// A densely coupled function, f(x) = log(1 + Σxᵢ²) + exp(0.1·Σxᵢ) + Σ_{i&lt;n−1} sin(xᵢ)·xᵢ₊₁: no Hessian entry is zero,
/// so a Hessian costs the full forward-over-forward pass count.
/// </summary>
public readonly struct DenseCoupled : IScalarFunction
{
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum squares = TNum.Zero, sum = TNum.Zero, chain = TNum.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            squares += x[i] * x[i];
            sum += x[i];
            if (i + 1 < x.Length)
            {
                chain += TNum.Sin(x[i]) * x[i + 1];
            }
        }
        TNum tenth = TNum.CreateTruncating(0.1);
        return TNum.Log(TNum.One + squares) + TNum.Exp(tenth * sum) + chain;
    }

    /// <summary>The analytic Hessian (row-major), for the self-check: with q = 1 + Σxᵢ² and e = exp(0.1·Σxᵢ),
    /// H[i,j] = 2δᵢⱼ/q − 4xᵢxⱼ/q² + 0.01e, plus −sin(xᵢ)xᵢ₊₁ on the diagonal and cos(xᵢ) at (i, i+1) and (i+1, i).</summary>
    public static void Hessian(ReadOnlySpan<double> x, Span<double> h)
    {
        int n = x.Length;
        double q = 1, s = 0;
        foreach (double v in x)
        {
            q += v * v;
            s += v;
        }
        double e = Math.Exp(0.1 * s);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[i * n + j] = (i == j ? 2 / q : 0) - 4 * x[i] * x[j] / (q * q) + 0.01 * e;
            }
        }
        for (int i = 0; i + 1 < n; i++)
        {
            h[i * n + i] -= Math.Sin(x[i]) * x[i + 1];
            h[i * n + i + 1] += Math.Cos(x[i]);
            h[(i + 1) * n + i] += Math.Cos(x[i]);
        }
    }
}

/// <summary>A square vector function ℝⁿ → ℝⁿ whose Jacobian is dense enough to need every column pass:
/// yᵢ = sin(xᵢ)·exp(xᵢ₊₁) + xᵢ·x₍ᵢ₊₇₎ (indices mod n) + s, with s = Σⱼ xⱼ/n shared by every output.</summary>
public readonly struct CoupledRing : IVectorFunction
{
    public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        T s = T.Zero;
        for (int j = 0; j < n; j++)
        {
            s += x[j];
        }
        s *= T.One / T.CreateTruncating(n);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = T.Sin(x[i]) * T.Exp(x[(i + 1) % n]) + x[i] * x[(i + 7) % n] + s;
        }
    }
}
