namespace Dual.CompilerServices;

/// <summary>
/// A generated scalar twin as an <see cref="IScalarFunction"/>, so that <see cref="AutoDiff"/>'s own drivers (chunk
/// choice, seeding, work arrays, nesting guard) differentiate it. Only the dual number types the drivers use are
/// accepted (<see cref="TwinNumbers{T}"/>).
/// </summary>
/// <typeparam name="T">The floating type.</typeparam>
/// <typeparam name="TTwin">The generated twin struct.</typeparam>
internal readonly struct ScalarTwinFunction<T, TTwin>(TTwin twin) : IScalarFunction
    where T : unmanaged, IFloatingPointIeee754<T>
    where TTwin : IScalarTwin<T>
{
    /// <summary>The twin it evaluates.</summary>
    public TTwin Twin
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => twin;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        if (TwinNumbers<T>.IsSingle<TNum>())
        {
            return TwinNumbers<T>.As<Dual<T>, TNum>(twin.Evaluate(TwinNumbers<T>.As<TNum, Dual<T>>(x)));
        }
        if (typeof(TNum) == typeof(Dual<T, Tangents2<T>>)) return Multi<TNum, Tangents2<T>>(x);
        if (typeof(TNum) == typeof(Dual<T, Tangents4<T>>)) return Multi<TNum, Tangents4<T>>(x);
        if (typeof(TNum) == typeof(Dual<T, Tangents8<T>>)) return Multi<TNum, Tangents8<T>>(x);
        if (typeof(TNum) == typeof(Dual<T, Tangents16<T>>)) return Multi<TNum, Tangents16<T>>(x);
        if (typeof(TNum) == typeof(Dual<T, Tangents32<T>>)) return Multi<TNum, Tangents32<T>>(x);
        // A function that never pairs sin with cos runs its one-pass evaluations at these (SinCosPairing).
        if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents2<T>, T>>)) return Multi<TNum, UnpairedBlock<Tangents2<T>, T>>(x);
        if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents4<T>, T>>)) return Multi<TNum, UnpairedBlock<Tangents4<T>, T>>(x);
        if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents8<T>, T>>)) return Multi<TNum, UnpairedBlock<Tangents8<T>, T>>(x);
        if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents16<T>, T>>)) return Multi<TNum, UnpairedBlock<Tangents16<T>, T>>(x);
        if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents32<T>, T>>)) return Multi<TNum, UnpairedBlock<Tangents32<T>, T>>(x);
        throw TwinNumbers<T>.Unsupported<TNum>(typeof(TTwin).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TNum Multi<TNum, TTangents>(ReadOnlySpan<TNum> x) where TTangents : unmanaged, ITangents<TTangents, T> =>
        TwinNumbers<T>.As<Dual<T, TTangents>, TNum>(twin.Evaluate(TwinNumbers<T>.As<TNum, Dual<T, TTangents>>(x)));
}
