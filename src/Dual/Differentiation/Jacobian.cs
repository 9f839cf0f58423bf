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
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jacobian));
        try
        {
            JacobianSingleBuffers(f, x, values, jacobian);
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, outputsName);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // owns stack buffers (see StackBuffer)
    private static void JacobianSingleBuffers<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length, m = values.Length;
        if (StackBuffer<Dual<T>>.Holds(n) && StackBuffer<Dual<T>>.Holds(m))
        {
            Unsafe.SkipInit(out StackBuffer<Dual<T>> inputs);
            Unsafe.SkipInit(out StackBuffer<Dual<T>> outputs);
            JacobianSinglePasses(f, x, values, jacobian, inputs.AsSpan(n), outputs.AsSpan(m));
            return;
        }
        using var rentedInputs = new Rented<Dual<T>>(n);
        using var rentedOutputs = new Rented<Dual<T>>(m);
        JacobianSinglePasses(f, x, values, jacobian, rentedInputs.Span, rentedOutputs.Span);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void JacobianSinglePasses<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, Span<Dual<T>> xs, Span<Dual<T>> ys)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length, m = values.Length;
        for (int j = 0; j < n; j++)
        {
            xs[j] = new Dual<T>(x[j], j == 0 ? T.One : T.Zero);
        }
        if (n == 0)
        {
            ys.Clear();
            f(xs, ys);
        }
        PrimalReplay.CallLog? replay = PassReplay.Start<T>(n, 1);
        for (int j = 0; j < n; j++)
        {
            PassReplay.SeedOnly(xs, j, replay);
            ys.Clear();
            f(xs, ys);
            for (int i = 0; i < m; i++)
            {
                jacobian[i * n + j] = ys[i].Tangent;
            }
        }
        if (replay is not null) PrimalReplay.End();
        for (int i = 0; i < m; i++)
        {
            values[i] = ys[i].Value;
        }
    }

    /// <summary>The m×n Jacobian of a generic-math function, in chunked passes.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="outputLength">m.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
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
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
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
        int n = x.Length;
        try
        {
            if (n <= k)
            {
                JacobianOnePass(k, ref f, x, values, jacobian);
            }
            else
            {
                JacobianPasses(k, ref f, x, values, jacobian);
            }
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, outputsName);
        }
    }

    /// <summary>The Jacobian in one pass (n ≤ k), in the narrowest block that holds n (see <see cref="GradientOnePass"/>): it
    /// reads x whole before writing any output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void JacobianOnePass<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        var single = new BlockRange(0, 1);
        int width = SinglePassWidth(x.Length, k);
        if (SinCosPairing<T, TFunction>.IsUnpaired && width > 1)
        {
            JacobianUnpaired(width, ref f, x, values, jacobian, ref single);
        }
        else
        {
            bool observed = SinCosPairing<T, TFunction>.Begin();
            JacobianBlocks(width, ref f, x, values, jacobian, ref single);
            SinCosPairing<T, TFunction>.End(observed);
        }
    }

    /// <summary>The chunked Jacobian over more than one block of k inputs.</summary>
    private static void JacobianPasses<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int n = x.Length, tail = TailChunkSize(n, k);
        // Split only when no output overlaps x: one loop reads x once, before writing any output.
        if (tail == k || x.Overlaps(values) || x.Overlaps(jacobian))
        {
            var blocks = new BlockRange(0, BlockRange.Count(n, k));
            JacobianBlocks(k, ref f, x, values, jacobian, ref blocks);
            return;
        }
        // The whole blocks at k, then the rest in one narrower pass, which also writes the values; one replay log across
        // both loops (see GradientPasses).
        BlockRange.SplitTail(n, k, tail, out BlockRange head, out BlockRange last);
        PrimalReplay.CallLog? held = PassReplay.Hold<T, TFunction>();
        bool completed = false;
        try
        {
            if (n >= k)
            {
                JacobianBlocks(k, ref f, x, values, jacobian, ref head);
            }
            JacobianBlocks(tail, ref f, x, values, jacobian, ref last);
            completed = true;
        }
        finally
        {
            PassReplay.Release<TFunction>(held, completed);
        }
    }

    /// <summary>The one-pass Jacobian of a function that never pairs its sin and cos calls, at k = 2 … 32 (double and float): the
    /// same pass at an <see cref="UnpairedBlock{TBlock, T}"/> (see GradientUnpaired).</summary>
    private static void JacobianUnpaired<T, TFunction>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, ref BlockRange single)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        switch (k)
        {
            case 2: JacobianChunked<T, TFunction, UnpairedBlock<Tangents2<T>, T>, BlockRange>(ref f, x, values, jacobian, ref single); break;
            case 4: JacobianChunked<T, TFunction, UnpairedBlock<Tangents4<T>, T>, BlockRange>(ref f, x, values, jacobian, ref single); break;
            case 8: JacobianChunked<T, TFunction, UnpairedBlock<Tangents8<T>, T>, BlockRange>(ref f, x, values, jacobian, ref single); break;
            case 16: JacobianChunked<T, TFunction, UnpairedBlock<Tangents16<T>, T>, BlockRange>(ref f, x, values, jacobian, ref single); break;
            default: JacobianChunked<T, TFunction, UnpairedBlock<Tangents32<T>, T>, BlockRange>(ref f, x, values, jacobian, ref single); break;
        }
    }

    /// <summary>The chunked Jacobian at chunk size k over the blocks <paramref name="blocks"/> hands out: SIMD blocks where
    /// T fits them, else the wide blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a switch of calls: inlined even where the profile calls it cold
    private static void JacobianBlocks<T, TFunction, TBlocks>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, ref TBlocks blocks)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
        where TBlocks : struct, IBlockSource
    {
        if (k == 1)
        {
            JacobianChunked<T, TFunction, Tangents1<T>, TBlocks>(ref f, x, values, jacobian, ref blocks);
        }
        else if (FitsSimdBlocks<T>())
        {
            switch (k)
            {
                case 2: JacobianChunked<T, TFunction, Tangents2<T>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 4: JacobianChunked<T, TFunction, Tangents4<T>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 8: JacobianChunked<T, TFunction, Tangents8<T>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 16: JacobianChunked<T, TFunction, Tangents16<T>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                default: JacobianChunked<T, TFunction, Tangents32<T>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
            }
        }
        else
        {
            switch (k)
            {
                case 2: JacobianChunked<T, TFunction, WideTangents<T, Width2<T>>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 4: JacobianChunked<T, TFunction, WideTangents<T, Width4<T>>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 8: JacobianChunked<T, TFunction, WideTangents<T, Width8<T>>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                case 16: JacobianChunked<T, TFunction, WideTangents<T, Width16<T>>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
                default: JacobianChunked<T, TFunction, WideTangents<T, Width32<T>>, TBlocks>(ref f, x, values, jacobian, ref blocks); break;
            }
        }
    }

    /// <summary>
    /// The Jacobian's chunk loop: one pass per block of k inputs that <paramref name="blocks"/> hands out, each writing
    /// the block's k columns; the pass over the last block also writes <paramref name="values"/>. Passes are
    /// independent, so whichever thread evaluates a block gets the same bits.
    /// </summary>
    /// <remarks>Inputs and outputs live on the stack (16 or fewer) or in work arrays; inputs beyond the stack come from the
    /// thread's <see cref="ZeroedInputs{T, TTangents}"/> array where it serves them (see GradientChunked).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // owns stack buffers (see StackBuffer)
    private static void JacobianChunked<T, TFunction, TTangents, TBlocks>(ref TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, ref TBlocks blocks)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
        where TTangents : struct, ITangents<TTangents, T>
        where TBlocks : struct, IBlockSource
    {
        // Storage, seeding and loop in one method, with one call of f: the root of f's inlining budget (see GradientChunked).
        int n = x.Length, m = values.Length, k = TTangents.Count;
        Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> inputBuffer);
        Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> outputBuffer);
        Dual<T, TTangents>[]? inputArray = null, outputArray = null;
        bool zeroed = false;
        Span<Dual<T, TTangents>> xs, ys;
        if (StackBuffer<Dual<T, TTangents>>.Holds(n))
        {
            xs = inputBuffer.AsSpan(n);
        }
        else
        {
            inputArray = TakeChunkInputs<T, TTangents>(n, out zeroed);
            xs = zeroed ? ZeroedInputs<T, TTangents>.Inputs(inputArray, n) : inputArray.AsSpan(0, n);
        }
        if (StackBuffer<Dual<T, TTangents>>.Holds(m))
        {
            ys = outputBuffer.AsSpan(m);
        }
        else
        {
            outputArray = WorkArrays<Dual<T, TTangents>>.Take(m);
            ys = outputArray.AsSpan(0, m);
        }
        if (n == 0)
        {
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            ReadValues(ys, values);
        }
        else if (blocks.Next(out int block))
        {
            ChunkSeeding<T, TTangents>.Fill(x, xs, block * k, zeroed);
            PrimalReplay.CallLog? replay = PassReplay.Start<T, TFunction>(n, k);
            while (true)
            {
                int start = block * k, count = Math.Min(k, n - start);
                ys.Clear();
                f.Evaluate<Dual<T, TTangents>>(xs, ys);
                for (int i = 0; i < m; i++)
                {
                    ys[i].Tangents.CopyTo(jacobian.Slice(i * n + start, count));
                }
                if (start + count == n)
                {
                    ReadValues(ys, values);
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
        // Given back only on a normal return (see GiveChunkInputs).
        GiveChunkInputs(inputArray, zeroed);
        if (outputArray is not null)
        {
            WorkArrays<Dual<T, TTangents>>.Give(outputArray);
        }
    }

    private static void ReadValues<T, TTangents>(ReadOnlySpan<Dual<T, TTangents>> ys, Span<T> values)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ys[i].Value;
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
