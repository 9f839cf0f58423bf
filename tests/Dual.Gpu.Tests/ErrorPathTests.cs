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
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.Cpu);

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
        var e = new JacobianEngine(AcceleratorPreference.Cpu);
        e.Dispose();
        e.Dispose();
        Assert.Throws<ObjectDisposedException>(() => e.Jacobians(F, new double[4], new double[12]));
        Assert.Throws<ObjectDisposedException>(() => e.Jvp(F, new double[4], new double[4], new double[3], new double[3]));
        Assert.Throws<ObjectDisposedException>(() => e.JacobianTimesMatrix(F, new double[4], new double[4], 1, new double[3]));
        Assert.Throws<ObjectDisposedException>(() => e.Synchronize());
        Assert.Throws<ObjectDisposedException>(() => _ = e.Accelerator);
    }

    [Test]
    public void Selection_IsReportedInOneLine()
    {
        var log = new StringWriter();
        using var cpu = new JacobianEngine(AcceleratorPreference.Cpu, log);
        Assert.That(cpu.IsCuda, Is.False);
        Assert.That(cpu.SelectionMessage, Is.EqualTo("Using CPU accelerator: requested explicitly"));
        Assert.That(log.ToString().Trim(), Is.EqualTo(cpu.SelectionMessage));

        using var auto = new JacobianEngine();
        Assert.That(auto.SelectionMessage, auto.IsCuda ? Does.StartWith("Using CUDA accelerator") : Is.EqualTo("Using CPU accelerator: no CUDA device found"));
        if (!auto.IsCuda)
            Assert.Throws<InvalidOperationException>(() => new JacobianEngine(AcceleratorPreference.Cuda).Dispose());
    }

    [Test]
    public void MemoryBudget_MustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.MemoryBudgetBytes = 0);
}
