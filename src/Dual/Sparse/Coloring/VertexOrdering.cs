namespace Dual;

/// <summary>The greedy colourings' vertex orders, each O(V + E) with bucket queues.</summary>
internal static class VertexOrdering
{
    public static int[] Compute(AdjacencyGraph graph, ColoringOrder order) => order switch
    {
        ColoringOrder.Natural => Natural(graph),
        ColoringOrder.LargestFirst => LargestFirst(graph),
        ColoringOrder.SmallestLast => SmallestLast(graph),
        ColoringOrder.IncidenceDegree => IncidenceDegree(graph),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Not a single ordering."),
    };

    private static int[] Natural(AdjacencyGraph graph)
    {
        var order = new int[graph.VertexCount];
        for (int v = 0; v < order.Length; v++)
        {
            order[v] = v;
        }
        return order;
    }

    /// <summary>Counting sort by decreasing degree; stable, so ties keep index order.</summary>
    private static int[] LargestFirst(AdjacencyGraph graph)
    {
        int n = graph.VertexCount, maxDegree = MaxDegree(graph);
        var start = new int[maxDegree + 2];
        for (int v = 0; v < n; v++)
        {
            start[maxDegree - graph.Degree(v) + 1]++;
        }
        for (int d = 0; d <= maxDegree; d++)
        {
            start[d + 1] += start[d];
        }
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[start[maxDegree - graph.Degree(v)]++] = v;
        }
        return order;
    }

    /// <summary>
    /// Matula–Beck: remove a vertex of least degree in the remaining graph, n times; colour in reverse. The degrees
    /// live in doubly linked buckets; removing a vertex lowers its neighbours' degrees by one, so the smallest
    /// non-empty bucket moves down by at most one per step and the total work is O(V + E).
    /// </summary>
    private static int[] SmallestLast(AdjacencyGraph graph)
    {
        int n = graph.VertexCount;
        var buckets = new Buckets(graph, n);
        for (int v = n - 1; v >= 0; v--)
        {
            buckets.Insert(v, graph.Degree(v));
        }
        var order = new int[n];
        int low = 0;
        for (int k = n - 1; k >= 0; k--)
        {
            while (buckets.IsEmpty(low))
            {
                low++;
            }
            order[k] = buckets.TakeHead(low, graph, -1, out _);
            low = Math.Max(0, low - 1);
        }
        return order;
    }

    /// <summary>
    /// Coleman–Moré incidence degree: take a vertex with the most already-ordered neighbours (ties: the highest
    /// degree first, as the buckets are filled in increasing degree and read from the head). The key only grows,
    /// by one per ordered neighbour, so the largest non-empty bucket moves up by at most one per step.
    /// </summary>
    private static int[] IncidenceDegree(AdjacencyGraph graph)
    {
        int n = graph.VertexCount;
        var buckets = new Buckets(graph, n);
        // Inserting in increasing degree at the head leaves the largest degree first in bucket 0.
        int[] byDegree = LargestFirst(graph);
        for (int k = n - 1; k >= 0; k--)
        {
            buckets.Insert(byDegree[k], 0);
        }
        var order = new int[n];
        int high = 0;
        for (int k = 0; k < n; k++)
        {
            while (high > 0 && buckets.IsEmpty(high))
            {
                high--;
            }
            order[k] = buckets.TakeHead(high, graph, +1, out int highestMoved);
            high = Math.Max(high, highestMoved);
        }
        return order;
    }

    private static int MaxDegree(AdjacencyGraph graph)
    {
        int maxDegree = 0;
        for (int v = 0; v < graph.VertexCount; v++)
        {
            maxDegree = Math.Max(maxDegree, graph.Degree(v));
        }
        return maxDegree;
    }

    /// <summary>Vertices in doubly linked lists by integer key (0 ≤ key ≤ max degree), inserted at the head.</summary>
    private sealed class Buckets
    {
        private readonly int[] head;
        private readonly int[] next;
        private readonly int[] previous;
        private readonly int[] key;
        private readonly bool[] taken;

        public Buckets(AdjacencyGraph graph, int n)
        {
            head = new int[MaxDegree(graph) + 1];
            head.AsSpan().Fill(-1);
            next = new int[n];
            previous = new int[n];
            key = new int[n];
            taken = new bool[n];
        }

        public bool IsEmpty(int bucket) => head[bucket] < 0;

        /// <summary>The step both bucket orderings repeat: takes the head of <paramref name="bucket"/> out for good and
        /// moves each of its neighbours still in the buckets by <paramref name="step"/> (to the head of the new bucket).</summary>
        /// <param name="bucket">A non-empty bucket.</param>
        /// <param name="graph">The graph.</param>
        /// <param name="step">−1 (smallest last: a neighbour's remaining degree) or +1 (incidence degree: its ordered neighbours).</param>
        /// <param name="highestMoved">The largest key a neighbour moved to; −1 when none moved.</param>
        /// <returns>The vertex taken.</returns>
        public int TakeHead(int bucket, AdjacencyGraph graph, int step, out int highestMoved)
        {
            int v = head[bucket];
            Remove(v);
            taken[v] = true;
            highestMoved = -1;
            foreach (int w in graph.Neighbors(v))
            {
                if (!taken[w])
                {
                    int moved = key[w] + step;
                    Remove(w);
                    Insert(w, moved);
                    highestMoved = Math.Max(highestMoved, moved);
                }
            }
            return v;
        }

        public void Insert(int v, int bucket)
        {
            key[v] = bucket;
            previous[v] = -1;
            next[v] = head[bucket];
            if (head[bucket] >= 0)
            {
                previous[head[bucket]] = v;
            }
            head[bucket] = v;
        }

        public void Remove(int v)
        {
            if (previous[v] >= 0)
            {
                next[previous[v]] = next[v];
            }
            else
            {
                head[key[v]] = next[v];
            }
            if (next[v] >= 0)
            {
                previous[next[v]] = previous[v];
            }
        }
    }
}
