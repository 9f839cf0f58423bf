using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ILGPU.Backends;
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

    /// <summary>.NET math functions ILGPU has no IR operation for (it would emit an unresolved PTX extern, or reject the
    /// method: <c>double.Hypot</c> reinterprets bits): remapped in ILGPU's front end to the <c>DeviceMath</c> function of the
    /// same signature (Target; Arity arguments of the source's scalar). That table is process-wide: another ILGPU context
    /// in the process that compiles these for PTX without <see cref="RegisterDeviceIntrinsics"/> gets a compile error
    /// instead of PTX that fails on the GPU.</summary>
    private static readonly (Type Source, string Name, string Target, int Arity)[] FrontEnd =
    {
        (typeof(Math), nameof(Math.Cbrt), "Cbrt", 1), (typeof(MathF), nameof(MathF.Cbrt), "Cbrt", 1),
        (typeof(Math), nameof(Math.Log2), "Log2", 1), (typeof(MathF), nameof(MathF.Log2), "Log2", 1),
        (typeof(Math), nameof(Math.Asinh), "Asinh", 1), (typeof(MathF), nameof(MathF.Asinh), "Asinh", 1),
        (typeof(Math), nameof(Math.Acosh), "Acosh", 1), (typeof(MathF), nameof(MathF.Acosh), "Acosh", 1),
        (typeof(Math), nameof(Math.Atanh), "Atanh", 1), (typeof(MathF), nameof(MathF.Atanh), "Atanh", 1),
        (typeof(double), nameof(double.Hypot), "Hypot", 2), (typeof(float), nameof(float.Hypot), "Hypot", 2),
        (typeof(Math), nameof(Math.FusedMultiplyAdd), "Fma", 3), (typeof(MathF), nameof(MathF.FusedMultiplyAdd), "Fma", 3),
        (typeof(Math), nameof(Math.SinCos), "SinCosPair", 1), (typeof(MathF), nameof(MathF.SinCos), "SinCosPair", 1),
        (typeof(double), nameof(double.SinCos), "SinCosPair", 1), (typeof(float), nameof(float.SinCos), "SinCosPair", 1),
    };

    /// <summary>The scalar a front-end source works in.</summary>
    private static Type ScalarOf(Type source) => source == typeof(MathF) || source == typeof(float) ? typeof(float) : typeof(double);

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
            RegisterDeviceIntrinsics(manager);
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

    /// <summary>
    /// Implements DeviceMath's hardware primitives on the PTX backend: <c>Fma</c> as one <c>fma.rn.f64</c>/<c>fma.rn.f32</c>,
    /// <c>MulHigh</c> as one <c>mul.hi.u64</c> and <c>LeadingZeros</c> as one <c>clz.b64</c>. ILGPU 1.5.3 has none of
    /// them: <see cref="Math.FusedMultiplyAdd(double, double, double)"/> is an unresolved extern on CUDA, ptxas's
    /// contraction of a·b + c is its choice rather than a guarantee, and a 64-bit high product or leading-zero count
    /// written in C# costs several times the instructions. The kernel math relies on the single rounding of the FMA
    /// (error-free products, Cody–Waite steps) exactly as the CPU's <see cref="Math.FusedMultiplyAdd(double, double, double)"/>
    /// gives it, so CPU tests of DeviceMath see the GPU's arithmetic. Every context that compiles DeviceMath for PTX
    /// registers these (without them ILGPU rejects the kernel: a compile error, never a wrong number).
    /// </summary>
    /// <summary>DeviceMath's intrinsics (<see cref="RegisterDeviceIntrinsics"/>). ILGPU emits their instruction in place and
    /// also declares an unused stub <c>.func</c> of each name (whose body returns 0): a call to one is a defect that
    /// <see cref="PtxValidator"/> reports.</summary>
    internal static readonly string[] IntrinsicNames = { "Fma", "MulHigh", "LeadingZeros" };

    internal static void RegisterDeviceIntrinsics(IntrinsicImplementationManager manager)
    {
        foreach (Type scalar in new[] { typeof(double), typeof(float) })
        {
            if (Find("Fma", scalar, scalar, scalar) is MethodInfo fma)
                manager.RegisterMethod(fma, new PTXIntrinsic(typeof(KernelContext), nameof(GenerateFusedMultiplyAdd), IntrinsicImplementationMode.GenerateCode));
        }
        if (Find("MulHigh", typeof(ulong), typeof(ulong)) is MethodInfo mulHigh)
            manager.RegisterMethod(mulHigh, new PTXIntrinsic(typeof(KernelContext), nameof(GenerateMultiplyHigh), IntrinsicImplementationMode.GenerateCode));
        if (Find("LeadingZeros", typeof(ulong)) is MethodInfo leadingZeros)
            manager.RegisterMethod(leadingZeros, new PTXIntrinsic(typeof(KernelContext), nameof(GenerateLeadingZeros), IntrinsicImplementationMode.GenerateCode));
    }

    /// <summary>The PTX of <c>DeviceMath.Fma(a, b, c)</c>: <c>fma.rn.f64 d, a, b, c</c> (or f32).</summary>
    private static void GenerateFusedMultiplyAdd(PTXBackend backend, PTXCodeGenerator codeGenerator, Value value) =>
        Emit(codeGenerator, value, value.BasicValueType == BasicValueType.Float32 ? "fma.rn.f32" : "fma.rn.f64");

    /// <summary>The PTX of <c>DeviceMath.MulHigh(a, b)</c>: <c>mul.hi.u64 d, a, b</c>.</summary>
    private static void GenerateMultiplyHigh(PTXBackend backend, PTXCodeGenerator codeGenerator, Value value) =>
        Emit(codeGenerator, value, "mul.hi.u64");

    /// <summary>The PTX of <c>DeviceMath.LeadingZeros(x)</c>: <c>clz.b64 d, x</c>.</summary>
    private static void GenerateLeadingZeros(PTXBackend backend, PTXCodeGenerator codeGenerator, Value value) =>
        Emit(codeGenerator, value, "clz.b64");

    /// <summary>One PTX instruction: the call's result register, then its arguments.</summary>
    private static void Emit(PTXCodeGenerator codeGenerator, Value value, string instruction)
    {
        var arguments = new List<PTXCodeGenerator.PrimitiveRegister>();
        for (int k = 0; k < value.Count; k++)
            arguments.Add(codeGenerator.LoadPrimitive(value[k]));
        var target = codeGenerator.AllocateHardware(value);
        using var command = codeGenerator.BeginCommand(instruction);
        command.AppendArgument(target);
        foreach (var argument in arguments)
            command.AppendArgument(argument);
    }

    private static void RegisterFrontEnd()
    {
        lock (FrontEndLock)
        {
            if (frontEndDone)
                return;
            frontEndDone = true;
            RemappedRules = KernelRules.Register();
            foreach (var (source, name, target, arity) in FrontEnd)
            {
                Type[] parameters = Enumerable.Repeat(ScalarOf(source), arity).ToArray();
                MethodInfo? from = source.GetMethod(name, BindingFlags.Public | BindingFlags.Static, null, parameters, null);
                if (from is not null && Find(target, parameters) is MethodInfo to)
                    RemappedIntrinsics.AddRemapping(from, (ref InvocationContext context) => context.Method = to);
            }
        }
    }

    /// <summary>What ILGPU's front end compiles for <paramref name="method"/>: its <c>DeviceMath</c> target when the
    /// front-end table remaps it, else the method itself. A remapping's replacement is not remapped again, so a rule
    /// remapped to <c>double.Hypot</c> must name <c>DeviceMath.Hypot</c> directly (<see cref="KernelRules"/>).</summary>
    internal static MethodInfo FrontEndTarget(MethodInfo method)
    {
        foreach (var (source, name, target, arity) in FrontEnd)
        {
            Type[] parameters = Enumerable.Repeat(ScalarOf(source), arity).ToArray();
            if (method.DeclaringType == source && method.Name == name
                && method.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters)
                && Find(target, parameters) is MethodInfo to)
                return to;
        }
        return method;
    }

    private static MethodInfo? Find(string name, params Type[] parameters) =>
        DeviceMathType?.GetMethod(name, DeviceMathMembers, null, parameters, null) ?? FindGeneric(name, parameters);

    /// <summary>A generic DeviceMath method over one scalar (<c>Fma&lt;T&gt;(T, T, T)</c>), instantiated for the scalar of
    /// <paramref name="parameters"/>.</summary>
    private static MethodInfo? FindGeneric(string name, Type[] parameters) =>
        parameters.Length == 0 ? null : DeviceMathType?.GetMethod(name, 1, DeviceMathMembers, null,
            Array.ConvertAll(parameters, _ => Type.MakeGenericMethodParameter(0)), null)?.MakeGenericMethod(parameters[0]);

    private const BindingFlags DeviceMathMembers = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    private static IReadOnlyList<string> FindRedirects()
    {
        var names = new List<string>();
        foreach (Type scalar in new[] { typeof(double), typeof(float) })
        {
            foreach (var (_, name) in Unary)
                if (Find(name, scalar) is not null) names.Add($"{name}({scalar.Name})");
            foreach (var (_, name) in Binary)
                if (Find(name, scalar, scalar) is not null) names.Add($"{name}({scalar.Name}, {scalar.Name})");
            foreach (var (source, name, target, arity) in FrontEnd)
            {
                Type[] parameters = Enumerable.Repeat(scalar, arity).ToArray();
                if (ScalarOf(source) == scalar && Find(target, parameters) is not null)
                    names.Add($"{source.Name}.{name}({string.Join(", ", parameters.Select(p => p.Name))}) [front end]");
            }
        }
        return names;
    }
}
