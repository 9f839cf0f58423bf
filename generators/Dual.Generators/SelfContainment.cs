namespace Dual.Generators
{
    /// <summary>
    /// Whether a method's twin can see no dual value but those its entry points seed: then its twin struct is marked
    /// <c>ISelfContainedTwin</c>, and the runtime makes the entry points' single passes without the nesting guard (an
    /// outer differentiation's perturbation cannot reach the pass, so there is no perturbation confusion to refuse).
    /// </summary>
    /// <remarks>
    /// Rewritten code cannot name a dual type: every dual in it descends from the twin's parameters, and everything else
    /// it reads (fields, constants, data) is plain floating data. Dual values of another origin can enter only through
    /// code that runs at a dual type without being rewritten: a generic method called with floating type arguments
    /// (generic math, run at the dual type; it may read a static field typed by its type parameter that an outer
    /// differentiation wrote), a member of a generic type constructed over a floating type, or a [Differentiable] method
    /// compiled elsewhere, whose twin is not seen here. The walk follows every method of this compilation the method
    /// reaches (callees, helpers, operators, accessors, local functions and lambdas are in its syntax) and refuses on the
    /// first such call; framework methods (System.*, Microsoft.*) are not generic math (<see cref="DualFlow"/> classifies
    /// them by its tables) and take no user state. Computed from each method's syntax and semantics alone, like
    /// <see cref="MultiTangentEligibility"/>.
    /// </remarks>
    internal static class SelfContainment
    {
        private const int MaxMethods = 64;

        public static bool Of(IMethodSymbol method, SemanticModel model, CancellationToken ct) =>
            Of(method, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ct);

        private static bool Of(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visiting, CancellationToken ct)
        {
            method = method.OriginalDefinition;
            if (!visiting.Add(method)) return true;
            if (visiting.Count > MaxMethods || method.IsGenericMethod || IsGenericType(method.ContainingType)) return false;
            Compilation compilation = model.Compilation;
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode decl = reference.GetSyntax(ct);
                if (!compilation.ContainsSyntaxTree(decl.SyntaxTree)) return false;
                SemanticModel sm = decl.SyntaxTree == model.SyntaxTree ? model : compilation.GetSemanticModel(decl.SyntaxTree);
                foreach (SyntaxNode n in decl.DescendantNodes())
                {
                    if (n is not ExpressionSyntax e) continue;
                    foreach (IMethodSymbol m in Methods(sm.GetSymbolInfo(e, ct).Symbol))
                    {
                        if (!Allows(m, model, visiting, ct)) return false;
                    }
                }
            }
            return true;
        }

        /// <summary>Whether a method the walk reaches keeps the twin self-contained.</summary>
        private static bool Allows(IMethodSymbol m, SemanticModel model, HashSet<IMethodSymbol> visiting, CancellationToken ct)
        {
            if (IsFramework(m)) return true;
            if (m.IsGenericMethod && m.TypeArguments.Any(t => TypeMap.ContainsFloating(t))) return false;
            if (m.ContainingType is { } owner && ConstructedOverFloating(owner)) return false;
            if (m.DeclaringSyntaxReferences.Length > 0 && m.MethodKind != MethodKind.LambdaMethod)
            {
                return Of(m, model, visiting, ct);
            }
            // Compiled elsewhere: a [Differentiable] method's twin is not seen here.
            return !KnownNames.IsDifferentiable(m);
        }

        private static IEnumerable<IMethodSymbol> Methods(ISymbol? symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol m:
                    yield return m;
                    break;
                case IPropertySymbol p:
                    if (p.GetMethod is { } get) yield return get;
                    if (p.SetMethod is { } set) yield return set;
                    break;
                case IEventSymbol ev:
                    if (ev.AddMethod is { } add) yield return add;
                    if (ev.RemoveMethod is { } remove) yield return remove;
                    break;
            }
        }

        private static bool IsGenericType(INamedTypeSymbol? t)
        {
            for (; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType) return true;
            }
            return false;
        }

        private static bool ConstructedOverFloating(INamedTypeSymbol t)
        {
            for (INamedTypeSymbol? c = t; c is not null; c = c.ContainingType)
            {
                if (c.TypeArguments.Any(a => TypeMap.ContainsFloating(a))) return true;
            }
            return false;
        }

        private static bool IsFramework(ISymbol s)
        {
            string ns = s.ContainingNamespace?.ToDisplayString() ?? "";
            return ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal);
        }
    }
}
