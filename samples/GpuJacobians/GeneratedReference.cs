using System;
using Dual;

/// <summary>The reference workload written as a plain method: the generator emits <c>RollingKernel</c>, the
/// engine-ready struct that <c>--function generated</c> benchmarks (no hand-written kernel code). Public: ILGPU loads kernels from a separate assembly, so the struct must be
/// publicly visible (or the assembly must declare InternalsVisibleTo("ILGPURuntime")).</summary>
public static partial class GeneratedReference
{
    /// <summary>yᵢ = sin(xᵢ)·exp(x₍ᵢ₊₁₎ mod n) + xᵢ².</summary>
    [Differentiable(Gpu = true, EntryPoints = false, MultiTangent = false)]
    public static void Rolling(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double xi = x[i];
            y[i] = Math.Sin(xi) * Math.Exp(x[(i + 1) % n]) + xi * xi;
        }
    }
}
