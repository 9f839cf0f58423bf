namespace Dual;

/// <summary>A function ℝⁿ → ℝ over spans, e.g. <c>ScalarFunc&lt;Dual&lt;double&gt;&gt; f = x =&gt; x[0] * x[1];</c>.</summary>
/// <typeparam name="TNum">The number type it is evaluated at.</typeparam>
/// <param name="x">The inputs.</param>
/// <returns>The value.</returns>
public delegate TNum ScalarFunc<TNum>(ReadOnlySpan<TNum> x);

/// <summary>A function ℝⁿ → ℝᵐ writing its m outputs into <paramref name="y"/>.</summary>
/// <typeparam name="TNum">The number type it is evaluated at.</typeparam>
/// <param name="x">The n inputs.</param>
/// <param name="y">Receives the m outputs.</param>
public delegate void VectorFunc<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y);

/// <summary>A curve ℝ → ℝᵐ writing its m outputs into <paramref name="y"/>.</summary>
/// <typeparam name="TNum">The number type it is evaluated at.</typeparam>
/// <param name="t">The parameter.</param>
/// <param name="y">Receives the m outputs.</param>
public delegate void CurveFunc<TNum>(TNum t, Span<TNum> y);

/// <summary>
/// A generic-math function ℝ → ℝ, implemented by a struct so it can be evaluated at any number type
/// (the primal, <see cref="Dual{T}"/>, nested duals) with no delegate call and full inlining.
/// </summary>
public interface IRealFunction
{
    /// <summary>Evaluates the function.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum>;
}

/// <summary>A generic-math function ℝⁿ → ℝ; see <see cref="IRealFunction"/>. Gradients of it use chunked multi-tangent passes.</summary>
/// <remarks>Write it for any <c>TNum</c>: the drivers pick the number type per call (the primal, <see cref="Dual{T}"/>,
/// a <see cref="Dual{T, TTangents}"/> over one of the library's blocks, some of them internal), so code that tests for
/// particular dual types sees types it does not name.</remarks>
public interface IScalarFunction
{
    /// <summary>Evaluates the function.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="x">The n arguments.</param>
    /// <returns>f(x).</returns>
    TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>;
}

/// <summary>A generic-math function ℝⁿ → ℝᵐ; see <see cref="IRealFunction"/>. Jacobians of it use chunked multi-tangent passes.</summary>
/// <remarks>Write it for any <c>TNum</c>, as <see cref="IScalarFunction"/>.</remarks>
public interface IVectorFunction
{
    /// <summary>Evaluates the function.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="x">The n arguments.</param>
    /// <param name="y">Receives the m values.</param>
    void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>;
}

/// <summary>A generic-math curve ℝ → ℝᵐ; see <see cref="IRealFunction"/>.</summary>
public interface ICurveFunction
{
    /// <summary>Evaluates the curve.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="t">The parameter.</param>
    /// <param name="y">Receives the m values.</param>
    void Evaluate<TNum>(TNum t, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>;
}
