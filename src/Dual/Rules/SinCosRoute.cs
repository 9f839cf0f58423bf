namespace Dual;

/// <summary>
/// The sin and cos rules of <see cref="Dual{T, TTangents}"/>: through <see cref="DerivativeRules{T}"/> (and so its
/// per-thread pairing memo at double and float), or, for an <see cref="UnpairedBlock{TBlock, T}"/>, one <c>T.SinCos</c>
/// per call and nothing else. Both return the bits of <c>T.SinCos</c>, which are those of <c>T.Sin</c> and <c>T.Cos</c>.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The tangent block.</typeparam>
internal static class SinCosRoute<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    /// <summary>Whether the block is an <see cref="UnpairedBlock{TBlock, T}"/>: a constant of the compiled rule (the JIT
    /// folds a static readonly field of an initialized class). Not <c>default(TTangents) is …</c>: ILGPU compiles these
    /// rules for its kernel blocks too, and reads a static readonly field as a constant where it rejects a box.</summary>
    internal static readonly bool Direct =
        typeof(TTangents).IsGenericType && typeof(TTangents).GetGenericTypeDefinition() == typeof(UnpairedBlock<,>);

    /// <summary>sin x and its derivative cos x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sin(T x, out T d)
    {
        if (Direct)
        {
            (T sin, T cos) = T.SinCos(x);
            d = cos;
            return sin;
        }
        return DerivativeRules<T>.Sin(x, out d);
    }

    /// <summary>cos x and its derivative −sin x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cos(T x, out T d)
    {
        if (Direct)
        {
            (T sin, T cos) = T.SinCos(x);
            d = -sin;
            return cos;
        }
        return DerivativeRules<T>.Cos(x, out d);
    }
}
