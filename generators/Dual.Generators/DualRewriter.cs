using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dual.Generators
{
    /// <summary>A call to an opaque function that is replaced by a local rule function in the twin.</summary>
    internal sealed record RuleUse(string LocalName, string TargetCall, string RuleCall, string Precision, int Arity);

    /// <summary>
    /// Rewrites the body of a [Differentiable] method into its dual-number form, using the semantic model of the
    /// original tree: every floating local and parameter becomes Dual&lt;T&gt;, known math functions map to Dual&lt;T&gt;
    /// functions, comparisons and branch conditions read the primal value.
    /// </summary>
    internal sealed class DualRewriter : CSharpSyntaxRewriter
    {
        private readonly SemanticModel _model;
        private readonly IMethodSymbol _method;
        private readonly CancellationToken _ct;

        public List<DiagnosticInfo> Diagnostics { get; } = new();
        public List<RuleUse> Rules { get; } = new();
        public HashSet<SpecialType> Precisions { get; } = new();
        public HashSet<IMethodSymbol> DifferentiableCallees { get; } = new(SymbolEqualityComparer.Default);
        public bool UsesConversions { get; private set; }

        public DualRewriter(SemanticModel model, IMethodSymbol method, CancellationToken ct)
        {
            _model = model;
            _method = method;
            _ct = ct;
        }

        private void Report(DiagnosticDescriptor d, SyntaxNode node, params string[] args) =>
            Diagnostics.Add(DiagnosticInfo.Create(d, node.GetLocation(), args));

        private ITypeSymbol? TypeOf(SyntaxNode e) => _model.GetTypeInfo(e, _ct).Type;

        // -----------------------------------------------------------------------------------------
        // Dual-ness: does a (floating-typed) expression carry a tangent after the rewrite?
        // -----------------------------------------------------------------------------------------

        private readonly Dictionary<SyntaxNode, bool> _isDual = new();

        public bool IsDual(SyntaxNode node)
        {
            if (_isDual.TryGetValue(node, out bool cached)) return cached;
            bool result = IsDualCore(node);
            _isDual[node] = result;
            return result;
        }

        private bool IsDualCore(SyntaxNode node)
        {
            if (node is ExpressionSyntax e)
            {
                TypeInfo ti = _model.GetTypeInfo(e, _ct);
                if (ti.Type is not null && !TypeMap.ContainsFloating(ti.Type) && ti.Type.TypeKind != TypeKind.Error)
                {
                    return false;
                }
                if (e is IdentifierNameSyntax id)
                {
                    ISymbol? s = _model.GetSymbolInfo(id, _ct).Symbol;
                    return s switch
                    {
                        ILocalSymbol l => !l.IsConst && TypeMap.ContainsFloating(l.Type),
                        IParameterSymbol p => IsOwnParameter(p) && TypeMap.ContainsFloating(p.Type),
                        _ => false,
                    };
                }
                if (e is InvocationExpressionSyntax inv && _model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol m
                    && m.MethodKind == MethodKind.LocalFunction && TypeMap.ContainsFloating(m.ReturnType))
                {
                    return true;
                }
                if (e is LambdaExpressionSyntax || e is AnonymousMethodExpressionSyntax) return false;
                if (e is CastExpressionSyntax ce && TypeMap.ContainsFloating(ti.Type)
                    && ce.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => IsDual(id)))
                {
                    return true; // (double[])x.Clone()
                }
            }
            foreach (SyntaxNode child in node.ChildNodes())
            {
                if (IsDual(child)) return true;
            }
            return false;
        }

        /// <summary>A parameter of the rewritten method or of one of its local functions (not a primary-constructor parameter).</summary>
        private bool IsOwnParameter(IParameterSymbol p) =>
            p.ContainingSymbol is IMethodSymbol pm && (SymbolEqualityComparer.Default.Equals(pm, _method) || pm.MethodKind == MethodKind.LocalFunction);

        private static ExpressionSyntax Paren(ExpressionSyntax e) =>
            e is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ParenthesizedExpressionSyntax or LiteralExpressionSyntax
                ? e
                : ParenthesizedExpression(e.WithoutTrivia());

        private static ExpressionSyntax ValueOf(ExpressionSyntax e) =>
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Paren(e.WithoutTrivia()), IdentifierName("Value")).WithTriviaFrom(e);

        /// <summary>The primal of <paramref name="rewritten"/> when <paramref name="original"/> is dual.</summary>
        private ExpressionSyntax Primal(ExpressionSyntax original, ExpressionSyntax rewritten) =>
            TypeMap.IsFloating(TypeOf(original)) && IsDual(original) ? ValueOf(rewritten) : rewritten;

        /// <summary>Primal for a pattern input: element-wise for tuple literals such as <c>(x, y) switch { ... }</c>.</summary>
        private ExpressionSyntax PatternInput(ExpressionSyntax original, ExpressionSyntax rewritten)
        {
            if (original is TupleExpressionSyntax ot && rewritten is TupleExpressionSyntax rt && ot.Arguments.Count == rt.Arguments.Count)
            {
                var args = new List<ArgumentSyntax>();
                for (int i = 0; i < ot.Arguments.Count; i++)
                {
                    args.Add(rt.Arguments[i].WithExpression(PatternInput(ot.Arguments[i].Expression, rt.Arguments[i].Expression)));
                }
                return rt.WithArguments(SeparatedList(args, rt.Arguments.GetSeparators()));
            }
            return Primal(original, rewritten);
        }

        // -----------------------------------------------------------------------------------------
        // Generic pass: implicit conversions.
        // -----------------------------------------------------------------------------------------

        public override SyntaxNode? Visit(SyntaxNode? node)
        {
            if (node is null) return null;
            _ct.ThrowIfCancellationRequested();
            SyntaxNode? rewritten = base.Visit(node);
            if (node is ExpressionSyntax e && rewritten is ExpressionSyntax r && IsValuePosition(e))
            {
                return ApplyConversion(e, r);
            }
            return rewritten;
        }

        private static bool IsValuePosition(ExpressionSyntax e) => e.Parent switch
        {
            MemberAccessExpressionSyntax ma => ma.Name != e,
            MemberBindingExpressionSyntax => false,
            QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax or TypeArgumentListSyntax => false,
            InvocationExpressionSyntax inv => inv.Expression != e,
            _ => true,
        };

        private ExpressionSyntax ApplyConversion(ExpressionSyntax orig, ExpressionSyntax rex)
        {
            TypeInfo ti = _model.GetTypeInfo(orig, _ct);
            ITypeSymbol? t = ti.Type, c = ti.ConvertedType;
            if (t is null || c is null) return rex;
            TypeMap.CollectPrecisions(t, Precisions);
            if (SymbolEqualityComparer.Default.Equals(t, c))
            {
                CheckNonDualContainer(orig, t);
                return rex;
            }

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
                return rex;
            }

            if (TypeMap.ContainsFloating(t) && !TypeMap.ContainsFloating(c) && c.TypeKind != TypeKind.Error && IsDual(orig))
            {
                // Arguments are handled by the invocation (a non-floating API receives the primal).
                if (orig.Parent is ArgumentSyntax || orig.Parent is InterpolationSyntax) return rex;
                // String concatenation ("x = " + x) formats the primal value.
                if (orig.Parent is BinaryExpressionSyntax concat && concat.IsKind(SyntaxKind.AddExpression)
                    && TypeOf(concat)?.SpecialType == SpecialType.System_String && TypeMap.IsFloating(t))
                {
                    return ValueOf(rex);
                }
                if (TypeMap.IsFloating(t) && (c.SpecialType == SpecialType.System_Object || c.TypeKind == TypeKind.Dynamic || c.TypeKind == TypeKind.Interface || c.SpecialType == SpecialType.System_ValueType))
                {
                    Report(Generators.Diagnostics.Escapes, orig, orig.ToString(), c.ToDisplayString());
                }
            }
            return rex;
        }

        /// <summary>A double[]/span read from a field or a non-floating API cannot flow into a dual array.</summary>
        private void CheckNonDualContainer(ExpressionSyntax orig, ITypeSymbol t)
        {
            if (TypeMap.IsFloating(t) || !TypeMap.ContainsFloating(t)) return;
            if (orig is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or StackAllocArrayCreationExpressionSyntax
                or ImplicitStackAllocArrayCreationExpressionSyntax or TupleExpressionSyntax or LiteralExpressionSyntax || orig.IsKind(SyntaxKind.CollectionExpression))
            {
                return;
            }
            bool flows = orig.Parent is EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ArgumentSyntax
                || (orig.Parent is AssignmentExpressionSyntax a && a.Right == orig);
            if (flows && !IsDual(orig) && t is IArrayTypeSymbol or INamedTypeSymbol { IsTupleType: false })
            {
                if (orig.Parent is ArgumentSyntax arg && arg.Parent?.Parent is InvocationExpressionSyntax inv
                    && _model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol m && !IsDualCallTarget(m))
                {
                    return;
                }
                Report(Generators.Diagnostics.UnsupportedType, orig, "Expression", orig.ToString(), t.ToDisplayString() + " read from outside the differentiated code (copy it element-wise into a local array)");
            }
        }

        private bool IsDualCallTarget(IMethodSymbol m) =>
            m.MethodKind == MethodKind.LocalFunction || TypeMap.HasAttribute(m.OriginalDefinition, "Dual.DifferentiableAttribute");

        // -----------------------------------------------------------------------------------------
        // Declarations: locals, out vars, deconstruction, foreach, local functions, array creation.
        // -----------------------------------------------------------------------------------------

        private string? MapOrReport(ITypeSymbol type, SyntaxNode at, string what, string name)
        {
            TypeMap.CollectPrecisions(type, Precisions);
            string? mapped = TypeMap.Map(type, out bool bad);
            if (bad) Report(Generators.Diagnostics.UnsupportedType, at, what, name, type.ToDisplayString());
            return mapped;
        }

        private static TypeSyntax WithMappedType(TypeSyntax original, string mapped)
        {
            if (original is RefTypeSyntax r)
            {
                return r.WithType(ParseTypeName(mapped).WithTriviaFrom(r.Type));
            }
            return ParseTypeName(mapped).WithTriviaFrom(original);
        }

        public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
        {
            var rewritten = (VariableDeclarationSyntax)base.VisitVariableDeclaration(node)!;
            if (node.Variables.Count > 0 && _model.GetDeclaredSymbol(node.Variables[0], _ct) is ILocalSymbol { IsConst: false } local)
            {
                string? mapped = MapOrReport(local.Type, node.Type, "Local", local.Name);
                if (mapped is not null) return rewritten.WithType(WithMappedType(node.Type, mapped));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitDeclarationExpression(DeclarationExpressionSyntax node)
        {
            var rewritten = (DeclarationExpressionSyntax)base.VisitDeclarationExpression(node)!;
            switch (node.Designation)
            {
                case SingleVariableDesignationSyntax single when _model.GetDeclaredSymbol(single, _ct) is ILocalSymbol local:
                {
                    string? mapped = MapOrReport(local.Type, node.Type, "Local", local.Name);
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
                case SingleVariableDesignationSyntax s when _model.GetDeclaredSymbol(s, _ct) is ILocalSymbol local:
                    return (MapOrReport(local.Type, s, "Local", local.Name) ?? local.Type.ToDisplayString(TypeMap.Fq)) + " " + s.Identifier.Text;
                case DiscardDesignationSyntax:
                    return "_";
                default:
                    return null;
            }
        }

        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
        {
            var rewritten = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
            if (_model.GetDeclaredSymbol(node, _ct) is ILocalSymbol local)
            {
                string? mapped = MapOrReport(local.Type, node.Type, "Loop variable", local.Name);
                if (mapped is not null) return rewritten.WithType(WithMappedType(node.Type, mapped));
            }
            return rewritten;
        }

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
        {
            var rewritten = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
            if (_model.GetDeclaredSymbol(node, _ct) is not IMethodSymbol fn) return rewritten;
            if (fn.IsAsync || fn.IsGenericMethod)
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, fn.IsAsync ? "An async local function" : "A generic local function", "use a non-generic, synchronous local function");
                return rewritten;
            }
            string? ret = MapOrReport(fn.ReturnType, node.ReturnType, "Return of local function", fn.Name);
            if (ret is not null) rewritten = rewritten.WithReturnType(WithMappedType(node.ReturnType, ret));
            var ps = new List<ParameterSyntax>();
            for (int i = 0; i < node.ParameterList.Parameters.Count; i++)
            {
                ParameterSyntax p = rewritten.ParameterList.Parameters[i];
                string? mapped = i < fn.Parameters.Length ? MapOrReport(fn.Parameters[i].Type, node.ParameterList.Parameters[i], "Parameter", fn.Parameters[i].Name) : null;
                if (mapped is not null && p.Type is not null)
                {
                    p = p.WithType(WithMappedType(p.Type, mapped)).WithDefault(null);
                }
                ps.Add(p);
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
                string? mapped = MapOrReport(inner, node.Type, "Array", node.ToString());
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
                return ParseExpression("new " + mapped + "[] " + rewritten.Initializer.WithoutTrivia().ToFullString()).WithTriviaFrom(rewritten);
            }
            return rewritten;
        }

        public override SyntaxNode? VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            var rewritten = (StackAllocArrayCreationExpressionSyntax)base.VisitStackAllocArrayCreationExpression(node)!;
            ITypeSymbol? t = _model.GetTypeInfo(node, _ct).ConvertedType ?? TypeOf(node);
            if (t is IPointerTypeSymbol && TypeMap.ContainsFloating(t))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, "stackalloc of floats into a pointer", "assign the stackalloc to a Span<double> instead");
                return rewritten;
            }
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
            if (target is not null && !TypeMap.IsFloating(target) && TypeMap.ContainsFloating(target)
                && node.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => IsDual(id)))
            {
                // (double[])x.Clone(): the cast names the dual container type.
                string? mapped = MapOrReport(target, node.Type, "Cast", node.ToString());
                return mapped is null ? rewritten : rewritten.WithType(ParseTypeName(mapped).WithTriviaFrom(rewritten.Type));
            }
            if (target is null || source is null || !TypeMap.IsFloating(source) || !IsDual(node.Expression)) return rewritten;
            if (TypeMap.IsFloating(target))
            {
                Precisions.Add(target.SpecialType);
                if (target.SpecialType == source.SpecialType) return Paren(rewritten.Expression).WithTriviaFrom(rewritten);
                UsesConversions = true;
                string fn = target.SpecialType == SpecialType.System_Double ? "ToDouble" : "ToSingle";
                return ParseExpression("global::__DualConvert." + fn + "(" + rewritten.Expression.WithoutTrivia().ToFullString() + ")").WithTriviaFrom(rewritten);
            }
            if (target.SpecialType == SpecialType.System_Object || target.TypeKind == TypeKind.Dynamic || target.TypeKind == TypeKind.Interface)
            {
                Report(Generators.Diagnostics.Escapes, node, node.Expression.ToString(), target.ToDisplayString());
                return rewritten;
            }
            return rewritten.WithExpression(ValueOf(rewritten.Expression));
        }

        public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
        {
            var rewritten = (BinaryExpressionSyntax)base.VisitBinaryExpression(node)!;
            switch (node.Kind())
            {
                case SyntaxKind.LessThanExpression:
                case SyntaxKind.LessThanOrEqualExpression:
                case SyntaxKind.GreaterThanExpression:
                case SyntaxKind.GreaterThanOrEqualExpression:
                case SyntaxKind.EqualsExpression:
                case SyntaxKind.NotEqualsExpression:
                    return rewritten.WithLeft(Primal(node.Left, rewritten.Left)).WithRight(Primal(node.Right, rewritten.Right));
                case SyntaxKind.AsExpression:
                case SyntaxKind.IsExpression:
                    if (TypeMap.IsFloating(TypeOf(node.Left)) && IsDual(node.Left))
                    {
                        Report(Generators.Diagnostics.Escapes, node, node.Left.ToString(), node.Right.ToString());
                    }
                    return rewritten;
                default:
                    return rewritten;
            }
        }

        public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
        {
            var rewritten = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
            return rewritten.WithExpression(PatternInput(node.Expression, rewritten.Expression));
        }

        public override SyntaxNode? VisitSwitchStatement(SwitchStatementSyntax node)
        {
            var rewritten = (SwitchStatementSyntax)base.VisitSwitchStatement(node)!;
            return rewritten.WithExpression(PatternInput(node.Expression, rewritten.Expression));
        }

        public override SyntaxNode? VisitSwitchExpression(SwitchExpressionSyntax node)
        {
            var rewritten = (SwitchExpressionSyntax)base.VisitSwitchExpression(node)!;
            return rewritten.WithGoverningExpression(PatternInput(node.GoverningExpression, rewritten.GoverningExpression));
        }

        public override SyntaxNode? VisitInterpolation(InterpolationSyntax node)
        {
            var rewritten = (InterpolationSyntax)base.VisitInterpolation(node)!;
            return rewritten.WithExpression(Primal(node.Expression, rewritten.Expression));
        }

        private void CheckFieldWrite(ExpressionSyntax target)
        {
            ExpressionSyntax root = target;
            while (root is ElementAccessExpressionSyntax ea) root = ea.Expression;
            ISymbol? s = _model.GetSymbolInfo(root, _ct).Symbol;
            if ((s is IFieldSymbol f && TypeMap.ContainsFloating(f.Type)) || (s is IPropertySymbol p && TypeMap.ContainsFloating(p.Type))
                || (s is IParameterSymbol ps && !IsOwnParameter(ps) && TypeMap.ContainsFloating(ps.Type)))
            {
                Report(Generators.Diagnostics.FieldWrite, target, s.Name);
            }
        }

        public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
        {
            CheckFieldWrite(node.Left);
            return base.VisitAssignmentExpression(node);
        }

        public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression)) CheckFieldWrite(node.Operand);
            if (node.IsKind(SyntaxKind.AddressOfExpression) || node.IsKind(SyntaxKind.PointerIndirectionExpression))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, "Pointer code", "use arrays or spans");
            }
            return base.VisitPrefixUnaryExpression(node);
        }

        public override SyntaxNode? VisitPostfixUnaryExpression(PostfixUnaryExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression)) CheckFieldWrite(node.Operand);
            return base.VisitPostfixUnaryExpression(node);
        }

        public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
        {
            if (IsException(node)) return ExceptionArguments(node.ArgumentList, (BaseObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!);
            CheckConstructorArguments(node.ArgumentList, node);
            return base.VisitObjectCreationExpression(node);
        }

        public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
        {
            if (IsException(node)) return ExceptionArguments(node.ArgumentList, (BaseObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!);
            CheckConstructorArguments(node.ArgumentList, node);
            return base.VisitImplicitObjectCreationExpression(node);
        }

        private bool IsException(ExpressionSyntax creation)
        {
            for (ITypeSymbol? t = TypeOf(creation); t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == "System.Exception") return true;
            }
            return false;
        }

        /// <summary>An exception is a side exit, not part of the computation: it receives primal values.</summary>
        private SyntaxNode ExceptionArguments(ArgumentListSyntax? original, BaseObjectCreationExpressionSyntax rewritten)
        {
            if (original is null || rewritten.ArgumentList is null) return rewritten;
            var args = new List<ArgumentSyntax>();
            for (int i = 0; i < original.Arguments.Count; i++)
            {
                ArgumentSyntax arg = rewritten.ArgumentList.Arguments[i];
                ExpressionSyntax o = original.Arguments[i].Expression;
                args.Add(TypeMap.IsFloating(TypeOf(o)) && IsDual(o) ? arg.WithExpression(ValueOf(arg.Expression)) : arg);
            }
            return rewritten.WithArgumentList(rewritten.ArgumentList.WithArguments(SeparatedList(args, rewritten.ArgumentList.Arguments.GetSeparators())));
        }

        /// <summary>A dual value stored into a new object would silently become a constant: reported.</summary>
        private void CheckConstructorArguments(ArgumentListSyntax? args, ExpressionSyntax creation)
        {
            if (args is null) return;
            ITypeSymbol? created = TypeOf(creation);
            if (created is not null && TypeMap.ContainsFloating(created)) return;
            foreach (ArgumentSyntax a in args.Arguments)
            {
                if (TypeMap.ContainsFloating(TypeOf(a.Expression)) && IsDual(a.Expression))
                {
                    Report(Generators.Diagnostics.Escapes, a, a.Expression.ToString(), created?.ToDisplayString() ?? "object");
                }
            }
        }

        public override SyntaxNode? VisitDeclarationPattern(DeclarationPatternSyntax node)
        {
            CheckPatternDesignation(node, node.Designation);
            return base.VisitDeclarationPattern(node);
        }

        public override SyntaxNode? VisitVarPattern(VarPatternSyntax node)
        {
            CheckPatternDesignation(node, node.Designation);
            return base.VisitVarPattern(node);
        }

        private void CheckPatternDesignation(SyntaxNode pattern, VariableDesignationSyntax designation)
        {
            foreach (SingleVariableDesignationSyntax s in designation.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
            {
                if (_model.GetDeclaredSymbol(s, _ct) is ILocalSymbol l && TypeMap.ContainsFloating(l.Type) && pattern.Parent is not null
                    && IsDualPatternInput(pattern))
                {
                    Report(Generators.Diagnostics.UnsupportedConstruct, pattern, "A pattern that declares a floating variable from a dual value", "use the original variable (e.g. 'case var _ when x > 1' or an if statement)");
                    return;
                }
            }
        }

        private bool IsDualPatternInput(SyntaxNode pattern)
        {
            foreach (SyntaxNode a in pattern.Ancestors())
            {
                switch (a)
                {
                    case IsPatternExpressionSyntax ip: return IsDual(ip.Expression);
                    case SwitchStatementSyntax ss: return IsDual(ss.Expression);
                    case SwitchExpressionSyntax se: return IsDual(se.GoverningExpression);
                    case StatementSyntax: return false;
                }
            }
            return false;
        }

        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            IMethodSymbol? m = _model.GetSymbolInfo(node, _ct).Symbol as IMethodSymbol;
            if (m is null)
            {
                return base.VisitInvocationExpression(node);
            }

            // ref/out arguments that are floating fields would be written.
            foreach (ArgumentSyntax a in node.ArgumentList.Arguments)
            {
                if (!a.RefKindKeyword.IsKind(SyntaxKind.None) && !a.RefKindKeyword.IsKind(SyntaxKind.InKeyword)) CheckFieldWrite(a.Expression);
            }

            bool anyDual = node.ArgumentList.Arguments.Any(a => IsDual(a.Expression))
                || (node.Expression is MemberAccessExpressionSyntax ma0 && !m.IsStatic && IsDual(ma0.Expression));
            bool returnsFloating = TypeMap.ContainsFloating(m.ReturnType)
                || m.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref && TypeMap.ContainsFloating(p.Type));
            var rewritten = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;

            if (m.MethodKind == MethodKind.LocalFunction)
            {
                return rewritten;
            }
            if (TypeMap.HasAttribute(m.OriginalDefinition, "Dual.DifferentiableAttribute"))
            {
                if (anyDual) DifferentiableCallees.Add(m.OriginalDefinition);
                return rewritten; // overload resolution picks the twin (same name, dual parameters)
            }
            if (node.ArgumentList.Arguments.Any(a => (a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || a.RefKindKeyword.IsKind(SyntaxKind.RefKeyword))
                && TypeMap.ContainsFloating(TypeOf(a.Expression))))
            {
                // A non-differentiable API writing into a (dual) floating variable.
                Report(Generators.Diagnostics.NotDifferentiableCall, node, m.ToDisplayString(), m.Name);
                return rewritten;
            }
            if (!anyDual)
            {
                return rewritten; // evaluated on constants only: stays as written
            }

            if (returnsFloating)
            {
                string? dualName = MathTable.DualName(m);
                if (dualName is not null && TypeMap.IsFloating(m.ReturnType is INamedTypeSymbol { IsTupleType: true } tt ? tt.TupleElements[0].Type : m.ReturnType))
                {
                    ITypeSymbol prec = m.ReturnType is INamedTypeSymbol { IsTupleType: true } tt2 ? tt2.TupleElements[0].Type : m.ReturnType;
                    Precisions.Add(prec.SpecialType);
                    ExpressionSyntax callee = ParseExpression(TypeMap.DualOf(prec) + "." + dualName);
                    return rewritten.WithExpression(callee.WithTriviaFrom(rewritten.Expression));
                }
                if (m.IsGenericMethod && m.TypeArguments.Any(t => TypeMap.ContainsFloating(t)))
                {
                    return WithDualTypeArguments(node, rewritten, m);
                }
                RuleUse? rule = FindRule(m, node);
                if (rule is not null)
                {
                    return rewritten.WithExpression(IdentifierName(rule.LocalName).WithTriviaFrom(rewritten.Expression));
                }
                Report(Generators.Diagnostics.NotDifferentiableCall, node, m.ToDisplayString(), m.Name);
                return rewritten;
            }

            // A non-floating API (logging, Math.Sign, double.IsNaN, ...): it receives the primal values.
            var args = new List<ArgumentSyntax>();
            for (int i = 0; i < node.ArgumentList.Arguments.Count; i++)
            {
                ArgumentSyntax orig = node.ArgumentList.Arguments[i];
                ArgumentSyntax arg = rewritten.ArgumentList.Arguments[i];
                if (orig.RefKindKeyword.IsKind(SyntaxKind.None) && TypeMap.IsFloating(TypeOf(orig.Expression)) && IsDual(orig.Expression))
                {
                    arg = arg.WithExpression(ValueOf(arg.Expression));
                }
                else if (orig.RefKindKeyword.IsKind(SyntaxKind.None) && TypeMap.ContainsFloating(TypeOf(orig.Expression)) && IsDual(orig.Expression))
                {
                    Report(Generators.Diagnostics.Escapes, orig, orig.Expression.ToString(), m.ToDisplayString());
                }
                args.Add(arg);
            }
            InvocationExpressionSyntax result = rewritten.WithArgumentList(rewritten.ArgumentList.WithArguments(SeparatedList(args, rewritten.ArgumentList.Arguments.GetSeparators())));
            // x.ToString(), x.CompareTo(y), x.Equals(y): instance members of a floating receiver see its primal value.
            if (!m.IsStatic && node.Expression is MemberAccessExpressionSyntax ma && result.Expression is MemberAccessExpressionSyntax rma
                && TypeMap.IsFloating(TypeOf(ma.Expression)) && IsDual(ma.Expression))
            {
                result = result.WithExpression(rma.WithExpression(ValueOf(rma.Expression)));
            }
            return result;
        }

        private ExpressionSyntax WithDualTypeArguments(InvocationExpressionSyntax node, InvocationExpressionSyntax rewritten, IMethodSymbol m)
        {
            var typeArgs = m.TypeArguments.Select(t => TypeMap.Map(t, out _) ?? t.ToDisplayString(TypeMap.Fq)).ToList();
            foreach (ITypeSymbol t in m.TypeArguments) TypeMap.CollectPrecisions(t, Precisions);
            TypeArgumentListSyntax list = TypeArgumentList(SeparatedList(typeArgs.Select(s => ParseTypeName(s))));
            SimpleNameSyntax WithArgs(SimpleNameSyntax name) => GenericName(name.Identifier, list).WithTriviaFrom(name);
            switch (rewritten.Expression)
            {
                case SimpleNameSyntax name:
                    return rewritten.WithExpression(WithArgs(name));
                case MemberAccessExpressionSyntax ma:
                    return rewritten.WithExpression(ma.WithName(WithArgs(ma.Name)));
                default:
                    Report(Generators.Diagnostics.NotDifferentiableCall, node, m.ToDisplayString(), m.Name);
                    return rewritten;
            }
        }

        // -----------------------------------------------------------------------------------------
        // Custom rules ([DerivativeOf]).
        // -----------------------------------------------------------------------------------------

        private RuleUse? FindRule(IMethodSymbol target, SyntaxNode at)
        {
            if (!target.IsStatic || !TypeMap.IsFloating(target.ReturnType)) return null;
            foreach (INamedTypeSymbol? scope in new[] { target.ContainingType, _method.ContainingType })
            {
                if (scope is null) continue;
                foreach (IMethodSymbol candidate in scope.GetMembers().OfType<IMethodSymbol>())
                {
                    foreach (AttributeData attr in candidate.GetAttributes())
                    {
                        if (attr.AttributeClass?.ToDisplayString() != "Dual.DerivativeOfAttribute") continue;
                        if (!RuleCheck.Matches(attr, candidate, target, out _)) continue;
                        if (!_model.Compilation.IsSymbolAccessibleWithin(candidate, _method.ContainingType)) continue;
                        string targetCall = target.ContainingType.ToDisplayString(TypeMap.Fq) + "." + target.Name;
                        string ruleCall = candidate.ContainingType.ToDisplayString(TypeMap.Fq) + "." + candidate.Name;
                        RuleUse? existing = Rules.FirstOrDefault(r => r.TargetCall == targetCall && r.RuleCall == ruleCall);
                        if (existing is not null) return existing;
                        var use = new RuleUse("__DualRule" + Rules.Count + "_" + target.Name, targetCall, ruleCall, TypeMap.Keyword(target.ReturnType), target.Parameters.Length);
                        Rules.Add(use);
                        Precisions.Add(target.ReturnType.SpecialType);
                        return use;
                    }
                }
            }
            return null;
        }

        // -----------------------------------------------------------------------------------------
        // Unsupported statements.
        // -----------------------------------------------------------------------------------------

        private bool MentionsFloating(SyntaxNode node) =>
            node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => TypeMap.ContainsFloating(TypeOf(e)));

        public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "'goto'", "restructure the code with loops, break and continue");
            return node;
        }

        public override SyntaxNode? VisitUnsafeStatement(UnsafeStatementSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "Unsafe code", "use arrays or spans instead of pointers");
            return node;
        }

        public override SyntaxNode? VisitFixedStatement(FixedStatementSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "'fixed'", "use arrays or spans instead of pointers");
            return node;
        }

        public override SyntaxNode? VisitPointerType(PointerTypeSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "A pointer type", "use arrays or spans instead of pointers");
            return node;
        }

        public override SyntaxNode? VisitTryStatement(TryStatementSyntax node)
        {
            if (MentionsFloating(node))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, "'try' around floating code", "move the try/catch/finally to the caller or into a non-floating helper");
                return node;
            }
            return base.VisitTryStatement(node);
        }

        public override SyntaxNode? VisitYieldStatement(YieldStatementSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "An iterator ('yield')", "return an array or write into a Span<double> instead");
            return node;
        }

        public override SyntaxNode? VisitAwaitExpression(AwaitExpressionSyntax node)
        {
            Report(Generators.Diagnostics.UnsupportedConstruct, node, "'await'", "differentiate a synchronous method and await outside it");
            return node;
        }

        private SyntaxNode? LambdaLike(ExpressionSyntax node)
        {
            if (MentionsFloating(node))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, "A lambda or anonymous method over floating values", "use a local function instead");
                return node;
            }
            return node; // no floating state inside: left exactly as written
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => LambdaLike(node);

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => LambdaLike(node);

        public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => LambdaLike(node);

        public override SyntaxNode? VisitQueryExpression(QueryExpressionSyntax node)
        {
            if (MentionsFloating(node))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, "A query expression over floating values", "use a foreach loop");
            }
            return node;
        }
    }
}
