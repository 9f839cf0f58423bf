using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Dual.Gpu;

/// <summary>
/// Batched forward-mode derivatives of an <see cref="IKernelFunction"/> as ILGPU kernels: JVPs, dense
/// Jacobians (row-major [P, m, n]) and Jacobian–matrix products (row-major [P, m, r]), in
/// <see cref="double"/> and <see cref="float"/>, on a CUDA GPU or ILGPU's CPU accelerator.
/// </summary>
/// <remarks>
/// <para>Kernels are compiled the first time a (operation, scalar, function type) triple is used and cached
/// for the engine's lifetime; <see cref="CompileTime"/> reports what that cost.</para>
/// <para>Host-array overloads copy the points in, launch, and copy the results out, in chunks of points
/// that fit <see cref="MemoryBudgetBytes"/>, and return when the results are on the host. Device-view
/// overloads (<see cref="ArrayView{T}"/> on this engine's <see cref="Accelerator"/>) leave data on the
/// device and return once the work is queued on the default stream: call <see cref="Synchronize"/> before
/// reading results.</para>
/// <para>Sizes are checked against the function's n and m before anything is launched. An engine is not
/// thread-safe: use one per thread, or lock.</para>
/// </remarks>
public sealed class JacobianEngine : IDisposable
{
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly TextWriter? log;
    private readonly Dictionary<(string Kind, Type Scalar, Type Function), Delegate> kernels = new();
    private readonly Dictionary<Type, MemoryBuffer> placeholders = new();
    private long memoryBudgetBytes;
    private bool disposed;

    /// <summary>Creates an engine on the accelerator <paramref name="preference"/> selects.</summary>
    /// <param name="preference">Auto (CUDA when present, else the CPU accelerator), Cuda, or Cpu.</param>
    /// <param name="log">Optional: receives the one-line selection message and kernel compile times.</param>
    /// <exception cref="InvalidOperationException"><see cref="AcceleratorPreference.Cuda"/> was asked for and no CUDA
    /// device is present.</exception>
    public JacobianEngine(AcceleratorPreference preference = AcceleratorPreference.Auto, TextWriter? log = null)
    {
        this.log = log;
        context = Context.Create(b => b.Default().EnableAlgorithms());
        try
        {
            var cuda = context.GetCudaDevices();
            string why;
            switch (preference)
            {
                case AcceleratorPreference.Cuda when cuda.Count == 0:
                    throw new InvalidOperationException("AcceleratorPreference.Cuda was requested but no CUDA device was found.");
                case AcceleratorPreference.Cuda:
                    accelerator = context.CreateCudaAccelerator(0);
                    why = "requested explicitly";
                    break;
                case AcceleratorPreference.Auto when cuda.Count > 0:
                    accelerator = context.CreateCudaAccelerator(0);
                    why = cuda.Count == 1 ? "CUDA device found" : $"{cuda.Count} CUDA devices found, using the first";
                    break;
                case AcceleratorPreference.Cpu:
                    accelerator = context.CreateCPUAccelerator(0);
                    why = "requested explicitly";
                    break;
                default:
                    accelerator = context.CreateCPUAccelerator(0);
                    why = "no CUDA device found";
                    break;
            }
            IsCuda = accelerator.AcceleratorType == AcceleratorType.Cuda;
            SelectionMessage = IsCuda
                ? $"Using CUDA accelerator '{accelerator.Name}' ({accelerator.MemorySize / (1L << 20)} MiB): {why}"
                : $"Using CPU accelerator: {why}";
            memoryBudgetBytes = IsCuda ? Math.Max(accelerator.MemorySize / 2, 1L << 20) : 256L << 20;
        }
        catch
        {
            context.Dispose();
            throw;
        }
        log?.WriteLine(SelectionMessage);
    }

    /// <summary>The ILGPU accelerator the engine launches on; allocate device buffers for the view overloads here.</summary>
    public Accelerator Accelerator
    {
        get
        {
            ThrowIfDisposed();
            return accelerator;
        }
    }

    /// <summary>Whether the engine runs on a CUDA device (else on ILGPU's CPU accelerator).</summary>
    public bool IsCuda { get; }

    /// <summary>One line saying which accelerator was picked and why, e.g. "Using CPU accelerator: no CUDA device found".</summary>
    public string SelectionMessage { get; }

    /// <summary>Device memory one host-array call may use for its point, seed and result buffers; larger
    /// batches are split into chunks of points and streamed. Default: half the device memory on CUDA,
    /// 256 MiB on the CPU accelerator. At least one point is processed per chunk whatever the budget.</summary>
    public long MemoryBudgetBytes
    {
        get => memoryBudgetBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1L);
            memoryBudgetBytes = value;
        }
    }

    /// <summary>Total time spent compiling kernels so far (the first-call cost; later calls reuse them).</summary>
    public TimeSpan CompileTime { get; private set; }

    /// <summary>How many kernels have been compiled and cached.</summary>
    public int CompiledKernelCount => kernels.Count;

    /// <summary>How many chunks (launches) the last operation was split into.</summary>
    public int LastChunkCount { get; private set; }

    /// <summary>Waits until all queued work on the accelerator has finished.</summary>
    public void Synchronize()
    {
        ThrowIfDisposed();
        accelerator.Synchronize();
    }

    // ------------------------------------------------------------------ dense Jacobians

    /// <summary>Dense Jacobians at P points: <paramref name="jacobians"/>[(p·m + i)·n + j] = ∂fᵢ/∂xⱼ at point p.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Optional: receives f at each point, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    public void Jacobians<T, TFunction>(TFunction function, T[] points, T[] jacobians, T[]? values = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(jacobians);
        var (n, m, count) = CheckJacobianSizes<T, TFunction>(function, points.Length, jacobians.Length, values?.Length);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetJacobianKernel<T, TFunction>();
        long perPoint = ((long)n + (long)m * n + (values is null ? 0 : m)) * Unsafe.SizeOf<T>();
        int chunk = ChunkPoints(count, perPoint, 0, (long)m * n);
        using var x = accelerator.Allocate1D<T>((long)chunk * n);
        using var jac = accelerator.Allocate1D<T>((long)chunk * m * n);
        using var val = values is null ? null : accelerator.Allocate1D<T>((long)chunk * m);
        ArrayView<T> valView = val is null ? Placeholder<T>() : val.View;
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            x.View.SubView(0, (long)pc * n).CopyFromCPU(ref points[(long)p0 * n], (long)pc * n);
            kernel(pc * m * n, function, x.View, jac.View, valView, new KernelShape(n, m, n, values is not null, false));
            jac.View.SubView(0, (long)pc * m * n).CopyToCPU(ref jacobians[(long)p0 * m * n], (long)pc * m * n);
            if (values is not null)
                val!.View.SubView(0, (long)pc * m).CopyToCPU(ref values[(long)p0 * m], (long)pc * m);
            LastChunkCount++;
        }
    }

    /// <summary>Dense Jacobians of points already on the device; see
    /// <see cref="Jacobians{T, TFunction}(TFunction, T[], T[], T[])"/> for the layout. Returns once queued.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n], on this engine's accelerator.</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Optional (pass <c>default</c> for none): receives f, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    public void Jacobians<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> jacobians, ArrayView<T> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        bool wantValues = values.IsValid && values.Length > 0;
        var (n, m, count) = CheckJacobianSizes<T, TFunction>(function, points.Length, jacobians.Length, wantValues ? values.Length : null);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetJacobianKernel<T, TFunction>();
        int chunk = ChunkPoints(count, long.MaxValue, 0, (long)m * n);
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            kernel(pc * m * n, function, points.SubView((long)p0 * n, (long)pc * n),
                jacobians.SubView((long)p0 * m * n, (long)pc * m * n),
                wantValues ? values.SubView((long)p0 * m, (long)pc * m) : Placeholder<T>(),
                new KernelShape(n, m, n, wantValues, false));
            LastChunkCount++;
        }
    }

    // ------------------------------------------------------------------ J·V

    /// <summary>Jacobian–matrix products J(xₚ)·V for one V (n×r, row-major):
    /// <paramref name="products"/>[(p·m + i)·r + c] = Σⱼ ∂fᵢ/∂xⱼ(xₚ)·V[j, c].</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="matrix">V, row-major [n, r].</param>
    /// <param name="columns">r ≥ 1.</param>
    /// <param name="products">Receives J·V, row-major [P, m, r].</param>
    /// <param name="values">Optional: receives f at each point, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m, r and P.</exception>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, T[] points, T[] matrix, int columns, T[] products, T[]? values = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(products);
        var (n, m, count) = CheckMatrixSizes<T, TFunction>(function, points.Length, matrix.Length, columns, products.Length, values?.Length);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetMatrixKernel<T, TFunction>();
        int r = columns;
        long perPoint = ((long)n + (long)m * r + (values is null ? 0 : m)) * Unsafe.SizeOf<T>();
        int chunk = ChunkPoints(count, perPoint, (long)n * r * Unsafe.SizeOf<T>(), (long)m * r);
        using var v = accelerator.Allocate1D(matrix);
        using var x = accelerator.Allocate1D<T>((long)chunk * n);
        using var prod = accelerator.Allocate1D<T>((long)chunk * m * r);
        using var val = values is null ? null : accelerator.Allocate1D<T>((long)chunk * m);
        ArrayView<T> valView = val is null ? Placeholder<T>() : val.View;
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            x.View.SubView(0, (long)pc * n).CopyFromCPU(ref points[(long)p0 * n], (long)pc * n);
            kernel(pc * m * r, function, x.View, v.View, prod.View, valView, new KernelShape(n, m, r, values is not null, false));
            prod.View.SubView(0, (long)pc * m * r).CopyToCPU(ref products[(long)p0 * m * r], (long)pc * m * r);
            if (values is not null)
                val!.View.SubView(0, (long)pc * m).CopyToCPU(ref values[(long)p0 * m], (long)pc * m);
            LastChunkCount++;
        }
    }

    /// <summary>J·V for points, V and results already on the device; see
    /// <see cref="JacobianTimesMatrix{T, TFunction}(TFunction, T[], T[], int, T[], T[])"/>. Returns once queued.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="matrix">V, row-major [n, r].</param>
    /// <param name="columns">r ≥ 1.</param>
    /// <param name="products">Receives J·V, row-major [P, m, r].</param>
    /// <param name="values">Optional (pass <c>default</c> for none): receives f, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m, r and P.</exception>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> matrix, int columns,
        ArrayView<T> products, ArrayView<T> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        bool wantValues = values.IsValid && values.Length > 0;
        var (n, m, count) = CheckMatrixSizes<T, TFunction>(function, points.Length, matrix.Length, columns, products.Length,
            wantValues ? values.Length : null);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetMatrixKernel<T, TFunction>();
        int r = columns;
        int chunk = ChunkPoints(count, long.MaxValue, 0, (long)m * r);
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            kernel(pc * m * r, function, points.SubView((long)p0 * n, (long)pc * n), matrix,
                products.SubView((long)p0 * m * r, (long)pc * m * r),
                wantValues ? values.SubView((long)p0 * m, (long)pc * m) : Placeholder<T>(),
                new KernelShape(n, m, r, wantValues, false));
            LastChunkCount++;
        }
    }

    // ------------------------------------------------------------------ JVPs

    /// <summary>Batched JVPs: f(xₚ) and J(xₚ)·vₚ for P points, with P tangents (length P·n) or one shared
    /// tangent (length n).</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="tangents">P tangents, row-major [P, n], or one tangent of length n used for every point.</param>
    /// <param name="values">Receives f, row-major [P, m].</param>
    /// <param name="jvps">Receives J·v, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    public void Jvp<T, TFunction>(TFunction function, T[] points, T[] tangents, T[] values, T[] jvps)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(tangents);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(jvps);
        var (n, m, count, shared) = CheckJvpSizes<T, TFunction>(function, points.Length, tangents.Length, values.Length, jvps.Length);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetJvpKernel<T, TFunction>();
        long perPoint = ((long)n * (shared ? 1 : 2) + 2L * m) * Unsafe.SizeOf<T>();
        int chunk = ChunkPoints(count, perPoint, shared ? (long)n * Unsafe.SizeOf<T>() : 0, m);
        using var x = accelerator.Allocate1D<T>((long)chunk * n);
        using var t = accelerator.Allocate1D<T>(shared ? n : (long)chunk * n);
        using var y = accelerator.Allocate1D<T>((long)chunk * m);
        using var jv = accelerator.Allocate1D<T>((long)chunk * m);
        if (shared)
            t.View.CopyFromCPU(ref tangents[0], n);
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            x.View.SubView(0, (long)pc * n).CopyFromCPU(ref points[(long)p0 * n], (long)pc * n);
            if (!shared)
                t.View.SubView(0, (long)pc * n).CopyFromCPU(ref tangents[(long)p0 * n], (long)pc * n);
            kernel(pc * m, function, x.View, t.View, y.View, jv.View, new KernelShape(n, m, 1, true, shared));
            y.View.SubView(0, (long)pc * m).CopyToCPU(ref values[(long)p0 * m], (long)pc * m);
            jv.View.SubView(0, (long)pc * m).CopyToCPU(ref jvps[(long)p0 * m], (long)pc * m);
            LastChunkCount++;
        }
    }

    /// <summary>Batched JVPs on the device; see <see cref="Jvp{T, TFunction}(TFunction, T[], T[], T[], T[])"/>.
    /// Returns once queued.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="tangents">[P, n], or one shared tangent of length n.</param>
    /// <param name="values">Receives f, row-major [P, m].</param>
    /// <param name="jvps">Receives J·v, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    public void Jvp<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> tangents, ArrayView<T> values, ArrayView<T> jvps)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        var (n, m, count, shared) = CheckJvpSizes<T, TFunction>(function, points.Length, tangents.Length, values.Length, jvps.Length);
        LastChunkCount = 0;
        if (count == 0)
            return;
        var kernel = GetJvpKernel<T, TFunction>();
        int chunk = ChunkPoints(count, long.MaxValue, 0, m);
        for (int p0 = 0; p0 < count; p0 += chunk)
        {
            int pc = Math.Min(chunk, count - p0);
            kernel(pc * m, function, points.SubView((long)p0 * n, (long)pc * n),
                shared ? tangents : tangents.SubView((long)p0 * n, (long)pc * n),
                values.SubView((long)p0 * m, (long)pc * m), jvps.SubView((long)p0 * m, (long)pc * m),
                new KernelShape(n, m, 1, true, shared));
            LastChunkCount++;
        }
    }

    // ------------------------------------------------------------------ MemoryBuffer1D.View forwarding

    /// <summary>As <see cref="Jacobians{T, TFunction}(TFunction, ArrayView{T}, ArrayView{T}, ArrayView{T})"/>, for the
    /// dense views <c>accelerator.Allocate1D</c> returns.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Optional (pass <c>default</c> for none): receives f, row-major [P, m].</param>
    public void Jacobians<T, TFunction>(TFunction function, ArrayView1D<T, Stride1D.Dense> points, ArrayView1D<T, Stride1D.Dense> jacobians,
        ArrayView1D<T, Stride1D.Dense> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => Jacobians(function, Contiguous(points), Contiguous(jacobians), Contiguous(values));

    /// <summary>As <see cref="JacobianTimesMatrix{T, TFunction}(TFunction, ArrayView{T}, ArrayView{T}, int, ArrayView{T}, ArrayView{T})"/>,
    /// for the dense views <c>accelerator.Allocate1D</c> returns.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="matrix">V, row-major [n, r].</param>
    /// <param name="columns">r ≥ 1.</param>
    /// <param name="products">Receives J·V, row-major [P, m, r].</param>
    /// <param name="values">Optional (pass <c>default</c> for none): receives f, row-major [P, m].</param>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, ArrayView1D<T, Stride1D.Dense> points, ArrayView1D<T, Stride1D.Dense> matrix,
        int columns, ArrayView1D<T, Stride1D.Dense> products, ArrayView1D<T, Stride1D.Dense> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => JacobianTimesMatrix(function, Contiguous(points), Contiguous(matrix), columns, Contiguous(products), Contiguous(values));

    /// <summary>As <see cref="Jvp{T, TFunction}(TFunction, ArrayView{T}, ArrayView{T}, ArrayView{T}, ArrayView{T})"/>, for the
    /// dense views <c>accelerator.Allocate1D</c> returns.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="tangents">[P, n], or one shared tangent of length n.</param>
    /// <param name="values">Receives f, row-major [P, m].</param>
    /// <param name="jvps">Receives J·v, row-major [P, m].</param>
    public void Jvp<T, TFunction>(TFunction function, ArrayView1D<T, Stride1D.Dense> points, ArrayView1D<T, Stride1D.Dense> tangents,
        ArrayView1D<T, Stride1D.Dense> values, ArrayView1D<T, Stride1D.Dense> jvps)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => Jvp(function, Contiguous(points), Contiguous(tangents), Contiguous(values), Contiguous(jvps));

    private static ArrayView<T> Contiguous<T>(ArrayView1D<T, Stride1D.Dense> view) where T : unmanaged
        => view.IsValid ? view.AsContiguous() : default;

    // ------------------------------------------------------------------ CUDA validation without a GPU

    /// <summary>
    /// Compiles every kernel the engine can launch for <typeparamref name="TFunction"/> (Jacobian, J·V, JVP; double
    /// and float) to PTX with ILGPU's PTX backend — no GPU needed — and checks the PTX for the two defects that
    /// only show on a real GPU: an unresolved <c>.extern .func</c> (a PTX JIT failure) and a <c>.func</c> that
    /// calls itself (an intrinsic compiled literally: infinite recursion, "illegal memory access").
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
        if (disposed)
            return;
        disposed = true;
        foreach (MemoryBuffer b in placeholders.Values)
            b.Dispose();
        placeholders.Clear();
        kernels.Clear();
        accelerator.Dispose();
        context.Dispose();
    }

    // ------------------------------------------------------------------ internals

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private static void CheckScalar<T>()
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
            throw new NotSupportedException($"The GPU engine supports double and float, not {typeof(T).Name}.");
    }

    private (int N, int M) CheckFunction<T, TFunction>(TFunction function) where TFunction : struct, IKernelFunction
    {
        ThrowIfDisposed();
        CheckScalar<T>();
        int n = function.InputCount, m = function.OutputCount;
        if (n < 1 || m < 1)
            throw new ArgumentException($"The function must have n ≥ 1 inputs and m ≥ 1 outputs; it has n = {n}, m = {m}.", nameof(function));
        return (n, m);
    }

    private static int PointCount(long pointsLength, int n)
    {
        if (pointsLength % n != 0)
            throw new ArgumentException($"points has length {pointsLength}, which is not a multiple of n = {n}.", "points");
        long count = pointsLength / n;
        if (count > int.MaxValue)
            throw new ArgumentException($"points holds {count} points; at most {int.MaxValue} per call.", "points");
        return (int)count;
    }

    private static void CheckLength(long actual, long expected, string name, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has length {actual}; expected {expected} ({what}).", name);
    }

    private (int N, int M, int Count) CheckJacobianSizes<T, TFunction>(TFunction function, long points, long jacobians, long? values)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        int count = PointCount(points, n);
        CheckLength(jacobians, (long)count * m * n, "jacobians", $"P·m·n = {count}·{m}·{n}");
        if (values is long v)
            CheckLength(v, (long)count * m, "values", $"P·m = {count}·{m}");
        return (n, m, count);
    }

    private (int N, int M, int Count) CheckMatrixSizes<T, TFunction>(TFunction function, long points, long matrix, int columns,
        long products, long? values)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        if (columns < 1)
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "V must have at least one column.");
        int count = PointCount(points, n);
        CheckLength(matrix, (long)n * columns, "matrix", $"n·r = {n}·{columns}");
        CheckLength(products, (long)count * m * columns, "products", $"P·m·r = {count}·{m}·{columns}");
        if (values is long v)
            CheckLength(v, (long)count * m, "values", $"P·m = {count}·{m}");
        return (n, m, count);
    }

    private (int N, int M, int Count, bool Shared) CheckJvpSizes<T, TFunction>(TFunction function, long points, long tangents,
        long values, long jvps)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        int count = PointCount(points, n);
        bool shared = tangents == n && count != 1;
        if (tangents != (long)count * n && tangents != n)
            throw new ArgumentException($"tangents has length {tangents}; expected P·n = {count}·{n} or one shared tangent of n = {n}.", nameof(tangents));
        CheckLength(values, (long)count * m, "values", $"P·m = {count}·{m}");
        CheckLength(jvps, (long)count * m, "jvps", $"P·m = {count}·{m}");
        return (n, m, count, shared);
    }

    /// <summary>Points per chunk: within the budget (after <paramref name="fixedBytes"/>), at least one, and few
    /// enough that a launch's thread count fits an <see cref="int"/>.</summary>
    private int ChunkPoints(int count, long bytesPerPoint, long fixedBytes, long threadsPerPoint)
    {
        long byBudget = bytesPerPoint == long.MaxValue ? count : Math.Max(1, (memoryBudgetBytes - fixedBytes) / bytesPerPoint);
        long byIndex = Math.Max(1, int.MaxValue / threadsPerPoint);
        if (threadsPerPoint > int.MaxValue)
            throw new ArgumentException($"One point needs {threadsPerPoint} threads; at most {int.MaxValue} per launch.");
        return (int)Math.Min(count, Math.Min(byBudget, byIndex));
    }

    private ArrayView<T> Placeholder<T>() where T : unmanaged
    {
        if (!placeholders.TryGetValue(typeof(T), out MemoryBuffer? buffer))
        {
            buffer = accelerator.Allocate1D<T>(1);
            placeholders.Add(typeof(T), buffer);
        }
        return ((MemoryBuffer1D<T, Stride1D.Dense>)buffer).View;
    }

    private TDelegate GetKernel<TDelegate>(string kind, Type scalar, Type function, Func<TDelegate> load) where TDelegate : Delegate
    {
        if (kernels.TryGetValue((kind, scalar, function), out Delegate? cached))
            return (TDelegate)cached;
        var watch = Stopwatch.StartNew();
        TDelegate kernel = load();
        watch.Stop();
        CompileTime += watch.Elapsed;
        kernels.Add((kind, scalar, function), kernel);
        log?.WriteLine($"Compiled {kind}<{scalar.Name}, {function.Name}> in {watch.Elapsed.TotalMilliseconds:F0} ms");
        return kernel;
    }

    private Action<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape> GetJacobianKernel<T, TFunction>()
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => GetKernel("Jacobian", typeof(T), typeof(TFunction), () =>
            accelerator.LoadAutoGroupedStreamKernel<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape>(
                Kernels.Jacobian<T, TFunction>));

    private Action<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape> GetMatrixKernel<T, TFunction>()
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => GetKernel("JacobianMatrix", typeof(T), typeof(TFunction), () =>
            accelerator.LoadAutoGroupedStreamKernel<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape>(
                Kernels.JacobianMatrix<T, TFunction>));

    private Action<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape> GetJvpKernel<T, TFunction>()
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        => GetKernel("Jvp", typeof(T), typeof(TFunction), () =>
            accelerator.LoadAutoGroupedStreamKernel<Index1D, TFunction, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, KernelShape>(
                Kernels.Jvp<T, TFunction>));
}
