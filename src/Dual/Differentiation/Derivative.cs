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

    /// <summary>f(xᵢ) and f′(xᵢ) at every point xᵢ of <paramref name="x"/>, for a generic-math function: one evaluation at
    /// <see cref="Dual{T}"/> per point, inlined, with the argument checks and the nesting guard paid once for the whole
    /// span instead of once per point.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="values">Receives f(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <param name="derivatives">Receives f′(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <exception cref="ArgumentException">A buffer's length is not x's; the two outputs share memory; or an output
    /// overlaps x other than being x itself.</exception>
    /// <remarks>Each point's results are those of <see cref="ValueAndDerivative{T, TFunction}(TFunction, T)"/> at that
    /// point, bit for bit. If f throws, the points before the one that threw have their results written.</remarks>
    public static void ValueAndDerivative<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
        where TFunction : IRealFunction
    {
        CheckPointBuffers(x, values, derivatives);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(ValueAndDerivative));
        AtPoints(new RealStruct<TFunction, T>(f), x, values, derivatives);
    }

    /// <summary>f′(xᵢ) at every point xᵢ of <paramref name="x"/>, for a generic-math function (see
    /// <see cref="ValueAndDerivative{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T})"/>).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="derivatives">Receives f′(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <exception cref="ArgumentException">derivatives' length is not x's, or it overlaps x other than being x itself.</exception>
    public static void Derivative<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
        where TFunction : IRealFunction
    {
        Guard.SameLength(x.Length, derivatives.Length, nameof(derivatives), nameof(x));
        Guard.SameOrDisjoint(x, derivatives, nameof(x), nameof(derivatives));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Derivative));
        AtPoints(new RealStruct<TFunction, T>(f), x, derivatives, derivatives);
    }

    /// <summary>f(xᵢ) and f′(xᵢ) at every point xᵢ of <paramref name="x"/>, for f written on <see cref="Dual{T}"/>: one
    /// evaluation per point, the checks and the nesting guard once for the span.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="values">Receives f(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <param name="derivatives">Receives f′(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <exception cref="ArgumentException">A buffer's length is not x's; the two outputs share memory; or an output
    /// overlaps x other than being x itself.</exception>
    public static void ValueAndDerivative<T>(Func<Dual<T>, Dual<T>> f, ReadOnlySpan<T> x, Span<T> values, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPointBuffers(x, values, derivatives);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(ValueAndDerivative));
        AtPoints(new RealDelegate<T>(f), x, values, derivatives);
    }

    /// <summary>f′(xᵢ) at every point xᵢ of <paramref name="x"/>, for f written on <see cref="Dual{T}"/>.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The points.</param>
    /// <param name="derivatives">Receives f′(xᵢ); x's length. May be <paramref name="x"/> itself (in place).</param>
    /// <exception cref="ArgumentException">derivatives' length is not x's, or it overlaps x other than being x itself.</exception>
    public static void Derivative<T>(Func<Dual<T>, Dual<T>> f, ReadOnlySpan<T> x, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(x.Length, derivatives.Length, nameof(derivatives), nameof(x));
        Guard.SameOrDisjoint(x, derivatives, nameof(x), nameof(derivatives));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Derivative));
        AtPoints(new RealDelegate<T>(f), x, derivatives, derivatives);
    }

    private static void CheckPointBuffers<T>(ReadOnlySpan<T> x, Span<T> values, Span<T> derivatives)
    {
        Guard.SameLength(x.Length, values.Length, nameof(values), nameof(x));
        Guard.SameLength(x.Length, derivatives.Length, nameof(derivatives), nameof(x));
        Guard.Disjoint<T>(values, derivatives, nameof(values), nameof(derivatives));
        Guard.SameOrDisjoint(x, values, nameof(x), nameof(values));
        Guard.SameOrDisjoint(x, derivatives, nameof(x), nameof(derivatives));
    }

    private interface IRealEvaluator<T> where T : IFloatingPointIeee754<T>
    {
        Dual<T> Evaluate(Dual<T> x);
    }

    private readonly struct RealStruct<TFunction, T>(TFunction f) : IRealEvaluator<T>
        where TFunction : IRealFunction
        where T : IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Dual<T> Evaluate(Dual<T> x) => f.Evaluate(x);
    }

    private readonly struct RealDelegate<T>(Func<Dual<T>, Dual<T>> f) : IRealEvaluator<T>
        where T : IFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Dual<T> Evaluate(Dual<T> x) => f(x);
    }

    /// <summary>f(xᵢ) into values and f′(xᵢ) into derivatives; for derivatives alone pass the same span twice (the
    /// value is written first, then overwritten by the derivative).</summary>
    /// <remarks>Its own method, outside the caller's guard (a try/finally): inside one the JIT keeps the loop's variables
    /// in memory (EH write-through), 28.5 against 22.9 ns per point for eˣ/√(sin³x + cos³x).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AtPoints<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, Span<T> values, Span<T> derivatives)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IRealEvaluator<T>
    {
        values = values.Slice(0, x.Length);
        derivatives = derivatives.Slice(0, x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            // x[i] is read before values[i] and derivatives[i] are written: either may be x itself.
            Dual<T> y = f.Evaluate(new Dual<T>(x[i], T.One));
            values[i] = y.Value;
            derivatives[i] = y.Tangent;
        }
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
