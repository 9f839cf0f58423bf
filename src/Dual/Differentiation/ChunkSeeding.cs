using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// How the chunk loops seed their work array: the inputs are read from x once, into the work array, with the first
/// block's seeds written at the same time; after that, a pass changes only the seeds of the inputs it seeds (the values
/// stay as written: one lane each where the block allows, <see cref="Move"/>). The seeds of the last pass are left in a
/// stack or pooled array (the next call writes it whole) and cleared in the per-thread zeroed array
/// (<see cref="ZeroedInputs{T, TTangents}"/>). Reading x only while filling is what lets outputs overlap x.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The tangent block.</typeparam>
internal static class ChunkSeeding<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    /// <summary>Writes the inputs for a chunk loop's first block (<paramref name="first"/> … first + k − 1 seeded with
    /// lanes 0 … k − 1): whole, or — on an array whose tangents are all zero already (<paramref name="tangentsZero"/>,
    /// <see cref="ZeroedInputs{T, TTangents}"/>) — only the values and the seed lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(ReadOnlySpan<T> x, Span<Dual<T, TTangents>> xs, int first, bool tangentsZero)
    {
        if (tangentsZero)
        {
            FillValues(x, xs, first);
        }
        else
        {
            Fill(x, xs, first);
        }
    }

    /// <summary>Writes every input with a zero tangent, except that inputs first … first + k − 1 get lanes 0 … k − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fill(ReadOnlySpan<T> x, Span<Dual<T, TTangents>> xs, int first)
    {
        int n = x.Length, seeded = Math.Min(n, first + TTangents.Count);
        xs = xs.Slice(0, n);
        for (int j = 0; j < first; j++)
        {
            WriteUnseeded(ref xs[j], x[j]);
        }
        for (int j = first; j < seeded; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], UnitSeed(j - first));
        }
        for (int j = seeded; j < n; j++)
        {
            WriteUnseeded(ref xs[j], x[j]);
        }
    }

    /// <summary>value + 0ε, written as its two fields: assigned whole, a zero dual is built in a stack temporary and
    /// copied, which above 256 bytes (Tangents32 of double: 320 bytes) the JIT does with a memcpy call per element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteUnseeded(ref Dual<T, TTangents> slot, T value)
    {
        Unsafe.AsRef(in slot.Value) = value;
        Unsafe.AsRef(in slot.Tangents) = TTangents.Zero;
    }

    /// <summary>The first block's inputs on an array whose tangents are all zero already: the values and the seed
    /// lanes only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FillValues(ReadOnlySpan<T> x, Span<Dual<T, TTangents>> xs, int first)
    {
        int n = x.Length;
        xs = xs.Slice(0, n);
        for (int j = 0; j < n; j++)
        {
            Unsafe.AsRef(in xs[j].Value) = x[j];
        }
        SetDiagonal(xs.Slice(first, Math.Min(TTangents.Count, n - first)), T.One);
    }

    /// <summary>The seed block with 1 in lane <paramref name="lane"/> (0 ≤ lane &lt; k) and +0 elsewhere: copied from
    /// <see cref="UnitSeeds{T, TTangents}"/> where it serves, else built.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TTangents UnitSeed(int lane) =>
        UnitSeeds<T, TTangents>.Serves ? UnitSeeds<T, TTangents>.At(lane) : TTangents.Unit(lane, T.One);

    /// <summary>Clears the seed lanes of inputs start … start + count − 1, leaving every tangent zero again (for
    /// <see cref="ZeroedInputs{T, TTangents}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ClearSeeds(Span<Dual<T, TTangents>> xs, int start, int count)
    {
        SetDiagonal(xs.Slice(start, count), T.Zero);
    }

    /// <summary>Moves the seeds from inputs <paramref name="from"/> … + <paramref name="fromCount"/> − 1 (lanes 0 …) to inputs
    /// <paramref name="to"/> … + <paramref name="toCount"/> − 1: the next pass's seeding, on an array whose only nonzero
    /// tangents are the previous pass's seeds.</summary>
    /// <remarks>Where a lane is one element of the block's memory (<see cref="IContiguousLanes"/>), a seed is one lane:
    /// clearing and setting it is one scalar store per input instead of writing whole blocks — at k = 16 and double,
    /// 32 scalar stores a pass instead of 64 512-bit ones (Rosenbrock n = 100: ≈ 10 ns a pass).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Move(Span<Dual<T, TTangents>> xs, int from, int fromCount, int to, int toCount)
    {
        if (LanesAreScalars)
        {
            SetDiagonal(xs.Slice(from, fromCount), T.Zero);
            SetDiagonal(xs.Slice(to, toCount), T.One);
            return;
        }
        Unseed(xs, from, fromCount);
        Seed(xs, to, toCount);
    }

    /// <summary>True when a lane of <typeparamref name="TTangents"/> is one <typeparamref name="T"/> in memory order (the
    /// library's blocks, <see cref="IContiguousLanes"/>; a JIT-time constant); false for blocks of duals (Hessians' pairs)
    /// and blocks defined outside the library.</summary>
    internal static bool LanesAreScalars
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // folds at the call site (left a call in JacobianChunked)
        get => default(TTangents) is IContiguousLanes;
    }

    /// <summary>Lane i of input i, for each input of <paramref name="block"/> (contiguous lanes): one store per input,
    /// at a fixed byte step from the first (the size of a dual plus one lane) — a store and an add per input, no
    /// per-element index arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetDiagonal(Span<Dual<T, TTangents>> block, T value)
    {
        ref T first = ref Lane(ref MemoryMarshal.GetReference(block), 0);
        nint step = Unsafe.SizeOf<Dual<T, TTangents>>() + Unsafe.SizeOf<T>(), offset = 0;
        for (int i = 0; i < block.Length; i++)
        {
            Unsafe.AddByteOffset(ref first, offset) = value;
            offset += step;
        }
    }

    /// <summary>Lane <paramref name="lane"/> of an input's tangents, where <see cref="LanesAreScalars"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref T Lane(ref Dual<T, TTangents> input, int lane) =>
        ref Unsafe.Add(ref Unsafe.As<TTangents, T>(ref Unsafe.AsRef(in input.Tangents)), lane);

    /// <summary>Seeds inputs start … start + count − 1 with lanes 0 … count − 1 (tangent blocks only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Seed(Span<Dual<T, TTangents>> xs, int start, int count)
    {
        Span<Dual<T, TTangents>> block = xs.Slice(start, count);
        for (int lane = 0; lane < block.Length; lane++)
        {
            Unsafe.AsRef(in block[lane].Tangents) = UnitSeed(lane);
        }
    }

    /// <summary>Zeroes the tangent blocks of inputs start … start + count − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unseed(Span<Dual<T, TTangents>> xs, int start, int count)
    {
        Span<Dual<T, TTangents>> block = xs.Slice(start, count);
        for (int lane = 0; lane < block.Length; lane++)
        {
            Unsafe.AsRef(in block[lane].Tangents) = TTangents.Zero;
        }
    }
}
