using System;
using BenchmarkDotNet.Attributes;
using Dual;
using MathNet.Numerics.Differentiation;

namespace Dual.Benchmarks;

/// <summary>
/// ∇f for f: ℝⁿ → ℝ given as an <see cref="IScalarFunction"/> struct, n = 10, 100, 1000, with caller-supplied
/// buffers: the primal (baseline), one tangent per pass (n passes), chunked passes at the default k (<see cref="AutoDiff.DefaultChunkSize"/>: 16 for n > 8) and at k = 4, 8 and 16 (and k = 16 on every core),
/// and MathNet.Numerics' central finite-difference gradient (<see cref="NumericalJacobian"/>, 2n evaluations).
/// </summary>
public abstract class GradientBenchmarks<TFunction> where TFunction : struct, IScalarFunction
{
    private double[] x = [];
    private double[] gradient = [];
    private Func<double[], double> primal = _ => 0;
    private readonly NumericalJacobian mathNet = new();

    [Params(10, 100, 1000)]
    public int N { get; set; }

    protected abstract double Start(int i);

    [GlobalSetup]
    public void Setup()
    {
        x = new double[N];
        gradient = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = Start(i);
        }
        primal = v => default(TFunction).Evaluate<double>(v);
    }

    [Benchmark(Baseline = true)]
    public double Primal() => default(TFunction).Evaluate<double>(x);

    [Benchmark]
    public double OneTangent() => AutoDiff.Gradient<double, TFunction>(default, x, gradient, chunkSize: 1);

    [Benchmark]
    public double ChunkedDefault() => AutoDiff.Gradient<double, TFunction>(default, x, gradient, chunkSize: 0);

    [Benchmark]
    public double Chunked4() => AutoDiff.Gradient<double, TFunction>(default, x, gradient, chunkSize: 4);

    [Benchmark]
    public double Chunked8() => AutoDiff.Gradient<double, TFunction>(default, x, gradient, chunkSize: 8);

    [Benchmark]
    public double Chunked16() => AutoDiff.Gradient<double, TFunction>(default, x, gradient, chunkSize: 16);

    /// <summary>Chunk 16 on every core (opt-in multi-core; the same bits as <see cref="Chunked16"/>).</summary>
    [Benchmark]
    public double ParallelChunked16() => AutoDiff.ParallelGradient<double, TFunction>(default, x, gradient, chunkSize: 16);

    [Benchmark]
    public double[] MathNetFiniteDifference() => mathNet.Evaluate(primal, x);
}

[MemoryDiagnoser]
[Config(typeof(PrimalUnitsConfig))]
public class RosenbrockGradient : GradientBenchmarks<Rosenbrock>
{
    protected override double Start(int i) => i % 2 == 0 ? -1.2 : 1.0;
}

[MemoryDiagnoser]
[Config(typeof(PrimalUnitsConfig))]
public class AckleyGradient : GradientBenchmarks<Ackley>
{
    protected override double Start(int i) => 0.5 + 1.5 * Math.Sin(0.7 * i + 0.3);
}

[MemoryDiagnoser]
[Config(typeof(PrimalUnitsConfig))]
public class PowerSumGradient : GradientBenchmarks<PowerSum>
{
    protected override double Start(int i) => 1.2 * Math.Sin(0.9 * i + 0.2);
}
