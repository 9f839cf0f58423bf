using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// Generic collections of floating values (List, IList, IReadOnlyList, ICollection, IReadOnlyCollection, IEnumerable)
/// → the same collections of dual numbers in the twin: compiled in memory and run against closed forms; what the
/// twin cannot make dual is a diagnostic.
/// </summary>
public class CollectionTwinTests
{
    internal const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Dual;

        namespace Coll
        {
            public static partial class Series
            {
                [Differentiable]
                public static double Ema(List<double> prices, double alpha)
                {
                    double ema = prices[0];
                    for (int i = 1; i < prices.Count; i++) ema = alpha * prices[i] + (1 - alpha) * ema;
                    return ema;
                }

                [Differentiable]
                public static double EmaOfLast(double alpha, double last) => Ema(new List<double> { 10, 10.5, 10.2, last }, alpha);

                [Differentiable]
                public static double SumOfSquares(IReadOnlyList<double> xs)
                {
                    double s = 0;
                    foreach (double v in xs) s += v * v;
                    return s;
                }

                [Differentiable]
                public static double Weighted(IEnumerable<double> xs, IReadOnlyCollection<double> count, double w)
                {
                    double s = 0;
                    foreach (var v in xs) s += w * v;
                    return s / count.Count;
                }

                [Differentiable]
                public static double Built(double x)
                {
                    var l = new List<double>(4);
                    for (int i = 1; i <= 3; i++) l.Add(x * i);
                    l.Insert(0, 1.0);
                    l[1] = l[1] * x;
                    IList<double> view = l;
                    view[2] += 2 * x;
                    ICollection<double> bag = l;
                    bag.Add(Math.Sin(x));
                    double[] copy = l.ToArray();
                    double s = 0;
                    foreach (double v in copy) s += v;
                    return s + SumOfSquares(l) + Weighted(l, l, 0.5);
                }

                [Differentiable]
                public static double Shoelace(IReadOnlyList<(double X, double Y)> vertices)
                {
                    double sum = 0;
                    for (int i = 0; i < vertices.Count; i++)
                    {
                        var (x1, y1) = vertices[i];
                        var (x2, y2) = vertices[(i + 1) % vertices.Count];
                        sum += x1 * y2 - x2 * y1;
                    }
                    return Math.Abs(sum) / 2;
                }

                [Differentiable]
                public static double Square(double side) => Shoelace(new List<(double X, double Y)> { (0, 0), (side, 0), (side, side), (0, side) });

                [Differentiable]
                public static double Cubes(List<double> xs)
                {
                    double s = 0;
                    for (int i = 0; i < xs.Count; i++) s += (i + 1) * xs[i] * xs[i] * xs[i];
                    return s;
                }

                [Differentiable]
                public static double Grow(IList<double> xs)
                {
                    xs.Add(1.0);
                    xs.Insert(0, 2.0);
                    double s = 0;
                    foreach (var v in xs) s += v * v;
                    return s;
                }

                [Differentiable]
                public static float SumF(List<float> xs, float k)
                {
                    float s = 0;
                    for (int i = 0; i < xs.Count; i++) s += k * xs[i] * xs[i];
                    return s;
                }
            }

            public static class Callers
            {
                public static double[] SumOfSquaresGradient(IReadOnlyList<double> xs)
                {
                    var g = new double[xs.Count];
                    double value = Series.SumOfSquaresGradient(xs, g);
                    return new[] { value }.Concat(g).ToArray();
                }

                public static double[] CubesGradient(List<double> xs)
                {
                    var g = new double[xs.Count];
                    double value = Series.CubesGradient(xs, g);
                    return new[] { value }.Concat(g).ToArray();
                }

                public static double[] GrowGradient(List<double> xs)
                {
                    var g = new double[xs.Count];
                    double value = Series.GrowGradient(xs, g);
                    return new[] { value, xs.Count }.Concat(g).ToArray();
                }

                public static (double Value, double Tangent) CubesJvp(List<double> xs, double[] v) => Series.CubesJvp(xs, v);
            }
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static MethodInfo M(string name, params Type[] types) => s_asm.Value.Method("Coll.Series", name, types);

    [TestCase(0.3, 11.0)]
    [TestCase(0.8, 9.5)]
    public void ListBuiltByTheCaller_IndexerAndCount_MatchClosedForm(double alpha, double last)
    {
        // EMA of (10, 10.5, 10.2, last): ema = a·last + (1−a)(a·10.2 + (1−a)(a·10.5 + (1−a)·10)).
        double e1 = alpha * 10.5 + (1 - alpha) * 10, e2 = alpha * 10.2 + (1 - alpha) * e1, e3 = alpha * last + (1 - alpha) * e2;
        double de1 = 10.5 - 10, de2 = 10.2 - e1 + (1 - alpha) * de1, de3 = last - e2 + (1 - alpha) * de2;
        var twin = M("EmaOfLast", typeof(D), typeof(D));
        D byAlpha = twin.Call<D>(new D(alpha, 1), new D(last, 0));
        D byLast = twin.Call<D>(new D(alpha, 0), new D(last, 1));
        GeneratorHarness.Close(byAlpha.Value, e3, 1e-14, "value");
        GeneratorHarness.Close(byAlpha.Tangent, de3, 1e-13, "∂/∂alpha");
        GeneratorHarness.Close(byLast.Tangent, alpha, 1e-14, "∂/∂last");
    }

    [Test]
    public void ListParameter_TwinTakesAListOfDuals()
    {
        var prices = new List<D> { new(1, 0), new(2, 0), new(4, 1) };
        D r = M("Ema", typeof(List<D>), typeof(D)).Call<D>(prices, new D(0.5, 0));
        // ema = 0.5·4 + 0.5·(0.5·2 + 0.5·1): ∂/∂p₂ = 0.5.
        GeneratorHarness.Close(r.Value, 2 + 0.5 * 1.5, 1e-15, "value");
        GeneratorHarness.Close(r.Tangent, 0.5, 1e-15, "∂/∂p₂");
    }

    [TestCase(0.7)]
    [TestCase(-1.3)]
    public void LocalListWithAddInsertIndexerWritesAndInterfaceViews_MatchesClosedForm(double x)
    {
        // l = [1, x·x, 2x + 2x, 3x, sin x]; s = Σl + Σl² + 0.5·Σl / 5.
        double[] l = { 1, x * x, 4 * x, 3 * x, Math.Sin(x) };
        double[] dl = { 0, 2 * x, 4, 3, Math.Cos(x) };
        double sum = l.Sum(), dsum = dl.Sum();
        double sq = l.Sum(v => v * v), dsq = l.Zip(dl, (v, d) => 2 * v * d).Sum();
        D r = M("Built", typeof(D)).Call<D>(new D(x, 1));
        GeneratorHarness.Close(r.Value, sum + sq + 0.5 * sum / 5, 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, dsum + dsq + 0.5 * dsum / 5, 1e-13, "derivative");
    }

    [TestCase(2.0)]
    [TestCase(0.5)]
    public void ListOfTuplesCreatedInTheTwin_ShoelaceMatchesClosedForm(double side)
    {
        D r = M("Square", typeof(D)).Call<D>(new D(side, 1));
        GeneratorHarness.Close(r.Value, side * side, 1e-14, "area");
        GeneratorHarness.Close(r.Tangent, 2 * side, 1e-14, "d area/d side");
    }

    [Test]
    public void FloatList_MatchesClosedForm()
    {
        var xs = new List<Dual<float>> { new(1f, 0f), new(2f, 1f), new(-3f, 0f) };
        Dual<float> r = M("SumF", typeof(List<Dual<float>>), typeof(Dual<float>)).Call<Dual<float>>(xs, new Dual<float>(0.5f, 0f));
        Assert.That(r.Value, Is.EqualTo(0.5f * 14f).Within(1e-5f));
        Assert.That(r.Tangent, Is.EqualTo(0.5f * 2 * 2f).Within(1e-5f)); // ∂/∂x₁ of k·Σx² = 2k·x₁
    }

    [Test]
    public void CollectionEntryPoints_GradientOverTheElements()
    {
        // SumOfSquares(IReadOnlyList<double>): ∇ = 2x (elements copied into the drivers' array).
        var xs = new List<double> { 1.5, -2.0, 0.25 };
        var r = s_asm.Value.Method("Coll.Callers", "SumOfSquaresGradient", typeof(IReadOnlyList<double>)).Call<double[]>(xs);
        Assert.That(r, Is.EqualTo(new[] { 1.5 * 1.5 + 4 + 0.0625, 3.0, -4.0, 0.5 }).Within(1e-15));
    }

    [Test]
    public void ListEntryPoints_GradientAndJvpInChunks_MatchClosedForm()
    {
        // Cubes(List<double>) = Σ (i+1)·xᵢ³: ∂/∂xᵢ = 3(i+1)·xᵢ²; 11 inputs span several multi-tangent chunks.
        var xs = Enumerable.Range(0, 11).Select(i => 0.3 * i - 1.2).ToList();
        var callers = s_asm.Value.GetType("Coll.Callers")!;
        var r = (double[])callers.GetMethod("CubesGradient")!.Invoke(null, new object[] { xs })!;
        Assert.That(r[0], Is.EqualTo(xs.Select((x, i) => (i + 1) * x * x * x).Sum()).Within(1e-13));
        for (int i = 0; i < xs.Count; i++) GeneratorHarness.Close(r[i + 1], 3 * (i + 1) * xs[i] * xs[i], 1e-14, "∂/∂x" + i);
        double[] v = Enumerable.Range(0, 11).Select(i => 1.0 / (i + 1)).ToArray();
        var (value, tangent) = ((double, double))callers.GetMethod("CubesJvp")!.Invoke(null, new object[] { xs, v })!;
        GeneratorHarness.Close(value, r[0], 1e-15, "jvp value");
        GeneratorHarness.Close(tangent, xs.Select((x, i) => 3 * x * x).Sum(), 1e-13, "jvp tangent");
    }

    [Test]
    public void IListEntryPoint_MethodThatGrowsItsInput_GetsAListAndLeavesTheCallersAlone()
    {
        // Grow(xs) adds 1 and inserts 2 before summing squares: value Σx² + 5, ∇ = 2x; the caller's list keeps its 3 elements.
        var xs = new List<double> { 0.5, -1.5, 3.0 };
        var r = s_asm.Value.Method("Coll.Callers", "GrowGradient", typeof(List<double>)).Call<double[]>(xs);
        Assert.That(r, Is.EqualTo(new[] { 0.25 + 2.25 + 9 + 5, 3, 1.0, -3.0, 6.0 }).Within(1e-14));
    }
}
