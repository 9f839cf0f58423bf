namespace Dual;

/// <summary>
/// Marks a method written over <see cref="double"/> or <see cref="float"/> for compile-time differentiation.
/// The <c>Dual.Generators</c> source generator emits, in the same <c>partial</c> type, a dual-number twin with the
/// same name (every floating parameter, local and result becomes <see cref="Dual{T}"/>) and derivative entry points
/// such as <c>FGradient</c>, <c>FJvp</c> and <c>FJacobian</c>; see <c>docs/generator.md</c> for the naming table.
/// </summary>
/// <remarks>
/// Branches and comparisons follow the primal value, so the derivative is that of the branch taken. Anything the
/// generator cannot differentiate is reported as a <c>DUAL0xx</c> diagnostic (see <c>docs/diagnostics.md</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>
    /// Whether to emit the multi-tangent twin (generic over <c>TTangents</c>) used by one-pass gradients and chunked
    /// Jacobians. Default <see langword="true"/>; set to <see langword="false"/> to cut generated code (and build time):
    /// gradients of this method, and of <c>[Differentiable]</c> methods calling it, then take one pass per input.
    /// </summary>
    public bool MultiTangent { get; set; } = true;

    /// <summary>
    /// Whether to emit the derivative entry points (<c>FDerivative</c>, <c>FGradient</c>, <c>FJvp</c>, <c>FJacobian</c>).
    /// Default <see langword="true"/>; the dual twin is always emitted.
    /// </summary>
    public bool EntryPoints { get; set; } = true;

    /// <summary>
    /// Whether to also emit the kernel-ready form for the GPU engine: for a method
    /// <c>static void F(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; y)</c> (or <c>float</c>), a nested
    /// <c>readonly partial struct FKernel : Dual.Gpu.IKernelFunction</c>, built with <c>new FKernel(n, m)</c>, whose
    /// <c>Output(i, x)</c> runs the body generically over the number type and keeps only the write to <c>y[i]</c>.
    /// Default <see langword="false"/>. Requires a reference to the <c>Dual.Gpu</c> package; a body that cannot run
    /// on the GPU (allocation, managed arrays, exceptions, strings, unsupported calls) is reported as DUAL011.
    /// </summary>
    public bool Gpu { get; set; }
}
