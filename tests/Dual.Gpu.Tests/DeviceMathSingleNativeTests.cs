using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using static Dual.Gpu.Tests.DeviceMathTestSupport;

namespace Dual.Gpu.Tests;

/// <summary>
/// The f32-native kernel math (sin, cos, sincos, tan, exp, exp2, expm1, sinh, cosh, tanh, atan, log, log2, log10, log1p computed in
/// single precision): within 2 ulp of the f64 function rounded to float (an oracle independent of both DeviceMath and
/// MathF, correctly rounded but for the rare double-rounding case), at random arguments in every binade of both signs,
/// at the floats nearest every multiple of π/2 in the Cody–Waite range, and at the special values; and no f64
/// instruction at all in the PTX of a kernel that calls one of them.
/// </summary>
[TestFixture]
public sealed class DeviceMathSingleNativeTests
{
    private static float SinCosSin(float x)
    {
        DeviceMath.SinCos(x, out float s, out _);
        return s;
    }

    private static float SinCosCos(float x)
    {
        DeviceMath.SinCos(x, out _, out float c);
        return c;
    }

    /// <summary>One f32-native function and its f64 oracle.</summary>
    public sealed record NativeCase(string Name, Func<float, float> Ours, Func<double, double> Reference)
    {
        public override string ToString() => Name;
    }

    public static readonly NativeCase[] Cases =
    {
        new("Sin", DeviceMath.Sin, Math.Sin),
        new("Cos", DeviceMath.Cos, Math.Cos),
        new("SinCos.sin", SinCosSin, Math.Sin),
        new("SinCos.cos", SinCosCos, Math.Cos),
        new("Tan", DeviceMath.Tan, Math.Tan),
        new("Exp", DeviceMath.Exp, Math.Exp),
        new("Exp2", DeviceMath.Exp2, x => Math.Pow(2, x)),
        new("ExpM1", DeviceMath.ExpM1, LibM.ExpM1),
        new("Tanh", DeviceMath.Tanh, Math.Tanh),
        new("Sinh", DeviceMath.Sinh, Math.Sinh),
        new("Cosh", DeviceMath.Cosh, Math.Cosh),
        new("Atan", DeviceMath.Atan, Math.Atan),
        new("Log", DeviceMath.Log, Math.Log),
        new("Log2", DeviceMath.Log2, Math.Log2),
        new("Log10", DeviceMath.Log10, Math.Log10),
        new("Log1P", DeviceMath.Log1P, LibM.Log1P),
    };

    /// <summary><paramref name="perBinade"/> random floats in every binade (subnormals as one), both signs.</summary>
    internal static IEnumerable<float> PerBinade(Random random, int perBinade)
    {
        for (uint exponent = 0; exponent < 255; exponent++)
        {
            for (int k = 0; k < perBinade; k++)
            {
                uint bits = (exponent << 23) | ((uint)random.Next() & 0x007F_FFFFu);
                yield return BitConverter.UInt32BitsToSingle(bits);
                yield return -BitConverter.UInt32BitsToSingle(bits);
            }
        }
    }

    /// <summary>The float nearest k·π/2 and its two neighbours each side, for every k with k·π/2 ≤ 105 615 (where
    /// the three-part Cody–Waite reduction runs): the arguments that cancel most.</summary>
    internal static IEnumerable<float> NearMultiplesOfHalfPi()
    {
        for (int k = 1; k * (Math.PI / 2) <= 105615; k++)
        {
            float x = (float)(k * (Math.PI / 2));
            for (int d = -2; d <= 2; d++)
                yield return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) + d);
        }
    }

    internal static (double Worst, float At, int Count) Measure(NativeCase c, IEnumerable<float> arguments)
    {
        double worst = 0;
        float at = float.NaN;
        int count = 0;
        foreach (float x in arguments)
        {
            count++;
            double d = UlpDistance(c.Ours(x), (float)c.Reference(x));
            if (d > worst)
                (worst, at) = (d, x);
        }
        return (worst, at, count);
    }

    [TestCaseSource(nameof(Cases))]
    public void EveryBinade_WithinTwoUlpOfTheRoundedDouble(NativeCase c)
    {
        (double worst, float at, int count) = Measure(c, PerBinade(new Random(2026), 64).Concat(SpecialSingles)
            .Concat(Uniform(new Random(12), 20000, -12, 12).Select(d => (float)d)));
        TestContext.Out.WriteLine($"{c.Name} f32: max {worst} ulp at {at:R} over {count} arguments");
        Assert.That(worst, Is.LessThanOrEqualTo(2.0), $"{c.Name}({at:R}) = {c.Ours(at):R}, f64 rounded {(float)c.Reference(at):R}");
    }

    [Test, Explicit("the large sweep (a minute); prints the accuracy table")]
    public void Sweep()
    {
        TestContext.Out.WriteLine("| function | max ulp vs f64 rounded | at | arguments |");
        TestContext.Out.WriteLine("| --- | --- | --- | --- |");
        foreach (NativeCase c in Cases)
        {
            (double worst, float at, int count) = Measure(c, PerBinade(new Random(77), 4096)
                .Concat(Uniform(new Random(78), 1_000_000, -12, 12).Select(d => (float)d)).Concat(NearMultiplesOfHalfPi()));
            TestContext.Out.WriteLine($"| {c.Name} | {worst} | {at:R} | {count} |");
        }
    }

    [TestCase("Sin")]
    [TestCase("Cos")]
    [TestCase("Tan")]
    public void NearMultiplesOfHalfPi_WithinTwoUlp(string name)
    {
        NativeCase c = Cases.Single(x => x.Name == name);
        (double worst, float at, int count) = Measure(c, NearMultiplesOfHalfPi().SelectMany(x => new[] { x, -x }));
        TestContext.Out.WriteLine($"{c.Name} f32 near k·π/2: max {worst} ulp at {at:R} over {count} arguments");
        Assert.That(worst, Is.LessThanOrEqualTo(2.0), $"{c.Name}({at:R}) = {c.Ours(at):R}, f64 rounded {(float)c.Reference(at):R}");
    }

    [Test]
    public void TinyArguments_KeepTheirSign()
    {
        foreach (float x in new[] { 0f, -0f, float.Epsilon, -float.Epsilon, 1e-30f, -1e-30f })
        {
            foreach (NativeCase c in Cases.Where(c => c.Name is "Sin" or "SinCos.sin" or "Tan" or "ExpM1" or "Tanh" or "Sinh" or "Atan" or "Log1P"))
                Assert.That(BitConverter.SingleToInt32Bits(c.Ours(x)), Is.EqualTo(BitConverter.SingleToInt32Bits(x)), $"{c.Name}({x:R})");
        }
    }

    private static readonly string[] NativeKernels =
    {
        "SinF32", "CosF32", "SinCosF32", "TanF32", "ExpF32", "Exp2F32", "ExpM1F32", "TanhF32", "SinhF32", "CoshF32",
        "AtanF32", "LogF32", "Log2F32", "Log10F32", "Log1PF32",
    };

    [TestCaseSource(nameof(NativeKernels))]
    public void Ptx_HasNoDoublePrecisionInstruction(string kernelName)
    {
        MethodInfo kernel = typeof(DeviceMathKernels).GetMethod(kernelName)!;
        string ptx = DeviceMathPtx.Compile(kernel);
        // Any f64 arithmetic, comparison, conversion or f64 register: .f64 in an instruction's type suffix, or a %fd register.
        string[] offending = ptx.Split('\n').Where(l => Regex.IsMatch(l, @"\.f64\b|%fd\d")).Take(5).ToArray();
        Assert.That(offending, Is.Empty, $"{kernelName}: f64 instructions in the PTX");
        Assert.That(ptx, Does.Contain("fma.rn.f32"), "the polynomials compile to f32 FMA");
    }
}
