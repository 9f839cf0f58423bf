using System.Threading;

namespace Dual;

/// <summary>
/// The blocks [0, end) handed out to the workers of a parallel call: each <see cref="Next"/> takes the next block
/// number from one counter shared by all of them, so every block is evaluated exactly once, by whichever worker is free.
/// </summary>
internal struct SharedBlocks : IBlockSource
{
    private readonly Counter counter;
    private readonly int end;

    public SharedBlocks(Counter counter, int end)
    {
        this.counter = counter;
        this.end = end;
    }

    public readonly bool Next(out int block)
    {
        block = Interlocked.Increment(ref counter.Taken) - 1;
        return block < end;
    }

    /// <summary>The blocks taken so far (a class, so that the workers' copies of the source share it).</summary>
    internal sealed class Counter
    {
        public int Taken;
    }
}
