namespace Dual;

/// <summary>
/// A SIMD tangent block (<see cref="Tangents2{T}"/> … <see cref="Tangents32{T}"/>) whose duals take their sin and cos
/// values and derivatives from one <c>T.SinCos</c> per call, without the per-thread pairing memo
/// (<see cref="SinCosMemo"/>): the type the one-pass gradient and Jacobian evaluate a function at once its first
/// evaluations showed that it never pairs <c>T.Sin(x)</c> with <c>T.Cos(x)</c> (<see cref="SinCosPairing{T, TFunction}"/>).
/// </summary>
/// <remarks>
/// <para>Why a type: the rules are inlined into the user's function, compiled once per dual type. A verdict carried in
/// the type is a JIT-time constant (<see cref="SinCosRoute{T, TTangents}"/>), so an unpaired function's loop holds the
/// <c>Math.SinCos</c> call and nothing else: no memo, no per-call test of which evaluation is running (which cost
/// Ackley's gradient at n = 10 about 11 ns of 210 when the verdict was a per-call stack-address test).</para>
/// <para>Every member forwards to the block it wraps; the layout is that block's (one field), so every lane computes
/// exactly what it computes in the wrapped block, and the memo and the direct call return the bits of
/// <c>T.SinCos</c>: results are bit-identical to the wrapped block's. Contiguous lanes, like every block it wraps.</para>
/// </remarks>
/// <typeparam name="TBlock">The wrapped SIMD block.</typeparam>
/// <typeparam name="T">The scalar type.</typeparam>
internal readonly struct UnpairedBlock<TBlock, T> : ITangents<UnpairedBlock<TBlock, T>, T>, IContiguousLanes
    where TBlock : struct, ITangents<TBlock, T>
    where T : IFloatingPointIeee754<T>
{
    private readonly TBlock block;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private UnpairedBlock(TBlock block) => this.block = block;

    /// <inheritdoc/>
    public static int Count => TBlock.Count;

    /// <inheritdoc/>
    public static UnpairedBlock<TBlock, T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(TBlock.Zero);
    }

    /// <inheritdoc/>
    public T this[int index] => block[index];

    /// <inheritdoc/>
    public static UnpairedBlock<TBlock, T> Create(ReadOnlySpan<T> values) => new(TBlock.Create(values));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Unit(int index, T value) => new(TBlock.Unit(index, value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination) => block.CopyTo(destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Add(UnpairedBlock<TBlock, T> a, UnpairedBlock<TBlock, T> b) => new(TBlock.Add(a.block, b.block));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Subtract(UnpairedBlock<TBlock, T> a, UnpairedBlock<TBlock, T> b) => new(TBlock.Subtract(a.block, b.block));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Negate(UnpairedBlock<TBlock, T> a) => new(TBlock.Negate(a.block));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Multiply(UnpairedBlock<TBlock, T> a, T s) => new(TBlock.Multiply(a.block, s));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> Divide(UnpairedBlock<TBlock, T> a, T s) => new(TBlock.Divide(a.block, s));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UnpairedBlock<TBlock, T> MultiplyAdd(UnpairedBlock<TBlock, T> a, T s, UnpairedBlock<TBlock, T> b, T t) =>
        new(TBlock.MultiplyAdd(a.block, s, b.block, t));

    /// <inheritdoc/>
    public static UnpairedBlock<TBlock, T> MultiplyAddSkippingZeros(UnpairedBlock<TBlock, T> a, T s, UnpairedBlock<TBlock, T> b, T t) =>
        new(TBlock.MultiplyAddSkippingZeros(a.block, s, b.block, t));

    /// <inheritdoc/>
    public static bool Equal(UnpairedBlock<TBlock, T> a, UnpairedBlock<TBlock, T> b) => TBlock.Equal(a.block, b.block);

    /// <summary>The lanes as text, as the wrapped block writes them.</summary>
    public override string ToString() => block.ToString() ?? "";
}
