namespace Dual;

public static partial class AutoDiff
{
    /// <summary>
    /// The sparsity pattern of the Jacobian of f: ℝⁿ → ℝᵐ, found by running f once on a tracer number that carries
    /// the set of inputs each value depends on (docs/sparse.md lists the rules).
    /// </summary>
    /// <typeparam name="T">The scalar type f will be differentiated at.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">A point (length n): its values matter only for <see cref="SparsityDetection.Local"/>.</param>
    /// <param name="outputLength">m.</param>
    /// <param name="detection">Global (valid for every x; branches on inputs throw) or local (valid at x).</param>
    /// <returns>The m×n pattern: (i, j) when output i depends on input j.</returns>
    /// <exception cref="SparsityDetectionException">Global detection met a branch on an input-dependent value.</exception>
    public static SparsityPattern JacobianSparsity<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength, SparsityDetection detection = SparsityDetection.Global)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        return SparsityDetector.Jacobian(f, x, outputLength, detection);
    }

    /// <summary>
    /// The sparsity pattern of the Hessian of f: ℝⁿ → ℝ: the pairs of inputs that interact (a product, a nonlinear
    /// function of both), found by one run on a tracer number. Symmetric; a diagonal entry only when f is nonlinear
    /// in that input alone (x·y gives (x, y) and (y, x), not (x, x)).
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">A point (length n): its values matter only for <see cref="SparsityDetection.Local"/>.</param>
    /// <param name="detection">Global or local.</param>
    /// <returns>The n×n symmetric pattern.</returns>
    /// <exception cref="SparsityDetectionException">Global detection met a branch on an input-dependent value.</exception>
    public static SparsityPattern HessianSparsity<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityDetection detection = SparsityDetection.Global)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        => SparsityDetector.Hessian(f, x, detection);

    /// <summary>
    /// The sparse Jacobian of f at x: detects the pattern, colours its columns and evaluates in ⌈colours/k⌉ chunked
    /// passes. For repeated evaluations use <see cref="PrepareSparseJacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, int, SparsityDetection, ColoringOrder, int)"/>.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="outputLength">m.</param>
    /// <param name="detection">Global (the default) or local pattern detection.</param>
    /// <returns>J in CSR form.</returns>
    public static SparseJacobian<T> SparseJacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength, SparsityDetection detection = SparsityDetection.Global)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        // Detected and evaluated at the same x: valid even where the pattern depends on branches.
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        PreparedSparseJacobian<T, TFunction> prepared = PrepareJacobianCore(f, x, SparsityDetector.Jacobian(f, x, outputLength, detection), ColoringOrder.Best, 0);
        SparseJacobian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, new T[outputLength], result);
        return result;
    }

    /// <summary>The sparse Jacobian of f at x with a known pattern (no detection).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="pattern">The m×n pattern; it must contain every entry that can be non-zero.</param>
    /// <returns>J in CSR form.</returns>
    /// <exception cref="ArgumentException">The pattern does not have n columns, or it came from a local detection that met a
    /// branch (<see cref="SparsityPattern.DependsOnBranches"/>: valid only at its own detection point).</exception>
    public static SparseJacobian<T> SparseJacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        PreparedSparseJacobian<T, TFunction> prepared = PrepareSparseJacobian(f, x, pattern);
        SparseJacobian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, new T[pattern.RowCount], result);
        return result;
    }

    /// <summary>
    /// Prepares repeated sparse Jacobians of f: detects the pattern at x, colours the columns, and allocates the work
    /// arrays once; <see cref="PreparedSparseJacobian{T, TFunction}.Evaluate(ReadOnlySpan{T}, Span{T}, SparseJacobian{T})"/> then allocates nothing.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function (kept by the preparation).</param>
    /// <param name="x">A point (length n); with local detection, the point the pattern is valid at.</param>
    /// <param name="outputLength">m.</param>
    /// <param name="detection">Global (the default) or local pattern detection.</param>
    /// <param name="order">The colouring's vertex order; <see cref="ColoringOrder.Best"/> (the default) tries them all.</param>
    /// <param name="chunkSize">Tangents per pass: 0 picks the smallest supported size ≥ the colour count, up to 16; else 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="SparsityDetectionException">Global detection met a branch on an input-dependent value.</exception>
    /// <exception cref="ArgumentException">Local detection met a branch on an input-dependent value, so the pattern holds only
    /// where the function branches as at x (<see cref="SparsityPattern.DependsOnBranches"/>).</exception>
    public static PreparedSparseJacobian<T, TFunction> PrepareSparseJacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength,
        SparsityDetection detection = SparsityDetection.Global, ColoringOrder order = ColoringOrder.Best, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        SparsityPattern pattern = SparsityDetector.Jacobian(f, x, outputLength, detection);
        SparseChecks.NotBranchDependent(pattern, nameof(detection));
        return PrepareJacobianCore(f, x, pattern, order, chunkSize);
    }

    /// <summary>Prepares repeated sparse Jacobians of f with a known pattern (no detection), e.g. one a generator or
    /// the caller knows; see <see cref="PrepareSparseJacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, int, SparsityDetection, ColoringOrder, int)"/>.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function (kept by the preparation).</param>
    /// <param name="x">A point (only its length n is used).</param>
    /// <param name="pattern">The m×n pattern; it must contain every entry that can be non-zero.</param>
    /// <param name="order">The colouring's vertex order.</param>
    /// <param name="chunkSize">Tangents per pass: 0 (automatic), 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="ArgumentException">The pattern does not have n columns, or it came from a local detection that met a
    /// branch (<see cref="SparsityPattern.DependsOnBranches"/>).</exception>
    public static PreparedSparseJacobian<T, TFunction> PrepareSparseJacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern,
        ColoringOrder order = ColoringOrder.Best, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        ArgumentNullException.ThrowIfNull(pattern);
        SparseChecks.NotBranchDependent(pattern, nameof(pattern));
        return PrepareJacobianCore(f, x, pattern, order, chunkSize);
    }

    private static PreparedSparseJacobian<T, TFunction> PrepareJacobianCore<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern,
        ColoringOrder order, int chunkSize)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        SparseChecks.PatternColumns(pattern, x.Length, nameof(pattern));
        Coloring coloring = GraphColoring.ColumnColoring(pattern, order);
        int k = ResolveChunkSize(chunkSize, coloring.ColorCount);
        return new PreparedSparseJacobian<T, TFunction>(f, pattern, coloring, k);
    }

    /// <summary>
    /// The sparse Hessian of f at x: detects the pattern, star-colours it and evaluates forward over forward on the
    /// coloured seeds. For repeated evaluations use <see cref="PrepareSparseHessian{T, TFunction}(TFunction, ReadOnlySpan{T}, SparsityDetection, ColoringOrder, int)"/>.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="detection">Global (the default) or local pattern detection.</param>
    /// <returns>H in CSR form (both triangles).</returns>
    public static SparseHessian<T> SparseHessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityDetection detection = SparsityDetection.Global)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        // Detected and evaluated at the same x: valid even where the pattern depends on branches.
        PreparedSparseHessian<T, TFunction> prepared = PrepareHessianCore(f, x, SparsityDetector.Hessian(f, x, detection), ColoringOrder.Best, 0);
        SparseHessian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, result);
        return result;
    }

    /// <summary>The sparse Hessian of f at x with a known symmetric pattern (no detection).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="pattern">The n×n symmetric pattern; it must contain every entry that can be non-zero.</param>
    /// <returns>H in CSR form.</returns>
    /// <exception cref="ArgumentException">The pattern is not n×n and symmetric, or it came from a local detection that met a
    /// branch (<see cref="SparsityPattern.DependsOnBranches"/>).</exception>
    public static SparseHessian<T> SparseHessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        PreparedSparseHessian<T, TFunction> prepared = PrepareSparseHessian(f, x, pattern);
        SparseHessian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, result);
        return result;
    }

    /// <summary>
    /// Prepares repeated sparse Hessians of f: detects the pattern at x, star-colours it, fixes which compressed
    /// entries to compute, and allocates the work arrays once; <see cref="PreparedSparseHessian{T, TFunction}.Evaluate(ReadOnlySpan{T}, SparseHessian{T})"/>
    /// then allocates nothing.
    /// </summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function (kept by the preparation).</param>
    /// <param name="x">A point (length n); with local detection, the point the pattern is valid at.</param>
    /// <param name="detection">Global (the default) or local pattern detection.</param>
    /// <param name="order">The colouring's vertex order; <see cref="ColoringOrder.Best"/> (the default) tries them all.</param>
    /// <param name="chunkSize">Outer tangents per pass: 0 picks by the largest colour's needed rows (at least 2); else 2, 4, 8 or 16.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="ArgumentException">Local detection met a branch on an input-dependent value (<see cref="SparsityPattern.DependsOnBranches"/>).</exception>
    public static PreparedSparseHessian<T, TFunction> PrepareSparseHessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x,
        SparsityDetection detection = SparsityDetection.Global, ColoringOrder order = ColoringOrder.Best, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        SparsityPattern pattern = SparsityDetector.Hessian(f, x, detection);
        SparseChecks.NotBranchDependent(pattern, nameof(detection));
        return PrepareHessianCore(f, x, pattern, order, chunkSize);
    }

    /// <summary>Prepares repeated sparse Hessians of f with a known symmetric pattern (no detection).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function (kept by the preparation).</param>
    /// <param name="x">A point (only its length n is used).</param>
    /// <param name="pattern">The n×n symmetric pattern; it must contain every entry that can be non-zero.</param>
    /// <param name="order">The colouring's vertex order.</param>
    /// <param name="chunkSize">Outer tangents per pass: 0 (automatic), 2, 4, 8 or 16.</param>
    /// <returns>The preparation.</returns>
    /// <exception cref="ArgumentException">The pattern is not n×n and symmetric, or it came from a local detection that met a
    /// branch (<see cref="SparsityPattern.DependsOnBranches"/>).</exception>
    public static PreparedSparseHessian<T, TFunction> PrepareSparseHessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern,
        ColoringOrder order = ColoringOrder.Best, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        ArgumentNullException.ThrowIfNull(pattern);
        SparseChecks.NotBranchDependent(pattern, nameof(pattern));
        return PrepareHessianCore(f, x, pattern, order, chunkSize);
    }

    private static PreparedSparseHessian<T, TFunction> PrepareHessianCore<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityPattern pattern,
        ColoringOrder order, int chunkSize)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        SparseChecks.HessianPattern(pattern, x.Length, nameof(pattern));
        if (chunkSize == 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "A sparse Hessian's outer chunk size must be 0 (automatic), 2, 4, 8 or 16.");
        }
        Coloring coloring = GraphColoring.StarColoring(pattern, order);
        return new PreparedSparseHessian<T, TFunction>(f, pattern, coloring, chunkSize == 0 ? 0 : ResolveChunkSize(chunkSize, x.Length));
    }
}
