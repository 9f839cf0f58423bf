namespace Dual.Generators
{
    /// <summary>How the twin runs a LINQ operator over floating values.</summary>
    internal enum LinqAccess
    {
        /// <summary>
        /// Generic over its element type (<c>Select</c>, <c>Where</c>, <c>OrderBy</c>, …): the same operator runs on dual
        /// elements, called with dual type arguments; lambdas are rewritten, orderings and predicates compare primal values.
        /// </summary>
        Generic,

        /// <summary>
        /// <c>Sum</c>, <c>Average</c>, <c>Min</c>, <c>Max</c> over <c>double</c>: the BCL has none over dual numbers, so the
        /// twin calls <c>Dual.CompilerServices.DualEnumerable</c>, which reproduces the BCL's values bit for bit.
        /// </summary>
        Aggregate,
    }

    /// <summary>
    /// The <c>System.Linq.Enumerable</c> operators the twin runs on sequences of dual numbers (docs/generator.md lists
    /// them). Overloads taking an <c>IComparer</c> or <c>IEqualityComparer</c> are absent (a user comparer sees dual
    /// values), and so are the equality-based operators (<c>Distinct</c>, <c>Contains</c>, …): <c>Dual&lt;T&gt;</c>
    /// equality also compares tangents. An operator not listed stays a diagnostic.
    /// </summary>
    internal static class LinqOperators
    {
        private static readonly Dictionary<string, LinqAccess> s_ops = new()
        {
            ["Select"] = LinqAccess.Generic,
            ["Where"] = LinqAccess.Generic,
            ["Zip"] = LinqAccess.Generic,
            ["Aggregate"] = LinqAccess.Generic,
            ["Range"] = LinqAccess.Generic,
            ["Repeat"] = LinqAccess.Generic,
            ["OrderBy"] = LinqAccess.Generic,
            ["OrderByDescending"] = LinqAccess.Generic,
            ["ThenBy"] = LinqAccess.Generic,
            ["ThenByDescending"] = LinqAccess.Generic,
            ["Order"] = LinqAccess.Generic,
            ["OrderDescending"] = LinqAccess.Generic,
            ["Reverse"] = LinqAccess.Generic,
            ["ToArray"] = LinqAccess.Generic,
            ["ToList"] = LinqAccess.Generic,
            ["First"] = LinqAccess.Generic,
            ["Last"] = LinqAccess.Generic,
            ["ElementAt"] = LinqAccess.Generic,
            ["Single"] = LinqAccess.Generic,
            ["Count"] = LinqAccess.Generic,
            ["LongCount"] = LinqAccess.Generic,
            ["Any"] = LinqAccess.Generic,
            ["All"] = LinqAccess.Generic,
            ["Skip"] = LinqAccess.Generic,
            ["Take"] = LinqAccess.Generic,
            ["SkipWhile"] = LinqAccess.Generic,
            ["TakeWhile"] = LinqAccess.Generic,
            ["Concat"] = LinqAccess.Generic,
            ["Append"] = LinqAccess.Generic,
            ["Prepend"] = LinqAccess.Generic,
            ["AsEnumerable"] = LinqAccess.Generic,
            ["Sum"] = LinqAccess.Aggregate,
            ["Average"] = LinqAccess.Aggregate,
            ["Min"] = LinqAccess.Aggregate,
            ["Max"] = LinqAccess.Aggregate,
        };

        /// <summary>The runtime class the twin calls for <see cref="LinqAccess.Aggregate"/> operators.</summary>
        public const string AggregateClass = "global::Dual.CompilerServices.DualEnumerable";

        /// <summary>The access of <paramref name="method"/>, or <see langword="null"/> when it is no listed LINQ operator.</summary>
        public static LinqAccess? Of(IMethodSymbol method)
        {
            if (PrimalOnlySinks.MetadataName(method.ContainingType?.OriginalDefinition) != "System.Linq.Enumerable") return null;
            foreach (IParameterSymbol p in method.Parameters)
            {
                string pt = PrimalOnlySinks.MetadataName(p.Type.OriginalDefinition);
                if (pt is "System.Collections.Generic.IComparer`1" or "System.Collections.Generic.IEqualityComparer`1") return null;
            }
            return s_ops.TryGetValue(method.Name, out LinqAccess a) ? a : null;
        }

        /// <summary>The operators as Markdown text (docs/generator.md carries the same text; a test compares them).</summary>
        public static string DocText() =>
            "LINQ operators: " + string.Join(", ", s_ops.Where(kv => kv.Value == LinqAccess.Generic).Select(kv => "`" + kv.Key + "`"))
            + "; aggregates: " + string.Join(", ", s_ops.Where(kv => kv.Value == LinqAccess.Aggregate).Select(kv => "`" + kv.Key + "`")) + ".";
    }
}
