using System.Text.RegularExpressions;

namespace Dual.Generators
{
    /// <summary>
    /// The twin of one function's body (a [Differentiable] method or a helper): the flow analysis decides, the
    /// rewriter executes, and the result is the rewritten block with its local rule functions, plus the facts the
    /// compilation-wide step needs (what it calls, which dual types it uses, which precisions it mentions).
    /// </summary>
    internal sealed class TwinBody
    {
        private TwinBody(DualFlow flow) => Flow = flow;

        public DualFlow Flow { get; }

        public List<DiagnosticInfo> Diagnostics => Flow.Diagnostics;

        public bool HasErrors => Flow.HasErrors;

        /// <summary>The rewritten body as a block (single-tangent twin), rule functions not yet inserted.</summary>
        public string Block { get; private set; } = "";

        /// <summary>A constructor's rewritten initializer (<c>: this(a, b)</c>), or "".</summary>
        public string Initializer { get; private set; } = "";

        /// <summary>Every floating precision of the signature, body and rewritten body.</summary>
        public HashSet<SpecialType> Precisions { get; } = new();

        /// <summary>Whether the twin converts between dual precisions (it then needs the file-local conversion helper).</summary>
        public bool UsesConversions { get; private set; }

        /// <summary>Whether the function alone allows a multi-tangent twin: one precision, no precision conversions.</summary>
        public bool OwnMono => Precisions.Count == 1 && !UsesConversions;

        /// <summary>The single precision keyword ("double"/"float"); meaningful when <see cref="OwnMono"/>.</summary>
        public string Precision => Precisions.FirstOrDefault() == SpecialType.System_Single ? "float" : "double";

        /// <summary>Fully qualified names of the aggregate dual types the twin uses (made generic in the multi-tangent twin).</summary>
        public List<string> AggregateNames { get; } = new();

        /// <summary>Analyses and rewrites <paramref name="function"/>, declared by <paramref name="decl"/> (<see cref="HelperTwins.Body"/>).</summary>
        public static TwinBody Build(SemanticModel model, IMethodSymbol function, SyntaxNode decl, TwinPlace place, CancellationToken ct)
        {
            var flow = new DualFlow(model, function, place, ct);
            flow.Run(decl);
            var body = new TwinBody(flow);
            body.Precisions.UnionWith(flow.Precisions);
            body.AggregateNames.AddRange(flow.AggregatesUsed.Select(a => Aggregates.DualName(a)).OrderByDescending(n => n.Length));
            if (flow.HasErrors) return body;
            SharedCalls shared = SharedCalls.Plan(model, function, decl, flow, ct);
            var rewriter = new DualRewriter(model, flow, place, shared, ct);
            foreach (SyntaxNode part in DualFlow.BodyParts(decl))
            {
                SyntaxNode rewritten = rewriter.Visit(part)!;
                switch (rewritten)
                {
                    case ConstructorInitializerSyntax init:
                        body.Initializer = init.ToFullString().Trim();
                        break;
                    case BlockSyntax block:
                        if (shared.Prelude.Count > 0) block = block.WithStatements(SyntaxFactory.List(shared.PreludeStatements(block.Statements.FirstOrDefault()).Concat(block.Statements)));
                        body.Block = SyntaxPrinter.Print(block);
                        break;
                    case ArrowExpressionClauseSyntax arrow:
                    {
                        string expr = SyntaxPrinter.Print(arrow.Expression);
                        string prelude = shared.PreludeText();
                        body.Block = function.ReturnsVoid || function.MethodKind == MethodKind.Constructor ? "{\n" + prelude + "    " + expr + ";\n}" : "{\n" + prelude + "    return " + expr + ";\n}";
                        break;
                    }
                    case ExpressionSyntax e:
                    {
                        string expr = SyntaxPrinter.Print(e);
                        string prelude = shared.PreludeText();
                        body.Block = function.ReturnsVoid ? "{\n" + prelude + "    " + expr + ";\n}" : "{\n" + prelude + "    return " + expr + ";\n}";
                        break;
                    }
                }
            }
            body.Precisions.UnionWith(rewriter.Precisions);
            body.UsesConversions = rewriter.UsesConversions;
            if (flow.ShadowedFields.Count > 0) body.Block = WithOwnState(body.Block, flow.ShadowedFields);
            return body;
        }

        /// <summary>
        /// The block around <paramref name="block"/> that shadows the fields the method writes (<see cref="OwnState"/>):
        /// dual locals from the fields' values, the body in a try, the primal values written back in its finally.
        /// </summary>
        private static string WithOwnState(string block, List<IFieldSymbol> fields)
        {
            string inner = block.Trim();
            // The body's lines keep their text (their indentation already matches one level into the try).
            inner = inner.Substring(1, inner.Length - 2).TrimEnd().TrimStart('\r', '\n');
            var sb = new StringBuilder("{\n");
            string Field(IFieldSymbol f) => "this." + (SyntaxFacts.GetKeywordKind(f.Name) != SyntaxKind.None ? "@" : "") + f.Name;
            foreach (IFieldSymbol f in fields) sb.Append("    ").Append(TypeMap.DualOf(f.Type)).Append(' ').Append(OwnState.LocalName(f)).Append(" = ").Append(Field(f)).Append(";\n");
            sb.Append("    try\n    {\n");
            sb.Append(inner).Append('\n');
            sb.Append("    }\n    finally\n    {\n");
            foreach (IFieldSymbol f in fields) sb.Append("        ").Append(Field(f)).Append(" = ").Append(OwnState.LocalName(f)).Append(".Value;\n");
            sb.Append("    }\n}");
            return sb.ToString();
        }

        /// <summary>The block with the local rule functions of the single-tangent (or multi-tangent) twin inserted.</summary>
        public string BlockWithRules(bool multi)
        {
            string block = multi ? Multi(Block) : Block;
            string rules = string.Concat(Flow.Rules.Select(r => TwinEmitter.RuleLocal(r, multi)));
            if (rules.Length == 0) return block;
            int i = block.LastIndexOf('}');
            return block.Substring(0, i) + "\n" + rules + "\n" + block.Substring(i);
        }

        /// <summary>The multi-tangent form of twin text: <c>Dual&lt;p&gt;</c> → <c>Dual&lt;p, TTangents&gt;</c>, aggregate dual types made generic.</summary>
        public string Multi(string text) => Multi(text, Precision, AggregateNames);

        public static string Multi(string text, string precision, IEnumerable<string> aggregateNames)
        {
            text = text.Replace(KnownNames.Dual(precision), KnownNames.MultiDual(precision));
            foreach (string name in aggregateNames)
            {
                text = Regex.Replace(text, Regex.Escape(name) + @"(?![\w<])", name + "<" + KnownNames.Tangents + ">");
            }
            return text;
        }
    }
}
