namespace Dual;

public static partial class AutoDiff
{
    /// <summary>
    /// f(x) and ∇f(x) as <see cref="Gradient{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, int)"/>, with the chunked
    /// passes spread over up to <paramref name="maxDegreeOfParallelism"/> threads (opt-in: for large n, where a pass
    /// costs far more than starting the workers).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct; each worker evaluates its own copy, so its
    /// <c>Evaluate</c> must be safe to call from several threads at once.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It must not overlap <paramref name="x"/> (workers read x while
    /// others write).</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (default) for <see cref="Environment.ProcessorCount"/>.</param>
    /// <returns>f(x).</returns>
    /// <remarks>The result is bit-identical to the sequential overload's at the same chunk size (and so at every chunk
    /// size): each pass is the same evaluation, writes its own entries, and depends on no other pass; only the order in
    /// which passes run differs. The threads are a pool of long-lived workers (one per processor beyond the caller's) and the
    /// calling thread; a call allocates nothing once it has run on this thread at these type arguments. A call made
    /// while the pool is busy (another thread's parallel call, or one made inside f) runs on the calling thread alone,
    /// with the same result.</remarks>
    /// <exception cref="ArgumentException">A buffer length does not match n, or <paramref name="gradient"/> overlaps
    /// <paramref name="x"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is not supported, or
    /// <paramref name="maxDegreeOfParallelism"/> is 0 or less than -1.</exception>
    public static T ParallelGradient<T, TFunction>(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, int chunkSize = 0, int maxDegreeOfParallelism = -1)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        Guard.SameLength(x.Length, gradient.Length, nameof(gradient), nameof(x));
        Guard.Disjoint<T>(x.Span, gradient.Span, nameof(x), nameof(gradient));
        int k = ResolveChunkSize(chunkSize, x.Length);
        int workers = Workers(maxDegreeOfParallelism, BlockRange.Count(x.Length, k));
        if (workers <= 1)
        {
            return Gradient(f, x.Span, gradient.Span, k);
        }
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(ParallelGradient));
        GradientJob<T, TFunction> job = GradientJob<T, TFunction>.Rent(f, x, gradient, k);
        try
        {
            WorkerPool.Run(job, workers);
            return job.Value;
        }
        finally
        {
            job.Return();
        }
    }

    /// <summary>
    /// f(x) and its Jacobian as <see cref="Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>,
    /// with the chunked passes (blocks of k columns) spread over up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct; each worker evaluates its own copy, so its
    /// <c>Evaluate</c> must be safe to call from several threads at once.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x); its length is m. It must not overlap <paramref name="x"/>.</param>
    /// <param name="jacobian">Receives J row-major (length m·n). It must not overlap <paramref name="x"/>.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks <see cref="DefaultChunkSize"/>; else 1, 2, 4, 8, 16 or 32.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (default) for <see cref="Environment.ProcessorCount"/>.</param>
    /// <remarks>Bit-identical to the sequential overload (see
    /// <see cref="ParallelGradient{T, TFunction}(TFunction, ReadOnlyMemory{T}, Memory{T}, int, int)"/>), and as
    /// allocation-free once warm.</remarks>
    /// <exception cref="ArgumentException">A buffer length does not match, an output overlaps <paramref name="x"/> or the
    /// other output, or f writes more than m outputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> or
    /// <paramref name="maxDegreeOfParallelism"/> is not supported.</exception>
    public static void ParallelJacobian<T, TFunction>(TFunction f, ReadOnlyMemory<T> x, Memory<T> values, Memory<T> jacobian, int chunkSize = 0, int maxDegreeOfParallelism = -1)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        Guard.MatrixLength(values.Length, x.Length, jacobian.Length, nameof(jacobian), "m", "values and x");
        Guard.Disjoint<T>(values.Span, jacobian.Span, nameof(values), nameof(jacobian));
        Guard.Disjoint<T>(x.Span, values.Span, nameof(x), nameof(values));
        Guard.Disjoint<T>(x.Span, jacobian.Span, nameof(x), nameof(jacobian));
        int k = ResolveChunkSize(chunkSize, x.Length);
        int workers = Workers(maxDegreeOfParallelism, BlockRange.Count(x.Length, k));
        if (workers <= 1)
        {
            Jacobian(f, x.Span, values.Span, jacobian.Span, k);
            return;
        }
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(ParallelJacobian));
        JacobianJob<T, TFunction> job = JacobianJob<T, TFunction>.Rent(f, x, values, jacobian, k);
        try
        {
            WorkerPool.Run(job, workers);
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, nameof(values));
        }
        finally
        {
            job.Return();
        }
    }

    /// <summary>
    /// f(x), ∇f(x) and the Hessian as <see cref="Hessian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>,
    /// with the rows (row i: about (n − i)/k chunked passes) spread over up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct; each worker evaluates its own copy, so its
    /// <c>Evaluate</c> must be safe to call from several threads at once.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It must not overlap <paramref name="x"/>.</param>
    /// <param name="hessian">Receives H row-major; length n·n (exactly symmetric). It must not overlap <paramref name="x"/>.</param>
    /// <param name="chunkSize">Outer tangents per pass, as for the sequential overload.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (default) for <see cref="Environment.ProcessorCount"/>.</param>
    /// <returns>f(x).</returns>
    /// <remarks>Bit-identical to the sequential overload (see
    /// <see cref="ParallelGradient{T, TFunction}(TFunction, ReadOnlyMemory{T}, Memory{T}, int, int)"/>), and as
    /// allocation-free once warm.</remarks>
    /// <exception cref="ArgumentException">A buffer length does not match n, or an output overlaps <paramref name="x"/>
    /// or the other output.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> or
    /// <paramref name="maxDegreeOfParallelism"/> is not supported.</exception>
    public static T ParallelHessian<T, TFunction>(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, Memory<T> hessian, int chunkSize = 0, int maxDegreeOfParallelism = -1)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        int n = x.Length;
        Guard.SameLength(n, gradient.Length, nameof(gradient), nameof(x));
        Guard.MatrixLength(n, n, hessian.Length, nameof(hessian), "n", "x");
        Guard.Disjoint<T>(gradient.Span, hessian.Span, nameof(gradient), nameof(hessian));
        Guard.Disjoint<T>(x.Span, gradient.Span, nameof(x), nameof(gradient));
        Guard.Disjoint<T>(x.Span, hessian.Span, nameof(x), nameof(hessian));
        int k = HessianChunkSize(chunkSize, n);
        int workers = Workers(maxDegreeOfParallelism, n);
        if (workers <= 1)
        {
            return Hessian(f, x.Span, gradient.Span, hessian.Span, k);
        }
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(ParallelHessian));
        HessianJob<T, TFunction> job = HessianJob<T, TFunction>.Rent(f, x, gradient, hessian, k);
        try
        {
            WorkerPool.Run(job, workers);
            return job.Value;
        }
        finally
        {
            job.Return();
        }
    }

    /// <summary>The number of workers: at most one per block, per processor, and per <paramref name="maxDegreeOfParallelism"/>.</summary>
    private static int Workers(int maxDegreeOfParallelism, int blocks)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be -1 (one thread per processor) or positive.");
        }
        int most = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        return Math.Min(most, blocks);
    }
}
