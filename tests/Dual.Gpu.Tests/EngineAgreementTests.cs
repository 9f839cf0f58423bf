using GpuJacobians;
using System;
using System.Numerics;

using ILGPU;
using ILGPU.Runtime;
using NUnit.Framework;
using static Dual.Gpu.Tests.JacobianEngineTests;

namespace Dual.Gpu.Tests;

/// <summary>Engine results against the CPU API (<see cref="AutoDiff"/>), over FsCheck-generated shapes and seeds
/// (the seed drives the points, uniform in [-2, 2]).</summary>
[TestFixture]
public sealed class EngineAgreementTests
{
    private const double DoubleTolerance = 1e-14;
    private const double FloatTolerance = 1e-5;
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    private static Mixed Shape(byte nRaw, byte mRaw) => new(1 + nRaw % 9, 1 + mRaw % 6);

    private void CheckJacobians<T>(Mixed f, int seed, int count, double tolerance, long budget)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        engine.MemoryBudgetBytes = budget;
        int n = f.InputCount, m = f.OutputCount;
        T[] x = RandomPoints<T>(seed, count * n);
        var jac = new T[count * m * n];
        var val = new T[count * m];
        engine.Jacobians(f, x, jac, val);
        var (expectedJac, expectedVal) = CpuJacobians<T, Mixed>(f, x);
        AssertClose(jac, expectedJac, tolerance, $"jacobians (n={n}, m={m}, P={count})");
        AssertClose(val, expectedVal, tolerance, "values");
    }

    [FsCheck.NUnit.Property(MaxTest = 25)]
    public void Jacobians_Double_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw) =>
        CheckJacobians<double>(Shape(nRaw, mRaw), seed, 1 + pRaw % 13, DoubleTolerance, 256L << 20);

    [FsCheck.NUnit.Property(MaxTest = 15)]
    public void Jacobians_Float_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw) =>
        CheckJacobians<float>(Shape(nRaw, mRaw), seed, 1 + pRaw % 13, FloatTolerance, 256L << 20);

    [FsCheck.NUnit.Property(MaxTest = 15)]
    public void Jacobians_SplitBatches_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw)
    {
        // A budget that holds two points' buffers (x, J, f): a batch of four or more must be streamed in chunks.
        var f = Shape(nRaw, mRaw);
        int n = f.InputCount, m = f.OutputCount;
        CheckJacobians<double>(f, seed, 4 + pRaw % 9, DoubleTolerance, 2 * (n + m * n + m) * sizeof(double) + 7);
        Assert.That(engine.LastChunkCount, Is.GreaterThan(1));
    }

    [Test]
    public void Jacobians_SinglePoint_ReferenceFunction_MatchCpu()
    {
        var f = new RollingSinExp(64);
        double[] x = RandomPoints<double>(7, 64);
        var jac = new double[64 * 64];
        engine.Jacobians(f, x, jac);
        AssertClose(jac, CpuJacobians<double, RollingSinExp>(f, x).Jacobians, DoubleTolerance, "jacobians");
        Assert.That(engine.LastChunkCount, Is.EqualTo(1));
    }

    private void CheckJvp<T>(Mixed f, int seed, int count, bool shared, double tolerance, long budget)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        engine.MemoryBudgetBytes = budget;
        int n = f.InputCount, m = f.OutputCount;
        T[] x = RandomPoints<T>(seed, count * n);
        T[] v = RandomPoints<T>(seed + 1, shared ? n : count * n);
        var val = new T[count * m];
        var jv = new T[count * m];
        engine.Jvp(f, x, v, val, jv);
        var expectedVal = new T[count * m];
        var expectedJv = new T[count * m];
        for (int p = 0; p < count; p++)
            AutoDiff.Jvp(f.AsVectorFunction(), x.AsSpan(p * n, n), shared ? v : v.AsSpan(p * n, n),
                expectedVal.AsSpan(p * m, m), expectedJv.AsSpan(p * m, m));
        AssertClose(jv, expectedJv, tolerance, $"jvps (n={n}, m={m}, P={count}, shared={shared})");
        AssertClose(val, expectedVal, tolerance, "values");
    }

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public void Jvp_Double_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw, bool shared) =>
        CheckJvp<double>(Shape(nRaw, mRaw), seed, 1 + pRaw % 17, shared, DoubleTolerance, 256L << 20);

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public void Jvp_Float_SplitBatches_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw, bool shared)
    {
        // Room for two points' x, v, f and J·v (plus the shared tangent): five or more points need several chunks.
        var f = Shape(nRaw, mRaw);
        int n = f.InputCount, m = f.OutputCount;
        CheckJvp<float>(f, seed, 5 + pRaw % 17, shared, FloatTolerance, (2 * (2 * n + 2 * m) + n) * sizeof(float));
        Assert.That(engine.LastChunkCount, Is.GreaterThan(1));
    }

    private void CheckJacobianMatrix<T>(Mixed f, int seed, int count, int r, double tolerance, long budget)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        engine.MemoryBudgetBytes = budget;
        int n = f.InputCount, m = f.OutputCount;
        T[] x = RandomPoints<T>(seed, count * n);
        T[] matrix = RandomPoints<T>(seed + 2, n * r);
        var prod = new T[count * m * r];
        var val = new T[count * m];
        engine.JacobianTimesMatrix(f, x, matrix, r, prod, val);
        // Column c of J·V is the JVP along V[:, c].
        var expected = new T[prod.Length];
        var expectedVal = new T[count * m];
        var column = new T[n];
        var jv = new T[m];
        for (int c = 0; c < r; c++)
        {
            for (int k = 0; k < n; k++)
                column[k] = matrix[k * r + c];
            for (int p = 0; p < count; p++)
            {
                AutoDiff.Jvp(f.AsVectorFunction(), x.AsSpan(p * n, n), column, expectedVal.AsSpan(p * m, m), jv);
                for (int i = 0; i < m; i++)
                    expected[(p * m + i) * r + c] = jv[i];
            }
        }
        AssertClose(prod, expected, tolerance, $"J·V (n={n}, m={m}, r={r}, P={count})");
        AssertClose(val, expectedVal, tolerance, "values");
    }

    [FsCheck.NUnit.Property(MaxTest = 20)]
    public void JacobianTimesMatrix_Double_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw, byte rRaw) =>
        CheckJacobianMatrix<double>(Shape(nRaw, mRaw), seed, 1 + pRaw % 11, 1 + rRaw % 5, DoubleTolerance, 256L << 20);

    [FsCheck.NUnit.Property(MaxTest = 10)]
    public void JacobianTimesMatrix_Float_SplitBatches_MatchCpu(int seed, byte nRaw, byte mRaw, byte pRaw, byte rRaw)
    {
        var f = Shape(nRaw, mRaw);
        int r = 1 + rRaw % 5;
        // V takes n·r·4 bytes; leave room for two points' x, J·V and f beyond it.
        int n = f.InputCount, m = f.OutputCount;
        CheckJacobianMatrix<float>(f, seed, 3 + pRaw % 11, r, FloatTolerance, (n * r + 2 * (n + m * r + m)) * sizeof(float));
        Assert.That(engine.LastChunkCount, Is.GreaterThan(1));
    }

    [Test]
    public void DeviceViewOverloads_MatchHostOverloads()
    {
        var f = new Mixed(5, 3);
        const int count = 9, r = 2;
        double[] x = RandomPoints<double>(3, count * 5);
        double[] v = RandomPoints<double>(4, 5);
        double[] matrix = RandomPoints<double>(5, 5 * r);
        var hostJac = new double[count * 15];
        var hostVal = new double[count * 3];
        var hostProd = new double[count * 3 * r];
        var hostJv = new double[count * 3];
        engine.Jacobians(f, x, hostJac, hostVal);
        engine.JacobianTimesMatrix(f, x, matrix, r, hostProd);
        engine.Jvp(f, x, v, new double[count * 3], hostJv);

        Accelerator acc = engine.Accelerator;
        using var dx = acc.Allocate1D(x);
        using var dv = acc.Allocate1D(v);
        using var dm = acc.Allocate1D(matrix);
        using var djac = acc.Allocate1D<double>(hostJac.Length);
        using var dval = acc.Allocate1D<double>(hostVal.Length);
        using var dprod = acc.Allocate1D<double>(hostProd.Length);
        using var dy = acc.Allocate1D<double>(count * 3);
        using var djv = acc.Allocate1D<double>(count * 3);
        engine.Jacobians(f, dx.View, djac.View, dval.View);
        engine.JacobianTimesMatrix(f, dx.View, dm.View, r, dprod.View);
        engine.Jvp(f, dx.View, dv.View, dy.View, djv.View);
        engine.Synchronize();
        Assert.That(djac.GetAsArray1D(), Is.EqualTo(hostJac));
        Assert.That(dval.GetAsArray1D(), Is.EqualTo(hostVal));
        Assert.That(dprod.GetAsArray1D(), Is.EqualTo(hostProd));
        Assert.That(djv.GetAsArray1D(), Is.EqualTo(hostJv));
        Assert.That(dy.GetAsArray1D(), Is.EqualTo(hostVal));
    }

    [Test]
    public void KernelsAreCompiledOncePerFunctionType()
    {
        var f = new Mixed(3, 2);
        var x = RandomPoints<double>(9, 6);
        engine.Jacobians(f, x, new double[12]);
        int compiled = engine.CompiledKernelCount;
        TimeSpan time = engine.CompileTime;
        engine.Jacobians(new Mixed(3, 2), x, new double[12]);
        Assert.That(engine.CompiledKernelCount, Is.EqualTo(compiled));
        Assert.That(engine.CompileTime, Is.EqualTo(time));
    }
}
