namespace Dual;

/// <summary>Where a chunk loop takes its next block of inputs (or Hessian row) from: a fixed range on one thread, or a
/// counter shared by the workers of a parallel call.</summary>
internal interface IBlockSource
{
    /// <summary>The next block to evaluate, or false when there is none left.</summary>
    bool Next(out int block);
}

/// <summary>The blocks [next, end) in order: the sequential chunk loops.</summary>
internal struct BlockRange : IBlockSource
{
    private int next;
    private readonly int end;

    public BlockRange(int first, int end)
    {
        next = first;
        this.end = end;
    }

    /// <summary>⌈n/k⌉, the number of blocks of k inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(int n, int k) => (n + k - 1) / k;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out int block)
    {
        block = next;
        if (next >= end)
        {
            return false;
        }
        next++;
        return true;
    }
}
