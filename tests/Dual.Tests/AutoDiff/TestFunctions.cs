using System;
using System.Numerics;
using Dual;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Generic-math test functions with hand-derived derivatives (the independent oracle).</summary>
internal static class TestFunctions
{
    /// <summary>Chained Rosenbrock Σ 100(x_{i+1} − xᵢ²)² + (1 − xᵢ)².</summary>
    public struct Rosenbrock : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum hundred = TNum.CreateTruncating(100), sum = TNum.Zero;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                TNum a = x[i + 1] - x[i] * x[i], b = TNum.One - x[i];
                sum += hundred * a * a + b * b;
            }
            return sum;
        }

        public static double[] AnalyticGradient(double[] x)
        {
            var g = new double[x.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double a = x[i + 1] - x[i] * x[i];
                g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
                g[i + 1] += 200 * a;
            }
            return g;
        }
    }

    /// <summary>A transcendental-heavy function Σ sin(xᵢ)·exp(x_{i+1}) + log(1 + xᵢ²) with cross terms.</summary>
    public struct Mixed : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                TNum next = x[(i + 1) % x.Length];
                sum += TNum.Sin(x[i]) * TNum.Exp(next / (TNum.One + TNum.One)) + TNum.Log(TNum.One + x[i] * x[i]) + TNum.Tanh(x[i] * next);
            }
            return sum;
        }
    }

    /// <summary>yᵢ = sin(xᵢ)·exp(x_{(i+1) mod n}) + xᵢ², m = n, plus one extra output Σ xᵢ (so m ≠ n).</summary>
    public struct RingPlusSum : IVectorFunction
    {
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            int n = x.Length;
            TNum sum = TNum.Zero;
            for (int i = 0; i < n; i++)
            {
                y[i] = TNum.Sin(x[i]) * TNum.Exp(x[(i + 1) % n]) + x[i] * x[i];
                sum += x[i];
            }
            y[n] = sum;
        }

        public static double[,] AnalyticJacobian(double[] x)
        {
            int n = x.Length;
            var j = new double[n + 1, n];
            for (int i = 0; i < n; i++)
            {
                int next = (i + 1) % n;
                j[i, i] += Math.Cos(x[i]) * Math.Exp(x[next]) + 2 * x[i];
                j[i, next] += Math.Sin(x[i]) * Math.Exp(x[next]);
                j[n, i] = 1;
            }
            return j;
        }
    }
}
