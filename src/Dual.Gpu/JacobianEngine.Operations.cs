using System.Runtime.InteropServices;
using System.Threading;
using ILGPU.Runtime;

namespace Dual.Gpu;

public sealed partial class JacobianEngine
{
    /// <summary>One batch: the operation and its sizes. Width is n (Jacobian), r (J·V) or 1 (JVP); SeedStride the
    /// per-point seeds (n for per-point JVP tangents, else 0); SharedSeeds the seeds shared by all points (V: n·r, or one
    /// tangent: n).</summary>
    private readonly record struct Shape(Operation Operation, int N, int M, int Width, int Count, long SeedStride, long SharedSeeds, bool Values);

    // ------------------------------------------------------------------ dense Jacobians

    /// <summary>Dense Jacobians at P points: <paramref name="jacobians"/>[(p·m + i)·n + j] = ∂fᵢ/∂xⱼ at point p.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Optional (null for none): receives f at each point, row-major [P, m].</param>
    /// <param name="cancellationToken">Checked between chunks of points; on cancellation the outputs are partly written.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    /// <exception cref="IndexOutOfRangeException">The function read an input outside [0, n) (see <see cref="CheckIndices"/>).</exception>
    public void Jacobians<T, TFunction>(TFunction function, T[] points, T[] jacobians, T[]? values = null,
        CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(jacobians);
        Shape s = JacobianShape<T, TFunction>(function, points.Length, jacobians.Length, values?.Length);
        Host(s, function, points, default, jacobians, values, cancellationToken, progress);
    }

    /// <summary>As <see cref="Jacobians{T, TFunction}(TFunction, T[], T[], T[], CancellationToken, IProgress{BatchProgress})"/>
    /// for spans; an empty <paramref name="values"/> means none.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Receives f, row-major [P, m], or empty for none.</param>
    /// <param name="cancellationToken">Checked between chunks of points.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    public void Jacobians<T, TFunction>(TFunction function, ReadOnlySpan<T> points, Span<T> jacobians, Span<T> values = default,
        CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = JacobianShape<T, TFunction>(function, points.Length, jacobians.Length, values.IsEmpty ? null : values.Length);
        Host(s, function, points, default, jacobians, values, cancellationToken, progress);
    }

    /// <summary>Dense Jacobians of points already on the device; see
    /// <see cref="Jacobians{T, TFunction}(TFunction, T[], T[], T[], CancellationToken, IProgress{BatchProgress})"/> for the
    /// layout. Returns once queued (once done when <see cref="CheckIndices"/> is on).</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n], on this engine's accelerator.</param>
    /// <param name="jacobians">Receives the Jacobians, row-major [P, m, n].</param>
    /// <param name="values">Optional (<c>default</c> for none): receives f, row-major [P, m]; a valid view must have length P·m.</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P, or a view belongs to another accelerator.</exception>
    public void Jacobians<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> jacobians, ArrayView<T> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = JacobianShape<T, TFunction>(function, points.Length, jacobians.Length, Given(values) ? values.Length : null);
        OnDevice<T, TFunction, IdentitySeeds<T>>(s, function, points, default, jacobians, values,
            (points, nameof(points)), (jacobians, nameof(jacobians)), (values, nameof(values)));
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
    /// <param name="values">Optional (null for none): receives f at each point, row-major [P, m].</param>
    /// <param name="cancellationToken">Checked between chunks of points.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    /// <exception cref="ArgumentException">A length does not fit n, m, r and P.</exception>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, T[] points, T[] matrix, int columns, T[] products, T[]? values = null,
        CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(products);
        Shape s = MatrixShape<T, TFunction>(function, points.Length, matrix.Length, columns, products.Length, values?.Length);
        Host(s, function, points, matrix, products, values, cancellationToken, progress);
    }

    /// <summary>As <see cref="JacobianTimesMatrix{T, TFunction}(TFunction, T[], T[], int, T[], T[], CancellationToken, IProgress{BatchProgress})"/>
    /// for spans; an empty <paramref name="values"/> means none.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="matrix">V, row-major [n, r].</param>
    /// <param name="columns">r ≥ 1.</param>
    /// <param name="products">Receives J·V, row-major [P, m, r].</param>
    /// <param name="values">Receives f, row-major [P, m], or empty for none.</param>
    /// <param name="cancellationToken">Checked between chunks of points.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, ReadOnlySpan<T> points, ReadOnlySpan<T> matrix, int columns, Span<T> products,
        Span<T> values = default, CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = MatrixShape<T, TFunction>(function, points.Length, matrix.Length, columns, products.Length, values.IsEmpty ? null : values.Length);
        Host(s, function, points, matrix, products, values, cancellationToken, progress);
    }

    /// <summary>J·V for points, V and results already on the device; see
    /// <see cref="JacobianTimesMatrix{T, TFunction}(TFunction, T[], T[], int, T[], T[], CancellationToken, IProgress{BatchProgress})"/>.
    /// Returns once queued (once done when <see cref="CheckIndices"/> is on).</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="matrix">V, row-major [n, r].</param>
    /// <param name="columns">r ≥ 1.</param>
    /// <param name="products">Receives J·V, row-major [P, m, r].</param>
    /// <param name="values">Optional (<c>default</c> for none): receives f, row-major [P, m]; a valid view must have length P·m.</param>
    /// <exception cref="ArgumentException">A length does not fit n, m, r and P, or a view belongs to another accelerator.</exception>
    public void JacobianTimesMatrix<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> matrix, int columns,
        ArrayView<T> products, ArrayView<T> values = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = MatrixShape<T, TFunction>(function, points.Length, matrix.Length, columns, products.Length, Given(values) ? values.Length : null);
        OnDevice<T, TFunction, MatrixSeeds<T>>(s, function, points, matrix, products, values,
            (points, nameof(points)), (matrix, nameof(matrix)), (products, nameof(products)), (values, nameof(values)));
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
    /// <param name="cancellationToken">Checked between chunks of points.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P.</exception>
    public void Jvp<T, TFunction>(TFunction function, T[] points, T[] tangents, T[] values, T[] jvps,
        CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(tangents);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(jvps);
        Jvp(function, (ReadOnlySpan<T>)points, tangents, values, jvps, cancellationToken, progress);
    }

    /// <summary>As <see cref="Jvp{T, TFunction}(TFunction, T[], T[], T[], T[], CancellationToken, IProgress{BatchProgress})"/> for spans.</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="tangents">[P, n], or one shared tangent of length n.</param>
    /// <param name="values">Receives f, row-major [P, m].</param>
    /// <param name="jvps">Receives J·v, row-major [P, m].</param>
    /// <param name="cancellationToken">Checked between chunks of points.</param>
    /// <param name="progress">Optional: told after each chunk how many points are done.</param>
    public void Jvp<T, TFunction>(TFunction function, ReadOnlySpan<T> points, ReadOnlySpan<T> tangents, Span<T> values, Span<T> jvps,
        CancellationToken cancellationToken = default, IProgress<BatchProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = JvpShape<T, TFunction>(function, points.Length, tangents.Length, values.Length, jvps.Length);
        Host(s, function, points, tangents, jvps, values, cancellationToken, progress);
    }

    /// <summary>Batched JVPs on the device; see
    /// <see cref="Jvp{T, TFunction}(TFunction, T[], T[], T[], T[], CancellationToken, IProgress{BatchProgress})"/>.
    /// Returns once queued (once done when <see cref="CheckIndices"/> is on).</summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function ℝⁿ → ℝᵐ.</param>
    /// <param name="points">P points, row-major [P, n].</param>
    /// <param name="tangents">[P, n], or one shared tangent of length n.</param>
    /// <param name="values">Receives f, row-major [P, m].</param>
    /// <param name="jvps">Receives J·v, row-major [P, m].</param>
    /// <exception cref="ArgumentException">A length does not fit n, m and P, or a view belongs to another accelerator.</exception>
    public void Jvp<T, TFunction>(TFunction function, ArrayView<T> points, ArrayView<T> tangents, ArrayView<T> values, ArrayView<T> jvps)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        Shape s = JvpShape<T, TFunction>(function, points.Length, tangents.Length, values.Length, jvps.Length);
        if (s.Count > 0 && !Given(values))
            throw new ArgumentException("values must be a device view of length P·m.", nameof(values));
        OnDevice<T, TFunction, MatrixSeeds<T>>(s, function, points, tangents, jvps, values,
            (points, nameof(points)), (tangents, nameof(tangents)), (values, nameof(values)), (jvps, nameof(jvps)));
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
        => ((IArrayView)view).Buffer is null ? default : view.AsContiguous();

    /// <summary>Whether a view was passed at all: <c>default</c> means none, while an empty view of a buffer is a view of
    /// length 0 (ILGPU's <c>IsValid</c> is false for both).</summary>
    private static bool Given<T>(ArrayView<T> view) where T : unmanaged => ((IArrayView)view).Buffer is not null;

    // ------------------------------------------------------------------ size checks (before anything is compiled or launched)

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

    // Callers test the length first, so the message (an interpolated string) is only built for the error.
    private static ArgumentException LengthError(long actual, long expected, string name, string what) =>
        new($"{name} has length {actual}; expected {expected} ({what}).", name);

    private Shape JacobianShape<T, TFunction>(TFunction function, long points, long jacobians, long? values)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        int count = PointCount(points, n);
        if (jacobians != (long)count * m * n) throw LengthError(jacobians, (long)count * m * n, "jacobians", $"P·m·n = {count}·{m}·{n}");
        if (values is long v)
            if (v != (long)count * m) throw LengthError(v, (long)count * m, "values", $"P·m = {count}·{m}");
        return new Shape(Operation.Jacobian, n, m, n, count, 0, 0, values is not null);
    }

    private Shape MatrixShape<T, TFunction>(TFunction function, long points, long matrix, int columns, long products, long? values)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        if (columns < 1)
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "V must have at least one column.");
        int count = PointCount(points, n);
        if (matrix != (long)n * columns) throw LengthError(matrix, (long)n * columns, "matrix", $"n·r = {n}·{columns}");
        if (products != (long)count * m * columns) throw LengthError(products, (long)count * m * columns, "products", $"P·m·r = {count}·{m}·{columns}");
        if (values is long v)
            if (v != (long)count * m) throw LengthError(v, (long)count * m, "values", $"P·m = {count}·{m}");
        return new Shape(Operation.Matrix, n, m, columns, count, 0, (long)n * columns, values is not null);
    }

    private Shape JvpShape<T, TFunction>(TFunction function, long points, long tangents, long values, long jvps)
        where TFunction : struct, IKernelFunction
    {
        var (n, m) = CheckFunction<T, TFunction>(function);
        int count = PointCount(points, n);
        bool shared = tangents == n && count != 1;
        if (tangents != (long)count * n && tangents != n)
            throw new ArgumentException($"tangents has length {tangents}; expected P·n = {count}·{n} or one shared tangent of n = {n}.", nameof(tangents));
        if (values != (long)count * m) throw LengthError(values, (long)count * m, "values", $"P·m = {count}·{m}");
        if (jvps != (long)count * m) throw LengthError(jvps, (long)count * m, "jvps", $"P·m = {count}·{m}");
        return new Shape(Operation.Jvp, n, m, 1, count, shared ? 0 : n, shared ? n : 0, true);
    }

    // ------------------------------------------------------------------ host buffers in and out

    private void Host<T, TFunction>(in Shape s, TFunction function, ReadOnlySpan<T> points, ReadOnlySpan<T> seeds, Span<T> output, Span<T> values,
        CancellationToken cancellationToken, IProgress<BatchProgress>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        if (s.Count == 0)
        {
            LastChunkCount = 0;
            return;
        }
        if (cpu is not null)
        {
            OnCpu(s, function, points, seeds, output, values, cancellationToken, progress);
            LastChunkCount = 1;
            return;
        }
        if (s.Operation == Operation.Jacobian)
            Stream<T, TFunction, IdentitySeeds<T>>(s, function, points, seeds, output, values, cancellationToken, progress);
        else
            Stream<T, TFunction, MatrixSeeds<T>>(s, function, points, seeds, output, values, cancellationToken, progress);
    }

    private unsafe void OnCpu<T, TFunction>(in Shape s, TFunction function, ReadOnlySpan<T> points, ReadOnlySpan<T> seeds, Span<T> output, Span<T> values,
        CancellationToken cancellationToken, IProgress<BatchProgress>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        ThrowIfDisposed();
        fixed (T* x = points, v = seeds, o = output, y = values)
        {
            var request = new CpuRequest<T>
            {
                Operation = s.Operation,
                X = x,
                Seeds = v,
                Output = o,
                Values = s.Values ? y : null,
                N = s.N,
                M = s.M,
                Width = s.Width,
                Count = s.Count,
                SeedStride = s.SeedStride,
                Token = cancellationToken,
                Progress = progress,
            };
            CpuDispatch<T, TFunction>.Run(cpu!, function, request);
        }
    }

    /// <summary>Streams chunks through the engine's buffers: chunk c is staged, copied in, computed and copied out on
    /// stream c mod 2 while the host drains chunk c − 1 into the caller's buffers.</summary>
    private void Stream<T, TFunction, TSeeds>(in Shape s, TFunction function, ReadOnlySpan<T> points, ReadOnlySpan<T> seeds, Span<T> output,
        Span<T> values, CancellationToken cancellationToken, IProgress<BatchProgress>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        where TSeeds : struct, ISeeds<TSeeds, T>
    {
        lock (gate)
        {
            ThrowIfDisposed();
            Accelerator acc = accelerator!;
            var (kernel, check, threads, config, perLaunch) = PrepareLaunch<T, TFunction, TSeeds>(s);
            long size = Unsafe.SizeOf<T>();
            long perPoint = (s.N + s.SeedStride + (long)s.M * s.Width + (s.Values ? s.M : 0)) * size;
            long byBudget = Math.Max(1, (memoryBudgetBytes - s.SharedSeeds * size) / 2 / perPoint);
            int chunk = (int)Math.Min(Math.Min(s.Count, perLaunch), byBudget);
            var buffers = Buffers<T>();
            buffers.Ensure(acc, (long)chunk * s.N, Math.Max(1, chunk * s.SeedStride), (long)chunk * s.M * s.Width, s.Values ? (long)chunk * s.M : 1, s.SharedSeeds);
            CachedDeviceBytes = DeviceBytes();
            streams ??= new[] { acc.CreateStream(), acc.CreateStream() };
            if (s.SharedSeeds > 0)
                buffers.Shared!.View.SubView(0, s.SharedSeeds).CopyFromCPU(ref MemoryMarshal.GetReference(seeds), s.SharedSeeds);
            int chunks = (int)((s.Count + (long)chunk - 1) / chunk);
            int n = s.N, m = s.M, w = s.Width;
            LastChunkCount = 0;
            try
            {
                for (int c = 0; c <= chunks; c++)
                {
                    if (c < chunks)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        HostBuffers<T>.Slot b = buffers.Slots[c & 1];
                        AcceleratorStream stream = streams[c & 1];
                        long p0 = (long)c * chunk;
                        int pc = (int)Math.Min(chunk, s.Count - p0);
                        points.Slice((int)(p0 * n), pc * n).CopyTo(b.StageX!.Span);
                        b.X!.View.SubView(0, (long)pc * n).CopyFrom(stream, b.StageX.ArrayView.SubView(0, (long)pc * n));
                        ArrayView<T> seedView = Placeholder<T>();
                        if (s.SharedSeeds > 0)
                            seedView = buffers.Shared!.View;
                        else if (s.SeedStride > 0)
                        {
                            long len = pc * s.SeedStride;
                            seeds.Slice((int)(p0 * s.SeedStride), (int)len).CopyTo(b.StageSeeds!.Span);
                            b.Seeds!.View.SubView(0, len).CopyFrom(stream, b.StageSeeds.ArrayView.SubView(0, len));
                            seedView = b.Seeds.View;
                        }
                        if (check)
                            b.Status!.View.MemSetToZero(stream);
                        var args = new KernelArgs<T, TFunction, TSeeds>(function, b.X.View, b.Output!.View, s.Values ? b.Values!.View : Placeholder<T>(),
                            b.Status!.View, TSeeds.Create(seedView, s.SeedStride, w), n, m, w, threads, pc, s.Values);
                        kernel(stream, WithPoints(config, pc), args);
                        long outLength = (long)pc * m * w;
                        b.Output.View.SubView(0, outLength).CopyTo(stream, b.StageOutput!.ArrayView.SubView(0, outLength));
                        if (s.Values)
                            b.Values!.View.SubView(0, (long)pc * m).CopyTo(stream, b.StageValues!.ArrayView.SubView(0, (long)pc * m));
                        if (check)
                            b.Status.View.CopyTo(stream, b.StageStatus!.ArrayView);
                    }
                    if (c >= 1)
                    {
                        int d = c - 1;
                        HostBuffers<T>.Slot b = buffers.Slots[d & 1];
                        streams[d & 1].Synchronize();
                        long p0 = (long)d * chunk;
                        int pc = (int)Math.Min(chunk, s.Count - p0);
                        if (check)
                            ThrowIfBadIndex<TFunction>(b.StageStatus!.Span, n, m, p0);
                        b.StageOutput!.Span.Slice(0, pc * m * w).CopyTo(output.Slice((int)(p0 * m * w), pc * m * w));
                        if (s.Values)
                            b.StageValues!.Span.Slice(0, pc * m).CopyTo(values.Slice((int)(p0 * m), pc * m));
                        LastChunkCount++;
                        progress?.Report(new BatchProgress(p0 + pc, s.Count));
                    }
                }
            }
            catch
            {
                acc.Synchronize();
                throw;
            }
        }
    }

    private static KernelConfig WithPoints(KernelConfig config, int points) =>
        new(new Index3D((points + config.GroupDim.Z - 1) / config.GroupDim.Z, config.GridDim.Y, config.GridDim.Z), config.GroupDim);

    private HostBuffers<T> Buffers<T>() where T : unmanaged
    {
        if (!hostBuffers.TryGetValue(typeof(T), out IDisposable? b))
        {
            b = new HostBuffers<T>();
            hostBuffers.Add(typeof(T), b);
        }
        return (HostBuffers<T>)b;
    }

    private long DeviceBytes()
    {
        long bytes = 0;
        foreach (IDisposable b in hostBuffers.Values)
            bytes += b switch { HostBuffers<double> d => d.DeviceBytes, HostBuffers<float> f => f.DeviceBytes, _ => 0 };
        return bytes;
    }

    // ------------------------------------------------------------------ device views

    private void OnDevice<T, TFunction, TSeeds>(in Shape s, TFunction function, ArrayView<T> points, ArrayView<T> seeds, ArrayView<T> output,
        ArrayView<T> values, params (ArrayView<T> View, string Name)[] views)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
        where TSeeds : struct, ISeeds<TSeeds, T>
    {
        Accelerator acc = Accelerator;
        foreach (var (view, name) in views)
        {
            MemoryBuffer? buffer = ((IArrayView)view).Buffer;
            if (buffer is not null && !ReferenceEquals(buffer.Accelerator, acc))
                throw new ArgumentException($"{name} is a view on another accelerator ({buffer.Accelerator.Name}, not this engine's): allocate it on engine.Accelerator.", name);
        }
        LastChunkCount = 0;
        if (s.Count == 0)
            return;
        lock (gate)
        {
            ThrowIfDisposed();
            var (kernel, check, threads, config, perLaunch) = PrepareLaunch<T, TFunction, TSeeds>(s);
            ArrayView<int> status = ViewStatus();
            int n = s.N, m = s.M, w = s.Width;
            for (long p0 = 0; p0 < s.Count; p0 += perLaunch)
            {
                int pc = (int)Math.Min(perLaunch, s.Count - p0);
                if (check)
                    status.MemSetToZero(acc.DefaultStream);
                ArrayView<T> seedView = s.SharedSeeds > 0 ? seeds : s.SeedStride > 0 ? seeds.SubView(p0 * s.SeedStride, pc * s.SeedStride) : Placeholder<T>();
                var args = new KernelArgs<T, TFunction, TSeeds>(function, points.SubView(p0 * n, (long)pc * n), output.SubView(p0 * m * w, (long)pc * m * w),
                    s.Values ? values.SubView(p0 * m, (long)pc * m) : Placeholder<T>(), status, TSeeds.Create(seedView, s.SeedStride, w),
                    n, m, w, threads, pc, s.Values);
                kernel(acc.DefaultStream, WithPoints(config, pc), args);
                LastChunkCount++;
                if (check)
                {
                    acc.DefaultStream.Synchronize();
                    status.CopyToCPU(ref statusHost[0], KernelStatus.Length);
                    ThrowIfBadIndex<TFunction>(statusHost, n, m, p0);
                }
            }
        }
    }
}
