namespace Dual.Generators
{
    /// <summary>
    /// Turns one [Differentiable] method into a <see cref="MethodResult"/> in three stages: parsing the declaration
    /// (<see cref="MethodDeclaration"/>), analysing the body (<see cref="MethodAnalysis"/>: flow, rewrite, multi-tangent
    /// eligibility, GPU kernel, sparsity pattern) and emitting the members through a <see cref="CodeWriter"/>
    /// (<see cref="TwinEmitter"/>, <see cref="EntryPoints"/>, <see cref="KernelTransform"/>).
    /// </summary>
    internal static class MethodTransform
    {
        public static MethodResult BuildSafe(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            try
            {
                return Build(ctx, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Location loc = ctx.TargetNode is MethodDeclarationSyntax m ? m.Identifier.GetLocation() : ctx.TargetNode.GetLocation();
                var diags = new List<DiagnosticInfo>
                {
                    DiagnosticInfo.Create(Diagnostics.InternalError, loc, ctx.TargetSymbol?.Name ?? "?", ex.GetType().Name + ": " + ex.Message),
                };
                // Callers compile against a placeholder that throws, rather than failing inside their generated files.
                try
                {
                    if (ctx.TargetNode is MethodDeclarationSyntax node && ctx.TargetSymbol is IMethodSymbol method && TwinSignature.Check(method, node, ctx.SemanticModel.Compilation, null))
                    {
                        MethodDeclaration d = MethodDeclaration.Parse(node, method, ct);
                        string placeholder = TwinEmitter.Placeholder(d, PlaceholderMulti(d, method, ctx.SemanticModel, ct), "an internal generator error (DUAL999) was reported on it");
                        return new MethodResult(Model(d, placeholder) with { VerifyId = VerifyId(node, method, ctx.SemanticModel, ct) }, diags.ToEquatableArray());
                    }
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    // The DUAL999 above already says what went wrong.
                }
                return new MethodResult(MethodModel.Nothing("error"), diags.ToEquatableArray());
            }
        }

        private static MethodResult Build(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var node = (MethodDeclarationSyntax)ctx.TargetNode;
            var method = (IMethodSymbol)ctx.TargetSymbol;
            SemanticModel model = ctx.SemanticModel;
            var diags = new List<DiagnosticInfo>();
            if (FaultInjection.ThrowForMethod is { } fault && fault == method.Name) throw new InvalidOperationException("injected fault");

            // 1. Parsing. The same signature check decides, for every caller, whether this twin exists (TwinSignature).
            if (!TwinSignature.Check(method, node, model.Compilation, diags)) return new MethodResult(MethodModel.Nothing(MethodDeclaration.HintNameOf(method)), diags.ToEquatableArray());
            if (method.IsGenericMethod) return GenericMath(node, method, model, diags, ct);
            MethodDeclaration d = MethodDeclaration.Parse(node, method, ct);
            string? verifyId = VerifyId(node, method, model, ct);

            // 2. Analysis.
            MethodAnalysis a = MethodAnalysis.Run(d, node, method, model, diags, ct);
            List<string> aggregates = AggregateNames(method, a.Twin);
            // Facts for the compilation-wide step (TwinWorld): helper twins and dual types to generate, and the closure
            // deciding whether the multi-tangent twin exists (its callees must have one too).
            MethodModel WithFacts(MethodModel m) => m with
            {
                VerifyId = verifyId,
                FunctionId = method.GetDocumentationCommentId(),
                OwnMono = a.MultiPrecision is not null,
                OwnSelfContained = a.OwnSelfContained,
                Callees = (a.Twin?.Flow.Callees ?? new HashSet<string>()).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray(),
                Requests = (a.Twin?.Flow.Requests ?? new HashSet<string>()).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray(),
            };
            if (a.Body is null)
            {
                // The method is reported; callers still compile against a placeholder twin with the right signature.
                const string fix = "fix the DUAL diagnostics reported on it";
                string? multi = a.Twin is { OwnMono: true } t && d.MultiTangentOption && d.SinglePrecision is { } sp ? sp : null;
                string placeholder = TwinEmitter.Placeholder(d, multi, fix, aggregates);
                return new MethodResult(WithFacts(Model(d, placeholder)) with
                {
                    OwnMono = multi is not null,
                    ScalarPlaceholder = multi is not null ? TwinEmitter.Placeholder(d, null, fix) : null,
                }, diags.ToEquatableArray());
            }

            // 3. Emission: with the multi-tangent twin when the method alone allows it, and without it for when the
            // closure finds a callee that has none (MethodModel.Resolve picks one).
            // The part the DUAL014 safety net compiles: everything, or the twins alone when the entry points are a
            // plain template instance (VerificationScope).
            bool templateOnly = VerificationScope.EntryPointsAreTemplateOnly(d, method);
            (string Members, string? Verified) Emit(string? multiPrecision, EntryPlan? entry)
            {
                var w = new CodeWriter();
                TwinEmitter.Twins(w, d, a.Body!, a.Rules, multiPrecision, aggregates, multiPrecision is null ? null : entry?.SeededInput);
                string? twinsOnly = templateOnly && a.Kernel is null ? w.ToString().TrimEnd() + "\n" : null;
                if (entry is not null)
                {
                    string? clash = EntryPoints.MemberNames(d, entry, EntryPoints.CanPrepareSparse(d, entry), a.Pattern is not null).FirstOrDefault(d.OwnerMembers.Contains);
                    if (clash is not null)
                    {
                        if (multiPrecision == a.MultiPrecision) diags.Add(DiagnosticInfo.Create(Diagnostics.EntryPointClash, node.Identifier.GetLocation(), d.Name, method.ContainingType.Name, clash));
                    }
                    else EntryPoints.Emit(w, d, entry, a.Pattern);
                }
                if (a.Kernel is not null) a.Kernel.Write(w);
                string all = w.ToString().TrimEnd() + "\n";
                return (all, twinsOnly == all ? null : twinsOnly);
            }
            const string why = "its generated code does not compile (DUAL014)";
            (string members, string? verified) = Emit(a.MultiPrecision, a.Entry);
            (string Members, string? Verified)? scalar = a.MultiPrecision is not null ? Emit(null, a.ScalarEntry) : null;
            MethodModel result = WithFacts(Model(d, members, a.UsesConversions, a.Kernel is not null && !d.PublicAllTheWayOut)) with
            {
                Placeholder = TwinEmitter.Placeholder(d, a.MultiPrecision, why, aggregates),
                VerifiedMembers = verified,
                ScalarMembers = scalar?.Members,
                ScalarVerifiedMembers = scalar?.Verified,
                ScalarPlaceholder = a.MultiPrecision is not null ? TwinEmitter.Placeholder(d, null, why) : null,
            };
            return new MethodResult(result, diags.ToEquatableArray());
        }

        /// <summary>
        /// A generic-math method is its own twin (<see cref="GenericMathMethods"/>): no body to analyse or rewrite, only
        /// the entry points, declared at <c>double</c>, which call it with the dual type as its type arguments.
        /// </summary>
        private static MethodResult GenericMath(MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            MethodDeclaration d = MethodDeclaration.Parse(node, GenericMathMethods.AtDouble(method, model.Compilation), ct);
            bool multi = d.MultiTangentOption && GenericMathMethods.RunsMultiTangent(method, model.Compilation);
            if (d.GpuOption)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NotKernelReady, node.Identifier.GetLocation(), "The generic method '" + d.Name + "'",
                    "a generic method is not compiled to a GPU kernel; put [Differentiable(Gpu = true)] on a non-generic method that calls it"));
            }
            var w = new CodeWriter();
            // Not self-contained: generic math may read state typed by its type parameter (SelfContainment).
            EntryPlan? entry = d.EntryPointsOption ? EntryPoints.Plan(d, multi, selfContained: false) : null;
            if (entry is not null)
            {
                string? clash = EntryPoints.MemberNames(d, entry, EntryPoints.CanPrepareSparse(d, entry), false).FirstOrDefault(d.OwnerMembers.Contains);
                if (clash is not null) diags.Add(DiagnosticInfo.Create(Diagnostics.EntryPointClash, node.Identifier.GetLocation(), d.Name, method.ContainingType.Name, clash));
                else EntryPoints.Emit(w, d, entry, null);
            }
            string members = w.ToString().Trim().Length == 0 ? "" : w.ToString().TrimEnd() + "\n";
            MethodModel result = Model(d, members) with
            {
                VerifyId = VerifyId(node, method, model, ct),
                FunctionId = method.GetDocumentationCommentId(),
                OwnMono = multi,
            };
            return new MethodResult(result, diags.ToEquatableArray());
        }

        /// <summary>Dual types of the aggregates in the signature and body (made generic in the multi-tangent twin), longest first.</summary>
        private static List<string> AggregateNames(IMethodSymbol method, TwinBody? twin)
        {
            var set = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            Aggregates.Collect(method.ReturnType, set);
            foreach (IParameterSymbol p in method.Parameters) Aggregates.Collect(p.Type, set);
            var names = new HashSet<string>(set.Select(Aggregates.DualName));
            if (twin is not null) names.UnionWith(twin.AggregateNames);
            return names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
        }

        /// <summary>Emitted member text, whitespace normalized (helper twins and dual types, TwinWorld).</summary>
        internal static string Normalize(string memberText)
        {
            MemberDeclarationSyntax? member = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseMemberDeclaration(memberText);
            return member is null ? memberText : member.NormalizeWhitespace("    ", "\n").ToFullString();
        }

        internal static string Xml(string s) => Dual.Generators.Xml.Escape(s);

        /// <summary>Usings of the file (global usings apply to generated files by themselves).</summary>
        internal static EquatableArray<string> Usings(SyntaxNode node, CancellationToken ct)
        {
            var cu = (CompilationUnitSyntax)node.SyntaxTree.GetRoot(ct);
            return cu.Externs.Select(e => e.ToString().Trim())
                .Concat(cu.Usings.Where(u => !u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword)).Select(u => u.ToString().Trim()))
                .ToEquatableArray();
        }

        internal static EquatableArray<string> NamespaceUsings(SyntaxNode node) =>
            node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings).Select(u => u.ToString().Trim()).ToEquatableArray();

        /// <summary>The multi-tangent placeholder is declared when callers expect a multi-tangent twin.</summary>
        private static string? PlaceholderMulti(MethodDeclaration d, IMethodSymbol method, SemanticModel model, CancellationToken ct) =>
            d.SinglePrecision is { } p && MultiTangentEligibility.Of(method, model, ct) ? p : null;

        private static MethodModel Model(MethodDeclaration d, string members, bool needsConversions = false, bool grantsKernelRuntimeAccess = false) =>
            new(d.HintName, d.Namespace, d.Usings, d.NamespaceUsings, d.TypeHeaders.ToEquatableArray(), members, needsConversions, grantsKernelRuntimeAccess);

        /// <summary>
        /// The id by which DUAL014 finds the method, or <see langword="null"/> when the user's method does not compile
        /// itself: then the generator cannot judge its output (what is missing may come from elsewhere, e.g. another generator).
        /// </summary>
        private static string? VerifyId(MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, CancellationToken ct)
        {
            if (model.GetDiagnostics(node.Span, ct).Any(x => x.Severity == DiagnosticSeverity.Error)) return null;
            return method.GetDocumentationCommentId();
        }
    }
}
