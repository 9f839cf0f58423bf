using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// Where the drivers' work arrays start: on a 64-byte boundary for the duals whose size is a multiple of 64 (their
/// blocks hold <c>Vector512</c> fields at 64-byte offsets, so every block then sits in whole cache lines). Managed
/// arrays and stack frames are only 8- or 16-byte aligned, and a misaligned 512-bit access straddles two lines: a
/// 32-lane Rosenbrock pass at n = 1000 measured 3.37 µs aligned against 3.86–3.91 µs at offsets 8, 16 and 32.
/// </summary>
/// <remarks>Only for storage that does not move (the stack, pinned arrays), and only for elements without references
/// (a shifted span of references would hide them from the garbage collector): <see cref="Aligns{TItem}"/>.</remarks>
internal static class CacheLineAlignment
{
    /// <summary>True where <typeparamref name="TItem"/> is stored 64-byte aligned (a JIT-time constant); storage for n
    /// such items then needs room for n + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Aligns<TItem>() =>
        Unsafe.SizeOf<TItem>() % 64 == 0 && !RuntimeHelpers.IsReferenceOrContainsReferences<TItem>();

    /// <summary>The first <paramref name="length"/> items of <paramref name="storage"/> from its first 64-byte boundary
    /// (at most 56 bytes on: storage is 8-byte aligned) where <see cref="Aligns{TItem}"/>, else from its start;
    /// <paramref name="storage"/> holds at least <paramref name="length"/> + 1 items where it aligns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<TItem> Within<TItem>(Span<TItem> storage, int length)
    {
        if (!Aligns<TItem>())
        {
            return storage.Slice(0, length);
        }
        if ((uint)length >= (uint)storage.Length)
        {
            ThrowTooShort();
        }
        ref byte bytes = ref Unsafe.As<TItem, byte>(ref MemoryMarshal.GetReference(storage));
        nint misalignment = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref bytes) & 63;
        ref byte aligned = ref Unsafe.AddByteOffset(ref bytes, (64 - misalignment) & 63);
        return MemoryMarshal.CreateSpan(ref Unsafe.As<byte, TItem>(ref aligned), length);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort() =>
        throw new ArgumentOutOfRangeException("length", "The storage must hold one item more than the aligned span.");
}
