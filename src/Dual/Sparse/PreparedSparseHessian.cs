namespace Dual;

/// <summary>
/// A sparse Hessian prepared once for repeated evaluation: the symmetric pattern, its star colouring, the recovery
/// map and every work array are kept, so <see cref="Evaluate(ReadOnlySpan{T}, SparseHessian{T})"/> allocates nothing. Each pass is forward over forward:
/// the inner tangent carries one colour, the k outer lanes carry single inputs, see docs/sparse.md. Made by
/// <see cref="AutoDiff.PrepareSparseHessian{T, TFunction}(TFunction, ReadOnlySpan{T}, SparsityDetection, ColoringOrder, int)"/>.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TFunction">The function struct.</typeparam>
/// <remarks>Not thread-safe: one evaluation at a time per instance.</remarks>
public sealed class PreparedSparseHessian<T, TFunction>
    where T : IFloatingPointIeee754<T>
    where TFunction : IScalarFunction
{
    private readonly CompressedHessian<T, TFunction> engine;
    private TFunction function;

    internal PreparedSparseHessian(TFunction function, SparsityPattern pattern, Coloring coloring, int chunkSize)
    {
        this.function = function;
        Pattern = pattern;
        Coloring = coloring;
        StarRecovery recovery = StarRecovery.Create(pattern, coloring);
        SampleCount = recovery.SampleRow.Length;
        engine = CompressedHessian<T, TFunction>.Create(pattern, coloring, recovery, chunkSize == 0 ? AutomaticChunkSize(recovery) : chunkSize);
    }

    /// <summary>Enough outer lanes for the colour with the most needed rows (2 to 16: a one-lane outer block does not exist).</summary>
    private static int AutomaticChunkSize(StarRecovery recovery)
    {
        int longest = 0, run = 0;
        for (int s = 0; s < recovery.SampleColor.Length; s++)
        {
            run = s > 0 && recovery.SampleColor[s] == recovery.SampleColor[s - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return Math.Clamp(AutoDiff.DefaultChunkSize(longest), 2, 16);
    }

    /// <summary>The Hessian's symmetric structure (n×n).</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The star colouring.</summary>
    public Coloring Coloring { get; }

    /// <summary>The number of colours of the star colouring.</summary>
    public int ColorCount => Coloring.ColorCount;

    /// <summary>The compressed entries B[i, c] computed per Hessian (about n plus half the off-diagonal entries).</summary>
    public int SampleCount { get; }

    /// <summary>Outer tangents per pass, k.</summary>
    public int ChunkSize => engine.ChunkSize;

    /// <summary>Evaluations of f per Hessian (one plain pass when the pattern is empty).</summary>
    public int PassCount => engine.EvaluationCount;

    /// <summary>n, the length of x.</summary>
    public int InputLength => Pattern.RowCount;

    /// <summary>A Hessian with this preparation's structure, ready for <see cref="Evaluate(ReadOnlySpan{T}, SparseHessian{T})"/>.</summary>
    /// <returns>A new matrix (values zero).</returns>
    public SparseHessian<T> CreateResult() => new(Pattern, ColorCount);

    /// <summary>The Hessian's non-zeros into <paramref name="result"/>, allocation-free; returns f(x).</summary>
    /// <param name="x">The point (length n).</param>
    /// <param name="result">A Hessian from <see cref="CreateResult"/> (or any with the same pattern); its values are overwritten.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">x has the wrong length, or <paramref name="result"/> has another pattern.</exception>
    public T Evaluate(ReadOnlySpan<T> x, SparseHessian<T> result) => Evaluate(function, x, result);

    /// <summary>As <see cref="Evaluate(ReadOnlySpan{T}, SparseHessian{T})"/> for another instance of the function
    /// struct (new parameters, same pattern); the instance is kept for later evaluations.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="result">A Hessian with the prepared pattern.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">x has the wrong length, or <paramref name="result"/> has another pattern.</exception>
    public T Evaluate(TFunction f, ReadOnlySpan<T> x, SparseHessian<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Guard.Length(InputLength, x.Length, nameof(x), "n, the prepared input length");
        SparseChecks.SamePattern(Pattern, result.Pattern, nameof(result));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(AutoDiff.SparseHessian));
        function = f;
        return engine.Evaluate(ref function, x, result.Values);
    }
}
