using BenchmarkDotNet.Attributes;
using Dual;

namespace Dual.Benchmarks;

/// <summary>
/// NIST Rat43: 15 residuals and the 15×4 Jacobian, by <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, System.ReadOnlySpan{T}, System.Span{T}, System.Span{T}, int)"/>
/// with one 4-tangent pass (and by the delegate overload on <see cref="Dual{T}"/>, four one-tangent passes) against a hand-optimised analytic Jacobian, at NIST's start point 1 and at the certified values.
/// </summary>
[MemoryDiagnoser]
public class Rat43Benchmarks
{
    private readonly double[] residuals = new double[15];
    private readonly double[] jacobian = new double[60];
    private double[] b = [];
    private readonly VectorFunc<Dual<double>> model = (x, y) => default(Rat43).Evaluate(x, y);

    [Params("start1", "certified")]
    public string Point { get; set; } = "start1";

    [GlobalSetup]
    public void Setup() => b = Point == "start1" ? Rat43.Start1 : Rat43.Certified;

    [Benchmark(Baseline = true)]
    public double Analytic()
    {
        Rat43.Analytic(b, residuals, jacobian);
        return jacobian[59];
    }

    [Benchmark]
    public double AutoDiffChunk4()
    {
        AutoDiff.Jacobian<double, Rat43>(default, b, residuals, jacobian, chunkSize: 4);
        return jacobian[59];
    }

    [Benchmark]
    public double AutoDiffOneTangentDelegate()
    {
        AutoDiff.Jacobian(model, b, residuals, jacobian);
        return jacobian[59];
    }

    [Benchmark]
    public double ResidualsOnly()
    {
        default(Rat43).Evaluate<double>(b, residuals);
        return residuals[14];
    }
}
