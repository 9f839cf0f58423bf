namespace Dual;

/// <summary>
/// A sparse Jacobian prepared once for repeated evaluation (Newton iterations, time steps): the pattern, its column
/// colouring and every work array are kept, so <see cref="Evaluate(ReadOnlySpan{T}, Span{T}, SparseJacobian{T})"/> costs ⌈<see cref="ColorCount"/>/k⌉ chunked
/// passes of f and allocates nothing. Made by <see cref="AutoDiff.PrepareSparseJacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, int, SparsityDetection, ColoringOrder, int)"/>.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TFunction">The function struct.</typeparam>
/// <remarks>Not thread-safe: one evaluation at a time per instance (the work arrays are shared).</remarks>
public sealed class PreparedSparseJacobian<T, TFunction>
    where T : IFloatingPointIeee754<T>
    where TFunction : IVectorFunction
{
    private readonly CompressedJacobian<T, TFunction> engine;
    private TFunction function;

    internal PreparedSparseJacobian(TFunction function, SparsityPattern pattern, Coloring coloring, int chunkSize)
    {
        this.function = function;
        Pattern = pattern;
        Coloring = coloring;
        engine = CompressedJacobian<T, TFunction>.Create(pattern, coloring, chunkSize);
    }

    /// <summary>The Jacobian's structure (m×n).</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The column colouring.</summary>
    public Coloring Coloring { get; }

    /// <summary>The number of colours: tangent lanes needed.</summary>
    public int ColorCount => Coloring.ColorCount;

    /// <summary>Tangents per pass, k.</summary>
    public int ChunkSize => engine.ChunkSize;

    /// <summary>Evaluations of f per Jacobian: ⌈colours/k⌉ (one plain pass when the pattern is empty).</summary>
    public int PassCount => engine.EvaluationCount;

    /// <summary>n, the length of x.</summary>
    public int InputLength => Pattern.ColumnCount;

    /// <summary>m, the number of outputs.</summary>
    public int OutputLength => Pattern.RowCount;

    /// <summary>A Jacobian with this preparation's structure, ready for <see cref="Evaluate(ReadOnlySpan{T}, Span{T}, SparseJacobian{T})"/>.</summary>
    /// <returns>A new matrix (values zero).</returns>
    public SparseJacobian<T> CreateResult() => new(Pattern, ColorCount);

    /// <summary>f(x) into <paramref name="values"/> and the Jacobian's non-zeros into <paramref name="result"/>, allocation-free.</summary>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x) (length m).</param>
    /// <param name="result">A Jacobian from <see cref="CreateResult"/> (or any with the same pattern); its values are overwritten.</param>
    /// <exception cref="ArgumentException">A length does not match, or <paramref name="result"/> has another pattern.</exception>
    public void Evaluate(ReadOnlySpan<T> x, Span<T> values, SparseJacobian<T> result) => Evaluate(function, x, values, result);

    /// <summary>As <see cref="Evaluate(ReadOnlySpan{T}, Span{T}, SparseJacobian{T})"/> for another instance of the
    /// function struct, e.g. with a new time or parameter; it must have the prepared pattern (its entries may differ
    /// in value, not in place). The instance is kept for later evaluations.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="values">Receives f(x) (length m).</param>
    /// <param name="result">A Jacobian with the prepared pattern.</param>
    /// <exception cref="ArgumentException">A length does not match, or <paramref name="result"/> has another pattern.</exception>
    public void Evaluate(TFunction f, ReadOnlySpan<T> x, Span<T> values, SparseJacobian<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Guard.Length(InputLength, x.Length, nameof(x), "n, the prepared input length");
        Guard.Length(OutputLength, values.Length, nameof(values), "m, the prepared output length");
        SparseChecks.SamePattern(Pattern, result.Pattern, nameof(result));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(AutoDiff.SparseJacobian));
        function = f;
        engine.Evaluate(ref function, x, values, result.Values);
    }
}
