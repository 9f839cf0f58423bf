namespace Dual.Gpu;

/// <summary>Converts a <see cref="double"/> constant to the kernel's scalar without generic conversions (which ILGPU
/// rejects: they dispatch on <c>typeof</c>).</summary>
internal interface IKernelScalar<T>
{
    T FromDouble(double value);
}

internal readonly struct DoubleScalar : IKernelScalar<double>
{
    public double FromDouble(double value) => value;
}

internal readonly struct SingleScalar : IKernelScalar<float>
{
    public float FromDouble(double value) => (float)value;
}

/// <summary>Whether input reads (and whole-point output writes) are bounds-checked in the kernel.</summary>
internal interface IReadCheck
{
    bool Enabled { get; }
}

internal readonly struct CheckedReads : IReadCheck
{
    public bool Enabled => true;
}

internal readonly struct UncheckedReads : IReadCheck
{
    public bool Enabled => false;
}

/// <summary>The kernel's report of a bad index: Status[0] = kind (0 none, 1 input read, 2 output write), [1] = index,
/// [2] = output row (−1 for a whole-point evaluation), [3] = point within the launch. The first report wins.</summary>
internal static class KernelStatus
{
    public const int Length = 4;
    public const int BadRead = 1;
    public const int BadWrite = 2;

    public static void Report(ArrayView<int> status, int kind, int index, int row, int point)
    {
        if (Atomic.CompareExchange(ref status[0], 0, kind) == 0)
        {
            status[1] = index;
            status[2] = row;
            status[3] = point;
        }
    }
}

/// <summary>The tangents of input k at point p for the k lanes of thread g.</summary>
internal interface ISeeds<TSelf, T>
    where TSelf : struct, ISeeds<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The seeds over V (ignored by the identity).</summary>
    static abstract TSelf Create(ArrayView<T> v, long pointStride, int columns);

    TTangents Lanes<TTangents, TLayout>(int point, int input, int g, int threads)
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TLayout : struct, ILaneLayout;
}

/// <summary>Dense Jacobians: input k has tangent 1 in the lane whose column is k (synthesized, nothing read).</summary>
internal readonly struct IdentitySeeds<T> : ISeeds<IdentitySeeds<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static IdentitySeeds<T> Create(ArrayView<T> v, long pointStride, int columns) => default;

    public TTangents Lanes<TTangents, TLayout>(int point, int input, int g, int threads)
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TLayout : struct, ILaneLayout
        => TTangents.Strided(input - g, threads, T.One);
}

/// <summary>J·V and JVPs: input k has tangent V[k, c] in the lane of column c; V is n×r row-major, one per point
/// (<see cref="PointStride"/> = n·r) or shared (0).</summary>
internal readonly struct MatrixSeeds<T> : ISeeds<MatrixSeeds<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static MatrixSeeds<T> Create(ArrayView<T> v, long pointStride, int columns) => new(v, pointStride, columns);

    public readonly ArrayView<T> V;
    public readonly long PointStride;
    public readonly int Columns;

    public MatrixSeeds(ArrayView<T> v, long pointStride, int columns)
    {
        V = v;
        PointStride = pointStride;
        Columns = columns;
    }

    public TTangents Lanes<TTangents, TLayout>(int point, int input, int g, int threads)
        where TTangents : struct, IKernelTangents<TTangents, T>
        where TLayout : struct, ILaneLayout
    {
        ArrayView<T> row = V.SubView(point * PointStride + (long)input * Columns + g, Columns - g);
        return default(TLayout).Full ? TTangents.GatherFull(row, threads) : TTangents.Gather(row, threads, Columns - g);
    }
}

// The accessors a kernel hands the function, nested in the kernels' class so that they share its type parameters.
internal static partial class Kernels<T, TScalar, TTangents, TSeeds, TCheck, TLayout>
{
    /// <summary>Reading input k synthesizes xₖ + Σₗ sₖₗ εₗ; no dual input is ever stored. A checked read outside [0, n)
    /// reports the index and yields NaN instead of reading another point's (or no one's) memory.</summary>
    internal readonly struct LaneInputs(ArrayView<T> x, long offset, int n, TSeeds seeds, int point, int g,
        int threads, ArrayView<int> status, int row) : IKernelInputs<Dual<T, TTangents>>
    {
        public Dual<T, TTangents> this[int index]
        {
            get
            {
                if (default(TCheck).Enabled && (uint)index >= (uint)n)
                {
                    KernelStatus.Report(status, KernelStatus.BadRead, index, row, point);
                    return new Dual<T, TTangents>(T.NaN, TTangents.Zero);
                }
                return new Dual<T, TTangents>(x[offset + index], seeds.Lanes<TTangents, TLayout>(point, index, g, threads));
            }
        }

        public Dual<T, TTangents> Constant(double value) => new(default(TScalar).FromDouble(value), TTangents.Zero);
    }

    /// <summary>Where a whole-point evaluation puts output i: its k lanes into the row's interleaved columns, its value
    /// (thread 0 of the point) into the values.</summary>
    internal readonly struct LaneOutputs(ArrayView<T> output, ArrayView<T> values, ArrayView<int> status, int point,
        int m, int width, int g, int threads, int writeValues) : IKernelOutputs<Dual<T, TTangents>>
    {
        public void Set(int index, Dual<T, TTangents> value)
        {
            if ((uint)index >= (uint)m)
            {
                if (default(TCheck).Enabled)
                    KernelStatus.Report(status, KernelStatus.BadWrite, index, -1, point);
                return;
            }
            Kernels.WriteRow<T, TTangents, TLayout>(output, values, writeValues, (long)point * m + index, width, g, threads, value);
        }
    }
}
