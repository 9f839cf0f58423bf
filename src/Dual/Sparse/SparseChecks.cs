namespace Dual;

/// <summary>Argument checks of the sparse entry points, with messages that name the parameter and the sizes.</summary>
internal static class SparseChecks
{
    public static void SamePattern(SparsityPattern expected, SparsityPattern actual, string parameterName)
    {
        if (!ReferenceEquals(expected, actual) && !expected.Equals(actual))
        {
            throw new ArgumentException(
                $"'{parameterName}' has pattern {actual} but this preparation's is {expected}; create it with CreateResult().", parameterName);
        }
    }

    public static void PatternColumns(SparsityPattern pattern, int inputLength, string parameterName)
    {
        if (pattern.ColumnCount != inputLength)
        {
            throw new ArgumentException(
                $"'{parameterName}' has {pattern.ColumnCount} columns but x has length {inputLength}; the pattern must be m×n for n = x.Length.", parameterName);
        }
    }

    public static void HessianPattern(SparsityPattern pattern, int inputLength, string parameterName)
    {
        if (pattern.RowCount != inputLength || pattern.ColumnCount != inputLength)
        {
            throw new ArgumentException(
                $"'{parameterName}' is {pattern.RowCount}×{pattern.ColumnCount} but x has length {inputLength}; a Hessian pattern must be n×n.", parameterName);
        }
        if (!pattern.IsSymmetric)
        {
            throw new ArgumentException($"'{parameterName}' ({pattern}) must be symmetric: a Hessian pattern holds (j, i) whenever it holds (i, j).", parameterName);
        }
    }

    public static void Detection(SparsityDetection detection)
    {
        if (detection is not (SparsityDetection.Global or SparsityDetection.Local))
        {
            throw new ArgumentOutOfRangeException(nameof(detection), detection, "Not a SparsityDetection mode.");
        }
    }

    /// <summary>A pattern from a local trace that branched on x holds only where f branches the same way: never reuse it.</summary>
    public static void NotBranchDependent(SparsityPattern pattern, string parameter)
    {
        if (pattern.DependsOnBranches)
        {
            throw new ArgumentException(
                "The sparsity pattern was detected with SparsityDetection.Local and the function branched on an input-dependent " +
                "value while it was traced (a comparison, predicate or conversion), so the pattern holds only where the function " +
                "takes the same branches as at the detection point; evaluated where a branch flips, a prepared Jacobian or Hessian " +
                "would silently miss or misplace entries. Use the one-shot AutoDiff.SparseJacobian/SparseHessian(f, x, outputLength, " +
                "SparsityDetection.Local) at each x (it detects at that x), pass a pattern that covers every branch (global detection " +
                "of a branch-free form, or SparsityPattern.FromEntries/FromCsr), or re-build this one with SparsityPattern.FromCsr if " +
                "you know it covers every x you will evaluate at.", parameter);
        }
    }
}
