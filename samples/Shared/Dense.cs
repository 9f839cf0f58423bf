using System;

namespace Dual.Samples;

/// <summary>
/// A tiny dense linear-algebra kit for the samples (no packages): products and a linear solver by Gaussian
/// elimination with partial pivoting. Row-major <c>double[,]</c> throughout. Linked into the samples that
/// need it as source (internal, so samples loaded together do not clash).
/// </summary>
internal static class Dense
{
    /// <summary>Solves A·x = b for square A; A and b are not modified.</summary>
    /// <param name="a">The n×n matrix.</param>
    /// <param name="b">The right-hand side (length n).</param>
    /// <returns>x.</returns>
    /// <exception cref="InvalidOperationException">A is singular to working precision.</exception>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        if (a.GetLength(0) != n || a.GetLength(1) != n)
        {
            throw new ArgumentException($"A is {a.GetLength(0)}×{a.GetLength(1)}, b has length {n}.", nameof(a));
        }
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Math.Abs(m[i, k]) > Math.Abs(m[pivot, k])) { pivot = i; }
            }
            if (m[pivot, k] == 0 || !double.IsFinite(m[pivot, k]))
            {
                throw new InvalidOperationException("The matrix is singular.");
            }
            if (pivot != k)
            {
                for (int j = 0; j < n; j++) { (m[k, j], m[pivot, j]) = (m[pivot, j], m[k, j]); }
                (x[k], x[pivot]) = (x[pivot], x[k]);
            }
            for (int i = k + 1; i < n; i++)
            {
                double factor = m[i, k] / m[k, k];
                if (factor == 0) { continue; }
                for (int j = k; j < n; j++) { m[i, j] -= factor * m[k, j]; }
                x[i] -= factor * x[k];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int j = i + 1; j < n; j++) { sum -= m[i, j] * x[j]; }
            x[i] = sum / m[i, i];
        }
        return x;
    }

    /// <summary>Aᵀ·A for an m×n A (row-major span of length m·n).</summary>
    public static double[,] TransposeTimesSelf(ReadOnlySpan<double> a, int rows, int columns)
    {
        var result = new double[columns, columns];
        for (int i = 0; i < columns; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double sum = 0;
                for (int k = 0; k < rows; k++) { sum += a[k * columns + i] * a[k * columns + j]; }
                result[i, j] = sum;
            }
        }
        return result;
    }

    /// <summary>Aᵀ·v for an m×n A (row-major span of length m·n) and v of length m.</summary>
    public static double[] TransposeTimes(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> v)
    {
        var result = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            double sum = 0;
            for (int k = 0; k < rows; k++) { sum += a[k * columns + j] * v[k]; }
            result[j] = sum;
        }
        return result;
    }

    /// <summary>A·v for A m×n (2-D array).</summary>
    public static double[] Times(double[,] a, ReadOnlySpan<double> v)
    {
        int rows = a.GetLength(0), columns = a.GetLength(1);
        var result = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            for (int j = 0; j < columns; j++) { sum += a[i, j] * v[j]; }
            result[i] = sum;
        }
        return result;
    }

    /// <summary>The Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double x in v) { sum += x * x; }
        return Math.Sqrt(sum);
    }

    /// <summary>The largest |aᵢ − bᵢ|.</summary>
    public static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++) { max = Math.Max(max, Math.Abs(a[i] - b[i])); }
        return max;
    }

    /// <summary>A standard normal draw (Box–Muller) from <paramref name="random"/>.</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
