using System.Globalization;

namespace Dual.Generators
{
    /// <summary>
    /// Whether a [Differentiable] method gets a dual twin, decided from its declaration alone. The method's own
    /// generation and every caller use this one check, so a caller never calls a twin that is not emitted.
    /// </summary>
    internal static class TwinSignature
    {
        /// <summary>
        /// Checks the declaration of <paramref name="method"/>; reports each problem into <paramref name="diags"/> when
        /// given. Returns whether the twin (or, when the body has errors, its throwing placeholder) is emitted; for a
        /// generic-math method, which is its own twin (<see cref="GenericMathMethods"/>), whether it runs on dual numbers
        /// and gets entry points (the rest of the check applies to it with <c>double</c> for its type parameters).
        /// </summary>
        public static bool Check(IMethodSymbol method, MethodDeclarationSyntax node, Compilation compilation, List<DiagnosticInfo>? diags)
        {
            bool ok = true;
            void Add(DiagnosticDescriptor d, Location loc, params string[] args)
            {
                ok = false;
                diags?.Add(DiagnosticInfo.Create(d, loc, args));
            }

            var types = node.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
            foreach (TypeDeclarationSyntax t in types)
            {
                if (!t.Modifiers.Any(SyntaxKind.PartialKeyword)) Add(Diagnostics.NotPartial, t.Identifier.GetLocation(), t.Identifier.Text, method.Name);
            }
            Location idLoc = node.Identifier.GetLocation();
            if (types.Count == 0) Add(Diagnostics.NoBody, idLoc, method.Name, "it is not declared in a type");
            if (!ok) return false;
            if (node.Body is null && node.ExpressionBody is null)
            {
                Add(Diagnostics.NoBody, idLoc, method.Name, "it has no body (abstract, extern, interface or partial definition); put [Differentiable] on a method with a body");
                return false;
            }
            if (method.IsGenericMethod)
            {
                if (GenericMathMethods.WhyNot(method, compilation) is { } why)
                {
                    Add(Diagnostics.NoBody, idLoc, method.Name, why);
                    return false;
                }
                method = GenericMathMethods.AtDouble(method, compilation);
            }
            if (method.IsAsync)
            {
                Add(Diagnostics.UnsupportedConstruct, idLoc, "An async method", "differentiate a synchronous method and await outside it");
                return false;
            }
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Add(Diagnostics.UnsupportedType, node.ReturnType.GetLocation(), "Return of", method.Name, "ref " + TypeMap.Text(method.ReturnType), "return the value itself");
                return false;
            }
            if (!method.ReturnsVoid)
            {
                TypeMap.Map(method.ReturnType, out bool bad);
                if (bad || TypeMap.IsFloatingDelegate(method.ReturnType)) Add(Diagnostics.UnsupportedType, node.ReturnType.GetLocation(), "Return of", method.Name, TypeMap.Text(method.ReturnType), TypeMap.FixFor(method.ReturnType));
            }
            bool anyFloating = false;
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                IParameterSymbol p = method.Parameters[i];
                string? mapped = ParameterRoles.TwinType(p, out bool bad);
                // Entry points pass plain values, and a delegate over doubles cannot become one over dual numbers:
                // a delegate parameter is for helpers without [Differentiable] (their twins take dual delegates).
                if (bad || TypeMap.IsFloatingDelegate(p.Type)) Add(Diagnostics.UnsupportedType, node.ParameterList.Parameters[i].GetLocation(), "Parameter", p.Name, TypeMap.Text(p.Type), TypeMap.FixFor(p.Type));
                anyFloating |= mapped is not null;
            }
            if (!ok) return false;
            if (!anyFloating)
            {
                Add(Diagnostics.NoBody, idLoc, method.Name, "it has no double/float parameter (or array/span/tuple of them), so there is nothing to differentiate with respect to and its twin would clash with it");
                return false;
            }
            return true;
        }

        /// <summary>Whether a call to the [Differentiable] method <paramref name="callee"/> finds a twin to resolve to.</summary>
        public static bool Available(IMethodSymbol callee, Compilation compilation, CancellationToken ct)
        {
            IMethodSymbol m = callee.OriginalDefinition;
            if (m.DeclaringSyntaxReferences.Length > 0)
            {
                foreach (SyntaxReference r in m.DeclaringSyntaxReferences)
                {
                    if (r.GetSyntax(ct) is MethodDeclarationSyntax decl && decl.AttributeLists.Count > 0
                        && compilation.ContainsSyntaxTree(decl.SyntaxTree) && Check(m, decl, compilation, null))
                    {
                        return true;
                    }
                }
                return false;
            }
            // From a referenced assembly: the twin is there if it was generated; a generic-math method is its own.
            if (m.IsGenericMethod) return GenericMathMethods.WhyNot(m, compilation) is null;
            var expected = m.Parameters.Select(p => ParameterRoles.TwinType(p) ?? p.Type.ToDisplayString(TypeMap.Fq)).ToList();
            return m.ContainingType.GetMembers(m.Name).OfType<IMethodSymbol>().Any(t => !SymbolEqualityComparer.Default.Equals(t, m)
                && t.Parameters.Length == expected.Count
                && t.Parameters.Select(p => p.Type.ToDisplayString(TypeMap.Fq)).SequenceEqual(expected));
        }

        /// <summary>
        /// Whether the twin (or the rewritten local function) keeps the default value of <paramref name="p"/>: a dual
        /// parameter cannot have a constant default, and an optional parameter cannot precede a required one, so a
        /// default stays only on a non-floating parameter followed by optional ones. Callers pass the others explicitly.
        /// </summary>
        public static bool KeepsDefault(IParameterSymbol p)
        {
            if (!p.HasExplicitDefaultValue || ParameterRoles.TwinType(p) is not null) return false;
            if (p.ContainingSymbol is not IMethodSymbol m) return true;
            for (int i = p.Ordinal + 1; i < m.Parameters.Length; i++)
            {
                IParameterSymbol later = m.Parameters[i];
                bool requiredInTwin = !later.IsParams && (!later.HasExplicitDefaultValue || ParameterRoles.TwinType(later) is not null);
                if (requiredInTwin) return false;
            }
            return true;
        }

        /// <summary>C# text for a parameter's default value <paramref name="value"/> of type <paramref name="type"/>.</summary>
        public static string Literal(object? value, ITypeSymbol type)
        {
            string fq = type.ToDisplayString(TypeMap.Fq);
            if (type.TypeKind == TypeKind.Enum && value is not null)
            {
                return "(" + fq + ")(" + Literal(value, ((INamedTypeSymbol)type).EnumUnderlyingType!) + ")";
            }
            switch (value)
            {
                case null: return "default(" + fq + ")";
                case double d:
                    if (double.IsNaN(d)) return "double.NaN";
                    if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
                    if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
                    return d.ToString("R", CultureInfo.InvariantCulture) + "D";
                case float f:
                    if (float.IsNaN(f)) return "float.NaN";
                    if (float.IsPositiveInfinity(f)) return "float.PositiveInfinity";
                    if (float.IsNegativeInfinity(f)) return "float.NegativeInfinity";
                    return f.ToString("R", CultureInfo.InvariantCulture) + "F";
                case decimal m: return m.ToString(CultureInfo.InvariantCulture) + "M";
                case bool b: return b ? "true" : "false";
                case string s: return SymbolDisplay.FormatLiteral(s, quote: true);
                case char c: return SymbolDisplay.FormatLiteral(c, quote: true);
                case int i: return i.ToString(CultureInfo.InvariantCulture);
                case long l: return l.ToString(CultureInfo.InvariantCulture) + "L";
                case ulong ul: return ul.ToString(CultureInfo.InvariantCulture) + "UL";
                case uint u: return u.ToString(CultureInfo.InvariantCulture) + "U";
                case IFormattable n: return "(" + fq + ")(" + n.ToString(null, CultureInfo.InvariantCulture) + ")";
                default: return "default(" + fq + ")";
            }
        }
    }
}
