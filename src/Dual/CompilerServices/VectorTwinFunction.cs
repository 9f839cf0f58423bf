using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// A generated vector twin as an <see cref="IVectorFunction"/>, so that <see cref="AutoDiff"/>'s own drivers (dense
/// chunked Jacobians, JVPs, prepared sparse Jacobians) differentiate it. Only the dual number types the drivers use
/// are accepted (anything else is <see cref="NotSupportedException"/>). It appears in the type of a generated
/// <c>FPrepareSparseJacobian</c>'s result; not meant to be used directly.
/// </summary>
/// <typeparam name="T">The floating type.</typeparam>
/// <typeparam name="TTwin">The generated twin struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct VectorTwinFunction<T, TTwin> : IVectorFunction
    where T : unmanaged, IFloatingPointIeee754<T>
    where TTwin : IVectorTwin<T>
{
    private readonly TTwin twin;

    /// <summary>Wraps <paramref name="twin"/>.</summary>
    /// <param name="twin">The generated twin struct.</param>
    public VectorTwinFunction(TTwin twin) => this.twin = twin;

    /// <summary>The twin it evaluates.</summary>
    internal TTwin Twin
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => twin;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        if (TwinNumbers<T>.IsSingle<TNum>())
        {
            twin.Evaluate(TwinNumbers<T>.As<TNum, Dual<T>>(x), TwinNumbers<T>.As<TNum, Dual<T>>(y));
        }
        else if (typeof(TNum) == typeof(Dual<T, Tangents2<T>>)) Multi<TNum, Tangents2<T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, Tangents4<T>>)) Multi<TNum, Tangents4<T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, Tangents8<T>>)) Multi<TNum, Tangents8<T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, Tangents16<T>>)) Multi<TNum, Tangents16<T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, Tangents32<T>>)) Multi<TNum, Tangents32<T>>(x, y);
        // A function that never pairs sin with cos runs its one-pass evaluations at these (SinCosPairing).
        else if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents2<T>, T>>)) Multi<TNum, UnpairedBlock<Tangents2<T>, T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents4<T>, T>>)) Multi<TNum, UnpairedBlock<Tangents4<T>, T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents8<T>, T>>)) Multi<TNum, UnpairedBlock<Tangents8<T>, T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents16<T>, T>>)) Multi<TNum, UnpairedBlock<Tangents16<T>, T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, UnpairedBlock<Tangents32<T>, T>>)) Multi<TNum, UnpairedBlock<Tangents32<T>, T>>(x, y);
        else if (typeof(TNum) == typeof(Dual<T, DependencyMask<T>>) && TTwin.HasMultiTangentTwin) Multi<TNum, DependencyMask<T>>(x, y);
        else throw TwinNumbers<T>.Unsupported<TNum>(typeof(TTwin).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Multi<TNum, TTangents>(ReadOnlySpan<TNum> x, Span<TNum> y) where TTangents : unmanaged, ITangents<TTangents, T> =>
        twin.Evaluate(TwinNumbers<T>.As<TNum, Dual<T, TTangents>>(x), TwinNumbers<T>.As<TNum, Dual<T, TTangents>>(y));
}
