namespace Dual.Generators
{
    /// <summary>
    /// What the two body rewriters share: the CPU twin's (<see cref="DualRewriter"/>: floating values become dual
    /// numbers) and the GPU kernel's (<c>KernelTransform.KernelRewriter</c>: floating values become the kernel's generic
    /// number). Both walk the user's syntax with the same semantic model and ask the same questions of it — is this
    /// expression a value (rather than a name, a type or a member being looked up), what is its type, is an integer
    /// being converted to a floating type here — and both must answer them alike, or the twin and the kernel of one
    /// method would differ in what they treat as a value.
    /// </summary>
    internal abstract class BodyRewriter(SemanticModel model, CancellationToken ct) : CSharpSyntaxRewriter
    {
        /// <summary>The semantic model of the user's method (the rewriters only read it).</summary>
        protected SemanticModel Model { get; } = model;

        /// <summary>Cancellation of the generator step.</summary>
        protected CancellationToken Ct { get; } = ct;

        /// <summary>The type of an expression or type syntax as written (before any implicit conversion).</summary>
        protected ITypeSymbol? TypeOf(SyntaxNode node) => Model.GetTypeInfo(node, Ct).Type;

        /// <summary>
        /// Whether <paramref name="e"/> stands for a value that can be converted — not the member name of <c>a.b</c>,
        /// a qualifier, a named argument's name, a type argument, the invoked method group, a declaration's or a cast's
        /// type, or a type name (a simple identifier is a value candidate: Roslyn answers for it).
        /// </summary>
        protected static bool IsValuePosition(ExpressionSyntax e) => e.Parent switch
        {
            MemberAccessExpressionSyntax ma => ma.Name != e,
            MemberBindingExpressionSyntax => false,
            QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax or TypeArgumentListSyntax => false,
            InvocationExpressionSyntax inv => inv.Expression != e,
            VariableDeclarationSyntax => false,
            CastExpressionSyntax c => c.Type != e,
            _ => e is not TypeSyntax || e is IdentifierNameSyntax,
        };

        /// <summary>Whether Roslyn converts the integer value <paramref name="e"/> to a floating type at this position.</summary>
        protected bool IsIntegerToFloating(ExpressionSyntax e)
        {
            TypeInfo ti = Model.GetTypeInfo(e, Ct);
            return TypeMap.IsIntegral(ti.Type) && TypeMap.IsFloating(ti.ConvertedType);
        }

        /// <summary><paramref name="original"/>'s type replaced by <paramref name="mapped"/> (keeping <c>ref</c> and trivia).</summary>
        protected static TypeSyntax WithMappedType(TypeSyntax original, string mapped)
        {
            if (original is RefTypeSyntax r)
            {
                return r.WithType(SyntaxFactory.ParseTypeName(mapped).WithTriviaFrom(r.Type));
            }
            return SyntaxFactory.ParseTypeName(mapped).WithTriviaFrom(original);
        }
    }
}
