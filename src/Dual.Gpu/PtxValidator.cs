using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Dual.Gpu;

/// <summary>The PTX compiled for one kernel and what is wrong with it, if anything.</summary>
/// <param name="Kernel">The kernel, e.g. <c>Jacobian&lt;Double, MyFunction&gt;</c>.</param>
/// <param name="Ptx">The PTX text (empty when compilation itself failed).</param>
/// <param name="Problems">Empty when the kernel is fit for CUDA.</param>
public sealed record PtxKernelResult(string Kernel, string Ptx, IReadOnlyList<string> Problems)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>The result of <see cref="JacobianEngine.ValidateForCuda{TFunction}()"/>.</summary>
/// <param name="Kernels">One result per kernel the engine can launch for the function.</param>
public sealed record PtxValidationReport(IReadOnlyList<PtxKernelResult> Kernels)
{
    /// <summary>Whether every kernel compiled to PTX without a defect.</summary>
    public bool IsValid => Kernels.All(k => k.IsValid);

    /// <summary>Throws <see cref="InvalidOperationException"/> listing the problems when not <see cref="IsValid"/>.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new InvalidOperationException("Kernels that would fail on a CUDA GPU:" + Environment.NewLine + ToString());
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine,
        Kernels.Select(k => k.IsValid ? $"{k.Kernel}: ok ({k.Ptx.Length} chars of PTX)" : $"{k.Kernel}: {string.Join("; ", k.Problems)}"));
}

internal static partial class PtxValidator
{
    /// <summary>The kernels the engine can launch for one function type: (operation, lanes, checked, full lanes, constant
    /// stride G or 0). A width that is a multiple of k gets the full-lane kernel (no per-lane test), with the stride G as a
    /// literal when G ∈ {1, 2, 4, 8}; kernels that differ only in that literal, or only in the check of each input index,
    /// compile the same constructs, so one of each stands for all: G = 4 is the reference function's (n = 64, k = 16), and
    /// JVPs (one lane, G = 1) always run the constant-stride kernel.</summary>
    internal static readonly (Operation Operation, int Lanes, bool Check, bool Full, int Stride)[] Variants =
    {
        (Operation.Jacobian, 16, false, true, 4), (Operation.Jacobian, 16, false, true, 0), (Operation.Jacobian, 16, false, false, 0),
        (Operation.Jacobian, 8, false, true, 0), (Operation.Jacobian, 8, false, false, 0), (Operation.Jacobian, 16, true, true, 0),
        (Operation.Matrix, 16, false, true, 0), (Operation.Matrix, 16, false, false, 0), (Operation.Matrix, 8, false, false, 0),
        (Operation.Jvp, 1, false, true, 1),
    };

    /// <summary>ILGPU.Algorithms' CORDIC routines (as ILGPU names them in PTX, before its _NNN suffix).</summary>
    internal static readonly string[] CordicRoutines =
    {
        "RotateIterations", "RotateHyperbolicIterations", "VectorHyperbolicIterations", "NextRotateIteration",
        "NextRotateHyperbolicIteration", "NextVectorHyperbolicIteration", "MatrixMultiply", "MatrixMultiplyHyperbolic",
        "RangeLimit", "Cordic",
    };

    /// <summary>One kernel per scalar (the Jacobian with 16 lanes): enough to find constructs CUDA rejects, quickly.</summary>
    internal static readonly (Operation Operation, int Lanes, bool Check, bool Full, int Stride)[] QuickVariants = { (Operation.Jacobian, 16, false, false, 0) };

    /// <summary>The smallest kernel (a JVP: one lane): for checking which constructs a function may use, which does not
    /// depend on the lane count.</summary>
    internal static readonly (Operation Operation, int Lanes, bool Check, bool Full, int Stride)[] SmallestVariants = { (Operation.Jvp, 1, false, true, 1) };

    public static PtxValidationReport Validate<TFunction>() where TFunction : struct, IKernelFunction => Validate<TFunction>(Variants);

    internal static PtxValidationReport Validate<TFunction>((Operation Operation, int Lanes, bool Check, bool Full, int Stride)[] variants, params Type[] scalars)
        where TFunction : struct, IKernelFunction
    {
        var results = new List<PtxKernelResult>();
        foreach (Type scalar in scalars.Length > 0 ? scalars : new[] { typeof(double), typeof(float) })
        {
            foreach (var (operation, lanes, check, full, stride) in variants)
            {
                MethodInfo method = JacobianEngine.KernelMethod(scalar, typeof(TFunction), operation, lanes, check, full, stride);
                string label = $"{operation}<{scalar.Name}, {typeof(TFunction).Name}> k={lanes}{(full ? " full" : "")}{(stride > 0 ? $" G={stride}" : "")}{(check ? " checked" : "")}";
                results.Add(CompileAndCheck(method, label));
            }
        }
        return new PtxValidationReport(results);
    }

    /// <summary>Compiles in a fresh context each time: after one rejected kernel, later compiles in the same
    /// context can fail spuriously.</summary>
    private static PtxKernelResult CompileAndCheck(MethodInfo method, string label)
    {
        try
        {
            using var context = KernelContext.Create();
            using var backend = new PTXBackend(context, new CudaCapabilityContext(new CudaArchitecture(9, 0)),
                new CudaArchitecture(9, 0), CudaInstructionSet.ISA_80, null);
            var entry = EntryPointDescription.FromExplicitlyGroupedKernel(method);
            CompiledKernel compiled = backend.Compile(entry, KernelSpecialization.Empty);
            string ptx = ((PTXCompiledKernel)compiled).PTXAssembly;
            return new PtxKernelResult(label, ptx, FindProblems(ptx));
        }
        catch (Exception e)
        {
            return new PtxKernelResult(label, string.Empty, new[] { $"does not compile: {e.GetType().Name}: {e.Message}" });
        }
    }

    /// <summary>Unresolved <c>.extern .func</c> declarations, <c>.func</c> bodies that call themselves, calls into
    /// ILGPU.Algorithms' CORDIC routines, and calls to the stub functions ILGPU declares for DeviceMath's intrinsics
    /// (<see cref="KernelContext.IntrinsicNames"/>; their instructions are emitted in place, the stubs return 0).</summary>
    internal static IReadOnlyList<string> FindProblems(string ptx)
    {
        var problems = new List<string>();
        foreach (Match m in ExternFunc().Matches(ptx))
            problems.Add($"unresolved external function '{m.Groups[1].Value}' (PTX JIT would fail)");
        MatchCollection heads = FuncHead().Matches(ptx);
        for (int k = 0; k < heads.Count; k++)
        {
            Match head = heads[k];
            if (head.Value.Contains(".extern", StringComparison.Ordinal))
                continue;
            string name = head.Groups[1].Value;
            int end = k + 1 < heads.Count ? heads[k + 1].Index : ptx.Length;
            string body = ptx[(head.Index + head.Length)..end];
            if (Regex.IsMatch(body, @"\bcall(?:\.uni)?\s+(?:\([^)]*\)\s*,\s*)?" + Regex.Escape(name) + @"\s*[,;(]"))
                problems.Add($"function '{name}' calls itself (a literally compiled intrinsic: infinite recursion on the GPU)");
        }
        var cordic = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in CallTarget().Matches(ptx))
        {
            string target = Regex.Replace(m.Groups[1].Value, @"_\d+$", "");
            if (Array.IndexOf(CordicRoutines, target) >= 0)
                cordic.Add(target);
        }
        if (cordic.Count > 0)
            problems.Add($"calls ILGPU.Algorithms' CORDIC routines ({string.Join(", ", cordic)}): a software transcendental of thousands of instructions");
        foreach (Match m in CallTarget().Matches(ptx))
        {
            string target = Regex.Replace(m.Groups[1].Value, @"_\d+$", "");
            if (Array.IndexOf(KernelContext.IntrinsicNames, target) >= 0)
                problems.Add($"calls '{m.Groups[1].Value}': a DeviceMath intrinsic must compile to its instruction, and the function ILGPU declares for it is a stub");
        }
        return problems;
    }

    [GeneratedRegex(@"\.extern\s+\.func\s+(?:\([^)]*\)\s*)?([\w$]+)")]
    private static partial Regex ExternFunc();

    [GeneratedRegex(@"^[ \t]*(?:\.extern\s+|\.visible\s+|\.weak\s+)?(?:\.func|\.entry)\s+(?:\([^)]*\)\s*)?([\w$]+)", RegexOptions.Multiline)]
    private static partial Regex FuncHead();

    [GeneratedRegex(@"\bcall(?:\.uni)?\s+(?:\([^)]*\)\s*,\s*)?([\w$]+)")]
    private static partial Regex CallTarget();
}
