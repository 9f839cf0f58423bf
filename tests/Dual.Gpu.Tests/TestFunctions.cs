using System;
using System.Numerics;

namespace Dual.Gpu.Tests;

/// <summary>m ≠ n, odd sizes, every kernel-safe elementary function the rules use: outputs mix inputs
/// through sin, cos, exp, log, sqrt, tanh, division and powers.</summary>
public readonly struct Mixed : IKernelFunction
{
    private readonly int n;
    private readonly int m;

    public Mixed(int n, int m)
    {
        this.n = n;
        this.m = m;
    }

    public int InputCount => n;

    public int OutputCount => m;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
    {
        TNum one = TNum.One, two = one + one;
        TNum a = x[i % n], b = x[(2 * i + 1) % n], c = x[(i + 2) % n];
        TNum y = a * TNum.Cos(b) + TNum.Sqrt(one + c * c) - TNum.Tanh(a) / (two + b * b);
        y += TNum.Log(two + TNum.Sin(c)) * TNum.Exp(a * (one / (two + two)));
        // A loop over all inputs, so every output depends on every input (a dense Jacobian).
        TNum s = TNum.Zero;
        for (int k = 0; k < n; k++)
            s += x[k] * x[k];
        return y + TNum.Sin(s / (two + TNum.Abs(a)));
    }
}
