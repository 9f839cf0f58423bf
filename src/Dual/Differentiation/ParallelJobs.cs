using System.Threading;

namespace Dual;

public static partial class AutoDiff
{
    /// <summary>
    /// The reusable part of every parallel call: the shared block counter and a per-thread cache of the job object, so
    /// a warm call allocates nothing. A job is taken out of the cache for the length of one call (a parallel call made
    /// inside f, at another type or on a worker, finds the cache empty and makes its own).
    /// </summary>
    private abstract class CachedJob<TJob> : ParallelJob where TJob : CachedJob<TJob>, new()
    {
        [ThreadStatic] private static TJob? cached;

        private readonly SharedBlocks.Counter counter = new();
        private int blockCount;

        protected SharedBlocks Blocks => new(counter, blockCount);

        protected static TJob Take(int blockCount)
        {
            TJob job = cached ?? new TJob();
            cached = null;
            job.counter.Taken = 0;
            job.blockCount = blockCount;
            return job;
        }

        /// <summary>Drops the references to the caller's function and buffers and puts the job back in this thread's cache.</summary>
        public void Return()
        {
            Clear();
            cached = (TJob)this;
        }

        protected abstract void Clear();

        internal sealed override void Abandon() => Volatile.Write(ref counter.Taken, int.MaxValue / 2);
    }

    private sealed class GradientJob<T, TFunction> : CachedJob<GradientJob<T, TFunction>>
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        private TFunction function = default!;
        private ReadOnlyMemory<T> x;
        private Memory<T> gradient;
        private int k;

        /// <summary>f(x), written by the thread that evaluated the last block.</summary>
        public T Value { get; private set; } = T.Zero;

        public static GradientJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, int k)
        {
            GradientJob<T, TFunction> job = Take(BlockRange.Count(x.Length, k));
            (job.function, job.x, job.gradient, job.k, job.Value) = (f, x, gradient, k, T.Zero);
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks blocks = Blocks;
            T v = GradientDispatch(k, ref own, x.Span, gradient.Span, ref blocks, out bool hasValue);
            if (hasValue)
            {
                Value = v;
            }
        }

        protected override void Clear() => (function, x, gradient) = (default!, default, default);
    }

    private sealed class JacobianJob<T, TFunction> : CachedJob<JacobianJob<T, TFunction>>
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        private TFunction function = default!;
        private ReadOnlyMemory<T> x;
        private Memory<T> values, jacobian;
        private int k;

        public static JacobianJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> values, Memory<T> jacobian, int k)
        {
            JacobianJob<T, TFunction> job = Take(BlockRange.Count(x.Length, k));
            (job.function, job.x, job.values, job.jacobian, job.k) = (f, x, values, jacobian, k);
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks blocks = Blocks;
            JacobianBlocks(k, ref own, x.Span, values.Span, jacobian.Span, ref blocks);
        }

        protected override void Clear() => (function, x, values, jacobian) = (default!, default, default, default);
    }

    private sealed class HessianJob<T, TFunction> : CachedJob<HessianJob<T, TFunction>>
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        private TFunction function = default!;
        private ReadOnlyMemory<T> x;
        private Memory<T> gradient, hessian;
        private int k;

        /// <summary>f(x), written by the thread that evaluated the last row.</summary>
        public T Value { get; private set; } = T.Zero;

        public static HessianJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, Memory<T> hessian, int k)
        {
            HessianJob<T, TFunction> job = Take(x.Length);
            (job.function, job.x, job.gradient, job.hessian, job.k, job.Value) = (f, x, gradient, hessian, k, T.Zero);
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks rows = Blocks;
            T v = HessianDispatch<T, TFunction, SharedBlocks>(k, ref own, x.Span, gradient.Span, hessian.Span, ref rows, out bool hasValue);
            if (hasValue)
            {
                Value = v;
            }
        }

        protected override void Clear() => (function, x, gradient, hessian) = (default!, default, default, default);
    }
}
