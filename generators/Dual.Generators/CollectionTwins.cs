namespace Dual.Generators
{
    /// <summary>
    /// The generic collections whose twin is the same collection of dual elements: a <c>List&lt;double&gt;</c> is a
    /// <c>List&lt;Dual&lt;double&gt;&gt;</c> in the twin, an <c>IReadOnlyList&lt;(double X, double Y)&gt;</c> an
    /// <c>IReadOnlyList&lt;(Dual&lt;double&gt; X, Dual&lt;double&gt; Y)&gt;</c>. Their element operations are listed in
    /// <see cref="ContainerOps"/> like those of arrays; dictionaries, sets and queues are not mapped (DUAL006).
    /// </summary>
    internal static class CollectionTwins
    {
        /// <summary>Metadata names of the mapped generic definitions (one type argument, the element).</summary>
        private static readonly HashSet<string> s_types = new()
        {
            "System.Collections.Generic.List`1",
            "System.Collections.Generic.IList`1",
            "System.Collections.Generic.IReadOnlyList`1",
            "System.Collections.Generic.ICollection`1",
            "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.IEnumerable`1",
            "System.Linq.IOrderedEnumerable`1", // OrderBy over floating keys (LinqOperators)
        };

        /// <summary>Whether <paramref name="t"/> is one of the mapped collection types (whatever its element).</summary>
        public static bool IsCollection(ITypeSymbol? t) =>
            t is INamedTypeSymbol { Arity: 1 } n && s_types.Contains(PrimalOnlySinks.MetadataName(n.OriginalDefinition));

        /// <summary>The element type of a mapped collection type, or <see langword="null"/>.</summary>
        public static ITypeSymbol? ElementOf(ITypeSymbol? t) => IsCollection(t) ? ((INamedTypeSymbol)t!).TypeArguments[0] : null;

        /// <summary>The twin's type: the same collection of <paramref name="mappedElement"/>.</summary>
        public static string Map(INamedTypeSymbol collection, string mappedElement) =>
            "global::" + collection.ContainingNamespace.ToDisplayString() + "." + collection.Name + "<" + mappedElement + ">";
    }
}
