using System.Reflection;
using ILGPU.Frontend;
using ILGPU.Frontend.Intrinsic;

namespace Dual.Gpu;

/// <summary>
/// The kernel-side form of the sin and cos derivative rules: the value and the derivative of sin x (cos x, and −sin x
/// for cos) from <b>one</b> range reduction (<c>DeviceMath.SinCos</c>) instead of two. The dual types' rules
/// (<c>Dual.DerivativeRules&lt;T&gt;.Sin/Cos</c>, internal to the Dual assembly) call <c>T.Cos</c> and <c>T.Sin</c>
/// separately, which is right on the CPU (System.Math) but would reduce the argument twice on the GPU. ILGPU's front end
/// is told to compile these instead (for CUDA only; the CPU and ILGPU's CPU accelerator keep the rules as they are).
/// The same values as the separate calls: DeviceMath.SinCos returns exactly DeviceMath.Sin and DeviceMath.Cos. The rules'
/// other primal calls (Dual.Replayed&lt;T&gt;: exp, log, tan, …) are remapped to the scalar's own member (double.Exp, …):
/// on the CPU they replay results across a chunk loop's passes through thread statics (PrimalReplay), which kernels
/// cannot read. Compiled only when the library math (Math/DeviceMath.cs) is part of the build.
/// </summary>
internal static class KernelRules
{
#if DEVICE_MATH
    // T.SinCos is DeviceMath.SinCosPair in every context that applies these rules (KernelContext remaps it).
    public static T Sin<T>(T x, out T d) where T : IFloatingPointIeee754<T>
    {
        (T sin, T cos) = T.SinCos(x);
        d = cos;
        return sin;
    }

    public static T Cos<T>(T x, out T d) where T : IFloatingPointIeee754<T>
    {
        (T sin, T cos) = T.SinCos(x);
        d = -sin;
        return cos;
    }
#endif

    /// <summary>The rules remapped ("DerivativeRules&lt;Double&gt;.Sin", …); a missing one means the Dual assembly renamed
    /// it (a test fails then).</summary>
    internal static string[] Register()
    {
        var done = new System.Collections.Generic.List<string>();
#if DEVICE_MATH
        Type? rules = typeof(Dual<>).Assembly.GetType("Dual.DerivativeRules`1");
        foreach (Type scalar in new[] { typeof(double), typeof(float) })
        {
            foreach (string name in new[] { "Sin", "Cos" })
            {
                MethodInfo? from = rules?.MakeGenericType(scalar).GetMethod(name, BindingFlags.Public | BindingFlags.Static, null,
                    new[] { scalar, scalar.MakeByRefType() }, null);
                MethodInfo to = typeof(KernelRules).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(scalar);
                if (from is null)
                    continue;
                RemappedIntrinsics.AddRemapping(from, (ref InvocationContext context) => context.Method = to);
                done.Add($"DerivativeRules<{scalar.Name}>.{name}");
            }
            // The rules' replayed primal calls (thread statics on the CPU) are the scalar's own member in a kernel
            // (double.Exp, float.Tan, …), whose body the front end compiles and maps to DeviceMath like any other call;
            // or that member's DeviceMath target where the front end remaps the member itself (double.Hypot).
            Type? replayed = typeof(Dual<>).Assembly.GetType("Dual.Replayed`1")?.MakeGenericType(scalar);
            foreach (MethodInfo from in replayed?.GetMethods(BindingFlags.Public | BindingFlags.Static) ?? Array.Empty<MethodInfo>())
            {
                Type[] parameters = Array.ConvertAll(from.GetParameters(), p => p.ParameterType);
                MethodInfo? own = scalar.GetMethod(from.Name, BindingFlags.Public | BindingFlags.Static, null, parameters, null);
                if (own is null)
                    continue;
                MethodInfo to = KernelContext.FrontEndTarget(own);
                RemappedIntrinsics.AddRemapping(from, (ref InvocationContext context) => context.Method = to);
                done.Add($"Replayed<{scalar.Name}>.{from.Name}");
            }
        }
#endif
        return done.ToArray();
    }
}
