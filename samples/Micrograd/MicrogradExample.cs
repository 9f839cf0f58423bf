using System;
using System.Numerics;

namespace Dual.Samples.Micrograd;

/// <summary>g and its gradient, computed two ways.</summary>
/// <param name="G">g(a, b).</param>
/// <param name="DgDa">∂g/∂a from two single-tangent passes (seed a, then seed b).</param>
/// <param name="DgDb">∂g/∂b from the same two passes.</param>
/// <param name="ChunkedG">g from the one chunked pass.</param>
/// <param name="ChunkedDgDa">∂g/∂a from one pass of Dual&lt;double, Tangents2&lt;double&gt;&gt;.</param>
/// <param name="ChunkedDgDb">∂g/∂b from the same pass.</param>
public sealed record MicrogradResult(double G, double DgDa, double DgDb, double ChunkedG, double ChunkedDgDa, double ChunkedDgDb);

/// <summary>
/// The expression from Karpathy's micrograd README, differentiated in forward mode. Reverse mode (micrograd)
/// gets both partials from one backward sweep; forward mode needs one pass per input, or one chunked pass
/// carrying both tangents at once.
/// </summary>
public static class MicrogradExample
{
    /// <summary>a.</summary>
    public const double A = -4;

    /// <summary>b.</summary>
    public const double B = 2;

    /// <summary>
    /// The expression, written once on generic math so it runs on double, Dual&lt;double&gt; and
    /// Dual&lt;double, Tangents2&lt;double&gt;&gt; alike. ReLU is passed in (<c>Activations.Relu</c>, which
    /// carries the derivative 1 for x &gt; 0, 0 otherwise, at every number type).
    /// </summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="a">a.</param>
    /// <param name="b">b.</param>
    /// <param name="relu">ReLU at TNum.</param>
    /// <returns>g.</returns>
    public static TNum Expression<TNum>(TNum a, TNum b, Func<TNum, TNum> relu) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum one = TNum.One, two = TNum.CreateChecked(2), three = TNum.CreateChecked(3), ten = TNum.CreateChecked(10);
        TNum c = a + b;
        TNum d = a * b + b * b * b;
        c += c + one;
        c += one + c + (-a);
        d += d * two + relu(b + a);
        d += three * d + relu(b - a);
        TNum e = c - d;
        TNum f = e * e;
        TNum g = f / two;
        g += ten / f;
        return g;
    }

    /// <summary>g on plain doubles (no derivatives).</summary>
    /// <param name="a">a.</param>
    /// <param name="b">b.</param>
    /// <returns>g.</returns>
    public static double G(double a, double b) => Expression(a, b, x => Math.Max(x, 0.0));

    /// <summary>Differentiates g at (a, b) = (−4, 2) both ways.</summary>
    /// <returns>The values and partials.</returns>
    public static MicrogradResult Run()
    {
        // Two passes of Dual<double>: the seeded input carries tangent 1, the other 0.
        Dual<double> passA = Expression(new Dual<double>(A, 1), new Dual<double>(B, 0), Activations.Relu<Dual<double>>);
        Dual<double> passB = Expression(new Dual<double>(A, 0), new Dual<double>(B, 1), Activations.Relu<Dual<double>>);

        // One pass carrying two tangents: lane 0 is d/da, lane 1 is d/db.
        var a2 = Dual<double, Tangents2<double>>.Variable(A, 0);
        var b2 = Dual<double, Tangents2<double>>.Variable(B, 1);
        Dual<double, Tangents2<double>> chunked = Expression(a2, b2, Activations.Relu<Dual<double, Tangents2<double>>>);

        return new MicrogradResult(passA.Value, passA.Tangent, passB.Tangent, chunked.Value, chunked.Tangents[0], chunked.Tangents[1]);
    }
}
