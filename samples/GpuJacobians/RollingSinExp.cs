using System;
using System.Numerics;

using Dual;
using Dual.Gpu;

namespace GpuJacobians;

/// <summary>
/// The reference workload of the GPU benchmark (owned by the sample; the GPU tests compile this same file), the function <c>../shared/gpu/jax_torch_jacobian.py</c> times
/// for JAX and PyTorch: yᵢ = sin(xᵢ)·exp(x₍ᵢ₊₁₎ mod n) + xᵢ², ℝⁿ → ℝⁿ. It is both an
/// <see cref="IKernelFunction"/> (for the engine) and an <see cref="IVectorFunction"/> (for the CPU API).
/// </summary>
public readonly struct RollingSinExp : IKernelFunction, IVectorFunction
{
    private readonly int n;

    /// <summary>The function on ℝⁿ.</summary>
    /// <param name="n">n ≥ 1.</param>
    public RollingSinExp(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        this.n = n;
    }

    /// <inheritdoc />
    public int InputCount => n;

    /// <inheritdoc />
    public int OutputCount => n;

    /// <inheritdoc />
    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
    {
        int next = i + 1 == n ? 0 : i + 1;
        TNum xi = x[i];
        return TNum.Sin(xi) * TNum.Exp(x[next]) + xi * xi;
    }

    /// <inheritdoc />
    public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        int len = x.Length;
        for (int i = 0; i < len; i++)
        {
            TNum xi = x[i];
            y[i] = TNum.Sin(xi) * TNum.Exp(x[i + 1 == len ? 0 : i + 1]) + xi * xi;
        }
    }
}
