using System;
using System.Linq;
using System.Numerics;
using NUnit.Framework;

namespace Dual.Gpu.Tests;

/// <summary>One generic-math construct to try in a kernel: fᵢ(a, b) for the inputs a = x[0], b = x[1].</summary>
public interface IAuditOp
{
    static abstract TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum>;
}

/// <summary>A kernel function made of one construct (n = 2, m = 1).</summary>
public readonly struct AuditFunction<TOp> : IKernelFunction where TOp : struct, IAuditOp
{
    public int InputCount => 2;

    public int OutputCount => 1;

    public TNum Output<TNum, TInputs>(int i, in TInputs x)
        where TNum : IFloatingPointIeee754<TNum>
        where TInputs : struct, IKernelInputs<TNum>
        => TOp.Apply(x[0], x[1]);
}

#pragma warning disable CS1591
public struct OpSin : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Sin(a); }
public struct OpCos : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Cos(a); }
public struct OpTan : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Tan(a); }
public struct OpAsin : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Asin(a); }
public struct OpAcos : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Acos(a); }
public struct OpAtan : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Atan(a); }
public struct OpAtan2 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Atan2(a, b); }
public struct OpSinh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Sinh(a); }
public struct OpCosh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Cosh(a); }
public struct OpTanh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Tanh(a); }
public struct OpAsinh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Asinh(a); }
public struct OpAcosh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Acosh(a); }
public struct OpAtanh : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Atanh(a); }
public struct OpExp : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp(a); }
public struct OpExp2 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp2(a); }
public struct OpExp10 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp10(a); }
public struct OpExpM1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.ExpM1(a); }
public struct OpLog : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log(a); }
public struct OpLog2 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log2(a); }
public struct OpLog10 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log10(a); }
public struct OpLogP1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.LogP1(a); }
public struct OpPow : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Pow(a, b); }
public struct OpSqrt : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Sqrt(a); }
public struct OpCbrt : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Cbrt(a); }
public struct OpHypot : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Hypot(a, b); }
public struct OpFusedMultiplyAdd : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.FusedMultiplyAdd(a, b, a); }
public struct OpAbsMinMax : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Abs(a) + TNum.Min(a, b) + TNum.Max(a, b) + TNum.CopySign(a, b); }
public struct OpRounding : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Floor(a) + TNum.Ceiling(a) + TNum.Truncate(a) + TNum.Round(a); }
public struct OpRootN : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.RootN(a, 3); }
public struct OpLog2P1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log2P1(a); }
public struct OpExp2M1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp2M1(a); }
public struct OpSinCos : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> { var (s, c) = TNum.SinCos(a); return s + c; } }
public struct OpSinPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.SinPi(a); }
public struct OpTanPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.TanPi(a); }
public struct OpAtanPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.AtanPi(a); }
public struct OpScaleB : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.ScaleB(a, 3); }
public struct OpLerp : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Lerp(a, b, a); }
public struct OpReciprocalEstimate : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.ReciprocalEstimate(a); }
public struct OpReciprocalSqrtEstimate : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.ReciprocalSqrtEstimate(a); }
public struct OpIeee754Remainder : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Ieee754Remainder(a, b); }
public struct OpSign : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Sign(a) > 0 ? a : b; }
public struct OpILogB : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.ILogB(a) > 0 ? a : b; }
public struct OpBitIncrement : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.BitIncrement(a); }
public struct OpCosPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.CosPi(a); }
public struct OpSinCosPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> { var (s, c) = TNum.SinCosPi(a); return s + c; } }
public struct OpAsinAcosPi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.AsinPi(a) + TNum.AcosPi(a); }
public struct OpAtan2Pi : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Atan2Pi(a, b); }
public struct OpLog10P1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log10P1(a); }
public struct OpExp10M1 : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp10M1(a); }
public struct OpLogBase : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.Log(a, b); }
public struct OpMagnitude : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => TNum.MaxMagnitude(a, b) + TNum.MinMagnitude(a, b) + TNum.Clamp(a, b, b + b); }
public struct OpCreateChecked : IAuditOp { public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum> => a * TNum.CreateChecked(2); }

/// <summary>Everything the audit finds fit for CUDA with no software transcendental, in one function: what the CI test
/// compiles (one JVP kernel per precision), so that a change that breaks any of it fails fast.</summary>
public struct OpEveryFitFunction : IAuditOp
{
    public static TNum Apply<TNum>(TNum a, TNum b) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum trig = TNum.Sin(a) + TNum.Cos(a) + TNum.Tan(a) + TNum.Asin(a) + TNum.Acos(a) + TNum.Atan(a) + TNum.Atan2(a, b);
        TNum hyperbolic = TNum.Sinh(a) + TNum.Cosh(a) + TNum.Tanh(a) + TNum.Asinh(a) + TNum.Acosh(b) + TNum.Atanh(a);
        TNum exponential = TNum.Exp(a) + TNum.Exp2(a) + TNum.Exp10(a) + TNum.ExpM1(a) + TNum.Pow(a, b);
        TNum logarithmic = TNum.Log(a) + TNum.Log2(a) + TNum.Log10(a) + TNum.LogP1(a);
        TNum roots = TNum.Sqrt(a) + TNum.Cbrt(a) + TNum.Hypot(a, b) + TNum.FusedMultiplyAdd(a, b, a);
        var (sin, cos) = TNum.SinCos(b);
        TNum other = TNum.Abs(a) + TNum.Min(a, b) + TNum.Max(a, b) + TNum.CopySign(a, b) + TNum.Floor(a) + TNum.Ceiling(a) + TNum.Truncate(a);
        return trig + hyperbolic + exponential + logarithmic + roots + other + sin * cos;
    }
}
#pragma warning restore CS1591

/// <summary>
/// Which generic-math constructs a kernel function may use: each compiled alone for CUDA (PTX, no GPU) in f64 and f32
/// through the engine's dual type. The CI test compiles every construct that is fit in one function; the [Explicit]
/// audit compiles each one alone and prints the table that docs/gpu.md ("What compiles") reproduces.
/// </summary>
[TestFixture]
public sealed class KernelSafetyAuditTests
{
    [Test]
    public void EveryFitConstruct_CompilesForCuda_WithoutSoftwareTranscendentals()
    {
        PtxValidationReport report = PtxValidator.Validate<AuditFunction<OpEveryFitFunction>>(PtxValidator.SmallestVariants);
        Assert.That(report.Kernels, Has.Count.EqualTo(2));
        Assert.That(report.Kernels.SelectMany(k => k.Problems), Is.Empty, report.ToString());
    }

    private static readonly (string Name, Type Op)[] Constructs =
    {
        ("Sin", typeof(OpSin)), ("Cos", typeof(OpCos)), ("Tan", typeof(OpTan)), ("Asin", typeof(OpAsin)), ("Acos", typeof(OpAcos)),
        ("Atan", typeof(OpAtan)), ("Atan2", typeof(OpAtan2)), ("Sinh", typeof(OpSinh)), ("Cosh", typeof(OpCosh)),
        ("Tanh", typeof(OpTanh)), ("Asinh", typeof(OpAsinh)), ("Acosh", typeof(OpAcosh)), ("Atanh", typeof(OpAtanh)),
        ("Exp", typeof(OpExp)), ("Exp2", typeof(OpExp2)), ("Exp10", typeof(OpExp10)), ("ExpM1", typeof(OpExpM1)),
        ("Log", typeof(OpLog)), ("Log2", typeof(OpLog2)), ("Log10", typeof(OpLog10)), ("LogP1", typeof(OpLogP1)),
        ("Pow", typeof(OpPow)), ("Sqrt", typeof(OpSqrt)), ("Cbrt", typeof(OpCbrt)), ("Hypot", typeof(OpHypot)),
        ("FusedMultiplyAdd", typeof(OpFusedMultiplyAdd)), ("Abs/Min/Max/CopySign", typeof(OpAbsMinMax)),
        ("Floor/Ceiling/Truncate/Round", typeof(OpRounding)), ("RootN", typeof(OpRootN)), ("Log2P1", typeof(OpLog2P1)),
        ("Exp2M1", typeof(OpExp2M1)), ("SinCos", typeof(OpSinCos)), ("SinPi", typeof(OpSinPi)), ("TanPi", typeof(OpTanPi)),
        ("AtanPi", typeof(OpAtanPi)), ("ScaleB", typeof(OpScaleB)), ("Lerp", typeof(OpLerp)),
        ("ReciprocalEstimate", typeof(OpReciprocalEstimate)), ("ReciprocalSqrtEstimate", typeof(OpReciprocalSqrtEstimate)),
        ("Ieee754Remainder", typeof(OpIeee754Remainder)), ("Sign", typeof(OpSign)), ("ILogB", typeof(OpILogB)),
        ("BitIncrement", typeof(OpBitIncrement)), ("CreateChecked", typeof(OpCreateChecked)), ("CosPi", typeof(OpCosPi)),
        ("SinCosPi", typeof(OpSinCosPi)), ("AsinPi/AcosPi", typeof(OpAsinAcosPi)), ("Atan2Pi", typeof(OpAtan2Pi)),
        ("Log10P1", typeof(OpLog10P1)), ("Exp10M1", typeof(OpExp10M1)), ("Log(x, base)", typeof(OpLogBase)),
        ("MaxMagnitude/MinMagnitude/Clamp", typeof(OpMagnitude)),
    };

    [Test, Explicit("compiles ~90 small kernels (about a minute); prints the table of docs/gpu.md")]
    public void Audit()
    {
        TestContext.Out.WriteLine("| construct | f64 | f32 |");
        TestContext.Out.WriteLine("| --- | --- | --- |");
        foreach (var (name, op) in Constructs)
        {
            var validate = typeof(PtxValidator).GetMethod(nameof(PtxValidator.Validate), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static,
                new[] { PtxValidator.SmallestVariants.GetType(), typeof(Type[]) })!.MakeGenericMethod(typeof(AuditFunction<>).MakeGenericType(op));
            var report = (PtxValidationReport)validate.Invoke(null, new object[] { PtxValidator.SmallestVariants, Array.Empty<Type>() })!;
            string Verdict(string scalar)
            {
                PtxKernelResult k = report.Kernels.Single(r => r.Kernel.Contains(scalar + ","));
                return k.IsValid ? "fit" : string.Join("; ", k.Problems.Select(p => p.Split('\n')[0].Trim())).Replace("|", "/");
            }
            TestContext.Out.WriteLine($"| {name} | {Verdict("Double")} | {Verdict("Single")} |");
        }
    }
}
