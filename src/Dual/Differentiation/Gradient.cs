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
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
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
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
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
        if (x.Length <= k)
        {
            return GradientOnePass(k, ref f, x, gradient);
        }
        return GradientPasses(k, ref f, x, gradient);
    }

    /// <summary>The gradient in one pass (n ≤ k, k &gt; 1), in the narrowest block that holds n (the same bits: a lane
    /// computes the same whatever the block). It reads x whole before writing any partial, so the gradient may overlap x.</summary>
    // Inlined, with no calls before the chunk loop: compiled from a profile of calls at other chunk sizes, the general
    // path kept its helpers (the tail size, the overlap test, the dispatch) as calls — Rosenbrock n = 10 at k = 16 after
    // calls at k = 1, 4 and 8: 44–45 ns through it, 39–42 ns here.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GradientOnePass<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        var single = new BlockRange(0, 1);
        int width = SinglePassWidth(x.Length, k);
        if (SinCosPairing<T, TFunction>.IsUnpaired && width > 1)
        {
            return GradientUnpaired(width, ref f, x, gradient, ref single);
        }
        bool observed = SinCosPairing<T, TFunction>.Begin();
        T value = GradientDispatch(width, ref f, x, gradient, ref single, out _);
        SinCosPairing<T, TFunction>.End(observed);
        return value;
    }

    /// <summary>The chunked gradient over more than one block of k inputs.</summary>
    private static T GradientPasses<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        int n = x.Length, tail = TailChunkSize(n, k);
        // Split only when the gradient does not overlap x: one loop reads x once, before writing any partial.
        if (tail == k || x.Overlaps(gradient))
        {
            var blocks = new BlockRange(0, BlockRange.Count(n, k));
            return GradientDispatch(k, ref f, x, gradient, ref blocks, out _);
        }
        // The whole blocks at k, then the rest in one narrower pass (same bits: a lane computes the same whatever the block),
        // both loops in one replay log, so that the last pass replays the primal's calls too.
        BlockRange.SplitTail(n, k, tail, out BlockRange head, out BlockRange last);
        PrimalReplay.CallLog? held = PassReplay.Hold<T, TFunction>();
        bool completed = false;
        try
        {
            if (n >= k)
            {
                GradientDispatch(k, ref f, x, gradient, ref head, out _);
            }
            T value = GradientDispatch(tail, ref f, x, gradient, ref last, out _);
            completed = true;
            return value;
        }
        finally
        {
            PassReplay.Release<TFunction>(held, completed);
        }
    }

    /// <summary>The chunked gradient at chunk size k over the blocks <paramref name="blocks"/> hands out: SIMD blocks where
    /// T fits them, else the wide blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a switch of calls: inlined even where the profile calls it cold
    private static T GradientDispatch<T, TFunction, TBlocks>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, ref TBlocks blocks, out bool hasValue)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TBlocks : struct, IBlockSource
    {
        if (k == 1)
        {
            return GradientChunked<T, TFunction, Tangents1<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue);
        }
        if (FitsSimdBlocks<T>())
        {
            return k switch
            {
                2 => GradientChunked<T, TFunction, Tangents2<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
                4 => GradientChunked<T, TFunction, Tangents4<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
                8 => GradientChunked<T, TFunction, Tangents8<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
                16 => GradientChunked<T, TFunction, Tangents16<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
                _ => GradientChunked<T, TFunction, Tangents32<T>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
            };
        }
        return k switch
        {
            2 => GradientChunked<T, TFunction, WideTangents<T, Width2<T>>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
            4 => GradientChunked<T, TFunction, WideTangents<T, Width4<T>>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
            8 => GradientChunked<T, TFunction, WideTangents<T, Width8<T>>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
            16 => GradientChunked<T, TFunction, WideTangents<T, Width16<T>>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
            _ => GradientChunked<T, TFunction, WideTangents<T, Width32<T>>, TBlocks>(ref f, x, gradient, ref blocks, out hasValue),
        };
    }

    /// <summary>The one-pass gradient of a function that never pairs its sin and cos calls, at k = 2 … 32 (double and float): the
    /// same pass at an <see cref="UnpairedBlock{TBlock, T}"/>, whose sin and cos rules skip the pairing memo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a switch of calls, as GradientDispatch
    private static T GradientUnpaired<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, ref BlockRange single)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction => k switch
        {
            2 => GradientChunked<T, TFunction, UnpairedBlock<Tangents2<T>, T>, BlockRange>(ref f, x, gradient, ref single, out _),
            4 => GradientChunked<T, TFunction, UnpairedBlock<Tangents4<T>, T>, BlockRange>(ref f, x, gradient, ref single, out _),
            8 => GradientChunked<T, TFunction, UnpairedBlock<Tangents8<T>, T>, BlockRange>(ref f, x, gradient, ref single, out _),
            16 => GradientChunked<T, TFunction, UnpairedBlock<Tangents16<T>, T>, BlockRange>(ref f, x, gradient, ref single, out _),
            _ => GradientChunked<T, TFunction, UnpairedBlock<Tangents32<T>, T>, BlockRange>(ref f, x, gradient, ref single, out _),
        };

    // The inputs are read once into the work array; each seed is taken from there, so gradient may overlap x.
    [MethodImpl(MethodImplOptions.NoInlining)] // owns a stack buffer (see StackBuffer)
    private static T GradientSingle<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IScalarEvaluator<Dual<T>>
    {
        if (StackBuffer<Dual<T>>.Holds(x.Length))
        {
            Unsafe.SkipInit(out StackBuffer<Dual<T>> buffer);
            return GradientSinglePasses(f, x, gradient, buffer.AsSpan(x.Length));
        }
        using var work = new Rented<Dual<T>>(x.Length);
        return GradientSinglePasses(f, x, gradient, work.Span);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GradientSinglePasses<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, Span<T> gradient, Span<Dual<T>> xs)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IScalarEvaluator<Dual<T>>
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            xs[i] = new Dual<T>(x[i], i == 0 ? T.One : T.Zero);
        }
        if (n == 0)
        {
            return f.Evaluate(xs).Value;
        }
        T value = T.Zero;
        PrimalReplay.CallLog? replay = PassReplay.Start<T>(n, 1);
        for (int i = 0; i < n; i++)
        {
            PassReplay.SeedOnly(xs, i, replay);
            Dual<T> y = f.Evaluate(xs);
            value = y.Value;
            gradient[i] = y.Tangent;
        }
        if (replay is not null) PrimalReplay.End();
        return value;
    }

    /// <summary>
    /// The gradient's chunk loop: one pass per block of k inputs that <paramref name="blocks"/> hands out, each writing
    /// its k entries of <paramref name="gradient"/>. Passes are independent (each sees the inputs' values and its own
    /// seeds only), so whichever thread evaluates a block gets the same bits.
    /// </summary>
    /// <remarks>The inputs live on the stack (n ≤ 16), in the thread's <see cref="ZeroedInputs{T, TTangents}"/> array (its
    /// tangents zero on entry: only values and seed lanes are written, and the last seeds are cleared on a normal return),
    /// or in a pooled work array.</remarks>
    /// <returns>f(x) from the pass over the last block, when this loop evaluated it (<paramref name="hasValue"/>).</returns>
    [MethodImpl(MethodImplOptions.NoInlining)] // owns a stack buffer (see StackBuffer)
    private static T GradientChunked<T, TFunction, TTangents, TBlocks>(ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, ref TBlocks blocks, out bool hasValue)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TTangents : struct, ITangents<TTangents, T>
        where TBlocks : struct, IBlockSource
    {
        // Storage, seeding and loop in one method, with one call of f: the JIT's inlining budget is a multiple of the root
        // method's own IL size, and f (often inlined here, with its dual operators) needs it. With the loop in a helper
        // inlined here and this method's own IL smaller, a Rosenbrock f left Tangents16.Add as a call (3.5× slower at
        // n = 1000); with the loop as its own method, the extra call cost 4–5 ns at n = 10.
        int n = x.Length, k = TTangents.Count;
        hasValue = false;
        Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> buffer);
        Dual<T, TTangents>[]? array = null;
        bool zeroed = false;
        Span<Dual<T, TTangents>> xs;
        if (StackBuffer<Dual<T, TTangents>>.Holds(n))
        {
            xs = buffer.AsSpan(n);
        }
        else
        {
            array = TakeChunkInputs<T, TTangents>(n, out zeroed);
            xs = zeroed ? ZeroedInputs<T, TTangents>.Inputs(array, n) : array.AsSpan(0, n);
        }
        T value = T.Zero;
        if (n == 0)
        {
            hasValue = true;
            value = f.Evaluate<Dual<T, TTangents>>(xs).Value;
        }
        else if (blocks.Next(out int block))
        {
            ChunkSeeding<T, TTangents>.Fill(x, xs, block * k, zeroed);
            PrimalReplay.CallLog? replay = PassReplay.Start<T, TFunction>(n, k);
            while (true)
            {
                int start = block * k, count = Math.Min(k, n - start);
                Dual<T, TTangents> y = f.Evaluate<Dual<T, TTangents>>(xs);
                y.Tangents.CopyTo(gradient.Slice(start, count));
                if (start + count == n)
                {
                    value = y.Value;
                    hasValue = true;
                }
                if (!blocks.Next(out block))
                {
                    PassReplay.End<TFunction>(replay);
                    if (zeroed) ChunkSeeding<T, TTangents>.ClearSeeds(xs, start, count);
                    break;
                }
                replay?.Rewind();
                ChunkSeeding<T, TTangents>.Move(xs, start, count, block * k, Math.Min(k, n - block * k));
            }
        }
        GiveChunkInputs(array, zeroed);
        return value;
    }
}
