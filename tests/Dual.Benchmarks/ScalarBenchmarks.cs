using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dual;

namespace Dual.Benchmarks;

/// <summary>
/// f(x) = eˣ/√(sin³x + cos³x) over <see cref="Points"/> inputs per invocation: primal, <see cref="Dual{T}"/>
/// (value and derivative), hand-written f and f′, central finite difference. Two groups: the generic function
/// written with T.Sin and T.Cos, and written with one T.SinCos; each group's ratios are against its own primal.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScalarBenchmarks
{
    public const int Points = 1024;
    private const string Separate = "Sin+Cos";
    private const string Fused = "SinCos";

    private readonly double[] xs = new double[Points];

    [GlobalSetup]
    public void Setup()
    {
        // Inside (−π/4, 3π/4), where sin³x + cos³x > 0.
        for (int i = 0; i < Points; i++)
        {
            xs[i] = -0.5 + 2.5 * i / Points;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory(Separate)]
    public double Primal()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            sum += ScalarFunction.F(x);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Separate)]
    public double Dual()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            Dual<double> y = ScalarFunction.F(new Dual<double>(x, 1.0));
            sum += y.Value + y.Tangent;
        }
        return sum;
    }

    /// <summary>The same derivative through <see cref="AutoDiff.Derivative{T, TFunction}"/>: the difference to
    /// <see cref="Dual"/> is the entry point's cost, the perturbation-confusion guard (an execution-context switch in
    /// and out) being most of it.</summary>
    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Separate)]
    public double AutoDiffDerivative()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            (double value, double derivative) = AutoDiff.ValueAndDerivative<double, ScalarF>(default, x);
            sum += value + derivative;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Separate)]
    public double HandWritten()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            double v = ScalarFunction.HandWritten(x, out double d);
            sum += v + d;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Separate)]
    public double CentralDifference()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            double h = 6.0554544523933395e-6 * Math.Max(1.0, Math.Abs(x)); // ∛ε·max(1, |x|)
            sum += (ScalarFunction.F(x + h) - ScalarFunction.F(x - h)) / (2 * h);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory(Fused)]
    public double PrimalSinCos()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            sum += ScalarFunction.FSinCos(x);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Fused)]
    public double DualSinCos()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            Dual<double> y = ScalarFunction.FSinCos(new Dual<double>(x, 1.0));
            sum += y.Value + y.Tangent;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Fused)]
    public double HandWrittenSinCos()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            double v = ScalarFunction.HandWrittenSinCos(x, out double d);
            sum += v + d;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory(Fused)]
    public double CentralDifferenceSinCos()
    {
        double sum = 0;
        foreach (double x in xs)
        {
            double h = 6.0554544523933395e-6 * Math.Max(1.0, Math.Abs(x));
            sum += (ScalarFunction.FSinCos(x + h) - ScalarFunction.FSinCos(x - h)) / (2 * h);
        }
        return sum;
    }
}
