using System;
using NUnit.Framework;
using static Dual.Gpu.Tests.JacobianEngineTests;

namespace Dual.Gpu.Tests;

/// <summary>An internal type: the generated kernel struct is not public, so the generator grants ILGPU's launcher
/// assembly access (without it the first launch fails with "Access is denied").</summary>
internal static partial class InternalGpuMethods
{
    [Differentiable(Gpu = true)]
    internal static void Square(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = x[i] * x[i] * Math.Exp(x[(i + 1) % x.Length]);
    }
}

/// <summary>Plain methods, marked for the GPU: the generator emits their kernel structs (…Kernel).</summary>
public static partial class GpuMethods
{
    /// <summary>The reference workload yᵢ = sin(xᵢ)·exp(x₍ᵢ₊₁₎ mod n) + xᵢ², written as a user would.</summary>
    [Differentiable(Gpu = true)]
    public static void Rolling(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double xi = x[i];
            y[i] = Math.Sin(xi) * Math.Exp(x[(i + 1) % n]) + xi * xi;
        }
    }

    /// <summary>m ≠ n, constants (0.1, π, 2.5e-3, integer literals), an int converted to double, a const local,
    /// branches, a while loop and several kernel-safe Math functions.</summary>
    [Differentiable(Gpu = true)]
    public static void Mixed(ReadOnlySpan<double> x, Span<double> y)
    {
        const double scale = 2.5e-3;
        double sum = 0;
        int k = 0;
        while (k < x.Length)
        {
            sum += x[k] * (k + 1);
            k++;
        }
        y[0] = 0.1 * sum + Math.PI;
        y[1] = Math.Tanh(x[0]) - Math.Atan2(x[1], 3) + scale * Math.Pow(x[0] * x[0] + 1, 1.5);
        double c = Math.Cos(x[x.Length - 1]);
        if (c > 0.5) y[2] = Math.Sqrt(c) / (1 + x[0] * x[0]);
        else y[2] = -c * 7;
    }

    /// <summary>yᵢ = tanh(Σⱼ sin(xⱼ)·(i + j + 1)/m) for i &lt; y.Length: one unconditional write per output in a loop
    /// bounded by y.Length (the whole-point form), an inner loop and m ≠ n.</summary>
    [Differentiable(Gpu = true)]
    public static void Coupled(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < x.Length; j++) s += Math.Sin(x[j]) * (i + j + 1) / y.Length;
            y[i] = Math.Tanh(s);
        }
    }

    /// <summary>Two writes per output under a branch: not provably once each, so the row-by-row form.</summary>
    [Differentiable(Gpu = true)]
    public static void Branchy(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0) y[i] = x[i] * x[i];
            else y[i] = Math.Exp(x[i]);
        }
    }

    /// <summary>The reference workload in single precision.</summary>
    [Differentiable(Gpu = true)]
    public static void RollingSingle(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = MathF.Sin(x[i]) * MathF.Exp(x[(i + 1) % x.Length]) + 0.5f * x[i] * x[i];
    }
}

/// <summary>The generated kernel structs through the engine (CPU accelerator) against the CPU API's Jacobians of
/// the same methods (their generated dual twins through <see cref="AutoDiff"/>), and through the PTX checker.</summary>
[TestFixture]
public sealed class GeneratedKernelTests
{
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    private void CheckDouble<TKernel>(TKernel kernel, VectorFunc<Dual<double>> twin, int count, int seed)
        where TKernel : struct, IKernelFunction
    {
        int n = kernel.InputCount, m = kernel.OutputCount;
        double[] x = RandomPoints<double>(seed, count * n);
        var jac = new double[count * m * n];
        var val = new double[count * m];
        engine.Jacobians(kernel, x, jac, val);
        var expectedJac = new double[jac.Length];
        var expectedVal = new double[val.Length];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian(twin, x.AsSpan(p * n, n), expectedVal.AsSpan(p * m, m), expectedJac.AsSpan(p * m * n, m * n));
        AssertClose(jac, expectedJac, 1e-14, "jacobians");
        AssertClose(val, expectedVal, 1e-14, "values");
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(64)]
    public void Rolling_GeneratedKernel_MatchesAutoDiffJacobian(int n) =>
        CheckDouble(new GpuMethods.RollingKernel(n, n), GpuMethods.Rolling, count: 5, seed: n);

    [Test]
    public void Internal_GeneratedKernel_Launches_And_MatchesAutoDiffJacobian() =>
        CheckDouble(new InternalGpuMethods.SquareKernel(3, 3), InternalGpuMethods.Square, count: 4, seed: 5);

    [Test]
    public void Mixed_GeneratedKernel_MatchesAutoDiffJacobian() =>
        CheckDouble(new GpuMethods.MixedKernel(4, 3), GpuMethods.Mixed, count: 9, seed: 3);

    [Test]
    public void RollingSingle_GeneratedKernel_MatchesAutoDiffJacobian()
    {
        const int n = 5, count = 4;
        var kernel = new GpuMethods.RollingSingleKernel(n, n);
        float[] x = RandomPoints<float>(11, count * n);
        var jac = new float[count * n * n];
        var val = new float[count * n];
        engine.Jacobians(kernel, x, jac, val);
        var expectedJac = new float[jac.Length];
        var expectedVal = new float[val.Length];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian<float>(GpuMethods.RollingSingle, x.AsSpan(p * n, n), expectedVal.AsSpan(p * n, n), expectedJac.AsSpan(p * n * n, n * n));
        AssertClose(jac, expectedJac, 1e-5, "jacobians");
        AssertClose(val, expectedVal, 1e-5, "values");
    }

    [Test]
    public void GeneratedKernel_EvaluatesLikeTheMethod()
    {
        double[] x = [0.3, -1.2, 2.0, 0.7];
        var expected = new double[3];
        GpuMethods.Mixed(x, expected);
        var actual = new double[3];
        new GpuMethods.MixedKernel(4, 3).AsVectorFunction().Evaluate<double>(x, actual);
        Assert.That(actual, Is.EqualTo(expected), "bit-identical on the CPU: constants are built exactly");
    }

    [Test]
    public void Coupled_WholePointKernel_MatchesClosedForm()
    {
        const int n = 5, m = 3, count = 6;
        var kernel = new GpuMethods.CoupledKernel(n, m);
        Assert.That(kernel, Is.InstanceOf<IKernelPointFunction>(), "one write per output in a y.Length loop: whole-point form");
        double[] x = RandomPoints<double>(21, count * n);
        var jac = new double[count * m * n];
        var val = new double[count * m];
        engine.Jacobians(kernel, x, jac, val);
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < m; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += Math.Sin(x[p * n + j]) * (i + j + 1) / m;
                double yi = Math.Tanh(s);
                Assert.That(val[p * m + i], Is.EqualTo(yi).Within(1e-15 * (1 + Math.Abs(yi))), $"value p={p} i={i}");
                for (int j = 0; j < n; j++)
                {
                    double expected = (1 - yi * yi) * Math.Cos(x[p * n + j]) * (i + j + 1) / m; // closed form
                    Assert.That(jac[(p * m + i) * n + j], Is.EqualTo(expected).Within(1e-14), $"∂y{i}/∂x{j} at point {p}");
                }
            }
        }
    }

    [Test]
    public void Branchy_RowByRowKernel_MatchesClosedForm()
    {
        const int n = 4, count = 5;
        var kernel = new GpuMethods.BranchyKernel(n, n);
        Assert.That(kernel, Is.Not.InstanceOf<IKernelPointFunction>(), "two writes per output: not provably once, so row by row");
        double[] x = RandomPoints<double>(8, count * n);
        var jac = new double[count * n * n];
        engine.Jacobians(kernel, x, jac);
        for (int p = 0; p < count; p++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double xi = x[p * n + i];
                    double expected = i != j ? 0 : xi > 0 ? 2 * xi : Math.Exp(xi);
                    Assert.That(jac[(p * n + i) * n + j], Is.EqualTo(expected).Within(1e-15 * (1 + Math.Abs(expected))));
                }
    }

    [Test]
    public void Generated_one_shot_sparse_Jacobian_matches_the_closed_form()
    {
        // yᵢ = sin(xᵢ)·exp(x₍ᵢ₊₁₎ mod n) + xᵢ²: two entries per row (one when n = 1).
        double[] x = [0.3, -1.1, 0.8, 2.0, -0.4];
        int n = x.Length;
        var y = new double[n];
        SparseJacobian<double> j = GpuMethods.RollingSparseJacobian(x, y);
        Assert.That(j.Values.Length, Is.EqualTo(2 * n));
        for (int i = 0; i < n; i++)
        {
            double e = Math.Exp(x[(i + 1) % n]);
            Assert.That(y[i], Is.EqualTo(Math.Sin(x[i]) * e + x[i] * x[i]).Within(1e-15));
            Assert.That(j[i, i], Is.EqualTo(Math.Cos(x[i]) * e + 2 * x[i]).Within(1e-14), $"∂y{i}/∂x{i}");
            Assert.That(j[i, (i + 1) % n], Is.EqualTo(Math.Sin(x[i]) * e).Within(1e-14), $"∂y{i}/∂x{(i + 1) % n}");
        }
    }

    [TestCase(1.5)]
    [TestCase(-1.5)]
    public void Generated_one_shot_sparse_Jacobian_is_exact_on_either_side_of_a_branch(double x0)
    {
        double[] x = [x0, 0.7, -0.2];
        var y = new double[3];
        SparseJacobian<double> j = GpuMethods.BranchySparseJacobian(x, y);
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++)
            {
                double expected = i != k ? 0 : x[i] > 0 ? 2 * x[i] : Math.Exp(x[i]);
                Assert.That(j[i, k], Is.EqualTo(expected).Within(1e-15 * (1 + Math.Abs(expected))), $"J[{i},{k}] at x0 = {x0}");
            }
    }

    [Test]
    public void RollingKernels_AreWholePoint_AndMixedIsRowByRow()
    {
        Assert.That(new GpuMethods.RollingKernel(3, 3), Is.InstanceOf<IKernelPointFunction>());
        Assert.That(new GpuMethods.RollingSingleKernel(3, 3), Is.InstanceOf<IKernelPointFunction>());
        Assert.That(new GpuMethods.MixedKernel(4, 3), Is.Not.InstanceOf<IKernelPointFunction>(), "several writes under branches");
    }

    [Test]
    public void WholePointKernel_BoundByInputLength_RejectsOutputCountOtherThanInputCount()
    {
        var e = Assert.Throws<ArgumentException>(() => new GpuMethods.RollingKernel(4, 3))!;
        Assert.That(e.ParamName, Is.EqualTo("outputCount"));
        Assert.That(e.Message, Does.Contain("Rolling").And.Contain("inputCount 4").And.Contain("outputCount 3"));
    }

    [Test]
    public void GeneratedKernel_RejectsNonPositiveSizes() =>
        Assert.That(() => new GpuMethods.RollingKernel(0, 1), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void GeneratedKernels_AreFitForCuda()
    {
        foreach (PtxValidationReport report in new[]
        {
            // Each in the precision its method is written in (the kernels are generic; the PTX check is what costs time).
            PtxValidator.Validate<GpuMethods.RollingKernel>(PtxValidator.QuickVariants, typeof(double)),
            PtxValidator.Validate<GpuMethods.MixedKernel>(PtxValidator.QuickVariants, typeof(double)),
            PtxValidator.Validate<GpuMethods.RollingSingleKernel>(PtxValidator.QuickVariants, typeof(float)),
        })
        {
            Assert.That(PtxValidationTests.GpuBreaking(report), Is.Empty, report.ToString());
            Assert.That(report.Kernels, Is.Not.Empty);
        }
    }
}

// KernelSafeSet (the kernel that calls every kernel-safe function) is generated: KernelSafeSet.g.cs.
[TestFixture]
public sealed class KernelSafeSetTests
{
    [Test]
    public void EveryKernelSafeFunction_IsFitForCuda()
    {
        PtxValidationReport report = PtxValidator.Validate<KernelSafeSet.AllKernel>(PtxValidator.QuickVariants);
        Assert.That(PtxValidationTests.GpuBreaking(report), Is.Empty, report.ToString());
    }
}
