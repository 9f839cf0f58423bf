using System.Runtime.ExceptionServices;
using System.Threading;

namespace Dual.Gpu;

/// <summary>Work split into blocks, run by <see cref="CpuWorkers"/>.</summary>
internal interface ICpuJob
{
    void RunBlock(int block);
}

/// <summary>
/// A fixed set of background threads (one per core, the caller being one of them) that run the blocks of one job at a
/// time. Unlike <c>Parallel.For</c> it allocates nothing per call: the job object is cached by the caller and the
/// threads wait on a semaphore between jobs.
/// </summary>
internal sealed class CpuWorkers : IDisposable
{
    private readonly Thread[] threads;
    private readonly SemaphoreSlim start = new(0);
    // A semaphore, not a ManualResetEventSlim, whose first blocking Wait creates its lock object on the caller's thread
    // (24 bytes in an otherwise allocation-free warm call). Released once per job, by whichever thread finishes last.
    private readonly SemaphoreSlim finished = new(0);
    private ICpuJob? job;
    private int nextBlock;
    private int blockCount;
    private int running;
    private ExceptionDispatchInfo? failure;
    private volatile bool disposed;

    public CpuWorkers(int threadCount)
    {
        ThreadCount = Math.Max(1, threadCount);
        threads = new Thread[ThreadCount - 1];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Loop) { IsBackground = true, Name = $"Dual.Gpu CPU path {t + 1}" };
            threads[t].Start();
        }
    }

    /// <summary>Threads working on a job, the caller's included.</summary>
    public int ThreadCount { get; }

    /// <summary>Runs blocks 0 … <paramref name="blocks"/> − 1 of <paramref name="work"/> on all threads and returns when
    /// all are done; rethrows the first exception a block threw (the remaining blocks are then skipped). One job at a
    /// time: callers serialize.</summary>
    public void Run(ICpuJob work, int blocks)
    {
        job = work;
        failure = null;
        blockCount = blocks;
        nextBlock = 0;
        running = threads.Length + 1;
        if (threads.Length > 0)
            start.Release(threads.Length);
        Work();
        finished.Wait();
        job = null;
        failure?.Throw();
    }

    private void Loop()
    {
        while (true)
        {
            start.Wait();
            if (disposed)
                return;
            Work();
        }
    }

    private void Work()
    {
        ICpuJob work = job!;
        while (true)
        {
            int block = Interlocked.Increment(ref nextBlock) - 1;
            if (block >= blockCount)
                break;
            try
            {
                work.RunBlock(block);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                Volatile.Write(ref nextBlock, int.MaxValue / 2);
            }
        }
        if (Interlocked.Decrement(ref running) == 0)
            finished.Release();
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        start.Release(threads.Length);
        foreach (Thread t in threads)
            t.Join();
        start.Dispose();
        finished.Dispose();
    }
}
