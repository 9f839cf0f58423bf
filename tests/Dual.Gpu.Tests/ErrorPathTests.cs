using System;
using System.IO;
using ILGPU.Runtime;
using NUnit.Framework;

namespace Dual.Gpu.Tests;

[TestFixture]
public sealed class ErrorPathTests
{
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    private static readonly Mixed F = new(4, 3);

    [Test]
    public void WrongSizes_ThrowArgumentException_NamingParameterAndSizes_BeforeAnyLaunch()
    {
        int compiled = engine.CompiledKernelCount;
        var e = Assert.Throws<ArgumentException>(() => engine.Jacobians(F, new double[7], new double[0]))!;
        Assert.That(e.ParamName, Is.EqualTo("points"));
        Assert.That(e.Message, Does.Contain("7").And.Contain("n = 4"));

        e = Assert.Throws<ArgumentException>(() => engine.Jacobians(F, new double[8], new double[23]))!;
        Assert.That(e.ParamName, Is.EqualTo("jacobians"));
        Assert.That(e.Message, Does.Contain("23").And.Contain("24"));

        e = Assert.Throws<ArgumentException>(() => engine.Jacobians(F, new double[8], new double[24], new double[5]))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));

        e = Assert.Throws<ArgumentException>(() => engine.Jvp(F, new double[8], new double[5], new double[6], new double[6]))!;
        Assert.That(e.ParamName, Is.EqualTo("tangents"));
        e = Assert.Throws<ArgumentException>(() => engine.Jvp(F, new double[8], new double[8], new double[6], new double[5]))!;
        Assert.That(e.ParamName, Is.EqualTo("jvps"));

        e = Assert.Throws<ArgumentException>(() => engine.JacobianTimesMatrix(F, new double[8], new double[7], 2, new double[12]))!;
        Assert.That(e.ParamName, Is.EqualTo("matrix"));
        e = Assert.Throws<ArgumentException>(() => engine.JacobianTimesMatrix(F, new double[8], new double[8], 2, new double[11]))!;
        Assert.That(e.ParamName, Is.EqualTo("products"));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.JacobianTimesMatrix(F, new double[8], new double[0], 0, new double[0]));

        using var dx = engine.Accelerator.Allocate1D<double>(8);
        using var djac = engine.Accelerator.Allocate1D<double>(25);
        e = Assert.Throws<ArgumentException>(() => engine.Jacobians(F, dx.View, djac.View))!;
        Assert.That(e.ParamName, Is.EqualTo("jacobians"));

        Assert.Throws<NotSupportedException>(() => engine.Jacobians(F, new Half[8], new Half[24]));
        Assert.That(engine.CompiledKernelCount, Is.EqualTo(compiled), "validation must happen before compiling or launching");
    }

    [Test]
    public void ZeroPoints_ReturnWithoutLaunching()
    {
        int compiled = engine.CompiledKernelCount;
        engine.Jacobians(F, Array.Empty<double>(), Array.Empty<double>(), Array.Empty<double>());
        engine.Jvp(F, Array.Empty<float>(), new float[4], Array.Empty<float>(), Array.Empty<float>());
        engine.JacobianTimesMatrix(F, Array.Empty<double>(), new double[8], 2, Array.Empty<double>());
        Assert.That(engine.LastChunkCount, Is.Zero);
        Assert.That(engine.CompiledKernelCount, Is.EqualTo(compiled));
    }

    [Test]
    public void DisposedEngine_ThrowsObjectDisposedException()
    {
        var e = new JacobianEngine(AcceleratorPreference.CpuAccelerator);
        e.Dispose();
        e.Dispose();
        Assert.Throws<ObjectDisposedException>(() => e.Jacobians(F, new double[4], new double[12]));
        Assert.Throws<ObjectDisposedException>(() => e.Jvp(F, new double[4], new double[4], new double[3], new double[3]));
        Assert.Throws<ObjectDisposedException>(() => e.JacobianTimesMatrix(F, new double[4], new double[4], 1, new double[3]));
        Assert.Throws<ObjectDisposedException>(() => e.Synchronize());
        Assert.Throws<ObjectDisposedException>(() => _ = e.Accelerator);
    }

    [Test]
    public void Selection_IsReportedInOneLine_ThroughTheLogger()
    {
        var log = new ListLogger();
        using var cpu = new JacobianEngine(AcceleratorPreference.CpuAccelerator, log);
        Assert.That(cpu.IsCuda, Is.False);
        Assert.That(cpu.Backend, Is.EqualTo(AcceleratorPreference.CpuAccelerator));
        Assert.That(cpu.SelectionMessage, Is.EqualTo("Using ILGPU's CPU accelerator: requested explicitly"));
        Assert.That(log.Lines, Is.EqualTo(new[] { cpu.SelectionMessage }));

        using var auto = new JacobianEngine();
        if (auto.IsCuda)
        {
            Assert.That(auto.SelectionMessage, Does.StartWith("Using CUDA accelerator"));
            return;
        }
        // No GPU: Auto is the CPU path, never ILGPU's CPU accelerator.
        int threads = Environment.ProcessorCount;
        Assert.That(auto.Backend, Is.EqualTo(AcceleratorPreference.CpuThreads));
        Assert.That(auto.SelectionMessage, Is.EqualTo($"CPU, {threads} thread{(threads == 1 ? "" : "s")}: no CUDA device found"));
        Assert.That(auto.CpuThreadCount, Is.EqualTo(threads));
        Assert.Throws<InvalidOperationException>(() => _ = auto.Accelerator);
        Assert.Throws<InvalidOperationException>(() => new JacobianEngine(AcceleratorPreference.Cuda).Dispose());
    }

    [Test]
    public void MemoryBudget_MustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.MemoryBudgetBytes = 0);
}
