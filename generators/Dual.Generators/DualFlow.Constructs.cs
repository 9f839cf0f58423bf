namespace Dual.Generators
{
    /// <summary>Statements and declarations the twin cannot express, found before any flow is classified.</summary>
    internal sealed partial class DualFlow
    {
        private ITypeSymbol? TypeOf(SyntaxNode e) => _model.GetTypeInfo(e, _ct).Type;

        private bool MentionsFloating(SyntaxNode node) =>
            node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => MentionsFloating(TypeOf(e)) || MentionsFloating(_model.GetTypeInfo(e, _ct).ConvertedType));

        private void CheckConstructs(SyntaxNode body)
        {
            var nodes = body.DescendantNodesAndSelf(n => n is not LambdaExpressionSyntax and not AnonymousMethodExpressionSyntax and not QueryExpressionSyntax).ToList();
            // Constructs first, so that a declaration whose initializer is the root cause ('var q = from …') is covered by it.
            foreach (SyntaxNode node in nodes) CheckConstruct(node);
            foreach (SyntaxNode node in nodes) CheckDeclarations(node);
        }

        private void CheckDeclarations(SyntaxNode node)
        {
            switch (node)
            {
                case LocalFunctionStatementSyntax lf:
                    CheckLocalFunction(lf);
                    break;
                case VariableDeclarationSyntax vd:
                    CheckDeclaration(vd);
                    break;
                case ForEachStatementSyntax fe when _model.GetDeclaredSymbol(fe, _ct) is ILocalSymbol loop:
                    CheckLocalType(loop, fe.Type, fe);
                    break;
                case SingleVariableDesignationSyntax s when s.Parent is DeclarationExpressionSyntax or ParenthesizedVariableDesignationSyntax
                    && _model.GetDeclaredSymbol(s, _ct) is ILocalSymbol declared:
                    CheckLocalType(declared, s, s);
                    break;
                case ArrayCreationExpressionSyntax ac when TypeOf(ac) is IArrayTypeSymbol arr && TypeMap.ContainsFloating(arr):
                {
                    TypeMap.Map(arr, out bool bad);
                    if (bad) Report(Generators.Diagnostics.UnsupportedType, ac.Type, ac, "Array", ac.Type.ToString(), TypeMap.Text(arr), TypeMap.FixFor(Innermost(arr)));
                    break;
                }
            }
        }

        private const string NoPointers = "use arrays or spans instead of pointers";

        /// <summary>The constructs a twin cannot hold whatever their types (DUAL003).</summary>
        private static readonly Dictionary<SyntaxKind, Refusal> s_unsupported = Refusal.ByKind(
            ("'goto'", "restructure the code with loops, break and continue",
                new[] { SyntaxKind.GotoStatement, SyntaxKind.GotoCaseStatement, SyntaxKind.GotoDefaultStatement }),
            ("Unsafe code", NoPointers, new[] { SyntaxKind.UnsafeStatement }),
            ("'fixed'", NoPointers, new[] { SyntaxKind.FixedStatement }),
            ("A pointer type", NoPointers, new[] { SyntaxKind.PointerType, SyntaxKind.FunctionPointerType }),
            ("Pointer code", "use arrays or spans", new[] { SyntaxKind.AddressOfExpression, SyntaxKind.PointerIndirectionExpression }),
            ("'{0}'", "pass values directly", new[] { SyntaxKind.MakeRefExpression, SyntaxKind.RefValueExpression, SyntaxKind.RefTypeExpression }),
            ("An iterator ('yield')", "return an array or write into a Span<double> instead",
                new[] { SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement }),
            ("'await'", "differentiate a synchronous method and await outside it", new[] { SyntaxKind.AwaitExpression }));

        private void CheckConstruct(SyntaxNode node)
        {
            _ct.ThrowIfCancellationRequested();
            if (s_unsupported.TryGetValue(node.Kind(), out Refusal refusal))
            {
                // {0}: the construct's keyword ('__makeref', '__refvalue', '__reftype').
                Report(Generators.Diagnostics.UnsupportedConstruct, node, null, refusal.WhatFor(node.GetFirstToken().Text), refusal.Fix);
                return;
            }
            switch (node)
            {
                case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax when MentionsFloating(node) && !IsRewrittenLambda(node):
                    RootConstruct((ExpressionSyntax)node, "A lambda or anonymous method over floating values (as " + TypeMap.Text(_model.GetTypeInfo(node, _ct).ConvertedType) + ")",
                        "only lambdas converted to System.Func or System.Action are rewritten to take and return dual numbers; write a local function and call it directly");
                    break;
                case QueryExpressionSyntax when MentionsFloating(node):
                    RootConstruct((ExpressionSyntax)node, "A query expression over floating values", "use a foreach loop");
                    break;
                case AnonymousObjectCreationExpressionSyntax when MentionsFloating(node):
                    RootConstruct((ExpressionSyntax)node, "An anonymous type holding floating values", "use a tuple '(A: a, B: b)' instead");
                    break;
                case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                {
                    ITypeSymbol? t = _model.GetTypeInfo(node, _ct).ConvertedType ?? TypeOf(node);
                    if (t is IPointerTypeSymbol && TypeMap.ContainsFloating(t))
                    {
                        Report(Generators.Diagnostics.UnsupportedConstruct, node, null, "stackalloc of floats into a pointer", "assign the stackalloc to a Span<double> instead");
                    }
                    break;
                }
            }
        }

        /// <summary>
        /// A lambda the twin rewrites like any other code: converted to a delegate whose signature holds no floating
        /// value, or to a System.Func/Action whose floating types map (its parameters and result become dual).
        /// </summary>
        private bool IsRewrittenLambda(SyntaxNode lambda)
        {
            ITypeSymbol? t = _model.GetTypeInfo(lambda, _ct).ConvertedType;
            if (t is not INamedTypeSymbol { TypeKind: TypeKind.Delegate }) return false;
            return !MentionsFloating(t) || (TypeMap.IsFuncOrAction(t) && TypeMap.Map(t, out _) is not null);
        }

        private static ITypeSymbol Innermost(IArrayTypeSymbol a)
        {
            ITypeSymbol t = a;
            while (t is IArrayTypeSymbol x) t = x.ElementType;
            return t;
        }

        /// <summary>
        /// A construct that is the root cause of what follows from it (a lambda, a query, an anonymous object): one
        /// diagnostic, covering the call it is passed to or the declaration it initializes; that local is a reported root.
        /// </summary>
        private void RootConstruct(ExpressionSyntax construct, string what, string fix)
        {
            SyntaxNode cover = CoverOf(construct);
            if (construct.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax decl } && _model.GetDeclaredSymbol(decl, _ct) is ILocalSymbol l)
            {
                _reportedRoots.Add(l);
                cover = decl.Parent!;
            }
            else if (construct.Parent is AssignmentExpressionSyntax asg && _model.GetSymbolInfo(asg.Left, _ct).Symbol is ILocalSymbol al)
            {
                _reportedRoots.Add(al);
            }
            Report(Generators.Diagnostics.UnsupportedConstruct, construct, cover, what, fix);
        }

        private void CheckDeclaration(VariableDeclarationSyntax vd)
        {
            if (vd.Variables.Count == 0 || _model.GetDeclaredSymbol(vd.Variables[0], _ct) is not ILocalSymbol local || local.IsConst) return;
            if (_reportedRoots.Contains(local)) return; // initialized from a reported lambda
            // A local Func/Action initialized with lambdas is a dual delegate; any other delegate over floating values is refused.
            bool lambdas = vd.Variables.All(v => v.Initializer?.Value is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax && IsRewrittenLambda(v.Initializer.Value));
            if (local.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } && MentionsFloating(local.Type)
                && !(lambdas && TypeMap.IsFuncOrAction(local.Type) && TypeMap.Map(local.Type, out _) is not null))
            {
                foreach (VariableDeclaratorSyntax v in vd.Variables)
                {
                    if (_model.GetDeclaredSymbol(v, _ct) is ILocalSymbol dl) _reportedRoots.Add(dl);
                }
                // Initialized with a lambda: the lambda is the root cause and is reported (RootConstruct).
                if (vd.Variables.Any(v => v.Initializer?.Value is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax)) return;
                ExpressionSyntax? init = vd.Variables.Select(v => v.Initializer?.Value).FirstOrDefault(v => v is not null);
                string what = init is null
                    ? "A delegate over floating values (local '" + local.Name + "' of type " + TypeMap.Text(local.Type) + ")"
                    : "A delegate over floating values ('" + init + "' as " + TypeMap.Text(local.Type) + ")";
                Report(Generators.Diagnostics.UnsupportedConstruct, (SyntaxNode?)init ?? vd.Type, vd, what, "delegates cannot carry derivatives; write a local function and call it directly");
                return;
            }
            CheckLocalType(local, vd.Type, vd);
            if (_reportedRoots.Contains(local))
            {
                foreach (VariableDeclaratorSyntax v in vd.Variables)
                {
                    if (_model.GetDeclaredSymbol(v, _ct) is ILocalSymbol other) _reportedRoots.Add(other);
                }
            }
        }

        private void CheckLocalType(ILocalSymbol local, SyntaxNode at, SyntaxNode cover)
        {
            if (!TypeMap.ContainsFloating(local.Type) && !MentionsFloating(local.Type)) return;
            TypeMap.Map(local.Type, out bool bad);
            if (!bad && (local.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } || TypeMap.IsFuncOrAction(local.Type))) return;
            _reportedRoots.Add(local);
            string what = at is SingleVariableDesignationSyntax ? "Local" : cover is ForEachStatementSyntax ? "Loop variable" : "Local";
            Report(Generators.Diagnostics.UnsupportedType, at, cover, what, local.Name, TypeMap.Text(local.Type), TypeMap.FixFor(local.Type));
        }

        private void CheckLocalFunction(LocalFunctionStatementSyntax node)
        {
            if (_model.GetDeclaredSymbol(node, _ct) is not IMethodSymbol fn) return;
            if (fn.IsAsync || fn.IsGenericMethod)
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, node, null, fn.IsAsync ? "An async local function" : "A generic local function", "use a non-generic, synchronous local function");
                return;
            }
            if (TypeMap.ContainsFloating(fn.ReturnType) || MentionsFloating(fn.ReturnType))
            {
                TypeMap.Map(fn.ReturnType, out bool bad);
                if (bad || fn.ReturnType.TypeKind == TypeKind.Delegate)
                {
                    Report(Generators.Diagnostics.UnsupportedType, node.ReturnType, node, "Return of local function", fn.Name, TypeMap.Text(fn.ReturnType), TypeMap.FixFor(fn.ReturnType));
                    return;
                }
            }
            if (fn.ReturnsByRef || fn.ReturnsByRefReadonly)
            {
                if (TypeMap.ContainsFloating(fn.ReturnType))
                {
                    Report(Generators.Diagnostics.UnsupportedType, node.ReturnType, node, "Return of local function", fn.Name, "ref " + TypeMap.Text(fn.ReturnType), "return the value itself");
                }
                return;
            }
            for (int i = 0; i < fn.Parameters.Length && i < node.ParameterList.Parameters.Count; i++)
            {
                IParameterSymbol p = fn.Parameters[i];
                if (!TypeMap.ContainsFloating(p.Type) && !MentionsFloating(p.Type)) continue;
                TypeMap.Map(p.Type, out bool bad);
                if (bad || p.Type.TypeKind == TypeKind.Delegate)
                {
                    Report(Generators.Diagnostics.UnsupportedType, node.ParameterList.Parameters[i], node, "Parameter", p.Name, TypeMap.Text(p.Type), TypeMap.FixFor(p.Type));
                    return;
                }
            }
        }
    }
}
