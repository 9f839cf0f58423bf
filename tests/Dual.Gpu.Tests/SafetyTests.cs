using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GpuJacobians;
using ILGPU;
using ILGPU.Runtime;
using NUnit.Framework;
using static Dual.Gpu.Tests.JacobianEngineTests;

namespace Dual.Gpu.Tests;

/// <summary>Bad indices, bad buffers and concurrent callers: an exception that names the problem, never a crash or a
/// silently wrong number.</summary>
[TestFixture]
public sealed class SafetyTests
{
    private JacobianEngine accel = null!;
    private JacobianEngine cpu = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        accel = new JacobianEngine(AcceleratorPreference.CpuAccelerator);
        cpu = new JacobianEngine(AcceleratorPreference.CpuThreads);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        accel.Dispose();
        cpu.Dispose();
    }

    private static readonly double[] Points = RandomPoints<double>(5, 4 * 3);

    [TestCase(AcceleratorPreference.CpuAccelerator, 1, 3)]
    [TestCase(AcceleratorPreference.CpuAccelerator, -1, -1)]
    [TestCase(AcceleratorPreference.CpuThreads, 1, 3)]
    [TestCase(AcceleratorPreference.CpuThreads, -1, -1)]
    public void ReadOutsideTheInputs_ThrowsNamingFunctionAndIndex(AcceleratorPreference where, int offset, int badIndex)
    {
        JacobianEngine engine = where == AcceleratorPreference.CpuThreads ? cpu : accel;
        var f = new ReadsPastEnd(offset);
        var e = Assert.Throws<IndexOutOfRangeException>(() => engine.Jacobians(f, Points, new double[4 * 9]))!;
        Assert.That(e.Message, Does.Contain("ReadsPastEnd").And.Contain($"read input {badIndex}"));
        e = Assert.Throws<IndexOutOfRangeException>(() => engine.Jvp(f, Points, new double[3], new double[12], new double[12]))!;
        Assert.That(e.Message, Does.Contain("ReadsPastEnd").And.Contain($"read input {badIndex}"));
        e = Assert.Throws<IndexOutOfRangeException>(() => engine.JacobianTimesMatrix(f, Points, new double[6], 2, new double[24]))!;
        Assert.That(e.Message, Does.Contain("ReadsPastEnd").And.Contain($"read input {badIndex}"));
    }

    [Test]
    public void ReadOutsideTheInputs_ThroughDeviceViews_Throws_AndNamesPointAndRow()
    {
        using var dx = accel.Accelerator.Allocate1D(Points);
        using var djac = accel.Accelerator.Allocate1D<double>(4 * 9);
        var e = Assert.Throws<IndexOutOfRangeException>(() => accel.Jacobians(new ReadsPastEnd(1), dx.View, djac.View))!;
        Assert.That(e.Message, Does.Contain("read input 3").And.Contain("output row 2").And.Contain("outside [0, 3)"));
    }

    [Test]
    public void WholePointWriteOutsideTheOutputs_Throws()
    {
        foreach (JacobianEngine engine in new[] { accel, cpu })
        {
            var e = Assert.Throws<IndexOutOfRangeException>(() => engine.Jacobians(new WritesPastEnd(), new double[4], new double[8]))!;
            Assert.That(e.Message, Does.Contain("WritesPastEnd").And.Contain("wrote output 2"), engine.SelectionMessage);
        }
    }

    [Test]
    public void IndexChecks_CannotBeTurnedOff_OffCuda()
    {
        Assert.That(accel.CheckIndices, Is.True);
        Assert.Throws<NotSupportedException>(() => accel.CheckIndices = false);
        Assert.Throws<NotSupportedException>(() => cpu.CheckIndices = false);
    }

    [Test]
    public void DeviceViews_FromAnotherEngine_OrOfTheWrongLength_AreRejectedBeforeAnyLaunch()
    {
        using var other = new JacobianEngine(AcceleratorPreference.CpuAccelerator);
        var f = new Mixed(3, 2);
        using var foreign = other.Accelerator.Allocate1D<double>(6);
        using var dx = accel.Accelerator.Allocate1D<double>(6);
        using var djac = accel.Accelerator.Allocate1D<double>(12);
        using var dval = accel.Accelerator.Allocate1D<double>(4);
        using var dv = accel.Accelerator.Allocate1D<double>(3);
        int compiled = accel.CompiledKernelCount;

        var e = Assert.Throws<ArgumentException>(() => accel.Jacobians(f, foreign.View, djac.View))!;
        Assert.That(e.ParamName, Is.EqualTo("points"));
        Assert.That(e.Message, Does.Contain("another accelerator"));
        using var foreignJac = other.Accelerator.Allocate1D<double>(12);
        e = Assert.Throws<ArgumentException>(() => accel.Jacobians(f, dx.View, foreignJac.View))!;
        Assert.That(e.ParamName, Is.EqualTo("jacobians"));
        e = Assert.Throws<ArgumentException>(() => accel.Jvp(f, dx.View, foreign.View.SubView(0, 3), dval.View, dval.View))!;
        Assert.That(e.ParamName, Is.EqualTo("tangents"));

        // values: a valid view must have length P·m, including an empty one with P > 0.
        e = Assert.Throws<ArgumentException>(() => accel.Jacobians(f, dx.View, djac.View, dval.View.SubView(0, 0)))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain("length 0").And.Contain("expected 4"));
        e = Assert.Throws<ArgumentException>(() => accel.Jacobians(f, dx.View, djac.View, dval.View.SubView(0, 3)))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        e = Assert.Throws<ArgumentException>(() => accel.JacobianTimesMatrix(f, dx.View, dv.View, 1, dval.View, dval.View.SubView(0, 0)))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(accel.CompiledKernelCount, Is.EqualTo(compiled), "rejected before compiling or launching");

        // Host arrays: an empty values array with P > 0 is a wrong length too.
        e = Assert.Throws<ArgumentException>(() => accel.Jacobians(f, new double[6], new double[12], Array.Empty<double>()))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
    }

    [Test]
    public void OneEngine_ManyThreads_CompilesAndLaunchesSafely()
    {
        // Several function types, scalars and operations from 8 threads at once: the kernel cache, the cached buffers
        // and the launches must not race (this failed 5 calls in 64 with "An item with the same key has already been added").
        using var engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);
        var failures = new ConcurrentQueue<string>();
        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, call =>
        {
            try
            {
                var f = new Mixed(2 + call % 3, 1 + call % 2);
                int n = f.InputCount, m = f.OutputCount, count = 1 + call % 5;
                if (call % 2 == 0)
                {
                    double[] x = RandomPoints<double>(call, count * n);
                    var jac = new double[count * m * n];
                    engine.Jacobians(f, x, jac);
                    if (!jac.SequenceEqual(CpuJacobians<double, Mixed>(f, x).Jacobians))
                        failures.Enqueue($"call {call}: double Jacobians differ");
                }
                else
                {
                    float[] x = RandomPoints<float>(call, count * 7);
                    var g = new RollingSinExp(7);
                    var jac = new float[count * 49];
                    engine.Jacobians(g, x, jac);
                    if (!jac.SequenceEqual(CpuJacobians<float, RollingSinExp>(g, x).Jacobians))
                        failures.Enqueue($"call {call}: float Jacobians differ");
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"call {call}: {e.GetType().Name}: {e.Message}");
            }
        });
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void CpuPath_ManyThreads_AllResultsRight()
    {
        var failures = new ConcurrentQueue<string>();
        var f = new Mixed(5, 4);
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, call =>
        {
            double[] x = RandomPoints<double>(call, 9 * 5);
            var jac = new double[9 * 20];
            cpu.Jacobians(f, x, jac);
            if (!jac.SequenceEqual(CpuJacobians<double, Mixed>(f, x).Jacobians))
                failures.Enqueue($"call {call} differs");
        });
        Assert.That(failures, Is.Empty);
    }
}
