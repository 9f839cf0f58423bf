using System;
using System.Numerics;

namespace Dual;

/// <summary>
/// Makes perturbation confusion an error instead of a wrong number. A differentiation call at scalar type
/// <typeparamref name="T"/> seeds <see cref="Dual{T}"/> tangents; a second call at the same <typeparamref name="T"/>
/// made while the first is still evaluating would seed the very same tangent slot, and any outer dual the
/// inner function captures would have its perturbation added to the inner one (Siskind–Pearlmutter).
/// Nesting at the lifted type (<c>Dual&lt;T&gt;</c>) uses a different slot and is always allowed.
/// </summary>
internal static class NestingGuard<T> where T : IFloatingPointIeee754<T>
{
    [ThreadStatic]
    private static int depth;

    public static Scope Enter(string operation)
    {
        if (depth > 0)
        {
            throw new InvalidOperationException(
                $"AutoDiff.{operation} was called at scalar type {Name()} while another differentiation at {Name()} is evaluating " +
                $"on this thread. Both would use the same tangent slot, so a value captured from the outer function would " +
                $"be differentiated twice (perturbation confusion). Make the inner call at the outer's dual type instead, " +
                $"e.g. AutoDiff.Derivative<Dual<{Name()}>>(y => x + y, ...) where x is the outer Dual<{Name()}>.");
        }
        depth++;
        return default;
    }

    private static string Name() => typeof(T).Name;

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => depth--;
    }
}
