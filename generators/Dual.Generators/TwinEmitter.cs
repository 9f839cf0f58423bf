namespace Dual.Generators
{
    /// <summary>Emits the dual twin, the multi-tangent twin and the throwing placeholders that stand in for them.</summary>
    internal static class TwinEmitter
    {
        /// <summary>The twin (and the multi-tangent twin when <paramref name="multiPrecision"/> is set) around the rewritten body.</summary>
        /// <remarks>With <paramref name="seededInput"/>, also the multi-tangent twin over <c>SeededInputs</c> in place of that
        /// input (<see cref="SeededInputUse"/>): the same body, for the entry points' single pass.</remarks>
        public static void Twins(CodeWriter w, MethodDeclaration d, string body, IReadOnlyList<RuleUse> rules, string? multiPrecision, IEnumerable<string>? aggregates = null, string? seededInput = null)
        {
            w.Summary("Dual-number twin of <c>" + Xml.Escape(d.Name) + "</c> (generated): evaluates it on <c>Dual</c> values so that every result carries its directional derivative.");
            w.Line(d.ModText + d.TwinReturn + " " + d.Name + "(" + d.TwinParameters + ")");
            w.Block(InsertBeforeLastBrace(body, rules.Select(r => RuleLocal(r, multi: false))));
            if (multiPrecision is null) return;
            // Never inlined: the JIT's inlining budget is a multiple of the root method's IL size, and a twin inlined into a
            // small root (the runtime's one-pass driver, a user's loop compiled through on-stack replacement) can leave its
            // dual operators as calls, several times slower (a 10-input sum: 17.5 → 165 ns). Compiled as its own root, its
            // budget scales with its own body; the call costs about a nanosecond a pass.
            Func<string, string> multi = MultiSignature(w, d, multiPrecision, aggregates,
                "Multi-tangent twin of <c>" + Xml.Escape(d.Name) + "</c> (generated): carries <c>TTangents.Count</c> directional derivatives in one evaluation.",
                KnownNames.NoInlining);
            string multiBody = InsertBeforeLastBrace(multi(body), rules.Select(r => RuleLocal(r, multi: true)));
            w.Block(multiBody);
            if (seededInput is null) return;
            // The same body reading its inputs through the seeded view: x[i] is built from x's value and a seed table as it
            // is read, instead of being written out before the pass and read back (Ackley's gradient, n = 10: 7 % less).
            string parameters = string.Join(", ", d.Parameters.Select(p => p.Name == seededInput
                ? KnownNames.SeededInputs(multiPrecision) + " " + p.Name
                : multi(p.TwinDeclaration())));
            w.Line();
            w.Summary("Multi-tangent twin of <c>" + Xml.Escape(d.Name) + "</c> over inputs seeded as it reads them (generated): the single pass of its entry points.");
            w.Line(KnownNames.NoInlining);
            w.Line(d.ModText + multi(d.TwinReturn) + " " + d.Name + "<TTangents>(" + parameters + ")");
            w.Indent().Line(Constraint(multiPrecision)).Outdent();
            w.Block(multiBody);
        }

        /// <summary>Writes the multi-tangent twin's summary, signature and constraint; returns the rewrite of single-tangent
        /// text into multi-tangent text (for the body).</summary>
        private static Func<string, string> MultiSignature(CodeWriter w, MethodDeclaration d, string multiPrecision, IEnumerable<string>? aggregates, string summary, string? attribute = null)
        {
            var names = (aggregates ?? Array.Empty<string>()).ToList();
            string M(string text) => TwinBody.Multi(text, multiPrecision, names);
            w.Line();
            w.Summary(summary);
            if (attribute is not null) w.Line(attribute);
            w.Line(d.ModText + M(d.TwinReturn) + " " + d.Name + "<TTangents>(" + M(d.TwinParameters) + ")");
            w.Indent().Line(Constraint(multiPrecision)).Outdent();
            return M;
        }

        /// <summary>
        /// The twin of a method whose body has DUAL errors (or whose generated code does not compile): the signature (and
        /// the multi-tangent one when callers expect it) with a body that throws. The build already fails on the reported
        /// error; the placeholder only keeps the callers' generated code free of follow-on compiler errors.
        /// </summary>
        public static string Placeholder(MethodDeclaration d, string? multiPrecision, string why, IEnumerable<string>? aggregates = null)
        {
            var w = new CodeWriter();
            string body = "throw new global::System.InvalidOperationException(\"The dual twin of '" + d.Name + "' is not generated: " + why + ".\");";
            w.Summary("Placeholder for the dual twin of <c>" + Xml.Escape(d.Name) + "</c>, which has DUAL errors.");
            w.Open(d.ModText + d.TwinReturn + " " + d.Name + "(" + d.TwinParameters + ")").Line(body).Close();
            if (multiPrecision is not null)
            {
                MultiSignature(w, d, multiPrecision, aggregates, "Placeholder for the multi-tangent twin of <c>" + Xml.Escape(d.Name) + "</c>.");
                w.Line("{").Indent().Line(body).Close();
            }
            return w.ToString();
        }

        public static string Constraint(string p) => "where TTangents : unmanaged, global::Dual.ITangents<TTangents, " + p + ">";

        /// <summary>Inserts the local functions <paramref name="locals"/> before the block's closing brace, one level inside it.</summary>
        private static string InsertBeforeLastBrace(string block, IEnumerable<string> locals)
        {
            var list = locals.ToList();
            if (list.Count == 0) return block;
            int brace = block.LastIndexOf('}');
            int lineStart = block.LastIndexOf('\n', brace) + 1;
            string indent = new string(' ', brace - lineStart) + "    ";
            var text = new System.Text.StringBuilder(block.Substring(0, lineStart).TrimEnd()).Append('\n');
            foreach (string local in list)
            {
                text.Append('\n');
                foreach (string line in local.TrimEnd().Split('\n')) text.Append(line.Length == 0 ? "" : indent + line).Append('\n');
            }
            return text.Append(block.Substring(lineStart)).ToString();
        }

        /// <summary>The local function a call to a [DerivativeOf]-ruled method is rewritten to (the chain rule over the rule's
        /// partials), for the twins here and the helper twins (<see cref="TwinBody.BlockWithRules"/>).</summary>
        internal static string RuleLocal(RuleUse r, bool multi)
        {
            string p = r.Precision;
            string d = multi ? KnownNames.MultiDual(p) : KnownNames.Dual(p);
            var args = Enumerable.Range(0, r.Arity).Select(i => "__a" + i).ToList();
            string primals = string.Join(", ", args.Select(a => a + ".Value"));
            var w = new CodeWriter();
            w.Open("static " + d + " " + r.LocalName + "(" + string.Join(", ", args.Select(a => d + " " + a)) + ")");
            w.Line(p + " __v = " + r.TargetCall + "(" + primals + ");");
            w.Line("var __d = " + r.RuleCall + "(" + primals + ");");
            string Partial(int i) => r.Arity == 1 ? "__d" : "__d.Item" + (i + 1);
            string tangent;
            if (!multi)
            {
                tangent = string.Join(" + ", args.Select((a, i) => Partial(i) + " * " + a + ".Tangent"));
            }
            else
            {
                tangent = "TTangents.Multiply(" + args[0] + ".Tangents, " + Partial(0) + ")";
                for (int i = 1; i < args.Count; i++)
                {
                    tangent = "TTangents.Add(" + tangent + ", TTangents.Multiply(" + args[i] + ".Tangents, " + Partial(i) + "))";
                }
            }
            w.Line("return new " + d + "(__v, " + tangent + ");");
            w.Close();
            return w.ToString();
        }
    }

    /// <summary>XML text for documentation comments.</summary>
    internal static class Xml
    {
        public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
