using System.Collections.Immutable;

namespace Dual.CodeFixes
{
    /// <summary>
    /// The code fix for DUAL001 (a call without a derivative in a <c>[Differentiable]</c> method): writes the
    /// <c>[DerivativeOf]</c> rule stub for the called method, with the signature the generator accepts, beside the
    /// method that makes the call. The stub does not compile until the user writes the derivative (see
    /// <see cref="RuleStubText"/>), so it can never return a wrong number.
    /// </summary>
    /// <remarks>
    /// DUAL001 is reported by the source generator, not by an analyzer: IDEs on Roslyn 4.7 or later (Visual Studio 17.7+,
    /// the C# extension for VS Code) offer code fixes for generator diagnostics, so this assembly has no analyzer and the
    /// user sees exactly one DUAL001 per call, with the fix on it.
    /// </remarks>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RuleStubCodeFixProvider))]
    public sealed class RuleStubCodeFixProvider : CodeFixProvider
    {
        /// <summary>The id of the generator's diagnostic for a call that has no derivative.</summary>
        public const string DiagnosticId = "DUAL001";

        /// <summary>Identifies this fix among the code actions (and for fix-all).</summary>
        public const string EquivalenceKey = "Dual.RuleStub";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => RuleStubFixAllProvider.Instance;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                RuleStubPlan? plan = await RuleStubPlan.CreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan is null) continue;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add a [DerivativeOf] rule stub for '" + RuleStubText.Display(plan.Target) + "'",
                        ct => RuleStubWriter.ApplyAsync(context.Document.Project.Solution, new[] { plan }, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
