using System.Collections.Generic;

namespace Dual;

/// <summary>The greedy colourings: distance-1 (of the column intersection graph) and star (of a symmetric graph).</summary>
internal static class GreedyColorer
{
    /// <summary>Each vertex in turn takes the smallest colour no coloured neighbour has (GMP 2005, Algorithm 3.1).</summary>
    public static int[] Distance1(AdjacencyGraph graph, int[] order, out int colorCount)
    {
        int n = graph.VertexCount;
        var color = new int[n];
        color.AsSpan().Fill(-1);
        var forbidden = new int[n + 1];
        forbidden.AsSpan().Fill(-1);
        colorCount = 0;
        foreach (int v in order)
        {
            foreach (int w in graph.Neighbors(v))
            {
                if (color[w] >= 0)
                {
                    forbidden[color[w]] = v;
                }
            }
            color[v] = SmallestAllowedColor(forbidden, v, ref colorCount);
        }
        return color;
    }

    /// <summary>
    /// Star colouring: a distance-1 colouring in which every path on four vertices uses at least three colours, so
    /// each pair of colour classes induces a forest of stars. Gebremedhin, Tarafdar, Manne and Pothen (2007),
    /// Algorithm 4.1: the two-coloured stars built so far are kept as a star id per edge and a hub per star, which
    /// lets each vertex find the colours it must avoid by looking at distance two instead of three.
    /// </summary>
    public static int[] Star(AdjacencyGraph graph, int[] order, out int colorCount)
    {
        int n = graph.VertexCount;
        int[] edgeId = graph.EdgeIds(out int edgeCount);
        var color = new int[n];
        color.AsSpan().Fill(-1);
        var forbidden = new int[n + 1];
        forbidden.AsSpan().Fill(-1);
        var treated = new int[n];
        treated.AsSpan().Fill(-1);
        // Per colour c, the first neighbour q of the vertex p being coloured that has colour c, and the edge pq.
        var firstVertex = new int[n + 1];
        firstVertex.AsSpan().Fill(-1);
        var firstNeighbor = new int[n + 1];
        var firstEdge = new int[n + 1];
        var star = new int[edgeCount];
        star.AsSpan().Fill(-1);
        var hub = new List<int>();
        colorCount = 0;

        foreach (int v in order)
        {
            int vSlot = graph.FirstSlot(v);
            ReadOnlySpan<int> vNeighbors = graph.Neighbors(v);
            for (int s = 0; s < vNeighbors.Length; s++)
            {
                int w = vNeighbors[s], cw = color[w];
                if (cw < 0)
                {
                    continue;
                }
                forbidden[cw] = v;
                if (firstVertex[cw] == v)
                {
                    // Case 1: v has two neighbours q and w of colour cw, so v would be the centre of the path
                    // q–v–w; a colour of any neighbour of q or w would close a two-coloured path on four vertices.
                    int q = firstNeighbor[cw];
                    if (treated[q] != v)
                    {
                        Treat(graph, color, forbidden, treated, v, q);
                    }
                    Treat(graph, color, forbidden, treated, v, w);
                }
                else
                {
                    firstVertex[cw] = v;
                    firstNeighbor[cw] = w;
                    firstEdge[cw] = edgeId[vSlot + s];
                    // Case 2: w is a leaf of a two-coloured star whose hub x is w's neighbour: colouring v like x
                    // would make v–w–x–(another leaf) a two-coloured path.
                    int wSlot = graph.FirstSlot(w);
                    ReadOnlySpan<int> wNeighbors = graph.Neighbors(w);
                    for (int t = 0; t < wNeighbors.Length; t++)
                    {
                        int x = wNeighbors[t];
                        if (x == v || color[x] < 0)
                        {
                            continue;
                        }
                        if (hub[star[edgeId[wSlot + t]]] == x)
                        {
                            forbidden[color[x]] = v;
                        }
                    }
                }
            }
            color[v] = SmallestAllowedColor(forbidden, v, ref colorCount);
            UpdateStars(graph, edgeId, color, firstVertex, firstNeighbor, firstEdge, star, hub, v);
        }
        return color;
    }

    private static void Treat(AdjacencyGraph graph, int[] color, int[] forbidden, int[] treated, int v, int w)
    {
        foreach (int x in graph.Neighbors(w))
        {
            if (color[x] >= 0)
            {
                forbidden[color[x]] = v;
            }
        }
        treated[w] = v;
    }

    /// <summary>Puts each new edge vw (w coloured) into a two-coloured star: the star of wx when w already has a
    /// neighbour x coloured like v (w is its hub), the star of vq when v has another neighbour q coloured like w
    /// (v is its hub), or a new single-edge star (no hub yet, −1).</summary>
    private static void UpdateStars(AdjacencyGraph graph, int[] edgeId, int[] color, int[] firstVertex, int[] firstNeighbor,
        int[] firstEdge, int[] star, List<int> hub, int v)
    {
        int vSlot = graph.FirstSlot(v);
        ReadOnlySpan<int> vNeighbors = graph.Neighbors(v);
        for (int s = 0; s < vNeighbors.Length; s++)
        {
            int w = vNeighbors[s];
            if (color[w] < 0)
            {
                continue;
            }
            int vw = edgeId[vSlot + s];
            bool joined = false;
            int wSlot = graph.FirstSlot(w);
            ReadOnlySpan<int> wNeighbors = graph.Neighbors(w);
            for (int t = 0; t < wNeighbors.Length; t++)
            {
                int x = wNeighbors[t];
                if (x != v && color[x] == color[v])
                {
                    int id = star[edgeId[wSlot + t]];
                    hub[id] = w;
                    star[vw] = id;
                    joined = true;
                    break;
                }
            }
            if (joined)
            {
                continue;
            }
            int cw = color[w];
            if (firstVertex[cw] == v && firstNeighbor[cw] != w)
            {
                int id = star[firstEdge[cw]];
                hub[id] = v;
                star[vw] = id;
            }
            else
            {
                hub.Add(-1);
                star[vw] = hub.Count - 1;
            }
        }
    }

    /// <summary>The colour both greedy colourings give v: the smallest that no neighbour forbade (forbidden[c] == v marks
    /// c as taken for v); <paramref name="colorCount"/> grows to include it.</summary>
    private static int SmallestAllowedColor(int[] forbidden, int v, ref int colorCount)
    {
        int c = 0;
        while (forbidden[c] == v)
        {
            c++;
        }
        colorCount = Math.Max(colorCount, c + 1);
        return c;
    }
}
