using System.Threading;

namespace Dual;

/// <summary>
/// Makes perturbation confusion an error instead of a wrong number. A differentiation call at scalar type
/// <typeparamref name="T"/> seeds <see cref="Dual{T}"/> tangents; a second call at the same <typeparamref name="T"/>
/// made while the first is still evaluating would seed the very same tangent slot, and any outer dual the
/// inner function captures would have its perturbation added to the inner one (Siskind–Pearlmutter).
/// Nesting at the lifted type (<c>Dual&lt;T&gt;</c>) uses a different slot and is always allowed.
/// </summary>
/// <remarks>
/// <para>The mark "a differentiation at <typeparamref name="T"/> is evaluating" lives in an
/// <see cref="AsyncLocal{T}"/>, so it follows the logical call rather than the thread: work that <c>f</c> starts
/// on other threads (<c>Task.Run</c>, <c>Task.Factory.StartNew</c>, <c>Parallel.For</c>, <c>new Thread</c>, async
/// continuations) carries the mark with the <see cref="ExecutionContext"/> it captures, and an unrelated task that a
/// blocking wait happens to run inline on this thread runs under its own context, without the mark.</para>
/// <para>Setting an <see cref="AsyncLocal{T}"/> allocates a new execution context every time. Instead, each thread
/// caches the pair (context before the call → the same context with the mark set) and switches between the two by
/// writing the thread's context slot (<see cref="ThreadContextSlot"/>; where the runtime lacks it, with
/// <see cref="ExecutionContext.Restore"/>), which allocates nothing; the pair is rebuilt only when a call starts
/// from a different context. If <c>f</c> itself changes the context (sets an async-local of its own), the exit
/// clears the mark instead of restoring, so the caller keeps what <c>f</c> set.</para>
/// <para>Not tracked: work started with the flow of the execution context suppressed
/// (<see cref="ExecutionContext.SuppressFlow"/>, <c>ThreadPool.UnsafeQueueUserWorkItem</c>,
/// <c>Thread.UnsafeStart</c>), which by design carries no context.</para>
/// </remarks>
internal static class NestingGuard<T> where T : IFloatingPointIeee754<T>
{
    private static readonly AsyncLocal<object?> Mark = new();

    /// <summary>The mark's value, and this T's key in the per-thread cache.</summary>
    private static readonly object Evaluating = new();

    /// <summary>Marks the calling context as evaluating a differentiation at T; throws if it already is.</summary>
    /// <remarks>The steady state is inlined: the thread's most recent entry (<see cref="GuardContexts.Recent"/>) is this T's,
    /// from the context the thread holds now. Everything else (first call, another context, nesting, the public
    /// Capture/Restore path) goes through <see cref="EnterSlow"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scope Enter(string operation)
    {
        GuardContexts thread = GuardContexts.Current;
        if (ThreadContextSlot.Enabled)
        {
            ref ExecutionContext? slot = ref ThreadContextSlot.Of(thread.Thread);
            ExecutionContext? outer = slot;
            ref GuardContexts.Entry recent = ref thread.Recent;
            if (ReferenceEquals(recent.Key, Evaluating) && ReferenceEquals(recent.Outer, outer))
            {
                ExecutionContext inner = recent.Inner!;
                slot = inner;
                return new Scope(thread, outer, inner, direct: true);
            }
        }
        return EnterSlow(thread, operation);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Scope EnterSlow(GuardContexts thread, string operation)
    {
        bool direct = ThreadContextSlot.Enabled;
        // The context the call starts from: through the slot, exactly what the thread holds (null for the default
        // context; a flow-suppressed context is one more context, whose marked twin guards this thread only); through
        // the public API, Capture's view (null when flow is suppressed: no context to switch to).
        ExecutionContext? outer = direct ? ThreadContextSlot.Of(thread.Thread) : ExecutionContext.Capture();
        if (!direct && outer is null)
        {
            return EnterSuppressed(operation);
        }
        // Steady state: this context was seen before on this thread, as the one a call started from (no mark: switch
        // to its marked twin) or as a marked one (nested: refuse). Neither reads the async-local.
        GuardContexts.Entry[] entries = thread.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            ref GuardContexts.Entry entry = ref entries[i];
            if (ReferenceEquals(entry.Key, Evaluating))
            {
                if (ReferenceEquals(entry.Outer, outer))
                {
                    ExecutionContext inner = entry.Inner!;
                    thread.Recent = entry;
                    if (direct)
                    {
                        // The two contexts differ only in the mark, whose async-local has no change handler, so the
                        // change-notification pass ExecutionContext.Restore would make (≈ 12 ns once anything has set
                        // CultureInfo.CurrentCulture) has nothing to find.
                        ThreadContextSlot.Of(thread.Thread) = inner;
                    }
                    else
                    {
                        ExecutionContext.Restore(inner);
                    }
                    return new Scope(thread, outer, inner, direct);
                }
                if (ReferenceEquals(entry.Inner, outer))
                {
                    throw Confusion(operation);
                }
            }
        }
        if (Mark.Value is not null)
        {
            throw Confusion(operation);
        }
        Mark.Value = Evaluating;
        ExecutionContext marked = (direct ? ThreadContextSlot.Of(thread.Thread) : ExecutionContext.Capture())!;
        thread.Remember(Evaluating, outer, marked);
        thread.Recent = new GuardContexts.Entry { Key = Evaluating, Outer = outer, Inner = marked };
        return new Scope(thread, outer, marked, direct);
    }

    /// <summary>Flow suppressed (public API path): there is no context to switch to; sets the mark directly (this allocates).</summary>
    private static Scope EnterSuppressed(string operation)
    {
        if (Mark.Value is not null)
        {
            throw Confusion(operation);
        }
        Mark.Value = Evaluating;
        return new Scope(null, null, null, direct: false);
    }

    private static InvalidOperationException Confusion(string operation)
    {
        string t = TypeNames.Of(typeof(T));
        return new InvalidOperationException(
            $"AutoDiff.{operation} was called at scalar type {t} while another differentiation at {t} is evaluating " +
            $"in the same logical call (on this thread, or in work the outer function started on another thread: a task, " +
            $"Parallel.For, an async continuation). Both would use the same tangent slot, so a value captured from the outer " +
            $"function would be differentiated twice (perturbation confusion). Make the inner call at the outer's dual type " +
            $"instead, e.g. AutoDiff.Derivative<Dual<{t}>>(y => x + y, ...) where x is the outer Dual<{t}>; generic-math " +
            $"functions (IRealFunction, IScalarFunction, ...) do this by themselves.");
    }

    /// <summary>Ends the evaluation: restores the context the call started from.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly GuardContexts? thread;
        private readonly ExecutionContext? outer;
        private readonly ExecutionContext? inner;
        private readonly bool direct;

        public Scope(GuardContexts? thread, ExecutionContext? outer, ExecutionContext? inner, bool direct)
        {
            this.thread = thread;
            this.outer = outer;
            this.inner = inner;
            this.direct = direct;
        }

        public void Dispose()
        {
            if (direct)
            {
                ref ExecutionContext? slot = ref ThreadContextSlot.Of(thread!.Thread);
                if (ReferenceEquals(slot, inner))
                {
                    // Calls usually start from the default context, which the slot holds as null: storing the literal
                    // needs no GC write barrier (a call into the runtime), storing the variable does.
                    if (outer is null)
                    {
                        slot = null;
                    }
                    else
                    {
                        slot = outer;
                    }
                    return;
                }
            }
            else if (outer is not null && ReferenceEquals(ExecutionContext.Capture(), inner))
            {
                ExecutionContext.Restore(outer);
                return;
            }
            // f changed the context (or flow was suppressed): keep its changes, clear only the mark.
            Mark.Value = null;
        }
    }
}

/// <summary>
/// The per-thread state of <see cref="NestingGuard{T}"/>, reached with one thread-static read: the thread itself (whose
/// context slot the guard switches) and a cache of a few (scalar type, context without the mark, the same context with
/// the mark) entries — a few, so that nesting at the lifted types (double, Dual&lt;double&gt;, …) does not evict its
/// outer call. Kept in a non-generic class, whose thread-static the JIT reaches inline, unlike a generic class's.
/// </summary>
internal sealed class GuardContexts
{
    internal struct Entry
    {
        public object? Key;

        /// <summary>The context a call started from (null: the default context, as the thread's slot holds it).</summary>
        public ExecutionContext? Outer;
        public ExecutionContext? Inner;
    }

    [ThreadStatic]
    private static GuardContexts? current;

    private int next;

    private GuardContexts() => Thread = Thread.CurrentThread;

    /// <summary>This thread's state.</summary>
    public static GuardContexts Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => current ?? Create();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GuardContexts Create() => current = new GuardContexts();

    /// <summary>The thread the state belongs to.</summary>
    public Thread Thread { get; }

    /// <summary>A copy of the entry the thread's last guarded call used: the inlined steady-state test reads it alone.</summary>
    public Entry Recent;

    /// <summary>The cached context pairs.</summary>
    public Entry[] Entries { get; } = new Entry[4];

    /// <summary>Stores the pair for <paramref name="key"/>, replacing its previous one, else the oldest entry.</summary>
    public void Remember(object key, ExecutionContext? outer, ExecutionContext inner)
    {
        int slot = -1;
        for (int i = 0; i < Entries.Length; i++)
        {
            if (ReferenceEquals(Entries[i].Key, key))
            {
                slot = i;
                break;
            }
        }
        if (slot < 0)
        {
            slot = next;
            next = (next + 1) % Entries.Length;
        }
        Entries[slot] = new Entry { Key = key, Outer = outer, Inner = inner };
    }
}
