using System.Collections.Generic;

namespace Dual;

/// <summary>
/// An undirected graph without self-loops in CSR form: the column intersection graph of a
/// Jacobian pattern (columns adjacent when they share a row; distance-1 colouring of it is distance-2 colouring of
/// the bipartite row/column graph) or the adjacency graph of a symmetric Hessian pattern (diagonal dropped).
/// </summary>
internal sealed class AdjacencyGraph
{
    private readonly int[] offsets;
    private readonly int[] neighbors;

    private AdjacencyGraph(int[] offsets, int[] neighbors)
    {
        this.offsets = offsets;
        this.neighbors = neighbors;
    }

    public int VertexCount => offsets.Length - 1;

    public int EdgeSlotCount => neighbors.Length;

    public int Degree(int v) => offsets[v + 1] - offsets[v];

    public ReadOnlySpan<int> Neighbors(int v) => neighbors.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);

    /// <summary>The first CSR slot of v's neighbours (slots index <see cref="EdgeIds"/>).</summary>
    public int FirstSlot(int v) => offsets[v];

    /// <summary>
    /// Columns j ≠ k are adjacent when some row holds both: built column by column with a marker array, so the cost
    /// is Σᵢ (entries in row i)², the size of the graph itself. Neighbours come out unsorted (the distance-1
    /// colouring and the orderings do not need them sorted; <see cref="EdgeIds"/> is only used on symmetric patterns).
    /// </summary>
    public static AdjacencyGraph ColumnIntersection(SparsityPattern pattern)
    {
        int n = pattern.ColumnCount;
        SparsityPattern byColumn = pattern.Transpose();
        int[] rowOffsets = pattern.RowOffsetArray, columns = pattern.ColumnIndexArray;
        int[] columnOffsets = byColumn.RowOffsetArray, rows = byColumn.ColumnIndexArray;
        var marker = new int[n];
        marker.AsSpan().Fill(-1);
        var offsets = new int[n + 1];
        // An upper bound per column (Σ over its rows of the row lengths) sizes the buffer once.
        long bound = 0;
        for (int i = 0; i < pattern.RowCount; i++)
        {
            long length = rowOffsets[i + 1] - rowOffsets[i];
            bound += length * length;
        }
        var adjacent = new int[checked((int)Math.Min(bound, (long)n * n))];
        int count = 0;
        for (int j = 0; j < n; j++)
        {
            marker[j] = j;
            for (int r = columnOffsets[j]; r < columnOffsets[j + 1]; r++)
            {
                int i = rows[r];
                for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
                {
                    int k = columns[e];
                    if (marker[k] != j)
                    {
                        marker[k] = j;
                        adjacent[count++] = k;
                    }
                }
            }
            offsets[j + 1] = count;
        }
        return new AdjacencyGraph(offsets, adjacent.AsSpan(0, count).ToArray());
    }

    /// <summary>The graph of a symmetric pattern: i and j adjacent when (i, j) is an off-diagonal entry; neighbours sorted.</summary>
    public static AdjacencyGraph FromSymmetric(SparsityPattern pattern)
    {
        int n = pattern.RowCount;
        int[] rowOffsets = pattern.RowOffsetArray, columns = pattern.ColumnIndexArray;
        var offsets = new int[n + 1];
        var adjacent = new List<int>(columns.Length);
        for (int i = 0; i < n; i++)
        {
            for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
            {
                if (columns[e] != i)
                {
                    adjacent.Add(columns[e]);
                }
            }
            offsets[i + 1] = adjacent.Count;
        }
        return new AdjacencyGraph(offsets, adjacent.ToArray());
    }

    /// <summary>For every CSR slot (v, w), the index of the undirected edge {v, w}; both slots of an edge share it.</summary>
    public int[] EdgeIds(out int edgeCount)
    {
        var ids = new int[neighbors.Length];
        edgeCount = 0;
        for (int v = 0; v < VertexCount; v++)
        {
            for (int s = offsets[v]; s < offsets[v + 1]; s++)
            {
                int w = neighbors[s];
                if (v < w)
                {
                    ids[s] = edgeCount++;
                }
                else
                {
                    // w < v was visited first: its slot for v holds the id (neighbours are sorted, so search).
                    int mirror = offsets[w] + Neighbors(w).BinarySearch(v);
                    ids[s] = ids[mirror];
                }
            }
        }
        return ids;
    }
}
