using Dual.CompilerServices;

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
    internal static T GradientSelfContained<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> gradient, int chunkSize)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
    {
        var f = new ScalarTwinFunction<T, TTwin>(twin);
        int k = ResolveChunkSize(chunkSize, x.Length);
        if (k > 1 && x.Length <= k && PrimalReplay.Active is null)
        {
            return TwinGradientOnePass<T, TTwin>(k, ref f, x, gradient);
        }
        return Gradient(f, x, gradient, chunkSize);
    }

    /// <summary><c>GradientOnePass</c> for a generated twin at double and float: the pass in a method of its own
    /// (<c>TwinGradientPass</c>), not in <c>GradientChunked</c>'s chunk loop.</summary>
    // GradientChunked is large so that the JIT's inlining budget (a multiple of the root's IL size) covers an
    // IScalarFunction's Evaluate with its dual operators. A twin's Evaluate only calls the twin method, which is never
    // inlined, and there the budget ran out first: the Evaluate wrapper, PassReplay.Start and End, CopyTo and Slice stayed
    // calls, and the 192-byte result was copied once more on its way back. A small root inlines them all (Ackley's
    // gradient, n = 10: 199 → 187 ns; a 10-input sum: 21.7 → 19.8 ns). An IScalarFunction written in generic math must not
    // come here: in a small root its operators would stay calls.
    private static T TwinGradientOnePass<T, TTwin>(int k, ref ScalarTwinFunction<T, TTwin> f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
    {
        int width = SinglePassWidth(x.Length, k);
        if (!FitsSimdBlocks<T>() || width == 1 || x.IsEmpty)
        {
            return GradientOnePass(k, ref f, x, gradient);
        }
        if (SinCosPairing<T, ScalarTwinFunction<T, TTwin>>.IsUnpaired)
        {
            return width switch
            {
                2 => TwinGradientPass<T, TTwin, UnpairedBlock<Tangents2<T>, T>>(ref f, x, gradient),
                4 => TwinGradientPass<T, TTwin, UnpairedBlock<Tangents4<T>, T>>(ref f, x, gradient),
                8 => TwinGradientPass<T, TTwin, UnpairedBlock<Tangents8<T>, T>>(ref f, x, gradient),
                16 => TwinGradientPass<T, TTwin, UnpairedBlock<Tangents16<T>, T>>(ref f, x, gradient),
                _ => TwinGradientPass<T, TTwin, UnpairedBlock<Tangents32<T>, T>>(ref f, x, gradient),
            };
        }
        bool observed = SinCosPairing<T, ScalarTwinFunction<T, TTwin>>.Begin();
        T value = width switch
        {
            2 => TwinGradientPass<T, TTwin, Tangents2<T>>(ref f, x, gradient),
            4 => TwinGradientPass<T, TTwin, Tangents4<T>>(ref f, x, gradient),
            8 => TwinGradientPass<T, TTwin, Tangents8<T>>(ref f, x, gradient),
            16 => TwinGradientPass<T, TTwin, Tangents16<T>>(ref f, x, gradient),
            _ => TwinGradientPass<T, TTwin, Tangents32<T>>(ref f, x, gradient),
        };
        SinCosPairing<T, ScalarTwinFunction<T, TTwin>>.End(observed);
        return value;
    }

    /// <summary><c>JacobianOnePass</c> for a generated twin at double and float: the pass in a method of its own
    /// (<c>TwinJacobianPass</c>), as for gradients (<c>TwinGradientOnePass</c>).</summary>
    private static void TwinJacobianOnePass<T, TTwin>(int k, ref VectorTwinFunction<T, TTwin> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        int width = SinglePassWidth(x.Length, k);
        if (!FitsSimdBlocks<T>() || width == 1 || x.IsEmpty)
        {
            JacobianOnePass(k, ref f, x, values, jacobian);
            return;
        }
        if (SinCosPairing<T, VectorTwinFunction<T, TTwin>>.IsUnpaired)
        {
            switch (width)
            {
                case 2: TwinJacobianPass<T, TTwin, UnpairedBlock<Tangents2<T>, T>>(ref f, x, values, jacobian); return;
                case 4: TwinJacobianPass<T, TTwin, UnpairedBlock<Tangents4<T>, T>>(ref f, x, values, jacobian); return;
                case 8: TwinJacobianPass<T, TTwin, UnpairedBlock<Tangents8<T>, T>>(ref f, x, values, jacobian); return;
                case 16: TwinJacobianPass<T, TTwin, UnpairedBlock<Tangents16<T>, T>>(ref f, x, values, jacobian); return;
                default: TwinJacobianPass<T, TTwin, UnpairedBlock<Tangents32<T>, T>>(ref f, x, values, jacobian); return;
            }
        }
        bool observed = SinCosPairing<T, VectorTwinFunction<T, TTwin>>.Begin();
        switch (width)
        {
            case 2: TwinJacobianPass<T, TTwin, Tangents2<T>>(ref f, x, values, jacobian); break;
            case 4: TwinJacobianPass<T, TTwin, Tangents4<T>>(ref f, x, values, jacobian); break;
            case 8: TwinJacobianPass<T, TTwin, Tangents8<T>>(ref f, x, values, jacobian); break;
            case 16: TwinJacobianPass<T, TTwin, Tangents16<T>>(ref f, x, values, jacobian); break;
            default: TwinJacobianPass<T, TTwin, Tangents32<T>>(ref f, x, values, jacobian); break;
        }
        SinCosPairing<T, VectorTwinFunction<T, TTwin>>.End(observed);
    }

    /// <summary>One pass of n ≤ k inputs at <typeparamref name="TTangents"/>: x read whole into the work array before any
    /// output is written, the outputs cleared before the twin runs (an output it does not write is 0 with zero
    /// partials), as <c>JacobianChunked</c> does for a single block (Rat43: 531 → 511 ns). A twin over
    /// <see cref="SeededInputs{T, TTangents}"/> reads x itself, and the outputs are written after it returns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // owns two stack buffers (see TwinGradientPass)
    private static void TwinJacobianPass<T, TTwin, TTangents>(ref VectorTwinFunction<T, TTwin> f, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
        where TTangents : unmanaged, ITangents<TTangents, T>
    {
        int n = x.Length, m = values.Length;
        if (TTwin.HasSeededTwin ? !StackBuffer<Dual<T, TTangents>>.Holds(m) : !StackBuffer<Dual<T, TTangents>>.Holds(n) || !StackBuffer<Dual<T, TTangents>>.Holds(m))
        {
            var single = new BlockRange(0, 1);
            JacobianChunked<T, VectorTwinFunction<T, TTwin>, TTangents, BlockRange>(ref f, x, values, jacobian, ref single);
            return;
        }
        Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> outputs);
        Span<Dual<T, TTangents>> ys = outputs.AsSpan(m);
        if (TTwin.HasSeededTwin)
        {
            // The twin reads x as it goes; the outputs are written only after it returns, so they may still overlap x.
            ys.Clear();
            f.Twin.EvaluateSeeded(new SeededInputs<T, TTangents>(x), ys);
        }
        else
        {
            Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> inputs);
            Span<Dual<T, TTangents>> xs = inputs.AsSpan(n);
            ChunkSeeding<T, TTangents>.Fill(x, xs, 0, tangentsZero: false);
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
        }
        for (int i = 0; i < m; i++)
        {
            ys[i].Tangents.CopyTo(jacobian.Slice(i * n, n));
            values[i] = ys[i].Value;
        }
    }

    /// <summary>One pass of n ≤ k inputs at <typeparamref name="TTangents"/>: x read whole into the work array before the
    /// gradient is written (so the gradient may overlap x), as <c>GradientChunked</c> does for a single block; or, for a
    /// twin over <see cref="SeededInputs{T, TTangents}"/>, read by the twin as it goes, with no work array (no seeded
    /// input is written out just to be read back: Ackley, n = 10, about 7 % less).</summary>
    // Never inlined: it owns a stack buffer, and inlined into the caller of an entry point (with the rest of the entry's
    // path) the budget ran out inside it instead — the dual constructor in the seeding loop stayed a call (Rosenbrock
    // n = 10: 34.6 → 190 ns).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T TwinGradientPass<T, TTwin, TTangents>(ref ScalarTwinFunction<T, TTwin> f, ReadOnlySpan<T> x, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
        where TTangents : unmanaged, ITangents<TTangents, T>
    {
        int n = x.Length;
        if (TTwin.HasSeededTwin)
        {
            // The twin reads x as it goes (SeededInputs); the gradient is written only after it returns.
            Dual<T, TTangents> seeded = f.Twin.EvaluateSeeded(new SeededInputs<T, TTangents>(x));
            seeded.Tangents.CopyTo(gradient.Slice(0, n));
            return seeded.Value;
        }
        if (!StackBuffer<Dual<T, TTangents>>.Holds(n))
        {
            var single = new BlockRange(0, 1);
            return GradientChunked<T, ScalarTwinFunction<T, TTwin>, TTangents, BlockRange>(ref f, x, gradient, ref single, out _);
        }
        Unsafe.SkipInit(out StackBuffer<Dual<T, TTangents>> buffer);
        Span<Dual<T, TTangents>> xs = buffer.AsSpan(n);
        ChunkSeeding<T, TTangents>.Fill(x, xs, 0, tangentsZero: false);
        Dual<T, TTangents> y = f.Evaluate<Dual<T, TTangents>>(xs);
        y.Tangents.CopyTo(gradient.Slice(0, n));
        return y.Value;
    }

    /// <summary><see cref="Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/> for a generated
    /// twin.</summary>
    internal static void JacobianSelfContained<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, int chunkSize, string valuesName)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        var f = new VectorTwinFunction<T, TTwin>(twin);
        int k = ResolveChunkSize(chunkSize, x.Length);
        if (x.Length > k || PrimalReplay.Active is not null)
        {
            JacobianDispatch(f, x, values, jacobian, chunkSize, valuesName);
            return;
        }
        try
        {
            TwinJacobianOnePass<T, TTwin>(k, ref f, x, values, jacobian);
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
