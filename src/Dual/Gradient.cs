using System;
using System.Numerics;

namespace Dual;

public static partial class AutoDiff
{
    /// <summary>∇f(x) for f: ℝⁿ → ℝ written on <see cref="Dual{T}"/>: n evaluations, one seed each.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The gradient (length n).</returns>
    public static T[] Gradient<T>(ScalarFunc<Dual<T>> f, ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        var gradient = new T[x.Length];
        Gradient(f, x, gradient);
        return gradient;
    }

    /// <summary>f(x) and ∇f(x) into <paramref name="gradient"/>, allocation-free.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It may be <paramref name="x"/> itself.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException"><paramref name="gradient"/>'s length is not n.</exception>
    public static T Gradient<T>(ScalarFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> gradient) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(x.Length, gradient.Length, nameof(gradient), nameof(x));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Gradient));
        return GradientSingle<T, ScalarDelegate<Dual<T>>>(new(f), x, gradient);
    }

    /// <summary>∇f(x) for a generic-math function, in chunked passes of <paramref name="chunkSize"/> tangents.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8 or 16.</param>
    /// <returns>The gradient (length n).</returns>
    public static T[] Gradient<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        var gradient = new T[x.Length];
        Gradient(f, x, gradient, chunkSize);
        return gradient;
    }

    /// <summary>f(x) and ∇f(x) for a generic-math function into <paramref name="gradient"/>, allocation-free,
    /// in ⌈n/k⌉ passes of k = <paramref name="chunkSize"/> tangents. Results are bit-identical for every k.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It may be <paramref name="x"/> itself.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8 or 16.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException"><paramref name="gradient"/>'s length is not n.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is not supported.</exception>
    public static T Gradient<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> gradient, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        Guard.SameLength(x.Length, gradient.Length, nameof(gradient), nameof(x));
        int k = ResolveChunkSize(chunkSize, x.Length);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Gradient));
        if (k == 1)
        {
            return GradientSingle<T, ScalarStruct<TFunction, Dual<T>>>(new(f), x, gradient);
        }
        if (FitsSimdBlocks<T>())
        {
            return k switch
            {
                2 => GradientChunked<T, TFunction, Tangents2<T>>(f, x, gradient),
                4 => GradientChunked<T, TFunction, Tangents4<T>>(f, x, gradient),
                8 => GradientChunked<T, TFunction, Tangents8<T>>(f, x, gradient),
                _ => GradientChunked<T, TFunction, Tangents16<T>>(f, x, gradient),
            };
        }
        return k switch
        {
            2 => GradientChunked<T, TFunction, WideTangents<T, Width2<T>>>(f, x, gradient),
            4 => GradientChunked<T, TFunction, WideTangents<T, Width4<T>>>(f, x, gradient),
            8 => GradientChunked<T, TFunction, WideTangents<T, Width8<T>>>(f, x, gradient),
            _ => GradientChunked<T, TFunction, WideTangents<T, Width16<T>>>(f, x, gradient),
        };
    }

    // The inputs are read once into the work array; each seed is taken from there, so gradient may overlap x.
    private static T GradientSingle<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IScalarEvaluator<Dual<T>>
    {
        using var work = new Rented<Dual<T>>(x.Length);
        Span<Dual<T>> xs = work.Span;
        for (int i = 0; i < x.Length; i++)
        {
            xs[i] = new Dual<T>(x[i], T.Zero);
        }
        if (x.IsEmpty)
        {
            return f.Evaluate(xs).Value;
        }
        T value = T.Zero;
        for (int i = 0; i < xs.Length; i++)
        {
            T xi = xs[i].Value;
            xs[i] = new Dual<T>(xi, T.One);
            Dual<T> y = f.Evaluate(xs);
            xs[i] = new Dual<T>(xi, T.Zero);
            value = y.Value;
            gradient[i] = y.Tangent;
        }
        return value;
    }

    private static T GradientChunked<T, TFunction, TTangents>(TFunction f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TTangents : struct, ITangents<TTangents, T>
    {
        int k = TTangents.Count;
        using var work = new Rented<Dual<T, TTangents>>(x.Length);
        Span<Dual<T, TTangents>> xs = work.Span;
        for (int i = 0; i < x.Length; i++)
        {
            xs[i] = new Dual<T, TTangents>(x[i], TTangents.Zero);
        }
        if (x.IsEmpty)
        {
            return f.Evaluate<Dual<T, TTangents>>(xs).Value;
        }
        T value = T.Zero;
        for (int start = 0; start < xs.Length; start += k)
        {
            int count = Math.Min(k, xs.Length - start);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(xs[start + lane].Value, TTangents.Unit(lane, T.One));
            }
            Dual<T, TTangents> y = f.Evaluate<Dual<T, TTangents>>(xs);
            for (int lane = 0; lane < count; lane++)
            {
                xs[start + lane] = new Dual<T, TTangents>(xs[start + lane].Value, TTangents.Zero);
            }
            value = y.Value;
            y.Tangents.CopyTo(gradient.Slice(start, count));
        }
        return value;
    }
}
