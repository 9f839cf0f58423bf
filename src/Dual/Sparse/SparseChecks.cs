using System;

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
}
