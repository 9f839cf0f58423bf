// Context of the GPU engine's short examples (README.md, docs/gpu.md): the names they use without declaring them.
// P points of a function from n = 3 inputs to m = 3 outputs, row-major.
global using static GpuBatch;
using System.Numerics;
using Dual.Gpu;

public static class GpuBatch
{
    public const int P = 100, n = 3, m = 3;

    public static Microsoft.Extensions.Logging.ILogger logger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public static readonly SinOfNext f = default, myKernelFunction = default;

    public static readonly double[] points = Enumerable.Range(0, P * n).Select(k => 0.01 * k).ToArray();

    public static readonly double[] jacobians = new double[P * m * n];
}

/// <summary>yᵢ = sin(x₍ᵢ₊₁₎ mod n)·xᵢ.</summary>
public readonly struct SinOfNext : IKernelFunction
{
    public int InputCount => GpuBatch.n;
    public int OutputCount => GpuBatch.m;
    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum> where TInputs : struct, IKernelInputs<TNum>
        => TNum.Sin(x[(i + 1) % GpuBatch.n]) * x[i];
}
