using System;
using System.Linq;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// LINQ over floating sequences (Sum, Average, Min, Max with and without selectors, Select, Where, Zip, Aggregate,
/// Range, OrderBy/ThenBy, ToArray/ToList, First/Last/ElementAt/Count, Skip/Take) differentiated by the generator:
/// gradients checked against closed forms and 5-point finite differences of the plain methods, values bit-identical
/// to the plain methods (the twin must reproduce the BCL's summation order), through the multi-tangent twins
/// (gradients) and the single-tangent twins (JVPs). Operators left out stay diagnostics.
/// </summary>
public class LinqTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Dual;

        public static partial class L
        {
            private static readonly double[] s_weights = { 0.5, -1.25, 2.0, 0.75 };

            [Differentiable] public static double SumSq(double[] x) => x.Select(v => v * v).Sum();
            [Differentiable] public static double SumSel(double[] x) => x.Sum(v => Math.Sin(v) * v);
            [Differentiable] public static double Mean(double[] x) => x.Average() * x.Average(v => v * v);
            [Differentiable] public static double MaxMin(double[] x) => x.Max() * 3 + x.Min() + x.Max(v => -v * v);
            [Differentiable] public static double WhereSum(double[] x) => x.Where(v => v > 0).Sum(v => v * v * v);
            [Differentiable] public static double ZipDot(double[] x) => x.Zip(s_weights, (a, w) => a * w).Sum() + x.Zip(x).Sum(p => p.First * p.Second);
            [Differentiable] public static double Fold(double[] x) => x.Aggregate(1.0, (acc, v) => acc * v + v);
            [Differentiable] public static double RangeSel(double[] x) => Enumerable.Range(0, x.Length).Select(i => (i + 1) * x[i]).Sum();
            [Differentiable] public static double Median(double[] x)
            {
                var sorted = x.OrderBy(v => v).ToArray();
                int n = sorted.Length;
                return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
            [Differentiable] public static double Ordered(double[] x) =>
                x.Select((v, i) => (V: v, K: i % 2)).OrderByDescending(p => p.K).ThenBy(p => p.V).First().V * 10
                + x.OrderByDescending(v => v).Last() + x.ToList().ElementAt(1) * x.Count(v => v > 0);
            [Differentiable] public static double SkipTake(double[] x) => x.Skip(1).Take(2).Sum() * x.First() + s_weights.Sum(w => w * x[0]);
            [Differentiable] public static double ConstantSource(double[] x) => s_weights.Select(w => w * x[0] * x[1]).Sum();
            [Differentiable] public static double IntegerSelector(double[] x) => x.Average(v => (int)(v * 3)) * x[0] + x.Sum(v => (long)v) * x[1];

            public static double[] Grad(string name, double[] x)
            {
                var g = new double[x.Length];
                double v = name switch
                {
                    "SumSq" => SumSqGradient(x, g), "SumSel" => SumSelGradient(x, g), "Mean" => MeanGradient(x, g),
                    "MaxMin" => MaxMinGradient(x, g), "WhereSum" => WhereSumGradient(x, g), "ZipDot" => ZipDotGradient(x, g),
                    "Fold" => FoldGradient(x, g), "RangeSel" => RangeSelGradient(x, g), "Median" => MedianGradient(x, g),
                    "Ordered" => OrderedGradient(x, g), "SkipTake" => SkipTakeGradient(x, g), "ConstantSource" => ConstantSourceGradient(x, g),
                    "IntegerSelector" => IntegerSelectorGradient(x, g),
                    _ => throw new ArgumentException(name),
                };
                return new[] { v }.Concat(g).ToArray();
            }

            public static double Plain(string name, double[] x) => (double)typeof(L).GetMethod(name, new[] { typeof(double[]) })!.Invoke(null, new object[] { x })!;
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static double[] Grad(string name, double[] x) => s_asm.Value.Method("L", "Grad", typeof(string), typeof(double[])).Call<double[]>(name, x);

    private static double Plain(string name, double[] x) => s_asm.Value.Method("L", "Plain", typeof(string), typeof(double[])).Call<double>(name, x);

    /// <summary>Five-point central difference along coordinate <paramref name="i"/> (error O(h⁴)).</summary>
    private static double Fd5(string name, double[] x, int i)
    {
        const double h = 1e-4;
        double At(double d)
        {
            double[] y = (double[])x.Clone();
            y[i] += d;
            return Plain(name, y);
        }
        return (At(-2 * h) - 8 * At(-h) + 8 * At(h) - At(2 * h)) / (12 * h);
    }

    private static readonly double[] s_x = { 0.7, -1.3, 2.1, 0.4 };

    [TestCase("SumSq")]
    [TestCase("SumSel")]
    [TestCase("Mean")]
    [TestCase("MaxMin")]
    [TestCase("WhereSum")]
    [TestCase("ZipDot")]
    [TestCase("Fold")]
    [TestCase("RangeSel")]
    [TestCase("Median")]
    [TestCase("Ordered")]
    [TestCase("SkipTake")]
    [TestCase("ConstantSource")]
    [TestCase("IntegerSelector")]
    public void GradientMatchesFiniteDifferencesAndValueIsThePlainOne(string name)
    {
        double[] g = Grad(name, s_x);
        Assert.That(g[0], Is.EqualTo(Plain(name, s_x)), "the twin's value is bit-identical to the plain method's");
        for (int i = 0; i < s_x.Length; i++) GeneratorHarness.Close(g[i + 1], Fd5(name, s_x, i), 1e-7, name + " ∂/∂x" + i);
    }

    [Test]
    public void ClosedForms()
    {
        double[] x = s_x;
        double[] sq = Grad("SumSq", x);
        Assert.That(sq.Skip(1), Is.EqualTo(x.Select(v => 2 * v)).Within(1e-15));
        // Mean = m · q, m = Σx/n, q = Σx²/n: ∂/∂xᵢ = q/n + m · 2xᵢ/n.
        double n = x.Length, m = x.Sum() / n, q = x.Sum(v => v * v) / n;
        Assert.That(Grad("Mean", x).Skip(1), Is.EqualTo(x.Select(v => q / n + m * 2 * v / n)).Within(1e-14));
        // MaxMin = 3 max + min + max(−v²): max is x₂ = 2.1, min is x₁ = −1.3, max(−v²) is at x₃ = 0.4.
        Assert.That(Grad("MaxMin", x).Skip(1), Is.EqualTo(new[] { 0.0, 1.0, 3.0, -0.8 }).Within(1e-15));
        // Median of 4: mean of the middle two (0.4 and 0.7).
        Assert.That(Grad("Median", x).Skip(1), Is.EqualTo(new[] { 0.5, 0.0, 0.0, 0.5 }).Within(1e-15));
        // Ordered: odd indices first, then by value: x₁ = −1.3 first → 10·x₁; OrderByDescending(v).Last() = min = x₁;
        // ElementAt(1) · Count(v > 0) = x₁ · 3.
        Assert.That(Grad("Ordered", x).Skip(1), Is.EqualTo(new[] { 0.0, 14.0, 0.0, 0.0 }).Within(1e-15));
    }

    [Test]
    public void MaxAtATieAveragesTheTiedTangentsAndIgnoresNaN()
    {
        double[] tie = { 1.0, 3.0, 3.0, -2.0, 3.0 };
        double[] g = Grad("MaxMin", tie);
        // 3·max: each of the three tied elements gets 3/3; min at x₃; max(−v²) at x₀ = 1.0 (−1 is the largest −v²).
        Assert.That(g.Skip(1), Is.EqualTo(new[] { -2.0, 1.0, 1.0, 1.0, 1.0 }).Within(1e-15));
        Assert.That(g[0], Is.EqualTo(Plain("MaxMin", tie)));
    }

    [Test]
    public void SingleTangentTwinsRunTheSameChains()
    {
        var r = GeneratorHarness.Run(Source);
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        string median = r.Generated("L.Median");
        Assert.That(median, Does.Contain("OrderBy<global::Dual.Dual<double>, global::Dual.Dual<double>>"));
        Assert.That(median, Does.Contain("OrderBy<global::Dual.Dual<double, TTangents>, global::Dual.Dual<double, TTangents>>"));
        Assert.That(r.Generated("L.SumSq"), Does.Contain("global::Dual.CompilerServices.DualEnumerable.Sum("));
    }

    [Test]
    public void FloatSumAndUnknownOperatorsStayDiagnostics()
    {
        var r = GeneratorHarness.Run("""
            using System.Linq;
            using Dual;
            public static partial class C
            {
                [Differentiable] public static float SumF(float[] x) => x.Sum();
                [Differentiable] public static double Distinct(double[] x) => x.Distinct().First();
                [Differentiable] public static double MaxBy(double[] x) => x.MaxBy(v => v * v);
            }
            """);
        Assert.That(r.Dual.Select(d => d.Id + " " + d.GetMessage()), Has.Some.Matches<string>(s => s.StartsWith("DUAL001") && s.Contains("Sum") && s.Contains("float")));
        Assert.That(r.Dual.Select(d => d.GetMessage()), Has.Some.Contains("Distinct"));
        Assert.That(r.Dual.Select(d => d.GetMessage()), Has.Some.Contains("MaxBy"));
        Assert.That(r.Dual, Has.None.Matches<Microsoft.CodeAnalysis.Diagnostic>(d => d.Id is "DUAL014" or "DUAL999"));
        foreach (string m in new[] { "C.SumF", "C.Distinct", "C.MaxBy" }) Assert.That(r.Dual.Count(d => d.Location.SourceSpan.Length > 0), Is.GreaterThanOrEqualTo(3), m);
    }
}
