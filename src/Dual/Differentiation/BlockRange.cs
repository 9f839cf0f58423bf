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

    /// <summary>n inputs as the ⌊n/k⌋ whole blocks of k (<paramref name="head"/>, possibly empty) and the rest as one
    /// block of <paramref name="tail"/> inputs (<paramref name="last"/>), for a tail narrower than k
    /// (<see cref="AutoDiff.TailChunkSize"/>: k is a multiple of it, so the rest starts on one of its blocks).</summary>
    public static void SplitTail(int n, int k, int tail, out BlockRange head, out BlockRange last)
    {
        int whole = n / k, tailBlock = whole * k / tail;
        head = new BlockRange(0, whole);
        last = new BlockRange(tailBlock, tailBlock + 1);
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
