using System;
using System.Collections.Generic;
using Dual;

namespace Dual.Tests.Sparse;

/// <summary>Brute-force checks of the colouring definitions, written from them directly (no shared code with the library).</summary>
internal static class ColoringOracle
{
    /// <summary>Null when no two columns of one colour share a row, else a description of the first clash.</summary>
    public static string? ColumnColoringViolation(bool[,] pattern, ReadOnlySpan<int> colors)
    {
        int m = pattern.GetLength(0), n = pattern.GetLength(1);
        for (int i = 0; i < m; i++)
        {
            var seen = new Dictionary<int, int>();
            for (int j = 0; j < n; j++)
            {
                if (!pattern[i, j]) continue;
                if (seen.TryGetValue(colors[j], out int other)) return $"row {i}: columns {other} and {j} both have colour {colors[j]}";
                seen[colors[j]] = j;
            }
        }
        return null;
    }

    /// <summary>Null when the colouring is a star colouring of the symmetric pattern's graph (adjacent vertices differ,
    /// and no path a–b–c–d on four distinct vertices alternates two colours), else the first violation.</summary>
    public static string? StarColoringViolation(bool[,] pattern, ReadOnlySpan<int> colors)
    {
        int n = pattern.GetLength(0);
        bool Adjacent(int a, int b) => a != b && pattern[a, b];
        for (int b = 0; b < n; b++)
        {
            for (int c = 0; c < n; c++)
            {
                if (!Adjacent(b, c)) continue;
                if (colors[b] == colors[c]) return $"adjacent {b} and {c} share colour {colors[b]}";
                for (int a = 0; a < n; a++)
                {
                    if (a == c || !Adjacent(a, b) || colors[a] != colors[c]) continue;
                    for (int d = 0; d < n; d++)
                    {
                        if (d == a || d == b || !Adjacent(c, d) || colors[d] != colors[b]) continue;
                        return $"path {a}–{b}–{c}–{d} uses only colours {colors[a]} and {colors[b]}";
                    }
                }
            }
        }
        return null;
    }

    /// <summary>A random m×n mask with the given density.</summary>
    public static bool[,] RandomMask(int seed, int m, int n, double density)
    {
        var random = new Random(seed);
        var mask = new bool[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                mask[i, j] = random.NextDouble() < density;
        return mask;
    }

    /// <summary>A random symmetric n×n mask (diagonal entries random too).</summary>
    public static bool[,] RandomSymmetricMask(int seed, int n, double density)
    {
        var random = new Random(seed);
        var mask = new bool[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                mask[i, j] = mask[j, i] = random.NextDouble() < density;
        return mask;
    }
}
