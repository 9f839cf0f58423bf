namespace Dual.CodeFixes
{
    /// <summary>
    /// Fix-all for the rule stub: plans every DUAL001 in scope first, then writes one stub per (type, called method),
    /// so that ten calls to the same function give one rule, and partial declarations in several files do not each get one.
    /// </summary>
    internal sealed class RuleStubFixAllProvider : FixAllProvider
    {
        public static readonly RuleStubFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != RuleStubCodeFixProvider.EquivalenceKey) return Task.FromResult<CodeAction?>(null);
            return Task.FromResult<CodeAction?>(CodeAction.Create(
                "Add [DerivativeOf] rule stubs",
                ct => FixAsync(fixAllContext, ct),
                RuleStubCodeFixProvider.EquivalenceKey));
        }

        private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken ct)
        {
            IEnumerable<Document> documents = context.Scope switch
            {
                FixAllScope.Document when context.Document is not null => new[] { context.Document },
                FixAllScope.Project => context.Project.Documents,
                FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
                _ => Enumerable.Empty<Document>(),
            };
            var plans = new List<RuleStubPlan>();
            foreach (Document document in documents)
            {
                foreach (Diagnostic diagnostic in (await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)).OrderBy(d => d.Location.SourceSpan.Start))
                {
                    RuleStubPlan? plan = await RuleStubPlan.CreateAsync(document, diagnostic, ct).ConfigureAwait(false);
                    if (plan is not null) plans.Add(plan);
                }
            }
            return await RuleStubWriter.ApplyAsync(context.Solution, plans, ct).ConfigureAwait(false);
        }
    }
}
