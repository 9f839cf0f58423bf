using System;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace Dual.MathNet;

/// <summary>
/// Dual's compressed sparse row matrices (<see cref="SparseJacobian{T}"/>, <see cref="SparseHessian{T}"/>) as
/// MathNet.Numerics sparse matrices, for MathNet's iterative solvers and sparse algebra.
/// </summary>
public static class SparseMatrices
{
    /// <summary>
    /// The matrix as a MathNet <see cref="global::MathNet.Numerics.LinearAlgebra.Double.SparseMatrix"/> with the same
    /// structure: every entry of the sparsity pattern is stored (an entry whose value is zero at this point stays an
    /// explicit zero), entries outside it are zero. The result is a copy: later evaluations into
    /// <paramref name="matrix"/> do not change it.
    /// </summary>
    /// <param name="matrix">A sparse Jacobian or Hessian.</param>
    /// <returns>A RowCount × ColumnCount MathNet sparse matrix in CSR storage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static global::MathNet.Numerics.LinearAlgebra.Double.SparseMatrix ToMathNet(this SparseDerivative<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new global::MathNet.Numerics.LinearAlgebra.Double.SparseMatrix(Storage(matrix));
    }

    /// <summary>
    /// The matrix as a MathNet <see cref="global::MathNet.Numerics.LinearAlgebra.Single.SparseMatrix"/> with the same
    /// structure: every entry of the sparsity pattern is stored (an entry whose value is zero at this point stays an
    /// explicit zero), entries outside it are zero. The result is a copy: later evaluations into
    /// <paramref name="matrix"/> do not change it.
    /// </summary>
    /// <param name="matrix">A sparse Jacobian or Hessian.</param>
    /// <returns>A RowCount × ColumnCount MathNet sparse matrix in CSR storage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static global::MathNet.Numerics.LinearAlgebra.Single.SparseMatrix ToMathNet(this SparseDerivative<float> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new global::MathNet.Numerics.LinearAlgebra.Single.SparseMatrix(Storage(matrix));
    }

    // MathNet copies the three arrays into storage of its own (its documented contract for this factory).
    private static SparseCompressedRowMatrixStorage<T> Storage<T>(SparseDerivative<T> matrix)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>, IEquatable<T>, IFormattable =>
        SparseCompressedRowMatrixStorage<T>.OfCompressedSparseRowFormat(
            matrix.RowCount, matrix.ColumnCount, matrix.Values.Length,
            matrix.RowOffsets.ToArray(), matrix.ColumnIndices.ToArray(), matrix.Values);
}
