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

/// <summary>The kernels of one lane configuration: generic over the scalar, its conversion, the tangent block, the seeds,
/// the read check and the lane layout (here) and the function (per kernel); ILGPU compiles one instance per combination
/// the first time it is loaded.</summary>
internal static partial class Kernels<T, TScalar, TTangents, TSeeds, TCheck, TLayout>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TScalar : struct, IKernelScalar<T>
    where TTangents : struct, IKernelTangents<TTangents, T>
    where TSeeds : struct, ISeeds<TSeeds, T>
    where TCheck : struct, IReadCheck
    where TLayout : struct, ILaneLayout
{
    /// <summary>One thread per (point, output row, lane thread g): evaluates row i for its k columns.</summary>
    public static void Rows<TFunction>(KernelArgs<T, TFunction, TSeeds> a)
        where TFunction : struct, IKernelFunction
    {
        int g = LaneThread;
        int i = Grid.IdxY * Group.DimY + Group.IdxY;
        int p = Point;
        if (g >= a.Threads || i >= a.M || p >= a.Points)
            return;
        int stride = default(TLayout).Stride(a.Threads);
        var x = Inputs(a, p, g, stride, i);
        Dual<T, TTangents> y = a.Function.Output<Dual<T, TTangents>, LaneInputs>(i, in x);
        Kernels.WriteRow<T, TTangents, TLayout>(a.Output, a.Values, a.WriteValues, (long)p * a.M + i, a.Width, g, stride, y);
    }

    /// <summary>One thread per (point, lane thread g): the whole-point evaluation of an <see cref="IKernelPointFunction"/>,
    /// which does the work its rows share once and hands each output to the engine as it is produced.</summary>
    public static void Points<TFunction>(KernelArgs<T, TFunction, TSeeds> a)
        where TFunction : struct, IKernelPointFunction
    {
        int g = LaneThread;
        int p = Point;
        if (g >= a.Threads || p >= a.Points)
            return;
        int stride = default(TLayout).Stride(a.Threads);
        var x = Inputs(a, p, g, stride, -1);
        var y = new LaneOutputs(a.Output, a.Values, a.Status, p, a.M, a.Width, g, stride, a.WriteValues);
        a.Function.Evaluate<Dual<T, TTangents>, LaneInputs, LaneOutputs>(in x, in y);
    }

    /// <summary>The thread's lane thread g within its point (x of the group, continued over the grid's z blocks).</summary>
    private static int LaneThread
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Grid.IdxZ * Group.DimX + Group.IdxX;
    }

    /// <summary>The thread's point p (z of the group, continued over the grid's x blocks).</summary>
    private static int Point
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Grid.IdxX * Group.DimZ + Group.IdxZ;
    }

    /// <summary>Point p's inputs as thread g's lanes read them (<paramref name="row"/>: the output row, −1 for a whole point).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LaneInputs Inputs<TFunction>(KernelArgs<T, TFunction, TSeeds> a,
        int p, int g, int stride, int row)
        where TFunction : struct =>
        new(a.X, (long)p * a.N, a.N, a.Seeds, p, g, stride, a.Status, row);
}

/// <summary>The stores every kernel shares.</summary>
internal static class Kernels
{
    /// <summary>Writes output row <paramref name="row"/> (= p·m + i) of thread g: its lanes into the row's columns, its
    /// value (thread 0 of the row, when values are wanted) into the values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteRow<T, TTangents, TLayout>(ArrayView<T> output, ArrayView<T> values, int writeValues, long row, int width,
        int g, int threads, Dual<T, TTangents> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TLayout : struct, ILaneLayout
    {
        Store<T, TTangents, TLayout>(output, row * width, g, threads, width, y.Tangents);
        if (writeValues != 0 && g == 0)
            values[row] = y.Value;
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
