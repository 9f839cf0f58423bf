namespace Dual;

public static partial class AutoDiff
{
    // The single passes of the generated entry points (CompilerServices.GeneratedDerivatives) for twins marked
    // ISelfContainedTwin, made without the NestingGuard, whose steady state costs about 5.5 ns a call (a 10-input
    // gradient's fixed cost: 24 → 18.6 ns). The guard exists for two hazards, and neither can arise in such a pass:
    // - Perturbation confusion needs f to hold a dual of an outer differentiation at the same T. A marked twin is
    //   rewritten plain floating code that runs no generic code at a dual type (the generator's SelfContainment): every
    //   dual in its pass descends from the entry point's seeds and from plain constants and data.
    // - A pass nested inside a chunk loop at double would read and write that loop's replay log (PrimalReplay). A single
    //   pass opens no log, and runs unguarded only while this thread has none open (PrimalReplay.Active: one static load
    //   while no thread has one); otherwise it takes the guarded path, which refuses the nesting as before.
    // The rest of the per-thread state a pass touches is safe under nesting: the sin/cos memo is keyed by the argument's
    // bits, work arrays are taken and given back, and the pairing verdict only chooses between two routes that give the
    // same bits. Passes in several chunks (n > k), Hessians and the parallel drivers keep the guard. Callers check the
    // arguments with the entry point's names first.

    /// <summary><see cref="ValueAndDerivative{T, TFunction}(TFunction, T)"/> for a generated twin.</summary>
    internal static (T Value, T Derivative) ValueAndDerivativeSelfContained<T, TFunction>(TFunction f, T x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IRealFunction
    {
        if (PrimalReplay.Active is not null)
        {
            return ValueAndDerivative<T, TFunction>(f, x);
        }
        Dual<T> y = f.Evaluate(new Dual<T>(x, T.One));
        return (y.Value, y.Tangent);
    }

    /// <summary><see cref="Gradient{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, int)"/> for a generated twin.</summary>
    internal static T GradientSelfContained<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> gradient, int chunkSize)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        int k = ResolveChunkSize(chunkSize, x.Length);
        if (k > 1 && x.Length <= k && PrimalReplay.Active is null)
        {
            return GradientOnePass(k, ref f, x, gradient);
        }
        return Gradient(f, x, gradient, chunkSize);
    }

    /// <summary><see cref="Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/> for a generated
    /// twin.</summary>
    internal static void JacobianSelfContained<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, int chunkSize, string valuesName)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        int k = ResolveChunkSize(chunkSize, x.Length);
        if (x.Length > k || PrimalReplay.Active is not null)
        {
            JacobianDispatch(f, x, values, jacobian, chunkSize, valuesName);
            return;
        }
        try
        {
            JacobianOnePass(k, ref f, x, values, jacobian);
        }
        catch (IndexOutOfRangeException e)
        {
            throw Guard.OutputsTooShort(e, values.Length, x.Length, valuesName);
        }
    }

    /// <summary><see cref="Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T})"/> for a generated twin.</summary>
    internal static (T Value, T Tangent) JvpSelfContained<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        return PrimalReplay.Active is not null ? Jvp(f, x, v) : JvpPass(f, x, v);
    }

    /// <summary><see cref="Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/> for a
    /// generated twin.</summary>
    internal static void JvpSelfContained<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        if (PrimalReplay.Active is not null)
        {
            Jvp(f, x, v, values, jvp);
            return;
        }
        JvpPass(new VectorStruct<TFunction, Dual<T>>(f), x, v, values, jvp);
    }
}
