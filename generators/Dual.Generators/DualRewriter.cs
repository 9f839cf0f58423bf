using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dual.Generators
{
    /// <summary>A call to an opaque function that is replaced by a local rule function in the twin.</summary>
    internal sealed record RuleUse(string LocalName, string TargetCall, string RuleCall, string Precision, int Arity);

    /// <summary>
    /// Rewrites the body of a [Differentiable] method into its dual-number form. It reports nothing and decides
    /// nothing about flows: <see cref="DualFlow"/> has classified every use of a dual value beforehand, and this
    /// class only executes those decisions (dual types for floating locals, Dual&lt;T&gt; functions, the primal
    /// value exactly at the allow-listed sites, the twin's way of calling each callee).
    /// </summary>
    internal sealed class DualRewriter : BodyRewriter
    {
        private readonly DualFlow _flow;
        private readonly TwinPlace? _place;
        private readonly SharedCalls _shared;

        public HashSet<SpecialType> Precisions { get; } = new();
        public bool UsesConversions { get; private set; }

        public DualRewriter(SemanticModel model, DualFlow flow, CancellationToken ct)
            : this(model, flow, null, ct)
        {
        }

        /// <summary>Rewrites a body whose twin is declared at <paramref name="place"/> (names are qualified when it is relocated).</summary>
        public DualRewriter(SemanticModel model, DualFlow flow, TwinPlace? place, CancellationToken ct)
            : this(model, flow, place, SharedCalls.None, ct)
        {
        }

        /// <summary>Rewrites a body, placing its shared math calls as <paramref name="shared"/> plans them.</summary>
        public DualRewriter(SemanticModel model, DualFlow flow, TwinPlace? place, SharedCalls shared, CancellationToken ct)
            : base(model, ct)
        {
            _flow = flow;
            _place = place;
            _shared = shared;
        }

        // -----------------------------------------------------------------------------------------
        // Shared calls (SharedCalls): each shared statement after its variables' declarations, and its result (a sin/cos pair's half) at the calls.
        // -----------------------------------------------------------------------------------------

        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var rewritten = (BlockSyntax)base.VisitBlock(node)!;
            if (_shared.IsEmpty || !node.Statements.Any(s => _shared.After.ContainsKey(s))) return rewritten;
            if (rewritten.Statements.Count != node.Statements.Count)
            {
                throw new InvalidOperationException("a block's statements were not rewritten one for one, so the shared calls cannot be placed");
            }
            var statements = new List<StatementSyntax>();
            for (int i = 0; i < node.Statements.Count; i++)
            {
                statements.Add(rewritten.Statements[i]);
                statements.AddRange(_shared.StatementsAfter(node.Statements[i]));
            }
            return rewritten.WithStatements(List(statements));
        }

        private bool Relocated => _place is { Relocated: true };

        /// <summary>The name of a companion twin's receiver parameter (instance helpers of types that are not partial).</summary>
        public const string Self = "__self";

        // -----------------------------------------------------------------------------------------
        // Relocated bodies: names bound to members of the original type are qualified (static), or read through
        // the receiver parameter (instance members, companion twins); 'this' is the receiver.
        // -----------------------------------------------------------------------------------------

        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (ShadowOf(node) is { } local) return IdentifierName(local).WithTriviaFrom(node);
            if (!Relocated || !IsSimpleReference(node)) return base.VisitIdentifierName(node);
            return Qualified(node, node.Identifier.Text) ?? base.VisitIdentifierName(node);
        }

        public override SyntaxNode? VisitGenericName(GenericNameSyntax node)
        {
            var rewritten = (GenericNameSyntax)base.VisitGenericName(node)!;
            if (!Relocated || !IsSimpleReference(node)) return rewritten;
            return Qualified(node, rewritten.WithoutTrivia().ToFullString()) ?? rewritten;
        }

        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node) =>
            node.Expression is ThisExpressionSyntax && ShadowOf(node.Name, qualified: true) is { } local
                ? IdentifierName(local).WithTriviaFrom(node)
                : base.VisitMemberAccessExpression(node);

        /// <summary>The dual local standing for a field of its own object that the method writes (<see cref="OwnState"/>), or <see langword="null"/>.</summary>
        private string? ShadowOf(SimpleNameSyntax name, bool qualified = false)
        {
            if (_flow.ShadowedFields.Count == 0) return null;
            if (!qualified && name.Parent is MemberAccessExpressionSyntax ma && ma.Name == name) return null;
            if (name.Ancestors().Any(a => a is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } })) return null;
            return Model.GetSymbolInfo(name, Ct).Symbol is IFieldSymbol f && _flow.ShadowedFields.Contains(f, SymbolEqualityComparer.Default) ? OwnState.LocalName(f) : null;
        }

        public override SyntaxNode? VisitThisExpression(ThisExpressionSyntax node) =>
            _place is { Receiver: true } ? IdentifierName(Self).WithTriviaFrom(node) : base.VisitThisExpression(node);

        private ExpressionSyntax? Qualified(SimpleNameSyntax node, string text)
        {
            SymbolInfo info = Model.GetSymbolInfo(node, Ct);
            ISymbol? s = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
            if (s is null || s.ContainingType is null) return null;
            if (s is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }) return null;
            if (s is INamedTypeSymbol)
            {
                return ParseTypeName(s.ContainingType.ToDisplayString(TypeMap.Fq) + "." + text).WithTriviaFrom(node);
            }
            if (s is not (IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol)) return null;
            if (s.IsStatic) return ParseExpression(s.ContainingType.ToDisplayString(TypeMap.Fq) + "." + text).WithTriviaFrom(node);
            if (_place is { Receiver: true }) return ParseExpression(Self + "." + text).WithTriviaFrom(node);
            return null;
        }

        /// <summary>A name that is looked up in scope (not the member part of 'a.b', a named argument, or an initializer's member).</summary>
        private static bool IsSimpleReference(SimpleNameSyntax node) => node.Parent switch
        {
            MemberAccessExpressionSyntax ma => ma.Expression == node,
            MemberBindingExpressionSyntax => false,
            QualifiedNameSyntax q => q.Left == node,
            AliasQualifiedNameSyntax => false,
            NameColonSyntax or NameEqualsSyntax or NameMemberCrefSyntax => false,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } a => a.Left != node,
            _ => true,
        };

        private bool IsDual(SyntaxNode node) => _flow.IsDual(node);


        private static ExpressionSyntax Paren(ExpressionSyntax e) =>
            e is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ParenthesizedExpressionSyntax or LiteralExpressionSyntax
                ? e
                : ParenthesizedExpression(e.WithoutTrivia());

        /// <summary>The primal value of a dual number: emitted only at <see cref="DualFlow.PrimalSites"/>.</summary>
        private static ExpressionSyntax ValueOf(ExpressionSyntax e) =>
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Paren(e.WithoutTrivia()), IdentifierName("Value")).WithTriviaFrom(e);

        /// <summary>The primal value of a nullable dual number (null stays null): a primal site of a <c>P?</c>.</summary>
        private static ExpressionSyntax NullablePrimalOf(ExpressionSyntax e) =>
            ParseExpression("(" + KnownNames.NullablePrimal + "(" + e.WithoutTrivia().ToFullString() + "))").WithTriviaFrom(e); // parenthesized: 'global::' in an interpolation hole

        // -----------------------------------------------------------------------------------------
        // Generic pass: implicit conversions and primal sites.
        // -----------------------------------------------------------------------------------------

        public override SyntaxNode? Visit(SyntaxNode? node)
        {
            if (node is null) return null;
            Ct.ThrowIfCancellationRequested();
            SyntaxNode? rewritten = base.Visit(node);
            if (node is ExpressionSyntax e && rewritten is ExpressionSyntax r)
            {
                if (IsValuePosition(e)) r = ApplyConversion(e, r);
                if (_flow.PrimalSites.ContainsKey(node)) r = TypeMap.NullableFloating(TypeOf(e)) is null ? ValueOf(r) : NullablePrimalOf(r);
                return r;
            }
            return rewritten;
        }

        private ExpressionSyntax ApplyConversion(ExpressionSyntax orig, ExpressionSyntax rex)
        {
            TypeInfo ti = Model.GetTypeInfo(orig, Ct);
            ITypeSymbol? t = ti.Type, c = ti.ConvertedType;
            if (t is null || c is null) return rex;
            TypeMap.CollectPrecisions(t, Precisions);
            if (SymbolEqualityComparer.Default.Equals(t, c)) return rex;

            if (TypeMap.IsFloating(c) && TypeMap.IsIntegral(t))
            {
                string suffix = c.SpecialType == SpecialType.System_Single ? "f" : ".0";
                if (orig is LiteralExpressionSyntax lit && lit.Token.Text.All(char.IsDigit))
                {
                    return ParseExpression(lit.Token.Text + suffix).WithTriviaFrom(rex);
                }
                return CastExpression(ParseTypeName(TypeMap.Keyword(c)), ParenthesizedExpression(rex.WithoutTrivia())).WithTriviaFrom(rex);
            }

            if (TypeMap.IsFloating(t) && TypeMap.IsFloating(c))
            {
                Precisions.Add(c.SpecialType);
                if (IsDual(orig))
                {
                    UsesConversions = true;
                    string fn = c.SpecialType == SpecialType.System_Double ? "ToDouble" : "ToSingle";
                    return ParseExpression("global::__DualConvert." + fn + "(" + rex.WithoutTrivia().ToFullString() + ")").WithTriviaFrom(rex);
                }
            }
            return rex;
        }

        // -----------------------------------------------------------------------------------------
        // Declarations: locals, out vars, deconstruction, foreach, local functions, array creation.
        // -----------------------------------------------------------------------------------------

        private string? Map(ITypeSymbol type)
        {
            TypeMap.CollectPrecisions(type, Precisions);
            return TypeMap.Map(type, out _);
        }

        public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
        {
            var rewritten = (VariableDeclarationSyntax)base.VisitVariableDeclaration(node)!;
            if (node.Variables.Count > 0 && Model.GetDeclaredSymbol(node.Variables[0], Ct) is ILocalSymbol { IsConst: false } local)
            {
                string? mapped = Map(local.Type);
                if (mapped is not null) return rewritten.WithType(WithMappedType(node.Type, mapped));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitDeclarationExpression(DeclarationExpressionSyntax node)
        {
            var rewritten = (DeclarationExpressionSyntax)base.VisitDeclarationExpression(node)!;
            switch (node.Designation)
            {
                case SingleVariableDesignationSyntax single when Model.GetDeclaredSymbol(single, Ct) is ILocalSymbol local:
                {
                    string? mapped = Map(local.Type);
                    return mapped is null ? rewritten : rewritten.WithType(WithMappedType(node.Type, mapped));
                }
                case ParenthesizedVariableDesignationSyntax paren:
                {
                    string? text = DesignationText(paren);
                    return text is null ? rewritten : ParseExpression(text).WithTriviaFrom(rewritten);
                }
            }
            return rewritten;
        }

        private string? DesignationText(VariableDesignationSyntax d)
        {
            switch (d)
            {
                case ParenthesizedVariableDesignationSyntax p:
                {
                    var parts = new List<string>();
                    foreach (VariableDesignationSyntax v in p.Variables)
                    {
                        string? s = DesignationText(v);
                        if (s is null) return null;
                        parts.Add(s);
                    }
                    return "(" + string.Join(", ", parts) + ")";
                }
                case SingleVariableDesignationSyntax s when Model.GetDeclaredSymbol(s, Ct) is ILocalSymbol local:
                    return (Map(local.Type) ?? local.Type.ToDisplayString(TypeMap.Fq)) + " " + s.Identifier.Text;
                case DiscardDesignationSyntax:
                    return "_";
                default:
                    return null;
            }
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var rewritten = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            if (Model.GetDeclaredSymbol(node, Ct) is ILocalSymbol local)
            {
                string? mapped = Map(local.Type);
                if (mapped is not null) return rewritten.WithType(WithMappedType(node.Type, mapped));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            var rewritten = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
            if (Model.GetDeclaredSymbol(node, Ct) is not IMethodSymbol fn) return rewritten;
            string? ret = Map(fn.ReturnType);
            if (ret is not null) rewritten = rewritten.WithReturnType(WithMappedType(node.ReturnType, ret));
            var ps = new List<ParameterSyntax>();
            for (int i = 0; i < node.ParameterList.Parameters.Count; i++)
            {
                ParameterSyntax p = rewritten.ParameterList.Parameters[i];
                string? mapped = i < fn.Parameters.Length ? Map(fn.Parameters[i].Type) : null;
                if (mapped is not null && p.Type is not null) p = p.WithType(WithMappedType(p.Type, mapped));
                // Defaults the rewritten function cannot keep are passed by its callers (CallPlan.AppendedArguments).
                if (p.Default is not null && i < fn.Parameters.Length && !TwinSignature.KeepsDefault(fn.Parameters[i])) p = p.WithDefault(null);
                ps.Add(p);
            }
            return rewritten.WithParameterList(rewritten.ParameterList.WithParameters(SeparatedList(ps)));
        }

        // A lambda over floating values gets explicit dual parameter types: '(Dual<double> t) => …'. The types say
        // what the lambda takes where the target delegate does not (inference of a multi-tangent helper twin's
        // TTangents from the lambda alone), and '(double t) => …' becomes dual like any declaration.
        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
        {
            var rewritten = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
            if (Model.GetSymbolInfo(node, Ct).Symbol is not IMethodSymbol fn || fn.Parameters.Length != 1 || Map(fn.Parameters[0].Type) is not { } mapped) return rewritten;
            SyntaxTriviaList trailing = rewritten.Parameter.GetTrailingTrivia();
            ParameterSyntax p = rewritten.Parameter.WithoutTrivia().WithType(ParseTypeName(mapped).WithTrailingTrivia(Space));
            ParameterListSyntax list = ParameterList(SingletonSeparatedList(p)).WithCloseParenToken(Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(trailing));
            return ParenthesizedLambdaExpression(rewritten.Modifiers, list, rewritten.ArrowToken, rewritten.Block, rewritten.ExpressionBody)
                .WithTriviaFrom(rewritten);
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            var rewritten = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
            if (Model.GetSymbolInfo(node, Ct).Symbol is not IMethodSymbol fn || fn.Parameters.Length != node.ParameterList.Parameters.Count) return rewritten;
            if (!fn.Parameters.Any(x => Map(x.Type) is not null)) return rewritten;
            var ps = new List<ParameterSyntax>();
            for (int i = 0; i < fn.Parameters.Length; i++)
            {
                ParameterSyntax p = rewritten.ParameterList.Parameters[i];
                string type = Map(fn.Parameters[i].Type) ?? fn.Parameters[i].Type.ToDisplayString(TypeMap.Fq);
                ps.Add(p.WithType(ParseTypeName(type).WithTrailingTrivia(Space)));
            }
            return rewritten.WithParameterList(rewritten.ParameterList.WithParameters(SeparatedList(ps)));
        }

        public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
        {
            var rewritten = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node)!;
            if (TypeOf(node) is IArrayTypeSymbol arr)
            {
                ITypeSymbol inner = arr;
                while (inner is IArrayTypeSymbol a) inner = a.ElementType;
                string? mapped = Map(inner);
                if (mapped is not null) return rewritten.WithType(rewritten.Type.WithElementType(ParseTypeName(mapped).WithTriviaFrom(rewritten.Type.ElementType)));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitImplicitArrayCreationExpression(ImplicitArrayCreationExpressionSyntax node)
        {
            var rewritten = (ImplicitArrayCreationExpressionSyntax)base.VisitImplicitArrayCreationExpression(node)!;
            if (TypeOf(node) is IArrayTypeSymbol arr && TypeMap.IsFloating(arr.ElementType))
            {
                string mapped = TypeMap.DualOf(arr.ElementType);
                string rank = "[" + new string(',', arr.Rank - 1) + "]"; // new[,] { { x } } keeps its rank
                return ParseExpression("new " + mapped + rank + " " + rewritten.Initializer.WithoutTrivia().ToFullString()).WithTriviaFrom(rewritten);
            }
            return rewritten;
        }

        public override SyntaxNode? VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            var rewritten = (StackAllocArrayCreationExpressionSyntax)base.VisitStackAllocArrayCreationExpression(node)!;
            ITypeSymbol? t = Model.GetTypeInfo(node, Ct).ConvertedType ?? TypeOf(node);
            if (rewritten.Type is ArrayTypeSyntax at && t is INamedTypeSymbol n && n.TypeArguments.Length == 1 && TypeMap.IsFloating(n.TypeArguments[0]))
            {
                return rewritten.WithType(at.WithElementType(ParseTypeName(TypeMap.DualOf(n.TypeArguments[0])).WithTriviaFrom(at.ElementType)));
            }
            return rewritten;
        }

        // -----------------------------------------------------------------------------------------
        // Expressions.
        // -----------------------------------------------------------------------------------------

        public override SyntaxNode? VisitCastExpression(CastExpressionSyntax node)
        {
            var rewritten = (CastExpressionSyntax)base.VisitCastExpression(node)!;
            ITypeSymbol? target = TypeOf(node.Type);
            ITypeSymbol? source = TypeOf(node.Expression);
            if (target is not null && !TypeMap.IsFloating(target) && TypeMap.ContainsFloating(target) && IsDual(node))
            {
                // (double[])x.Clone(): the cast names the dual container type.
                string? mapped = Map(target);
                return mapped is null ? rewritten : rewritten.WithType(ParseTypeName(mapped).WithTriviaFrom(rewritten.Type));
            }
            if (target is not null && TypeMap.IsFloating(target) && TypeMap.NullableFloating(source) is { } inner && IsDual(node.Expression))
            {
                // (double)c of a dual double?: the explicit unwrap of Dual<double>? (throws on null, as the method's cast does).
                if (inner.SpecialType != target.SpecialType) return rewritten; // a change of precision: reported by the flow analysis
                return rewritten.WithType(ParseTypeName(TypeMap.DualOf(target)).WithTriviaFrom(rewritten.Type));
            }
            if (target is null || source is null || !TypeMap.IsFloating(source) || !TypeMap.IsFloating(target) || !IsDual(node.Expression)) return rewritten;
            Precisions.Add(target.SpecialType);
            if (target.SpecialType == source.SpecialType) return Paren(rewritten.Expression).WithTriviaFrom(rewritten);
            UsesConversions = true;
            string fn = target.SpecialType == SpecialType.System_Double ? "ToDouble" : "ToSingle";
            return ParseExpression("global::__DualConvert." + fn + "(" + rewritten.Expression.WithoutTrivia().ToFullString() + ")").WithTriviaFrom(rewritten);
        }

        public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
        {
            var rewritten = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
            if (!_flow.Calls.TryGetValue(node, out CallPlan? plan)) return rewritten;
            if (plan.Kind == CallKind.Container && TypeOf(node) is { } t && Map(t) is { } mapped)
            {
                return rewritten.WithType(ParseTypeName(mapped).WithTriviaFrom(rewritten.Type)); // new Span<double>(a) over a dual array
            }
            if (plan.CreatedType is { } created)
            {
                // new Vec3(…) → new Vec3Dual(…), with the defaults its constructor twin cannot keep.
                rewritten = rewritten.WithType(ParseTypeName(created).WithTriviaFrom(rewritten.Type));
                if (plan.AppendedArguments.Count > 0)
                {
                    ArgumentListSyntax args = rewritten.ArgumentList ?? ArgumentList();
                    rewritten = rewritten.WithArgumentList(args.AddArguments(plan.AppendedArguments.Select(a => Argument(ParseExpression(a))).ToArray()));
                }
            }
            return rewritten;
        }

        public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
        {
            var rewritten = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
            if (_flow.Calls.TryGetValue(node, out CallPlan? plan) && plan.CreatedType is not null && plan.AppendedArguments.Count > 0)
            {
                rewritten = rewritten.WithArgumentList(rewritten.ArgumentList.AddArguments(plan.AppendedArguments.Select(a => Argument(ParseExpression(a))).ToArray()));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitWithExpression(WithExpressionSyntax node)
        {
            var rewritten = (WithExpressionSyntax)base.VisitWithExpression(node)!;
            // A constant record updated with dual values: the copy is made from its dual counterpart.
            if (IsDual(node) && !IsDual(node.Expression) && TypeOf(node) is { } t && Map(t) is { } mapped)
            {
                return rewritten.WithExpression(ParenthesizedExpression(CastExpression(ParseTypeName(mapped), Paren(rewritten.Expression.WithoutTrivia()))));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitDefaultExpression(DefaultExpressionSyntax node)
        {
            var rewritten = (DefaultExpressionSyntax)base.VisitDefaultExpression(node)!;
            if (TypeOf(node) is { } t && Aggregates.IsAggregate(t) && Map(t) is { } mapped) return rewritten.WithType(ParseTypeName(mapped).WithTriviaFrom(rewritten.Type));
            return rewritten;
        }

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (_shared.Uses.TryGetValue(node, out var use))
            {
                // The shared statement is placed once the block holding it is rewritten: its text from the first call here.
                if (!_shared.HasArgument(use.Pair))
                {
                    SyntaxNode computed = use.Half is null ? RewriteInvocation(node) : Visit(node.ArgumentList.Arguments[0].Expression)!;
                    _shared.SetArgument(use.Pair, SyntaxPrinter.Print(computed));
                }
                return ParseExpression(use.Half is null ? use.Pair : use.Pair + "." + use.Half).WithTriviaFrom(node);
            }
            return RewriteInvocation(node);
        }

        private SyntaxNode RewriteInvocation(InvocationExpressionSyntax node)
        {
            var rewritten = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            if (!_flow.Calls.TryGetValue(node, out CallPlan? plan)) return rewritten;
            IMethodSymbol? m = Model.GetSymbolInfo(node, Ct).Symbol as IMethodSymbol;
            if (plan.Promoted.Count > 0) rewritten = Promote(rewritten, plan);
            switch (plan.Kind)
            {
                case CallKind.MathTable:
                {
                    Precisions.Add(plan.DualType == TypeMap.DualSingle ? SpecialType.System_Single : SpecialType.System_Double);
                    // The user's own SinCos takes the fused pair's helper: the same bits as Dual<T>.SinCos, without the
                    // per-thread memo that only pays for separate Sin and Cos calls, and replayed inside chunk loops.
                    ExpressionSyntax callee = ParseExpression(plan.DualName == "SinCos" ? SharedCalls.Helper : plan.DualType + "." + plan.DualName);
                    return Arguments(rewritten.WithExpression(callee.WithTriviaFrom(rewritten.Expression)), plan);
                }
                case CallKind.Rule:
                    Precisions.Add(plan.Rule!.Precision == "float" ? SpecialType.System_Single : SpecialType.System_Double);
                    return Arguments(rewritten.WithExpression(IdentifierName(plan.Rule.LocalName).WithTriviaFrom(rewritten.Expression)), plan);
                case CallKind.GenericMath when m is not null:
                    return WithDualTypeArguments(rewritten, m);
                case CallKind.Container when plan.MapTypeArguments && m is not null:
                    return WithDualTypeArguments(rewritten, m);
                case CallKind.Twin when plan.Callee is not null:
                {
                    // A twin declared elsewhere: TDual.F(args), the receiver first for extension and companion instance calls.
                    InvocationExpressionSyntax call = Arguments(rewritten, plan);
                    var args = new List<ArgumentSyntax>();
                    if (plan.ReceiverFirst)
                    {
                        ExpressionSyntax receiver = rewritten.Expression is MemberAccessExpressionSyntax ma ? ma.Expression : IdentifierName(Self);
                        args.Add(Argument(receiver.WithoutTrivia()));
                    }
                    args.AddRange(call.ArgumentList.Arguments);
                    return InvocationExpression(ParseExpression(plan.Callee), ArgumentList(SeparatedList(args))).WithTriviaFrom(rewritten);
                }
                case CallKind.Twin:
                case CallKind.LocalFunction:
                    return Arguments(rewritten, plan);
                default:
                    return rewritten;
            }
        }

        /// <summary>Constant floating sequences of a LINQ call passed as sequences of dual constants (<see cref="CallPlan.Promoted"/>).</summary>
        private static InvocationExpressionSyntax Promote(InvocationExpressionSyntax call, CallPlan plan)
        {
            ExpressionSyntax AsDual(ExpressionSyntax e, string element, string dual) => ParseExpression(
                "global::System.Linq.Enumerable.Select<" + element + ", " + dual + ">(" + e.WithoutTrivia().ToFullString() + ", static __e => (" + dual + ")__e)").WithTriviaFrom(e);
            foreach ((int index, string element, string dual) in plan.Promoted)
            {
                if (index < 0 && call.Expression is MemberAccessExpressionSyntax ma)
                {
                    call = call.WithExpression(ma.WithExpression(ParenthesizedExpression(AsDual(ma.Expression, element, dual))));
                }
                else if (index >= 0)
                {
                    ArgumentSyntax a = call.ArgumentList.Arguments[index];
                    call = call.WithArgumentList(call.ArgumentList.WithArguments(call.ArgumentList.Arguments.Replace(a, a.WithExpression(AsDual(a.Expression, element, dual)))));
                }
            }
            return call;
        }

        /// <summary>Executes the argument part of a plan: positional rebuild, explicit params array, appended defaults.</summary>
        private static InvocationExpressionSyntax Arguments(InvocationExpressionSyntax call, CallPlan plan)
        {
            SeparatedSyntaxList<ArgumentSyntax> args = call.ArgumentList.Arguments;
            var list = new List<ArgumentSyntax>();
            if (plan.Positional is { } order)
            {
                foreach ((int index, string? text) in order)
                {
                    list.Add(index >= 0 ? args[index].WithNameColon(null).WithoutTrivia() : Argument(ParseExpression(text!)));
                }
            }
            else
            {
                for (int i = 0; i < args.Count; i++)
                {
                    if (!plan.ParamsElements.Contains(i)) list.Add(args[i].WithoutTrivia());
                }
                if (plan.ParamsElementType is not null)
                {
                    // Named, so that it binds to the params parameter wherever the elements were written.
                    // An array also for a params span: stackalloc would grow the stack on every call made in a loop.
                    string elements = string.Join(", ", plan.ParamsElements.Select(i => args[i].Expression.WithoutTrivia().ToFullString()));
                    string array = plan.ParamsElements.Count == 0
                        ? "global::System.Array.Empty<" + plan.ParamsElementType + ">()"
                        : "new " + plan.ParamsElementType + "[] { " + elements + " }";
                    list.Add(Argument(ParseExpression(plan.ParamsName + ": " + array)));
                }
                foreach (string extra in plan.AppendedArguments) list.Add(Argument(ParseExpression(extra)));
            }
            if (plan.Positional is null && plan.ParamsElementType is null && plan.AppendedArguments.Count == 0) return call;
            return call.WithArgumentList(call.ArgumentList.WithArguments(SeparatedList(list)));
        }

        private ExpressionSyntax WithDualTypeArguments(InvocationExpressionSyntax rewritten, IMethodSymbol m)
        {
            var typeArgs = m.TypeArguments.Select(t => Map(t) ?? t.ToDisplayString(TypeMap.Fq)).ToList();
            TypeArgumentListSyntax list = TypeArgumentList(SeparatedList(typeArgs.Select(s => ParseTypeName(s))));
            SimpleNameSyntax WithArgs(SimpleNameSyntax name) => GenericName(name.Identifier, list).WithTriviaFrom(name);
            return rewritten.Expression switch
            {
                SimpleNameSyntax name => rewritten.WithExpression(WithArgs(name)),
                MemberAccessExpressionSyntax ma => rewritten.WithExpression(ma.WithName(WithArgs(ma.Name))),
                MemberBindingExpressionSyntax mb => rewritten.WithExpression(mb.WithName(WithArgs(mb.Name))),
                _ => throw new System.InvalidOperationException("unexpected callee syntax '" + rewritten.Expression.Kind() + "' for a generic call"),
            };
        }
    }
}
