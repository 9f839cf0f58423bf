using System;
using System.Numerics;

namespace Dual;

public static partial class AutoDiff
{
    /// <summary>The m×n Jacobian of f: ℝⁿ → ℝᵐ written on <see cref="Dual{T}"/>: n evaluations, one column each.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="outputLength">m.</param>
    /// <returns>J with J[i, j] = ∂fᵢ/∂xⱼ.</returns>
    public static T[,] Jacobian<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, int outputLength) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        var values = new T[outputLength];
        var flat = new T[outputLength * x.Length];
        Jacobian(f, x, values, flat);
        return ToMatrix(flat, outputLength, x.Length);
    }

    /// <summary>f(x) and its Jacobian into caller buffers, allocation-free.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="jacobian">Receives J row-major (length m·n): J[i, j] at i·n + j.</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/>'s length is not m·n.</exception>
    public static void Jacobian<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = x.Length, m = values.Length;
        Guard.MatrixLength(m, n, jacobian.Length, nameof(jacobian), "m", "values and x");
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jacobian));
        using var inputs = new Rented<Dual<T>>(n);
        using var outputs = new Rented<Dual<T>>(m);
        Span<Dual<T>> xs = inputs.Span, ys = outputs.Span;
        for (int j = 0; j < n; j++)
        {
            xs[j] = new Dual<T>(x[j], T.Zero);
        }
        if (n == 0)
        {
            ys.Clear();
            f(xs, ys);
            for (int i = 0; i < m; i++)
            {
                values[i] = ys[i].Value;
            }
            return;
        }
        for (int j = 0; j < n; j++)
        {
            xs[j] = new Dual<T>(x[j], T.One);
            ys.Clear();
            f(xs, ys);
            xs[j] = new Dual<T>(x[j], T.Zero);
            for (int i = 0; i < m; i++)
            {
                values[i] = ys[i].Value;
                jacobian[i * n + j] = ys[i].Tangent;
            }
        }
    }

    /// <summary>The m×n Jacobian of a generic-math function, in chunked passes.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="outputLength">m.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8 or 16.</param>
    /// <returns>J with J[i, j] = ∂fᵢ/∂xⱼ.</returns>
    public static T[,] Jacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        var values = new T[outputLength];
        var flat = new T[outputLength * x.Length];
        Jacobian(f, x, values, flat, chunkSize);
        return ToMatrix(flat, outputLength, x.Length);
    }

    /// <summary>f(x) and its Jacobian for a generic-math function into caller buffers, allocation-free, in
    /// ⌈n/k⌉ passes of k tangents (bit-identical for every k).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="jacobian">Receives J row-major (length m·n).</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8 or 16.</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/>'s length is not m·n.</exception>
    public static void Jacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int n = x.Length, m = values.Length;
        Guard.MatrixLength(m, n, jacobian.Length, nameof(jacobian), "m", "values and x");
        int k = ResolveChunkSize(chunkSize, n);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jacobian));
        switch (k)
        {
            case 1: JacobianChunked<T, TFunction, Tangents1<T>>(f, x, values, jacobian); break;
            case 2: JacobianChunked<T, TFunction, Tangents2<T>>(f, x, values, jacobian); break;
            case 4: JacobianChunked<T, TFunction, Tangents4<T>>(f, x, values, jacobian); break;
            case 8: JacobianChunked<T, TFunction, Tangents8<T>>(f, x, values, jacobian); break;
            default: JacobianChunked<T, TFunction, Tangents16<T>>(f, x, values, jacobian); break;
        }
    }

    private static void JacobianChunked<T, TFunction, TTangents>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
        where TTangents : struct, ITangents<TTangents, T>
    {
        int n = x.Length, m = values.Length, k = TTangents.Count;
        using var inputs = new Rented<Dual<T, TTangents>>(n);
        using var outputs = new Rented<Dual<T, TTangents>>(m);
        Span<Dual<T, TTangents>> xs = inputs.Span, ys = outputs.Span;
        for (int j = 0; j < n; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], TTangents.Zero);
        }
        if (n == 0)
        {
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            for (int i = 0; i < m; i++)
            {
                values[i] = ys[i].Value;
            }
            return;
        }
        for (int start = 0; start < n; start += k)
        {
            int count = Math.Min(k, n - start);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(x[start + lane], TTangents.Unit(lane, T.One));
            }
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(x[start + lane], TTangents.Zero);
            }
            for (int i = 0; i < m; i++)
            {
                values[i] = ys[i].Value;
                ys[i].Tangents.CopyTo(jacobian.Slice(i * n + start, count));
            }
        }
    }

    private static T[,] ToMatrix<T>(T[] flat, int rows, int columns)
    {
        var matrix = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = flat[i * columns + j];
            }
        }
        return matrix;
    }
}
