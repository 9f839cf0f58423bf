namespace Dual.Generators
{
    /// <summary>
    /// Whether a method's multi-tangent twin can also be emitted over <c>SeededInputs</c> (the runtime's view of a single
    /// pass's inputs, seeded as they are read, so that no seeded input is written to memory before the pass): the body
    /// reads its differentiated span or array only as <c>x[i]</c> with an <see cref="int"/> index, as a value, and as
    /// <c>x.Length</c> or <c>x.IsEmpty</c>. Anything else keeps the entry points on the seeded work array (and, for an
    /// array or a writable span, on the twin's own copy of it), with the same bits: a slice, a foreach, a call taking
    /// the span, a reference to an element, a write to one, a use inside a lambda, local function or query, an
    /// <c>Index</c> or a range.
    /// </summary>
    internal static class SeededInputUse
    {
        /// <summary>The name of the parameter the seeded twin takes over <c>SeededInputs</c>, or <see langword="null"/>.</summary>
        public static string? Parameter(MethodDeclaration d, EntryPlan? plan, IMethodSymbol method, MethodDeclarationSyntax node, SemanticModel model, CancellationToken ct)
        {
            if (plan is null || !plan.Multi || d.GenericArity > 0 || plan.Shape is not (EntryShape.Span or EntryShape.Vector)) return null;
            if (plan.X.Shape is not (ParameterShape.ReadOnlySpan or ParameterShape.Span or ParameterShape.Array)) return null;
            IParameterSymbol? x = method.Parameters.FirstOrDefault(p => p.Name == plan.X.Bare);
            SyntaxNode? body = (SyntaxNode?)node.Body ?? node.ExpressionBody;
            if (x is null || body is null) return null;
            foreach (IdentifierNameSyntax id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != x.Name) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, ct).Symbol, x)) continue;
                if (!Allowed(id, model, ct)) return null;
            }
            return plan.X.Name;
        }

        private static bool Allowed(IdentifierNameSyntax id, SemanticModel model, CancellationToken ct)
        {
            // The view is a ref struct: a lambda, local function or query cannot capture it (an array can be captured).
            if (id.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax)) return false;
            if (id.Parent is MemberAccessExpressionSyntax member && member.Expression == id)
            {
                return member.Name.Identifier.ValueText is "Length" or "IsEmpty" && member.Parent is not InvocationExpressionSyntax;
            }
            if (id.Parent is ElementAccessExpressionSyntax element && element.Expression == id
                && element.ArgumentList.Arguments.Count == 1 && element.ArgumentList.Arguments[0] is { } index
                && index.RefKindKeyword.IsKind(SyntaxKind.None) && index.NameColon is null)
            {
                TypeInfo type = model.GetTypeInfo(index.Expression, ct);
                return type.ConvertedType?.SpecialType == SpecialType.System_Int32 && IsValue(element);
            }
            return false;
        }

        /// <summary>Whether the element is only read, as a value: the seeded view returns its elements by value, so a
        /// reference to one (ref, in, out, a ref local or return, an address) would not compile, and a write to one (an
        /// array's or a writable span's) has nowhere to go.</summary>
        private static bool IsValue(ExpressionSyntax element)
        {
            SyntaxNode child = element;
            SyntaxNode? parent = element.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                child = parent;
                parent = parent.Parent;
            }
            return parent switch
            {
                RefExpressionSyntax => false,
                ArgumentSyntax a => a.RefKindKeyword.IsKind(SyntaxKind.None),
                AssignmentExpressionSyntax assignment => assignment.Left != child,
                PrefixUnaryExpressionSyntax u => !u.IsKind(SyntaxKind.AddressOfExpression) && !u.IsKind(SyntaxKind.PreIncrementExpression) && !u.IsKind(SyntaxKind.PreDecrementExpression),
                PostfixUnaryExpressionSyntax => false,
                _ => true,
            };
        }
    }
}
