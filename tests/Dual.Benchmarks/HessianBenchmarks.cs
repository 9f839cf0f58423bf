using BenchmarkDotNet.Attributes;
using Dual;

namespace Dual.Benchmarks;

/// <summary>
/// f, ∇f and the n×n Hessian of f: ℝⁿ → ℝ (forward over forward) into caller buffers, n = 10, 100, 200: the primal
/// (baseline), one outer tangent per pass (about n²/2 passes), and chunked outer passes at the default k (capped at 8
/// for Hessians) and at k = 4, 8 and 16 (about n·⌈n/k⌉/2 passes), and k = 8 with the rows spread over every core.
/// </summary>
public abstract class HessianBenchmarks<TFunction> where TFunction : struct, IScalarFunction
{
    private double[] x = [];
    private double[] gradient = [];
    private double[] hessian = [];

    [Params(10, 100, 200)]
    public int N { get; set; }

    protected abstract double Start(int i);

    [GlobalSetup]
    public void Setup()
    {
        x = new double[N];
        gradient = new double[N];
        hessian = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            x[i] = Start(i);
        }
    }

    [Benchmark(Baseline = true)]
    public double Primal() => default(TFunction).Evaluate<double>(x);

    [Benchmark]
    public double OneTangent() => AutoDiff.Hessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 1);

    [Benchmark]
    public double ChunkedDefault() => AutoDiff.Hessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 0);

    [Benchmark]
    public double Chunked4() => AutoDiff.Hessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 4);

    [Benchmark]
    public double Chunked8() => AutoDiff.Hessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 8);

    /// <summary>Chunk 8 with the rows spread over every core (opt-in multi-core; the same bits as <see cref="Chunked8"/>).</summary>
    [Benchmark]
    public double ParallelChunked8() => AutoDiff.ParallelHessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 8);

    [Benchmark]
    public double Chunked16() => AutoDiff.Hessian<double, TFunction>(default, x, gradient, hessian, chunkSize: 16);
}

[MemoryDiagnoser]
[Config(typeof(PrimalUnitsConfig))]
public class RosenbrockHessian : HessianBenchmarks<Rosenbrock>
{
    protected override double Start(int i) => i % 2 == 0 ? -1.2 : 1.0;
}

/// <summary>The densely coupled <see cref="DenseCoupled"/>: every Hessian entry is non-zero.</summary>
[MemoryDiagnoser]
[Config(typeof(PrimalUnitsConfig))]
public class DenseCoupledHessian : HessianBenchmarks<DenseCoupled>
{
    protected override double Start(int i) => 0.5 * System.Math.Sin(0.7 * i + 0.3);
}
