namespace Dual.Generators
{
    /// <summary>What a container method does with the elements of an array or span.</summary>
    internal enum ContainerAccess
    {
        /// <summary>Reads only the shape (<c>Length</c>, <c>Rank</c>, <c>GetLength</c>): any container, dual or not.</summary>
        Shape,

        /// <summary>
        /// Moves, fills, clears, slices or reorders elements without arithmetic on them (ordering compares the primal
        /// value, as <c>Dual&lt;T&gt;.CompareTo</c> does). In the twin it acts on dual elements, so every container
        /// taking part must be dual there; a primal (constant) container receiving a dual value is an error.
        /// </summary>
        Elements,

        /// <summary>Creates a container of the type argument (<c>Array.Empty&lt;double&gt;()</c>): in the twin, a dual one.</summary>
        Create,
    }

    /// <summary>
    /// The in-place array/span/collection family that acts on dual elements when both sides are dual in the twin
    /// (docs/generator.md lists it). Methods comparing elements for equality (<c>IndexOf</c>, <c>Contains</c>,
    /// <c>SequenceEqual</c>) are absent on purpose: <c>Dual&lt;T&gt;</c> equality also compares tangents.
    /// </summary>
    internal static class ContainerOps
    {
        private static readonly Dictionary<(string Type, string Member), ContainerAccess> s_ops = new()
        {
            [("System.Span`1", "Fill")] = ContainerAccess.Elements,
            [("System.Span`1", "Clear")] = ContainerAccess.Elements,
            [("System.Span`1", "CopyTo")] = ContainerAccess.Elements,
            [("System.Span`1", "TryCopyTo")] = ContainerAccess.Elements,
            [("System.Span`1", "Slice")] = ContainerAccess.Elements,
            [("System.Span`1", "ToArray")] = ContainerAccess.Elements,
            [("System.Span`1", "get_Length")] = ContainerAccess.Shape,
            [("System.Span`1", "get_IsEmpty")] = ContainerAccess.Shape,
            [("System.Span`1", "get_Item")] = ContainerAccess.Elements,
            [("System.Span`1", "GetEnumerator")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "CopyTo")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "TryCopyTo")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "Slice")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "ToArray")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "get_Length")] = ContainerAccess.Shape,
            [("System.ReadOnlySpan`1", "get_IsEmpty")] = ContainerAccess.Shape,
            [("System.ReadOnlySpan`1", "get_Item")] = ContainerAccess.Elements,
            [("System.ReadOnlySpan`1", "GetEnumerator")] = ContainerAccess.Elements,
            [("System.MemoryExtensions", "AsSpan")] = ContainerAccess.Elements,
            [("System.MemoryExtensions", "CopyTo")] = ContainerAccess.Elements,
            [("System.MemoryExtensions", "Reverse")] = ContainerAccess.Elements,
            [("System.MemoryExtensions", "Sort")] = ContainerAccess.Elements,
            [("System.Array", "Fill")] = ContainerAccess.Elements,
            [("System.Array", "Clear")] = ContainerAccess.Elements,
            [("System.Array", "Copy")] = ContainerAccess.Elements,
            [("System.Array", "ConstrainedCopy")] = ContainerAccess.Elements,
            [("System.Array", "Reverse")] = ContainerAccess.Elements,
            [("System.Array", "Sort")] = ContainerAccess.Elements,
            [("System.Array", "Resize")] = ContainerAccess.Elements,
            [("System.Array", "CopyTo")] = ContainerAccess.Elements,
            [("System.Array", "Clone")] = ContainerAccess.Elements,
            [("System.Array", "get_Length")] = ContainerAccess.Shape,
            [("System.Array", "get_LongLength")] = ContainerAccess.Shape,
            [("System.Array", "get_Rank")] = ContainerAccess.Shape,
            [("System.Array", "GetLength")] = ContainerAccess.Shape,
            [("System.Array", "GetLongLength")] = ContainerAccess.Shape,
            [("System.Array", "GetLowerBound")] = ContainerAccess.Shape,
            [("System.Array", "GetUpperBound")] = ContainerAccess.Shape,
            [("System.Runtime.CompilerServices.RuntimeHelpers", "GetSubArray")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "get_Item")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "set_Item")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "get_Count")] = ContainerAccess.Shape,
            [("System.Collections.Generic.List`1", "get_Capacity")] = ContainerAccess.Shape,
            [("System.Collections.Generic.List`1", "set_Capacity")] = ContainerAccess.Shape,
            [("System.Collections.Generic.List`1", "EnsureCapacity")] = ContainerAccess.Shape,
            [("System.Collections.Generic.List`1", "Add")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "AddRange")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "Insert")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "InsertRange")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "RemoveAt")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "RemoveRange")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "Clear")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "GetRange")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "Slice")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "CopyTo")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "ToArray")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "Reverse")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "Sort")] = ContainerAccess.Elements,
            [("System.Collections.Generic.List`1", "GetEnumerator")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IList`1", "get_Item")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IList`1", "set_Item")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IList`1", "Insert")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IList`1", "RemoveAt")] = ContainerAccess.Elements,
            [("System.Collections.Generic.ICollection`1", "get_Count")] = ContainerAccess.Shape,
            [("System.Collections.Generic.ICollection`1", "get_IsReadOnly")] = ContainerAccess.Shape,
            [("System.Collections.Generic.ICollection`1", "Add")] = ContainerAccess.Elements,
            [("System.Collections.Generic.ICollection`1", "Clear")] = ContainerAccess.Elements,
            [("System.Collections.Generic.ICollection`1", "CopyTo")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IReadOnlyList`1", "get_Item")] = ContainerAccess.Elements,
            [("System.Collections.Generic.IReadOnlyCollection`1", "get_Count")] = ContainerAccess.Shape,
            [("System.Collections.Generic.IEnumerable`1", "GetEnumerator")] = ContainerAccess.Elements,
            [("System.Array", "Empty")] = ContainerAccess.Create,
            [("System.GC", "AllocateArray")] = ContainerAccess.Create,
            [("System.GC", "AllocateUninitializedArray")] = ContainerAccess.Create,
        };

        /// <summary>The access of <paramref name="method"/> (a method or property accessor), or <see langword="null"/>.</summary>
        public static ContainerAccess? Of(IMethodSymbol method)
        {
            // Overloads taking a comparer or a Comparison delegate do not compare the primal alone: not listed.
            foreach (IParameterSymbol p in method.Parameters)
            {
                string pt = PrimalOnlySinks.MetadataName(p.Type.OriginalDefinition);
                if (pt is "System.Comparison`1" or "System.Collections.Generic.IComparer`1" or "System.Collections.IComparer") return null;
                if (p.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate }) return null;
            }
            string type = PrimalOnlySinks.MetadataName(method.ContainingType?.OriginalDefinition);
            return s_ops.TryGetValue((type, method.Name), out ContainerAccess a) ? a : null;
        }

        /// <summary>The list as Markdown rows, one per type (docs/generator.md carries the same rows; a test compares them).</summary>
        public static IEnumerable<string> DocRows() =>
            s_ops.GroupBy(kv => kv.Key.Type).Select(g => "| " + DocType(g.Key) + " | " + string.Join(", ", g.Select(kv => "`" + DocMember(kv.Key.Member) + "`")) + " |");

        private static string DocType(string metadataName) => metadataName switch
        {
            "System.Span`1" => "`Span<T>`",
            "System.ReadOnlySpan`1" => "`ReadOnlySpan<T>`",
            "System.Runtime.CompilerServices.RuntimeHelpers" => "ranges of arrays (`a[1..]`)",
            _ when metadataName.EndsWith("`1", System.StringComparison.Ordinal) => "`" + metadataName.Substring(metadataName.LastIndexOf('.') + 1, metadataName.Length - metadataName.LastIndexOf('.') - 3) + "<T>`",
            _ => "`" + metadataName.Substring(metadataName.LastIndexOf('.') + 1) + "`",
        };

        private static string DocMember(string member) => member switch
        {
            "get_Item" => "this[i]",
            "GetEnumerator" => "foreach",
            "set_Item" => "this[i] = v",
            _ when member.StartsWith("set_", System.StringComparison.Ordinal) => member.Substring(4) + " = v",
            _ when member.StartsWith("get_", System.StringComparison.Ordinal) => member.Substring(4),
            _ => member,
        };
    }
}
