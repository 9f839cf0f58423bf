using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using NUnit.Framework;

namespace Dual.Gpu.Tests;

/// <summary>DeviceMath in kernels: PTX fit for CUDA (no extern, no recursion, no XMath/CORDIC code), and ILGPU's CPU
/// accelerator giving the same bits as the direct calls.</summary>
[TestFixture]
public sealed class DeviceMathKernelTests
{
    private static readonly string[] ForeignRoutines =
    {
        "RotateIterations", "RangeLimit", "Cordic", "XMath", "Sin", "Cos", "Tan", "Exp", "Log", "Pow", "Atan", "Asin",
        "Acos", "Sinh", "Cosh", "Tanh", "Cbrt", "Hypot", "Rcp",
    };

    [TestCase(nameof(DeviceMathKernels.AllF64))]
    [TestCase(nameof(DeviceMathKernels.AllF32))]
    public void EveryFunction_CompilesToPtxFitForCuda(string kernelName)
    {
        string ptx = DeviceMathPtx.Compile(typeof(DeviceMathKernels).GetMethod(kernelName)!);
        Assert.That(ptx, Does.Contain(".entry"));
        Assert.That(PtxValidator.FindProblems(ptx), Is.Empty, "unresolved externs or self-calls");
        Assert.That(ptx, Does.Not.Contain(".extern"));
        // The only functions are DeviceMath's own out-of-line huge-argument reduction and the unused stubs ILGPU declares
        // for DeviceMath's intrinsics (never called: their instructions are emitted in place); no XMath/CORDIC routine.
        string[] functions = Regex.Matches(ptx, @"\.func\s+(?:\([^)]*\)\s*)?([\w$]+)").Select(m => m.Groups[1].Value)
            .Distinct().Where(f => !KernelContext.IntrinsicNames.Contains(Regex.Replace(f, @"_\d+$", ""))).ToArray();
        Assert.That(functions, Is.All.StartsWith("ReduceTrigHuge"), string.Join(", ", functions));
        // The intrinsics compile to their instructions (the f32 functions compute in f64; only the f64 huge-argument
        // reduction needs the 64-bit high product and leading-zero count).
        string[] instructions = kernelName.EndsWith("F64", StringComparison.Ordinal)
            ? new[] { "fma.rn.f64", "mul.hi.u64", "clz.b64" } : new[] { "fma.rn.f64" };
        foreach (string instruction in instructions)
            Assert.That(ptx, Does.Contain(instruction));
        foreach (Match call in Regex.Matches(ptx, @"call(?:\.uni)?\s+(?:\([^)]*\)\s*,\s*)?([\w$]+)"))
            Assert.That(call.Groups[1].Value, Does.StartWith("ReduceTrigHuge"));
        foreach (string routine in ForeignRoutines)
            Assert.That(Regex.IsMatch(ptx, @"(call|\.func)[^\n]*\b" + routine + @"\w*\s*[,(;]"), Is.False, routine);
        // Every FMA is written mul + add for ptxas to contract; no floating-point division or reciprocal (CUDA expands
        // them with slow-path calls), no hardware approximations. (Integer division by the constant 3 is a multiply.)
        Assert.That(Regex.IsMatch(ptx, @"\b(div|rcp)\.[a-z.]*f(32|64)\b"), Is.False, "floating-point division");
        Assert.That(ptx, Does.Not.Contain(".approx"));
    }

    [Test]
    public void CpuAccelerator_GivesTheSameBitsAsDirectCalls_F64()
    {
        double[] x = DeviceMathTestSupport.SpecialDoubles
            .Concat(DeviceMathTestSupport.LogUniform(new Random(3), 120))
            .Concat(DeviceMathTestSupport.Uniform(new Random(4), 120, -30, 30)).ToArray();
        double[] x2 = x.Reverse().ToArray();
        double[] y = RunOnCpuAccelerator<double>(nameof(DeviceMathKernels.AllF64), x, x2);
        for (int i = 0; i < x.Length; i++)
        {
            double[] expected = DeviceMathKernels.HostAll(x[i], x2[i]);
            for (int k = 0; k < expected.Length; k++)
                Assert.That(Canonical(y[i * DeviceMathKernels.AllCount + k]), Is.EqualTo(Canonical(expected[k])),
                    $"function {k} at {x[i]:R}");
        }
    }

    [Test]
    public void CpuAccelerator_GivesTheSameBitsAsDirectCalls_F32()
    {
        float[] x = DeviceMathTestSupport.SpecialSingles
            .Concat(DeviceMathTestSupport.LogUniformSingle(new Random(5), 120))
            .Concat(DeviceMathTestSupport.Uniform(new Random(6), 120, -30, 30).Select(d => (float)d)).ToArray();
        float[] x2 = x.Reverse().ToArray();
        float[] y = RunOnCpuAccelerator<float>(nameof(DeviceMathKernels.AllF32), x, x2);
        for (int i = 0; i < x.Length; i++)
        {
            float[] expected = DeviceMathKernels.HostAll(x[i], x2[i]);
            for (int k = 0; k < expected.Length; k++)
                Assert.That(Canonical(y[i * DeviceMathKernels.AllCount + k]), Is.EqualTo(Canonical(expected[k])),
                    $"function {k} at {x[i]:R}");
        }
    }

    /// <summary>The bits, except that every NaN counts as one (NaN sign and payload carry no meaning).</summary>
    private static long Canonical(double v) => double.IsNaN(v) ? -1L : BitConverter.DoubleToInt64Bits(v);

    private static long Canonical(float v) => float.IsNaN(v) ? -1L : BitConverter.SingleToInt32Bits(v);

    private static T[] RunOnCpuAccelerator<T>(string kernelName, T[] x, T[] x2) where T : unmanaged
    {
        using var context = ILGPU.Context.Create(b => b.CPU().EnableAlgorithms());
        using ILGPU.Runtime.Accelerator accelerator = context.CreateCPUAccelerator(0);
        MethodInfo method = typeof(DeviceMathKernels).GetMethod(kernelName)!;
        var kernel = accelerator.LoadAutoGroupedStreamKernel<ILGPU.Index1D, ILGPU.ArrayView<T>, ILGPU.ArrayView<T>, ILGPU.ArrayView<T>>(
            method.CreateDelegate<Action<ILGPU.Index1D, ILGPU.ArrayView<T>, ILGPU.ArrayView<T>, ILGPU.ArrayView<T>>>());
        using var input = accelerator.Allocate1D(x);
        using var input2 = accelerator.Allocate1D(x2);
        using var output = accelerator.Allocate1D<T>(x.Length * DeviceMathKernels.AllCount);
        kernel(x.Length, input.View, input2.View, output.View);
        accelerator.Synchronize();
        return output.GetAsArray1D();
    }
    [Test, Explicit("writes one PTX file per DeviceMath function for ../shared/gpu/sass-report.sh; DEVICEMATH_PTX_DIR")]
    public void DumpPtx()
    {
        string dir = Environment.GetEnvironmentVariable("DEVICEMATH_PTX_DIR") ?? Path.Combine(Path.GetTempPath(), "devicemath-ptx");
        DeviceMathPtx.DumpAll(dir);
        TestContext.Out.WriteLine($"wrote {DeviceMathPtx.SingleFunctionKernels().Count} kernels to {dir}");
    }
}
