using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Dual.Tools.Rules;

/// <summary>tools/Rules/functions.json: the functions <c>Dual&lt;T&gt;</c> differentiates under the names of
/// System.Math/MathF/double/float, and what the GPU kernel form does with each call. Read by tools/RulesTableGen (the
/// committed lists and docs tables) and by the build's source generator, tools/Dual.BuildGenerators (the function
/// glue of the dual types and of the sparsity tracer), both through this one reader.</summary>
internal sealed class FunctionTable
{
    /// <summary>The table's path relative to the repository root.</summary>
    public const string RelativePath = "tools/Rules/functions.json";

    /// <summary>One row per function, in the order the generated lists keep.</summary>
    public List<FunctionEntry> Functions { get; set; } = new();

    /// <summary>Boolean Math/double/float predicates that generated kernels may call (no derivative: they return bool).</summary>
    public List<KernelPredicate> KernelPredicates { get; set; } = new();

    /// <summary>Other Math calls the kernel form rejects with a specific reason (not floating-valued, so not in the map).</summary>
    public List<KernelRejection> KernelRejectedOther { get; set; } = new();

    /// <summary>Reads and checks the table (the text of <see cref="RelativePath"/>); a malformed table is an
    /// <see cref="InvalidDataException"/> that says where and what.</summary>
    public static FunctionTable Load(string json)
    {
        FunctionTable table = TableJson.Bind<FunctionTable>(json, RelativePath);
        table.Check();
        return table;
    }

    /// <summary>The items of a comma-separated list such as <c>x, y</c> or <c>DerivativeRules.A, DerivativeRules.B</c>.</summary>
    public static string[] Items(string list) => list.Split(new[] { ", " }, StringSplitOptions.None);

    private void Check()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (FunctionEntry f in Functions)
        {
            string at = RelativePath + ", function '" + f.Name + "': ";
            if (f.Name.Length == 0) throw new InvalidDataException(RelativePath + ": a function without a name");
            if (!seen.Add(f.Name)) throw new InvalidDataException(at + "listed twice");
            foreach (string m in f.Math.Where(m => m != f.Name))
            {
                if (!seen.Add(m)) throw new InvalidDataException(at + "the Math name '" + m + "' is listed twice");
            }
            if (f.Arity < 1) throw new InvalidDataException(at + "arity must be at least 1");
            if (f.GenericMath.Length == 0 || f.Rule.Length == 0) throw new InvalidDataException(at + "genericMath and rule are required");
            if (f.Kernel is not ("safe" or "rejected" or "unsupported")) throw new InvalidDataException(at + "kernel is safe, rejected or unsupported");
            if ((f.Kernel == "rejected") != (f.KernelReason is not null)) throw new InvalidDataException(at + "kernelReason goes with kernel = rejected, and only there");
            if (f.Test.Points.Length == 0) throw new InvalidDataException(at + "test.points is empty");
            if (f.Test.Points.Any(p => p.Length != f.Arity)) throw new InvalidDataException(at + "every test point has arity " + f.Arity + " arguments");
            foreach (TracerMember m in f.Sparsity)
            {
                if (m.Kind is not ("linear" or "nonlinear" or "flat"))
                    throw new InvalidDataException(at + "sparsity kind '" + m.Kind + "' is not linear, nonlinear or flat");
                if (m.Parameters is null && f.Arity > 2)
                    throw new InvalidDataException(at + "a sparsity member of arity " + f.Arity + " names its parameters");
            }
            foreach (DualMember m in f.Dual)
            {
                if (m.Kind is not ("chain" or "chain2" or "select" or "number" or "constant" or "expression"))
                    throw new InvalidDataException(at + "dual member kind '" + m.Kind + "' is not chain, chain2, select, number, constant or expression");
                if ((m.Kind == "expression") != (m.Signature is not null && m.Body is not null))
                    throw new InvalidDataException(at + "signature and body go with kind = expression, and only there");
                if (m.Kind is "chain" or "chain2" && !Items(f.Rule).Contains("DerivativeRules." + (m.Rule ?? f.Name)))
                    throw new InvalidDataException(at + "a " + m.Kind + " member uses DerivativeRules." + (m.Rule ?? f.Name) + ", which the rule column does not name");
                if (m.Kind is "select" && f.Rule != "DerivativeRules.Select")
                    throw new InvalidDataException(at + "a select member goes with the rule DerivativeRules.Select");
                if (m.Doc.Count == 0 || !m.Doc[0].StartsWith("<summary>", StringComparison.Ordinal))
                    throw new InvalidDataException(at + "every dual member has a doc starting with <summary>");
            }
        }
    }
}

/// <summary>One function: a row of the table.</summary>
internal sealed class FunctionEntry
{
    /// <summary>The name of the <c>Dual&lt;T&gt;</c> function (and of <c>double</c>'s generic-math member).</summary>
    public string Name { get; set; } = "";

    /// <summary>The number of dual operands (an extra <c>int</c> argument, as in RootN or ScaleB, is not counted).</summary>
    public int Arity { get; set; }

    /// <summary>The System.Math/MathF members of this function (another name, such as IEEERemainder, maps to it too).</summary>
    public List<string> Math { get; set; } = new();

    /// <summary>The generic-math interface member, e.g. <c>IRootFunctions.Sqrt</c>.</summary>
    public string GenericMath { get; set; } = "";

    /// <summary>Where the derivative rule is: <c>DerivativeRules.X</c> (comma-separated), or <c>inline: formula</c> in Dual.Functions.cs.</summary>
    public string Rule { get; set; } = "";

    /// <summary>safe, rejected or unsupported in a generated GPU kernel.</summary>
    public string Kernel { get; set; } = "";

    /// <summary>For kernel = rejected: the DUAL011 reason.</summary>
    public string? KernelReason { get; set; }

    /// <summary>The DeviceMath function Dual.Gpu redirects the call to on CUDA, if any.</summary>
    public string? DeviceMath { get; set; }

    /// <summary>Conventions at kinks and overloads.</summary>
    public string Notes { get; set; } = "";

    /// <summary>The public members of <c>Dual&lt;T&gt;</c> and <c>Dual&lt;T, TTangents&gt;</c> generated for it (the function
    /// glue, tools/Dual.BuildGenerators/DualFunctionGlue.cs); empty where both types write the function by hand (their tangent
    /// arithmetic differs).</summary>
    public List<DualMember> Dual { get; set; } = new();

    /// <summary>The members of the sparsity tracer generated for it (tools/Dual.BuildGenerators/SparsityTracerGlue.cs): how
    /// the function propagates dependencies; empty where the tracer writes the function by hand.</summary>
    public List<TracerMember> Sparsity { get; set; } = new();

    /// <summary>How the tests call it.</summary>
    public FunctionTest Test { get; set; } = new();
}

/// <summary>One generated member of the sparsity tracer: the propagation rule and the parameters.</summary>
internal sealed class TracerMember
{
    /// <summary>linear, nonlinear or flat: the tracer's rule of that name (SparsityTracer.Functions.cs).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The operand names when they are not x (arity 1) or x, y (arity 2), comma-separated.</summary>
    public string? Parameters { get; set; }

    /// <summary>Parameters after the operands, passed on to <c>T.{name}</c> (e.g. <c>int n</c>).</summary>
    public string? Extra { get; set; }
}

/// <summary>One generated member of both dual types: its shape (from which the body follows), and its XML doc.</summary>
internal sealed class DualMember
{
    /// <summary>chain (one operand: value and derivative from <c>DerivativeRules&lt;T&gt;.{rule}</c>, tangent scaled by it),
    /// chain2 (two operands, two partials), select (<c>T.{name}</c> picks an operand; <c>DerivativeRules.Select</c> weighs
    /// the tangents), number (the NaN-ignoring form of the function without the "Number" suffix), constant (<c>T.{name}</c>
    /// of the value, zero tangent), or expression (<see cref="Signature"/> and <see cref="Body"/> as written).</summary>
    public string Kind { get; set; } = "";

    /// <summary>chain/chain2: the DerivativeRules member when it is not the function's name.</summary>
    public string? Rule { get; set; }

    /// <summary>chain on <c>Dual&lt;T, TTangents&gt;</c>: the class whose {rule} member computes the value and the derivative
    /// there, when it is not <c>DerivativeRules&lt;T&gt;</c> (sin and cos: <c>SinCosRoute&lt;T, TTangents&gt;</c>, which
    /// knows the tangent block).</summary>
    public string? MultiRoute { get; set; }

    /// <summary>chain/chain2: the operand names when they are not <c>x</c> (and <c>y</c>), comma-separated.</summary>
    public string? Parameters { get; set; }

    /// <summary>constant: parameters after the operand x, passed on to <c>T.{name}</c> (e.g. <c>int digits</c>).</summary>
    public string? Extra { get; set; }

    /// <summary>expression: the name and parameter list, with <c>{D}</c> for the dual type.</summary>
    public string? Signature { get; set; }

    /// <summary>expression: the expression body, with <c>{D}</c> for the dual type.</summary>
    public string? Body { get; set; }

    /// <summary>Whether the member is <c>[MethodImpl(AggressiveInlining)]</c> (default true).</summary>
    public bool Inline { get; set; } = true;

    /// <summary>The XML doc comment's lines, without the leading <c>///</c>.</summary>
    public List<string> Doc { get; set; } = new();
}

/// <summary>How the generated test list calls a function.</summary>
internal sealed class FunctionTest
{
    /// <summary>Points at which the derivative is checked, <see cref="FunctionEntry.Arity"/> values each.</summary>
    public double[][] Points { get; set; } = Array.Empty<double[]>();

    /// <summary>The call, with {F} the function and {0}, {1}, … the arguments (default {F}({0}, {1}, …)).</summary>
    public string? Call { get; set; }

    /// <summary>The double expression whose finite difference is the oracle (default: the call with <c>double</c>'s function).</summary>
    public string? Reference { get; set; }

    /// <summary>The relative tolerance of the derivative check, where it is not the default (estimates).</summary>
    public double? Rtol { get; set; }
}

/// <summary>A predicate generated kernels may call.</summary>
internal sealed class KernelPredicate
{
    /// <summary>The Math/double/float name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether DUAL011's message lists it among the kernel-safe set.</summary>
    public bool Listed { get; set; }
}

/// <summary>A non-floating Math call the kernel form rejects with a reason.</summary>
internal sealed class KernelRejection
{
    /// <summary>The Math/double/float name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The DUAL011 reason.</summary>
    public string KernelReason { get; set; } = "";
}
