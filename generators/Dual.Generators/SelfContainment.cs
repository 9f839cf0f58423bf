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
    /// compiled elsewhere, whose twin is not seen here. <see cref="OwnBody"/> looks for those in one function's own
    /// declaration (its lambdas and local functions included), as the per-method step sees it; the twinned functions it
    /// calls (other [Differentiable] methods, helpers) are its callees, and <see cref="Closure"/> decides in the
    /// compilation-wide step (<see cref="TwinWorld"/>), like the multi-tangent twin: a twin is self-contained when its own
    /// body is and every twinned function it calls is. Framework methods (System.*, Microsoft.*) are not generic math
    /// (<see cref="DualFlow"/> classifies them by its tables) and take no user state. Methods called with no dual value
    /// (left as written) run on plain values and return them: they cannot carry an outer perturbation in.
    /// </remarks>
    internal static class SelfContainment
    {
        /// <summary>Whether <paramref name="function"/>'s own declaration makes no call that could bring in a foreign dual.</summary>
        public static bool OwnBody(IMethodSymbol function, SyntaxNode declaration, SemanticModel model, CancellationToken ct)
        {
            if (function.IsGenericMethod || IsGenericType(function.ContainingType)) return false;
            foreach (SyntaxNode n in declaration.DescendantNodes())
            {
                if (n is not ExpressionSyntax e) continue;
                foreach (IMethodSymbol m in Methods(model.GetSymbolInfo(e, ct).Symbol))
                {
                    if (!Allows(m, model.Compilation)) return false;
                }
            }
            return true;
        }

        /// <summary>
        /// The self-contained functions: the greatest fixed point of "its own body is, and every twinned function it calls
        /// is" (a cycle does not forbid it; a callee the step does not know does).
        /// </summary>
        public static HashSet<string> Closure(IEnumerable<(string Id, bool Own, IReadOnlyCollection<string> Callees)> functions)
        {
            var list = functions.ToList();
            var contained = new HashSet<string>(list.Where(f => f.Own).Select(f => f.Id), StringComparer.Ordinal);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach ((string id, _, IReadOnlyCollection<string> callees) in list)
                {
                    if (contained.Contains(id) && callees.Any(c => !contained.Contains(c)))
                    {
                        contained.Remove(id);
                        changed = true;
                    }
                }
            }
            return contained;
        }

        /// <summary>Whether a method called in the body keeps the twin self-contained.</summary>
        private static bool Allows(IMethodSymbol m, Compilation compilation)
        {
            if (IsFramework(m)) return true;
            if (m.IsGenericMethod && m.TypeArguments.Any(t => TypeMap.ContainsFloating(t))) return false;
            if (m.ContainingType is { } owner && ConstructedOverFloating(owner)) return false;
            // A [Differentiable] method compiled elsewhere: its twin is not analysed here.
            return !KnownNames.IsDifferentiable(m) || m.DeclaringSyntaxReferences.Any(r => compilation.ContainsSyntaxTree(r.SyntaxTree));
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
