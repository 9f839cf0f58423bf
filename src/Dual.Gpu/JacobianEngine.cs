using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dual.Gpu;

/// <summary>
/// Batched forward-mode derivatives of an <see cref="IKernelFunction"/>: JVPs, dense Jacobians (row-major [P, m, n]) and
/// Jacobian–matrix products (row-major [P, m, r]), in <see cref="double"/> and <see cref="float"/>, as ILGPU kernels on a
/// CUDA GPU (or ILGPU's CPU accelerator, for tests), or — without a CUDA device — on the library's CPU code on every core.
/// </summary>
/// <remarks>
/// <para>Kernels are compiled the first time a (operation, scalar, function type, lanes, checking) combination is used and
/// cached for the engine's lifetime; <see cref="CompileTime"/> reports what that cost.</para>
/// <para>Host overloads (arrays or spans) stream chunks of points that fit <see cref="MemoryBudgetBytes"/> through device
/// buffers the engine keeps and reuses, staged in page-locked memory, on two streams so that one chunk's copies overlap
/// the next chunk's kernel; they return with the results in the caller's buffers. Device-view overloads
/// (<see cref="ArrayView{T}"/> on this engine's <see cref="Accelerator"/>) leave data on the device and return once the
/// work is queued (with <see cref="CheckIndices"/> they wait for it): call <see cref="Synchronize"/> before reading.</para>
/// <para>Every size and buffer is checked before anything is compiled or launched. The engine is safe to call from several
/// threads: device work is serialized on the engine; the CPU path runs one batch at a time on its worker threads and
/// runs a concurrent caller's batch on that caller's thread.</para>
/// </remarks>
public sealed partial class JacobianEngine : IDisposable
{
    private readonly Context? context;
    private readonly Accelerator? accelerator;
    private readonly CpuPath? cpu;
    private readonly ILogger logger;
    private readonly object gate = new();
    private readonly Dictionary<(Operation, Type, Type, int, bool, bool, int), Delegate> kernels = new();
    private readonly Dictionary<Type, IDisposable> hostBuffers = new();
    private readonly List<MemoryBuffer> placeholders = new();
    private AcceleratorStream[]? streams;
    private MemoryBuffer1D<int, Stride1D.Dense>? viewStatus;
    private readonly int[] statusHost = new int[KernelStatus.Length];
    private long memoryBudgetBytes;
    private int lanesPerThread;
    private bool checkIndices;
    private bool disposed;

    /// <summary>Creates an engine where <paramref name="preference"/> says.</summary>
    /// <param name="preference">Auto (CUDA when present, else the CPU path), Cuda, CpuAccelerator or CpuThreads.</param>
    /// <param name="logger">Optional: receives the selection message and each kernel compile (Information level).</param>
    /// <exception cref="InvalidOperationException"><see cref="AcceleratorPreference.Cuda"/> was asked for and no CUDA
    /// device is present.</exception>
    public JacobianEngine(AcceleratorPreference preference = AcceleratorPreference.Auto, ILogger? logger = null)
    {
        this.logger = logger ?? NullLogger.Instance;
        string why = "requested explicitly";
        if (preference != AcceleratorPreference.CpuThreads)
        {
            context = KernelContext.Create();
            try
            {
                int cudaDevices = context.GetCudaDevices().Count;
                switch (preference)
                {
                    case AcceleratorPreference.Cuda when cudaDevices == 0:
                        throw new InvalidOperationException("AcceleratorPreference.Cuda was requested but no CUDA device was found.");
                    case AcceleratorPreference.Cuda:
                        accelerator = context.CreateCudaAccelerator(0);
                        break;
                    case AcceleratorPreference.Auto when cudaDevices > 0:
                        accelerator = context.CreateCudaAccelerator(0);
                        why = cudaDevices == 1 ? "CUDA device found" : $"{cudaDevices} CUDA devices found, using the first";
                        break;
                    case AcceleratorPreference.CpuAccelerator:
                        accelerator = context.CreateCPUAccelerator(0);
                        break;
                    default:
                        why = "no CUDA device found";
                        break;
                }
            }
            catch
            {
                context.Dispose();
                throw;
            }
            if (accelerator is null)
            {
                context.Dispose();
                context = null;
            }
        }
        if (accelerator is null)
        {
            cpu = new CpuPath(Environment.ProcessorCount);
            Backend = AcceleratorPreference.CpuThreads;
            SelectionMessage = $"CPU, {cpu.ThreadCount} thread{(cpu.ThreadCount == 1 ? "" : "s")}: {why}";
            memoryBudgetBytes = long.MaxValue;
        }
        else
        {
            IsCuda = accelerator.AcceleratorType == AcceleratorType.Cuda;
            Backend = IsCuda ? AcceleratorPreference.Cuda : AcceleratorPreference.CpuAccelerator;
            SelectionMessage = IsCuda
                ? $"Using CUDA accelerator '{accelerator.Name}' ({accelerator.MemorySize / (1L << 20)} MiB): {why}"
                : $"Using ILGPU's CPU accelerator: {why}";
            memoryBudgetBytes = IsCuda ? Math.Max(accelerator.MemorySize / 2, 1L << 20) : 256L << 20;
            checkIndices = !IsCuda;
        }
        this.logger.LogInformation("{Selection}", SelectionMessage);
    }

    /// <summary>What the engine runs on: <see cref="AcceleratorPreference.Cuda"/>, <see cref="AcceleratorPreference.CpuAccelerator"/>
    /// or <see cref="AcceleratorPreference.CpuThreads"/> (never Auto).</summary>
    public AcceleratorPreference Backend { get; }

    /// <summary>The ILGPU accelerator the engine launches on; allocate device buffers for the view overloads here.</summary>
    /// <exception cref="InvalidOperationException">The engine runs on the CPU path, which has no accelerator.</exception>
    public Accelerator Accelerator
    {
        get
        {
            ThrowIfDisposed();
            return accelerator ?? throw new InvalidOperationException(
                $"This engine runs on the CPU path ({SelectionMessage}): it has no ILGPU accelerator; use the host (array or span) overloads.");
        }
    }

    /// <summary>Whether the engine runs on a CUDA device.</summary>
    public bool IsCuda { get; }

    /// <summary>One line saying where the engine runs and why, e.g. "CPU, 2 threads: no CUDA device found".</summary>
    public string SelectionMessage { get; }

    /// <summary>Threads the CPU path uses (0 on an accelerator).</summary>
    public int CpuThreadCount => cpu?.ThreadCount ?? 0;

    /// <summary>Device memory the host overloads may keep for point, seed and result buffers (two chunks in flight);
    /// larger batches are split into chunks of points and streamed. Default: half the device memory on CUDA, 256 MiB on
    /// the CPU accelerator; unused on the CPU path. At least one point per chunk whatever the budget.</summary>
    public long MemoryBudgetBytes
    {
        get => memoryBudgetBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1L);
            memoryBudgetBytes = value;
        }
    }

    /// <summary>Tangent lanes per kernel thread for Jacobians and J·V: 8 or 16, or 0 (the default) to choose by width
    /// (8 up to 8 columns, else 16). JVPs use one lane.</summary>
    public int LanesPerThread
    {
        get => lanesPerThread;
        set
        {
            if (value is not (0 or 8 or 16))
                throw new ArgumentOutOfRangeException(nameof(value), value, "LanesPerThread takes 0 (automatic), 8 or 16.");
            lanesPerThread = value;
        }
    }

    /// <summary>
    /// Whether kernels check every input index a function reads (and every output index a whole-point evaluation
    /// writes): a bad index raises <see cref="IndexOutOfRangeException"/> naming the function, the index, the point and
    /// the output row, after the launch. Always on for ILGPU's CPU accelerator (an unchecked bad read terminates the
    /// process there) and the CPU path; off by default on CUDA, where an unchecked read past a point's inputs silently
    /// reads the next point's (or, past the last point, faults the context), and a bad whole-point write is dropped.
    /// Checking costs a compare per read and makes device-view calls wait for their results.
    /// </summary>
    /// <exception cref="NotSupportedException">Turning it off where it is always on.</exception>
    public bool CheckIndices
    {
        get => checkIndices || !IsCuda;
        set
        {
            if (!value && !IsCuda)
                throw new NotSupportedException($"Index checks are always on for {Backend}: an unchecked bad read would terminate the process there.");
            checkIndices = value;
        }
    }

    /// <summary>Total time spent compiling kernels so far (the first-call cost; later calls reuse them).</summary>
    public TimeSpan CompileTime { get; private set; }

    /// <summary>How many kernels have been compiled and cached.</summary>
    public int CompiledKernelCount
    {
        get
        {
            lock (gate)
                return kernels.Count;
        }
    }

    /// <summary>Bytes of device memory the engine keeps for the host overloads (reused by later calls).</summary>
    public long CachedDeviceBytes { get; private set; }

    /// <summary>How many chunks (launches) the last operation was split into (on the CPU path, 1).</summary>
    public int LastChunkCount { get; private set; }

    /// <summary>Waits until all queued work on the accelerator has finished (nothing to do on the CPU path).</summary>
    public void Synchronize()
    {
        ThrowIfDisposed();
        accelerator?.Synchronize();
    }

    // ------------------------------------------------------------------ CUDA validation without a GPU

    /// <summary>
    /// Compiles every kernel the engine can launch for <typeparamref name="TFunction"/> (Jacobian and J·V with 8 and 16
    /// lanes, JVP; double and float; unchecked, plus the checked Jacobian) to PTX with ILGPU's PTX backend — no GPU needed
    /// — and checks the PTX for the defects that only show on a real GPU: an unresolved <c>.extern .func</c> (a PTX JIT
    /// failure), a <c>.func</c> that calls itself (infinite recursion), and a call into ILGPU.Algorithms' CORDIC routines
    /// (the software transcendentals the library's kernel math replaces). Each result holds the PTX text.
    /// </summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <returns>One result per kernel; <see cref="PtxValidationReport.IsValid"/> says whether all passed.</returns>
    public static PtxValidationReport ValidateForCuda<TFunction>()
        where TFunction : struct, IKernelFunction
        => PtxValidator.Validate<TFunction>();

    /// <summary>As <see cref="ValidateForCuda{TFunction}()"/>, inferring the function type from an instance.</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">Any instance (only its type matters).</param>
    /// <returns>The report.</returns>
    public static PtxValidationReport ValidateForCuda<TFunction>(TFunction function)
        where TFunction : struct, IKernelFunction
        => PtxValidator.Validate<TFunction>();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            accelerator?.Synchronize();
            foreach (IDisposable b in hostBuffers.Values)
                b.Dispose();
            hostBuffers.Clear();
            foreach (MemoryBuffer b in placeholders)
                b.Dispose();
            placeholders.Clear();
            viewStatus?.Dispose();
            if (streams is not null)
                foreach (AcceleratorStream s in streams)
                    s.Dispose();
            kernels.Clear();
            accelerator?.Dispose();
            context?.Dispose();
        }
        cpu?.Dispose();
    }

    // ------------------------------------------------------------------ internals

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    internal static int ChooseLanes(int setting, Operation operation, int width) =>
        operation == Operation.Jvp ? 1 : setting != 0 ? setting : width <= 8 ? 8 : 16;

    internal static Type TangentsType(Type scalar, int lanes) => lanes switch
    {
        1 => typeof(KernelTangents1<>).MakeGenericType(scalar),
        8 => typeof(KernelTangents8<>).MakeGenericType(scalar),
        _ => typeof(KernelTangents16<>).MakeGenericType(scalar),
    };

    /// <summary>The kernel method for one combination, closed over its types (shared with the PTX validator).</summary>
    internal static MethodInfo KernelMethod(Type scalar, Type function, Operation operation, int lanes, bool check, bool full, int stride = 0)
    {
        bool wholePoint = typeof(IKernelPointFunction).IsAssignableFrom(function);
        Type seeds = (operation == Operation.Jacobian ? typeof(IdentitySeeds<>) : typeof(MatrixSeeds<>)).MakeGenericType(scalar);
        return typeof(Kernels<,,,,,>).MakeGenericType(scalar, scalar == typeof(double) ? typeof(DoubleScalar) : typeof(SingleScalar),
                TangentsType(scalar, lanes), seeds, check ? typeof(CheckedReads) : typeof(UncheckedReads), LayoutType(full, stride))
            .GetMethod(wholePoint ? "Points" : "Rows", BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(function);
    }

    /// <summary>The lane layout: partial, or full with the runtime stride, or full with a constant stride G ∈ {1, 2, 4, 8}
    /// (<paramref name="stride"/> 0 means the runtime stride).</summary>
    internal static Type LayoutType(bool full, int stride) => !full ? typeof(PartialLanes) : typeof(FullLanes<>).MakeGenericType(stride switch
    {
        1 => typeof(Stride1),
        2 => typeof(Stride2),
        4 => typeof(Stride4),
        8 => typeof(Stride8),
        _ => typeof(RuntimeStride),
    });

    /// <summary>The constant stride a full-lane launch with <paramref name="threads"/> threads per row compiles with (0: the
    /// runtime stride).</summary>
    internal static int ConstantStride(bool full, int threads) => full && threads is 1 or 2 or 4 or 8 ? threads : 0;

    /// <summary>Loads (compiling on first use) a kernel; call under <see cref="gate"/>.</summary>
    private Action<AcceleratorStream, KernelConfig, KernelArgs<T, TFunction, TSeeds>> GetKernel<T, TFunction, TSeeds>(Operation operation, int lanes, bool check, bool full, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        where TSeeds : struct, ISeeds<TSeeds, T>
    {
        var key = (operation, typeof(T), typeof(TFunction), lanes, check, full, stride);
        if (kernels.TryGetValue(key, out Delegate? cached))
            return (Action<AcceleratorStream, KernelConfig, KernelArgs<T, TFunction, TSeeds>>)cached;
        var watch = Stopwatch.StartNew();
        MethodInfo method = KernelMethod(typeof(T), typeof(TFunction), operation, lanes, check, full, stride);
        var kernel = accelerator!.LoadKernel<Action<AcceleratorStream, KernelConfig, KernelArgs<T, TFunction, TSeeds>>>(method);
        watch.Stop();
        CompileTime += watch.Elapsed;
        kernels.Add(key, kernel);
        logger.LogInformation("Compiled {Operation}<{Scalar}, {Function}> ({Lanes} lane(s), {Checked}) in {Milliseconds:F0} ms",
            operation, typeof(T).Name, typeof(TFunction).Name, lanes, (check ? "checked" : "unchecked") + (full ? ", full lanes" : "") + (stride > 0 ? $", stride {stride}" : ""), watch.Elapsed.TotalMilliseconds);
        return kernel;
    }

    /// <summary>What a batch launches (call under <see cref="gate"/>): lanes per thread for its operation and width, the
    /// kernel compiled for them (with index checks when <see cref="CheckIndices"/> is on now; <c>Check</c> says which), the
    /// lane threads per row, and the launch configuration with the points one launch can hold.</summary>
    private (Action<AcceleratorStream, KernelConfig, KernelArgs<T, TFunction, TSeeds>> Kernel, bool Check, int Threads, KernelConfig Config, int PointsPerLaunch)
        PrepareLaunch<T, TFunction, TSeeds>(in Shape s)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        where TSeeds : struct, ISeeds<TSeeds, T>
    {
        int lanes = ChooseLanes(lanesPerThread, s.Operation, s.Width);
        int threads = (s.Width + lanes - 1) / lanes;
        bool check = CheckIndices;
        bool wholePoint = typeof(IKernelPointFunction).IsAssignableFrom(typeof(TFunction));
        bool full = s.Width % lanes == 0;
        var kernel = GetKernel<T, TFunction, TSeeds>(s.Operation, lanes, check, full, ConstantStride(full, threads));
        var (config, perLaunch) = Configure(threads, wholePoint ? 1 : s.M, s.Count);
        return (kernel, check, threads, config, perLaunch);
    }

    /// <summary>Launch shape: group = (lane threads, rows, points) up to 256 threads, grid covers the rest.</summary>
    private (KernelConfig Config, int PointsPerLaunch) Configure(int threads, int rows, int points)
    {
        Index3D maxGroup = accelerator!.MaxGroupSize;
        Index3D maxGrid = accelerator.MaxGridSize;
        int budget = Math.Max(1, Math.Min(256, accelerator.MaxNumThreadsPerGroup));
        int gx = Math.Min(threads, Math.Min(maxGroup.X, budget));
        int gy = Math.Min(rows, Math.Min(maxGroup.Y, Math.Max(1, budget / gx)));
        int gz = Math.Min(points, Math.Min(maxGroup.Z, Math.Max(1, budget / (gx * gy))));
        long gridZ = (threads + (long)gx - 1) / gx, gridY = (rows + (long)gy - 1) / gy;
        if (gridZ > maxGrid.Z || gridY > maxGrid.Y)
            throw new ArgumentException($"The function's shape ({rows} output rows, {threads} threads per row) exceeds the accelerator's grid limits.");
        long perLaunch = Math.Min(points, (long)maxGrid.X * gz);
        long gridX = (Math.Min(points, perLaunch) + gz - 1) / gz;
        return (new KernelConfig(new Index3D((int)gridX, (int)gridY, (int)gridZ), new Index3D(gx, gy, gz)), (int)perLaunch);
    }

    private ArrayView<T> Placeholder<T>() where T : unmanaged
    {
        foreach (MemoryBuffer b in placeholders)
            if (b is MemoryBuffer1D<T, Stride1D.Dense> typed)
                return typed.View;
        var buffer = accelerator!.Allocate1D<T>(1);
        placeholders.Add(buffer);
        return buffer.View;
    }

    private ArrayView<int> ViewStatus()
    {
        viewStatus ??= accelerator!.Allocate1D<int>(KernelStatus.Length);
        return viewStatus.View;
    }

    /// <summary>Throws when a checked kernel reported a bad index (status copied to <see cref="statusHost"/>).</summary>
    private static void ThrowIfBadIndex<TFunction>(ReadOnlySpan<int> status, int n, int m, long firstPoint)
    {
        if (status[0] == 0)
            return;
        string where = $"point {firstPoint + status[3]}" + (status[2] >= 0 ? $", output row {status[2]}" : ", whole-point evaluation");
        throw status[0] == KernelStatus.BadRead
            ? new IndexOutOfRangeException($"{typeof(TFunction).Name} read input {status[1]} ({where}), outside [0, {n}): it has n = {n} inputs.")
            : new IndexOutOfRangeException($"{typeof(TFunction).Name} wrote output {status[1]} ({where}), outside [0, {m}): it has m = {m} outputs.");
    }
}
