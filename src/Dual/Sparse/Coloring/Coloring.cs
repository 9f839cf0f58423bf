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

    /// <summary>The columns grouped by colour (a stable counting sort), as both compressed evaluations seed them:
    /// colour c's columns are the returned array's entries <paramref name="offsets"/>[c] .. <paramref name="offsets"/>[c + 1],
    /// in increasing order.</summary>
    /// <param name="offsets">Receives the ColorCount + 1 boundaries.</param>
    /// <returns>The column indices, colour by colour.</returns>
    internal int[] GroupByColor(out int[] offsets)
    {
        offsets = new int[ColorCount + 1];
        foreach (int c in colors)
        {
            offsets[c + 1]++;
        }
        for (int c = 0; c < ColorCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }
        var members = new int[colors.Length];
        int[] fill = offsets.AsSpan(0, ColorCount).ToArray();
        for (int j = 0; j < colors.Length; j++)
        {
            members[fill[colors[j]]++] = j;
        }
        return members;
    }

    /// <summary>The number of colours: one tangent lane each in a compressed evaluation.</summary>
    public int ColorCount { get; }

    /// <summary>The vertex order that produced this colouring (for <see cref="ColoringOrder.Best"/>, the winner).</summary>
    public ColoringOrder Order { get; }

    /// <summary>For example <c>12 colours (SmallestLast)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{ColorCount} colours ({Order})";
}
