using System;
using System.Linq;
using System.Numerics;
using GpuJacobians;
using NUnit.Framework;
using static Dual.Gpu.Tests.DeviceMathTestSupport;

namespace Dual.Gpu.Tests;

/// <summary>
/// Engine-level results with the library's kernel math: what a CUDA kernel computes, evaluated on the CPU. ILGPU's CPU
/// accelerator runs kernels with System.Math (the redirection to DeviceMath exists only on the PTX backend), so the
/// tests here evaluate each row as the engine's row kernel does — G = ⌈n/16⌉ threads per row, thread g owning the
/// columns g, g + G, …, identity seeds synthesized, KernelTangents16 arithmetic — over <see cref="DeviceMathReal{T}"/>,
/// whose elementary functions are DeviceMath's. The result is compared with <see cref="AutoDiff"/>'s Jacobian
/// (System.Math/MathF) at a stated bound.
/// </summary>
/// <remarks>
/// The bound: every elementary function differs from System.Math by at most 2 ulp (DeviceMath*Tests), everything else
/// is the same IEEE arithmetic in the same order (KernelTangents16 lanes do exactly Dual&lt;T&gt;'s operations). In the
/// test functions every Jacobian entry is a sum of positive products of at most three elementary values and derivative
/// rules, on inputs where the rules do not cancel much (tanh' = 1 − tanh² ≥ 0.4), so each entry stays within
/// 3·2 ulp: <see cref="EntryBoundUlp"/> = 6 (observed: 2). On a GPU ptxas also contracts the lanes' a·s + b·t into FMAs,
/// which changes entries by a rounding or two more (docs/gpu.md, "Kernel math").
/// </remarks>
[TestFixture]
public sealed class DeviceMathEngineTests
{
    /// <summary>The stated bound, in ulps of each Jacobian entry.</summary>
    public const double EntryBoundUlp = 6;

    private const int Lanes = 16;

    [TestCase(64, 3)]
    [TestCase(19, 5)]
    public void ReferenceFunction_WithDeviceMath_MatchesAutoDiff_Double(int n, int points)
    {
        double worst = CompareDouble(new RollingSinExp(n), n, n, points, seed: n);
        TestContext.Out.WriteLine($"RollingSinExp f64 n = {n}: max {worst} ulp");
        Assert.That(worst, Is.LessThanOrEqualTo(EntryBoundUlp));
    }

    [TestCase(64, 3)]
    [TestCase(19, 5)]
    public void ReferenceFunction_WithDeviceMath_MatchesAutoDiff_Single(int n, int points)
    {
        double worst = CompareSingle(new RollingSinExp(n), n, n, points, seed: n);
        TestContext.Out.WriteLine($"RollingSinExp f32 n = {n}: max {worst} ulp");
        Assert.That(worst, Is.LessThanOrEqualTo(EntryBoundUlp));
    }

    [Test]
    public void ManyFunctions_WithDeviceMath_MatchAutoDiff()
    {
        double worst = CompareDouble(new PositiveMix(24), 24, 24, 3, seed: 7);
        double worstSingle = CompareSingle(new PositiveMix(24), 24, 24, 3, seed: 8);
        TestContext.Out.WriteLine($"PositiveMix: f64 max {worst} ulp, f32 max {worstSingle} ulp");
        Assert.That(worst, Is.LessThanOrEqualTo(EntryBoundUlp));
        Assert.That(worstSingle, Is.LessThanOrEqualTo(EntryBoundUlp));
    }

    [Test]
    public void TheBound_SeesAChangeOfTwoToTheMinus40()
    {
        // The comparison can fail: against the Jacobian at inputs moved by 2⁻⁴⁰ relative, the same evaluation is far
        // outside the bound.
        double[] x = Uniform(new Random(1), 8, 0.2, 1.0).ToArray();
        var f = new RollingSinExp(8);
        var moved = new double[64];
        AutoDiff.Jacobian(f.AsVectorFunction(), x.Select(v => v * (1 + Math.Pow(2, -40))).ToArray(), new double[8], moved);
        var actual = new double[64];
        EvaluateRows<DeviceMathReal<double>, RollingSinExp>(f, x.Select(v => new DeviceMathReal<double>(v)).ToArray(), 8, 8, actual);
        Assert.That(actual.Zip(moved).Max(p => UlpDistance(p.First, p.Second)), Is.GreaterThan(EntryBoundUlp));
    }

    private static double CompareDouble<TFunction>(TFunction f, int n, int m, int points, int seed) where TFunction : struct, IKernelFunction
    {
        double worst = 0;
        var random = new Random(seed);
        for (int p = 0; p < points; p++)
        {
            double[] x = Uniform(random, n, 0.2, 1.0).ToArray();
            var expected = new double[m * n];
            AutoDiff.Jacobian(f.AsVectorFunction(), x, new double[m], expected);
            var actual = new double[m * n];
            EvaluateRows<DeviceMathReal<double>, TFunction>(f, x.Select(v => new DeviceMathReal<double>(v)).ToArray(), n, m, actual);
            for (int e = 0; e < expected.Length; e++)
                worst = Math.Max(worst, UlpDistance(actual[e], expected[e]));
        }
        return worst;
    }

    private static double CompareSingle<TFunction>(TFunction f, int n, int m, int points, int seed) where TFunction : struct, IKernelFunction
    {
        double worst = 0;
        var random = new Random(seed);
        for (int p = 0; p < points; p++)
        {
            float[] x = Uniform(random, n, 0.2, 1.0).Select(v => (float)v).ToArray();
            var expected = new float[m * n];
            AutoDiff.Jacobian(f.AsVectorFunction(), x, new float[m], expected);
            var actual = new double[m * n];
            EvaluateRows<DeviceMathReal<float>, TFunction>(f, x.Select(v => new DeviceMathReal<float>(v)).ToArray(), n, m, actual);
            for (int e = 0; e < expected.Length; e++)
                worst = Math.Max(worst, UlpDistance((float)actual[e], expected[e]));
        }
        return worst;
    }

    /// <summary>The Jacobian of one point (row-major [m, n], as doubles) the way Kernels.Rows computes it: per output row i
    /// and thread g, one evaluation of row i with 16 lanes seeded for the columns g, g + G, ….</summary>
    internal static void EvaluateRows<TNum, TFunction>(TFunction f, TNum[] x, int n, int m, double[] jacobian)
        where TNum : unmanaged, IFloatingPointIeee754<TNum>
        where TFunction : struct, IKernelFunction
    {
        int threads = (n + Lanes - 1) / Lanes;
        for (int i = 0; i < m; i++)
        {
            for (int g = 0; g < threads; g++)
            {
                var inputs = new RowInputs<TNum>(x, g, threads);
                Dual<TNum, KernelTangents16<TNum>> y = f.Output<Dual<TNum, KernelTangents16<TNum>>, RowInputs<TNum>>(i, in inputs);
                for (int l = 0; l < Lanes; l++)
                {
                    int column = g + l * threads;
                    if (column < n)
                        jacobian[i * n + column] = double.CreateTruncating(y.Tangents[l]);
                }
            }
        }
    }

    /// <summary>Input k with the identity seeds of thread g (lane l is 1 where k − g = l·G), as LaneInputs synthesizes them.</summary>
    private readonly struct RowInputs<TNum> : IKernelInputs<Dual<TNum, KernelTangents16<TNum>>>
        where TNum : unmanaged, IFloatingPointIeee754<TNum>
    {
        private readonly TNum[] x;
        private readonly int g;
        private readonly int threads;

        public RowInputs(TNum[] x, int g, int threads)
        {
            this.x = x;
            this.g = g;
            this.threads = threads;
        }

        public Dual<TNum, KernelTangents16<TNum>> this[int index] =>
            new(x[index], KernelTangents16<TNum>.Strided(index - g, threads, TNum.One));

        public Dual<TNum, KernelTangents16<TNum>> Constant(double value) => new(TNum.CreateChecked(value), KernelTangents16<TNum>.Zero);
    }
}

/// <summary>yᵢ = exp(xᵢ)·log(2 + xₖ) + atan(xᵢ)·√xₖ + sinh(xᵢ)·cosh(xₖ) + tanh(xᵢ)·(1 + xₖ)^1.5, k = i + 1 mod n: for
/// x in [0.2, 1] every Jacobian entry is a sum of positive products (see <see cref="DeviceMathEngineTests"/>).</summary>
public readonly struct PositiveMix : IKernelFunction
{
    private readonly int n;

    public PositiveMix(int n) => this.n = n;

    public int InputCount => n;

    public int OutputCount => n;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
    {
        TNum a = x[i], b = x[i + 1 == n ? 0 : i + 1];
        TNum one = TNum.One, two = one + one;
        return TNum.Exp(a) * TNum.Log(two + b) + TNum.Atan(a) * TNum.Sqrt(b) + TNum.Sinh(a) * TNum.Cosh(b)
            + TNum.Tanh(a) * TNum.Pow(one + b, x.Constant(1.5));
    }
}
