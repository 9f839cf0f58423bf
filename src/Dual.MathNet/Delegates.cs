using System;

namespace Dual.MathNet;

/// <summary>
/// f(x) and ∇f(x) into <paramref name="gradient"/>: the shape of the gradient entry point that the <c>[Differentiable]</c>
/// generator emits for <c>double F(ReadOnlySpan&lt;double&gt; x)</c> (<c>double FGradient(ReadOnlySpan&lt;double&gt; x,
/// Span&lt;double&gt; gradient)</c>), so that the method group can be passed directly.
/// </summary>
/// <param name="x">The point (length n).</param>
/// <param name="gradient">Receives ∇f(x) (length n).</param>
/// <returns>f(x).</returns>
public delegate double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>
/// The m model values y = F(p) and the m×n Jacobian (row-major, <c>jacobian[i*n + j] = ∂yᵢ/∂pⱼ</c>): the shape of the
/// Jacobian entry point that the <c>[Differentiable]</c> generator emits for <c>void F(ReadOnlySpan&lt;double&gt; p,
/// Span&lt;double&gt; y)</c> (<c>void FJacobian(ReadOnlySpan&lt;double&gt; p, Span&lt;double&gt; y, Span&lt;double&gt; jacobian)</c>).
/// </summary>
/// <param name="p">The parameters (length n).</param>
/// <param name="y">Receives the m model values.</param>
/// <param name="jacobian">Receives the Jacobian, row-major (length m·n).</param>
public delegate void ValuesAndJacobian(ReadOnlySpan<double> p, Span<double> y, Span<double> jacobian);
