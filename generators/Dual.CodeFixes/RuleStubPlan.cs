namespace Dual.CodeFixes
{
    /// <summary>
    /// Where and for what a rule stub is written, re-derived from a DUAL001 diagnostic's location and the semantic
    /// model (the diagnostic carries no properties): the called method, and the member after which the stub goes.
    /// </summary>
    /// <param name="Document">The document that receives the stub (the one with the call).</param>
    /// <param name="Model">The semantic model of <paramref name="Document"/>, for names as they read at the stub.</param>
    /// <param name="Target">The called method that has no derivative.</param>
    /// <param name="Destination">The type that declares the method containing the call: the generator looks for rules there.</param>
    /// <param name="Anchor">The member of <paramref name="Destination"/> after which the stub is inserted (see <see cref="AfterRules"/>).</param>
    internal sealed record RuleStubPlan(Document Document, SemanticModel Model, IMethodSymbol Target, INamedTypeSymbol Destination, MemberDeclarationSyntax Anchor)
    {

        /// <summary>The position at which names in the stub are bound.</summary>
        public int Position => Anchor.SpanStart;

        /// <summary>
        /// The plan for <paramref name="diagnostic"/>, or <see langword="null"/> where no stub can help: the call is not to a
        /// method a rule can cover (instance, generic, ref/out, delegate, mixed precision), or a rule for it already exists.
        /// </summary>
        public static async Task<RuleStubPlan?> CreateAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
        {
            // The generator reports with Location.Create(path, span, lines) (its pipeline must not hold syntax trees), an
            // external-file location: its span is still the call's span in this document.
            if (diagnostic.Location.Kind is not (LocationKind.SourceFile or LocationKind.ExternalFile)) return null;
            SyntaxNode? root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (root is null || model is null) return null;
            TextSpan span = diagnostic.Location.SourceSpan;
            if (span.End > root.FullSpan.End) return null;

            InvocationExpressionSyntax? call = root.FindNode(span, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == span);
            if (call is null) return null;
            if (model.GetSymbolInfo(call, ct).Symbol is not IMethodSymbol target || !RuleConvention.CanHaveRule(target)) return null;

            MemberDeclarationSyntax? caller = call.Ancestors().OfType<MemberDeclarationSyntax>()
                .FirstOrDefault(m => m.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);
            if (caller?.Parent is not TypeDeclarationSyntax type || model.GetDeclaredSymbol(type, ct) is not INamedTypeSymbol destination) return null;

            // A stub (or a finished rule) already exists: the diagnostic is from an earlier run of the generator, or the
            // rule is rejected for its own reason (DUAL007/DUAL008 at the rule); a second stub would not help.
            if (RuleConvention.HasRule(destination, target) || RuleConvention.HasRule(target.ContainingType, target)) return null;

            return new RuleStubPlan(document, model, target, destination, AfterRules(type, caller, model, ct));
        }

        /// <summary>
        /// The caller, or the last of the [DerivativeOf] rules that already follow it: stubs line up after the method in
        /// the order they were added, whether one at a time or all at once.
        /// </summary>
        private static MemberDeclarationSyntax AfterRules(TypeDeclarationSyntax type, MemberDeclarationSyntax caller, SemanticModel model, CancellationToken ct)
        {
            MemberDeclarationSyntax anchor = caller;
            for (int i = type.Members.IndexOf(caller) + 1; i < type.Members.Count; i++)
            {
                if (type.Members[i] is not MethodDeclarationSyntax method || model.GetDeclaredSymbol(method, ct) is not IMethodSymbol symbol
                    || !symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == RuleConvention.DerivativeOfAttribute))
                {
                    break;
                }
                anchor = method;
            }
            return anchor;
        }
    }
}
