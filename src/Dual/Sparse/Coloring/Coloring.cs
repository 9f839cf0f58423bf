using System;

namespace Dual;

/// <summary>
/// A colouring of the columns of a sparsity pattern: <see cref="Colors"/>[j] ∈ [0, <see cref="ColorCount"/>) for
/// column j. From <see cref="GraphColoring.ColumnColoring"/> (no two columns of one colour share a row) or
/// <see cref="GraphColoring.StarColoring"/> (a star colouring of a symmetric pattern).
/// </summary>
public sealed class Coloring
{
    private readonly int[] colors;

    internal Coloring(int[] colors, int colorCount, ColoringOrder order)
    {
        this.colors = colors;
        ColorCount = colorCount;
        Order = order;
    }

    /// <summary>The colour of each column.</summary>
    public ReadOnlySpan<int> Colors => colors;

    internal int[] ColorArray => colors;

    /// <summary>The number of colours: one tangent lane each in a compressed evaluation.</summary>
    public int ColorCount { get; }

    /// <summary>The vertex order that produced this colouring (for <see cref="ColoringOrder.Best"/>, the winner).</summary>
    public ColoringOrder Order { get; }

    /// <summary>For example <c>12 colours (SmallestLast)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{ColorCount} colours ({Order})";
}
