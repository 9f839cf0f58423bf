namespace Dual.Generators
{
    /// <summary>What the compilation-wide step produces: helper twins and dual types, and which twins have multi-tangent forms.</summary>
    internal sealed record World(EquatableArray<string> MultiIds, EquatableArray<MethodModel> Files, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        /// <summary>The functions whose twins are self-contained (<see cref="SelfContainment"/>).</summary>
        public EquatableArray<string> SelfContainedIds { get; init; } = EquatableArray<string>.Empty;
    }

    /// <summary>
    /// The compilation-wide step behind the per-method models. Starting from what the [Differentiable] twins ask for
    /// (<see cref="MethodModel.Requests"/>), it generates, once each, the twins of the helpers they call (transitively:
    /// helpers of helpers, recursion and cycles included) and the dual types of the aggregates they use, each analysed
    /// with the same rules (<see cref="TwinBody"/>). It then decides which functions get a multi-tangent twin: those
    /// whose own facts allow one and whose callees all have one (a fixed point over the call graph), so that no body
    /// is walked again for a caller's sake.
    /// </summary>
    internal static class TwinWorld
    {
        private sealed class Function
        {
            public Function(string id, bool ownMono, bool ownSelfContained, IEnumerable<string> callees)
            {
                Id = id;
                OwnMono = ownMono;
                OwnSelfContained = ownSelfContained;
                Callees = callees.ToList();
            }

            public string Id { get; }

            public bool OwnMono { get; }

            public bool OwnSelfContained { get; }

            public List<string> Callees { get; }
        }

        /// <summary>One helper twin being built: a function, or a property (its accessors together).</summary>
        private sealed class Helper(ISymbol symbol, TwinPlace place, string requester)
        {
            public ISymbol Symbol { get; } = symbol;

            public TwinPlace Place { get; } = place;

            public string Requester { get; } = requester;

            public List<(IMethodSymbol Accessor, SyntaxNode Decl, TwinBody Body)> Parts { get; } = new();

            public bool HasErrors => Parts.Any(p => p.Body.HasErrors);
        }

        /// <summary>Builds the world; an internal failure is DUAL999 (the methods' own files are still emitted).</summary>
        public static World BuildSafe(ImmutableArray<MethodModel> methods, Compilation compilation, CancellationToken ct)
        {
            try
            {
                return Build(methods, compilation, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var d = DiagnosticInfo.Create(Diagnostics.InternalError, null, "helper twins", ex.GetType().Name + ": " + ex.Message);
                return new World(EquatableArray<string>.Empty, EquatableArray<MethodModel>.Empty, new[] { d }.ToEquatableArray());
            }
        }

        public static World Build(ImmutableArray<MethodModel> methods, Compilation compilation, CancellationToken ct)
        {
            var functions = new Dictionary<string, Function>(StringComparer.Ordinal);
            var queue = new Queue<(string Id, string Requester)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (MethodModel m in methods)
            {
                if (m.FunctionId is null) continue;
                functions[m.FunctionId] = new Function(m.FunctionId, m.OwnMono, m.OwnSelfContained, m.Callees);
                foreach (string r in m.Requests)
                {
                    if (seen.Add(r)) queue.Enqueue((r, Describe(m.FunctionId, compilation)));
                }
            }
            if (queue.Count == 0)
            {
                return new World(MultiOf(functions).ToEquatableArray(), EquatableArray<MethodModel>.Empty, EquatableArray<DiagnosticInfo>.Empty)
                {
                    SelfContainedIds = SelfContainedOf(functions),
                };
            }

            var helpers = new List<Helper>();
            var aggregates = new List<AggregateInfo>();
            while (queue.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                (string id, string requester) = queue.Dequeue();
                ISymbol? symbol = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
                IEnumerable<string> more = Enumerable.Empty<string>();
                switch (symbol)
                {
                    case INamedTypeSymbol type when Aggregates.Of(type) is { IsValid: true } info:
                    {
                        aggregates.Add(info);
                        var inner = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                        foreach (AggregateMember member in info.Members) Aggregates.Collect(member.Type, inner);
                        foreach (IParameterSymbol p in info.Positional ?? new List<IParameterSymbol>()) Aggregates.Collect(p.Type, inner);
                        more = inner.Select(a => a.GetDocumentationCommentId()!).Where(a => a is not null);
                        break;
                    }
                    case IPropertySymbol property:
                    {
                        var helper = new Helper(property, HelperTwins.Place((property.GetMethod ?? property.SetMethod)!), requester);
                        foreach (IMethodSymbol? accessor in new[] { property.GetMethod, property.SetMethod })
                        {
                            if (accessor is null || HelperTwins.Body(accessor) is not { } decl) continue;
                            helper.Parts.Add((accessor, decl, Analyse(accessor, decl, helper.Place, compilation, ct)));
                        }
                        if (helper.Parts.Count == 0) break;
                        helpers.Add(helper);
                        more = helper.Parts.SelectMany(p => p.Body.Flow.Requests);
                        break;
                    }
                    case IMethodSymbol function when HelperTwins.Body(function) is { } decl:
                    {
                        var helper = new Helper(function, HelperTwins.Place(function), requester);
                        helper.Parts.Add((function, decl, Analyse(function, decl, helper.Place, compilation, ct)));
                        helpers.Add(helper);
                        more = helper.Parts[0].Body.Flow.Requests;
                        break;
                    }
                }
                string by = symbol is null ? requester : Describe(id, compilation);
                foreach (string r in more)
                {
                    if (seen.Add(r)) queue.Enqueue((r, by));
                }
            }

            foreach (Helper h in helpers)
            {
                string id = h.Symbol.GetDocumentationCommentId()!;
                var precisions = new HashSet<SpecialType>(h.Parts.SelectMany(p => p.Body.Precisions));
                // A twin inside a dual type shares that type's precision (its multi-tangent form is constrained by it).
                if (h.Place.Kind == PlaceKind.Aggregate) TypeMap.CollectPrecisions(h.Place.Original, precisions);
                bool own = !h.HasErrors && precisions.Count == 1 && h.Parts.All(p => !p.Body.UsesConversions);
                bool ownSelfContained = !h.HasErrors && h.Parts.All(p =>
                    SelfContainment.OwnBody(p.Accessor, p.Decl, compilation.GetSemanticModel(p.Decl.SyntaxTree), ct));
                functions[id] = new Function(id, own, ownSelfContained, h.Parts.SelectMany(p => p.Body.Flow.Callees));
            }
            HashSet<string> multi = MultiOf(functions);

            var files = new List<MethodModel>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (AggregateInfo info in aggregates) files.Add(AggregateFile(info, compilation, ct));
            foreach (Helper h in helpers)
            {
                files.Add(HelperFile(h, multi.Contains(h.Symbol.GetDocumentationCommentId()!), compilation, ct));
                foreach ((_, _, TwinBody body) in h.Parts)
                {
                    foreach (DiagnosticInfo d in body.Diagnostics) diagnostics.Add(WithContext(d, h));
                }
            }
            return new World(
                multi.OrderBy(m => m, StringComparer.Ordinal).ToEquatableArray(),
                files.OrderBy(f => f.HintName, StringComparer.Ordinal).ToEquatableArray(),
                diagnostics.ToEquatableArray())
            {
                SelfContainedIds = SelfContainedOf(functions),
            };
        }

        private static TwinBody Analyse(IMethodSymbol function, SyntaxNode decl, TwinPlace place, Compilation compilation, CancellationToken ct)
        {
            SemanticModel model = compilation.GetSemanticModel(decl.SyntaxTree);
            return TwinBody.Build(model, function, decl, place, ct);
        }

        /// <summary>
        /// The functions that get a multi-tangent twin: the greatest fixed point of "its own facts allow one and every
        /// twinned function it calls has one" (a cycle does not forbid it; a callee the step does not know does).
        /// </summary>
        private static HashSet<string> MultiOf(Dictionary<string, Function> functions)
        {
            var multi = new HashSet<string>(functions.Values.Where(f => f.OwnMono).Select(f => f.Id), StringComparer.Ordinal);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (Function f in functions.Values)
                {
                    if (multi.Contains(f.Id) && f.Callees.Any(c => !multi.Contains(c)))
                    {
                        multi.Remove(f.Id);
                        changed = true;
                    }
                }
            }
            return multi;
        }

        private static EquatableArray<string> SelfContainedOf(Dictionary<string, Function> functions) =>
            SelfContainment.Closure(functions.Values.Select(f => (f.Id, f.OwnSelfContained, (IReadOnlyCollection<string>)f.Callees)))
                .OrderBy(id => id, StringComparer.Ordinal).ToEquatableArray();

        private static string Describe(string id, Compilation compilation) =>
            DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation)?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? id;

        /// <summary>A helper's diagnostic says why the helper is differentiated at all.</summary>
        private static DiagnosticInfo WithContext(DiagnosticInfo d, Helper h)
        {
            if (d.Arguments.Count == 0 || Diagnostics.ById(d.Id).DefaultSeverity != DiagnosticSeverity.Error) return d;
            string[] args = d.Arguments.ToArray();
            args[args.Length - 1] += " ('" + h.Symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "' is differentiated because '" + h.Requester + "' calls it with a value that carries a derivative)";
            return d with { Arguments = args.ToEquatableArray() };
        }

        // -----------------------------------------------------------------------------------------
        // Files.
        // -----------------------------------------------------------------------------------------

        private static string Sanitize(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s) sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            return sb.ToString();
        }

        private static string TypeHint(INamedTypeSymbol t) => Sanitize(t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", ""));

        private static MethodModel AggregateFile(AggregateInfo info, Compilation compilation, CancellationToken ct)
        {
            INamedTypeSymbol t = info.Type;
            SyntaxNode decl = t.DeclaringSyntaxReferences[0].GetSyntax(ct);
            SemanticModel model = compilation.GetSemanticModel(decl.SyntaxTree);
            string? Constant(string initializer)
            {
                ExpressionSyntax e = SyntaxFactory.ParseExpression(initializer);
                // The initializer as written, bound where it was written: a constant becomes its literal.
                foreach (SyntaxNode n in decl.DescendantNodes())
                {
                    if (n is EqualsValueClauseSyntax eq && eq.Value.ToString() == initializer)
                    {
                        Optional<object?> v = model.GetConstantValue(eq.Value, ct);
                        ITypeSymbol? type = model.GetTypeInfo(eq.Value, ct).ConvertedType;
                        if (v.HasValue && type is not null) return TwinSignature.Literal(v.Value, type);
                    }
                }
                return e is null ? null : initializer;
            }
            var precisions = new HashSet<SpecialType>();
            TypeMap.CollectPrecisions(t, precisions);
            string single = Aggregates.Declaration(info, Constant, multi: null);
            var text = new StringBuilder(MethodTransform.Normalize(single));
            if (precisions.Count == 1)
            {
                string p = precisions.First() == SpecialType.System_Single ? "float" : "double";
                var names = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                Aggregates.Collect(t, names);
                string multiText = TwinBody.Multi(Aggregates.Declaration(info, Constant, multi: p), p, names.Select(Aggregates.DualName).OrderByDescending(n => n.Length));
                text.Append("\n\n").Append(MethodTransform.Normalize(multiText));
            }
            return new MethodModel(TypeHint(t) + ".DualType.g.cs", info.Place.Namespace, MethodTransform.Usings(decl, ct), MethodTransform.NamespaceUsings(decl),
                info.Place.ContainerHeaders.ToEquatableArray(), text.ToString(), false)
            {
                VerifyId = t.GetDocumentationCommentId(),
            };
        }

        private static MethodModel HelperFile(Helper h, bool multi, Compilation compilation, CancellationToken ct)
        {
            ISymbol s = h.Symbol;
            INamedTypeSymbol owner = s.ContainingType;
            SyntaxNode anchor = h.Parts[0].Decl;
            string precision = h.Parts[0].Body.Precision;
            var aggregateNames = h.Parts.SelectMany(p => p.Body.AggregateNames).Distinct().OrderByDescending(n => n.Length).ToList();
            string Declare(bool multiTangent, bool placeholder) => Declaration(h, multiTangent, placeholder, precision, aggregateNames);

            string members, placeholderText;
            List<string> headers;
            switch (h.Place.Kind)
            {
                case PlaceKind.Aggregate:
                {
                    headers = h.Place.Placement!.ContainerHeaders.ToList();
                    string header = DualHeader(h.Place);
                    string Wrap(bool placeholder)
                    {
                        var sb = new StringBuilder();
                        sb.Append(header).Append("\n{\n").Append(Indent(Declare(false, placeholder))).Append("}\n");
                        if (multi)
                        {
                            sb.Append('\n').Append(header).Append('<').Append(KnownNames.Tangents).Append(">\n    ").Append(KnownNames.TangentsConstraint(precision)).Append("\n{\n")
                              .Append(Indent(Declare(true, placeholder))).Append("}\n");
                        }
                        return sb.ToString();
                    }
                    members = Wrap(false);
                    placeholderText = Wrap(true);
                    break;
                }
                case PlaceKind.Companion:
                    headers = h.Place.Placement!.ContainerHeaders.Append("internal static partial class " + h.Place.Placement.Name).ToList();
                    members = Declare(false, false) + (multi ? "\n\n" + Declare(true, false) : "");
                    placeholderText = Declare(false, true) + (multi ? "\n\n" + Declare(true, true) : "");
                    break;
                default:
                {
                    var chain = new List<INamedTypeSymbol>();
                    for (INamedTypeSymbol? c = owner; c is not null; c = c.ContainingType) chain.Insert(0, c);
                    headers = chain.Select(Placement.Header).ToList();
                    members = Declare(false, false) + (multi ? "\n\n" + Declare(true, false) : "");
                    placeholderText = Declare(false, true) + (multi ? "\n\n" + Declare(true, true) : "");
                    break;
                }
            }
            int index = owner.GetMembers(s.Name).IndexOf(s);
            string memberName = s is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "ctor" : s.Name;
            string hint = TypeHint(owner) + "." + Sanitize(memberName) + (index > 0 ? "_" + index : "") + ".dual.g.cs";
            SemanticModel model = compilation.GetSemanticModel(anchor.SyntaxTree);
            bool compiles = !h.Parts.Any(p => model.GetDiagnostics(p.Decl.Span, ct).Any(d => d.Severity == DiagnosticSeverity.Error));
            string? ns = owner.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            return new MethodModel(hint, ns, MethodTransform.Usings(anchor, ct), MethodTransform.NamespaceUsings(anchor), headers.ToEquatableArray(),
                h.HasErrors ? placeholderText : members, h.Parts.Any(p => p.Body.UsesConversions))
            {
                Placeholder = placeholderText,
                VerifyId = compiles ? s.GetDocumentationCommentId() : null,
            };
        }

        private static string Indent(string text) =>
            string.Concat(text.TrimEnd().Split('\n').Select(l => l.Length == 0 ? "\n" : "    " + l.TrimEnd('\r') + "\n"));

        /// <summary>The header of a partial declaration of an aggregate's dual type (<c>partial record struct Vec3Dual</c>).</summary>
        private static string DualHeader(TwinPlace place)
        {
            INamedTypeSymbol t = place.Original;
            string kind = t.TypeKind == TypeKind.Struct ? (t.IsRecord ? "record struct" : "struct") : (t.IsRecord ? "record" : "class");
            return "partial " + kind + " " + place.Placement!.Name;
        }

        /// <summary>The twin declaration of a helper (or its placeholder that throws), single- or multi-tangent.</summary>
        private static string Declaration(Helper h, bool multi, bool placeholder, string precision, List<string> aggregateNames)
        {
            string Types(string text) => multi ? TwinBody.Multi(text, precision, aggregateNames) : text;
            string throwText = "throw new global::System.InvalidOperationException(\"The dual twin of '" + h.Symbol.Name + "' is not generated: fix the DUAL diagnostics reported on it.\")";
            string doc = "/// <summary>" + (multi ? "Multi-tangent twin" : "Dual twin") + " of the helper <c>" + MethodTransform.Xml(h.Symbol.ToDisplayString()) + "</c> (generated).</summary>\n";
            if (h.Symbol is IPropertySymbol property)
            {
                var sb = new StringBuilder(doc);
                sb.Append(Access(property, h.Place)).Append(' ').Append(Types(Mapped(property.Type))).Append(' ').Append(Escaped(property.Name)).Append("\n{\n");
                foreach ((IMethodSymbol accessor, _, TwinBody body) in h.Parts)
                {
                    if (accessor.DeclaredAccessibility != property.DeclaredAccessibility) sb.Append(Placement.Accessibility(accessor.DeclaredAccessibility)).Append(' ');
                    if (accessor.IsReadOnly && !property.IsReadOnly && accessor.MethodKind == MethodKind.PropertyGet && !h.Place.Original.IsReadOnly) sb.Append("readonly ");
                    sb.Append(accessor.MethodKind == MethodKind.PropertyGet ? "get" : accessor.IsInitOnly ? "init" : "set");
                    sb.Append(placeholder ? " => " + throwText + ";\n" : "\n" + body.BlockWithRules(multi) + "\n");
                }
                sb.Append("}\n");
                return MethodTransform.Normalize(sb.ToString());
            }

            var f = (IMethodSymbol)h.Symbol;
            TwinBody b = h.Parts[0].Body;
            var text = new StringBuilder(doc);
            text.Append(Access(f, h.Place)).Append(' ');
            if (f.IsStatic || h.Place.Receiver) text.Append("static ");
            if (h.Place.Kind == PlaceKind.Aggregate && !f.IsStatic && f.IsReadOnly && !h.Place.Original.IsReadOnly) text.Append("readonly ");
            bool genericMethod = multi && h.Place.Kind != PlaceKind.Aggregate;
            switch (f.MethodKind)
            {
                case MethodKind.Constructor:
                    text.Append(h.Place.Placement!.Name);
                    break;
                case MethodKind.UserDefinedOperator:
                {
                    string token = h.Parts[0].Decl is OperatorDeclarationSyntax op ? op.OperatorToken.Text : f.Name;
                    text.Append(Types(Mapped(f.ReturnType))).Append(" operator ").Append(token);
                    break;
                }
                default:
                    text.Append(f.ReturnsVoid ? "void" : Types(Mapped(f.ReturnType))).Append(' ').Append(Escaped(f.Name));
                    if (genericMethod) text.Append('<').Append(KnownNames.Tangents).Append('>');
                    break;
            }
            var parameters = new List<string>();
            if (h.Place.Receiver) parameters.Add(f.ContainingType.ToDisplayString(TypeMap.Fq) + " " + DualRewriter.Self);
            foreach (IParameterSymbol p in f.Parameters) parameters.Add(Types(Parameter(p)));
            text.Append('(').Append(string.Join(", ", parameters)).Append(')');
            if (genericMethod) text.Append("\n    ").Append(KnownNames.TangentsConstraint(precision));
            if (f.MethodKind == MethodKind.Constructor)
            {
                string init = placeholder ? PlaceholderInitializer(h.Place) : Types(b.Initializer);
                if (init.Length > 0) text.Append("\n    ").Append(init);
            }
            text.Append('\n').Append(placeholder ? "{ " + throwText + "; }" : b.BlockWithRules(multi));
            return MethodTransform.Normalize(text.ToString());
        }

        /// <summary>A placeholder constructor of a positional record's dual type must still chain to the primary constructor.</summary>
        private static string PlaceholderInitializer(TwinPlace place)
        {
            if (Aggregates.Of(place.Original) is not { Positional: { } ps }) return "";
            return ": this(" + string.Join(", ", ps.Select(_ => "default")) + ")";
        }

        private static string Access(ISymbol s, TwinPlace place) => place.Kind switch
        {
            PlaceKind.InType => Placement.Accessibility(s.DeclaredAccessibility),
            _ => s.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
        };

        private static string Mapped(ITypeSymbol t) => TypeMap.Map(t, out _) ?? t.ToDisplayString(TypeMap.Fq);

        private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A parameter of a helper twin: its dual type, by-reference kind, and a default only where the twin can keep it.</summary>
        private static string Parameter(IParameterSymbol p)
        {
            string? mapped = TypeMap.Map(p.Type, out _);
            var sb = new StringBuilder();
            switch (p.RefKind)
            {
                case RefKind.Ref: sb.Append("ref "); break;
                case RefKind.Out: sb.Append("out "); break;
                case RefKind.In: sb.Append("in "); break;
            }
            if (p.IsParams && mapped is null) sb.Insert(0, "params ");
            sb.Append(mapped ?? p.Type.ToDisplayString(TypeMap.Fq)).Append(' ').Append(Escaped(p.Name));
            if (TwinSignature.KeepsDefault(p)) sb.Append(" = ").Append(TwinSignature.Literal(p.ExplicitDefaultValue, p.Type));
            return sb.ToString();
        }
    }
}
