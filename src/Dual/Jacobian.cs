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
    /// <exception cref="ArgumentException">m·n is more than an array holds, or f writes more than m outputs.</exception>
    public static T[,] Jacobian<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, int outputLength) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        var flat = new T[Guard.ArrayLength(outputLength, x.Length, nameof(outputLength), "outputLength·n")];
        var values = new T[outputLength];
        JacobianSingle(f, x, values, flat, nameof(outputLength));
        return ToMatrix(flat, outputLength, x.Length);
    }

    /// <summary>f(x) and its Jacobian into caller buffers, allocation-free.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x); its length is m. It may overlap <paramref name="x"/>.</param>
    /// <param name="jacobian">Receives J row-major (length m·n): J[i, j] at i·n + j. It may overlap <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/>'s length is not m·n, the two outputs overlap, or f
    /// writes more than m outputs.</exception>
    public static void Jacobian<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.MatrixLength(values.Length, x.Length, jacobian.Length, nameof(jacobian), "m", "values and x");
        Guard.Disjoint<T>(values, jacobian, nameof(values), nameof(jacobian));
        JacobianSingle(f, x, values, jacobian, nameof(values));
    }

    // The inputs are read once into the work array and re-seeded from there: the outputs may overlap x.
    private static void JacobianSingle<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, string outputsName)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length, m = values.Length;
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jacobian));
        using var inputs = new Rented<Dual<T>>(n);
        using var outputs = new Rented<Dual<T>>(m);
        Span<Dual<T>> xs = inputs.Span, ys = outputs.Span;
        for (int j = 0; j < n; j++)
        {
            xs[j] = new Dual<T>(x[j], T.Zero);
        }
        try
        {
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
                T xj = xs[j].Value;
                xs[j] = new Dual<T>(xj, T.One);
                ys.Clear();
                f(xs, ys);
                xs[j] = new Dual<T>(xj, T.Zero);
                for (int i = 0; i < m; i++)
                {
                    values[i] = ys[i].Value;
                    jacobian[i * n + j] = ys[i].Tangent;
                }
            }
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, m, n, outputsName);
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
    /// <exception cref="ArgumentException">m·n is more than an array holds, or f writes more than m outputs.</exception>
    public static T[,] Jacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        var flat = new T[Guard.ArrayLength(outputLength, x.Length, nameof(outputLength), "outputLength·n")];
        var values = new T[outputLength];
        JacobianDispatch(f, x, values, flat, chunkSize, nameof(outputLength));
        return ToMatrix(flat, outputLength, x.Length);
    }

    /// <summary>f(x) and its Jacobian for a generic-math function into caller buffers, allocation-free, in
    /// ⌈n/k⌉ passes of k tangents (bit-identical for every k).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x); its length is m. It may overlap <paramref name="x"/>.</param>
    /// <param name="jacobian">Receives J row-major (length m·n). It may overlap <paramref name="x"/>.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8 or 16.</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/>'s length is not m·n, the two outputs overlap, or f
    /// writes more than m outputs.</exception>
    public static void Jacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        Guard.MatrixLength(values.Length, x.Length, jacobian.Length, nameof(jacobian), "m", "values and x");
        Guard.Disjoint<T>(values, jacobian, nameof(values), nameof(jacobian));
        JacobianDispatch(f, x, values, jacobian, chunkSize, nameof(values));
    }

    private static void JacobianDispatch<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, int chunkSize, string outputsName)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int k = ResolveChunkSize(chunkSize, x.Length);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jacobian));
        try
        {
            if (k == 1)
            {
                JacobianChunked<T, TFunction, Tangents1<T>>(f, x, values, jacobian);
            }
            else if (FitsSimdBlocks<T>())
            {
                switch (k)
                {
                    case 2: JacobianChunked<T, TFunction, Tangents2<T>>(f, x, values, jacobian); break;
                    case 4: JacobianChunked<T, TFunction, Tangents4<T>>(f, x, values, jacobian); break;
                    case 8: JacobianChunked<T, TFunction, Tangents8<T>>(f, x, values, jacobian); break;
                    default: JacobianChunked<T, TFunction, Tangents16<T>>(f, x, values, jacobian); break;
                }
            }
            else
            {
                switch (k)
                {
                    case 2: JacobianChunked<T, TFunction, WideTangents<T, Width2<T>>>(f, x, values, jacobian); break;
                    case 4: JacobianChunked<T, TFunction, WideTangents<T, Width4<T>>>(f, x, values, jacobian); break;
                    case 8: JacobianChunked<T, TFunction, WideTangents<T, Width8<T>>>(f, x, values, jacobian); break;
                    default: JacobianChunked<T, TFunction, WideTangents<T, Width16<T>>>(f, x, values, jacobian); break;
                }
            }
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, outputsName);
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
        // From here on the inputs are read from xs only: the outputs may overlap x.
        for (int start = 0; start < n; start += k)
        {
            int count = Math.Min(k, n - start);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(xs[start + lane].Value, TTangents.Unit(lane, T.One));
            }
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(xs[start + lane].Value, TTangents.Zero);
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
