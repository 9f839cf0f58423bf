using System;

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
}
