using BenchmarkDotNet.Attributes;
using Dual;

namespace Dual.Benchmarks;

/// <summary>
/// The 2 000 × 2 000 Jacobian of <see cref="CoupledRing"/> into caller buffers: chunked passes (k = 16, 125 passes) on
/// one thread, and the same passes spread over every core with <see cref="AutoDiff.ParallelJacobian{T, TFunction}"/>
/// (the same bits). The ratio of the two is the multi-core speed-up.
/// </summary>
[MemoryDiagnoser]
public class LargeJacobian
{
    private double[] x = [];
    private double[] values = [];
    private double[] jacobian = [];

    [Params(2000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x = new double[N];
        values = new double[N];
        jacobian = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            x[i] = 0.5 * System.Math.Sin(0.37 * i + 0.1);
        }
    }

    [Benchmark(Baseline = true)]
    public void Chunked16() => AutoDiff.Jacobian<double, CoupledRing>(default, x, values, jacobian, chunkSize: 16);

    [Benchmark]
    public void ParallelChunked16() => AutoDiff.ParallelJacobian<double, CoupledRing>(default, x, values, jacobian, chunkSize: 16);
}
