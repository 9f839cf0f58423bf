using System.Runtime.InteropServices;

namespace Dual;

/// <summary>
/// The machine-learning staples for generic-math code (any <c>T : IFloatingPointIeee754&lt;T&gt;</c>: plain
/// <see cref="double"/>, <see cref="Dual{T}"/>, nested or multi-tangent duals), since .NET's generic math has none.
/// Each is written in its numerically stable form, so differentiating through it is exact and overflow-free;
/// for <c>Dual&lt;double&gt;</c> and <c>Dual&lt;float&gt;</c> the tuned rules of <see cref="Dual{T}"/> are used.
/// This class is the one public home of these functions (the dual types keep their rules internal; see docs/design.md).
/// </summary>
public static class Activations
{
    /// <summary>max(x, 0) with derivative 1 for x &gt; 0 and 0 for x ≤ 0 (the branch taken); NaN propagates.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <returns>ReLU(x).</returns>
    public static T Relu<T>(T x) where T : IFloatingPointIeee754<T> => T.IsNaN(x) ? x : x > T.Zero ? x : T.Zero;

    /// <summary>The logistic sigmoid 1/(1+e^−x), without overflow for large |x|.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <returns>σ(x).</returns>
    public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Dual<double>))
        {
            return (T)(object)Dual<double>.Sigmoid((Dual<double>)(object)x);
        }
        if (typeof(T) == typeof(Dual<float>))
        {
            return (T)(object)Dual<float>.Sigmoid((Dual<float>)(object)x);
        }
        if (x >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-x));
        }
        T e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>Softplus ln(1 + eˣ), without overflow for large x and accurate for very negative x.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The operand.</param>
    /// <returns>softplus(x).</returns>
    public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Dual<double>))
        {
            return (T)(object)Dual<double>.Softplus((Dual<double>)(object)x);
        }
        if (typeof(T) == typeof(Dual<float>))
        {
            return (T)(object)Dual<float>.Softplus((Dual<float>)(object)x);
        }
        return x >= T.Zero ? x + Log1P(T.Exp(-x)) : Log1P(T.Exp(x));
    }

    /// <summary>ln(1 + t) for 0 ≤ t ≤ 1, accurate when 1 + t rounds (Goldberg's correction; .NET's LogP1 is not).</summary>
    private static T Log1P<T>(T t) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + t;
        // Compare by value with an ordering operator: on duals == also compares tangents.
        return u > T.One ? T.Log(u) * t / (u - T.One) : t;
    }

    /// <summary>ln Σ e^xᵢ, shifted by the maximum so that it neither overflows nor underflows; −∞ for no inputs.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The operands.</param>
    /// <returns>LogSumExp(x); its gradient is softmax(x).</returns>
    public static T LogSumExp<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Dual<double>))
        {
            return (T)(object)Dual<double>.LogSumExp(As<T, Dual<double>>(x));
        }
        if (typeof(T) == typeof(Dual<float>))
        {
            return (T)(object)Dual<float>.LogSumExp(As<T, Dual<float>>(x));
        }
        if (x.IsEmpty)
        {
            return T.NegativeInfinity;
        }
        T max = Max(x);
        if (!T.IsFinite(max))
        {
            return max;
        }
        T sum = T.Zero;
        foreach (T item in x)
        {
            sum += T.Exp(item - max);
        }
        return max + T.Log(sum);
    }

    /// <summary>Softmax yᵢ = e^(xᵢ−m)/Σⱼ e^(xⱼ−m) with m = max x (stable).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="x">The logits.</param>
    /// <param name="destination">Receives the probabilities; the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Softmax<T>(ReadOnlySpan<T> x, Span<T> destination) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(Dual<double>))
        {
            Dual<double>.Softmax(As<T, Dual<double>>(x), As<T, Dual<double>>(destination));
            return;
        }
        if (typeof(T) == typeof(Dual<float>))
        {
            Dual<float>.Softmax(As<T, Dual<float>>(x), As<T, Dual<float>>(destination));
            return;
        }
        Guard.SameLength(x.Length, destination.Length, nameof(destination), nameof(x));
        if (x.IsEmpty)
        {
            return;
        }
        T max = Max(x);
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = T.Exp(x[i] - max);
            sum += destination[i];
        }
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] /= sum;
        }
    }

    // Only where typeof(TFrom) == typeof(TTo): a span of one type seen as the same type under its concrete name.
    private static ReadOnlySpan<TTo> As<TFrom, TTo>(ReadOnlySpan<TFrom> x)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(x)), x.Length);

    private static Span<TTo> As<TFrom, TTo>(Span<TFrom> x)
        => MemoryMarshal.CreateSpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(x)), x.Length);

    private static T Max<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        T max = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            // By value, keeping the first maximum (and its tangent); NaN wins, as in T.Max.
            if (x[i] > max || T.IsNaN(x[i]))
            {
                max = x[i];
            }
        }
        return max;
    }
}
