using System.Numerics;
using ILGPU;

namespace Dual.Gpu;

/// <summary>A tangent block the kernels can seed and store lane by lane without runtime division: thread g of the G
/// threads that share an output row owns the interleaved columns g, g + G, g + 2G, … (lane l ↔ column g + l·G), so the
/// G threads of a row write adjacent addresses for every lane (coalesced stores).</summary>
/// <typeparam name="TSelf">The block.</typeparam>
/// <typeparam name="T">The scalar.</typeparam>
internal interface IKernelTangents<TSelf, T> : ITangents<TSelf, T>
    where TSelf : struct, IKernelTangents<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The identity seed of one input: lane l holds <paramref name="one"/> where
    /// <paramref name="offset"/> = l·<paramref name="stride"/> (offset = input − g), else zero.</summary>
    static abstract TSelf Strided(int offset, int stride, T one);

    /// <summary>Lane l = source[start + first + l·stride] while first + l·stride &lt; limit, else zero.</summary>
    static abstract TSelf Gather(ArrayView<T> source, long start, int first, int stride, int limit);

    /// <summary>destination[start + first + l·stride] = lane l while first + l·stride &lt; limit.</summary>
    void Scatter(ArrayView<T> destination, long start, int first, int stride, int limit);
}
