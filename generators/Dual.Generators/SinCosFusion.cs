using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dual.Generators
{
    /// <summary>
    /// Sine and cosine of one argument from one sincos in the twin, as GCC does for C++. Where a body makes two or more
    /// <c>Sin</c>/<c>Cos</c> calls (Math, MathF, double, float) on the same dual local or parameter, and nothing ever
    /// writes that variable after its declaration, the twin computes the pair once where the variable gets its value
    /// (<c>var __sincos_x = FusedSinCos.Of(x);</c>) and each call reads its half (<c>__sincos_x.Sin</c>). The pair is
    /// bit-identical to the separate rules, so this changes cost only: one sincos and no per-thread memo lookups.
    /// </summary>
    /// <remarks>
    /// Conservative by construction: the argument must be the variable itself (no conversion), a by-value parameter of
    /// the twinned function or a non-ref local declared with an initializer by a plain declaration statement in a block;
    /// calls inside lambdas and local functions, in a constructor initializer, or in the variable's own declaration
    /// statement keep their separate rules. Computing the pair where the variable is declared also hoists it out of
    /// loops the calls are in.
    /// </remarks>
    internal sealed class SinCosFusion
    {
        private SinCosFusion()
        {
        }

        /// <summary>No fusion anywhere (a body with errors, or nothing to fuse).</summary>
        public static SinCosFusion None { get; } = new();

        /// <summary>Sin/Cos invocations (original syntax) and the expression that replaces each.</summary>
        public Dictionary<SyntaxNode, string> Uses { get; } = new();

        /// <summary>Declaration statements (original syntax) and the statements to insert after each.</summary>
        public Dictionary<SyntaxNode, List<string>> After { get; } = new();

        /// <summary>Statements for the start of the body (pairs of parameters).</summary>
        public List<string> Prelude { get; } = new();

        public bool IsEmpty => Uses.Count == 0;

        public const string Helper = "global::Dual.CompilerServices.FusedSinCos.Of";

        /// <summary>The fusion plan of a function's body, from the flow's call plans.</summary>
        public static SinCosFusion Plan(SemanticModel model, IMethodSymbol function, SyntaxNode decl, DualFlow flow, CancellationToken ct)
        {
            var groups = new Dictionary<ISymbol, List<(InvocationExpressionSyntax Call, string Half)>>(SymbolEqualityComparer.Default);
            var order = new List<ISymbol>();
            SyntaxNode? body = null;
            foreach (SyntaxNode part in DualFlow.BodyParts(decl))
            {
                if (part is ConstructorInitializerSyntax) continue;
                body = part;
                foreach (InvocationExpressionSyntax call in part.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (!flow.Calls.TryGetValue(call, out CallPlan? plan) || plan.Kind != CallKind.MathTable) continue;
                    if (plan.DualName is not ("Sin" or "Cos") || call.ArgumentList.Arguments.Count != 1) continue;
                    if (InNestedFunction(call, part)) continue;
                    ExpressionSyntax argument = call.ArgumentList.Arguments[0].Expression;
                    while (argument is ParenthesizedExpressionSyntax p) argument = p.Expression;
                    if (argument is not IdentifierNameSyntax id) continue;
                    ISymbol? symbol = model.GetSymbolInfo(id, ct).Symbol;
                    if (symbol is not (ILocalSymbol or IParameterSymbol)) continue;
                    TypeInfo type = model.GetTypeInfo(id, ct);
                    if (type.Type is null || !SymbolEqualityComparer.Default.Equals(type.Type, type.ConvertedType) || !TypeMap.IsFloating(type.Type)) continue;
                    if (!groups.TryGetValue(symbol, out var calls))
                    {
                        groups[symbol] = calls = new();
                        order.Add(symbol);
                    }
                    calls.Add((call, plan.DualName));
                }
            }
            if (body is null || order.Count == 0) return None;

            var fusion = new SinCosFusion();
            var taken = new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            taken.UnionWith(function.Parameters.Select(p => p.Name));
            foreach (ISymbol symbol in order)
            {
                SyntaxNode? declaration = null;
                if (symbol is IParameterSymbol parameter)
                {
                    if (parameter.RefKind != RefKind.None || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, function)) continue;
                }
                else if (DeclarationStatement((ILocalSymbol)symbol, body, ct) is { } statement)
                {
                    declaration = statement;
                }
                else
                {
                    continue;
                }
                // A local's calls before its pair exists (in its own declaration statement) keep their rules.
                var calls = groups[symbol].Where(c => declaration is null || c.Call.SpanStart >= declaration.Span.End).ToList();
                if (calls.Count < 2 || IsWritten(symbol, body, model, ct)) continue;

                string name = FreshName("__sincos_" + symbol.Name, taken);
                string variable = SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(symbol.Name) != SyntaxKind.None
                    ? "@" + symbol.Name
                    : symbol.Name;
                string statementText = "var " + name + " = " + Helper + "(" + variable + ");";
                if (declaration is null) fusion.Prelude.Add(statementText);
                else
                {
                    if (!fusion.After.TryGetValue(declaration, out List<string>? list)) fusion.After[declaration] = list = new();
                    list.Add(statementText);
                }
                foreach ((InvocationExpressionSyntax call, string half) in calls) fusion.Uses[call] = name + "." + half;
            }
            return fusion;
        }

        /// <summary>The statements a rewritten block gets after <paramref name="original"/>, with its indentation.</summary>
        public IEnumerable<StatementSyntax> StatementsAfter(StatementSyntax original)
        {
            if (!After.TryGetValue(original, out List<string>? texts)) return Array.Empty<StatementSyntax>();
            return texts.Select(t => Statement(t, original));
        }

        /// <summary>The prelude as statements indented like <paramref name="first"/> (the body's first statement), if any.</summary>
        public IEnumerable<StatementSyntax> PreludeStatements(StatementSyntax? first) => Prelude.Select(t => Statement(t, first));

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

        private static bool InNestedFunction(SyntaxNode node, SyntaxNode body) =>
            node.Ancestors().TakeWhile(a => a != body).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

        /// <summary>The declaration statement of a plain local with an initializer, directly in a block of the body
        /// (not in a nested function), or <see langword="null"/>.</summary>
        private static LocalDeclarationStatementSyntax? DeclarationStatement(ILocalSymbol local, SyntaxNode body, CancellationToken ct)
        {
            if (local.IsConst || local.IsRef || local.DeclaringSyntaxReferences.Length != 1) return null;
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
