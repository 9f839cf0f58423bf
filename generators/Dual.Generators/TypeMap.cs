namespace Dual.Generators
{
    /// <summary>Maps floating types (double, float, and arrays/spans/tuples of them) to their dual counterparts.</summary>
    internal static class TypeMap
    {
        public const string DualDouble = KnownNames.DualDouble;
        public const string DualSingle = KnownNames.DualSingle;

        public static readonly SymbolDisplayFormat Fq = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static bool IsFloating(ITypeSymbol? t) => t is not null && (t.SpecialType == SpecialType.System_Double || t.SpecialType == SpecialType.System_Single);

        /// <summary>The floating type P of <c>P?</c> (<c>double?</c>, <c>float?</c>), else <see langword="null"/>.</summary>
        public static ITypeSymbol? NullableFloating(ITypeSymbol? t) =>
            t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n && IsFloating(n.TypeArguments[0]) ? n.TypeArguments[0] : null;

        public static string Keyword(ITypeSymbol t) => t.SpecialType == SpecialType.System_Single ? "float" : "double";

        public static string DualOf(ITypeSymbol t) => t.SpecialType == SpecialType.System_Single ? DualSingle : DualDouble;

        public static bool IsIntegral(ITypeSymbol? t) => t is not null && t.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
            SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
            SpecialType.System_Char or SpecialType.System_IntPtr or SpecialType.System_UIntPtr => true,
            _ => false,
        };

        /// <summary>Whether <paramref name="t"/> mentions double or float anywhere (user aggregates included).</summary>
        public static bool ContainsFloating(ITypeSymbol? t, int depth = 0)
        {
            if (t is null || depth > 16) return false;
            if (IsFloating(t)) return true;
            switch (t)
            {
                case IArrayTypeSymbol a: return ContainsFloating(a.ElementType, depth + 1);
                case IPointerTypeSymbol p: return ContainsFloating(p.PointedAtType, depth + 1);
                case INamedTypeSymbol n when NumericsTwins.IsNumerics(n): return true;
                case INamedTypeSymbol n when n.IsGenericType:
                    return n.TypeArguments.Any(x => ContainsFloating(x, depth + 1));
                case INamedTypeSymbol n when Aggregates.IsAggregate(n):
                    return true;
                default: return false;
            }
        }

        /// <summary>Collects the floating special types mentioned by <paramref name="t"/>.</summary>
        public static void CollectPrecisions(ITypeSymbol? t, HashSet<SpecialType> into, int depth = 0)
        {
            if (t is null || depth > 16) return;
            if (IsFloating(t)) { into.Add(t.SpecialType); return; }
            switch (t)
            {
                case IArrayTypeSymbol a: CollectPrecisions(a.ElementType, into, depth + 1); break;
                case INamedTypeSymbol n when NumericsTwins.IsNumerics(n): into.Add(SpecialType.System_Single); break;
                case INamedTypeSymbol n when n.IsGenericType:
                    foreach (ITypeSymbol x in n.TypeArguments) CollectPrecisions(x, into, depth + 1);
                    break;
                case INamedTypeSymbol n when Aggregates.Of(n) is { IsValid: true } agg:
                    foreach (AggregateMember m in agg.Members) CollectPrecisions(m.Type, into, depth + 1);
                    foreach (IParameterSymbol p in agg.Positional ?? new List<IParameterSymbol>()) CollectPrecisions(p.Type, into, depth + 1);
                    break;
            }
        }

        /// <summary>
        /// The dual type for <paramref name="t"/>, <see langword="null"/> when it contains no floating type, and
        /// <paramref name="unsupported"/> set when it contains one in a shape the generator cannot map.
        /// </summary>
        public static string? Map(ITypeSymbol t, out bool unsupported)
        {
            unsupported = false;
            if (!ContainsFloating(t)) return null;
            string? r = MapCore(t, 0);
            unsupported = r is null;
            return r;
        }

        private static string? MapCore(ITypeSymbol t, int depth)
        {
            if (depth > 16) return null;
            if (IsFloating(t)) return DualOf(t);
            if (!ContainsFloating(t)) return t.ToDisplayString(Fq);
            switch (t)
            {
                case IArrayTypeSymbol a:
                {
                    string? inner = MapCore(a.ElementType, depth + 1);
                    if (inner is null) return null;
                    // Jagged arrays: the rank specifier of the outer array goes first in C# syntax.
                    string rank = "[" + new string(',', a.Rank - 1) + "]";
                    int firstBracket = inner.IndexOf('[');
                    return a.ElementType is IArrayTypeSymbol && firstBracket >= 0
                        ? inner.Substring(0, firstBracket) + rank + inner.Substring(firstBracket)
                        : inner + rank;
                }
                case INamedTypeSymbol n when n.IsTupleType:
                {
                    var parts = new List<string>();
                    for (int i = 0; i < n.TupleElements.Length; i++)
                    {
                        IFieldSymbol e = n.TupleElements[i];
                        string? mapped = MapCore(e.Type, depth + 1);
                        if (mapped is null) return null;
                        bool named = e.Name != "Item" + (i + 1) && !string.IsNullOrEmpty(e.Name);
                        parts.Add(named ? mapped + " " + e.Name : mapped);
                    }
                    return "(" + string.Join(", ", parts) + ")";
                }
                case INamedTypeSymbol n when NullableFloating(n) is { } inner:
                    // double? is Dual<double>? in the twin: null stays null, a value carries its tangent.
                    return DualOf(inner) + "?";
                case INamedTypeSymbol n when n.TypeArguments.Length == 1 && IsSpan(n):
                {
                    string? inner = MapCore(n.TypeArguments[0], depth + 1);
                    return inner is null ? null : "global::System." + n.Name + "<" + inner + ">";
                }
                case INamedTypeSymbol n when NumericsTwins.IsNumerics(n):
                    return NumericsTwins.Map(n);
                case INamedTypeSymbol n when CollectionTwins.IsCollection(n):
                {
                    string? inner = MapCore(n.TypeArguments[0], depth + 1);
                    return inner is null ? null : CollectionTwins.Map(n, inner);
                }
                case INamedTypeSymbol n when Aggregates.Of(n) is { IsValid: true } agg:
                    return agg.Place.Fq;
                case INamedTypeSymbol n when IsFuncOrAction(n):
                {
                    // A lambda in the twin is rewritten like any other code: Func<double, double> becomes Func<Dual<double>, Dual<double>>.
                    var args = new List<string>();
                    foreach (ITypeSymbol a in n.TypeArguments)
                    {
                        string? mapped = MapCore(a, depth + 1);
                        if (mapped is null) return null;
                        args.Add(mapped);
                    }
                    return "global::System." + n.Name + "<" + string.Join(", ", args) + ">";
                }
                default:
                    return null;
            }
        }

        /// <summary>A type as C# code shows it in a message (without nullable annotations of reference types).</summary>
        public static string Text(ITypeSymbol? t) => t is null ? "?" : t.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString();

        /// <summary>The fix to suggest for a floating type the generator cannot map (DUAL006).</summary>
        public static string FixFor(ITypeSymbol t)
        {
            string name = PrimalOnlySinks.MetadataName(t.OriginalDefinition);
            if (t is INamedTypeSymbol { TypeKind: TypeKind.Delegate })
            {
                return "only a System.Func/Action lambda written in the differentiated code (or a parameter of a helper without [Differentiable] that receives one) carries derivatives; call a local function or a [Differentiable] method directly";
            }
            if (t.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return "only double? and float? are mapped (to Dual<double>? and Dual<float>?); use those, or a separate bool for 'no value'";
            }
            if (t is IPointerTypeSymbol) return "use an array or a Span instead of a pointer";
            if (name.StartsWith("System.Collections.", System.StringComparison.Ordinal) || name.StartsWith("System.Linq.", System.StringComparison.Ordinal))
            {
                return "use a List<T>/IList<T>/IReadOnlyList<T>/IEnumerable<T>, an array (double[]) or a Span<double> instead; dictionaries, sets, queues and non-generic collections cannot carry derivatives";
            }
            if (name is "System.Memory`1" or "System.ReadOnlyMemory`1") return "use a Span<T>/ReadOnlySpan<T> or an array instead";
            if (Aggregates.Of(t) is { Why: { } why })
            {
                return why;
            }
            if (t is INamedTypeSymbol { IsGenericType: true } && t.Locations.Any(l => l.IsInSource))
            {
                return "generic user types are not differentiated; pass their floating members as double/float values, arrays or tuples";
            }
            return "use double/float, arrays, Span/ReadOnlySpan or tuples of them";
        }

        /// <summary>Whether <paramref name="t"/> is an array, span or mapped collection (<see cref="CollectionTwins"/>) whose elements are (or contain) floating values.</summary>
        public static bool IsFloatingContainer(ITypeSymbol? t) =>
            t is IArrayTypeSymbol a ? ContainsFloating(a.ElementType)
            : t is INamedTypeSymbol n && (IsSpan(n) || CollectionTwins.IsCollection(n)) && ContainsFloating(n.TypeArguments[0]);

        /// <summary>Whether <paramref name="t"/> is System.Func or System.Action with type arguments (the delegates the twin rewrites to dual ones).</summary>
        public static bool IsFuncOrAction(ITypeSymbol? t) =>
            t is INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsGenericType: true } n && (n.Name == "Func" || n.Name == "Action")
            && n.ContainingNamespace?.ToDisplayString() == "System";

        /// <summary>A delegate type whose signature mentions floating values (a lambda of it computes with derivatives in the twin).</summary>
        public static bool IsFloatingDelegate(ITypeSymbol? t) => t is INamedTypeSymbol { TypeKind: TypeKind.Delegate } && ContainsFloating(t);

        public static bool IsSpan(INamedTypeSymbol n) =>
            (n.Name == "Span" || n.Name == "ReadOnlySpan") && n.ContainingNamespace?.ToDisplayString() == "System" && n.Arity == 1;

        public static bool IsSpanOrArrayOf(ITypeSymbol t, SpecialType element, bool readOnlyAllowed = true) => t switch
        {
            IArrayTypeSymbol a => a.Rank == 1 && a.ElementType.SpecialType == element,
            INamedTypeSymbol n when IsSpan(n) => n.TypeArguments[0].SpecialType == element && (readOnlyAllowed || n.Name == "Span"),
            _ => false,
        };

        public static bool HasAttribute(ISymbol symbol, string fullName) => KnownNames.Has(symbol, fullName);
    }
}
