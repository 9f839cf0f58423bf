namespace Dual;

/// <summary>
/// How the chunk loops seed their work array: the inputs are read from x once, into the work array, with the first
/// block's seeds written at the same time; after that, a pass changes only the tangent blocks of the inputs it seeds
/// (the values stay as written), and the seeds of the last pass are left in place (the array is refilled by the next call).
/// Reading x only while filling is what lets outputs overlap x.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The tangent block.</typeparam>
internal static class ChunkSeeding<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    /// <summary>Writes every input with a zero tangent, except that inputs first … first + k − 1 get lanes 0 … k − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(ReadOnlySpan<T> x, Span<Dual<T, TTangents>> xs, int first)
    {
        int n = x.Length, seeded = Math.Min(n, first + TTangents.Count);
        xs = xs.Slice(0, n);
        for (int j = 0; j < first; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], TTangents.Zero);
        }
        for (int j = first; j < seeded; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], TTangents.Unit(j - first, T.One));
        }
        for (int j = seeded; j < n; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], TTangents.Zero);
        }
    }

    /// <summary>Seeds inputs start … start + count − 1 with lanes 0 … count − 1 (tangent blocks only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Seed(Span<Dual<T, TTangents>> xs, int start, int count)
    {
        Span<Dual<T, TTangents>> block = xs.Slice(start, count);
        for (int lane = 0; lane < block.Length; lane++)
        {
            Unsafe.AsRef(in block[lane].Tangents) = TTangents.Unit(lane, T.One);
        }
    }

    /// <summary>Zeroes the tangent blocks of inputs start … start + count − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unseed(Span<Dual<T, TTangents>> xs, int start, int count)
    {
        Span<Dual<T, TTangents>> block = xs.Slice(start, count);
        for (int lane = 0; lane < block.Length; lane++)
        {
            Unsafe.AsRef(in block[lane].Tangents) = TTangents.Zero;
        }
    }
}
