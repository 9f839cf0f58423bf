namespace Dual;

/// <summary>
/// Marks a parameter of a <c>[Differentiable]</c> method as <em>data</em>: it is held constant, not differentiated.
/// The dual twin keeps its type as written (<c>double[] xs</c> stays <c>double[]</c>, not <c>Dual&lt;double&gt;[]</c>),
/// and the generated entry points take it as plain data beside the differentiated inputs:
/// <code>
/// [Differentiable]
/// public static double Loss(ReadOnlySpan&lt;double&gt; w, [Constant] double[] xs, [Constant] double[] ys) => ...;
///
/// double loss = Models.LossGradient(w, xs, ys, gradient);   // ∇ with respect to w only
/// </code>
/// </summary>
/// <remarks>
/// Parameters that are not floating (<c>int n</c>, <c>bool</c>, strings, user objects) are always data and need no
/// mark. A value that carries a derivative must not be passed to a <c>[Constant]</c> parameter from another
/// <c>[Differentiable]</c> method (DUAL005): its derivative would be lost. See <c>docs/generator.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ConstantAttribute : Attribute
{
}
