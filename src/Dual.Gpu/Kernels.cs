using System.Numerics;
using ILGPU;

namespace Dual.Gpu;

// Kernel mapping (see docs/gpu.md). Every kernel is a flat 1-D launch whose fastest-varying index is the
// fastest-varying index of the row-major output, so consecutive threads write consecutive addresses
// (fully coalesced stores), and every thread evaluates exactly one output row for exactly one seed:
//
//   dense Jacobian  [P, m, n]: thread t = (p·m + i)·n + j  → seed eⱼ, output i, writes J[p, i, j] (= out[t])
//   J·V             [P, m, r]: thread t = (p·m + i)·r + c  → seed V[:, c], output i, writes (J·V)[p, i, c]
//   JVP             [P, m]   : thread t = p·m + i          → seed v (per point or shared), output i
//
// Inputs are never materialized as dual numbers: the accessors below build xₖ + sₖε when the function reads
// input k (sₖ = δₖⱼ for the Jacobian), so the only global reads are the point's n values (shared by the
// m·n threads of one point, hence served from L1/L2) and, for J·V and JVPs, the seed matrix or vector.

/// <summary>The sizes a kernel needs, packed into one argument.</summary>
internal readonly struct KernelShape
{
    public readonly int N;
    public readonly int M;
    public readonly int R;
    public readonly int WriteValues;
    public readonly int SharedTangent;

    public KernelShape(int n, int m, int r, bool writeValues, bool sharedTangent)
    {
        N = n;
        M = m;
        R = r;
        WriteValues = writeValues ? 1 : 0;
        SharedTangent = sharedTangent ? 1 : 0;
    }
}

/// <summary>Input k of point p with tangent δₖⱼ: one column of the identity, synthesized.</summary>
internal readonly struct IdentitySeedInputs<T> : IKernelInputs<Dual<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayView<T> x;
    private readonly long offset;
    private readonly int column;

    public IdentitySeedInputs(ArrayView<T> x, long offset, int column)
    {
        this.x = x;
        this.offset = offset;
        this.column = column;
    }

    public Dual<T> this[int index] => new(x[offset + index], index == column ? T.One : T.Zero);
}

/// <summary>Input k of point p with tangent V[k, c] (V row-major n×r).</summary>
internal readonly struct MatrixSeedInputs<T> : IKernelInputs<Dual<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayView<T> x;
    private readonly ArrayView<T> v;
    private readonly long offset;
    private readonly int column;
    private readonly int r;

    public MatrixSeedInputs(ArrayView<T> x, ArrayView<T> v, long offset, int column, int r)
    {
        this.x = x;
        this.v = v;
        this.offset = offset;
        this.column = column;
        this.r = r;
    }

    public Dual<T> this[int index] => new(x[offset + index], v[(long)index * r + column]);
}

/// <summary>Input k of point p with tangent t[tangentOffset + k].</summary>
internal readonly struct VectorSeedInputs<T> : IKernelInputs<Dual<T>>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayView<T> x;
    private readonly ArrayView<T> t;
    private readonly long offset;
    private readonly long tangentOffset;

    public VectorSeedInputs(ArrayView<T> x, ArrayView<T> t, long offset, long tangentOffset)
    {
        this.x = x;
        this.t = t;
        this.offset = offset;
        this.tangentOffset = tangentOffset;
    }

    public Dual<T> this[int index] => new(x[offset + index], t[tangentOffset + index]);
}

/// <summary>The kernels. They are generic over the scalar and the function struct; ILGPU specializes and
/// compiles one instance per (T, TFunction) the first time it is loaded.</summary>
internal static class Kernels
{
    /// <summary>Dense Jacobians: one thread per (point, output row, column); values from column 0.</summary>
    public static void Jacobian<T, TFunction>(Index1D index, TFunction f, ArrayView<T> x, ArrayView<T> jacobian,
        ArrayView<T> values, KernelShape s)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        int t = index;
        int j = t % s.N;
        int row = t / s.N;
        int i = row % s.M;
        int p = row / s.M;
        var inputs = new IdentitySeedInputs<T>(x, (long)p * s.N, j);
        Dual<T> y = f.Output<Dual<T>, IdentitySeedInputs<T>>(i, in inputs);
        jacobian[t] = y.Tangent;
        if (s.WriteValues != 0 && j == 0)
            values[row] = y.Value;
    }

    /// <summary>J·V: one thread per (point, output row, column of V); values from column 0.</summary>
    public static void JacobianMatrix<T, TFunction>(Index1D index, TFunction f, ArrayView<T> x, ArrayView<T> v,
        ArrayView<T> product, ArrayView<T> values, KernelShape s)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        int t = index;
        int c = t % s.R;
        int row = t / s.R;
        int i = row % s.M;
        int p = row / s.M;
        var inputs = new MatrixSeedInputs<T>(x, v, (long)p * s.N, c, s.R);
        Dual<T> y = f.Output<Dual<T>, MatrixSeedInputs<T>>(i, in inputs);
        product[t] = y.Tangent;
        if (s.WriteValues != 0 && c == 0)
            values[row] = y.Value;
    }

    /// <summary>JVPs: one thread per (point, output row), writing f(x) and J·v.</summary>
    public static void Jvp<T, TFunction>(Index1D index, TFunction f, ArrayView<T> x, ArrayView<T> tangents,
        ArrayView<T> values, ArrayView<T> jvp, KernelShape s)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        int t = index;
        int i = t % s.M;
        int p = t / s.M;
        long offset = (long)p * s.N;
        var inputs = new VectorSeedInputs<T>(x, tangents, offset, s.SharedTangent != 0 ? 0L : offset);
        Dual<T> y = f.Output<Dual<T>, VectorSeedInputs<T>>(i, in inputs);
        values[t] = y.Value;
        jvp[t] = y.Tangent;
    }
}
