namespace Dual;

/// <summary>
/// Sets of input indices as sorted, duplicate-free, immutable <see cref="int"/> arrays (null is the empty set).
/// A union returns one of its operands whenever the result equals it, so the common cases (x + constant, x·x,
/// a sum that adds nothing new) allocate nothing; only a genuinely larger set is a new array.
/// </summary>
internal static class DependencySet
{
    [ThreadStatic]
    private static int[]? scratch;

    public static bool IsEmpty(int[]? set) => set is null || set.Length == 0;

    public static int Count(int[]? set) => set?.Length ?? 0;

    /// <summary>The set {index}.</summary>
    public static int[] Single(int index) => [index];

    /// <summary>a ∪ b.</summary>
    public static int[]? Union(int[]? a, int[]? b)
    {
        if (IsEmpty(b) || ReferenceEquals(a, b))
        {
            return a;
        }
        if (IsEmpty(a))
        {
            return b;
        }
        int[] buffer = Scratch(a!.Length + b!.Length);
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            int x = a[i], y = b[j];
            if (x < y)
            {
                buffer[count++] = x;
                i++;
            }
            else if (y < x)
            {
                buffer[count++] = y;
                j++;
            }
            else
            {
                buffer[count++] = x;
                i++;
                j++;
            }
        }
        while (i < a.Length)
        {
            buffer[count++] = a[i++];
        }
        while (j < b.Length)
        {
            buffer[count++] = b[j++];
        }
        // Every element of a (and of b) is in the result, so equal counts mean equal sets.
        if (count == a.Length)
        {
            return a;
        }
        if (count == b.Length)
        {
            return b;
        }
        return buffer.AsSpan(0, count).ToArray();
    }

    /// <summary>a ∪ b ∪ c.</summary>
    public static int[]? Union(int[]? a, int[]? b, int[]? c) => Union(Union(a, b), c);

    /// <summary>True when a and b hold the same indices.</summary>
    public static bool SetEquals(int[]? a, int[]? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        return Count(a) == Count(b) && (Count(a) == 0 || a.AsSpan().SequenceEqual(b));
    }

    private static int[] Scratch(int length)
    {
        int[]? buffer = scratch;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new int[Math.Max(length, 2 * (buffer?.Length ?? 32))];
            scratch = buffer;
        }
        return buffer;
    }
}
