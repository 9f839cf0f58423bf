using GpuJacobians;
using System;
using System.Numerics;

using NUnit.Framework;

namespace Dual.Gpu.Tests;

[TestFixture]
public sealed class JacobianEngineTests
{
    private JacobianEngine engine = null!;

    [OneTimeSetUp]
    public void SetUp() => engine = new JacobianEngine(AcceleratorPreference.CpuAccelerator);

    [OneTimeTearDown]
    public void TearDown() => engine.Dispose();

    [TearDown]
    public void ResetBudget() => engine.MemoryBudgetBytes = 256L << 20;

    internal static T[] RandomPoints<T>(int seed, int length) where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var x = new T[length];
        for (int k = 0; k < x.Length; k++)
            x[k] = T.CreateChecked(random.NextDouble() * 4 - 2);
        return x;
    }

    internal static void AssertClose<T>(T[] actual, T[] expected, double tolerance, string what) where T : IFloatingPointIeee754<T>
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), what);
        for (int k = 0; k < actual.Length; k++)
        {
            double a = double.CreateChecked(actual[k]), e = double.CreateChecked(expected[k]);
            double scale = Math.Max(Math.Abs(a), Math.Abs(e));
            if (a != e && !(Math.Abs(a - e) <= tolerance * scale))
                Assert.Fail($"{what}[{k}]: engine {a:R}, CPU {e:R}, relative error {Math.Abs(a - e) / scale:E2} > {tolerance:E0}");
        }
    }

    /// <summary>The CPU API's Jacobians (chunked multi-tangent passes over an IVectorFunction), row-major [P, m, n].</summary>
    internal static (T[] Jacobians, T[] Values) CpuJacobians<T, TFunction>(TFunction f, T[] points)
        where T : IFloatingPointIeee754<T>
        where TFunction : struct, IKernelFunction
    {
        int n = f.InputCount, m = f.OutputCount, count = points.Length / n;
        var jac = new T[count * m * n];
        var val = new T[count * m];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian(f.AsVectorFunction(), points.AsSpan(p * n, n), val.AsSpan(p * m, m), jac.AsSpan(p * m * n, m * n));
        return (jac, val);
    }

    [Test]
    public void ReferenceFunction_MatchesCpuDelegateJacobian_Double()
    {
        const int n = 7, count = 5;
        var f = new RollingSinExp(n);
        double[] x = RandomPoints<double>(1, count * n);
        var jac = new double[count * n * n];
        var val = new double[count * n];
        engine.Jacobians(f, x, jac, val);

        // Independent reference: the function written as a delegate on Dual<double>, through AutoDiff.Jacobian.
        VectorFunc<Dual<double>> g = (xs, ys) =>
        {
            for (int i = 0; i < xs.Length; i++)
                ys[i] = Dual<double>.Sin(xs[i]) * Dual<double>.Exp(xs[(i + 1) % xs.Length]) + xs[i] * xs[i];
        };
        var expectedJac = new double[jac.Length];
        var expectedVal = new double[val.Length];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian(g, x.AsSpan(p * n, n), expectedVal.AsSpan(p * n, n), expectedJac.AsSpan(p * n * n, n * n));
        AssertClose(jac, expectedJac, 1e-14, "jacobians");
        AssertClose(val, expectedVal, 1e-14, "values");
        Assert.That(engine.CompileTime, Is.GreaterThan(TimeSpan.Zero));
    }
}
