using System;
using System.Collections.Generic;
using GpuJacobians;
using ILGPU;
using ILGPU.Runtime;
using NUnit.Framework;
using static Dual.Gpu.Tests.JacobianEngineTests;

namespace Dual.Gpu.Tests;

/// <summary>k lanes per thread (8, 16; k not dividing n), host buffers kept between calls, streamed chunks, and functions
/// that carry data (a dense layer on the device) with work shared by their rows — on ILGPU's CPU accelerator, where
/// kernels run System.Math, so results are bit-identical to the CPU API.</summary>
[TestFixture]
public sealed class LaneAndDataTests
{
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    [TearDown]
    public void Reset()
    {
        engine.LanesPerThread = 0;
        engine.MemoryBudgetBytes = 256L << 20;
    }

    [TestCase(8, 20, 3, 1)]
    [TestCase(16, 20, 7, 5)]
    [TestCase(16, 37, 2, 3)]
    [TestCase(8, 1, 4, 2)]
    public void Lanes_KNotDividingN_BitIdenticalToCpuApi(int lanes, int n, int m, int count)
    {
        engine.LanesPerThread = lanes;
        var f = new Mixed(n, m);
        float[] xf = RandomPoints<float>(n, count * n);
        double[] x = RandomPoints<double>(n + 1, count * n);
        var jac = new double[count * m * n];
        var val = new double[count * m];
        var jacf = new float[count * m * n];
        engine.Jacobians(f, x, jac, val);
        engine.Jacobians(f, xf, jacf);
        var (expected, expectedVal) = CpuJacobians<double, Mixed>(f, x);
        Assert.That(jac, Is.EqualTo(expected));
        Assert.That(val, Is.EqualTo(expectedVal));
        Assert.That(jacf, Is.EqualTo(CpuJacobians<float, Mixed>(f, xf).Jacobians));

        const int r = 19;
        double[] v = RandomPoints<double>(7, n * r);
        var prod = new double[count * m * r];
        engine.JacobianTimesMatrix(f, x, v, r, prod);
        for (int p = 0; p < count; p++)
            for (int i = 0; i < m; i++)
                for (int c = 0; c < r; c++)
                {
                    double sum = 0;
                    for (int j = 0; j < n; j++)
                        sum += expected[(p * m + i) * n + j] * v[j * r + c];
                    Assert.That(prod[(p * m + i) * r + c], Is.EqualTo(sum).Within(1e-12 * (1 + Math.Abs(sum))));
                }
    }

    [Test]
    public void HostBuffers_AreKept_AndStreamedChunksMatch()
    {
        var f = new RollingSinExp(9);
        double[] x = RandomPoints<double>(8, 40 * 9);
        var jac = new double[40 * 81];
        var val = new double[40 * 9];
        engine.MemoryBudgetBytes = 2 * 6 * (9 + 81 + 9) * sizeof(double);
        engine.Jacobians(f, x, jac, val);
        Assert.That(engine.LastChunkCount, Is.EqualTo(7), "6 points per chunk");
        long kept = engine.CachedDeviceBytes;
        Assert.That(kept, Is.GreaterThan(0));
        var (expected, expectedVal) = CpuJacobians<double, RollingSinExp>(f, x);
        Assert.That(jac, Is.EqualTo(expected));
        Assert.That(val, Is.EqualTo(expectedVal));
        var progress = new List<BatchProgress>();
        Array.Clear(jac);
        engine.Jacobians(f, x, jac, val, default, new Recorder(progress));
        Assert.That(engine.CachedDeviceBytes, Is.EqualTo(kept), "a second call of the same shape allocates no device memory");
        Assert.That(jac, Is.EqualTo(expected));
        Assert.That(progress.ConvertAll(p => p.PointsDone), Is.EqualTo(new long[] { 6, 12, 18, 24, 30, 36, 40 }));
    }

    [Test]
    public void DenseLayerWithDataOnTheDevice_MatchesTheClosedForm_SharedWorkOncePerPointAndLaneBlock()
    {
        const int n = 21, m = 6, count = 5;
        Accelerator acc = engine.Accelerator;
        var random = new Random(3);
        double[] w = new double[m * n], b = new double[m];
        for (int k = 0; k < w.Length; k++) w[k] = random.NextDouble() - 0.5;
        for (int k = 0; k < b.Length; k++) b[k] = random.NextDouble() - 0.5;
        using var dw = acc.Allocate1D(w);
        using var db = acc.Allocate1D(b);
        using var counter = acc.Allocate1D<int>(1);
        counter.MemSetToZero();
        var f = new CenteredDenseTanh(dw.View, db.View, counter.View, n, m);
        double[] x = RandomPoints<double>(4, count * n);
        var jac = new double[count * m * n];
        var val = new double[count * m];
        engine.LanesPerThread = 16;
        engine.Jacobians(f, x, jac, val);
        engine.Synchronize();

        // Shared work (the mean) ran once per point and lane block: P·⌈n/k⌉ = 5·2, not P·m·⌈n/k⌉.
        Assert.That(counter.GetAsArray1D()[0], Is.EqualTo(count * 2));

        // Closed form: yᵢ = tanh(zᵢ), ∂yᵢ/∂xⱼ = (1 − yᵢ²)(Wᵢⱼ − mean over k of Wᵢₖ).
        for (int p = 0; p < count; p++)
        {
            double mean = 0;
            for (int j = 0; j < n; j++) mean += x[p * n + j];
            mean /= n;
            for (int i = 0; i < m; i++)
            {
                double z = b[i], rowMean = 0;
                for (int j = 0; j < n; j++)
                {
                    z += w[i * n + j] * (x[p * n + j] - mean);
                    rowMean += w[i * n + j];
                }
                rowMean /= n;
                double y = Math.Tanh(z);
                Assert.That(val[p * m + i], Is.EqualTo(y).Within(1e-14));
                for (int j = 0; j < n; j++)
                    Assert.That(jac[(p * m + i) * n + j], Is.EqualTo((1 - y * y) * (w[i * n + j] - rowMean)).Within(1e-13), $"p {p}, i {i}, j {j}");
            }
        }

        // The CPU path runs the same whole-point evaluation, bit-identical to AutoDiff.Jacobian over it.
        using var cpu = new JacobianEngine(AcceleratorPreference.CpuThreads);
        var cpuJac = new double[jac.Length];
        cpu.Jacobians(f, x, cpuJac);
        var expected = new double[jac.Length];
        var values = new double[m];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian(f.AsWholePointFunction(), x.AsSpan(p * n, n), values, expected.AsSpan(p * m * n, m * n));
        Assert.That(cpuJac, Is.EqualTo(expected));
        Assert.That(jac, Is.EqualTo(expected), "the CPU accelerator's kernel runs the same lanes in the same order");
    }

    private sealed class Recorder : IProgress<BatchProgress>
    {
        private readonly List<BatchProgress> seen;

        public Recorder(List<BatchProgress> seen) => this.seen = seen;

        public void Report(BatchProgress value) => seen.Add(value);
    }
}
