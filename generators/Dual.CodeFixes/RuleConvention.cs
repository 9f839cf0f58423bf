namespace Dual.CodeFixes
{
    /// <summary>
    /// The part of the <c>[DerivativeOf]</c> convention (src/Dual/CompilerServices/DerivativeOfAttribute.cs, checked by the generator's
    /// RuleCheck) that the rule stub must follow: which callees a rule can cover, and which existing rule already covers one.
    /// The round-trip tests run the real generator on every fixed source, so a drift between the two fails there.
    /// </summary>
    internal static class RuleConvention
    {
        public const string DerivativeOfAttribute = "Dual.DerivativeOfAttribute";
        public const string DifferentiableAttribute = "Dual.DifferentiableAttribute";

        /// <summary>
        /// A rule can cover <paramref name="target"/>: an ordinary static method, not generic and not in a generic
        /// type, returning double or float, with at least one parameter, every parameter by value and of the return type.
        /// (Instance and extension-form calls are not covered: the generator looks rules up for static calls only.)
        /// </summary>
        public static bool CanHaveRule(IMethodSymbol target)
        {
            if (target.MethodKind != MethodKind.Ordinary || !target.IsStatic || target.IsGenericMethod) return false;
            for (INamedTypeSymbol? t = target.ContainingType; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType) return false;
            }
            SpecialType precision = target.ReturnType.SpecialType;
            if (precision is not (SpecialType.System_Double or SpecialType.System_Single)) return false;
            return target.Parameters.Length > 0
                && target.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && p.Type.SpecialType == precision);
        }

        /// <summary>
        /// A [DerivativeOf] method in <paramref name="scope"/> already names <paramref name="target"/> (same type, same
        /// name) with the target's parameter list: the stub exists, whether or not its body is written yet.
        /// </summary>
        public static bool HasRule(INamedTypeSymbol scope, IMethodSymbol target)
        {
            foreach (IMethodSymbol candidate in scope.GetMembers().OfType<IMethodSymbol>())
            {
                if (candidate.Parameters.Length != target.Parameters.Length) continue;
                if (!candidate.Parameters.Select(p => p.Type.SpecialType).SequenceEqual(target.Parameters.Select(p => p.Type.SpecialType))) continue;
                foreach (AttributeData attribute in candidate.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() != DerivativeOfAttribute) continue;
                    var args = attribute.ConstructorArguments;
                    (object? name, object? type) = args.Length switch
                    {
                        1 => (args[0].Value, candidate.ContainingType),
                        2 => (args[1].Value, args[0].Value),
                        _ => (null, null),
                    };
                    if (name as string == target.Name && type is INamedTypeSymbol t
                        && SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, target.ContainingType.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>The C# keyword of the target's floating type.</summary>
        public static string Keyword(IMethodSymbol target) =>
            target.ReturnType.SpecialType == SpecialType.System_Single ? "float" : "double";
    }
}
