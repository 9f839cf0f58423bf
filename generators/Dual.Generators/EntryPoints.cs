namespace Dual.Generators
{
    /// <summary>The method shapes that get derivative entry points (docs/generator.md, "Derivative entry points").</summary>
    internal enum EntryShape
    {
        /// <summary><c>P F(P a, P b, …)</c>: floating scalars in, one out.</summary>
        Scalar,

        /// <summary><c>P F(ReadOnlySpan&lt;P&gt; x)</c> (or an array, or <c>Span</c>).</summary>
        Span,

        /// <summary><c>void F(ReadOnlySpan&lt;P&gt; x, Span&lt;P&gt; y)</c> (or arrays).</summary>
        Vector,
    }

    /// <summary>Which entry points a method gets: its shape, differentiated inputs and the twin struct handed to the runtime.</summary>
    internal sealed class EntryPlan(EntryShape shape, string precision, List<ParameterInfo> inputs, string twinName, bool multi, bool selfContained)
    {
        public EntryShape Shape { get; } = shape;

        /// <summary>"double" or "float".</summary>
        public string Precision { get; } = precision;

        /// <summary>The differentiated parameters, in order (for <see cref="EntryShape.Vector"/>: x, then y).</summary>
        public List<ParameterInfo> Inputs { get; } = inputs;

        /// <summary>The nested struct implementing IScalarTwin/IVectorTwin.</summary>
        public string TwinName { get; } = twinName;

        /// <summary>The method has a multi-tangent twin.</summary>
        public bool Multi { get; } = multi;

        /// <summary>The twin sees no dual value but the entry points' seeds (<see cref="SelfContainment"/>): its struct is
        /// marked ISelfContainedTwin.</summary>
        public bool SelfContained { get; } = selfContained;

        /// <summary>The differentiated input's name (a span or an array) when the twin struct's EvaluateSeeded runs a twin
        /// over SeededInputs (<see cref="SeededInputUse"/>); <see langword="null"/>: it has none.</summary>
        public string? SeededInput { get; set; }

        public ParameterInfo X => Inputs[0];

        public ParameterInfo Y => Inputs[1];
    }

    /// <summary>
    /// Derivative entry points beside the twin. One convention for every shape (docs/generator.md has the table):
    /// an entry point takes the method's own parameters as the method declares them (differentiated inputs and data, in
    /// place, with their defaults and <c>params</c>), then its own (a direction, then derivative outputs), which come
    /// before the method's optional parameters. Each one hands a small twin struct to
    /// <c>Dual.CompilerServices.GeneratedDerivatives</c>, which runs AutoDiff's own drivers: no chunk loop is emitted here.
    /// </summary>
    internal static class EntryPoints
    {
        /// <summary>The entry points <paramref name="d"/> gets, or <see langword="null"/> (twin only).</summary>
        public static EntryPlan? Plan(MethodDeclaration d, bool multi, bool selfContained)
        {
            if (d.OwnerIsInterface || (!d.IsStatic && d.OwnerIsRefLike)) return null;
            List<ParameterInfo> inputs = d.Parameters.Where(p => p.IsInput).ToList();
            if (inputs.Count == 0) return null;
            // A twin struct holds the data arguments for the length of a call: references cannot be held.
            if (d.Parameters.Any(p => !p.IsInput && p.RefKind is RefKind.Ref or RefKind.Out or RefKind.RefReadOnlyParameter)) return null;
            string twin = d.Name + "Twin" + (d.OverloadIndex > 0 ? d.OverloadIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            string? p = d.ReturnPrecision;
            if (p is not null && inputs.All(i => i.Shape == ParameterShape.Scalar && i.Precision == p && i.RefKind is RefKind.None or RefKind.In))
            {
                return new EntryPlan(EntryShape.Scalar, p, inputs, twin, multi, selfContained);
            }
            if (p is not null && inputs.Count == 1 && inputs[0].RefKind == RefKind.None && inputs[0].Precision == p
                && inputs[0].Shape is ParameterShape.Array or ParameterShape.ReadOnlySpan or ParameterShape.Span or ParameterShape.Collection)
            {
                return new EntryPlan(EntryShape.Span, p, inputs, twin, multi, selfContained);
            }
            if (d.ReturnsVoid && inputs.Count == 2 && inputs.All(i => i.RefKind == RefKind.None) && inputs[0].Precision is { } q && inputs[1].Precision == q
                && inputs[0].Shape is ParameterShape.Array or ParameterShape.ReadOnlySpan or ParameterShape.Span
                && inputs[1].Shape is ParameterShape.Array or ParameterShape.Span)
            {
                return new EntryPlan(EntryShape.Vector, q, inputs, twin, multi, selfContained);
            }
            return null;
        }

        /// <summary>The members the entry points add to the type (for the DUAL010 clash check).</summary>
        public static IEnumerable<string> MemberNames(MethodDeclaration d, EntryPlan plan, bool sparse, bool proven)
        {
            yield return plan.TwinName;
            switch (plan.Shape)
            {
                case EntryShape.Scalar when plan.Inputs.Count == 1:
                    yield return d.Name + "Derivative";
                    yield return d.Name + "ValueAndDerivative";
                    break;
                case EntryShape.Scalar:
                    yield return d.Name + "Gradient";
                    yield return d.Name + "ValueAndGradient";
                    break;
                case EntryShape.Span:
                    yield return d.Name + "Gradient";
                    break;
                case EntryShape.Vector:
                    yield return d.Name + "Jacobian";
                    if (sparse && plan.Multi)
                    {
                        yield return d.Name + "SparseJacobian";
                        yield return d.Name + "PrepareSparseJacobian";
                        if (proven) yield return d.Name + "JacobianSparsity";
                    }
                    break;
            }
            yield return d.Name + "Jvp";
        }

        /// <summary>Whether the prepared sparse Jacobian can keep the method's data (no span, no reference argument).</summary>
        public static bool CanPrepareSparse(MethodDeclaration d, EntryPlan plan) =>
            plan.Shape == EntryShape.Vector && plan.Multi && d.Parameters.All(p => p.IsInput || (!p.IsRefLike && p.RefKind is RefKind.None or RefKind.In));

        public static void Emit(CodeWriter w, MethodDeclaration d, EntryPlan plan, SparsityEmission? pattern)
        {
            var names = new ParameterNames(d);
            TwinStruct(w, d, plan);
            switch (plan.Shape)
            {
                case EntryShape.Scalar:
                    Scalar(w, d, plan, names);
                    break;
                case EntryShape.Span:
                    Span(w, d, plan, names);
                    break;
                case EntryShape.Vector:
                    Vector(w, d, plan, names);
                    if (CanPrepareSparse(d, plan)) Sparse(w, d, plan, names, pattern);
                    break;
            }
        }

        // ------------------------------------------------------------------ the twin struct

        /// <summary>A data argument as the twin struct keeps it: spans are carried in a rented array for the call.</summary>
        private static bool Carried(ParameterInfo p) => !p.IsInput && p.IsRefLike && p.SpanElement is not null;

        private static string FieldName(MethodDeclaration d, EntryPlan plan, ParameterInfo p) =>
            p.Bare is "Evaluate" or "HasMultiTangentTwin" or "EvaluateSeeded" or "HasSeededTwin" || p.Bare == plan.TwinName || p.Bare.StartsWith("__", System.StringComparison.Ordinal) ? "__" + p.Bare + "_" : p.Name;

        private static string FieldType(ParameterInfo p) => Carried(p) ? KnownNames.CarriedSpan + "<" + p.SpanElement + ">" : p.Type;

        private static void TwinStruct(CodeWriter w, MethodDeclaration d, EntryPlan plan)
        {
            string p = plan.Precision;
            string single = KnownNames.Dual(p), multi = KnownNames.MultiDual(p);
            bool vector = plan.Shape == EntryShape.Vector;
            List<ParameterInfo> data = d.Parameters.Where(q => !q.IsInput).ToList();
            w.Line();
            w.Summary("The twins of <c>" + Xml.Escape(d.Name) + "</c> with its data, as the generated entry points hand them to the runtime (generated).");
            w.Line(KnownNames.EditorBrowsableNever);
            w.Open(d.Access + "readonly struct " + plan.TwinName + " : " + (vector ? KnownNames.VectorTwin : KnownNames.ScalarTwin) + "<" + p + ">"
                + (plan.SelfContained ? ", " + KnownNames.SelfContainedTwin : ""));
            if (!d.IsStatic) w.Line("private readonly " + d.OwnerType + " __owner;");
            foreach (ParameterInfo q in data) w.Line("private readonly " + FieldType(q) + " " + FieldName(d, plan, q) + ";");
            if (!d.IsStatic || data.Count > 0) w.Line();

            var ctorParams = new List<string>();
            if (!d.IsStatic) ctorParams.Add(d.OwnerType + " __owner");
            ctorParams.AddRange(data.Select(q => FieldType(q) + " " + q.Name));
            w.Summary("Holds the method's data for one entry-point call.");
            w.Open("public " + plan.TwinName + "(" + string.Join(", ", ctorParams) + ")");
            if (!d.IsStatic) w.Line("this.__owner = __owner;");
            foreach (ParameterInfo q in data) w.Line("this." + FieldName(d, plan, q) + " = " + q.Name + ";");
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public static bool HasMultiTangentTwin => " + (plan.Multi ? "true" : "false") + ";");
            foreach (bool m in new[] { false, true })
            {
                string dual = m ? multi : single;
                string span = "global::System.ReadOnlySpan<" + dual + "> __x" + (vector ? ", global::System.Span<" + dual + "> __y" : "");
                w.Line();
                w.Line("/// <inheritdoc />");
                w.Line("public " + (vector ? "void" : dual) + " Evaluate" + (m ? "<TTangents>" : "") + "(" + span + ")");
                if (m) w.Indent().Line(TwinEmitter.Constraint(p)).Outdent();
                if (m && !plan.Multi)
                {
                    w.Indent().Line("=> throw " + KnownNames.GeneratedDerivatives + ".NoMultiTangentTwin(\"" + d.Name + "\");").Outdent();
                    continue;
                }
                EvaluateBody(w, d, plan, m);
            }
            // The single pass's twin over inputs seeded as it reads them (SeededInputs): called only where HasSeededTwin.
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public static bool HasSeededTwin => " + (plan.SeededInput is not null ? "true" : "false") + ";");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public " + (vector ? "void" : multi) + " EvaluateSeeded<TTangents>(" + KnownNames.SeededInputs(p) + " __x" + (vector ? ", global::System.Span<" + multi + "> __y" : "") + ")");
            w.Indent().Line(TwinEmitter.Constraint(p)).Outdent();
            if (plan.SeededInput is null)
            {
                w.Indent().Line("=> throw " + KnownNames.GeneratedDerivatives + ".NoSeededTwin(\"" + d.Name + "\");").Outdent();
            }
            else
            {
                EvaluateBody(w, d, plan, multi: true, seeded: true);
            }
            w.Close();
        }

        /// <summary>The body of the twin struct's Evaluate: the twin called on the drivers' spans (arrays copied when the twin takes arrays).</summary>
        private static void EvaluateBody(CodeWriter w, MethodDeclaration d, EntryPlan plan, bool multi, bool seeded = false)
        {
            var before = new List<string>();
            var after = new List<string>();
            var release = new List<string>();
            var args = new List<string>();
            int scalar = 0;
            foreach (ParameterInfo q in d.Parameters)
            {
                string arg;
                if (!q.IsInput)
                {
                    string field = FieldName(d, plan, q);
                    arg = Carried(q) ? field + (q.Type.StartsWith("global::System.ReadOnlySpan", System.StringComparison.Ordinal) ? ".ReadOnlySpan" : ".Span") : field;
                }
                else if (plan.Shape == EntryShape.Scalar)
                {
                    arg = "__x[" + scalar++ + "]";
                }
                else
                {
                    bool isY = plan.Shape == EntryShape.Vector && q == plan.Y;
                    string span = isY ? "__y" : "__x";
                    string local = isY ? "__ya" : "__xa";
                    // The seeded twin takes the drivers' SeededInputs whatever x's own type (array, span): no copy to make.
                    if (q.Shape == ParameterShape.ReadOnlySpan || (isY && q.Shape == ParameterShape.Span) || (seeded && !isY))
                    {
                        arg = span;
                    }
                    else if (isY)
                    {
                        // The drivers clear the outputs before each pass; the twin writes into an array of the right length.
                        before.Add("var " + local + " = " + KnownNames.TwinArrays + ".Cleared<" + ElementOf(plan, multi) + ">(__y.Length);");
                        after.Add(local + ".CopyTo(__y);");
                        release.Add(KnownNames.TwinArrays + ".Return(" + local + ");");
                        arg = local;
                    }
                    else
                    {
                        // An array (or a writable span, or a collection) input: the twin gets its own copy, never the drivers' seeds.
                        before.Add("var " + local + " = " + KnownNames.TwinArrays + ".Copy(__x);");
                        release.Add(KnownNames.TwinArrays + ".Return(" + local + ");");
                        arg = q.Shape == ParameterShape.Collection && Growable(q) ? "new global::System.Collections.Generic.List<" + ElementOf(plan, multi) + ">(" + local + ")" : local;
                    }
                }
                args.Add(q.RefKind == RefKind.In || q.RefKind == RefKind.None ? arg : arg);
            }
            // A generic-math method is its own twin: called with the dual type for each of its type parameters.
            string typeArguments = d.GenericArity > 0 ? "<" + string.Join(", ", Enumerable.Repeat(ElementOf(plan, multi), d.GenericArity)) + ">" : multi ? "<TTangents>" : "";
            string target = (d.IsStatic ? d.OwnerType : "__owner") + "." + d.Name + typeArguments;
            string call = target + "(" + string.Join(", ", args) + ")";
            bool returns = plan.Shape != EntryShape.Vector;
            if (before.Count == 0)
            {
                w.Indent().Line("=> " + call + ";").Outdent();
                return;
            }
            w.Line("{");
            w.Indent();
            foreach (string b in before) w.Line(b);
            w.Line("try");
            w.Line("{");
            w.Indent();
            if (returns && after.Count == 0)
            {
                w.Line("return " + call + ";");
            }
            else
            {
                w.Line(call + ";");
                foreach (string a in after) w.Line(a);
            }
            w.Close();
            w.Line("finally");
            w.Line("{");
            w.Indent();
            foreach (string r in release) w.Line(r);
            w.Close();
            w.Close();
        }

        private static bool IsList(ParameterInfo p) => p.Type.StartsWith("global::System.Collections.Generic.List<", System.StringComparison.Ordinal);

        /// <summary>A collection the method may grow or shrink (<c>Add</c>, <c>Insert</c>, <c>RemoveAt</c>): the twin gets a list, not a fixed-size array.</summary>
        private static bool Growable(ParameterInfo p) => IsList(p)
            || p.Type.StartsWith("global::System.Collections.Generic.IList<", System.StringComparison.Ordinal)
            || p.Type.StartsWith("global::System.Collections.Generic.ICollection<", System.StringComparison.Ordinal);

        /// <summary>
        /// The input as the drivers' span: an array or span as it is; a <c>List&lt;P&gt;</c> through its backing store
        /// (no copy); another collection copied into a new array (its elements, in enumeration order, are the inputs).
        /// </summary>
        private static string InputSpan(ParameterInfo x) => x.Shape != ParameterShape.Collection ? x.Name
            : IsList(x) ? "global::System.Runtime.InteropServices.CollectionsMarshal.AsSpan(" + x.Name + ")"
            : "global::System.Linq.Enumerable.ToArray(" + x.Name + ")";

        private static string ElementOf(EntryPlan plan, bool multi) => multi ? KnownNames.MultiDual(plan.Precision) : KnownNames.Dual(plan.Precision);

        // ------------------------------------------------------------------ entry points

        /// <summary>Readable names for the generated parameters, distinct from the method's.</summary>
        private sealed class ParameterNames
        {
            private readonly HashSet<string> _taken;

            public ParameterNames(MethodDeclaration d) => _taken = new HashSet<string>(d.Parameters.Select(p => p.Bare));

            public string Fresh(params string[] candidates)
            {
                foreach (string c in candidates)
                {
                    if (_taken.Add(c)) return c;
                }
                for (int i = 2; ; i++)
                {
                    string c = candidates[0] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (_taken.Add(c)) return c;
                }
            }

            /// <summary>The direction of a scalar input: <c>dx</c> for <c>x</c>, <c>dAngle</c> for <c>angle</c>.</summary>
            public string Direction(ParameterInfo p)
            {
                string bare = p.Bare;
                string d = bare.Length == 1 ? "d" + bare : "d" + char.ToUpperInvariant(bare[0]) + bare.Substring(1);
                return Fresh(d, bare + "Direction");
            }
        }

        /// <summary>The entry point's parameter list: the method's, with <paramref name="extra"/> before its first optional parameter.</summary>
        private static string Parameters(MethodDeclaration d, IEnumerable<string> extra, System.Func<ParameterInfo, string?>? replace = null)
        {
            var list = new List<string>();
            var extras = extra.ToList();
            bool inserted = false;
            foreach (ParameterInfo p in d.Parameters)
            {
                if (!inserted && p.IsOptional)
                {
                    list.AddRange(extras);
                    inserted = true;
                }
                list.Add(replace?.Invoke(p) ?? p.EntryDeclaration());
            }
            if (!inserted) list.AddRange(extras);
            return string.Join(", ", list);
        }

        /// <summary>The <c>new FTwin(…)</c> expression and the statements that carry span data around the call.</summary>
        private sealed class TwinArguments
        {
            /// <param name="d">The method.</param>
            /// <param name="plan">Its entry points.</param>
            /// <param name="replaced">An input the entry point takes in another form (a prepared sparse Jacobian's output
            /// length or pattern in place of y): no null check for it.</param>
            public TwinArguments(MethodDeclaration d, EntryPlan plan, ParameterInfo? replaced = null)
            {
                var args = new List<string>();
                if (!d.IsStatic) args.Add("this");
                foreach (ParameterInfo p in d.Parameters.Where(p => !p.IsInput))
                {
                    if (Carried(p))
                    {
                        string local = "__" + p.Bare;
                        Before.Add("var " + local + " = " + KnownNames.CarriedSpan + "<" + p.SpanElement + ">.Copy(" + p.Name + ");");
                        if (!p.Type.StartsWith("global::System.ReadOnlySpan", System.StringComparison.Ordinal)) After.Add(local + ".CopyBackTo(" + p.Name + ");");
                        Release.Add(local + ".Release();");
                        args.Add(local);
                    }
                    else
                    {
                        args.Add(p.Name);
                    }
                }
                New = "new " + plan.TwinName + "(" + string.Join(", ", args) + ")";
                foreach (ParameterInfo p in plan.Inputs.Where(i => i != replaced && i.Shape is ParameterShape.Array or ParameterShape.Collection)) Checks.Add("global::System.ArgumentNullException.ThrowIfNull(" + p.Name + ");");
            }

            public string New { get; }
            public List<string> Checks { get; } = new();
            public List<string> Before { get; } = new();
            public List<string> After { get; } = new();
            public List<string> Release { get; } = new();
        }

        /// <summary>Writes a method whose work is <paramref name="statements"/> (the last returning when <paramref name="returns"/>),
        /// wrapped in the carrying of span data when there is any.</summary>
        private static void Body(CodeWriter w, string header, TwinArguments t, IReadOnlyList<string> statements, bool returns)
        {
            if (t.Before.Count == 0 && t.Checks.Count == 0 && statements.Count == 1)
            {
                w.Line(header);
                w.Indent().Line("=> " + statements[0] + ";").Outdent();
                return;
            }
            w.Open(header);
            foreach (string c in t.Checks) w.Line(c);
            if (t.Before.Count == 0)
            {
                for (int i = 0; i < statements.Count; i++) w.Line((returns && i == statements.Count - 1 ? "return " : "") + statements[i] + ";");
                w.Close();
                return;
            }
            foreach (string b in t.Before) w.Line(b);
            w.Line("try");
            w.Line("{").Indent();
            for (int i = 0; i < statements.Count - 1; i++) w.Line(statements[i] + ";");
            string last = statements[statements.Count - 1];
            if (returns && t.After.Count > 0)
            {
                w.Line("var __result = " + last + ";");
                foreach (string a in t.After) w.Line(a);
                w.Line("return __result;");
            }
            else
            {
                w.Line((returns ? "return " : "") + last + ";");
                foreach (string a in t.After) w.Line(a);
            }
            w.Close();
            w.Line("finally");
            w.Line("{").Indent();
            foreach (string r in t.Release) w.Line(r);
            w.Close();
            w.Close();
        }

        private static string Quote(string s) => "\"" + s + "\"";

        private static string Generic(EntryPlan plan) => "<" + plan.Precision + ", " + plan.TwinName + ">";

        private static string PassesText(EntryPlan plan) => plan.Multi
            ? "AutoDiff's chunked multi-tangent passes, ⌈n/k⌉ for k = <c>AutoDiff.DefaultChunkSize(n)</c>"
            : "one forward pass per input (the method has no multi-tangent twin)";

        private static void Scalar(CodeWriter w, MethodDeclaration d, EntryPlan plan, ParameterNames names)
        {
            string p = plan.Precision, name = Xml.Escape(d.Name);
            var t = new TwinArguments(d, plan);
            string call = Parameters(d, new string[0]);
            string args = string.Join(", ", d.Parameters.Select(q => q.Name));
            int n = plan.Inputs.Count;
            string inputs = "global::System.Span<" + p + "> __x = stackalloc " + p + "[] { " + string.Join(", ", plan.Inputs.Select(i => i.Name)) + " }";
            if (n == 1)
            {
                ParameterInfo x = plan.Inputs[0];
                w.Line();
                w.Summary("The derivative of <c>" + name + "</c> with respect to <c>" + Xml.Escape(x.Bare) + "</c> (generated, one forward pass).");
                w.Line(d.ModText + p + " " + d.Name + "Derivative(" + call + ")");
                w.Indent().Line("=> " + d.Name + "ValueAndDerivative(" + args + ").Derivative;").Outdent();
                w.Line();
                w.Summary("The value and the derivative of <c>" + name + "</c> with respect to <c>" + Xml.Escape(x.Bare) + "</c> (generated, one forward pass).");
                Body(w, d.ModText + "(" + p + " Value, " + p + " Derivative) " + d.Name + "ValueAndDerivative(" + call + ")", t,
                    new[] { KnownNames.GeneratedDerivatives + ".ValueAndDerivative" + Generic(plan) + "(" + t.New + ", " + x.Name + ")" }, returns: true);
            }
            else
            {
                string[] disallowed = { "Rest", "ToString", "Equals", "GetHashCode", "GetType", "CompareTo" };
                bool named = plan.Inputs.All(i => !disallowed.Contains(i.Bare) && !(i.Bare.StartsWith("Item", System.StringComparison.Ordinal) && i.Bare.Length > 4));
                string tuple = "(" + string.Join(", ", plan.Inputs.Select(i => p + (named ? " " + i.Name : ""))) + ")";
                string wrt = string.Join(", ", plan.Inputs.Select(i => Xml.Escape(i.Bare)));
                w.Line();
                w.Summary("The gradient of <c>" + name + "</c> with respect to (" + wrt + "), as a tuple named after them (generated, " + PassesText(plan) + ").");
                w.Line(d.ModText + tuple + " " + d.Name + "Gradient(" + call + ")");
                w.Indent().Line("=> " + d.Name + "ValueAndGradient(" + args + ").Gradient;").Outdent();
                w.Line();
                w.Summary("The value and the gradient of <c>" + name + "</c> with respect to (" + wrt + ") (generated, " + PassesText(plan) + ").");
                string g = "__g";
                Body(w, d.ModText + "(" + p + " Value, " + tuple + " Gradient) " + d.Name + "ValueAndGradient(" + call + ")", t, new[]
                {
                    inputs,
                    "global::System.Span<" + p + "> " + g + " = stackalloc " + p + "[" + n + "]",
                    p + " __value = " + KnownNames.GeneratedDerivatives + ".Gradient" + Generic(plan) + "(" + t.New + ", __x, " + g + ", \"x\", \"gradient\")",
                    "(__value, (" + string.Join(", ", Enumerable.Range(0, n).Select(i => g + "[" + i + "]")) + "))",
                }, returns: true);
            }

            // JVP: the directions follow the method's parameters.
            var directions = plan.Inputs.Select(names.Direction).ToList();
            string jcall = Parameters(d, directions.Select(dn => p + " " + dn));
            w.Line();
            w.Summary("The value of <c>" + name + "</c> and its directional derivative along (" + string.Join(", ", directions) + ") (generated, one forward pass); the names are those of <c>AutoDiff.Jvp</c>.");
            if (n == 1)
            {
                Body(w, d.ModText + "(" + p + " Value, " + p + " Tangent) " + d.Name + "Jvp(" + jcall + ")", t,
                    new[] { KnownNames.GeneratedDerivatives + ".Jvp" + Generic(plan) + "(" + t.New + ", " + plan.Inputs[0].Name + ", " + directions[0] + ")" }, returns: true);
            }
            else
            {
                Body(w, d.ModText + "(" + p + " Value, " + p + " Tangent) " + d.Name + "Jvp(" + jcall + ")", t, new[]
                {
                    inputs,
                    "global::System.Span<" + p + "> __v = stackalloc " + p + "[] { " + string.Join(", ", directions) + " }",
                    KnownNames.GeneratedDerivatives + ".Jvp" + Generic(plan) + "(" + t.New + ", __x, __v, \"x\", \"v\")",
                }, returns: true);
            }
        }

        private static void Span(CodeWriter w, MethodDeclaration d, EntryPlan plan, ParameterNames names)
        {
            string p = plan.Precision, name = Xml.Escape(d.Name);
            ParameterInfo x = plan.X;
            var t = new TwinArguments(d, plan);
            string gradient = names.Fresh("gradient", "gradientResult");
            w.Line();
            w.Summary("The value of <c>" + name + "</c>, and its gradient with respect to <c>" + Xml.Escape(x.Bare) + "</c> written into <c>" + gradient
                + "</c> (of <c>" + Xml.Escape(x.Bare) + "</c>'s length) (generated, " + PassesText(plan) + ").");
            Body(w, d.ModText + p + " " + d.Name + "Gradient(" + Parameters(d, new[] { "global::System.Span<" + p + "> " + gradient }) + ")", t,
                new[] { KnownNames.GeneratedDerivatives + ".Gradient" + Generic(plan) + "(" + t.New + ", " + InputSpan(x) + ", " + gradient + ", " + Quote(x.Bare) + ", " + Quote(gradient) + ")" }, returns: true);

            string v = names.Fresh("v", "direction");
            w.Line();
            w.Summary("The value of <c>" + name + "</c> and its directional derivative along <c>" + v + "</c> (generated, one forward pass); the names are those of <c>AutoDiff.Jvp</c>.");
            Body(w, d.ModText + "(" + p + " Value, " + p + " Tangent) " + d.Name + "Jvp(" + Parameters(d, new[] { "global::System.ReadOnlySpan<" + p + "> " + v }) + ")", t,
                new[] { KnownNames.GeneratedDerivatives + ".Jvp" + Generic(plan) + "(" + t.New + ", " + InputSpan(x) + ", " + v + ", " + Quote(x.Bare) + ", " + Quote(v) + ")" }, returns: true);
        }

        private static void Vector(CodeWriter w, MethodDeclaration d, EntryPlan plan, ParameterNames names)
        {
            string p = plan.Precision, name = Xml.Escape(d.Name);
            ParameterInfo x = plan.X, y = plan.Y;
            var t = new TwinArguments(d, plan);
            string jacobian = names.Fresh("jacobian", "jacobianResult");
            w.Line();
            w.Summary("The values of <c>" + name + "</c> into <c>" + Xml.Escape(y.Bare) + "</c> and its row-major <c>" + Xml.Escape(y.Bare) + ".Length</c> × <c>"
                + Xml.Escape(x.Bare) + ".Length</c> Jacobian into <c>" + jacobian + "</c> (generated, " + PassesText(plan) + ").");
            Body(w, d.ModText + "void " + d.Name + "Jacobian(" + Parameters(d, new[] { "global::System.Span<" + p + "> " + jacobian }) + ")", t,
                new[] { KnownNames.GeneratedDerivatives + ".Jacobian" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + y.Name + ", " + jacobian + ", "
                    + Quote(x.Bare) + ", " + Quote(y.Bare) + ", " + Quote(jacobian) + ")" }, returns: false);

            string v = names.Fresh("v", "direction");
            string jvp = names.Fresh("jvp", "jvpResult");
            w.Line();
            w.Summary("The values of <c>" + name + "</c> into <c>" + Xml.Escape(y.Bare) + "</c> and the Jacobian-vector product J·<c>" + v + "</c> into <c>" + jvp
                + "</c> (generated, one forward pass).");
            Body(w, d.ModText + "void " + d.Name + "Jvp(" + Parameters(d, new[] { "global::System.ReadOnlySpan<" + p + "> " + v, "global::System.Span<" + p + "> " + jvp }) + ")", t,
                new[] { KnownNames.GeneratedDerivatives + ".Jvp" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + v + ", " + y.Name + ", " + jvp + ", "
                    + Quote(x.Bare) + ", " + Quote(v) + ", " + Quote(y.Bare) + ", " + Quote(jvp) + ")" }, returns: false);
        }

        private static void Sparse(CodeWriter w, MethodDeclaration d, EntryPlan plan, ParameterNames names, SparsityEmission? proven)
        {
            string p = plan.Precision, name = Xml.Escape(d.Name);
            ParameterInfo x = plan.X, y = plan.Y;
            var t = new TwinArguments(d, plan);
            var prepareArguments = new TwinArguments(d, plan, replaced: y); // y is not a parameter of the Prepare methods
            string sparse = KnownNames.SparseJacobian + "<" + p + ">";
            string pattern = names.Fresh("pattern", "sparsityPattern");
            string prepared = KnownNames.PreparedSparseJacobian + "<" + p + ", " + KnownNames.VectorTwinFunction + Generic(plan) + ">";
            if (proven is not null)
            {
                string outputLength = names.Fresh("outputLength", "outputCount");
                // The pattern method's arguments: x.Length, y.Length (or the given m) and the int parameters its loops use.
                string SparsityCall(string m) => d.Name + "JacobianSparsity(" + string.Join(", ", d.Parameters
                    .Where(q => q == x || q == y || proven.IntParameters.Contains(q.Bare))
                    .Select(q => q == x ? x.Name + ".Length" : q == y ? m : q.Name)) + ")";
                JacobianSparsity(w, d, x, y, proven);
                w.Line();
                w.Summary("The values of <c>" + name + "</c> into <c>" + Xml.Escape(y.Bare) + "</c> and its sparse Jacobian with the pattern <c>" + d.Name
                    + "JacobianSparsity</c> found at compile time: no tracing run (generated).");
                Body(w, d.ModText + sparse + " " + d.Name + "SparseJacobian(" + Parameters(d, new string[0]) + ")", t, new[]
                {
                    KnownNames.GeneratedDerivatives + ".SparseJacobian" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + y.Name + ", " + SparsityCall(y.Name + ".Length") + ")",
                }, returns: true);
                w.Line();
                w.Summary("Prepares repeated sparse Jacobians of <c>" + name + "</c> for <c>" + Xml.Escape(y.Bare) + "</c> of length <c>" + outputLength + "</c> with the pattern <c>"
                    + d.Name + "JacobianSparsity</c> found at compile time (valid for every x: no tracing run): its values into <c>prepared.Evaluate(x, values, result)</c>, allocation-free (generated).");
                Body(w, d.ModText + prepared + " " + d.Name + "PrepareSparseJacobian(" + Parameters(d, new string[0], q => q == y ? "int " + outputLength : null) + ")", prepareArguments, new[]
                {
                    KnownNames.GeneratedDerivatives + ".PrepareSparseJacobian" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + SparsityCall(outputLength) + ")",
                }, returns: true);
            }
            else
            {
                w.Line();
                w.Summary("The values of <c>" + name + "</c> into <c>" + Xml.Escape(y.Bare) + "</c> and its sparse Jacobian, the pattern detected at <c>"
                    + Xml.Escape(x.Bare) + "</c> through the twin and coloured (generated; it could not be found at compile time, DUAL016). Exact at that x whatever branches the method takes; for repeated evaluations prepare once with a pattern that holds for every x you use (<c>"
                    + d.Name + "PrepareSparseJacobian</c>).");
                Body(w, d.ModText + sparse + " " + d.Name + "SparseJacobian(" + Parameters(d, new string[0]) + ")", t, new[]
                {
                    KnownNames.GeneratedDerivatives + ".SparseJacobian" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + y.Name + ")",
                }, returns: true);
            }

            string prepare = Parameters(d, new string[0], q => q == y ? KnownNames.SparsityPattern + " " + pattern : null);
            w.Line();
            w.Summary("Prepares repeated sparse Jacobians of <c>" + name + "</c> with <c>" + pattern + "</c> (which must hold every entry that can be non-zero at the points you evaluate; e.g. <c>AutoDiff.JacobianSparsity</c> of a generic form of the method, or your own): its values into <c>prepared.Evaluate(x, values, result)</c>, allocation-free (generated).");
            Body(w, d.ModText + prepared + " " + d.Name + "PrepareSparseJacobian(" + prepare + ")", prepareArguments, new[]
            {
                KnownNames.GeneratedDerivatives + ".PrepareSparseJacobian" + Generic(plan) + "(" + t.New + ", " + x.Name + ", " + pattern + ")",
            }, returns: true);
        }

        /// <summary>
        /// <c>FJacobianSparsity(inputLength, outputLength[, int parameters])</c>: the method's loops and integer guards
        /// replayed by a static local function that adds each (output, input) pair the compile-time analysis found.
        /// </summary>
        private static void JacobianSparsity(CodeWriter w, MethodDeclaration d, ParameterInfo x, ParameterInfo y, SparsityEmission proven)
        {
            var parameters = d.Parameters.Where(q => q == x || q == y || proven.IntParameters.Contains(q.Bare))
                .Select(q => "int " + (q == x ? proven.InputLength : q == y ? proven.OutputLength : q.Name)).ToList();
            string arguments = string.Join(", ", parameters.Select(q => q.Substring(4)));
            w.Line();
            w.Summary("The sparsity pattern of <c>" + Xml.Escape(d.Name) + "</c>'s Jacobian for <c>" + Xml.Escape(x.Bare) + "</c> of length <c>" + proven.InputLength
                + "</c> and <c>" + Xml.Escape(y.Bare) + "</c> of length <c>" + proven.OutputLength + "</c>, found at compile time from its index arithmetic (generated): valid for every x, both sides of a branch on a value counting.");
            w.Open(d.Access + "static " + KnownNames.SparsityPattern + " " + d.Name + "JacobianSparsity(" + string.Join(", ", parameters) + ")");
            w.Line("var " + proven.Builder + " = new " + KnownNames.PatternBuilder + "(" + proven.OutputLength + ", " + proven.InputLength + ", \"" + d.Name + "\");");
            w.Line("__Walk(" + proven.Builder + ", " + arguments + ");");
            w.Line("return " + proven.Builder + ".ToPattern();");
            w.Line();
            w.Open("static void __Walk(" + KnownNames.PatternBuilder + " " + proven.Builder + ", " + string.Join(", ", parameters) + ")");
            w.Lines(proven.Walk);
            w.Close();
            w.Close();
        }
    }
}
