namespace Dual;

/// <summary>
/// A fixed-size block of tangents ("partials" in ForwardDiff.jl): the k directional derivatives that a
/// <see cref="Dual{T, TTangents}"/> carries through one evaluation. Implementations are unmanaged structs of
/// at least <see cref="Count"/> contiguous <typeparamref name="T"/> lanes, passed by value so that the JIT can keep a
/// whole dual in registers (the public blocks are made of <c>Vector128&lt;T&gt;</c>/<c>Vector256&lt;T&gt;</c> fields).
/// </summary>
/// <typeparam name="TSelf">The implementing block type.</typeparam>
/// <typeparam name="T">The scalar type.</typeparam>
/// <remarks>Every lane is computed with exactly the operations <see cref="Dual{T}"/> uses for its single tangent,
/// in the same order and without fused multiply-adds, so results are bit-identical whatever the chunk size.</remarks>
public interface ITangents<TSelf, T>
    where TSelf : struct, ITangents<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The number of tangents k in the block.</summary>
    static abstract int Count { get; }

    /// <summary>All tangents zero.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>The tangent in lane <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    T this[int index] { get; }

    /// <summary>A block holding <paramref name="values"/> (missing lanes zero).</summary>
    /// <param name="values">At most <see cref="Count"/> values.</param>
    static abstract TSelf Create(ReadOnlySpan<T> values);

    /// <summary>The block with <paramref name="value"/> in lane <paramref name="index"/> and zero elsewhere
    /// (a seed: lane <paramref name="index"/> differentiates with respect to the input it is placed on).</summary>
    /// <param name="index">The lane.</param>
    /// <param name="value">The seed value, usually one.</param>
    static abstract TSelf Unit(int index, T value);

    /// <summary>Copies the lanes into <paramref name="destination"/> (at most its length).</summary>
    /// <param name="destination">The destination.</param>
    void CopyTo(Span<T> destination);

    /// <summary>Lane-wise a + b.</summary>
    /// <param name="a">The first block.</param>
    /// <param name="b">The second block.</param>
    static abstract TSelf Add(TSelf a, TSelf b);

    /// <summary>Lane-wise a − b.</summary>
    /// <param name="a">The first block.</param>
    /// <param name="b">The second block.</param>
    static abstract TSelf Subtract(TSelf a, TSelf b);

    /// <summary>Lane-wise −a.</summary>
    /// <param name="a">The block.</param>
    static abstract TSelf Negate(TSelf a);

    /// <summary>Lane-wise a·s.</summary>
    /// <param name="a">The block.</param>
    /// <param name="s">The scalar.</param>
    static abstract TSelf Multiply(TSelf a, T s);

    /// <summary>Lane-wise a/s.</summary>
    /// <param name="a">The block.</param>
    /// <param name="s">The scalar.</param>
    static abstract TSelf Divide(TSelf a, T s);

    /// <summary>Lane-wise a·s + b·t, rounded after each operation (never fused).</summary>
    /// <param name="a">The first block.</param>
    /// <param name="s">Its scale.</param>
    /// <param name="b">The second block.</param>
    /// <param name="t">Its scale.</param>
    static abstract TSelf MultiplyAdd(TSelf a, T s, TSelf b, T t);

    /// <summary>Lane-wise a·s + b·t where a zero lane contributes exactly zero even when its scale is infinite or NaN
    /// (used only at singular points, where a constant's zero tangent must not turn 0·∞ into NaN).</summary>
    /// <param name="a">The first block.</param>
    /// <param name="s">Its scale.</param>
    /// <param name="b">The second block.</param>
    /// <param name="t">Its scale.</param>
    static abstract TSelf MultiplyAddSkippingZeros(TSelf a, T s, TSelf b, T t);

    /// <summary>True when every lane of a equals the same lane of b (IEEE ==).</summary>
    /// <param name="a">The first block.</param>
    /// <param name="b">The second block.</param>
    static abstract bool Equal(TSelf a, TSelf b);
}
