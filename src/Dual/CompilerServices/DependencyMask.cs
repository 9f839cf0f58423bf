namespace Dual.CompilerServices;

/// <summary>
/// A tangent block of <see cref="Count"/> lanes that records only <em>whether</em> a lane is reached: lane j is set
/// when the value depends on seeded input j. Every linear combination is a union (multiplying by a scalar, even 0,
/// keeps the lanes: the dependency is structural, as in the sparsity tracer), and a zero tangent (what
/// <c>Floor</c>, <c>Round</c>, … return) is empty. Run through a generated multi-tangent twin, it finds which inputs
/// each output depends on along the branches taken at the point (a local pattern), with no tracer number type.
/// </summary>
/// <typeparam name="T">The floating type.</typeparam>
internal readonly struct DependencyMask<T> : ITangents<DependencyMask<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly ulong w0, w1, w2, w3;

    private DependencyMask(ulong a, ulong b, ulong c, ulong d)
    {
        w0 = a;
        w1 = b;
        w2 = c;
        w3 = d;
    }

    /// <summary>256 lanes.</summary>
    public static int Count => 256;

    /// <inheritdoc/>
    public static DependencyMask<T> Zero => default;

    /// <summary>Whether lane <paramref name="index"/> is set.</summary>
    /// <param name="index">The lane.</param>
    /// <returns>1 when set, else 0.</returns>
    public T this[int index] => IsSet(index) ? T.One : T.Zero;

    /// <summary>Whether lane <paramref name="index"/> (0 ≤ index &lt; 256) is set.</summary>
    /// <param name="index">The lane.</param>
    /// <returns>Whether the value depends on that lane's input.</returns>
    public bool IsSet(int index) => ((index >> 6) switch { 0 => w0, 1 => w1, 2 => w2, _ => w3 } & (1UL << (index & 63))) != 0;

    /// <summary>Whether no lane is set.</summary>
    public bool IsEmpty => (w0 | w1 | w2 | w3) == 0;

    /// <inheritdoc/>
    public static DependencyMask<T> Create(ReadOnlySpan<T> values)
    {
        DependencyMask<T> r = Zero;
        for (int i = 0; i < values.Length && i < Count; i++)
        {
            if (!T.IsZero(values[i])) r = Add(r, Unit(i, T.One));
        }
        return r;
    }

    /// <inheritdoc/>
    public static DependencyMask<T> Unit(int index, T value)
    {
        if (T.IsZero(value) || (uint)index >= 256) return Zero;
        ulong bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new(bit, 0, 0, 0),
            1 => new(0, bit, 0, 0),
            2 => new(0, 0, bit, 0),
            _ => new(0, 0, 0, bit),
        };
    }

    /// <inheritdoc/>
    public void CopyTo(Span<T> destination)
    {
        for (int i = 0; i < destination.Length && i < Count; i++) destination[i] = this[i];
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> Add(DependencyMask<T> a, DependencyMask<T> b) => new(a.w0 | b.w0, a.w1 | b.w1, a.w2 | b.w2, a.w3 | b.w3);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> Subtract(DependencyMask<T> a, DependencyMask<T> b) => Add(a, b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> Negate(DependencyMask<T> a) => a;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> Multiply(DependencyMask<T> a, T s) => a;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> Divide(DependencyMask<T> a, T s) => a;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> MultiplyAdd(DependencyMask<T> a, T s, DependencyMask<T> b, T t) => Add(a, b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DependencyMask<T> MultiplyAddSkippingZeros(DependencyMask<T> a, T s, DependencyMask<T> b, T t) => Add(a, b);

    /// <inheritdoc/>
    public static bool Equal(DependencyMask<T> a, DependencyMask<T> b) => a.w0 == b.w0 && a.w1 == b.w1 && a.w2 == b.w2 && a.w3 == b.w3;
}
