namespace Dual.Generators
{
    /// <summary>Checks every [DerivativeOf] rule: the target must exist and the signature must follow the convention.</summary>
    internal static class RuleValidator
    {
        public static EquatableArray<DiagnosticInfo> ValidateSafe(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            try
            {
                return Validate(ctx, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new[] { DiagnosticInfo.Create(Diagnostics.InternalError, ctx.TargetNode.GetLocation(), ctx.TargetSymbol.Name, ex.GetType().Name + ": " + ex.Message) }.ToEquatableArray();
            }
        }

        private static EquatableArray<DiagnosticInfo> Validate(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var result = new List<DiagnosticInfo>();
            if (ctx.TargetSymbol is not IMethodSymbol rule) return EquatableArray<DiagnosticInfo>.Empty;
            foreach (AttributeData attr in ctx.Attributes)
            {
                ct.ThrowIfCancellationRequested();
                Location? at = attr.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? ctx.TargetNode.GetLocation();
                (string? name, INamedTypeSymbol? type) = RuleCheck.Target(attr, rule);
                if (name is null || type is null)
                {
                    result.Add(DiagnosticInfo.Create(Diagnostics.RuleUnknownTarget, at, name ?? "(null)", type?.ToDisplayString() ?? "(unknown type)"));
                    continue;
                }
                var candidates = type.GetMembers(name).OfType<IMethodSymbol>()
                    .Where(m => !SymbolEqualityComparer.Default.Equals(m, rule) && m.MethodKind == MethodKind.Ordinary).ToList();
                if (candidates.Count == 0)
                {
                    result.Add(DiagnosticInfo.Create(Diagnostics.RuleUnknownTarget, at, name, type.ToDisplayString()));
                    continue;
                }
                string? firstProblem = null;
                bool ok = false;
                foreach (IMethodSymbol c in candidates)
                {
                    if (RuleCheck.SignatureOk(rule, c, out string? problem)) { ok = true; break; }
                    firstProblem ??= problem;
                }
                if (!ok)
                {
                    result.Add(DiagnosticInfo.Create(Diagnostics.RuleBadSignature, at, rule.Name, candidates[0].ToDisplayString(), firstProblem ?? "signature mismatch"));
                }
            }
            return result.ToEquatableArray();
        }
    }
}
