using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dual.Generators
{
    /// <summary>
    /// Math calls of the twin that share their work. Sine and cosine of one argument come from one sincos, as GCC does
    /// for C++: where a body makes two or more <c>Sin</c>/<c>Cos</c> calls (Math, MathF, double, float) on the same
    /// argument — a local or parameter, or arithmetic of them and constants (<c>theta1 + theta2</c>,
    /// <c>2 * Math.PI * t</c>) — and nothing writes those variables after their declarations, the twin computes the pair
    /// once where the last of them gets its value (<c>var __sincos_x = FusedSinCos.Of(x);</c>) and each call reads its
    /// half (<c>__sincos_x.Sin</c>). Any other Math function called two or more times with the same such arguments
    /// (<c>Math.Sqrt(expiry)</c> in each of Black–Scholes' terms) is evaluated once there the same way
    /// (<c>var __sqrt_1 = Dual&lt;double&gt;.Sqrt(expiry);</c>) and each call reads the result. Both are bit-identical to
    /// the calls they replace, so this changes cost only: fewer libm calls and no per-thread memo lookups.
    /// </summary>
    /// <remarks>
    /// Conservative by construction. A call is shared only if its arguments are pure: floating locals and parameters,
    /// numeric literals, constants (<c>const</c> locals and fields such as <c>Math.PI</c>), parentheses, unary
    /// <c>+</c>/<c>−</c> and floating <c>+ − × ÷</c> (nothing that can throw, call, or read state that may change); every
    /// variable in it is a by-value parameter of the twinned function or a non-ref local declared with an initializer by
    /// a plain declaration statement in a block, and nothing in the body (lambdas included) assigns it, increments it or
    /// takes a reference to it. Two calls share a pair when their arguments are the same tokens over the same variables.
    /// Calls inside lambdas and local functions, in a constructor initializer, or before the pair's statement (in the
    /// declaration statement of the argument's last variable) keep their separate rules. Computing the pair where the
    /// variables are declared also hoists it out of the loops the calls are in.
    /// </remarks>
    internal sealed class SharedCalls
    {
        private readonly Dictionary<string, string> _arguments = new();

        private SharedCalls()
        {
        }

        /// <summary>Nothing shared (a body with errors, or nothing to share).</summary>
        public static SharedCalls None { get; } = new();

        /// <summary>Shared invocations (original syntax): the local holding the shared result and, for a sin/cos pair, the
        /// half each reads (<see langword="null"/>: the whole result).</summary>
        public Dictionary<SyntaxNode, (string Pair, string? Half)> Uses { get; } = new();

        /// <summary>Declaration statements (original syntax) and the pairs whose statement follows each.</summary>
        public Dictionary<SyntaxNode, List<string>> After { get; } = new();

        /// <summary>Pairs whose statement opens the body (arguments of parameters and constants only).</summary>
        public List<string> Prelude { get; } = new();

        public bool IsEmpty => Uses.Count == 0;

        public const string Helper = "global::Dual.CompilerServices.FusedSinCos.Of";

        /// <summary>Whether the twin text that computes <paramref name="pair"/> is known (the rewriter records it at the
        /// first call).</summary>
        public bool HasArgument(string pair) => _arguments.ContainsKey(pair);

        /// <summary>Records the twin text that computes <paramref name="pair"/>, as the rewriter produced it: a sin/cos
        /// pair's argument, or a shared call itself.</summary>
        public void SetArgument(string pair, string twinText) => _arguments[pair] = twinText;

        private readonly HashSet<string> _pairs = new();

        /// <summary>The plan of a function's body, from the flow's call plans.</summary>
        public static SharedCalls Plan(SemanticModel model, IMethodSymbol function, SyntaxNode decl, DualFlow flow, CancellationToken ct)
        {
            var groups = new Dictionary<string, Group>();
            var order = new List<Group>();
            SyntaxNode? body = null;
            foreach (SyntaxNode part in DualFlow.BodyParts(decl))
            {
                if (part is ConstructorInitializerSyntax) continue;
                body = part;
                foreach (InvocationExpressionSyntax call in part.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (!flow.Calls.TryGetValue(call, out CallPlan? plan) || plan.Kind != CallKind.MathTable) continue;
                    if (plan.DualName is null || plan.DualName is "SinCos" or "SinCosPi" || call.ArgumentList.Arguments.Count == 0) continue;
                    if (InNestedFunction(call, part)) continue;
                    bool sinCos = plan.DualName is "Sin" or "Cos";
                    if (sinCos && call.ArgumentList.Arguments.Count != 1) continue;
                    // Computed where its variables get their values, a shared call may run on a path that made none: only
                    // functions that cannot throw (floating parameters only, which leaves out Round's digits and modes;
                    // not Clamp, which throws when min > max).
                    if (!sinCos && (plan.DualName == "Clamp" || model.GetSymbolInfo(call, ct).Symbol is not IMethodSymbol { } method
                                    || method.Parameters.Any(p => !TypeMap.IsFloating(p.Type)))) continue;
                    var variables = new List<ISymbol>();
                    var keys = new List<string>();
                    bool pure = true;
                    foreach (ArgumentSyntax a in call.ArgumentList.Arguments)
                    {
                        ExpressionSyntax argument = Unparenthesized(a.Expression);
                        TypeInfo type = model.GetTypeInfo(argument, ct);
                        // A sin/cos pair's argument exactly as FusedSinCos takes it (no conversion); any argument of another call.
                        if (sinCos && (type.Type is null || !SymbolEqualityComparer.Default.Equals(type.Type, type.ConvertedType) || !TypeMap.IsFloating(type.Type)))
                        {
                            pure = false;
                            break;
                        }
                        int first = variables.Count;
                        if (a.RefKindKeyword != default || !IsPure(argument, model, variables, ct))
                        {
                            pure = false;
                            break;
                        }
                        keys.Add((a.NameColon?.Name.Identifier.ValueText ?? "") + ":" + string.Join(" ", argument.DescendantTokens().Select(t => t.ValueText)) + " | "
                            + string.Join(", ", variables.Skip(first).Select(v => v.Locations.FirstOrDefault()?.SourceSpan.Start ?? -1)));
                    }
                    if (!pure || variables.Count == 0) continue;
                    string key = (sinCos ? "sincos" : plan.DualType + "." + plan.DualName) + "(" + string.Join("; ", keys) + ")";
                    if (!groups.TryGetValue(key, out Group? group))
                    {
                        string stem = sinCos
                            ? (Unparenthesized(call.ArgumentList.Arguments[0].Expression) is IdentifierNameSyntax id ? "__sincos_" + id.Identifier.ValueText : "__sincos")
                            : "__" + plan.DualName.ToLowerInvariant();
                        groups[key] = group = new Group(sinCos, stem, variables.Distinct(SymbolEqualityComparer.Default).ToList());
                        order.Add(group);
                    }
                    group.Calls.Add((call, sinCos ? plan.DualName : null));
                }
            }
            if (body is null || order.Count == 0) return None;

            var shared = new SharedCalls();
            var taken = new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            taken.UnionWith(function.Parameters.Select(p => p.Name));
            var numbered = new Dictionary<string, int>();
            foreach (Group group in order)
            {
                // The pair's statement follows the declaration of the argument's last variable (the innermost: every
                // call reads all of them, so the others enclose it and are assigned before it), or opens the body.
                LocalDeclarationStatementSyntax? after = null;
                bool fusable = true;
                foreach (ISymbol variable in group.Variables)
                {
                    if (variable is IParameterSymbol parameter)
                    {
                        fusable &= parameter.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, function);
                    }
                    else if (DeclarationStatement((ILocalSymbol)variable, body, ct) is { } statement)
                    {
                        if (after is null || statement.SpanStart > after.SpanStart) after = statement;
                    }
                    else
                    {
                        fusable = false;
                    }
                    fusable = fusable && !IsWritten(variable, body, model, ct);
                    if (!fusable) break;
                }
                if (!fusable) continue;
                var calls = group.Calls.Where(c => after is null || c.Call.SpanStart >= after.Span.End).ToList();
                if (calls.Count < 2) continue;

                string stem = group.Stem;
                if (stem is "__sincos" || !group.SinCos)
                {
                    numbered[stem] = numbered.TryGetValue(stem, out int n) ? n + 1 : 1;
                    stem += "_" + numbered[stem];
                }
                string pair = FreshName(stem, taken);
                if (group.SinCos) shared._pairs.Add(pair);
                if (after is null) shared.Prelude.Add(pair);
                else
                {
                    if (!shared.After.TryGetValue(after, out List<string>? list)) shared.After[after] = list = new();
                    list.Add(pair);
                }
                foreach ((InvocationExpressionSyntax call, string? half) in calls) shared.Uses[call] = (pair, half);
            }
            return shared;
        }

        private sealed class Group(bool sinCos, string stem, List<ISymbol> variables)
        {
            /// <summary>A sin/cos pair (else one function's repeated call).</summary>
            public bool SinCos { get; } = sinCos;

            /// <summary>The start of the local's name.</summary>
            public string Stem { get; } = stem;

            public List<ISymbol> Variables { get; } = variables;

            public List<(InvocationExpressionSyntax Call, string? Half)> Calls { get; } = new();
        }

        /// <summary>The pair's statement, from the argument's twin text the rewriter recorded.</summary>
        private string StatementText(string pair)
        {
            if (!_arguments.TryGetValue(pair, out string? text))
            {
                throw new InvalidOperationException("the shared call " + pair + " was placed before it was rewritten");
            }
            return "var " + pair + " = " + (_pairs.Contains(pair) ? Helper + "(" + text + ")" : text) + ";";
        }

        /// <summary>The statements a rewritten block gets after <paramref name="original"/>, with its indentation.</summary>
        public IEnumerable<StatementSyntax> StatementsAfter(StatementSyntax original)
        {
            if (!After.TryGetValue(original, out List<string>? pairs)) return Array.Empty<StatementSyntax>();
            return pairs.Select(p => Statement(StatementText(p), original)).ToList();
        }

        /// <summary>The prelude as statements indented like <paramref name="first"/> (the body's first statement), if any.</summary>
        public IEnumerable<StatementSyntax> PreludeStatements(StatementSyntax? first) => Prelude.Select(p => Statement(StatementText(p), first)).ToList();

        /// <summary>The prelude as text lines (an expression body's block).</summary>
        public string PreludeText() => string.Concat(Prelude.Select(p => "    " + StatementText(p) + "\n"));

        private static StatementSyntax Statement(string text, StatementSyntax? like)
        {
            SyntaxTriviaList indentation = like is null
                ? TriviaList(Whitespace("    "))
                : TriviaList(like.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
            return ParseStatement(text).WithLeadingTrivia(indentation).WithTrailingTrivia(EndOfLine("\n"));
        }

        private static string FreshName(string name, HashSet<string> taken)
        {
            string candidate = name;
            for (int i = 1; taken.Contains(candidate); i++) candidate = name + "_" + i;
            taken.Add(candidate);
            return candidate;
        }

        private static ExpressionSyntax Unparenthesized(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }

        private static bool InNestedFunction(SyntaxNode node, SyntaxNode body) =>
            node.Ancestors().TakeWhile(a => a != body).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

        /// <summary>Whether <paramref name="e"/> is arithmetic of floating locals and parameters, numeric literals and
        /// constants that cannot throw or call; its variables are added to <paramref name="variables"/>.</summary>
        private static bool IsPure(ExpressionSyntax e, SemanticModel model, List<ISymbol> variables, CancellationToken ct)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return IsPure(p.Expression, model, variables, ct);
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.NumericLiteralExpression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) || u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return IsPure(u.Operand, model, variables, ct);
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.SubtractExpression)
                                                   || b.IsKind(SyntaxKind.MultiplyExpression) || b.IsKind(SyntaxKind.DivideExpression):
                    // Floating arithmetic only: an integer division could throw where the original call is never reached.
                    return TypeMap.IsFloating(model.GetTypeInfo(b, ct).Type)
                        && IsPure(b.Left, model, variables, ct) && IsPure(b.Right, model, variables, ct);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    switch (model.GetSymbolInfo(e, ct).Symbol)
                    {
                        case IFieldSymbol { IsConst: true }:
                            return true;
                        case ILocalSymbol { IsConst: true } constant:
                            variables.Add(constant); // where it is declared bounds where the pair can be computed
                            return true;
                        case ILocalSymbol { IsRef: false } local when e is IdentifierNameSyntax && TypeMap.IsFloating(local.Type):
                            variables.Add(local);
                            return true;
                        case IParameterSymbol parameter when e is IdentifierNameSyntax && TypeMap.IsFloating(parameter.Type):
                            variables.Add(parameter);
                            return true;
                        default:
                            return false;
                    }
                default:
                    return false;
            }
        }

        /// <summary>The declaration statement of a plain (or const) local with an initializer, directly in a block of the body
        /// (not in a nested function), or <see langword="null"/>.</summary>
        private static LocalDeclarationStatementSyntax? DeclarationStatement(ILocalSymbol local, SyntaxNode body, CancellationToken ct)
        {
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1) return null;
            if (local.DeclaringSyntaxReferences[0].GetSyntax(ct) is not VariableDeclaratorSyntax { Initializer: not null } declarator) return null;
            if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement) return null;
            if (statement.UsingKeyword != default || statement.AwaitKeyword != default || statement.Parent is not BlockSyntax) return null;
            if (!body.Span.Contains(statement.Span) || InNestedFunction(statement, body)) return null;
            return statement;
        }

        /// <summary>Whether anything in <paramref name="body"/> (nested functions included) writes <paramref name="symbol"/>
        /// or takes a reference to it.</summary>
        private static bool IsWritten(ISymbol symbol, SyntaxNode body, SemanticModel model, CancellationToken ct)
        {
            foreach (IdentifierNameSyntax id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != symbol.Name) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, ct).Symbol, symbol)) continue;
                if (IsWriteOrReference(id)) return true;
            }
            return false;
        }

        private static bool IsWriteOrReference(ExpressionSyntax node)
        {
            SyntaxNode current = node;
            while (current.Parent is ParenthesizedExpressionSyntax) current = current.Parent;
            switch (current.Parent)
            {
                case AssignmentExpressionSyntax a when a.Left == current:
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.PreIncrementExpression) || u.IsKind(SyntaxKind.PreDecrementExpression) || u.IsKind(SyntaxKind.AddressOfExpression):
                case PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression):
                case RefExpressionSyntax:
                case ArgumentSyntax arg when !arg.RefKindKeyword.IsKind(SyntaxKind.None) && !arg.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    return true;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                    // An element of a deconstruction's left side: (x, y) = …
                    SyntaxNode outer = tuple;
                    while (outer.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax t }) outer = t;
                    return outer.Parent is AssignmentExpressionSyntax da && da.Left == outer;
                default:
                    return false;
            }
        }
    }
}
