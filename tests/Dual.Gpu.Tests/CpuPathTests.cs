using System;
using System.Collections.Generic;
using System.Threading;
using GpuJacobians;
using NUnit.Framework;
using static Dual.Gpu.Tests.JacobianEngineTests;

namespace Dual.Gpu.Tests;

/// <summary>The CPU path (what Auto picks without a CUDA device): bit-identical to the CPU API, parallel, allocation-free,
/// cancellable, reporting progress.</summary>
[TestFixture]
public sealed class CpuPathTests
{
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuThreads);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public void Jacobians_BitIdenticalToAutoDiffJacobian(int seed, byte nRaw, byte mRaw, byte pRaw)
    {
        var f = new Mixed(1 + nRaw % 19, 1 + mRaw % 7);
        int n = f.InputCount, m = f.OutputCount, count = 1 + pRaw % 37;
        double[] x = RandomPoints<double>(seed, count * n);
        var jac = new double[count * m * n];
        var val = new double[count * m];
        engine.Jacobians(f, x, jac, val);
        var (expectedJac, expectedVal) = CpuJacobians<double, Mixed>(f, x);
        Assert.That(jac, Is.EqualTo(expectedJac));
        Assert.That(val, Is.EqualTo(expectedVal));
    }

    [Test]
    public void SpanOverloads_Float_BitIdentical()
    {
        var f = new RollingSinExp(13);
        float[] x = RandomPoints<float>(3, 11 * 13);
        var jac = new float[11 * 169];
        engine.Jacobians<float, RollingSinExp>(f, x.AsSpan(), jac.AsSpan());
        Assert.That(jac, Is.EqualTo(CpuJacobians<float, RollingSinExp>(f, x).Jacobians));
    }

    [Test]
    public void JacobianTimesMatrix_And_Jvp_BitIdenticalToAutoDiffJvp()
    {
        var f = new Mixed(6, 5);
        const int count = 7, r = 11;
        double[] x = RandomPoints<double>(1, count * 6);
        double[] v = RandomPoints<double>(2, 6 * r);
        double[] t = RandomPoints<double>(3, count * 6);
        var prod = new double[count * 5 * r];
        var jv = new double[count * 5];
        var val = new double[count * 5];
        engine.JacobianTimesMatrix(f, x, v, r, prod);
        engine.Jvp(f, x, t, val, jv);
        var column = new double[6];
        var y = new double[5];
        var expected = new double[5];
        for (int p = 0; p < count; p++)
        {
            for (int c = 0; c < r; c++)
            {
                for (int k = 0; k < 6; k++)
                    column[k] = v[k * r + c];
                AutoDiff.Jvp(f.AsVectorFunction(), x.AsSpan(p * 6, 6), column, y, expected);
                for (int i = 0; i < 5; i++)
                    Assert.That(prod[(p * 5 + i) * r + c], Is.EqualTo(expected[i]), $"J·V point {p}, row {i}, column {c}");
            }
            AutoDiff.Jvp(f.AsVectorFunction(), x.AsSpan(p * 6, 6), t.AsSpan(p * 6, 6), y, expected);
            Assert.That(jv.AsSpan(p * 5, 5).ToArray(), Is.EqualTo(expected));
            Assert.That(val.AsSpan(p * 5, 5).ToArray(), Is.EqualTo(y));
        }
    }

    [Test]
    public void SteadyState_AllocatesNothing()
    {
        var f = new RollingSinExp(16);
        double[] x = RandomPoints<double>(4, 64 * 16);
        var jac = new double[64 * 256];
        engine.Jacobians(f, x, jac);
        engine.Jacobians(f, x, jac);
        long before = GC.GetAllocatedBytesForCurrentThread();
        engine.Jacobians(f, x, jac);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Progress_ReachesTheBatch_AndCancellationStops()
    {
        var f = new RollingSinExp(8);
        double[] x = RandomPoints<double>(5, 500 * 8);
        var jac = new double[500 * 64];
        var seen = new List<BatchProgress>();
        engine.Jacobians(f, x, jac, null, default, new SyncProgress(seen));
        Assert.That(seen, Is.Not.Empty);
        Assert.That(seen.ConvertAll(s => s.PointsDone), Has.Some.EqualTo(500));
        Assert.That(seen.TrueForAll(s => s.PointCount == 500 && s.PointsDone is > 0 and <= 500), Is.True);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => engine.Jacobians(f, x, jac, null, cancelled.Token));
    }

    [Test]
    public void DeviceViews_AreNotAvailable() =>
        Assert.That(() => engine.Accelerator, Throws.InvalidOperationException.With.Message.Contains("host"));

    private sealed class SyncProgress : IProgress<BatchProgress>
    {
        private readonly List<BatchProgress> seen;

        public SyncProgress(List<BatchProgress> seen) => this.seen = seen;

        public void Report(BatchProgress value)
        {
            lock (seen)
                seen.Add(value);
        }
    }
}
