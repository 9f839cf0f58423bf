using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MN = MathNet.Numerics.SpecialFunctions;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace Dual.Benchmarks;

/// <summary>
/// Dual.Special against MathNet.Numerics on <see cref="Points"/> arguments per invocation: the double kernels (through
/// the generic entry point, whose type test the JIT folds away), the same call on <see cref="Dual{T}"/> (value and exact
/// derivative, one cached virtual dispatch), and MathNet's double function. One category per function; ratios are
/// against MathNet.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SpecialFunctionBenchmarks
{
    public const int Points = 1024;

    private readonly double[] xs = new double[Points];
    private readonly double[] ps = new double[Points];

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Points; i++)
        {
            xs[i] = 0.05 + 9.9 * i / Points;          // (0, 10): erfc's tail, Γ and ψ without the reflection
            ps[i] = (i + 0.5) / Points;               // (0, 1) for the quantile
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("Erfc")]
    public double ErfcMathNet() { double s = 0; foreach (double x in xs) { s += MN.Erfc(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Erfc")]
    public double ErfcDouble() { double s = 0; foreach (double x in xs) { s += Special.Erfc(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Erfc")]
    public double ErfcDual() { double s = 0; foreach (double x in xs) { s += Special.Erfc(Dual<double>.Variable(x)).Tangent; } return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("Gamma")]
    public double GammaMathNet() { double s = 0; foreach (double x in xs) { s += MN.Gamma(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Gamma")]
    public double GammaDouble() { double s = 0; foreach (double x in xs) { s += Special.Gamma(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Gamma")]
    public double GammaDual() { double s = 0; foreach (double x in xs) { s += Special.Gamma(Dual<double>.Variable(x)).Tangent; } return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("Digamma")]
    public double DigammaMathNet() { double s = 0; foreach (double x in xs) { s += MN.DiGamma(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Digamma")]
    public double DigammaDouble() { double s = 0; foreach (double x in xs) { s += Special.Digamma(x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Digamma")]
    public double DigammaDual() { double s = 0; foreach (double x in xs) { s += Special.Digamma(Dual<double>.Variable(x)).Tangent; } return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("NormalCdf")]
    public double NormalCdfMathNet() { double s = 0; foreach (double x in xs) { s += Normal.CDF(0, 1, -x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("NormalCdf")]
    public double NormalCdfDouble() { double s = 0; foreach (double x in xs) { s += Special.NormalCdf(-x); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("NormalCdf")]
    public double NormalCdfDual() { double s = 0; foreach (double x in xs) { s += Special.NormalCdf(Dual<double>.Variable(-x)).Tangent; } return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("NormalInvCdf")]
    public double NormalInvCdfMathNet() { double s = 0; foreach (double p in ps) { s += Normal.InvCDF(0, 1, p); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("NormalInvCdf")]
    public double NormalInvCdfDouble() { double s = 0; foreach (double p in ps) { s += Special.NormalInvCdf(p); } return s; }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("NormalInvCdf")]
    public double NormalInvCdfDual() { double s = 0; foreach (double p in ps) { s += Special.NormalInvCdf(Dual<double>.Variable(p)).Tangent; } return s; }
}
