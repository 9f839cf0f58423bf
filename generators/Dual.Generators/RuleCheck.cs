namespace Dual.Generators
{
    /// <summary>The signature convention of [DerivativeOf] rules, shared by the validator and the rewriter.</summary>
    internal static class RuleCheck
    {
        public static (string? Name, INamedTypeSymbol? Type) Target(AttributeData attr, IMethodSymbol rule)
        {
            var args = attr.ConstructorArguments;
            if (args.Length == 1) return (args[0].Value as string, rule.ContainingType);
            if (args.Length == 2) return (args[1].Value as string, args[0].Value as INamedTypeSymbol);
            return (null, null);
        }

        public static bool Matches(AttributeData attr, IMethodSymbol rule, IMethodSymbol target, out string? problem)
        {
            problem = null;
            (string? name, INamedTypeSymbol? type) = Target(attr, rule);
            if (name is null || type is null || target.Name != name || !SymbolEqualityComparer.Default.Equals(target.ContainingType.OriginalDefinition, type.OriginalDefinition))
            {
                return false;
            }
            return SignatureOk(rule, target, out problem);
        }

        public static bool SignatureOk(IMethodSymbol rule, IMethodSymbol target, out string? problem)
        {
            problem = null;
            if (!target.IsStatic) { problem = "the target must be a static method"; return false; }
            if (!TypeMap.IsFloating(target.ReturnType)) { problem = "the target must return double or float"; return false; }
            ITypeSymbol p = target.ReturnType;
            string kw = TypeMap.Keyword(p);
            int n = target.Parameters.Length;
            if (n == 0 || target.Parameters.Any(x => x.Type.SpecialType != p.SpecialType || x.RefKind != RefKind.None))
            {
                problem = "every parameter of the target must be a by-value " + kw + " (and there must be at least one)";
                return false;
            }
            string paramList = "(" + string.Join(", ", Enumerable.Repeat(kw, n)) + ")";
            string expectedReturn = n == 1 ? kw : paramList;
            if (!rule.IsStatic) { problem = "the rule must be static: static " + expectedReturn + " " + rule.Name + paramList; return false; }
            if (rule.Parameters.Length != n || rule.Parameters.Any(x => x.Type.SpecialType != p.SpecialType || x.RefKind != RefKind.None))
            {
                problem = "the rule must take the target's parameters: static " + expectedReturn + " " + rule.Name + paramList;
                return false;
            }
            bool returnOk = n == 1
                ? rule.ReturnType.SpecialType == p.SpecialType
                : rule.ReturnType is INamedTypeSymbol { IsTupleType: true } t && t.TupleElements.Length == n && t.TupleElements.All(e => e.Type.SpecialType == p.SpecialType);
            if (!returnOk)
            {
                problem = (n == 1 ? "the rule must return the derivative f'(x) as " : "the rule must return the partial derivatives as ") + expectedReturn;
                return false;
            }
            return true;
        }
    }
}
