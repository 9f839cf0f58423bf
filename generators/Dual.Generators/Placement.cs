namespace Dual.Generators
{
    /// <summary>
    /// Where a generated type that accompanies a user type <c>T</c> is declared: the dual type of an aggregate, or the
    /// static class holding twins of helpers of a type that is not partial. It is named <c>TDual</c> and declared
    /// inside <c>T</c> when <c>T</c> (and every type around it) is partial, so that it can use <c>T</c>'s private
    /// members; otherwise beside <c>T</c> in the innermost run of partial containing types (or at namespace level,
    /// prefixed with the names of the containing types it leaves: <c>Outer_TDual</c>).
    /// </summary>
    internal sealed class Placement
    {
        private Placement(string? ns, List<INamedTypeSymbol> containers, string name, bool insideOriginal)
        {
            Namespace = ns;
            Containers = containers;
            Name = name;
            InsideOriginal = insideOriginal;
            string prefix = "global::" + (ns is null ? "" : ns + ".") + string.Concat(containers.Select(c => c.Name + "."));
            Fq = prefix + name;
        }

        /// <summary>Namespace of the generated type (<see langword="null"/>: global).</summary>
        public string? Namespace { get; }

        /// <summary>The user types (outermost first) whose partial declarations enclose the generated type.</summary>
        public List<INamedTypeSymbol> Containers { get; }

        /// <summary>Simple name of the generated type.</summary>
        public string Name { get; }

        /// <summary>Whether the generated type is nested in the original type itself (and can use its private members).</summary>
        public bool InsideOriginal { get; }

        /// <summary>Fully qualified name (<c>global::Ns.Outer.TDual</c>).</summary>
        public string Fq { get; }

        /// <summary>Headers that reopen <see cref="Containers"/> (<c>partial class Outer</c>), outermost first.</summary>
        public IEnumerable<string> ContainerHeaders => Containers.Select(Header);

        public static Placement Of(INamedTypeSymbol type)
        {
            string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            var chain = new List<INamedTypeSymbol>();
            for (INamedTypeSymbol? c = type; c is not null; c = c.ContainingType) chain.Insert(0, c);
            // The longest run of partial types from the outside in: the generated type is declared inside its last one.
            int partialRun = 0;
            while (partialRun < chain.Count && IsPartial(chain[partialRun])) partialRun++;
            bool inside = partialRun == chain.Count;
            List<INamedTypeSymbol> containers = chain.Take(inside ? chain.Count : partialRun).ToList();
            string baseName = string.Join("_", chain.Skip(containers.Count).Select(c => c.Name)) + (inside ? type.Name : "") + "Dual";
            // A member or type of that name already exists: append underscores until the name is free.
            ISet<string> taken = containers.Count > 0
                ? new HashSet<string>(containers[containers.Count - 1].MemberNames)
                : new HashSet<string>(((INamespaceSymbol?)type.ContainingNamespace)?.GetTypeMembers().Select(t => t.Name) ?? Enumerable.Empty<string>());
            string name = baseName;
            while (taken.Contains(name)) name += "_";
            return new Placement(ns, containers, name, inside);
        }

        /// <summary>Whether every declaration of <paramref name="type"/> is marked partial (source types only).</summary>
        public static bool IsPartial(INamedTypeSymbol type)
        {
            if (type.DeclaringSyntaxReferences.Length == 0) return false;
            foreach (SyntaxReference r in type.DeclaringSyntaxReferences)
            {
                if (r.GetSyntax() is not TypeDeclarationSyntax t || !t.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
            }
            return true;
        }

        /// <summary>Whether <paramref name="type"/> and every type around it are partial (so members can be added to it).</summary>
        public static bool IsPartialAllTheWayOut(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? c = type; c is not null; c = c.ContainingType)
            {
                if (!IsPartial(c)) return false;
            }
            return true;
        }

        /// <summary>The header reopening a partial user type (<c>partial record struct P</c>).</summary>
        public static string Header(INamedTypeSymbol t)
        {
            string kind = t.TypeKind switch
            {
                TypeKind.Struct => t.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => t.IsRecord ? "record" : "class",
            };
            return (t.IsRefLikeType ? "ref " : "") + "partial " + kind + " " + t.Name;
        }

        /// <summary>The accessibility keyword(s) of a declared accessibility.</summary>
        public static string Accessibility(Accessibility a) => a switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Private => "private",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            _ => "internal",
        };
    }
}
