using System.Collections.Generic;
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
        // The f64 kernels called CORDIC until the library's kernel math (DeviceMath) replaced ILGPU.Algorithms' routines.
        Assert.That(KernelContext.DeviceMathType, Is.Not.Null, "DeviceMath (src/Dual.Gpu/Math) is part of the build");
        Assert.That(Reference.Kernels.SelectMany(k => k.Problems), Is.Empty, Reference.ToString());
    }

    [Test]
    public void NoKernelTheEngineCanLaunch_CallsCordic_ForEveryKernelSafeFunction()
    {
        // Mixed uses sin, cos, exp, log, sqrt and tanh; KernelSafetyAuditTests covers every other function the dual types
        // offer (each redirected to DeviceMath, so none reaches CORDIC).
        Assert.That(KernelContext.Redirected, Does.Contain("Tanh(Double)").And.Contain("Tanh(Single)"));
        PtxValidationReport report = PtxValidator.Validate<Mixed>(PtxValidator.QuickVariants);
        Assert.That(report.Kernels.SelectMany(k => k.Problems), Is.Empty, report.ToString());
    }

    [Test]
    public void SinglePrecisionKernels_OfTheReferenceFunction_HaveNoDoublePrecisionInstruction()
    {
        // sin, cos and exp for float are f32-native (DeviceMath.Single): an f32 kernel issues no f64 arithmetic and no
        // f32↔f64 conversion (half rate or slower on the GPU). Any .f64 type suffix or %fd register would show one.
        var single = Reference.Kernels.Where(k => k.Kernel.Contains("Single")).ToArray();
        Assert.That(single, Has.Length.EqualTo(PtxValidator.Variants.Length));
        foreach (PtxKernelResult k in single)
        {
            string[] f64 = k.Ptx.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\.f64\b|%fd\d")).Take(3).ToArray();
            Assert.That(f64, Is.Empty, $"{k.Kernel}: f64 in the PTX");
        }
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
        PtxValidationReport report = PtxValidator.Validate<AuditFunction<OpReciprocalEstimate>>(PtxValidator.SmallestVariants);
        Assert.That(report.IsValid, Is.False, "ReciprocalEstimate compiles to a function that calls itself on CUDA; the checker must see it");
        Assert.That(report.Kernels.SelectMany(k => k.Problems), Has.Some.Contains("calls itself"), report.ToString());
    }

    [Test]
    public void Checker_FlagsCallsToIntrinsicStubs()
    {
        const string ptx = ".visible .func (.param .f64 r) Fma_17(.param .f64 a)\n{\n st.param.f64 [r], 0d0000000000000000;\n ret;\n}\n"
            + ".visible .entry k()\n{\n call.uni (r0), Fma_17, (a);\n}\n";
        Assert.That(PtxValidator.FindProblems(ptx), Has.Some.Contains("DeviceMath intrinsic"));
    }
}

/// <summary>The kernel form of the sin/cos rules (one range reduction for value and derivative) and the plain Math forms
/// of the rules' replayed primal calls (without the CPU's pass replay) are wired in whenever the library's kernel math
/// is.</summary>
[TestFixture]
public sealed class KernelRulesTests
{
    [Test]
    public void SinAndCosRules_AreRemapped_ToOneReduction()
    {
        using (KernelContext.Create()) { }
        Assert.That(KernelContext.DeviceMathType, Is.Not.Null, "DeviceMath (src/Dual.Gpu/Math) is part of the build");
        string[] replayed =
        {
            "Exp", "Log", "Log2", "Log10", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Cbrt",
            "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1", "LogP1", "Log2P1", "Log10P1", "Asinh", "Acosh", "Atanh",
            "SinPi", "CosPi", "TanPi", "AsinPi", "AcosPi", "AtanPi",
            "Pow", "Atan2", "Atan2Pi", "Hypot", "Log", "RootN",
        };
        var expected = new List<string>();
        foreach (string scalar in new[] { "Double", "Single" })
        {
            expected.Add($"DerivativeRules<{scalar}>.Sin");
            expected.Add($"DerivativeRules<{scalar}>.Cos");
            foreach (string name in replayed) expected.Add($"Replayed<{scalar}>.{name}");
        }
        Assert.That(KernelContext.RemappedRules, Is.EquivalentTo(expected),
            "Dual.DerivativeRules<T>.Sin/Cos(T, out T) or a Dual.Replayed<T> member was renamed or has no double/float member of that name: update KernelRules");
    }
}
