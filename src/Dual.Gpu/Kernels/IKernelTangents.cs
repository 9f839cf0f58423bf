using System.Numerics;
using ILGPU;

namespace Dual.Gpu;

/// <summary>A tangent block the kernels can seed and store lane by lane without runtime division: thread g of the G
/// threads that share an output row owns the interleaved columns g, g + G, g + 2G, … (lane l ↔ column g + l·G), so the
/// G threads of a row write adjacent addresses for every lane (coalesced stores). Views passed here start at the
/// thread's first column, so each lane's address is one multiply-add away.</summary>
/// <typeparam name="TSelf">The block.</typeparam>
/// <typeparam name="T">The scalar.</typeparam>
internal interface IKernelTangents<TSelf, T> : ITangents<TSelf, T>
    where TSelf : struct, IKernelTangents<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The identity seed of one input: lane l holds <paramref name="one"/> where
    /// <paramref name="offset"/> = l·<paramref name="stride"/> (offset = input − g), else zero.</summary>
    static abstract TSelf Strided(int offset, int stride, T one);

    /// <summary>Lane l = source[l·stride] while l·stride &lt; remaining, else zero.</summary>
    static abstract TSelf Gather(ArrayView<T> source, int stride, int remaining);

    /// <summary>Lane l = source[l·stride] for every lane (the width is a multiple of the lane count).</summary>
    static abstract TSelf GatherFull(ArrayView<T> source, int stride);

    /// <summary>destination[l·stride] = lane l while l·stride &lt; remaining.</summary>
    void Scatter(ArrayView<T> destination, int stride, int remaining);

    /// <summary>destination[l·stride] = lane l for every lane.</summary>
    void ScatterFull(ArrayView<T> destination, int stride);
}

/// <summary>Whether every lane of every thread holds a column (width a multiple of k): then stores and gathers need no
/// per-lane test. A type parameter of the kernels, so each case compiles straight-line.</summary>
internal interface ILaneLayout
{
    bool Full { get; }
}

internal readonly struct FullLanes : ILaneLayout
{
    public bool Full => true;
}

internal readonly struct PartialLanes : ILaneLayout
{
    public bool Full => false;
}
