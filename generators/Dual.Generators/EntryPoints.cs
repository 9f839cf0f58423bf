using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Dual.Generators
{
    /// <summary>
    /// Derivative entry points beside the twin (see docs/generator.md for the naming table):
    /// scalar parameters → <c>FDerivative</c>/<c>FGradient</c> + <c>FJvp</c>; one span/array input → <c>FGradient</c> + <c>FJvp</c>;
    /// <c>void F(ReadOnlySpan x, Span y)</c> → <c>FJacobian</c> + <c>FJvp</c>.
    /// </summary>
    internal static class EntryPoints
    {
        private const int Chunk = 8;

        public static string Emit(IMethodSymbol method, string name, List<Param> ps, string mods, bool multi, string multiPrecision, HashSet<SpecialType> precisions)
        {
            List<Param> floating = ps.Where(p => p.Mapped is not null).ToList();
            if (floating.Count == 0) return "";
            var taken = new HashSet<string>(ps.Select(p => p.Name.TrimStart('@')));
            string Unique(string n) { while (taken.Contains(n)) n += "_"; taken.Add(n); return n; }

            ITypeSymbol ret = method.ReturnType;
            // Shape A: P F(P a, P b, ...) with by-value/in scalar floating parameters.
            if (TypeMap.IsFloating(ret) && floating.All(p => p.Symbol.Type.SpecialType == ret.SpecialType && p.Symbol.RefKind is RefKind.None or RefKind.In))
            {
                return ScalarShape(name, ps, floating, mods, TypeMap.Keyword(ret), multi && multiPrecision == TypeMap.Keyword(ret), Unique);
            }
            // Shape B: P F(ReadOnlySpan<P> x) (or P[] / Span<P>).
            if (TypeMap.IsFloating(ret) && floating.Count == 1 && floating[0].Symbol.RefKind == RefKind.None
                && TypeMap.IsSpanOrArrayOf(floating[0].Symbol.Type, ret.SpecialType))
            {
                return SpanShape(name, ps, floating[0], mods, TypeMap.Keyword(ret), multi && multiPrecision == TypeMap.Keyword(ret), Unique);
            }
            // Shape C: void F(ReadOnlySpan<P> x, Span<P> y).
            if (method.ReturnsVoid && floating.Count == 2 && floating.All(p => p.Symbol.RefKind == RefKind.None))
            {
                ITypeSymbol xt = floating[0].Symbol.Type;
                SpecialType sp = xt is IArrayTypeSymbol a ? a.ElementType.SpecialType : xt is INamedTypeSymbol n && n.TypeArguments.Length == 1 ? n.TypeArguments[0].SpecialType : SpecialType.None;
                if ((sp == SpecialType.System_Double || sp == SpecialType.System_Single)
                    && TypeMap.IsSpanOrArrayOf(xt, sp) && TypeMap.IsSpanOrArrayOf(floating[1].Symbol.Type, sp, readOnlyAllowed: false))
                {
                    string p = sp == SpecialType.System_Single ? "float" : "double";
                    return VectorShape(name, ps, floating[0], floating[1], mods, p, multi && multiPrecision == p, Unique);
                }
            }
            return "";
        }

        /// <summary>Small dual buffers for span parameters live on the stack; array parameters need arrays.</summary>
        private const int StackLimit = 32;

        // Larger span buffers are rented from the shared pool (returned by Release), so entry points allocate nothing;
        // array parameters need arrays of exactly the right length, so those are allocated.
        private static string Buffer(string name, string type, string length, bool array) => array
            ? "    var " + name + " = new " + type + "[" + length + "];\n"
            : "    " + type + "[]? " + name + "Pool = " + length + " > " + StackLimit + " ? global::System.Buffers.ArrayPool<" + type + ">.Shared.Rent(" + length + ") : null;\n"
              + "    global::System.Span<" + type + "> " + name + " = " + name + "Pool is null ? stackalloc " + type + "[" + length + "] : new global::System.Span<" + type + ">(" + name + "Pool, 0, " + length + ");\n";

        private static string Release(string name, string type, bool array) => array
            ? ""
            : "    if (" + name + "Pool is not null) global::System.Buffers.ArrayPool<" + type + ">.Shared.Return(" + name + "Pool);\n";

        private static string Clear(string name, bool array) =>
            array ? "global::System.Array.Clear(" + name + ");" : name + ".Clear();";

        private static bool IsArray(Param p) => p.Symbol.Type is IArrayTypeSymbol;

        private static string One(string p) => p == "float" ? "1f" : "1.0";

        private static string D(string p) => "global::Dual.Dual<" + p + ">";

        private static string Args(List<Param> ps, Dictionary<Param, string> replace) =>
            string.Join(", ", ps.Select(p => p.Pass(replace.TryGetValue(p, out string? r) ? r : p.Name)));

        private static string Decl(List<Param> ps) => string.Join(", ", ps.Select(p => p.Declaration(mapped: false)));

        private static string ScalarShape(string name, List<Param> ps, List<Param> fl, string mods, string p, bool multi, System.Func<string, string> unique)
        {
            var sb = new StringBuilder();
            string value = unique("value");
            string decl = Decl(ps);
            int n = fl.Count;
            if (n == 1)
            {
                var rep = new Dictionary<Param, string> { [fl[0]] = "new " + D(p) + "(" + fl[0].Name + ", " + One(p) + ")" };
                sb.Append("/// <summary>Derivative of <c>").Append(MethodTransform.Xml(name)).Append("</c> with respect to <c>").Append(fl[0].Name)
                  .Append("</c> (generated, one forward pass); the function value is written to <c>").Append(value).Append("</c>.</summary>\n");
                sb.Append(mods).Append(p).Append(' ').Append(name).Append("Derivative(").Append(decl).Append(", out ").Append(p).Append(' ').Append(value).Append(")\n{\n");
                sb.Append("    var __r = ").Append(name).Append('(').Append(Args(ps, rep)).Append(");\n");
                sb.Append("    ").Append(value).Append(" = __r.Value;\n    return __r.Tangent;\n}\n");
            }
            else
            {
                bool plainNames = fl.All(f => !f.Name.StartsWith("Item") && f.Name != "Rest");
                string tuple = "(" + string.Join(", ", fl.Select(f => p + (plainNames ? " " + f.Name : ""))) + ")";
                sb.Append("/// <summary>Gradient of <c>").Append(MethodTransform.Xml(name)).Append("</c> with respect to (")
                  .Append(string.Join(", ", fl.Select(f => f.Name))).Append(") (generated");
                sb.Append(multi && n <= 16 ? ", one multi-tangent forward pass" : ", one forward pass per input").Append("); the function value is written to <c>").Append(value).Append("</c>.</summary>\n");
                sb.Append(mods).Append(tuple).Append(' ').Append(name).Append("Gradient(").Append(decl).Append(", out ").Append(p).Append(' ').Append(value).Append(")\n{\n");
                if (multi && n <= 16)
                {
                    int k = n <= 2 ? 2 : n <= 4 ? 4 : n <= 8 ? 8 : 16;
                    string tt = "global::Dual.Tangents" + k + "<" + p + ">";
                    string md = "global::Dual.Dual<" + p + ", " + tt + ">";
                    var rep = new Dictionary<Param, string>();
                    for (int i = 0; i < n; i++) rep[fl[i]] = md + ".Variable(" + fl[i].Name + ", " + i + ")";
                    sb.Append("    var __r = ").Append(name).Append('<').Append(tt).Append(">(").Append(Args(ps, rep)).Append(");\n");
                    sb.Append("    ").Append(value).Append(" = __r.Value;\n");
                    sb.Append("    return (").Append(string.Join(", ", Enumerable.Range(0, n).Select(i => "__r.Tangents[" + i + "]"))).Append(");\n}\n");
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        var rep = new Dictionary<Param, string> { [fl[i]] = "new " + D(p) + "(" + fl[i].Name + ", " + One(p) + ")" };
                        sb.Append("    var __r").Append(i).Append(" = ").Append(name).Append('(').Append(Args(ps, rep)).Append(");\n");
                    }
                    sb.Append("    ").Append(value).Append(" = __r0.Value;\n");
                    sb.Append("    return (").Append(string.Join(", ", Enumerable.Range(0, n).Select(i => "__r" + i + ".Tangent"))).Append(");\n}\n");
                }
            }

            // JVP.
            var tangents = fl.Select(f => unique("d" + f.Name.TrimStart('@'))).ToList();
            var jrep = new Dictionary<Param, string>();
            for (int i = 0; i < n; i++) jrep[fl[i]] = "new " + D(p) + "(" + fl[i].Name + ", " + tangents[i] + ")";
            sb.Append("\n/// <summary>Value and directional derivative of <c>").Append(MethodTransform.Xml(name)).Append("</c> along (")
              .Append(string.Join(", ", tangents)).Append(") (generated, one forward pass).</summary>\n");
            sb.Append(mods).Append('(').Append(p).Append(" Value, ").Append(p).Append(" Tangent) ").Append(name).Append("Jvp(").Append(decl)
              .Append(", ").Append(string.Join(", ", tangents.Select(t => p + " " + t))).Append(")\n{\n");
            sb.Append("    var __r = ").Append(name).Append('(').Append(Args(ps, jrep)).Append(");\n");
            sb.Append("    return (__r.Value, __r.Tangent);\n}\n");
            return sb.ToString();
        }

        private static string Check(string buffer, string actual, string expected, string what) =>
            "    if (" + actual + " != " + expected + ")\n        throw new global::System.ArgumentException($\"" + buffer + " has length {" + actual + "} but must have length {" + expected + "} (" + what + ").\", nameof(" + buffer + "));\n";

        private static string SpanShape(string name, List<Param> ps, Param x, string mods, string p, bool multi, System.Func<string, string> unique)
        {
            var sb = new StringBuilder();
            string gradient = unique("gradient");
            string v = unique("v");
            string decl = Decl(ps);
            string xn = x.Name;
            string tt = "global::Dual.Tangents" + Chunk + "<" + p + ">";
            string md = "global::Dual.Dual<" + p + ", " + tt + ">";
            sb.Append("/// <summary>Value and gradient of <c>").Append(MethodTransform.Xml(name)).Append("</c> with respect to <c>").Append(xn)
              .Append("</c> (generated").Append(multi ? ", chunked multi-tangent passes of " + Chunk + " inputs" : ", one forward pass per input")
              .Append("); <c>").Append(gradient).Append("</c> must have the length of <c>").Append(xn).Append("</c>.</summary>\n");
            sb.Append(mods).Append(p).Append(' ').Append(name).Append("Gradient(").Append(decl).Append(", global::System.Span<").Append(p).Append("> ").Append(gradient).Append(")\n{\n");
            sb.Append("    int __n = ").Append(xn).Append(".Length;\n");
            sb.Append(Check(gradient, gradient + ".Length", "__n", "the length of " + xn));
            sb.Append("    ").Append(p).Append(" __value = default;\n");
            if (multi)
            {
                var rep = new Dictionary<Param, string> { [x] = "__xs" };
                sb.Append(Buffer("__xs", md, "__n", IsArray(x)));
                sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = new ").Append(md).Append('(').Append(xn).Append("[__i], ").Append(tt).Append(".Zero);\n");
                sb.Append("    for (int __c = 0; __c < __n || __c == 0; __c += ").Append(Chunk).Append(")\n    {\n");
                sb.Append("        int __k = global::System.Math.Min(").Append(Chunk).Append(", __n - __c);\n");
                sb.Append("        for (int __j = 0; __j < __k; __j++) __xs[__c + __j] = new ").Append(md).Append('(').Append(xn).Append("[__c + __j], ")
                  .Append(tt).Append(".Unit(__j, ").Append(One(p)).Append("));\n");
                sb.Append("        var __r = ").Append(name).Append('<').Append(tt).Append(">(").Append(Args(ps, rep)).Append(");\n");
                sb.Append("        __value = __r.Value;\n");
                sb.Append("        for (int __j = 0; __j < __k; __j++)\n        {\n            ").Append(gradient).Append("[__c + __j] = __r.Tangents[__j];\n");
                sb.Append("            __xs[__c + __j] = new ").Append(md).Append('(').Append(xn).Append("[__c + __j], ").Append(tt).Append(".Zero);\n        }\n    }\n");
                sb.Append(Release("__xs", md, IsArray(x)));
            }
            else
            {
                var rep = new Dictionary<Param, string> { [x] = "__xs" };
                sb.Append(Buffer("__xs", D(p), "__n", IsArray(x)));
                sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = ").Append(xn).Append("[__i];\n");
                sb.Append("    if (__n == 0) __value = ").Append(name).Append('(').Append(Args(ps, rep)).Append(").Value;\n");
                sb.Append("    for (int __i = 0; __i < __n; __i++)\n    {\n");
                sb.Append("        __xs[__i] = new ").Append(D(p)).Append('(').Append(xn).Append("[__i], ").Append(One(p)).Append(");\n");
                sb.Append("        var __r = ").Append(name).Append('(').Append(Args(ps, rep)).Append(");\n");
                sb.Append("        __value = __r.Value;\n        ").Append(gradient).Append("[__i] = __r.Tangent;\n");
                sb.Append("        __xs[__i] = ").Append(xn).Append("[__i];\n    }\n");
                sb.Append(Release("__xs", D(p), IsArray(x)));
            }
            sb.Append("    return __value;\n}\n");

            // JVP: v inserted right after x.
            string jdecl = string.Join(", ", ps.Select(q => q.Declaration(mapped: false) + (q == x ? ", global::System.ReadOnlySpan<" + p + "> " + v : "")));
            var jrep = new Dictionary<Param, string> { [x] = "__xs" };
            sb.Append("\n/// <summary>Value and directional derivative of <c>").Append(MethodTransform.Xml(name)).Append("</c> along <c>").Append(v)
              .Append("</c> (generated, one forward pass).</summary>\n");
            sb.Append(mods).Append('(').Append(p).Append(" Value, ").Append(p).Append(" Tangent) ").Append(name).Append("Jvp(").Append(jdecl).Append(")\n{\n");
            sb.Append("    int __n = ").Append(xn).Append(".Length;\n");
            sb.Append(Check(v, v + ".Length", "__n", "the length of " + xn));
            sb.Append(Buffer("__xs", D(p), "__n", IsArray(x)));
            sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = new ").Append(D(p)).Append('(').Append(xn).Append("[__i], ").Append(v).Append("[__i]);\n");
            sb.Append("    var __r = ").Append(name).Append('(').Append(Args(ps, jrep)).Append(");\n");
            sb.Append(Release("__xs", D(p), IsArray(x)));
            sb.Append("    return (__r.Value, __r.Tangent);\n}\n");
            return sb.ToString();
        }

        private static string VectorShape(string name, List<Param> ps, Param x, Param y, string mods, string p, bool multi, System.Func<string, string> unique)
        {
            var sb = new StringBuilder();
            string jac = unique("jacobian");
            string v = unique("v");
            string jv = unique("jv");
            string decl = Decl(ps);
            string xn = x.Name, yn = y.Name;
            string tt = "global::Dual.Tangents" + Chunk + "<" + p + ">";
            string md = "global::Dual.Dual<" + p + ", " + tt + ">";
            var rep = new Dictionary<Param, string> { [x] = "__xs", [y] = "__ys" };
            sb.Append("/// <summary>Values and Jacobian of <c>").Append(MethodTransform.Xml(name)).Append("</c>: writes <c>").Append(yn).Append("</c> and the row-major <c>")
              .Append(yn).Append(".Length</c> × <c>").Append(xn).Append(".Length</c> Jacobian into <c>").Append(jac).Append("</c> (generated")
              .Append(multi ? ", chunked multi-tangent passes of " + Chunk + " inputs" : ", one forward pass per input").Append(").</summary>\n");
            sb.Append(mods).Append("void ").Append(name).Append("Jacobian(").Append(decl).Append(", global::System.Span<").Append(p).Append("> ").Append(jac).Append(")\n{\n");
            sb.Append("    int __n = ").Append(xn).Append(".Length, __m = ").Append(yn).Append(".Length;\n");
            sb.Append(Check(jac, jac + ".Length", "__m * __n", yn + ".Length × " + xn + ".Length, row-major"));
            if (multi)
            {
                sb.Append(Buffer("__xs", md, "__n", IsArray(x))).Append(Buffer("__ys", md, "__m", IsArray(y)));
                sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = new ").Append(md).Append('(').Append(xn).Append("[__i], ").Append(tt).Append(".Zero);\n");
                sb.Append("    for (int __c = 0; __c < __n || __c == 0; __c += ").Append(Chunk).Append(")\n    {\n");
                sb.Append("        int __k = global::System.Math.Min(").Append(Chunk).Append(", __n - __c);\n");
                sb.Append("        for (int __j = 0; __j < __k; __j++) __xs[__c + __j] = new ").Append(md).Append('(').Append(xn).Append("[__c + __j], ")
                  .Append(tt).Append(".Unit(__j, ").Append(One(p)).Append("));\n");
                sb.Append("        ").Append(Clear("__ys", IsArray(y))).Append('\n');
                sb.Append("        ").Append(name).Append('<').Append(tt).Append(">(").Append(Args(ps, rep)).Append(");\n");
                sb.Append("        for (int __j = 0; __j < __k; __j++) __xs[__c + __j] = new ").Append(md).Append('(').Append(xn).Append("[__c + __j], ").Append(tt).Append(".Zero);\n");
                sb.Append("        for (int __i = 0; __i < __m; __i++)\n        {\n            ").Append(yn).Append("[__i] = __ys[__i].Value;\n");
                sb.Append("            for (int __j = 0; __j < __k; __j++)\n                ")
                  .Append(jac).Append("[__i * __n + __c + __j] = __ys[__i].Tangents[__j];\n        }\n    }\n");
                sb.Append(Release("__xs", md, IsArray(x))).Append(Release("__ys", md, IsArray(y))).Append("}\n");
            }
            else
            {
                sb.Append(Buffer("__xs", D(p), "__n", IsArray(x))).Append(Buffer("__ys", D(p), "__m", IsArray(y)));
                sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = ").Append(xn).Append("[__i];\n");
                sb.Append("    for (int __c = 0; __c < __n || __c == 0; __c++)\n    {\n");
                sb.Append("        if (__c < __n) __xs[__c] = new ").Append(D(p)).Append('(').Append(xn).Append("[__c], ").Append(One(p)).Append(");\n");
                sb.Append("        ").Append(Clear("__ys", IsArray(y))).Append('\n');
                sb.Append("        ").Append(name).Append('(').Append(Args(ps, rep)).Append(");\n");
                sb.Append("        for (int __i = 0; __i < __m; __i++)\n        {\n            ").Append(yn).Append("[__i] = __ys[__i].Value;\n");
                sb.Append("            if (__c < __n) ").Append(jac).Append("[__i * __n + __c] = __ys[__i].Tangent;\n        }\n");
                sb.Append("        if (__c < __n) __xs[__c] = ").Append(xn).Append("[__c];\n    }\n");
                sb.Append(Release("__xs", D(p), IsArray(x))).Append(Release("__ys", D(p), IsArray(y))).Append("}\n");
            }

            string jdecl = string.Join(", ", ps.Select(q => q.Declaration(mapped: false)
                + (q == x ? ", global::System.ReadOnlySpan<" + p + "> " + v : "")
                + (q == y ? ", global::System.Span<" + p + "> " + jv : "")));
            sb.Append("\n/// <summary>Values and Jacobian-vector product of <c>").Append(MethodTransform.Xml(name)).Append("</c>: writes <c>").Append(yn)
              .Append("</c> and J·<c>").Append(v).Append("</c> into <c>").Append(jv).Append("</c> (generated, one forward pass).</summary>\n");
            sb.Append(mods).Append("void ").Append(name).Append("Jvp(").Append(jdecl).Append(")\n{\n");
            sb.Append("    int __n = ").Append(xn).Append(".Length, __m = ").Append(yn).Append(".Length;\n");
            sb.Append(Check(v, v + ".Length", "__n", "the length of " + xn));
            sb.Append(Check(jv, jv + ".Length", "__m", "the length of " + yn));
            sb.Append(Buffer("__xs", D(p), "__n", IsArray(x))).Append(Buffer("__ys", D(p), "__m", IsArray(y)));
            sb.Append("    for (int __i = 0; __i < __n; __i++) __xs[__i] = new ").Append(D(p)).Append('(').Append(xn).Append("[__i], ").Append(v).Append("[__i]);\n");
            sb.Append("    ").Append(name).Append('(').Append(Args(ps, rep)).Append(");\n");
            sb.Append("    for (int __i = 0; __i < __m; __i++)\n    {\n        ").Append(yn).Append("[__i] = __ys[__i].Value;\n        ")
              .Append(jv).Append("[__i] = __ys[__i].Tangent;\n    }\n");
            sb.Append(Release("__xs", D(p), IsArray(x))).Append(Release("__ys", D(p), IsArray(y))).Append("}\n");
            return sb.ToString();
        }
    }
}
