namespace Dual.Generators
{
    /// <summary>
    /// Whether a multi-tangent twin is emitted for a method: one floating precision throughout, and the same holds for
    /// every [Differentiable] method it calls. Computed from syntax and semantics of each method alone, so that a
    /// caller's prediction always agrees with the callee's own decision.
    /// </summary>
    internal static class MultiTangentEligibility
    {
        public static bool Of(IMethodSymbol method, SemanticModel model, CancellationToken ct) =>
            Of(method, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ct);

        private static bool Of(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visiting, CancellationToken ct)
        {
            if (!visiting.Add(method)) return true;
            if (!MethodDeclaration.OptionOf(method, "MultiTangent", true)) return false;
            if (visiting.Count > 64) return false;
            if (method.IsGenericMethod) return GenericMathMethods.RunsMultiTangent(method, model.Compilation);
            if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not MethodDeclarationSyntax decl) return false;
            Compilation compilation = model.Compilation;
            if (!compilation.ContainsSyntaxTree(decl.SyntaxTree)) return false;
            SemanticModel sm = decl.SyntaxTree == model.SyntaxTree ? model : compilation.GetSemanticModel(decl.SyntaxTree);
            var precisions = new HashSet<SpecialType>();
            TypeMap.CollectPrecisions(method.ReturnType, precisions);
            foreach (IParameterSymbol p in method.Parameters) TypeMap.CollectPrecisions(p.Type, precisions);
            SyntaxNode? body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
            if (body is null) return false;
            var callees = new List<IMethodSymbol>();
            foreach (SyntaxNode n in body.DescendantNodesAndSelf())
            {
                if (n is ExpressionSyntax e)
                {
                    TypeInfo ti = sm.GetTypeInfo(e, ct);
                    TypeMap.CollectPrecisions(ti.Type, precisions);
                    TypeMap.CollectPrecisions(ti.ConvertedType, precisions);
                    if (e is InvocationExpressionSyntax && sm.GetSymbolInfo(e, ct).Symbol is IMethodSymbol m
                        && TypeMap.HasAttribute(m.OriginalDefinition, KnownNames.DifferentiableAttribute))
                    {
                        callees.Add(m.OriginalDefinition);
                    }
                }
            }
            if (precisions.Count != 1) return false;
            foreach (IMethodSymbol c in callees)
            {
                if (!Of(c, model, visiting, ct)) return false;
            }
            return true;
        }
    }
}
