using System;
using System.Linq;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// f(xᵢ) and f′(xᵢ) over a span of points (<c>AutoDiff.ValueAndDerivative(f, x, values, derivatives)</c> and
/// <c>AutoDiff.Derivative(f, x, derivatives)</c>): against the closed form, bit for bit against the one-point calls, in
/// place, with the checks naming the buffers, and with the nesting guard still refusing perturbation confusion.
/// </summary>
public class DerivativeAtPointsTests
{
    /// <summary>eˣ/√(sin³x + cos³x), the side-by-side's scalar workload.</summary>
    private readonly struct ScalarA : IRealFunction
    {
        public TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum s = TNum.Sin(x), c = TNum.Cos(x);
            return TNum.Exp(x) / TNum.Sqrt(s * s * s + c * c * c);
        }
    }

    private static double[] Points(int n) => Enumerable.Range(0, n).Select(i => 0.1 + 1.3 * (i + 0.5) / n).ToArray();

    private static (double Value, double Derivative) ClosedForm(double x)
    {
        // f′ = f·(1 − g′/(2g)), g = sin³x + cos³x, g′ = 3 sin x cos x (sin x − cos x).
        double s = Math.Sin(x), c = Math.Cos(x), g = s * s * s + c * c * c, f = Math.Exp(x) / Math.Sqrt(g);
        return (f, f * (1 - 1.5 * s * c * (s - c) / g));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    public void MatchesTheClosedFormAndTheOnePointCalls(int n)
    {
        double[] x = Points(n), values = new double[n], derivatives = new double[n], only = new double[n];
        double[] delegateValues = new double[n], delegateDerivatives = new double[n], delegateOnly = new double[n];
        AutoDiff.ValueAndDerivative<double, ScalarA>(default, x, values, derivatives);
        AutoDiff.Derivative<double, ScalarA>(default, x, only);
        Func<Dual<double>, Dual<double>> f = v => default(ScalarA).Evaluate(v);
        AutoDiff.ValueAndDerivative(f, x, delegateValues, delegateDerivatives);
        AutoDiff.Derivative(f, x, delegateOnly);
        for (int i = 0; i < n; i++)
        {
            (double value, double derivative) = ClosedForm(x[i]);
            Assert.That(values[i], Is.EqualTo(value).Within(1e-15 * value), $"f({x[i]})");
            Assert.That(derivatives[i], Is.EqualTo(derivative).Within(1e-13 * Math.Abs(value)), $"f′({x[i]})");
            (double v1, double d1) = AutoDiff.ValueAndDerivative<double, ScalarA>(default, x[i]);
            Assert.That(BitConverter.DoubleToInt64Bits(values[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(v1)));
            Assert.That(BitConverter.DoubleToInt64Bits(derivatives[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(d1)));
            Assert.That(BitConverter.DoubleToInt64Bits(only[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(d1)));
            Assert.That(BitConverter.DoubleToInt64Bits(delegateValues[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(v1)));
            Assert.That(BitConverter.DoubleToInt64Bits(delegateDerivatives[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(d1)));
            Assert.That(BitConverter.DoubleToInt64Bits(delegateOnly[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(d1)));
        }
    }

    [Test]
    public void InPlace()
    {
        double[] x = Points(50), expected = new double[50], expectedValues = new double[50];
        AutoDiff.ValueAndDerivative<double, ScalarA>(default, x, expectedValues, expected);

        double[] a = (double[])x.Clone(), d = new double[50];
        AutoDiff.ValueAndDerivative<double, ScalarA>(default, a, a, d);
        Assert.That(a, Is.EqualTo(expectedValues));
        Assert.That(d, Is.EqualTo(expected));

        double[] b = (double[])x.Clone();
        AutoDiff.Derivative<double, ScalarA>(default, b, b);
        Assert.That(b, Is.EqualTo(expected));
    }

    [Test]
    public void ChecksNameTheBuffers()
    {
        double[] x = Points(8), short7 = new double[7], eight = new double[8], other = new double[8], sixteen = new double[16];
        var e = Assert.Throws<ArgumentException>(() => AutoDiff.ValueAndDerivative<double, ScalarA>(default, x, short7, eight))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain("7").And.Contain("8"));
        e = Assert.Throws<ArgumentException>(() => AutoDiff.Derivative<double, ScalarA>(default, x, short7))!;
        Assert.That(e.ParamName, Is.EqualTo("derivatives"));
        e = Assert.Throws<ArgumentException>(() => AutoDiff.ValueAndDerivative<double, ScalarA>(default, x, eight, eight))!;
        Assert.That(e.ParamName, Is.EqualTo("derivatives"), "the two outputs share memory");
        e = Assert.Throws<ArgumentException>(() => AutoDiff.ValueAndDerivative<double, ScalarA>(default, sixteen.AsSpan(0, 8), sixteen.AsSpan(1, 8), other))!;
        Assert.That(e.ParamName, Is.EqualTo("values"), "an output shifted against x");
        Assert.Throws<ArgumentNullException>(() => AutoDiff.Derivative((Func<Dual<double>, Dual<double>>)null!, x, eight));
    }

    [Test]
    public void RefusesPerturbationConfusion()
    {
        double[] x = Points(4), values = new double[4], derivatives = new double[4];
        // The inner derivative at double captures the outer dual: a second seed on the same tangent slot.
        Func<Dual<double>, Dual<double>> f = outer => outer * AutoDiff.Derivative(inner => inner * outer, 1.0);
        Assert.Throws<InvalidOperationException>(() => AutoDiff.ValueAndDerivative(f, x, values, derivatives));
        // Nested at the lifted type is the supported way: d/dx (x · d/dy(x·y)) = d/dx x² = 2x.
        Func<Dual<double>, Dual<double>> nested = outer => outer * AutoDiff.Derivative<Dual<double>>(inner => inner * outer, new Dual<double>(1.0));
        AutoDiff.ValueAndDerivative(nested, x, values, derivatives);
        for (int i = 0; i < 4; i++) Assert.That(derivatives[i], Is.EqualTo(2 * x[i]).Within(1e-15));
    }
}
