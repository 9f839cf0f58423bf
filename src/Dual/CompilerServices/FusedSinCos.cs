using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// Sine and cosine of one argument from one sincos, for generated twins. A <c>[Differentiable]</c> method that calls
/// <c>Math.Sin(x)</c> and <c>Math.Cos(x)</c> (two or more such calls) on a local or parameter <c>x</c> it never
/// reassigns gets one call of <see cref="Of(Dual{double})"/> where <c>x</c> is declared, and each call reads its half of
/// the pair — what GCC does for C++ (<c>sin</c> and <c>cos</c> of one argument become one <c>sincos</c>). Generic code
/// gets the same pairing at run time from a per-thread memo (<c>T.Sin(x)</c> then <c>T.Cos(x)</c>); the generator knows
/// the pair at compile time, so its twins skip the memo's lookups.
/// </summary>
/// <remarks>
/// <para>Bit-identical to <see cref="Dual{T}.Sin(Dual{T})"/> and <see cref="Dual{T}.Cos(Dual{T})"/>: <c>Math.SinCos</c>
/// returns the bits of <c>Math.Sin</c> and <c>Math.Cos</c>, and the tangents are the rules' products (tested). Inside
/// the chunk loops the sincos comes from the loop's replay log, as the rules' does.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FusedSinCos
{
    /// <summary>sin x and cos x with their tangents, from one sincos.</summary>
    /// <param name="x">The operand, in radians.</param>
    /// <returns>What <see cref="Dual{T}.Sin(Dual{T})"/> and <see cref="Dual{T}.Cos(Dual{T})"/> return.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Dual<double> Sin, Dual<double> Cos) Of(Dual<double> x)
    {
        double sin = SinCosMemo.Both(x.Value, out double cos);
        return (new(sin, x.Tangent * cos), new(cos, x.Tangent * -sin));
    }

    /// <summary>sin x and cos x with their tangents, from one sincos.</summary>
    /// <param name="x">The operand, in radians.</param>
    /// <returns>What <see cref="Dual{T}.Sin(Dual{T})"/> and <see cref="Dual{T}.Cos(Dual{T})"/> return.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Dual<float> Sin, Dual<float> Cos) Of(Dual<float> x)
    {
        (float sin, float cos) = MathF.SinCos(x.Value);
        return (new(sin, x.Tangent * cos), new(cos, x.Tangent * -sin));
    }

    /// <summary>sin x and cos x with their tangents, from one sincos, for the multi-tangent twins.</summary>
    /// <typeparam name="T">The scalar type (double or float in generated code).</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="x">The operand, in radians.</param>
    /// <returns>What <see cref="Dual{T, TTangents}.Sin(Dual{T, TTangents})"/> and
    /// <see cref="Dual{T, TTangents}.Cos(Dual{T, TTangents})"/> return.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Dual<T, TTangents> Sin, Dual<T, TTangents> Cos) Of<T, TTangents>(Dual<T, TTangents> x)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        T sin, cos;
        if (typeof(T) == typeof(double))
        {
            double s = SinCosMemo.Both((double)(object)x.Value, out double c);
            sin = (T)(object)s;
            cos = (T)(object)c;
        }
        else
        {
            (sin, cos) = T.SinCos(x.Value);
        }
        return (new(sin, TTangents.Multiply(x.Tangents, cos)), new(cos, TTangents.Multiply(x.Tangents, -sin)));
    }
}
