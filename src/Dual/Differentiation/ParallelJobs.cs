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

    /// <summary>
    /// What every differentiation job holds: the caller's function and point, the chunk size, and f(x) as written by the
    /// thread that evaluated the last block (jobs whose blocks do not compute f leave it zero).
    /// </summary>
    private abstract class FunctionJob<TJob, T, TFunction> : CachedJob<TJob>
        where TJob : FunctionJob<TJob, T, TFunction>, new()
        where T : IFloatingPointIeee754<T>
    {
        protected TFunction function = default!;
        protected ReadOnlyMemory<T> x;
        protected int k;

        /// <summary>f(x), written by the thread that evaluated the last block.</summary>
        public T Value { get; private set; } = T.Zero;

        protected static TJob Take(TFunction f, ReadOnlyMemory<T> x, int k, int blockCount)
        {
            TJob job = Take(blockCount);
            (job.function, job.x, job.k, job.Value) = (f, x, k, T.Zero);
            return job;
        }

        /// <summary>Keeps <paramref name="v"/> as f(x) when this thread's blocks computed it.</summary>
        protected void Report(T v, bool hasValue)
        {
            if (hasValue)
            {
                Value = v;
            }
        }

        protected sealed override void Clear()
        {
            (function, x) = (default!, default);
            ClearOutputs();
        }

        /// <summary>Drops the references to the caller's output buffers.</summary>
        protected abstract void ClearOutputs();
    }

    private sealed class GradientJob<T, TFunction> : FunctionJob<GradientJob<T, TFunction>, T, TFunction>
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        private Memory<T> gradient;

        public static GradientJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, int k)
        {
            GradientJob<T, TFunction> job = Take(f, x, k, BlockRange.Count(x.Length, k));
            job.gradient = gradient;
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks blocks = Blocks;
            Report(GradientDispatch(k, ref own, x.Span, gradient.Span, ref blocks, out bool hasValue), hasValue);
        }

        protected override void ClearOutputs() => gradient = default;
    }

    private sealed class JacobianJob<T, TFunction> : FunctionJob<JacobianJob<T, TFunction>, T, TFunction>
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        private Memory<T> values, jacobian;

        public static JacobianJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> values, Memory<T> jacobian, int k)
        {
            JacobianJob<T, TFunction> job = Take(f, x, k, BlockRange.Count(x.Length, k));
            (job.values, job.jacobian) = (values, jacobian);
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks blocks = Blocks;
            JacobianBlocks(k, ref own, x.Span, values.Span, jacobian.Span, ref blocks);
        }

        protected override void ClearOutputs() => (values, jacobian) = (default, default);
    }

    private sealed class HessianJob<T, TFunction> : FunctionJob<HessianJob<T, TFunction>, T, TFunction>
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        private Memory<T> gradient, hessian;

        // One block per row of H.
        public static HessianJob<T, TFunction> Rent(TFunction f, ReadOnlyMemory<T> x, Memory<T> gradient, Memory<T> hessian, int k)
        {
            HessianJob<T, TFunction> job = Take(f, x, k, x.Length);
            (job.gradient, job.hessian) = (gradient, hessian);
            return job;
        }

        internal override void Run()
        {
            TFunction own = function;
            SharedBlocks rows = Blocks;
            Report(HessianDispatch<T, TFunction, SharedBlocks>(k, ref own, x.Span, gradient.Span, hessian.Span, ref rows, out bool hasValue), hasValue);
        }

        protected override void ClearOutputs() => (gradient, hessian) = (default, default);
    }
}
