namespace Dual;

/// <summary>
/// Seeds of second-order passes (dense and sparse Hessians): the outer lanes are duals, and an input's outer tangents
/// are zero except for at most one seed 1 + 0ε.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TTangents">The outer block: <see cref="PairTangents{T, TBlock}"/> or a wide block of duals.</typeparam>
internal static class OuterSeeding<T, TTangents>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, Dual<T>>
{
    /// <summary>Sets lane <paramref name="lane"/> of an input's outer tangents, all of whose other lanes are zero, to
    /// <paramref name="seed"/> (1 + 0ε to seed, 0 to clear): where the block's layout allows, by storing only what
    /// changes — one <c>T</c> in a pair's value block (<see cref="IValueLanesFirst"/>), one lane of a wide block
    /// (<see cref="IContiguousLanes"/>) — instead of writing the whole block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ref TTangents tangents, int lane, Dual<T> seed)
    {
        if (default(TTangents) is IValueLanesFirst)
        {
            Unsafe.Add(ref Unsafe.As<TTangents, T>(ref tangents), lane) = seed.Value;
        }
        else if (default(TTangents) is IContiguousLanes)
        {
            Unsafe.Add(ref Unsafe.As<TTangents, Dual<T>>(ref tangents), lane) = seed;
        }
        else
        {
            tangents = T.IsZero(seed.Value) ? TTangents.Zero : TTangents.Unit(lane, seed);
        }
    }
}
