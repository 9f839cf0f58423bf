namespace Dual.Gpu;

/// <summary>
/// Read access to the n inputs of a <see cref="IKernelFunction"/> at one point. The engine implements it so
/// that reading input k synthesizes the dual number the kernel needs (for a Jacobian column j:
/// <c>x[k] + δₖⱼ ε</c>) on the fly: no dual inputs are ever stored.
/// </summary>
/// <typeparam name="TNum">The number type the function is evaluated at.</typeparam>
public interface IKernelInputs<TNum>
{
    /// <summary>Input <paramref name="index"/>, 0 ≤ index &lt; n. Reading outside [0, n) is an error: the engine raises
    /// <see cref="System.IndexOutOfRangeException"/> naming the function and the index (on CUDA only in checked mode,
    /// see <see cref="JacobianEngine.CheckIndices"/>).</summary>
    /// <param name="index">The input index.</param>
    TNum this[int index] { get; }

    /// <summary>A constant of the number type (zero tangent): how a function brings in data it carries, such as the
    /// weights of a layer held in an <c>ILGPU.ArrayView&lt;double&gt;</c> (kernel code cannot use <c>TNum.CreateChecked</c>).
    /// In a <see cref="float"/> kernel the value is rounded to <see cref="float"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The constant.</returns>
    TNum Constant(double value);
}

/// <summary>Where a whole-point evaluation (<see cref="IKernelPointFunction"/>) puts its outputs.</summary>
/// <typeparam name="TNum">The number type the function is evaluated at.</typeparam>
public interface IKernelOutputs<TNum>
{
    /// <summary>Sets output <paramref name="index"/> (0 ≤ index &lt; m). Each output must be set exactly once.</summary>
    /// <param name="index">The output index.</param>
    /// <param name="value">fᵢ(x).</param>
    void Set(int index, TNum value);
}

/// <summary>
/// A function ℝⁿ → ℝᵐ in kernel-ready form: an unmanaged struct, generic over the number type, that
/// computes one output at a time from an input accessor, with no spans, arrays, allocation or exceptions,
/// so the same code runs on the CPU, on ILGPU's CPU accelerator and on a CUDA GPU.
/// </summary>
/// <remarks>
/// <para>Computing one output at a time is what lets the GPU engine give every thread a single
/// (point, output row, block of k seeds) triple, write its results coalesced, and evaluate each output row once
/// per k columns (see docs/gpu.md). A function whose outputs share expensive subexpressions would pay for them
/// once per output: such a function also implements <see cref="IKernelPointFunction"/>.</para>
/// <para>Inside <see cref="Output{TNum, TInputs}"/> use only what compiles for CUDA: operators and
/// <c>TNum.Sin/Cos/Exp/Log/Sqrt/Tanh/Pow/Abs/Min/Max</c>; build constants from <c>TNum.One</c>; avoid
/// <c>TNum.CreateChecked</c>, <c>SinCos</c>, <c>Log2</c>, <c>Cbrt</c>, <c>FusedMultiplyAdd</c>, <c>Lerp</c>,
/// <c>Hypot</c>, estimates (see <see cref="JacobianEngine.ValidateForCuda{TFunction}(TFunction)"/>, which finds
/// them without a GPU). Data the function carries (weights on the device as <c>ILGPU.ArrayView&lt;T&gt;</c> fields) enters
/// the computation through <see cref="IKernelInputs{TNum}.Constant(double)"/>.</para>
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

/// <summary>
/// A kernel function that can also evaluate all its outputs at once, so that work its rows share (a matrix–vector
/// product, a norm, a hidden layer) is done once per point and tangent-lane block instead of once per output row.
/// When a function implements it, the engine's kernels (and its CPU path) call <see cref="Evaluate"/>;
/// <see cref="IKernelFunction.Output{TNum, TInputs}"/> must compute the same values (the CPU API and the tests may use
/// either).
/// </summary>
public interface IKernelPointFunction : IKernelFunction
{
    /// <summary>Computes every output fᵢ(x), 0 ≤ i &lt; m, and hands each to <paramref name="y"/> exactly once.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <typeparam name="TInputs">The input accessor.</typeparam>
    /// <typeparam name="TOutputs">The output sink.</typeparam>
    /// <param name="x">The inputs.</param>
    /// <param name="y">Receives the outputs.</param>
    void Evaluate<TNum, TInputs, TOutputs>(in TInputs x, in TOutputs y)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        where TOutputs : struct, IKernelOutputs<TNum>;
}
