using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// The seed blocks of <typeparamref name="TTangents"/> (1 in lane i, +0 elsewhere), built once per block type into
/// pinned, 64-byte-aligned memory, so that seeding an input is a copy: two aligned 512-bit loads for a 16-lane block of
/// double. Built in registers (<see cref="RegisterSeeds{T}"/>: a broadcast, a compare into a mask, a mask move and an AND
/// per vector), the ten seeds of a 10-input gradient at k = 16 cost about 9 ns of a 39 ns Rosenbrock gradient; from
/// here, 4–5 ns less. The memory is never written after it is built, so reading it never waits on a store.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The tangent block.</typeparam>
/// <remarks>Only for the library's blocks of double and float (<see cref="Serves"/>): their size is a power of two or a
/// multiple of 64 bytes, so no block in the aligned table straddles a cache line.</remarks>
internal static unsafe class UnitSeeds<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    // Pinned: the blocks' address is taken once, below.
    private static readonly byte[] Storage = GC.AllocateArray<byte>(TTangents.Count * Unsafe.SizeOf<TTangents>() + 64, pinned: true);

    /// <summary>The first block's address, 64-byte aligned inside <see cref="Storage"/>.</summary>
    private static readonly nint Blocks = Build();

    /// <summary>True where the seeds come from here (a JIT-time constant): lanes that are T's in memory order
    /// (<see cref="IContiguousLanes"/>), at double or float.</summary>
    public static bool Serves
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => default(TTangents) is IContiguousLanes && RegisterSeeds<T>.Supported;
    }

    private static nint Build()
    {
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Storage));
        nint aligned = (start + 63) & ~(nint)63;
        for (int lane = 0; lane < TTangents.Count; lane++)
        {
            Unsafe.WriteUnaligned((void*)(aligned + lane * Unsafe.SizeOf<TTangents>()), TTangents.Unit(lane, T.One));
        }
        return aligned;
    }

    /// <summary>The block with 1 in lane <paramref name="lane"/> (0 ≤ lane &lt; k) and +0 elsewhere: the same bits as
    /// <c>TTangents.Unit(lane, T.One)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TTangents At(int lane)
    {
        Debug.Assert((uint)lane < (uint)TTangents.Count);
        return Unsafe.ReadUnaligned<TTangents>((void*)(Blocks + (nint)lane * Unsafe.SizeOf<TTangents>()));
    }
}
