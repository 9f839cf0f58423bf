using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// Marks a generated twin struct (<see cref="IScalarTwin{T}"/>, <see cref="IVectorTwin{T}"/>) whose evaluation sees no
/// dual value but those the entry point seeds: the generator found that its method, and every twinned function it calls
/// (transitively), is rewritten plain floating code that calls no generic method at a floating type and no
/// <c>[Differentiable]</c> method compiled elsewhere. An outer differentiation's perturbation cannot reach such a pass,
/// so <see cref="GeneratedDerivatives"/> makes its single passes (value and derivative, a JVP, a gradient or Jacobian of
/// n ≤ k inputs) without the nesting guard, whose only other concern, the replay log of an enclosing chunk loop, it checks
/// directly. Not meant for user code: a struct that claims it while capturing a dual value of an outer differentiation
/// would get no perturbation-confusion error.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISelfContainedTwin
{
}
