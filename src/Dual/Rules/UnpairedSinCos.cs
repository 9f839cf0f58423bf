using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// Marks the stack below a differentiation entry as running a function that never pairs <c>T.Sin(x)</c> with
/// <c>T.Cos(x)</c> (<see cref="SinCosPairing{T, TFunction}"/>): the Sin and Cos rules called from there take
/// <c>Math.SinCos</c> directly instead of going through <see cref="SinCosMemo"/>, whose thread-static fields cost a
/// call into the runtime's TLS lookup per rule on Linux (Ackley n = 10, one pass of 10 cos calls: 6–9 ns of 215 in a
/// probe).
/// </summary>
/// <remarks>
/// <para>Which thread is asking is told by the stack, not by a thread static: an entry writes the address of its own
/// frame into the slot of its stack's megabyte (and of the megabyte <see cref="Window"/> below, where the window
/// crosses one), and a rule checks whether its own frame lies within <see cref="Window"/> bytes below the address in
/// its megabyte's slot — a plain load, a subtraction and a compare. Threads' stacks are disjoint, so two threads meet in
/// a slot only when their stacks alias modulo <see cref="SlotCount"/> MB.</para>
/// <para>Nothing here can change a number: both paths return the bits <c>Math.SinCos</c> returns for the argument
/// (the memo only replays them). A slot that another thread overwrote, or a frame deeper than the window, only sends a
/// rule through the memo; a rule that a stale mark covers only misses a pair it could have shared.</para>
/// </remarks>
internal static unsafe class UnpairedSinCos
{
    /// <summary>How far below the entry's frame the mark reaches: f and what it calls, to this depth (the 16-lane
    /// Ackley's frame is 1.5 KB).</summary>
    private const nuint Window = 256 * 1024;

    private const int SlotCount = 64;

    private const int SlotShift = 20; // one slot per megabyte of address space, modulo SlotCount

    // One 64-byte line per slot, so that threads in different slots do not share a line. Allocated once, never freed.
    private static readonly nuint* Slots = AllocateSlots();

    // Set by the first mark, never cleared (written once: no line shared between cores is written again): until then
    // the rules skip the slot lookup with one plain load, as PrimalReplay.AnyOpen lets them skip the log.
    private static bool everMarked;

    private static nuint* AllocateSlots()
    {
        var slots = (nuint*)NativeMemory.AlignedAlloc(SlotCount * 64, 64);
        NativeMemory.Clear(slots, SlotCount * 64);
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref nuint SlotOf(nuint address) => ref Slots[((address >> SlotShift) & (SlotCount - 1)) * (nuint)(64 / sizeof(nuint))];

    /// <summary>True when the calling frame lies within <see cref="Window"/> bytes below a marked entry of its megabyte.</summary>
    public static bool Covers
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (!everMarked)
            {
                return false;
            }
            byte here;
            nuint address = (nuint)(&here);
            return SlotOf(address) - address < Window;
        }
    }

    /// <summary>Marks the caller's stack below this frame until <see cref="Leave"/>.</summary>
    /// <returns>The mark: the frame's address, never 0 or 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint Enter()
    {
        if (!everMarked)
        {
            everMarked = true;
        }
        byte here;
        nuint top = (nuint)(&here);
        SlotOf(top) = top;
        SlotOf(top - Window) = top;
        return top;
    }

    /// <summary>Clears the slots of the mark <see cref="Enter"/> returned. Called on the normal return only (no
    /// try/finally on the hot path): a mark that an exception left stays until the next entry of its slot leaves, and
    /// until then only sends the rules it covers past the memo. A nested entry's leave clears its caller's mark too,
    /// with the same effect.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(nuint top)
    {
        SlotOf(top) = 0;
        SlotOf(top - Window) = 0;
    }
}
