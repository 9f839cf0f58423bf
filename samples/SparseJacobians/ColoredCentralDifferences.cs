using System;
using System.Collections.Generic;

namespace Dual.Samples.SparseJacobians;

/// <summary>
/// The finite-difference way to a sparse Jacobian, for comparison: the same column colouring, each colour's columns
/// stepped together by ±hⱼ (hⱼ = ∛ε·max(1, |xⱼ|), the central-difference optimum), two evaluations of f per colour,
/// J[i, j] ≈ (fᵢ(x + h·s_c) − fᵢ(x − h·s_c)) / (2hⱼ) for the one column j of colour c in row i. Truncation error
/// O(h²) and rounding O(ε/h): about 1e-10 relative at best, where the AD Jacobian is exact.
/// </summary>
public sealed class ColoredCentralDifferences
{
    private static readonly double CubeRootEpsilon = Math.Cbrt(Math.Pow(2, -52));

    private readonly int[] colors;
    private readonly int colorCount;

    // Colour c reads entries entry[start[c] .. start[c + 1]], each at row[…] and column[…].
    private readonly int[] start;
    private readonly int[] entry;
    private readonly int[] row;
    private readonly int[] column;

    private readonly double[] plus;
    private readonly double[] minus;
    private readonly double[] fPlus;
    private readonly double[] fMinus;

    /// <summary>Prepares for a pattern and a column colouring of it.</summary>
    public ColoredCentralDifferences(SparsityPattern pattern, Coloring coloring)
    {
        colors = coloring.Colors.ToArray();
        colorCount = coloring.ColorCount;
        var byColor = new List<(int Entry, int Row, int Column)>[colorCount];
        for (int c = 0; c < colorCount; c++)
        {
            byColor[c] = [];
        }
        for (int i = 0; i < pattern.RowCount; i++)
        {
            for (int e = pattern.RowOffsets[i]; e < pattern.RowOffsets[i + 1]; e++)
            {
                int j = pattern.ColumnIndices[e];
                byColor[colors[j]].Add((e, i, j));
            }
        }
        start = new int[colorCount + 1];
        entry = new int[pattern.NonZeroCount];
        row = new int[pattern.NonZeroCount];
        column = new int[pattern.NonZeroCount];
        int k = 0;
        for (int c = 0; c < colorCount; c++)
        {
            foreach ((int e, int i, int j) in byColor[c])
            {
                (entry[k], row[k], column[k]) = (e, i, j);
                k++;
            }
            start[c + 1] = k;
        }
        plus = new double[pattern.ColumnCount];
        minus = new double[pattern.ColumnCount];
        fPlus = new double[pattern.RowCount];
        fMinus = new double[pattern.RowCount];
    }

    /// <summary>Evaluations of f per Jacobian: two per colour.</summary>
    public int EvaluationCount => 2 * colorCount;

    /// <summary>Fills <paramref name="values"/> (CSR order of the pattern) with the coloured central differences of f at x.</summary>
    public void Evaluate<TFunction>(TFunction f, ReadOnlySpan<double> x, double[] values) where TFunction : IVectorFunction
    {
        for (int c = 0; c < colorCount; c++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double h = colors[j] == c ? CubeRootEpsilon * Math.Max(1, Math.Abs(x[j])) : 0;
                plus[j] = x[j] + h;
                minus[j] = x[j] - h;
            }
            f.Evaluate<double>(plus, fPlus);
            f.Evaluate<double>(minus, fMinus);
            for (int s = start[c]; s < start[c + 1]; s++)
            {
                // Divide by the step actually taken (x ± h rounded), not the nominal one.
                values[entry[s]] = (fPlus[row[s]] - fMinus[row[s]]) / (plus[column[s]] - minus[column[s]]);
            }
        }
    }
}
