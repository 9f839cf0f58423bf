using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Generic-math <c>[Differentiable]</c> methods: their own twin at <c>Dual&lt;double&gt;</c> / <c>Dual&lt;double, TTangents&gt;</c>,
/// entry points at <c>T = double</c>, and calls from other <c>[Differentiable]</c> methods; checked against closed forms.
/// Constraints the dual types cannot satisfy stay DUAL009.
/// </summary>
public class GenericMathMethodTests
{
    private const string Source = """
        using System;
        using System.Linq;
        using System.Numerics;
        using Dual;

        public static partial class G
        {
            [Differentiable]
            public static T Hypot<T>(T a, T b) where T : IFloatingPoint<T>, IRootFunctions<T> => T.Sqrt(a * a + b * b);

            // Σ xᵢ² · xᵢ₊₁ over a span, INumber only (the gradient entry point runs the multi-tangent form).
            [Differentiable]
            public static T Chain<T>(ReadOnlySpan<T> x) where T : INumber<T>
            {
                T s = T.Zero;
                for (int i = 0; i + 1 < x.Length; i++) s += x[i] * x[i] * x[i + 1];
                return s;
            }

            // Polar to Cartesian: y = (r cos θ, r sin θ).
            [Differentiable]
            public static void Polar<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
            {
                y[0] = x[0] * T.Cos(x[1]);
                y[1] = x[0] * T.Sin(x[1]);
            }

            // A non-generic method calling the generic one, and a generic helper without the attribute.
            [Differentiable]
            public static double Outer(double a) => Hypot(a, 2 * a) + Twice(Math.Sin(a));

            public static T Twice<T>(T v) where T : INumber<T> => v + v;

            // Converting a dual number out to double would drop its tangent: the runtime refuses (throws), never a wrong number.
            [Differentiable]
            public static T Leaky<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateChecked(Math.Sin(double.CreateChecked(x)));

            public static double[] HypotGrad(double a, double b) { var (v, (da, db)) = HypotValueAndGradient(a, b); return new[] { v, da, db }; }
            public static double[] ChainGrad(double[] x) { var g = new double[x.Length]; double v = ChainGradient(x, g); return new[] { v }.Concat(g).ToArray(); }
            public static double[] PolarJac(double[] x) { var y = new double[2]; var j = new double[4]; PolarJacobian(x, y, j); return y.Concat(j).ToArray(); }
            public static double OuterDer(double a) => OuterDerivative(a);
            public static double LeakyDer(double x) => LeakyDerivative(x);
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static T Call<T>(string name, params object[] args) =>
        s_asm.Value.Method("G", name, args.Select(a => a.GetType()).ToArray()).Call<T>(args);

    [Test]
    public void ScalarEntryPointsMatchClosedForm()
    {
        double[] r = Call<double[]>("HypotGrad", 3.0, 4.0);
        Assert.That(r[0], Is.EqualTo(5).Within(1e-15));
        Assert.That(r[1], Is.EqualTo(0.6).Within(1e-15));
        Assert.That(r[2], Is.EqualTo(0.8).Within(1e-15));
    }

    [Test]
    public void SpanGradientThroughMultiTangentFormMatchesClosedForm()
    {
        double[] x = { 0.5, -1.25, 2.0, 0.75, -0.3 };
        double[] r = Call<double[]>("ChainGrad", x);
        double f = 0;
        var g = new double[x.Length];
        for (int i = 0; i + 1 < x.Length; i++)
        {
            f += x[i] * x[i] * x[i + 1];
            g[i] += 2 * x[i] * x[i + 1];
            g[i + 1] += x[i] * x[i];
        }
        Assert.That(r[0], Is.EqualTo(f).Within(1e-14));
        for (int i = 0; i < x.Length; i++) Assert.That(r[1 + i], Is.EqualTo(g[i]).Within(1e-14), "∂f/∂x" + i);
    }

    [Test]
    public void VectorJacobianMatchesClosedForm()
    {
        double rr = 1.7, th = 0.6;
        double[] r = Call<double[]>("PolarJac", new[] { rr, th });
        double[] expected = { rr * Math.Cos(th), rr * Math.Sin(th), Math.Cos(th), -rr * Math.Sin(th), Math.Sin(th), rr * Math.Cos(th) };
        for (int i = 0; i < expected.Length; i++) Assert.That(r[i], Is.EqualTo(expected[i]).Within(1e-14), "entry " + i);
    }

    [Test]
    public void CallerOfGenericDifferentiableMethodMatchesClosedForm()
    {
        // d/da [√5 |a| + 2 sin a] = √5 sign(a) + 2 cos a.
        foreach (double a in new[] { 0.4, -1.3 })
        {
            Assert.That(Call<double>("OuterDer", a), Is.EqualTo(Math.Sqrt(5) * Math.Sign(a) + 2 * Math.Cos(a)).Within(1e-14));
        }
    }

    [Test]
    public void ConversionOutOfTheDualTypeThrowsInsteadOfDroppingTheTangent()
    {
        var ex = Assert.Throws<TargetInvocationException>(() => Call<double>("LeakyDer", 0.3));
        Assert.That(ex!.InnerException, Is.InstanceOf<NotSupportedException>());
        Assert.That(ex.InnerException!.Message, Does.Contain("tangent is not zero"));
    }

    [TestCase("where T : IBinaryInteger<T>", "does not implement System.Numerics.IBinaryInteger<Dual.Dual<double>>")]
    [TestCase("where T : class, INumber<T>", "'T : class' excludes the struct")]
    [TestCase("where T : IBinaryFloatingPointIeee754<T>", "does not implement System.Numerics.IBinaryFloatingPointIeee754<Dual.Dual<double>>")]
    public void ConstraintsTheDualTypesCannotSatisfyAreDual009(string constraint, string reason)
    {
        var r = GeneratorHarness.Run("using System.Numerics;\nusing Dual;\npublic static partial class C\n{\n    [Differentiable] public static T F<T>(T x) " + constraint + " => x * x;\n"
            + "    [Differentiable] public static double Caller(double x) => x;\n}\n");
        var d = r.Dual.Single(x => x.Id == "DUAL009");
        Assert.That(d.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(4));
        Assert.That(d.GetMessage(), Does.Contain(reason));
    }

    [Test]
    public void CallerOfUnsatisfiableGenericMethodIsDual001()
    {
        var r = GeneratorHarness.Run("using System.Numerics;\nusing Dual;\npublic static partial class C\n{\n    [Differentiable] public static T F<T>(T x) where T : IBinaryFloatingPointIeee754<T> => x * x;\n"
            + "    [Differentiable] public static double Caller(double x) => F(x);\n}\n");
        Assert.That(r.Dual.Select(x => x.Id), Is.EquivalentTo(new[] { "DUAL009", "DUAL001" }), string.Join("\n", r.Dual));
    }
}
