using System.Collections.Generic;

namespace Dual;

/// <summary>
/// The second-order interactions a traced value carries (which input pairs (i, j) may have ∂²/∂xᵢ∂xⱼ ≠ 0), as a
/// lazy, immutable DAG: a node is the union of two earlier sets and/or the symmetric cross product A×B ∪ B×A of two
/// first-order sets. Each traced operation adds at most one node (O(1)), so the cost of tracing does not grow with
/// the number of pairs; the pairs are expanded once, from the output, by <see cref="Collect"/>. Only pairs reachable
/// from the output are produced, so a product computed and then discarded adds nothing to the pattern.
/// </summary>
internal sealed class PairSet
{
    private readonly PairSet? left;
    private readonly PairSet? right;
    private readonly int[]? a;
    private readonly int[]? b;

    private PairSet(PairSet? left, PairSet? right, int[]? a, int[]? b)
    {
        this.left = left;
        this.right = right;
        this.a = a;
        this.b = b;
    }

    /// <summary>x ∪ y.</summary>
    public static PairSet? Union(PairSet? x, PairSet? y)
    {
        if (y is null || ReferenceEquals(x, y))
        {
            return x;
        }
        return x is null ? y : new PairSet(x, y, null, null);
    }

    /// <summary>x ∪ y ∪ (A×B ∪ B×A): what a product of a value with first-order set A and one with B creates.</summary>
    public static PairSet? Combine(PairSet? x, PairSet? y, int[]? crossA, int[]? crossB)
    {
        PairSet? union = Union(x, y);
        if (DependencySet.IsEmpty(crossA) || DependencySet.IsEmpty(crossB))
        {
            return union;
        }
        return new PairSet(union, null, crossA, crossB);
    }

    /// <summary>Expands the pairs reachable from <paramref name="root"/> into a symmetric n×n pattern.</summary>
    public static SparsityPattern Collect(PairSet? root, int n)
    {
        var keys = new List<long>();
        if (root is not null)
        {
            var visited = new HashSet<PairSet>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<PairSet>();
            stack.Push(root);
            visited.Add(root);
            while (stack.Count > 0)
            {
                PairSet node = stack.Pop();
                if (node.a is not null && node.b is not null)
                {
                    foreach (int i in node.a)
                    {
                        foreach (int j in node.b)
                        {
                            keys.Add(((long)i << 32) | (uint)j);
                            keys.Add(((long)j << 32) | (uint)i);
                        }
                    }
                }
                if (node.left is not null && visited.Add(node.left))
                {
                    stack.Push(node.left);
                }
                if (node.right is not null && visited.Add(node.right))
                {
                    stack.Push(node.right);
                }
            }
        }
        return SparsityPattern.FromSortedKeys(n, n, keys);
    }
}
