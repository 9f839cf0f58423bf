using System;
using BenchmarkDotNet.Attributes;
using Dual;
using Dual.Samples.SparseJacobians;

namespace Dual.Benchmarks;

/// <summary>
/// The 2-D Brusselator Jacobian (samples/SparseJacobians; the SciML sparse-AD benchmark) at N = 32 (n = 2 048) and
/// N = 64 (n = 8 192): sparsity detection, column colouring (best of four orderings, and natural order alone),
/// the prepared sparse Jacobian (the baseline), one-shot detect + colour + evaluate, the dense chunked Jacobian
/// (16 tangents a pass, n/16 passes) and coloured central differences on the same colouring.
/// The setup checks the sparse Jacobian against the dense one bit for bit and prints the colour counts.
/// </summary>
[MemoryDiagnoser]
public class SparseJacobianBenchmarks
{
    private Brusselator2D f;
    private double[] x = [];
    private double[] values = [];
    private double[] dense = [];
    private double[] differenceValues = [];
    private SparsityPattern pattern = null!;
    private PreparedSparseJacobian<double, Brusselator2D> prepared = null!;
    private SparseJacobian<double> jacobian = null!;
    private ColoredCentralDifferences differences = null!;

    [Params(32, 64)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        f = new Brusselator2D(N);
        x = f.InitialState();
        int n = x.Length;
        values = new double[n];
        pattern = AutoDiff.JacobianSparsity<double, Brusselator2D>(f, x, n);
        prepared = AutoDiff.PrepareSparseJacobian<double, Brusselator2D>(f, x, pattern);
        jacobian = prepared.CreateResult();
        differences = new ColoredCentralDifferences(pattern, prepared.Coloring);
        differenceValues = new double[pattern.NonZeroCount];
        dense = new double[n * n];

        prepared.Evaluate(x, values, jacobian);
        AutoDiff.Jacobian<double, Brusselator2D>(f, x, new double[n], dense, chunkSize: 16);
        for (int i = 0; i < n; i++)
        {
            for (int e = jacobian.RowOffsets[i]; e < jacobian.RowOffsets[i + 1]; e++)
            {
                if (BitConverter.DoubleToInt64Bits(jacobian.Values[e]) != BitConverter.DoubleToInt64Bits(dense[i * n + jacobian.ColumnIndices[e]]))
                {
                    throw new InvalidOperationException($"Sparse and dense Jacobians differ at ({i}, {jacobian.ColumnIndices[e]}).");
                }
            }
        }
        string orders = string.Join(", ", Array.ConvertAll(
            [ColoringOrder.Natural, ColoringOrder.LargestFirst, ColoringOrder.SmallestLast, ColoringOrder.IncidenceDegree],
            o => $"{o} {GraphColoring.ColumnColoring(pattern, o).ColorCount}"));
        Console.WriteLine($"// Brusselator N = {N}: {pattern}; colours: {orders}; used {prepared.ColorCount} -> {prepared.PassCount} pass(es) of {prepared.ChunkSize}");
    }

    [Benchmark]
    public SparsityPattern Detection() => AutoDiff.JacobianSparsity<double, Brusselator2D>(f, x, x.Length);

    [Benchmark]
    public int ColoringBest() => GraphColoring.ColumnColoring(pattern, ColoringOrder.Best).ColorCount;

    [Benchmark]
    public int ColoringNatural() => GraphColoring.ColumnColoring(pattern, ColoringOrder.Natural).ColorCount;

    [Benchmark(Baseline = true)]
    public double SparsePrepared()
    {
        prepared.Evaluate(x, values, jacobian);
        return jacobian.Values[0];
    }

    [Benchmark]
    public double SparseOneShot() => AutoDiff.SparseJacobian<double, Brusselator2D>(f, x, x.Length).Values[0];

    [Benchmark]
    public double DenseChunked()
    {
        AutoDiff.Jacobian<double, Brusselator2D>(f, x, values, dense, chunkSize: 16);
        return dense[0];
    }

    [Benchmark]
    public double ColoredCentralDifferences()
    {
        differences.Evaluate(f, x, differenceValues);
        return differenceValues[0];
    }
}
