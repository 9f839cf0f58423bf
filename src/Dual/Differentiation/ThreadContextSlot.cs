using System.Threading;

namespace Dual;

/// <summary>
/// The current thread's execution-context slot (<c>Thread._executionContext</c>), read and written directly by
/// <see cref="NestingGuard{T}"/> to switch between a context and its marked twin without
/// <see cref="ExecutionContext.Restore"/>'s change-notification pass.
/// </summary>
/// <remarks>
/// <para>Sound only for that switch: the two contexts hold the same async-locals but the guard's mark, which has no
/// change handler, so no handler could have been due. The slot holds null for the default context, exactly as the
/// runtime leaves it; the guard writes back what it read.</para>
/// <para>The field is a runtime implementation detail. <see cref="Available"/> probes it once (present, of the
/// expected type, and agreeing with <see cref="ExecutionContext.Capture"/>); where it is not, the guard uses the public
/// Capture/Restore pair, which costs more but behaves the same.</para>
/// </remarks>
internal static class ThreadContextSlot
{
    /// <summary>True when the slot can be used on this runtime.</summary>
    public static readonly bool Available = Probe();

    /// <summary>Whether the guard uses the slot: <see cref="Available"/>, unless a test turns it off to exercise the
    /// public Capture/Restore path (a plain static, read once per guarded call).</summary>
    public static bool Enabled = Available;

    /// <summary>The slot of <paramref name="thread"/> (the guard passes the current thread, which it keeps in its
    /// per-thread state, so reaching the slot costs no second thread-static read).</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_executionContext")]
    public static extern ref ExecutionContext? Of(Thread thread);

    private static bool Probe()
    {
        try
        {
            // On a thread of our own, started without the caller's context (UnsafeStart), so that context is neither
            // touched nor inherited: the slot must start empty (the default context), then hold exactly what Capture
            // returns once an async-local is set.
            bool agrees = false;
            var probe = new AsyncLocal<object?>();
            var thread = new Thread(() =>
            {
                ExecutionContext? empty = Of(Thread.CurrentThread);
                probe.Value = probe;
                ExecutionContext? set = Of(Thread.CurrentThread);
                agrees = empty is null && set is not null && ReferenceEquals(set, ExecutionContext.Capture());
            });
            thread.UnsafeStart();
            thread.Join();
            return agrees;
        }
        catch (MemberAccessException)
        {
            return false;
        }
    }
}
