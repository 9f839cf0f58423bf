using System.Linq;
using System.Text;
using Dual.Tools.Rules;

namespace Dual.BuildGenerators;

/// <summary>
/// The sparsity tracer's function members, from the table's <c>sparsity</c> column: each is one of the tracer's
/// propagation rules (<c>Linear</c>, <c>Nonlinear</c>, <c>Flat</c> in SparsityTracer.Functions.cs) applied to
/// <c>T.{name}</c> of the operands' values, so that adding a function to the table gives the tracer its member too
/// (SparsityTracer.Functions.g.cs, expanded at build time).
/// </summary>
internal static class SparsityTracerGlue
{
    private const string Type = "SparsityTracer<T, TOrder>";

    public static string Generate(FunctionTable table, string header)
    {
        var sb = new StringBuilder(header);
        sb.Append("#nullable enable\nusing System;\n\nnamespace Dual;\n\n");
        sb.Append("internal readonly partial struct ").Append(Type).Append("\n{");
        bool first = true;
        foreach (FunctionEntry f in table.Functions)
        {
            foreach (TracerMember m in f.Sparsity)
            {
                string[] operands = (m.Parameters is null ? null : FunctionTable.Items(m.Parameters)) ?? (f.Arity == 1 ? new[] { "x" } : new[] { "x", "y" });
                string[] extra = (m.Extra is null ? null : FunctionTable.Items(m.Extra)) ?? new string[0];
                string parameters = string.Join(", ", operands.Select(p => Type + " " + p).Concat(extra));
                string arguments = string.Join(", ", operands.Select(p => p + ".Value").Concat(extra.Select(e => e.Split(' ').Last())));
                string rule = m.Kind switch { "linear" => "Linear", "nonlinear" => "Nonlinear", _ => "Flat" };
                sb.Append(first ? "\n" : "\n\n");
                first = false;
                sb.Append("    public static ").Append(Type).Append(' ').Append(f.Name).Append('(').Append(parameters).Append(") => ")
                  .Append(rule).Append("(T.").Append(f.Name).Append('(').Append(arguments).Append("), ").Append(string.Join(", ", operands)).Append(");");
            }
        }
        sb.Append("\n}\n");
        return sb.ToString();
    }
}
