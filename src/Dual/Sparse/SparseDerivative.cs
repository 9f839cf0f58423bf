namespace Dual;

/// <summary>
/// A sparse derivative matrix in compressed sparse row (CSR) form: the values of the entries of a
/// <see cref="SparsityPattern"/>, computed by a coloured (compressed) evaluation. Row i's entries are
/// <c>Values[RowOffsets[i] .. RowOffsets[i + 1]]</c> at columns <c>ColumnIndices[…]</c>, sorted within each row.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
public abstract class SparseDerivative<T> where T : IFloatingPointIeee754<T>
{
    private protected SparseDerivative(SparsityPattern pattern, int colorCount)
    {
        Pattern = pattern;
        ColorCount = colorCount;
        Values = new T[pattern.NonZeroCount];
    }

    /// <summary>The structure (shared with the preparation that fills this matrix).</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => Pattern.RowCount;

    /// <summary>The number of columns.</summary>
    public int ColumnCount => Pattern.ColumnCount;

    /// <summary>CSR row offsets (RowCount + 1 entries).</summary>
    public ReadOnlySpan<int> RowOffsets => Pattern.RowOffsets;

    /// <summary>CSR column indices, strictly increasing within each row.</summary>
    public ReadOnlySpan<int> ColumnIndices => Pattern.ColumnIndices;

    /// <summary>The entries' values, in CSR order; refilled by each evaluation (the array is this matrix's own storage).</summary>
    public T[] Values { get; }

    /// <summary>The number of colours of the colouring that computed the values: tangent lanes per evaluation.</summary>
    public int ColorCount { get; }

    /// <summary>Entry (row, column); zero when it is outside the pattern.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the matrix.</exception>
    public T this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
            int index = Pattern.IndexOf(row, column);
            return index >= 0 ? Values[index] : T.Zero;
        }
    }

    /// <summary>The matrix as a dense array (zeros outside the pattern).</summary>
    /// <returns>A RowCount × ColumnCount array.</returns>
    public T[,] ToDense()
    {
        var dense = new T[RowCount, ColumnCount];
        for (int i = 0; i < RowCount; i++)
        {
            for (int j = 0; j < ColumnCount; j++)
            {
                dense[i, j] = T.Zero;
            }
            for (int e = RowOffsets[i]; e < RowOffsets[i + 1]; e++)
            {
                dense[i, ColumnIndices[e]] = Values[e];
            }
        }
        return dense;
    }

    /// <summary>y = A·v, allocation-free.</summary>
    /// <param name="v">A vector of length <see cref="ColumnCount"/>.</param>
    /// <param name="y">Receives A·v; length <see cref="RowCount"/>.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void Multiply(ReadOnlySpan<T> v, Span<T> y)
    {
        Guard.Length(ColumnCount, v.Length, nameof(v), "the column count");
        Guard.Length(RowCount, y.Length, nameof(y), "the row count");
        ReadOnlySpan<int> offsets = RowOffsets, columns = ColumnIndices;
        T[] values = Values;
        for (int i = 0; i < RowCount; i++)
        {
            T sum = T.Zero;
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                sum += values[e] * v[columns[e]];
            }
            y[i] = sum;
        }
    }

    /// <summary>For example <c>2048×2048, 12288 non-zeros (max 6 per row), 12 colours</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Pattern}, {ColorCount} colours";
}

/// <summary>A sparse Jacobian J[i, j] = ∂fᵢ/∂xⱼ in CSR form (see <see cref="SparseDerivative{T}"/>).</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class SparseJacobian<T> : SparseDerivative<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>An m×n Jacobian with the given structure, values zero; fill it with
    /// <see cref="PreparedSparseJacobian{T, TFunction}.Evaluate(ReadOnlySpan{T}, Span{T}, SparseJacobian{T})"/>.</summary>
    /// <param name="pattern">The structure.</param>
    /// <param name="colorCount">The colour count of the colouring that will fill it.</param>
    internal SparseJacobian(SparsityPattern pattern, int colorCount)
        : base(pattern, colorCount)
    {
    }
}

/// <summary>A sparse Hessian H[i, j] = ∂²f/∂xᵢ∂xⱼ in CSR form, both triangles stored (exactly symmetric: each pair
/// is computed once and written to both positions); see <see cref="SparseDerivative{T}"/>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed class SparseHessian<T> : SparseDerivative<T> where T : IFloatingPointIeee754<T>
{
    internal SparseHessian(SparsityPattern pattern, int colorCount)
        : base(pattern, colorCount)
    {
    }
}
