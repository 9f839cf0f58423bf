namespace Dual.Generators
{
    /// <summary>
    /// A generic <c>[Differentiable]</c> method written as generic math (<c>T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c>,
    /// <c>INumber&lt;T&gt;</c>, <c>IRootFunctions&lt;T&gt;</c>, …) is its own twin: <c>Dual&lt;P&gt;</c> and
    /// <c>Dual&lt;P, TTangents&gt;</c> implement <c>IFloatingPointIeee754</c>, so the method instantiated at a dual type
    /// computes the derivative through the dual number's own operators, with no rewriting. Nothing inside can drop a
    /// tangent silently: a conversion out of a dual number with a non-zero tangent (<c>double.CreateChecked(x)</c>)
    /// throws. The generator only checks that every type parameter accepts the dual types, and emits the entry points
    /// for <c>T = double</c>; callers pass the dual type as the type argument.
    /// </summary>
    internal static class GenericMathMethods
    {
        private const string Dual1 = "Dual.Dual`1";
        private const string Dual2 = "Dual.Dual`2";
        private const string Tangents2 = "Dual.Tangents2`1";

        /// <summary>
        /// Why <paramref name="method"/> (generic) cannot run at <c>Dual&lt;double&gt;</c>, or <see langword="null"/> when
        /// every type parameter accepts it.
        /// </summary>
        public static string? WhyNot(IMethodSymbol method, Compilation compilation)
        {
            IMethodSymbol def = method.OriginalDefinition;
            if (compilation.GetTypeByMetadataName(Dual1) is not { } dual1) return "the compilation does not reference the Dual runtime";
            INamedTypeSymbol dual = dual1.Construct(compilation.GetSpecialType(SpecialType.System_Double));
            return Unsatisfied(def, dual);
        }

        /// <summary>Whether <paramref name="method"/> also runs at <c>Dual&lt;double, TTangents&gt;</c> (its multi-tangent form).</summary>
        public static bool RunsMultiTangent(IMethodSymbol method, Compilation compilation)
        {
            INamedTypeSymbol dbl = compilation.GetSpecialType(SpecialType.System_Double);
            if (compilation.GetTypeByMetadataName(Dual2) is not { } dual2 || compilation.GetTypeByMetadataName(Tangents2) is not { } t2) return false;
            return Unsatisfied(method.OriginalDefinition, dual2.Construct(dbl, t2.Construct(dbl))) is null;
        }

        /// <summary><paramref name="method"/> with <c>double</c> for every type parameter: the signature the entry points take.</summary>
        public static IMethodSymbol AtDouble(IMethodSymbol method, Compilation compilation)
        {
            IMethodSymbol def = method.OriginalDefinition;
            ITypeSymbol dbl = compilation.GetSpecialType(SpecialType.System_Double);
            return def.Construct(def.TypeParameters.Select(_ => dbl).ToArray());
        }

        /// <summary>The first constraint of <paramref name="def"/> that <paramref name="dual"/> (for every type parameter) does not satisfy, in words.</summary>
        private static string? Unsatisfied(IMethodSymbol def, INamedTypeSymbol dual)
        {
            var map = def.TypeParameters.ToDictionary(t => t, t => (ITypeSymbol)dual, (IEqualityComparer<ITypeParameterSymbol>)SymbolEqualityComparer.Default);
            string dualText = TypeMap.Text(dual);
            foreach (ITypeParameterSymbol tp in def.TypeParameters)
            {
                string head = "its type parameter " + tp.Name + " must accept the dual number type, but ";
                if (tp.HasReferenceTypeConstraint) return head + "'" + tp.Name + " : class' excludes the struct " + dualText;
                foreach (ITypeSymbol c in tp.ConstraintTypes)
                {
                    ITypeSymbol need = Substitute(c, map, 0);
                    bool ok = need is ITypeParameterSymbol
                        || SymbolEqualityComparer.Default.Equals(need, dual)
                        || (need.TypeKind == TypeKind.Interface && dual.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, need)));
                    if (!ok)
                    {
                        return head + dualText + " does not implement " + TypeMap.Text(need) + " (the constraint '" + tp.Name + " : " + TypeMap.Text(c)
                            + "'); constrain it by the floating-point interfaces (IFloatingPointIeee754<" + tp.Name + ">, INumber<" + tp.Name + ">, IRootFunctions<" + tp.Name + ">, …) or differentiate a non-generic wrapper";
                    }
                }
            }
            return null;
        }

        private static ITypeSymbol Substitute(ITypeSymbol t, Dictionary<ITypeParameterSymbol, ITypeSymbol> map, int depth)
        {
            if (depth > 16) return t;
            switch (t)
            {
                case ITypeParameterSymbol tp when map.TryGetValue(tp, out ITypeSymbol? to): return to;
                case INamedTypeSymbol { IsGenericType: true } n:
                    ITypeSymbol[] args = n.TypeArguments.Select(a => Substitute(a, map, depth + 1)).ToArray();
                    return n.OriginalDefinition.Construct(args);
                default: return t;
            }
        }
    }
}
