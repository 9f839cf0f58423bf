namespace Dual;

public static partial class AutoDiff
{
    /// <summary>f′(x) for f: ℝ → ℝ written on <see cref="Dual{T}"/>: one evaluation at x + 1ε.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The derivative.</returns>
    public static T Derivative<T>(Func<Dual<T>, Dual<T>> f, T x) where T : IFloatingPointIeee754<T>
        => ValueAndDerivative(f, x).Derivative;

    /// <summary>f(x) and f′(x) from one evaluation.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the derivative.</returns>
    public static (T Value, T Derivative) ValueAndDerivative<T>(Func<Dual<T>, Dual<T>> f, T x) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Derivative));
        Dual<T> y = f(new Dual<T>(x, T.One));
        return (y.Value, y.Tangent);
    }

    /// <summary>f′(x) for a generic-math function: evaluated at <see cref="Dual{T}"/>, inlined, no delegate.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The derivative.</returns>
    public static T Derivative<T, TFunction>(TFunction f, T x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IRealFunction
        => ValueAndDerivative<T, TFunction>(f, x).Derivative;

    /// <summary>f(x) and f′(x) for a generic-math function from one evaluation.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the derivative.</returns>
    public static (T Value, T Derivative) ValueAndDerivative<T, TFunction>(TFunction f, T x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IRealFunction
    {
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Derivative));
        Dual<T> y = f.Evaluate(new Dual<T>(x, T.One));
        return (y.Value, y.Tangent);
    }

    /// <summary>f′(x) for f: ℝ → ℝᵐ written on <see cref="Dual{T}"/>: one evaluation fills all m derivatives.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The curve.</param>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="derivatives">Receives f′(x); length m.</param>
    /// <exception cref="ArgumentException">The buffers' lengths differ or they overlap; or f writes more than m outputs.</exception>
    public static void Derivative<T>(CurveFunc<Dual<T>> f, T x, Span<T> values, Span<T> derivatives) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(values.Length, derivatives.Length, nameof(derivatives), nameof(values));
        Guard.Disjoint<T>(values, derivatives, nameof(values), nameof(derivatives));
        CurveCore(new CurveDelegate<Dual<T>>(f), x, values, derivatives, nameof(values));
    }

    /// <summary>f′(x) for f: ℝ → ℝᵐ, allocating the result.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The curve.</param>
    /// <param name="x">The point.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>The m derivatives.</returns>
    /// <exception cref="ArgumentException">f writes more than <paramref name="outputLength"/> outputs.</exception>
    public static T[] Derivative<T>(CurveFunc<Dual<T>> f, T x, int outputLength) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        var values = new T[outputLength];
        var derivatives = new T[outputLength];
        CurveCore(new CurveDelegate<Dual<T>>(f), x, values, derivatives, nameof(outputLength));
        return derivatives;
    }

    /// <summary>f′(x) for a generic-math curve ℝ → ℝᵐ.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The curve struct.</typeparam>
    /// <param name="f">The curve.</param>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="derivatives">Receives f′(x); length m.</param>
    /// <exception cref="ArgumentException">The buffers' lengths differ or they overlap; or f writes more than m outputs.</exception>
    public static void Derivative<T, TFunction>(TFunction f, T x, Span<T> values, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
        where TFunction : ICurveFunction
    {
        Guard.SameLength(values.Length, derivatives.Length, nameof(derivatives), nameof(values));
        Guard.Disjoint<T>(values, derivatives, nameof(values), nameof(derivatives));
        CurveCore(new CurveStruct<TFunction, Dual<T>>(f), x, values, derivatives, nameof(values));
    }

    private interface ICurveEvaluator<TNum>
    {
        void Evaluate(TNum t, Span<TNum> y);
    }

    private readonly struct CurveDelegate<TNum>(CurveFunc<TNum> f) : ICurveEvaluator<TNum>
    {
        public void Evaluate(TNum t, Span<TNum> y) => f(t, y);
    }

    private readonly struct CurveStruct<TFunction, TNum>(TFunction f) : ICurveEvaluator<TNum>
        where TFunction : ICurveFunction
        where TNum : IFloatingPointIeee754<TNum>
    {
        public void Evaluate(TNum t, Span<TNum> y) => f.Evaluate(t, y);
    }

    private static void CurveCore<T, TEvaluator>(TEvaluator f, T x, Span<T> values, Span<T> derivatives, string outputsName)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : ICurveEvaluator<Dual<T>>
    {
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Derivative));
        using var y = new Rented<Dual<T>>(values.Length);
        y.Span.Clear();
        try
        {
            f.Evaluate(new Dual<T>(x, T.One), y.Span);
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, 1, outputsName);
        }
        Split(y.Span, values, derivatives);
    }

    private static void Split<T>(ReadOnlySpan<Dual<T>> duals, Span<T> values, Span<T> tangents) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < duals.Length; i++)
        {
            values[i] = duals[i].Value;
            tangents[i] = duals[i].Tangent;
        }
    }
}
