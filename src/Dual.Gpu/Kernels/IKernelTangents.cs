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

/// <summary>The lane layout, a type parameter of the kernels so that each case compiles straight-line: whether every lane
/// of every thread holds a column (width a multiple of k: stores and gathers need no per-lane test), and the lane stride
/// G (threads per row) when it is a compile-time constant. With a constant G every lane offset l·G is a literal: a
/// store is one instruction with an immediate address offset, an identity seed one compare with an immediate, instead of
/// a multiply-add and a constant load per lane (about 3 of ~40 instructions per Jacobian entry; see docs/gpu.md).
/// The engine uses a constant-stride layout for the full-lane widths k·G with G ∈ {1, 2, 4, 8} (k = 16: n = 16, 32, 64,
/// 128), the runtime stride otherwise.</summary>
internal interface ILaneLayout
{
    bool Full { get; }

    /// <summary>G: the constant, or <paramref name="threads"/> (the launch's runtime value).</summary>
    int Stride(int threads);
}

/// <summary>Every lane's column exists (the width is a multiple of k), with the lane stride <typeparamref name="TStride"/>.</summary>
internal readonly struct FullLanes<TStride> : ILaneLayout
    where TStride : struct, ILaneStride
{
    public bool Full => true;

    public int Stride(int threads) => default(TStride).Of(threads);
}

internal readonly struct PartialLanes : ILaneLayout
{
    public bool Full => false;

    public int Stride(int threads) => threads;
}

/// <summary>The lane stride G of a layout: the launch's runtime value or a compile-time constant.</summary>
internal interface ILaneStride
{
    int Of(int threads);
}

internal readonly struct RuntimeStride : ILaneStride { public int Of(int threads) => threads; }
internal readonly struct Stride1 : ILaneStride { public int Of(int threads) => 1; }
internal readonly struct Stride2 : ILaneStride { public int Of(int threads) => 2; }
internal readonly struct Stride4 : ILaneStride { public int Of(int threads) => 4; }
internal readonly struct Stride8 : ILaneStride { public int Of(int threads) => 8; }
