namespace Dual;

public static partial class AutoDiff
{
    /// <summary>f(x) and the directional derivative ∇f(x)·v from one evaluation (f: ℝⁿ → ℝ on <see cref="Dual{T}"/>).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The direction (length n).</param>
    /// <returns>The value and the tangent J·v (the names the generated <c>FJvp</c> uses too).</returns>
    /// <exception cref="ArgumentException"><paramref name="v"/>'s length is not n.</exception>
    public static (T Value, T Tangent) Jvp<T>(ScalarFunc<Dual<T>> f, ReadOnlySpan<T> x, ReadOnlySpan<T> v) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jvp));
        using var work = new Rented<Dual<T>>(x.Length);
        Seed(x, v, work.Span);
        Dual<T> y = f(work.Span);
        return (y.Value, y.Tangent);
    }

    /// <summary>f(x) and J(x)·v from one evaluation (f: ℝⁿ → ℝᵐ on <see cref="Dual{T}"/>), allocation-free.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The direction (length n).</param>
    /// <param name="values">Receives f(x); its length is m. It may overlap the inputs.</param>
    /// <param name="jvp">Receives J·v; length m. It may overlap the inputs.</param>
    /// <exception cref="ArgumentException">A length does not match, the two outputs overlap, or f writes more than m outputs.</exception>
    public static void Jvp<T>(VectorFunc<Dual<T>> f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        Guard.SameLength(values.Length, jvp.Length, nameof(jvp), nameof(values));
        Guard.Disjoint<T>(values, jvp, nameof(values), nameof(jvp));
        JvpCore(new VectorDelegate<Dual<T>>(f), x, v, values, jvp);
    }

    /// <summary>f(x) and ∇f(x)·v for a generic-math function from one evaluation.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The direction (length n).</param>
    /// <returns>The value and the tangent J·v (the names the generated <c>FJvp</c> uses too).</returns>
    /// <exception cref="ArgumentException"><paramref name="v"/>'s length is not n.</exception>
    public static (T Value, T Tangent) Jvp<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jvp));
        return JvpPass(f, x, v);
    }

    /// <summary>The one evaluation of a scalar JVP, at x + vε.</summary>
    private static (T Value, T Tangent) JvpPass<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        using var work = new Rented<Dual<T>>(x.Length);
        Seed(x, v, work.Span);
        Dual<T> y = f.Evaluate<Dual<T>>(work.Span);
        return (y.Value, y.Tangent);
    }

    /// <summary>f(x) and J(x)·v for a generic-math function ℝⁿ → ℝᵐ from one evaluation, allocation-free.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The direction (length n).</param>
    /// <param name="values">Receives f(x); its length is m. It may overlap the inputs.</param>
    /// <param name="jvp">Receives J·v; length m. It may overlap the inputs.</param>
    /// <exception cref="ArgumentException">A length does not match, the two outputs overlap, or f writes more than m outputs.</exception>
    public static void Jvp<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        Guard.SameLength(values.Length, jvp.Length, nameof(jvp), nameof(values));
        Guard.Disjoint<T>(values, jvp, nameof(values), nameof(jvp));
        JvpCore(new VectorStruct<TFunction, Dual<T>>(f), x, v, values, jvp);
    }

    private interface IVectorEvaluator<TNum>
    {
        void Evaluate(ReadOnlySpan<TNum> x, Span<TNum> y);
    }

    private readonly struct VectorDelegate<TNum>(VectorFunc<TNum> f) : IVectorEvaluator<TNum>
    {
        public void Evaluate(ReadOnlySpan<TNum> x, Span<TNum> y) => f(x, y);
    }

    private readonly struct VectorStruct<TFunction, TNum>(TFunction f) : IVectorEvaluator<TNum>
        where TFunction : IVectorFunction
        where TNum : IFloatingPointIeee754<TNum>
    {
        public void Evaluate(ReadOnlySpan<TNum> x, Span<TNum> y) => f.Evaluate(x, y);
    }

    // x and v are read into the work array before any output is written: the outputs may overlap them.
    private static void JvpCore<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IVectorEvaluator<Dual<T>>
    {
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Jvp));
        JvpPass(f, x, v, values, jvp);
    }

    private static void JvpPass<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IVectorEvaluator<Dual<T>>
    {
        using var inputs = new Rented<Dual<T>>(x.Length);
        using var outputs = new Rented<Dual<T>>(values.Length);
        Seed(x, v, inputs.Span);
        outputs.Span.Clear();
        try
        {
            f.Evaluate(inputs.Span, outputs.Span);
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, nameof(values));
        }
        Split(outputs.Span, values, jvp);
    }

    private static void Seed<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<Dual<T>> destination) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = new Dual<T>(x[i], v[i]);
        }
    }
}
