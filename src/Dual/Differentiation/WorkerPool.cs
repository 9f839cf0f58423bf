using System.Runtime.ExceptionServices;
using System.Threading;

namespace Dual;

/// <summary>
/// The work of one parallel call: every participating thread calls <see cref="Run"/> once, and <see cref="Run"/> takes
/// blocks from the job's shared counter until none are left, so the threads balance themselves.
/// </summary>
internal abstract class ParallelJob
{
    private Exception? failure;

    /// <summary>The caller's execution context, under which the pool's threads run the job (the nesting guard's mark lives
    /// there).</summary>
    internal ExecutionContext? Context;

    /// <summary>Takes and evaluates blocks until none are left.</summary>
    internal abstract void Run();

    /// <summary>Makes every remaining block look taken, so that the other threads stop after a failure.</summary>
    internal abstract void Abandon();

    /// <summary>Keeps the first exception any thread throws and stops the others.</summary>
    internal void Fail(Exception e)
    {
        Interlocked.CompareExchange(ref failure, e, null);
        Abandon();
    }

    /// <summary>Rethrows the first exception, as it was thrown, once every thread has stopped.</summary>
    internal void ThrowIfFailed()
    {
        Exception? e = failure;
        if (e is not null)
        {
            failure = null;
            ExceptionDispatchInfo.Throw(e);
        }
    }
}

/// <summary>
/// Long-lived background threads (one per processor beyond the caller's) that run the parallel AutoDiff calls. Unlike
/// <c>Parallel.For</c>, a call allocates nothing: the threads, the wake-up semaphore and the completion event are made
/// once, and each call hands the threads a job object that its caller reuses. The calling thread works too, and the call
/// returns only when every thread has left the job, so no thread touches the caller's buffers afterwards.
/// </summary>
/// <remarks>
/// One call uses the pool at a time. A call that finds it busy — another thread's parallel call, or a parallel call made
/// from inside a job — runs its job on its own thread, which gives the same bits (every block is evaluated the same way
/// whichever thread takes it) and cannot deadlock.
/// </remarks>
internal sealed class WorkerPool
{
    private static readonly WorkerPool Shared = new(Environment.ProcessorCount - 1);

    private readonly int capacity;
    private readonly object gate = new();
    private readonly SemaphoreSlim start = new(0);
    // A semaphore, not a ManualResetEventSlim: the event creates its lock object (24 bytes, on the waiting caller's
    // thread) the first time a Wait has to block, which a warm call could then allocate whenever the helpers finished
    // later than ever before. The semaphore's lock exists from its constructor; the last helper releases it once.
    private readonly SemaphoreSlim done = new(0);
    private ParallelJob? current;
    private int remaining;
    private int threads;

    private WorkerPool(int capacity) => this.capacity = Math.Max(0, capacity);

    /// <summary>Runs <paramref name="job"/> on up to <paramref name="threadCount"/> threads, this one among them, and
    /// rethrows the first exception any of them threw.</summary>
    public static void Run(ParallelJob job, int threadCount)
    {
        WorkerPool pool = Shared;
        int helpers = Math.Min(threadCount - 1, pool.capacity);
        if (helpers <= 0 || !Monitor.TryEnter(pool.gate))
        {
            RunHere(job);
            job.ThrowIfFailed();
            return;
        }
        try
        {
            pool.EnsureThreads(helpers);
            job.Context = ExecutionContext.Capture();
            pool.current = job;
            Volatile.Write(ref pool.remaining, helpers);
            pool.start.Release(helpers);
            RunHere(job);
            pool.done.Wait();
            pool.current = null;
            job.Context = null;
        }
        finally
        {
            Monitor.Exit(pool.gate);
        }
        job.ThrowIfFailed();
    }

    private static void RunHere(ParallelJob job)
    {
        try
        {
            job.Run();
        }
        catch (Exception e)
        {
            job.Fail(e);
        }
    }

    private void EnsureThreads(int count)
    {
        while (threads < count)
        {
            // UnsafeStart: the thread must not keep the context of the call that happened to create it.
            var thread = new Thread(Work) { IsBackground = true, Name = "Dual worker " + threads };
            thread.UnsafeStart();
            threads++;
        }
    }

    private void Work()
    {
        ExecutionContext? home = ExecutionContext.Capture();
        while (true)
        {
            start.Wait();
            // A thread that wakes more than once for one job finds its blocks taken and returns at once: each wake-up
            // still counts down once, so the caller waits for exactly the wake-ups it asked for.
            ParallelJob job = Volatile.Read(ref current)!;
            ExecutionContext? context = job.Context;
            if (context is not null)
            {
                ExecutionContext.Restore(context);
            }
            RunHere(job);
            if (home is not null)
            {
                ExecutionContext.Restore(home);
            }
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                done.Release();
            }
        }
    }
}
