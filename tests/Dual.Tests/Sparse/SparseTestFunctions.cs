using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Dual;

namespace Dual.Tests.Sparse;

/// <summary>Hand-written stencils and random sparse functions whose structure is known by construction (the oracle
/// for detection) and whose derivatives have closed forms.</summary>
internal static class SparseTestFunctions
{
    /// <summary>1-D: yᵢ = x_{i−1} − 2xᵢ + x_{i+1} + xᵢ² (ends one-sided): tridiagonal.</summary>
    public readonly struct Stencil1D : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            int n = x.Length;
            TNum two = TNum.CreateTruncating(2);
            for (int i = 0; i < n; i++)
            {
                TNum value = x[i] * x[i] - two * x[i];
                if (i > 0) value += x[i - 1];
                if (i + 1 < n) value += x[i + 1];
                y[i] = value;
            }
        }

        public static SparsityPattern Expected(int n)
            => SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).SelectMany(i => new[] { (i, i - 1), (i, i), (i, i + 1) }).Where(e => e.Item2 >= 0 && e.Item2 < n));
    }

    /// <summary>2-D 5-point Laplacian with periodic wrap on an n×n grid, plus a cubic reaction: yᵢⱼ = Δx + x³.</summary>
    public readonly struct Periodic5Point(int side) : IVectorFunction
    {
        public int Side => side;

        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum four = TNum.CreateTruncating(4);
            for (int j = 0; j < side; j++)
            {
                for (int i = 0; i < side; i++)
                {
                    int c = i + side * j;
                    TNum xc = x[c];
                    y[c] = x[Index(i - 1, j)] + x[Index(i + 1, j)] + x[Index(i, j - 1)] + x[Index(i, j + 1)] - four * xc + xc * xc * xc;
                }
            }
        }

        public int Index(int i, int j) => ((i % side) + side) % side + side * (((j % side) + side) % side);

        public SparsityPattern Expected()
        {
            var entries = new List<(int, int)>();
            for (int j = 0; j < side; j++)
            {
                for (int i = 0; i < side; i++)
                {
                    int c = Index(i, j);
                    entries.AddRange([(c, c), (c, Index(i - 1, j)), (c, Index(i + 1, j)), (c, Index(i, j - 1)), (c, Index(i, j + 1))]);
                }
            }
            return SparsityPattern.FromEntries(side * side, side * side, entries);
        }
    }

    /// <summary>Block-diagonal: blocks of b inputs, each output of a block a nonlinear mix of its whole block.</summary>
    public readonly struct BlockDiagonal(int block) : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int start = 0; start < x.Length; start += block)
            {
                int end = Math.Min(x.Length, start + block);
                TNum sum = TNum.Zero;
                for (int k = start; k < end; k++) sum += x[k];
                for (int i = start; i < end; i++) y[i] = TNum.Sin(sum) * x[i];
            }
        }

        public SparsityPattern Expected(int n)
        {
            var entries = new List<(int, int)>();
            for (int i = 0; i < n; i++)
            {
                int start = i / block * block;
                for (int k = start; k < Math.Min(n, start + block); k++) entries.Add((i, k));
            }
            return SparsityPattern.FromEntries(n, n, entries);
        }
    }

    /// <summary>Arrowhead: y₀ = Σ xᵢ², yᵢ = x₀·xᵢ (i ≥ 1): a dense first row and column plus the diagonal.</summary>
    public readonly struct Arrowhead : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            for (int i = 0; i < x.Length; i++) sum += x[i] * x[i];
            y[0] = sum;
            for (int i = 1; i < x.Length; i++) y[i] = x[0] * x[i];
        }

        public static SparsityPattern Expected(int n)
        {
            var entries = new List<(int, int)>();
            for (int j = 0; j < n; j++) entries.Add((0, j));
            for (int i = 1; i < n; i++) entries.AddRange([(i, 0), (i, i)]);
            return SparsityPattern.FromEntries(n, n, entries);
        }
    }

    /// <summary>
    /// A random sparse vector function: row i depends on exactly the columns Sᵢ, as
    /// yᵢ = Σ_{j∈Sᵢ} cᵢⱼ·sin(xⱼ) + x_{first}·x_{last}·cᵢ (the product only when |Sᵢ| ≥ 2), with ∂yᵢ/∂xⱼ in closed form.
    /// </summary>
    public sealed class RandomSparse : IVectorFunction
    {
        public RandomSparse(int seed, int m, int n, double density)
        {
            var random = new Random(seed);
            Rows = new int[m][];
            Coefficients = new double[m][];
            for (int i = 0; i < m; i++)
            {
                Rows[i] = Enumerable.Range(0, n).Where(_ => random.NextDouble() < density).ToArray();
                Coefficients[i] = Rows[i].Select(_ => random.NextDouble() * 4 - 2).Append(random.NextDouble() + 0.5).ToArray();
            }
            ColumnCount = n;
        }

        public int[][] Rows { get; }

        public double[][] Coefficients { get; }

        public int ColumnCount { get; }

        public SparsityPattern Expected => SparsityPattern.FromEntries(Rows.Length, ColumnCount, Rows.SelectMany((row, i) => row.Select(j => (i, j))));

        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                int[] row = Rows[i];
                TNum sum = TNum.Zero;
                for (int t = 0; t < row.Length; t++) sum += TNum.CreateTruncating(Coefficients[i][t]) * TNum.Sin(x[row[t]]);
                if (row.Length >= 2) sum += x[row[0]] * x[row[^1]] * TNum.CreateTruncating(Coefficients[i][^1]);
                y[i] = sum;
            }
        }

        public double Derivative(int i, int j, double[] x)
        {
            int[] row = Rows[i];
            int t = Array.IndexOf(row, j);
            if (t < 0) return 0;
            double d = Coefficients[i][t] * Math.Cos(x[j]);
            if (row.Length >= 2 && j == row[0]) d += x[row[^1]] * Coefficients[i][^1];
            if (row.Length >= 2 && j == row[^1]) d += x[row[0]] * Coefficients[i][^1];
            return d;
        }
    }

    /// <summary>
    /// A random sparse scalar function f = Σ_{(i,j)∈E} cᵢⱼ·xᵢ·exp(xⱼ) + Σ_{k∈D} d_k·cos(x_k): its Hessian pattern is
    /// E ∪ Eᵀ plus (j, j) for every exp'd j and (k, k) for k ∈ D, with entries in closed form.
    /// </summary>
    public sealed class RandomSparseScalar : IScalarFunction
    {
        public RandomSparseScalar(int seed, int n, double density)
        {
            var random = new Random(seed);
            var edges = new List<(int, int, double)>();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (i != j && random.NextDouble() < density) edges.Add((i, j, random.NextDouble() * 2 - 1));
                }
            }
            Edges = edges.ToArray();
            Cosines = Enumerable.Range(0, n).Where(_ => random.NextDouble() < 0.5).Select(k => (k, random.NextDouble() + 0.25)).ToArray();
            Count = n;
        }

        public (int I, int J, double C)[] Edges { get; }

        public (int K, double D)[] Cosines { get; }

        public int Count { get; }

        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            foreach ((int i, int j, double c) in Edges) sum += TNum.CreateTruncating(c) * x[i] * TNum.Exp(x[j]);
            foreach ((int k, double d) in Cosines) sum += TNum.CreateTruncating(d) * TNum.Cos(x[k]);
            return sum;
        }

        public SparsityPattern Expected()
        {
            var entries = new List<(int, int)>();
            foreach ((int i, int j, _) in Edges) entries.AddRange([(i, j), (j, i), (j, j)]);
            foreach ((int k, _) in Cosines) entries.Add((k, k));
            return SparsityPattern.FromEntries(Count, Count, entries);
        }

        public double[,] ClosedForm(double[] x)
        {
            var h = new double[Count, Count];
            foreach ((int i, int j, double c) in Edges)
            {
                double e = Math.Exp(x[j]);
                h[i, j] += c * e;
                h[j, i] += c * e;
                h[j, j] += c * x[i] * e;
            }
            foreach ((int k, double d) in Cosines) h[k, k] -= d * Math.Cos(x[k]);
            return h;
        }
    }
}
