using System;
using System.Collections.Generic;
using System.Reflection;
using ILGPU;
using ILGPU.Backends.PTX;
using ILGPU.Frontend.Intrinsic;
using ILGPU.Frontend;
using ILGPU.IR;
using ILGPU.IR.Intrinsics;
using ILGPU.IR.Types;
using ILGPU.IR.Values;

namespace Dual.Gpu;

/// <summary>
/// The one way the engine (and the PTX validator) creates an ILGPU <see cref="Context"/>: ILGPU.Algorithms for what
/// the library does not provide, and on top of it — registered last, so it wins — every f64 and f32 math function the
/// library's own kernel math (<c>DeviceMath</c>) provides, redirected to it on the PTX backend. Kernels then never reach
/// ILGPU.Algorithms' CORDIC routines (53 subroutine calls per f64 sin, cos or exp) nor the unreduced hardware
/// <c>sin.approx</c> for f32. ILGPU's CPU accelerator runs kernels as .NET code (System.Math): redirections do not apply
/// there, so CPU-accelerator results stay bit-identical to the CPU API.
/// </summary>
internal static class KernelContext
{
    /// <summary>ILGPU math kinds and the <c>DeviceMath</c> function that implements each (same signature).</summary>
    private static readonly (UnaryArithmeticKind Kind, string Name)[] Unary =
    {
        (UnaryArithmeticKind.SinF, "Sin"), (UnaryArithmeticKind.CosF, "Cos"), (UnaryArithmeticKind.TanF, "Tan"),
        (UnaryArithmeticKind.AsinF, "Asin"), (UnaryArithmeticKind.AcosF, "Acos"), (UnaryArithmeticKind.AtanF, "Atan"),
        (UnaryArithmeticKind.SinhF, "Sinh"), (UnaryArithmeticKind.CoshF, "Cosh"), (UnaryArithmeticKind.TanhF, "Tanh"),
        (UnaryArithmeticKind.ExpF, "Exp"), (UnaryArithmeticKind.Exp2F, "Exp2"),
        (UnaryArithmeticKind.LogF, "Log"), (UnaryArithmeticKind.Log2F, "Log2"), (UnaryArithmeticKind.Log10F, "Log10"),
    };

    private static readonly (BinaryArithmeticKind Kind, string Name)[] Binary =
    {
        (BinaryArithmeticKind.PowF, "Pow"), (BinaryArithmeticKind.Atan2F, "Atan2"),
    };

    /// <summary>System.Math functions ILGPU has no IR operation for (it would emit an unresolved PTX extern): remapped in
    /// ILGPU's front end. That table is process-wide; it only turns a GPU-side failure into working code.</summary>
    private static readonly (Type Source, string Name, Type Scalar)[] FrontEnd =
    {
        (typeof(Math), nameof(Math.Cbrt), typeof(double)), (typeof(MathF), nameof(MathF.Cbrt), typeof(float)),
        (typeof(Math), nameof(Math.Log2), typeof(double)), (typeof(MathF), nameof(MathF.Log2), typeof(float)),
    };

    private static readonly object FrontEndLock = new();

    /// <summary>The derivative rules compiled in their kernel form (<see cref="KernelRules"/>).</summary>
    internal static string[] RemappedRules { get; private set; } = Array.Empty<string>();
    private static bool frontEndDone;

    /// <summary>The library's kernel math type, or null before it exists (then ILGPU.Algorithms' math is used).</summary>
    internal static Type? DeviceMathType { get; } = typeof(KernelContext).Assembly.GetType("Dual.Gpu.DeviceMath");

    /// <summary>The math functions redirected to <c>DeviceMath</c> ("Sin(Double)", …); empty before it exists.</summary>
    internal static IReadOnlyList<string> Redirected { get; } = FindRedirects();

    public static Context Create()
    {
        RegisterFrontEnd();
        return Context.Create(builder =>
        {
            builder.Default().EnableAlgorithms();
            IntrinsicImplementationManager manager = builder.GetIntrinsicManager();
            foreach (Type scalar in new[] { typeof(double), typeof(float) })
            {
                BasicValueType basic = scalar == typeof(double) ? BasicValueType.Float64 : BasicValueType.Float32;
                foreach (var (kind, name) in Unary)
                {
                    if (Find(name, scalar) is MethodInfo target)
                        manager.RegisterUnaryArithmetic(kind, basic, new PTXIntrinsic(target, IntrinsicImplementationMode.Redirect));
                }
                foreach (var (kind, name) in Binary)
                {
                    if (Find(name, scalar, scalar) is MethodInfo target)
                        manager.RegisterBinaryArithmetic(kind, basic, new PTXIntrinsic(target, IntrinsicImplementationMode.Redirect));
                }
            }
        });
    }

    private static void RegisterFrontEnd()
    {
        lock (FrontEndLock)
        {
            if (frontEndDone)
                return;
            frontEndDone = true;
            RemappedRules = KernelRules.Register();
            foreach (var (source, name, scalar) in FrontEnd)
            {
                MethodInfo? from = source.GetMethod(name, BindingFlags.Public | BindingFlags.Static, null, new[] { scalar }, null);
                if (from is not null && Find(name, scalar) is MethodInfo to)
                    RemappedIntrinsics.AddRemapping(from, (ref InvocationContext context) => context.Method = to);
            }
        }
    }

    private static MethodInfo? Find(string name, params Type[] parameters) =>
        DeviceMathType?.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, null, parameters, null);

    private static IReadOnlyList<string> FindRedirects()
    {
        var names = new List<string>();
        foreach (Type scalar in new[] { typeof(double), typeof(float) })
        {
            foreach (var (_, name) in Unary)
                if (Find(name, scalar) is not null) names.Add($"{name}({scalar.Name})");
            foreach (var (_, name) in Binary)
                if (Find(name, scalar, scalar) is not null) names.Add($"{name}({scalar.Name}, {scalar.Name})");
            foreach (var (_, name, s) in FrontEnd)
                if (s == scalar && Find(name, scalar) is not null) names.Add($"{name}({scalar.Name}) [front end]");
        }
        return names;
    }
}
