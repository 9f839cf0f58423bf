namespace Dual.Generators
{
    /// <summary>Where the twin of a function lives.</summary>
    internal enum PlaceKind
    {
        /// <summary>In the function's own (partial) type, beside it: calls resolve to it by overload resolution.</summary>
        InType,

        /// <summary>In the static class <c>TDual</c> beside a type <c>T</c> that is not partial (instance methods take the receiver first).</summary>
        Companion,

        /// <summary>In the dual type of an aggregate (instance members run on the dual receiver).</summary>
        Aggregate,
    }

    /// <summary>The place of one function's twin, decided from its declaration alone (callers and the twin agree).</summary>
    internal sealed class TwinPlace(PlaceKind kind, INamedTypeSymbol original, string ownerFq, Placement? placement, bool receiver)
    {
        public PlaceKind Kind { get; } = kind;

        /// <summary>The type that declares the original function.</summary>
        public INamedTypeSymbol Original { get; } = original;

        /// <summary>Fully qualified name of the type that declares the twin.</summary>
        public string OwnerFq { get; } = ownerFq;

        /// <summary>Placement of the companion or dual type (<see langword="null"/> for <see cref="PlaceKind.InType"/>).</summary>
        public Placement? Placement { get; } = placement;

        /// <summary>A companion twin of an instance method: static, the receiver passed first as <c>__self</c>.</summary>
        public bool Receiver { get; } = receiver;

        /// <summary>Whether the twin's body runs outside the original type, so names bound to its members must be qualified.</summary>
        public bool Relocated => Kind != PlaceKind.InType;

        /// <summary>Whether <c>this</c> is a dual value in the twin (members of an aggregate).</summary>
        public bool DualThis => Kind == PlaceKind.Aggregate;

        /// <summary>The place of a [Differentiable] method's own twin.</summary>
        public static TwinPlace Differentiable(IMethodSymbol method) =>
            new(PlaceKind.InType, method.ContainingType, method.ContainingType.ToDisplayString(TypeMap.Fq), null, false);
    }

    /// <summary>
    /// Helpers without the attribute: a method, property, constructor or operator of this compilation that a twin
    /// calls with a value carrying a derivative is differentiated too (transitively, as Clad does), analysed with the
    /// same rules as a [Differentiable] method. Calls whose body is not available and that have no rule stay DUAL001.
    /// </summary>
    internal static class HelperTwins
    {
        /// <summary>The declared function behind a call (the static form of an extension method, the definition of a partial one).</summary>
        public static IMethodSymbol Target(IMethodSymbol m)
        {
            IMethodSymbol t = m.ReducedFrom ?? m;
            return t.PartialImplementationPart ?? t;
        }

        /// <summary>The id under which a twin is requested: a property for its accessors, otherwise the function itself.</summary>
        public static string RequestId(IMethodSymbol m)
        {
            IMethodSymbol t = Target(m);
            ISymbol s = t.AssociatedSymbol is IPropertySymbol p ? p : t;
            return s.GetDocumentationCommentId() ?? "";
        }

        /// <summary>
        /// Why <paramref name="m"/> cannot get a helper twin (<see langword="null"/>: it can). The reason completes
        /// "'M' …" in a DUAL001 message.
        /// </summary>
        public static string? WhyNot(IMethodSymbol m)
        {
            IMethodSymbol t = Target(m);
            if (t.DeclaringSyntaxReferences.Length == 0 || !t.Locations.Any(l => l.IsInSource))
            {
                return NotInSource;
            }
            if (t.ContainingType is null) return "is not declared in a type";
            for (INamedTypeSymbol? c = t.ContainingType; c is not null; c = c.ContainingType)
            {
                if (c.IsGenericType) return "is a member of the generic type '" + c.Name + "', which is not differentiated";
            }
            if (t.ContainingType.TypeKind == TypeKind.Interface) return "is an interface member, so the body that runs is chosen at run time";
            if (t.IsAbstract || t.IsVirtual || t.IsOverride) return "is virtual (or abstract, or an override), so the body that runs is chosen at run time";
            if (t.IsExtern) return "is extern, so its body is not available";
            if (t.IsGenericMethod) return "is generic but not generic math over its floating arguments";
            if (t.IsAsync) return "is async";
            if (t.ReturnsByRef || t.ReturnsByRefReadonly) return "returns by reference";
            switch (t.MethodKind)
            {
                case MethodKind.Ordinary:
                    break;
                case MethodKind.PropertyGet or MethodKind.PropertySet:
                    if (t.AssociatedSymbol is IPropertySymbol { IsIndexer: true }) return "is an indexer, which is not differentiated";
                    if (!Aggregates.IsAggregate(t.ContainingType)) return "is a property of '" + t.ContainingType.Name + "', which is not differentiated";
                    break;
                case MethodKind.Constructor or MethodKind.UserDefinedOperator:
                    if (!Aggregates.IsAggregate(t.ContainingType)) return "belongs to '" + t.ContainingType.Name + "', a type that is not differentiated";
                    break;
                default:
                    return "is a " + t.MethodKind.ToString().ToLowerInvariant() + ", which is not differentiated";
            }
            if (Body(t) is null) return "has no body";
            if (!t.ReturnsVoid && t.MethodKind != MethodKind.Constructor)
            {
                TypeMap.Map(t.ReturnType, out bool bad);
                if (bad || TypeMap.IsFloatingDelegate(t.ReturnType)) return "returns '" + TypeMap.Text(t.ReturnType) + "', which has no dual counterpart (" + TypeMap.FixFor(t.ReturnType) + ")";
            }
            foreach (IParameterSymbol p in t.Parameters)
            {
                TypeMap.Map(p.Type, out bool bad);
                if (bad) return "takes '" + p.Name + "' as '" + TypeMap.Text(p.Type) + "', which has no dual counterpart (" + TypeMap.FixFor(p.Type) + ")";
            }
            if (!t.IsStatic && !Aggregates.IsAggregate(t.ContainingType) && !Placement.IsPartialAllTheWayOut(t.ContainingType) && t.ContainingType.TypeKind != TypeKind.Class)
            {
                return "is an instance method of the struct '" + t.ContainingType.Name + "', which is not partial; declare it partial (its twin then goes beside the method)";
            }
            return null;
        }

        /// <summary>The reason given for a floating-valued function whose source is not in this compilation.</summary>
        public const string NotInSource = "returns a floating value but is not [Differentiable], not generic math, not a supported Math function and has no [DerivativeOf] rule";

        /// <summary>Where the twin of <paramref name="m"/> is declared.</summary>
        public static TwinPlace Place(IMethodSymbol m)
        {
            IMethodSymbol t = Target(m);
            INamedTypeSymbol type = t.ContainingType;
            if (Aggregates.Of(type) is { IsValid: true } agg) return new TwinPlace(PlaceKind.Aggregate, type, agg.Place.Fq, agg.Place, false);
            if (Placement.IsPartialAllTheWayOut(type)) return new TwinPlace(PlaceKind.InType, type, type.ToDisplayString(TypeMap.Fq), null, false);
            Placement place = Placement.Of(type);
            return new TwinPlace(PlaceKind.Companion, type, place.Fq, place, !t.IsStatic);
        }

        /// <summary>
        /// The syntax holding the function's body: a method, constructor, operator or accessor declaration, or the
        /// arrow clause of an expression-bodied property; <see langword="null"/> when there is none (auto-accessors).
        /// </summary>
        public static SyntaxNode? Body(IMethodSymbol t)
        {
            foreach (SyntaxReference r in t.DeclaringSyntaxReferences)
            {
                switch (r.GetSyntax())
                {
                    case BaseMethodDeclarationSyntax b when b.Body is not null || b.ExpressionBody is not null:
                        return b;
                    case AccessorDeclarationSyntax a when a.Body is not null || a.ExpressionBody is not null:
                        return a;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow;
                }
            }
            return null;
        }
    }
}
