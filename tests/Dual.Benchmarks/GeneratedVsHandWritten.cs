using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dual;

namespace Dual.Benchmarks;

/// <summary>Functions written over <c>double</c> and marked <c>[Differentiable]</c>: the generator emits their
/// <see cref="Dual{T}"/> twins and gradient entry points.</summary>
public static partial class GeneratedFunctions
{
    /// <summary>f(x) = eˣ / √(sin³x + cos³x) (the scalar benchmark function), over <c>double</c>.</summary>
    [Differentiable]
    public static double Scalar(double x)
    {
        double s = Math.Sin(x);
        double c = Math.Cos(x);
        return Math.Exp(x) / Math.Sqrt(s * s * s + c * c * c);
    }

    /// <summary>Extended Rosenbrock, the same sum as <see cref="Rosenbrock"/>, over <c>double</c>.</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double odd = x[i];
            double t1 = x[i + 1] - odd * odd;
            double t2 = 1 - odd;
            sum += 100 * (t1 * t1) + t2 * t2;
        }
        return sum;
    }
}

/// <summary>The same two functions written by hand on <see cref="Dual{T}"/>.</summary>
public static class HandWrittenDual
{
    public static Dual<double> Scalar(Dual<double> x)
    {
        Dual<double> s = Dual<double>.Sin(x);
        Dual<double> c = Dual<double>.Cos(x);
        return Dual<double>.Exp(x) / Dual<double>.Sqrt(s * s * s + c * c * c);
    }

    public static Dual<double> Rosenbrock(ReadOnlySpan<Dual<double>> x)
    {
        Dual<double> sum = 0.0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            Dual<double> odd = x[i];
            Dual<double> t1 = x[i + 1] - odd * odd;
            Dual<double> t2 = 1.0 - odd;
            sum += 100.0 * (t1 * t1) + t2 * t2;
        }
        return sum;
    }
}

/// <summary>
/// Generated twin vs hand-written <see cref="Dual{T}"/> code (issue 3, target ≤ 1.1×, 0 B), and the generated
/// gradient entry point (⌈n/8⌉ <c>Tangents8</c> passes) vs <see cref="AutoDiff.Gradient{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, int)"/>.
/// Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratedVsHandWritten
{
    public const int Points = 1024;
    private readonly Dual<double>[] scalarInputs = new Dual<double>[Points];
    private Dual<double>[] dualX = [];
    private double[] x = [];
    private double[] gradient = [];

    [Params(10, 100)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Points; i++)
        {
            scalarInputs[i] = new Dual<double>(-0.5 + 2.5 * i / Points, 1.0);
        }
        x = new double[N];
        dualX = new Dual<double>[N];
        gradient = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
            dualX[i] = new Dual<double>(x[i], i == 0 ? 1.0 : 0.0);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points), BenchmarkCategory("Scalar f, per point")]
    public double ScalarHandWritten()
    {
        double sum = 0;
        foreach (Dual<double> xi in scalarInputs)
        {
            Dual<double> y = HandWrittenDual.Scalar(xi);
            sum += y.Value + y.Tangent;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Points), BenchmarkCategory("Scalar f, per point")]
    public double ScalarGeneratedTwin()
    {
        double sum = 0;
        foreach (Dual<double> xi in scalarInputs)
        {
            Dual<double> y = GeneratedFunctions.Scalar(xi);
            sum += y.Value + y.Tangent;
        }
        return sum;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Rosenbrock, one Dual pass")]
    public double RosenbrockHandWritten()
    {
        Dual<double> y = HandWrittenDual.Rosenbrock(dualX);
        return y.Value + y.Tangent;
    }

    [Benchmark, BenchmarkCategory("Rosenbrock, one Dual pass")]
    public double RosenbrockGeneratedTwin()
    {
        Dual<double> y = GeneratedFunctions.Rosenbrock(dualX);
        return y.Value + y.Tangent;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Rosenbrock gradient")]
    public double GradientAutoDiffDefault() => AutoDiff.Gradient<double, Rosenbrock>(default, x, gradient, chunkSize: 0);

    [Benchmark, BenchmarkCategory("Rosenbrock gradient")]
    public double GradientAutoDiffChunk8() => AutoDiff.Gradient<double, Rosenbrock>(default, x, gradient, chunkSize: 8);

    [Benchmark, BenchmarkCategory("Rosenbrock gradient")]
    public double GradientGeneratedEntryPoint() => GeneratedFunctions.RosenbrockGradient(x, gradient);
}
