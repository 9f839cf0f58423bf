using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.IR;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Dual.Gpu.Tests;

/// <summary>Compiles kernels to PTX text without a GPU (ILGPU's PTX backend for sm_90), as the engine's validator
/// does: a fresh context per kernel, ILGPU.Algorithms enabled (so a stray Math.Sin would show up as XMath code) and
/// DeviceMath's hardware intrinsics (FMA, 64-bit high product, leading zeros) registered, but not the engine's
/// redirection of Math.* to DeviceMath.</summary>
internal static class DeviceMathPtx
{
    public static string Compile(MethodInfo kernel)
    {
        using var context = Context.Create(b =>
        {
            b.Default().EnableAlgorithms();
            KernelContext.RegisterDeviceIntrinsics(b.GetIntrinsicManager());
        });
        using var backend = new PTXBackend(context, new CudaCapabilityContext(new CudaArchitecture(9, 0)),
            new CudaArchitecture(9, 0), CudaInstructionSet.ISA_80, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        CompiledKernel compiled = backend.Compile(entry, KernelSpecialization.Empty);
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }

    /// <summary>The one-function kernels of <see cref="DeviceMathKernels"/> (name → method), f64 and f32.</summary>
    public static IReadOnlyList<MethodInfo> SingleFunctionKernels() =>
        typeof(DeviceMathKernels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.EndsWith("F64", StringComparison.Ordinal) || m.Name.EndsWith("F32", StringComparison.Ordinal))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Writes one .ptx file per single-function kernel (plus the identity baselines) into
    /// <paramref name="directory"/>, for ../shared/gpu/sass-report.sh.</summary>
    public static void DumpAll(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (MethodInfo kernel in SingleFunctionKernels())
            File.WriteAllText(Path.Combine(directory, kernel.Name + ".ptx"), Compile(kernel));
    }
}
