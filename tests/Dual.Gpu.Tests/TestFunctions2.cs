using System.Numerics;
using ILGPU;

namespace Dual.Gpu.Tests;

/// <summary>Output i reads x[i + Offset]: past its inputs for the last rows (a bug a user can make).</summary>
public readonly struct ReadsPastEnd : IKernelFunction
{
    public ReadsPastEnd(int offset) => Offset = offset;

    public int Offset { get; }

    public int InputCount => 3;

    public int OutputCount => 3;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        => x[i] * x[i + Offset];
}

/// <summary>A whole-point function that writes one output past m.</summary>
public readonly struct WritesPastEnd : IKernelPointFunction
{
    public int InputCount => 2;

    public int OutputCount => 2;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        => x[i];

    public void Evaluate<TNum, TInputs, TOutputs>(in TInputs x, in TOutputs y)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        where TOutputs : struct, IKernelOutputs<TNum>
    {
        y.Set(0, x[0]);
        y.Set(2, x[1]);
    }
}

/// <summary>A dense layer with data on the device: yᵢ = tanh(Σⱼ Wᵢⱼ (xⱼ − μ) + bᵢ), μ = mean(x). The mean is work every row
/// shares: the whole-point evaluation does it once per point and lane block and counts that in <c>SharedWork[0]</c>; the
/// row form recomputes it per row.</summary>
public readonly struct CenteredDenseTanh : IKernelPointFunction
{
    private readonly ArrayView<double> weights;
    private readonly ArrayView<double> bias;
    private readonly ArrayView<int> sharedWork;
    private readonly int n;
    private readonly int m;

    public CenteredDenseTanh(ArrayView<double> weights, ArrayView<double> bias, ArrayView<int> sharedWork, int n, int m)
    {
        this.weights = weights;
        this.bias = bias;
        this.sharedWork = sharedWork;
        this.n = n;
        this.m = m;
    }

    public int InputCount => n;

    public int OutputCount => m;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        => Row<TNum, TInputs>(i, in x, Mean<TNum, TInputs>(in x));

    public void Evaluate<TNum, TInputs, TOutputs>(in TInputs x, in TOutputs y)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        where TOutputs : struct, IKernelOutputs<TNum>
    {
        TNum mean = Mean<TNum, TInputs>(in x);
        Atomic.Add(ref sharedWork[0], 1);
        for (int i = 0; i < m; i++)
            y.Set(i, Row<TNum, TInputs>(i, in x, mean));
    }

    private TNum Mean<TNum, TInputs>(in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
    {
        TNum sum = TNum.Zero;
        for (int j = 0; j < n; j++)
            sum += x[j];
        return sum * x.Constant(1.0 / n);
    }

    private TNum Row<TNum, TInputs>(int i, in TInputs x, TNum mean)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
    {
        TNum z = x.Constant(bias[i]);
        for (int j = 0; j < n; j++)
            z += x.Constant(weights[(long)i * n + j]) * (x[j] - mean);
        return TNum.Tanh(z);
    }
}
