using GpuJacobians;
using System.Linq;
using NUnit.Framework;

namespace Dual.Gpu.Tests;

/// <summary>Every kernel the engine can launch compiles to PTX without the defects that only show on a GPU.</summary>
[TestFixture]
public sealed class PtxValidationTests
{
    /// <summary>Problems that make a kernel fail on a GPU (CORDIC calls are slow, not broken: tested apart).</summary>
    internal static string[] GpuBreaking(PtxValidationReport report) =>
        report.Kernels.SelectMany(k => k.Problems.Select(p => $"{k.Kernel}: {p}")).Where(p => !p.Contains("CORDIC")).ToArray();

    private static PtxValidationReport? reference;

    private static PtxValidationReport Reference => reference ??= JacobianEngine.ValidateForCuda<RollingSinExp>();

    [Test]
    public void ReferenceFunctionKernels_AreFitForCuda()
    {
        Assert.That(Reference.Kernels, Has.Count.EqualTo(2 * PtxValidator.Variants.Length));
        Assert.That(GpuBreaking(Reference), Is.Empty, Reference.ToString());
        Assert.That(Reference.Kernels.All(k => k.Ptx.Contains(".entry")), Is.True);
    }

    [Test]
    public void NoKernelTheEngineCanLaunch_CallsCordic_ForTheReferenceFunction()
    {
        // The f32 kernels never reach CORDIC (ILGPU uses the hardware approximations or the library's math); the f64 ones
        // did until the library's kernel math (DeviceMath) replaced ILGPU.Algorithms' routines.
        Assert.That(Reference.Kernels.Where(k => k.Kernel.Contains("Single")).SelectMany(k => k.Problems), Is.Empty);
        Assume.That(KernelContext.DeviceMathType, Is.Not.Null, "DeviceMath (src/Dual.Gpu/Math) is not in this build");
        Assert.That(Reference.Kernels.SelectMany(k => k.Problems), Is.Empty, Reference.ToString());
    }

    [Test]
    public void NoKernelTheEngineCanLaunch_CallsCordic_ForEveryKernelSafeFunction()
    {
        // Mixed uses sin, cos, exp, log, sqrt and tanh: CORDIC-free once the library math covers all of them.
        Assume.That(KernelContext.Redirected, Does.Contain("Tanh(Double)"), "DeviceMath has no Tanh yet: f64 tanh still uses CORDIC");
        PtxValidationReport report = PtxValidator.Validate<Mixed>(PtxValidator.QuickVariants);
        Assert.That(report.Kernels.SelectMany(k => k.Problems), Is.Empty, report.ToString());
    }

    [Test]
    public void Checker_FlagsCordicCalls()
    {
        const string ptx = ".func (.param .b64 r) RotateIterations_12(.param .b64 a)\n{\n ret;\n}\n.visible .entry k()\n{\n call.uni (r0), RotateIterations_12, (a);\n}\n";
        Assert.That(PtxValidator.FindProblems(ptx), Has.Some.Contains("CORDIC routines (RotateIterations)"));
    }

    [Test]
    public void MixedFunctionKernels_AreFitForCuda()
    {
        PtxValidationReport report = PtxValidator.Validate<Mixed>(PtxValidator.QuickVariants);
        Assert.That(GpuBreaking(report), Is.Empty, report.ToString());
    }

    [Test]
    public void Checker_FlagsExternAndSelfCallingFunctions()
    {
        const string bad = """
            .extern .func (.param .b64 func_retval0) __nv_cbrt(.param .b64 p0);
            .func (.param .b64 r) rcp_estimate(.param .b64 a)
            {
                call.uni (r0), rcp_estimate, (a);
                ret;
            }
            .visible .entry kernel()
            {
                ret;
            }
            """;
        var problems = PtxValidator.FindProblems(bad);
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.Contain("__nv_cbrt"));
        Assert.That(problems[1], Does.Contain("rcp_estimate"));
        Assert.That(PtxValidator.FindProblems(".func (.param .b64 r) f(.param .b64 a)\n{\n call.uni (r0), g, (a);\n}\n.func g()\n{\n ret;\n}"), Is.Empty);
    }

    [Test]
    public void Checker_CatchesAKernelThatUsesAGpuOnlyFailure()
    {
        PtxValidationReport report = JacobianEngine.ValidateForCuda<FusedMultiplyAddFunction>();
        Assert.That(report.IsValid, Is.False, "FusedMultiplyAdd compiles to an unresolved extern on CUDA; the checker must see it");
        Assert.That(report.Kernels.SelectMany(k => k.Problems), Has.Some.Contains("unresolved external function"), report.ToString());
    }
}

/// <summary>Uses TNum.FusedMultiplyAdd, which ILGPU compiles to an unresolved PTX extern (fails only on a GPU; Cbrt used to, until the
/// library's kernel math took it over).</summary>
public readonly struct FusedMultiplyAddFunction : IKernelFunction
{
    public int InputCount => 1;

    public int OutputCount => 1;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : System.Numerics.IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        => TNum.FusedMultiplyAdd(x[0], x[0], x[0]);
}

/// <summary>The kernel form of the sin/cos rules (one range reduction for value and derivative) is wired in whenever the
/// library's kernel math is.</summary>
[TestFixture]
public sealed class KernelRulesTests
{
    [Test]
    public void SinAndCosRules_AreRemapped_ToOneReduction()
    {
        using (KernelContext.Create()) { }
        Assume.That(KernelContext.DeviceMathType, Is.Not.Null, "DeviceMath (src/Dual.Gpu/Math) has not landed");
        Assert.That(KernelContext.RemappedRules, Is.EquivalentTo(new[]
        {
            "DerivativeRules<Double>.Sin", "DerivativeRules<Double>.Cos", "DerivativeRules<Single>.Sin", "DerivativeRules<Single>.Cos",
        }), "Dual.DerivativeRules<T>.Sin/Cos(T, out T) were renamed: update KernelRules");
    }
}
