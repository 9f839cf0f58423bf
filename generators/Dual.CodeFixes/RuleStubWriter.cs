namespace Dual.CodeFixes
{
    /// <summary>
    /// Writes rule stubs into their documents: one stub per (destination type, target) however many calls asked for it,
    /// a name used by no other member (nor by the generator's entry points), and <c>using Dual;</c> where the
    /// attribute is not in scope. Edits are plain text insertions, so the user's formatting is left exactly as it was.
    /// </summary>
    internal static class RuleStubWriter
    {
        private const string Suffix = "Derivative";

        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<RuleStubPlan> plans, CancellationToken ct)
        {
            var done = new HashSet<(ISymbol, ISymbol)>(new PairComparer());
            var taken = new Dictionary<ISymbol, List<string>>(SymbolEqualityComparer.Default);
            var stubsByDocument = new Dictionary<DocumentId, List<(RuleStubPlan Plan, string Name)>>();
            foreach (RuleStubPlan plan in plans)
            {
                if (!done.Add((plan.Destination, plan.Target))) continue;
                if (!taken.TryGetValue(plan.Destination, out var inType)) taken[plan.Destination] = inType = new();
                string name = ChooseName(plan, inType);
                inType.Add(name);
                if (!stubsByDocument.TryGetValue(plan.Document.Id, out var stubs)) stubsByDocument[plan.Document.Id] = stubs = new();
                stubs.Add((plan, name));
            }

            foreach (var entry in stubsByDocument)
            {
                Document document = solution.GetDocument(entry.Key)!;
                SourceText text = await document.GetTextAsync(ct).ConfigureAwait(false);
                SyntaxNode root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false) ?? throw new InvalidOperationException("no syntax root");
                string eol = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
                var changes = new List<TextChange>();
                bool needsUsing = false;
                foreach (var atAnchor in entry.Value.GroupBy(s => s.Plan.Anchor.FullSpan.End))
                {
                    string insertion = text[atAnchor.Key - 1] == '\n' ? "" : eol;
                    foreach ((RuleStubPlan plan, string name) in atAnchor)
                    {
                        string indent = IndentOf(text, plan.Anchor.SpanStart);
                        string unit = indent.Contains('\t') ? "\t" : "    ";
                        string attribute = Attribute(plan, ref needsUsing);
                        insertion += eol + RuleStubText.Write(plan.Target, attribute, name, Placeholders(plan), indent, unit, eol) + eol;
                    }
                    changes.Add(new TextChange(new TextSpan(atAnchor.Key, 0), insertion));
                }
                if (needsUsing) changes.Add(UsingDual(text, (CompilationUnitSyntax)root, entry.Value[0].Plan.Anchor, eol));
                solution = solution.WithDocumentText(document.Id, text.WithChanges(changes));
            }
            return solution;
        }

        /// <summary><c>FooDerivative</c>, else <c>LibFooDerivative</c>, else <c>FooDerivative2</c>, ...: the first name free in the type.</summary>
        private static string ChooseName(RuleStubPlan plan, List<string> planned)
        {
            IMethodSymbol target = plan.Target;
            string first = target.Name + Suffix;
            if (IsFree(first)) return first;
            string qualified = target.ContainingType.Name + target.Name + Suffix;
            if (IsFree(qualified)) return qualified;
            for (int i = 2; ; i++)
            {
                if (IsFree(first + i)) return first + i;
            }

            bool IsFree(string name)
            {
                // Unique, not an overload: the generator tells the rules of one target apart by their names (two
                // overloaded rules for two overloads of Foo would share one local function in the twin).
                if (name == plan.Destination.Name || !plan.Destination.GetMembers(name).IsEmpty) return false;
                // 'FDerivative' is the name of the generator's entry point for a [Differentiable] method F (DUAL010).
                if (name.EndsWith(Suffix, StringComparison.Ordinal)
                    && plan.Destination.GetMembers(name.Substring(0, name.Length - Suffix.Length)).Any(IsDifferentiable))
                {
                    return false;
                }
                return !planned.Contains(name);
            }
        }

        private static bool IsDifferentiable(ISymbol member) =>
            member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == RuleConvention.DifferentiableAttribute);

        /// <summary><c>DerivativeOf(nameof(Foo))</c> for a target in the same type, else <c>DerivativeOf(typeof(Lib), nameof(Lib.Foo))</c>.</summary>
        private static string Attribute(RuleStubPlan plan, ref bool needsUsing)
        {
            SemanticModel model = plan.Model;
            INamedTypeSymbol? attributeType = model.Compilation.GetTypeByMetadataName(RuleConvention.DerivativeOfAttribute);
            var inScope = model.LookupNamespacesAndTypes(plan.Position, name: "DerivativeOfAttribute");
            string attributeName = "DerivativeOf";
            bool addsUsing = false;
            if (inScope.IsEmpty)
            {
                addsUsing = true;
            }
            else if (!inScope.Any(s => SymbolEqualityComparer.Default.Equals(s, attributeType)))
            {
                attributeName = "global::Dual.DerivativeOf"; // another DerivativeOfAttribute is in scope
            }
            needsUsing |= addsUsing;

            INamedTypeSymbol owner = plan.Target.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(owner, plan.Destination))
            {
                return attributeName + "(nameof(" + plan.Target.Name + "))";
            }
            string type = owner.ToMinimalDisplayString(model, plan.Position);
            // 'using Dual;' must not make the type's name ambiguous with a type of the Dual namespace.
            string head = type.Split('.')[0];
            if (addsUsing && attributeType?.ContainingNamespace.GetTypeMembers(head).Length > 0)
            {
                type = owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
            return attributeName + "(typeof(" + type + "), nameof(" + type + "." + plan.Target.Name + "))";
        }

        /// <summary><c>dFoo_da</c>, ...: names bound to nothing at the stub, so each one is a compile error until replaced.</summary>
        private static string[] Placeholders(RuleStubPlan plan) =>
            RuleStubText.ParameterNames(plan.Target).Select(p =>
            {
                string name = "d" + plan.Target.Name + "_d" + p;
                while (!plan.Model.LookupSymbols(plan.Position, name: name).IsEmpty) name += "_";
                return name;
            }).ToArray();

        private static string IndentOf(SourceText text, int position)
        {
            TextLine line = text.Lines.GetLineFromPosition(position);
            int i = line.Start;
            while (i < line.End && (text[i] == ' ' || text[i] == '\t')) i++;
            return text.ToString(TextSpan.FromBounds(line.Start, i));
        }

        /// <summary>
        /// <c>using Dual;</c> among the usings nearest the type (its namespace's, else the file's), after the System ones
        /// and in alphabetical order; before the first declaration when the file has none.
        /// </summary>
        private static TextChange UsingDual(SourceText text, CompilationUnitSyntax root, SyntaxNode anchor, string eol)
        {
            SyntaxList<UsingDirectiveSyntax> usings = anchor.Ancestors().OfType<BaseNamespaceDeclarationSyntax>()
                .Select(n => n.Usings).FirstOrDefault(u => u.Count > 0);
            if (usings.Count == 0) usings = root.Usings;
            var plain = usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
                && u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)).ToList();
            if (plain.Count > 0)
            {
                UsingDirectiveSyntax? before = plain.LastOrDefault(u => IsSystem(u) || string.CompareOrdinal(u.Name?.ToString(), "Dual") < 0);
                string indent = IndentOf(text, plain[0].SpanStart);
                if (before is not null)
                {
                    return new TextChange(new TextSpan(before.FullSpan.End, 0), indent + "using Dual;" + eol);
                }
                return new TextChange(new TextSpan(text.Lines.GetLineFromPosition(plain[0].SpanStart).Start, 0), indent + "using Dual;" + eol);
            }
            if (usings.Count > 0)
            {
                return new TextChange(new TextSpan(usings.Last().FullSpan.End, 0), IndentOf(text, usings[0].SpanStart) + "using Dual;" + eol);
            }
            // No using at all: before the first declaration, after any file header comment but above its doc comment.
            SyntaxToken first = root.GetFirstToken(includeZeroWidth: true);
            int at = first.SpanStart;
            foreach (SyntaxTrivia trivia in first.LeadingTrivia)
            {
                if (trivia.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineDocumentationCommentTrivia)
                    || trivia.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    at = trivia.SpanStart;
                    break;
                }
            }
            return new TextChange(new TextSpan(text.Lines.GetLineFromPosition(at).Start, 0), "using Dual;" + eol + eol);
        }

        private static bool IsSystem(UsingDirectiveSyntax u)
        {
            string name = u.Name?.ToString() ?? "";
            return name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        }

        private sealed class PairComparer : IEqualityComparer<(ISymbol, ISymbol)>
        {
            public bool Equals((ISymbol, ISymbol) x, (ISymbol, ISymbol) y) =>
                SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1) && SymbolEqualityComparer.Default.Equals(x.Item2, y.Item2);

            public int GetHashCode((ISymbol, ISymbol) obj) =>
                SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 31 + SymbolEqualityComparer.Default.GetHashCode(obj.Item2);
        }
    }
}
