using System.Collections.Generic;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Dual.Gpu;

internal enum Operation
{
    Jacobian,
    Matrix,
    Jvp,
}

/// <summary>One batch for the CPU path: pinned pointers into the caller's buffers and the sizes.</summary>
internal unsafe struct CpuRequest<T> where T : unmanaged
{
    public Operation Operation;
    public T* X;
    public T* Seeds;
    public T* Output;
    public T* Values;
    public int N;
    public int M;
    public int Width;
    public int Count;
    public long SeedStride;
    public CancellationToken Token;
    public IProgress<BatchProgress>? Progress;
}

/// <summary>
/// The engine without an accelerator: every point goes through the library's own CPU drivers
/// (<see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>,
/// <see cref="AutoDiff.Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>, and for J·V
/// the same multi-tangent evaluation with V's columns as seeds), so results are bit-identical to the CPU API; blocks of
/// points run in parallel on <see cref="CpuWorkers"/> and write straight into the caller's buffers.
/// </summary>
internal sealed class CpuPath : IDisposable
{
    private readonly object runLock = new();
    private readonly Dictionary<Type, object> jobs = new();
    private CpuWorkers? workers;

    public CpuPath(int threadCount) => ThreadCount = Math.Max(1, threadCount);

    public int ThreadCount { get; }

    public void Run<T, TAdapter>(TAdapter adapter, in CpuRequest<T> request)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TAdapter : struct, IVectorFunction
    {
        if (request.Count == 0)
            return;
        if (!Monitor.TryEnter(runLock))
        {
            // Another thread is using the workers: do this batch on the calling thread (a fresh job: allocation only here).
            var solo = new CpuJob<T, TAdapter>();
            solo.Set(adapter, request, 1);
            try
            {
                for (int b = 0; b < solo.Blocks; b++)
                    solo.RunBlock(b);
            }
            finally
            {
                solo.Clear();
            }
            return;
        }
        CpuJob<T, TAdapter>? job = null;
        try
        {
            workers ??= new CpuWorkers(ThreadCount);
            if (!jobs.TryGetValue(typeof(CpuJob<T, TAdapter>), out object? cached))
            {
                cached = new CpuJob<T, TAdapter>();
                jobs.Add(typeof(CpuJob<T, TAdapter>), cached);
            }
            job = (CpuJob<T, TAdapter>)cached;
            job.Set(adapter, request, workers.ThreadCount);
            workers.Run(job, job.Blocks);
        }
        finally
        {
            job?.Clear();
            Monitor.Exit(runLock);
        }
    }

    public static void RunRows<T, TFunction>(CpuPath path, TFunction function, in CpuRequest<T> request)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => path.Run<T, KernelVectorFunction<TFunction>>(new(function), request);

    public static void RunWholePoints<T, TFunction>(CpuPath path, TFunction function, in CpuRequest<T> request)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelPointFunction
        => path.Run<T, KernelPointVectorFunction<TFunction>>(new(function), request);

    public void Dispose() => workers?.Dispose();
}

/// <summary>Picks, once per (T, TFunction), the adapter the CPU path evaluates through: whole points for an
/// <see cref="IKernelPointFunction"/>, rows otherwise (a cached delegate: no boxing per call).</summary>
internal static class CpuDispatch<T, TFunction>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TFunction : struct, IKernelFunction
{
    public delegate void Runner(CpuPath path, TFunction function, in CpuRequest<T> request);

    public static readonly Runner Run = Create();

    private static Runner Create()
    {
        string name = typeof(IKernelPointFunction).IsAssignableFrom(typeof(TFunction)) ? nameof(CpuPath.RunWholePoints) : nameof(CpuPath.RunRows);
        MethodInfo method = typeof(CpuPath).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(typeof(T), typeof(TFunction));
        return method.CreateDelegate<Runner>();
    }
}

internal sealed unsafe class CpuJob<T, TAdapter> : ICpuJob
    where T : unmanaged, IFloatingPointIeee754<T>
    where TAdapter : struct, IVectorFunction
{
    [ThreadStatic]
    private static T[]? scratch;

    private TAdapter adapter;
    private CpuRequest<T> request;
    private int perBlock;
    private long done;

    public int Blocks { get; private set; }

    public void Set(TAdapter f, in CpuRequest<T> r, int threads)
    {
        adapter = f;
        request = r;
        done = 0;
        // A few blocks per thread balances uneven points; a block is at least one point.
        int blocks = (int)Math.Min(r.Count, threads == 1 ? 1L : threads * 8L);
        perBlock = (r.Count + blocks - 1) / blocks;
        Blocks = (r.Count + perBlock - 1) / perBlock;
    }

    public void Clear()
    {
        adapter = default;
        request = default;
    }

    public void RunBlock(int block)
    {
        ref readonly CpuRequest<T> r = ref request;
        r.Token.ThrowIfCancellationRequested();
        int first = block * perBlock, last = Math.Min(r.Count, first + perBlock);
        int n = r.N, m = r.M, w = r.Width;
        Span<T> spare = r.Values == null ? Scratch(m) : default;
        for (int p = first; p < last; p++)
        {
            var x = new ReadOnlySpan<T>(r.X + (long)p * n, n);
            Span<T> values = r.Values == null ? spare : new Span<T>(r.Values + (long)p * m, m);
            var output = new Span<T>(r.Output + (long)p * m * w, m * w);
            try
            {
                switch (r.Operation)
                {
                    case Operation.Jacobian:
                        AutoDiff.Jacobian<T, TAdapter>(adapter, x, values, output);
                        break;
                    case Operation.Jvp:
                        AutoDiff.Jvp<T, TAdapter>(adapter, x, new ReadOnlySpan<T>(r.Seeds + p * r.SeedStride, n), values, output);
                        break;
                    default:
                        CpuMatrix.Product(adapter, x, new ReadOnlySpan<T>(r.Seeds, n * w), w, output, values);
                        break;
                }
            }
            catch (ArgumentException e) when (e.InnerException is IndexOutOfRangeException inner)
            {
                // AutoDiff reads an IndexOutOfRangeException from inside f as a buffer too small for the function; here the
                // buffers are the engine's own, sized from InputCount/OutputCount, so the adapter's exception (naming the
                // function and the index it read or wrote) is the one that says what is wrong.
                ExceptionDispatchInfo.Throw(inner);
            }
        }
        long total = Interlocked.Add(ref done, last - first);
        r.Progress?.Report(new BatchProgress(total, r.Count));
    }

    private static Span<T> Scratch(int length)
    {
        if (scratch is null || scratch.Length < length)
            scratch = new T[Math.Max(length, 16)];
        return scratch.AsSpan(0, length);
    }
}
