namespace Dual;

/// <summary>When the chunk loops replay the primal's sincos calls across passes (see <see cref="SinCosMemo"/>).</summary>
internal static class PassReplay
{
    /// <summary>At <see cref="double"/> (a JIT-time test), with more than one pass: n inputs in blocks of k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Applies<T>(int n, int k) => typeof(T) == typeof(double) && n > k;
}
