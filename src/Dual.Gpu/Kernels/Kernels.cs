using System.Numerics;
using ILGPU;

namespace Dual.Gpu;

// Kernel mapping (see docs/gpu.md). Explicitly grouped 3-D launches, so that no thread divides by a runtime size.
// Group dimensions (fastest first, so a warp spans the threads of a row, then rows, then points):
//   x: the G = ⌈width/k⌉ threads that share one output row; thread g owns the interleaved columns g, g + G, …, g + (k−1)·G
//      (lane l ↔ column g + l·G), so for every lane the G threads of a row store to adjacent addresses;
//   y: output rows i (row kernels only);
//   z: points p.
// Grid dimensions: x = point blocks (up to 2³¹ − 1 on CUDA), y = row blocks, z = blocks of lane threads (≤ 65 535 each).
// A thread evaluates its row once for k columns: each row's primal and transcendentals run ⌈width/k⌉ times per point.
// width is n for dense Jacobians (identity seeds, synthesized), r for J·V (seeds V[:, c]), 1 for JVPs (k = 1).

/// <summary>Everything one launch needs, in one argument: the function, the chunk's views and sizes.</summary>
internal readonly struct KernelArgs<T, TFunction, TSeeds>
    where T : unmanaged
    where TFunction : struct
    where TSeeds : struct
{
    public readonly TFunction Function;
    public readonly ArrayView<T> X;
    public readonly ArrayView<T> Output;
    public readonly ArrayView<T> Values;
    public readonly ArrayView<int> Status;
    public readonly TSeeds Seeds;
    public readonly int N;
    public readonly int M;
    public readonly int Width;
    public readonly int Threads;
    public readonly int Points;
    public readonly int WriteValues;

    public KernelArgs(TFunction function, ArrayView<T> x, ArrayView<T> output, ArrayView<T> values, ArrayView<int> status,
        TSeeds seeds, int n, int m, int width, int threads, int points, bool writeValues)
    {
        Function = function;
        X = x;
        Output = output;
        Values = values;
        Status = status;
        Seeds = seeds;
        N = n;
        M = m;
        Width = width;
        Threads = threads;
        Points = points;
        WriteValues = writeValues ? 1 : 0;
    }
}

/// <summary>The kernels: generic over the scalar, its conversion, the function, the tangent block, the seeds and the read
/// check; ILGPU compiles one instance per combination the first time it is loaded.</summary>
internal static class Kernels
{
    /// <summary>One thread per (point, output row, lane thread g): evaluates row i for its k columns.</summary>
    public static void Rows<T, TScalar, TFunction, TTangents, TSeeds, TCheck, TLayout>(KernelArgs<T, TFunction, TSeeds> a)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TScalar : struct, IKernelScalar<T>
        where TFunction : struct, IKernelFunction
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TSeeds : struct, ISeeds<TSeeds, T>
        where TCheck : struct, IReadCheck
        where TLayout : struct, ILaneLayout
    {
        int g = Grid.IdxZ * Group.DimX + Group.IdxX;
        int i = Grid.IdxY * Group.DimY + Group.IdxY;
        int p = Grid.IdxX * Group.DimZ + Group.IdxZ;
        if (g >= a.Threads || i >= a.M || p >= a.Points)
            return;
        int stride = default(TLayout).Stride(a.Threads);
        var x = new LaneInputs<T, TScalar, TTangents, TSeeds, TCheck, TLayout>(a.X, (long)p * a.N, a.N, a.Seeds, p, g, stride, a.Status, i);
        Dual<T, TTangents> y = a.Function.Output<Dual<T, TTangents>, LaneInputs<T, TScalar, TTangents, TSeeds, TCheck, TLayout>>(i, in x);
        long row = (long)p * a.M + i;
        Store<T, TTangents, TLayout>(a.Output, row * a.Width, g, stride, a.Width, y.Tangents);
        if (a.WriteValues != 0 && g == 0)
            a.Values[row] = y.Value;
    }

    /// <summary>One thread per (point, lane thread g): the whole-point evaluation of an <see cref="IKernelPointFunction"/>,
    /// which does the work its rows share once and hands each output to the engine as it is produced.</summary>
    public static void Points<T, TScalar, TFunction, TTangents, TSeeds, TCheck, TLayout>(KernelArgs<T, TFunction, TSeeds> a)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TScalar : struct, IKernelScalar<T>
        where TFunction : struct, IKernelPointFunction
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TSeeds : struct, ISeeds<TSeeds, T>
        where TCheck : struct, IReadCheck
        where TLayout : struct, ILaneLayout
    {
        int g = Grid.IdxZ * Group.DimX + Group.IdxX;
        int p = Grid.IdxX * Group.DimZ + Group.IdxZ;
        if (g >= a.Threads || p >= a.Points)
            return;
        int stride = default(TLayout).Stride(a.Threads);
        var x = new LaneInputs<T, TScalar, TTangents, TSeeds, TCheck, TLayout>(a.X, (long)p * a.N, a.N, a.Seeds, p, g, stride, a.Status, -1);
        var y = new LaneOutputs<T, TTangents, TCheck, TLayout>(a.Output, a.Values, a.Status, p, a.M, a.Width, g, stride, a.WriteValues);
        a.Function.Evaluate<Dual<T, TTangents>, LaneInputs<T, TScalar, TTangents, TSeeds, TCheck, TLayout>, LaneOutputs<T, TTangents, TCheck, TLayout>>(in x, in y);
    }

    /// <summary>Writes thread g's lanes of one output row (starting at <paramref name="rowStart"/>) to the columns
    /// g, g + G, …: the view starts at the thread's first column, so each lane's address is one multiply-add away.</summary>
    public static void Store<T, TTangents, TLayout>(ArrayView<T> output, long rowStart, int g, int threads, int width, TTangents tangents)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TLayout : struct, ILaneLayout
    {
        ArrayView<T> columns = output.SubView(rowStart + g, width - g);
        if (default(TLayout).Full)
            tangents.ScatterFull(columns, threads);
        else
            tangents.Scatter(columns, threads, width - g);
    }
}
