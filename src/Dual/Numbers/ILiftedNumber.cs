using System.Numerics;

namespace Dual;

/// <summary>A number type built over a scalar <typeparamref name="T"/> (the dual types, the sparsity tracer), whose
/// constants are lifted <typeparamref name="T"/> values: what parsing produces, written once for all of them.</summary>
/// <typeparam name="TSelf">The number type.</typeparam>
/// <typeparam name="T">The scalar type.</typeparam>
internal interface ILiftedNumber<TSelf, T>
    where TSelf : ILiftedNumber<TSelf, T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The constant <paramref name="value"/> (no derivative, no dependency).</summary>
    static abstract TSelf Constant(T value);

    /// <summary>The outcome of <typeparamref name="T"/>'s <c>TryParse</c> as a constant.</summary>
    /// <param name="parsed">What <c>T.TryParse</c> returned.</param>
    /// <param name="value">What it parsed (its default on failure).</param>
    /// <param name="result">The constant.</param>
    /// <returns><paramref name="parsed"/>.</returns>
    static bool ParsedConstant(bool parsed, T? value, out TSelf result)
    {
        result = TSelf.Constant(value!);
        return parsed;
    }
}
