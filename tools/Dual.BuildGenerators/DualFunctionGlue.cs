using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dual.Tools.Rules;

namespace Dual.BuildGenerators;

/// <summary>
/// The function glue of the two dual types, written once: for every <see cref="DualMember"/> of the table, the same
/// public static member on <c>Dual&lt;T&gt;</c> (Dual.Functions.g.cs) and on <c>Dual&lt;T, TTangents&gt;</c>
/// (MultiDual.Functions.g.cs), expanded at build time. The two differ only in the type's name: each type's
/// hand-written partial defines what its tangents do — <c>Chain</c> (value and derivative → tangent·derivative; two
/// partials with the zero-tangent rule at non-finite partials), <c>Select</c> and <c>Constant</c> — so a generated body
/// is exactly the one-line call that was written twice by hand before (same IL, same inlining).
/// </summary>
internal static class DualFunctionGlue
{
    /// <summary>The glue of <c>Dual&lt;T&gt;</c> (<paramref name="multi"/> false) or <c>Dual&lt;T, TTangents&gt;</c>.</summary>
    public static string Generate(FunctionTable table, string header, bool multi)
    {
        string type = multi ? "Dual<T, TTangents>" : "Dual<T>";
        var sb = new StringBuilder(header);
        sb.Append("#nullable enable\nusing System;\nusing System.Runtime.CompilerServices;\n\nnamespace Dual;\n\n");
        sb.Append("public readonly partial struct ").Append(type).Append("\n{");
        foreach (FunctionEntry f in table.Functions)
        {
            foreach (DualMember m in f.Dual)
            {
                sb.Append('\n');
                foreach (string line in m.Doc) sb.Append("    /// ").Append(line).Append('\n');
                Member(sb, f.Name, m, type, multi);
            }
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void Member(StringBuilder sb, string name, DualMember m, string type, bool multi)
    {
        string inline = m.Inline ? "[MethodImpl(Inline)] " : "";
        string rule = m.Rule ?? name;
        string[] p = (m.Parameters is null ? null : FunctionTable.Items(m.Parameters)) ?? (m.Kind == "chain" ? new[] { "x" } : new[] { "x", "y" });
        string Params() => string.Join(", ", p.Select(q => type + " " + q));
        switch (m.Kind)
        {
            case "chain":
                string rules = multi && m.MultiRoute is not null ? m.MultiRoute : "DerivativeRules<T>";
                Line(sb, inline, type, name + "(" + Params() + ")",
                     "Chain(" + p[0] + ", " + rules + "." + rule + "(" + p[0] + ".Value, out T d), d)");
                break;
            case "chain2":
                string d0 = Partial(p[0]), d1 = Partial(p[1]);
                if (m.Inline) sb.Append("    [MethodImpl(Inline)]\n");
                sb.Append("    public static ").Append(type).Append(' ').Append(name).Append('(').Append(Params()).Append(")\n    {\n");
                sb.Append("        T v = DerivativeRules<T>.").Append(rule).Append('(').Append(p[0]).Append(".Value, ").Append(p[1])
                  .Append(".Value, out T ").Append(d0).Append(", out T ").Append(d1).Append(");\n");
                sb.Append("        return Chain(").Append(p[0]).Append(", ").Append(d0).Append(", ").Append(p[1]).Append(", ").Append(d1).Append(", v);\n");
                sb.Append("    }\n");
                break;
            case "select":
                Line(sb, inline, type, name + "(" + Params() + ")", "Select(T." + name + "(x.Value, y.Value), x, y)");
                break;
            case "number":
                if (!name.EndsWith("Number", StringComparison.Ordinal)) throw new InvalidOperationException(name + ": a number member's name ends with Number");
                Line(sb, inline, type, name + "(" + Params() + ")",
                     "T.IsNaN(x.Value) ? y : T.IsNaN(y.Value) ? x : " + name.Substring(0, name.Length - "Number".Length) + "(x, y)");
                break;
            case "constant":
                string extra = m.Extra is null ? "" : ", " + m.Extra;
                string passed = m.Extra is null ? "" : ", " + string.Join(", ", FunctionTable.Items(m.Extra).Select(q => q.Split(' ').Last()));
                Line(sb, inline, type, name + "(" + type + " x" + extra + ")", "Constant(T." + name + "(x.Value" + passed + "), x)");
                break;
            default:
                Line(sb, inline, type, m.Signature!.Replace("{D}", type), m.Body!.Replace("{D}", type));
                break;
        }
    }

    private static void Line(StringBuilder sb, string inline, string type, string signature, string body) =>
        sb.Append("    ").Append(inline).Append("public static ").Append(type).Append(' ').Append(signature).Append(" => ").Append(body).Append(";\n");

    // The local that receives ∂/∂p: dx, dy, dNewBase.
    private static string Partial(string parameter) =>
        parameter.Length == 1 ? "d" + parameter : "d" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
}
