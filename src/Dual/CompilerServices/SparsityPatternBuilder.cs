using System.Collections.Generic;
using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// Builds the Jacobian pattern that the generator found at compile time for a <c>[Differentiable]</c> vector method:
/// the generated <c>FJacobianSparsity(n, m)</c> runs the method's index arithmetic (its loops, guards and index
/// expressions, with no floating-point work) and adds each (output, input) pair here. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SparsityPatternBuilder
{
    private readonly int rows;
    private readonly int columns;
    private readonly string method;
    private readonly List<long> entries = new();

    /// <summary>A builder for an m×n pattern of <paramref name="method"/>.</summary>
    /// <param name="rowCount">m, the outputs.</param>
    /// <param name="columnCount">n, the inputs.</param>
    /// <param name="method">The method, for error messages.</param>
    public SparsityPatternBuilder(int rowCount, int columnCount, string method)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        rows = rowCount;
        columns = columnCount;
        this.method = method;
    }

    /// <summary>Output <paramref name="row"/> depends on input <paramref name="column"/>.</summary>
    /// <param name="row">The output index the method writes.</param>
    /// <param name="column">The input index it reads.</param>
    /// <exception cref="ArgumentException">An index is outside the sizes: the method itself would index outside its spans.</exception>
    public void Add(int row, int column)
    {
        if ((uint)row >= (uint)rows || (uint)column >= (uint)columns)
        {
            throw new ArgumentException(
                $"'{method}' would read input {column} into output {row}, outside x of length {columns} and y of length {rows}: " +
                "the method itself indexes outside its spans at these sizes.");
        }
        entries.Add((long)row * columns + column);
    }

    /// <summary>The pattern: each entry once, columns sorted within each row.</summary>
    /// <returns>The pattern.</returns>
    public SparsityPattern ToPattern()
    {
        entries.Sort();
        var offsets = new int[rows + 1];
        var cols = new List<int>(entries.Count);
        long previous = -1;
        foreach (long e in entries)
        {
            if (e == previous) continue;
            previous = e;
            offsets[(int)(e / Math.Max(columns, 1)) + 1]++;
            cols.Add((int)(e % Math.Max(columns, 1)));
        }
        for (int i = 0; i < rows; i++) offsets[i + 1] += offsets[i];
        return SparsityPattern.FromCsr(rows, columns, offsets, cols.ToArray());
    }
}
