namespace Dual;

/// <summary>
/// Greedy colourings of sparsity patterns for compressed derivative evaluation (Gebremedhin, Manne and Pothen,
/// "What color is your Jacobian?", SIAM Review 2005): a column colouring lets one tangent lane carry every column of a
/// colour; a star colouring does the same for a symmetric Hessian while keeping every entry recoverable.
/// </summary>
public static class GraphColoring
{
    /// <summary>The single orderings <see cref="ColoringOrder.Best"/> tries, in its tie-breaking order.</summary>
    private static readonly ColoringOrder[] Orders = [ColoringOrder.Natural, ColoringOrder.LargestFirst, ColoringOrder.SmallestLast, ColoringOrder.IncidenceDegree];

    /// <summary>
    /// A column colouring of an m×n pattern: columns that share a row get different colours (a distance-2 colouring
    /// of the bipartite row/column graph, done as a distance-1 colouring of the column intersection graph).
    /// </summary>
    /// <param name="pattern">The Jacobian pattern.</param>
    /// <param name="order">The vertex order.</param>
    /// <returns>The colouring; its colour count is at most the number of columns and at least the most entries in a row.</returns>
    /// <remarks>O(Σᵢ rᵢ²) time and memory for rᵢ entries in row i (the size of the column intersection graph).</remarks>
    public static Coloring ColumnColoring(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Best)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Color(AdjacencyGraph.ColumnIntersection(pattern), order, star: false);
    }

    /// <summary>
    /// A star colouring of a symmetric n×n pattern: adjacent vertices (off-diagonal entries) get different colours
    /// and every path on four vertices uses at least three colours. Every entry (i, j) of a matrix with this pattern
    /// can then be read directly from H·S for the colour matrix S: from row i and colour(j) when j is i's only
    /// neighbour of that colour, otherwise from row j and colour(i) (the star property guarantees one of the two).
    /// Diagonal entries need nothing from the colouring.
    /// </summary>
    /// <param name="pattern">A symmetric pattern (a Hessian's).</param>
    /// <param name="order">The vertex order.</param>
    /// <returns>The colouring.</returns>
    /// <exception cref="ArgumentException">The pattern is not square and symmetric.</exception>
    public static Coloring StarColoring(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Best)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.IsSymmetric)
        {
            throw new ArgumentException(
                $"'{nameof(pattern)}' ({pattern.RowCount}×{pattern.ColumnCount}) must be square and symmetric for a star colouring.", nameof(pattern));
        }
        return Color(AdjacencyGraph.FromSymmetric(pattern), order, star: true);
    }

    private static Coloring Color(AdjacencyGraph graph, ColoringOrder order, bool star)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Not a ColoringOrder.");
        }
        if (order != ColoringOrder.Best)
        {
            return ColorOnce(graph, order, star);
        }
        Coloring? best = null;
        foreach (ColoringOrder candidate in Orders)
        {
            Coloring coloring = ColorOnce(graph, candidate, star);
            if (best is null || coloring.ColorCount < best.ColorCount)
            {
                best = coloring;
            }
        }
        return best!;
    }

    private static Coloring ColorOnce(AdjacencyGraph graph, ColoringOrder order, bool star)
    {
        int[] vertices = VertexOrdering.Compute(graph, order);
        int[] colors = star ? GreedyColorer.Star(graph, vertices, out int count) : GreedyColorer.Distance1(graph, vertices, out count);
        return new Coloring(colors, count, order);
    }
}
