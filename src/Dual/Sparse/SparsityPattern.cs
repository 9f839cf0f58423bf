using System.Collections.Generic;
using System.Text;

namespace Dual;

/// <summary>
/// The structure of a sparse matrix: which entries may be non-zero, in compressed sparse row (CSR) form. Row i's
/// column indices are <c>ColumnIndices[RowOffsets[i] .. RowOffsets[i + 1]]</c>, strictly increasing.
/// Immutable; built by sparsity detection (<see cref="AutoDiff.JacobianSparsity{T, TFunction}"/>,
/// <see cref="AutoDiff.HessianSparsity{T, TFunction}"/>) or by the caller (<see cref="FromCsr"/>,
/// <see cref="FromEntries"/>, <see cref="FromDense"/>) when the structure is known in advance.
/// </summary>
/// <remarks>A caller-supplied pattern must contain every entry that can be non-zero: the coloured evaluation
/// assumes the entries outside it are zero, and a missing one would be added into a neighbour's value.</remarks>
public sealed class SparsityPattern : IEquatable<SparsityPattern>
{
    private readonly int[] rowOffsets;
    private readonly int[] columnIndices;

    /// <summary>Takes ownership of already-validated arrays.</summary>
    internal SparsityPattern(int rowCount, int columnCount, int[] rowOffsets, int[] columnIndices)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        this.rowOffsets = rowOffsets;
        this.columnIndices = columnIndices;
    }

    /// <summary>
    /// True for a pattern detected with <see cref="SparsityDetection.Local"/> whose trace answered a comparison,
    /// predicate or conversion on an input-dependent value: it holds at the detection point and wherever the function
    /// takes the same branches, but may miss entries elsewhere. Preparing repeated evaluations from it throws
    /// <see cref="ArgumentException"/> (a prepared object would silently return wrong entries where a branch flips);
    /// pass a pattern that covers every branch instead — detected globally, written by hand, or this one re-built with
    /// <see cref="FromCsr"/> once you know it covers every x you will evaluate at. Not part of equality.
    /// </summary>
    public bool DependsOnBranches { get; internal set; }

    /// <summary>The number of rows m.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns n.</summary>
    public int ColumnCount { get; }

    /// <summary>The number of structurally non-zero entries.</summary>
    public int NonZeroCount => columnIndices.Length;

    /// <summary>CSR row offsets: m + 1 entries, starting at 0 and ending at <see cref="NonZeroCount"/>.</summary>
    public ReadOnlySpan<int> RowOffsets => rowOffsets;

    /// <summary>CSR column indices, strictly increasing within each row.</summary>
    public ReadOnlySpan<int> ColumnIndices => columnIndices;

    internal int[] RowOffsetArray => rowOffsets;

    internal int[] ColumnIndexArray => columnIndices;

    /// <summary>The column indices of row <paramref name="row"/>, increasing.</summary>
    /// <param name="row">0 ≤ row &lt; <see cref="RowCount"/>.</param>
    /// <returns>The row's column indices.</returns>
    public ReadOnlySpan<int> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return columnIndices.AsSpan(rowOffsets[row], rowOffsets[row + 1] - rowOffsets[row]);
    }

    /// <summary>The position of (row, column) in <see cref="ColumnIndices"/>, or −1 when the entry is structurally zero.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The index into the CSR arrays, or −1.</returns>
    public int IndexOf(int row, int column)
    {
        if ((uint)row >= (uint)RowCount || (uint)column >= (uint)ColumnCount)
        {
            return -1;
        }
        int start = rowOffsets[row];
        int found = columnIndices.AsSpan(start, rowOffsets[row + 1] - start).BinarySearch(column);
        return found >= 0 ? start + found : -1;
    }

    /// <summary>True when (row, column) may be non-zero.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>Whether the entry is in the pattern.</returns>
    public bool Contains(int row, int column) => IndexOf(row, column) >= 0;

    /// <summary>True when the pattern is square and (i, j) is in it exactly when (j, i) is.</summary>
    public bool IsSymmetric
    {
        get
        {
            if (RowCount != ColumnCount)
            {
                return false;
            }
            for (int i = 0; i < RowCount; i++)
            {
                for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
                {
                    if (!Contains(columnIndices[e], i))
                    {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /// <summary>The transposed pattern (n×m).</summary>
    /// <returns>Pᵀ.</returns>
    public SparsityPattern Transpose()
    {
        var offsets = new int[ColumnCount + 1];
        foreach (int j in columnIndices)
        {
            offsets[j + 1]++;
        }
        for (int j = 0; j < ColumnCount; j++)
        {
            offsets[j + 1] += offsets[j];
        }
        var next = offsets.AsSpan(0, ColumnCount).ToArray();
        var rows = new int[columnIndices.Length];
        for (int i = 0; i < RowCount; i++)
        {
            for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
            {
                rows[next[columnIndices[e]]++] = i; // rows visited in increasing order, so each column comes out sorted
            }
        }
        return new SparsityPattern(ColumnCount, RowCount, offsets, rows) { DependsOnBranches = DependsOnBranches };
    }

    /// <summary>A pattern from CSR arrays (copied), validated.</summary>
    /// <param name="rowCount">m.</param>
    /// <param name="columnCount">n.</param>
    /// <param name="rowOffsets">m + 1 non-decreasing offsets from 0 to the number of entries.</param>
    /// <param name="columnIndices">Column indices in [0, n), strictly increasing within each row.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">The arrays are not a valid CSR structure of an m×n matrix.</exception>
    public static SparsityPattern FromCsr(int rowCount, int columnCount, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        Guard.Length(rowCount + 1, rowOffsets.Length, nameof(rowOffsets), $"rowCount + 1 = {rowCount} + 1");
        if (rowOffsets[0] != 0 || rowOffsets[rowCount] != columnIndices.Length)
        {
            throw new ArgumentException(
                $"'{nameof(rowOffsets)}' must start at 0 and end at the number of column indices, {columnIndices.Length}; it runs from {rowOffsets[0]} to {rowOffsets[rowCount]}.",
                nameof(rowOffsets));
        }
        for (int i = 0; i < rowCount; i++)
        {
            int start = rowOffsets[i], end = rowOffsets[i + 1];
            if (end < start)
            {
                throw new ArgumentException($"'{nameof(rowOffsets)}' decreases at row {i} ({start} then {end}).", nameof(rowOffsets));
            }
            for (int e = start; e < end; e++)
            {
                int j = columnIndices[e];
                if ((uint)j >= (uint)columnCount)
                {
                    throw new ArgumentException(
                        $"'{nameof(columnIndices)}' holds column {j} in row {i}, outside [0, {columnCount}).", nameof(columnIndices));
                }
                if (e > start && j <= columnIndices[e - 1])
                {
                    throw new ArgumentException(
                        $"'{nameof(columnIndices)}' must be strictly increasing within each row; row {i} has {columnIndices[e - 1]} then {j}.",
                        nameof(columnIndices));
                }
            }
        }
        return new SparsityPattern(rowCount, columnCount, rowOffsets.ToArray(), columnIndices.ToArray());
    }

    /// <summary>A pattern from (row, column) pairs in any order; duplicates are merged.</summary>
    /// <param name="rowCount">m.</param>
    /// <param name="columnCount">n.</param>
    /// <param name="entries">The structurally non-zero entries.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">An entry lies outside the m×n matrix.</exception>
    public static SparsityPattern FromEntries(int rowCount, int columnCount, IEnumerable<(int Row, int Column)> entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentNullException.ThrowIfNull(entries);
        var keys = new List<long>();
        foreach ((int row, int column) in entries)
        {
            if ((uint)row >= (uint)rowCount || (uint)column >= (uint)columnCount)
            {
                throw new ArgumentException(
                    $"'{nameof(entries)}' holds ({row}, {column}), outside the {rowCount}×{columnCount} matrix.", nameof(entries));
            }
            keys.Add(((long)row << 32) | (uint)column);
        }
        return FromSortedKeys(rowCount, columnCount, keys);
    }

    /// <summary>The pattern of the true entries of <paramref name="mask"/>.</summary>
    /// <param name="mask">An m×n mask.</param>
    /// <returns>The pattern.</returns>
    public static SparsityPattern FromDense(bool[,] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int m = mask.GetLength(0), n = mask.GetLength(1);
        var offsets = new int[m + 1];
        var columns = new List<int>();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (mask[i, j])
                {
                    columns.Add(j);
                }
            }
            offsets[i + 1] = columns.Count;
        }
        return new SparsityPattern(m, n, offsets, columns.ToArray());
    }

    /// <summary>The pattern as a dense mask.</summary>
    /// <returns>mask[i, j] is true when (i, j) is in the pattern.</returns>
    public bool[,] ToDense()
    {
        var mask = new bool[RowCount, ColumnCount];
        for (int i = 0; i < RowCount; i++)
        {
            for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
            {
                mask[i, columnIndices[e]] = true;
            }
        }
        return mask;
    }

    /// <summary>Sorts and de-duplicates (row &lt;&lt; 32 | column) keys into a pattern (the list is reordered).</summary>
    internal static SparsityPattern FromSortedKeys(int rowCount, int columnCount, List<long> keys)
    {
        keys.Sort();
        var offsets = new int[rowCount + 1];
        var columns = new List<int>(keys.Count);
        long previous = -1;
        foreach (long key in keys)
        {
            if (key == previous)
            {
                continue;
            }
            previous = key;
            offsets[(int)(key >> 32) + 1]++;
            columns.Add((int)(key & 0xFFFF_FFFF));
        }
        for (int i = 0; i < rowCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }
        return new SparsityPattern(rowCount, columnCount, offsets, columns.ToArray());
    }

    /// <summary>Same dimensions and the same entries.</summary>
    /// <param name="other">The other pattern.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(SparsityPattern? other)
        => other is not null && RowCount == other.RowCount && ColumnCount == other.ColumnCount
           && rowOffsets.AsSpan().SequenceEqual(other.rowOffsets) && columnIndices.AsSpan().SequenceEqual(other.columnIndices);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SparsityPattern other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RowCount, ColumnCount, NonZeroCount);

    /// <summary>The size and entry count, e.g. <c>2048×2048, 12288 non-zeros (max 6 per row)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        int widest = 0;
        for (int i = 0; i < RowCount; i++)
        {
            widest = Math.Max(widest, rowOffsets[i + 1] - rowOffsets[i]);
        }
        return new StringBuilder().Append(RowCount).Append('×').Append(ColumnCount).Append(", ").Append(NonZeroCount)
            .Append(" non-zeros (max ").Append(widest).Append(" per row)").ToString();
    }
}
