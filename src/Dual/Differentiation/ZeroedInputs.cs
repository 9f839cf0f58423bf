using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// The chunk loops' per-thread input array, kept with every tangent block zero between calls: a call then writes only
/// the inputs' values and its seeds' lanes (one scalar store each, <see cref="ChunkSeeding{T, TTangents}.Fill(ReadOnlySpan{T}, Span{Dual{T, TTangents}}, int, bool)"/>)
/// instead of n whole blocks, and clears its last seeds before giving the array back — what Ceres' drivers get from
/// their persistent <c>Jet</c> arrays. At k = 16 and double, writing the zero blocks cost Rosenbrock n = 100 ≈ 80 ns a
/// call (two 512-bit stores per input).
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The tangent block.</typeparam>
/// <remarks>
/// <para>Served only where a lane is one element of the block's memory (<see cref="ChunkSeeding{T, TTangents}.LanesAreScalars"/>), and
/// up to <see cref="MaxBytes"/> per thread and block type; larger inputs are rented and filled whole, as small ones use
/// the stack.</para>
/// <para>The invariant "every tangent zero" holds whenever the array is in the cache: <see cref="Take"/> removes it,
/// so a re-entrant call gets a new (zeroed) array, and a call that ends in an exception from f never gives its array
/// back (the next call allocates a fresh one) — a seed can never leak into a later call.</para>
/// </remarks>
internal static class ZeroedInputs<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    /// <summary>The largest array kept per thread and block type.</summary>
    private const int MaxBytes = 512 * 1024;

    [ThreadStatic]
    private static Dual<T, TTangents>[]? cached;

    /// <summary>True when <paramref name="length"/> inputs are served from the cache (the block test folds at JIT time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Serves(int length) =>
        ChunkSeeding<T, TTangents>.LanesAreScalars && length <= MaxBytes / Unsafe.SizeOf<Dual<T, TTangents>>();

    /// <summary>An array holding at least <paramref name="length"/> inputs whose tangents are all zero; read it through
    /// <see cref="Inputs"/>.</summary>
    public static Dual<T, TTangents>[] Take(int length)
    {
        Dual<T, TTangents>[]? array = cached;
        if (array is not null && array.Length - Slack >= length)
        {
            cached = null;
            return array;
        }
        int capacity = Math.Min((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(length, 16)), MaxBytes / Unsafe.SizeOf<Dual<T, TTangents>>());
        // Pinned (the pinned heap), so that the 64-byte-aligned start Inputs computes from its address stays put.
        return GC.AllocateArray<Dual<T, TTangents>>(Math.Max(capacity, length) + Slack, pinned: Aligns);
    }

    /// <summary>The first <paramref name="length"/> inputs of an array from <see cref="Take"/>, starting on a 64-byte
    /// boundary where the dual's size is a multiple of 64 (<see cref="CacheLineAlignment"/>).</summary>
    /// <remarks>The offset depends only on the (pinned) array's address, so every call on the array uses the same bytes
    /// and the zero-tangent invariant carries over.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<Dual<T, TTangents>> Inputs(Dual<T, TTangents>[] array, int length) =>
        CacheLineAlignment.Within(array.AsSpan(), length);

    /// <summary>True where the inputs start 64-byte aligned (<see cref="CacheLineAlignment.Aligns{TItem}"/>; the array is
    /// then pinned). JIT-time constant.</summary>
    private static bool Aligns
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => CacheLineAlignment.Aligns<Dual<T, TTangents>>();
    }

    /// <summary>The one extra element an aligned array needs for the shift to the boundary (at most 56 bytes).</summary>
    private static int Slack => Aligns ? 1 : 0;

    /// <summary>Gives back an array taken with <see cref="Take"/>, its tangents all zero again.</summary>
    public static void Give(Dual<T, TTangents>[] array)
    {
        if (cached is null || cached.Length < array.Length)
        {
            cached = array;
        }
    }
}
