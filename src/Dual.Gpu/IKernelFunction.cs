using System.Numerics;

namespace Dual.Gpu;

/// <summary>
/// Read access to the n inputs of a <see cref="IKernelFunction"/> at one point. The engine implements it so
/// that reading input k synthesizes the dual number the kernel needs (for a Jacobian column j:
/// <c>x[k] + δₖⱼ ε</c>) on the fly: no dual inputs are ever stored.
/// </summary>
/// <typeparam name="TNum">The number type the function is evaluated at.</typeparam>
public interface IKernelInputs<TNum>
{
    /// <summary>Input <paramref name="index"/>, 0 ≤ index &lt; n.</summary>
    /// <param name="index">The input index.</param>
    TNum this[int index] { get; }
}

/// <summary>
/// A function ℝⁿ → ℝᵐ in kernel-ready form: an unmanaged struct, generic over the number type, that
/// computes one output at a time from an input accessor, with no spans, arrays, allocation or exceptions,
/// so the same code runs on the CPU, on ILGPU's CPU accelerator and on a CUDA GPU.
/// </summary>
/// <remarks>
/// <para>Computing one output at a time is what lets the GPU engine give every thread a single
/// (point, output row, seed) triple, write its result coalesced, and evaluate each output row exactly
/// once per seed (see docs/gpu.md). A function whose outputs share expensive subexpressions pays for them
/// once per output; the reference workload and most residual-style functions do not.</para>
/// <para>Inside <see cref="Output{TNum, TInputs}"/> use only what compiles for CUDA: operators and
/// <c>TNum.Sin/Cos/Exp/Log/Sqrt/Tanh/Pow/Abs/Min/Max</c>; build constants from <c>TNum.One</c>; avoid
/// <c>TNum.CreateChecked</c>, <c>SinCos</c>, <c>Log2</c>, <c>Cbrt</c>, <c>FusedMultiplyAdd</c>, <c>Lerp</c>,
/// <c>Hypot</c>, estimates (see <see cref="JacobianEngine.ValidateForCuda{TFunction}(TFunction)"/>, which finds
/// them without a GPU).</para>
/// </remarks>
public interface IKernelFunction
{
    /// <summary>n, the number of inputs.</summary>
    int InputCount { get; }

    /// <summary>m, the number of outputs.</summary>
    int OutputCount { get; }

    /// <summary>Computes output <paramref name="i"/> (0 ≤ i &lt; m) at the point the accessor reads.</summary>
    /// <typeparam name="TNum">The number type (the scalar, or a dual number over it).</typeparam>
    /// <typeparam name="TInputs">The input accessor.</typeparam>
    /// <param name="i">The output index.</param>
    /// <param name="x">The inputs.</param>
    /// <returns>fᵢ(x).</returns>
    TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>;
}
