using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// Work storage for the inputs or outputs of a small gradient, Jacobian or Hessian, on the stack: no per-thread cache
/// lookups (each a thread-static access), no try/finally to give an array back.
/// </summary>
/// <typeparam name="TItem">The element type (a dual number).</typeparam>
/// <remarks>
/// <para>The library is compiled with <c>[module: SkipLocalsInit]</c>, so a buffer taken with
/// <see cref="Unsafe.SkipInit{T}(out T)"/> is not zeroed: every element must be written before it is read (the drivers
/// fill all of it from the inputs first).</para>
/// <para>Duals whose size is a multiple of 64 start on a 64-byte boundary (<see cref="CacheLineAlignment"/>): the buffer
/// holds one element more than <see cref="Length"/> for the shift.</para>
/// <para>A method that owns one must be <see cref="MethodImplOptions.NoInlining"/>: inlined into a caller compiled
/// without SkipLocalsInit (user code), the buffer would be zeroed by that caller's prolog on every call (3 KB at
/// <c>Dual&lt;double, Tangents16&lt;double&gt;&gt;</c>, about 20 ns).</para>
/// </remarks>
[InlineArray(Length + 1)]
internal struct StackBuffer<TItem>
{
    /// <summary>The number of elements it holds.</summary>
    public const int Length = 16;

    /// <summary>Above this element size the buffer stays off the stack (nested duals with wide blocks).</summary>
    private const int MaxElementBytes = 256;

    private TItem _element0;

    /// <summary>True when <paramref name="length"/> elements fit (the size test folds at JIT time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(int length) => Unsafe.SizeOf<TItem>() <= MaxElementBytes && (uint)length <= Length;

    /// <summary>The first <paramref name="length"/> elements (at most <see cref="Length"/>), cache-line aligned where the
    /// element allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<TItem> AsSpan(int length) => CacheLineAlignment.Within(MemoryMarshal.CreateSpan(ref _element0, Length + 1), length);
}
