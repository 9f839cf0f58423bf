using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dual.Generators
{
    /// <summary>
    /// Turns one [Differentiable] method into a <see cref="MethodResult"/> in three stages: parsing the declaration
    /// (<see cref="MethodDeclaration"/>), analysing the body (<see cref="MethodAnalysis"/>: flow, rewrite, multi-tangent
    /// eligibility, GPU kernel, sparsity pattern) and emitting the members through a <see cref="CodeWriter"/>
    /// (<see cref="TwinEmitter"/>, <see cref="EntryPoints"/>, <see cref="KernelTransform"/>).
    /// </summary>
    internal static class MethodTransform
    {
        public static MethodResult BuildSafe(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            try
            {
                return Build(ctx, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Location loc = ctx.TargetNode is MethodDeclarationSyntax m ? m.Identifier.GetLocation() : ctx.TargetNode.GetLocation();
                var diags = new List<DiagnosticInfo>
                {
                    DiagnosticInfo.Create(Diagnostics.InternalError, loc, ctx.TargetSymbol?.Name ?? "?", ex.GetType().Name + ": " + ex.Message),
                };
                // Callers compile against a placeholder that throws, rather than failing inside their generated files.
                try
                {
                    if (ctx.TargetNode is MethodDeclarationSyntax node && ctx.TargetSymbol is IMethodSymbol method && TwinSignature.Check(method, node, null))
                    {
                        MethodDeclaration d = MethodDeclaration.Parse(node, method, ct);
                        string placeholder = TwinEmitter.Placeholder(d, PlaceholderMulti(d, method, ctx.SemanticModel, ct), "an internal generator error (DUAL999) was reported on it");
                        return new MethodResult(Model(d, placeholder) with { VerifyId = VerifyId(node, method, ctx.SemanticModel, ct) }, diags.ToEquatableArray());
                    }
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    // The DUAL999 above already says what went wrong.
                }
                return new MethodResult(MethodModel.Nothing("error"), diags.ToEquatableArray());
            }
        }

        private static MethodResult Build(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var node = (MethodDeclarationSyntax)ctx.TargetNode;
            var method = (IMethodSymbol)ctx.TargetSymbol;
            SemanticModel model = ctx.SemanticModel;
            var diags = new List<DiagnosticInfo>();
            if (FaultInjection.ThrowForMethod is { } fault && fault == method.Name) throw new InvalidOperationException("injected fault");

            // 1. Parsing. The same signature check decides, for every caller, whether this twin exists (TwinSignature).
            if (!TwinSignature.Check(method, node, diags)) return new MethodResult(MethodModel.Nothing(MethodDeclaration.HintNameOf(method)), diags.ToEquatableArray());
            MethodDeclaration d = MethodDeclaration.Parse(node, method, ct);
            string? verifyId = VerifyId(node, method, model, ct);

            // 2. Analysis.
            MethodAnalysis a = MethodAnalysis.Run(d, node, method, model, diags, ct);
            if (a.Body is null)
            {
                // The method is reported; callers still compile against a placeholder twin with the right signature.
                string placeholder = TwinEmitter.Placeholder(d, PlaceholderMulti(d, method, model, ct), "fix the DUAL diagnostics reported on it");
                return new MethodResult(Model(d, placeholder) with { VerifyId = verifyId }, diags.ToEquatableArray());
            }

            // 3. Emission.
            var w = new CodeWriter();
            TwinEmitter.Twins(w, d, a.Body, a.Rules, a.MultiPrecision);
            if (a.Entry is not null)
            {
                string? clash = EntryPoints.MemberNames(d, a.Entry, a.Pattern is not null || EntryPoints.CanPrepareSparse(d, a.Entry)).FirstOrDefault(d.OwnerMembers.Contains);
                if (clash is not null) diags.Add(DiagnosticInfo.Create(Diagnostics.EntryPointClash, node.Identifier.GetLocation(), d.Name, method.ContainingType.Name, clash));
                else EntryPoints.Emit(w, d, a.Entry, a.Pattern);
            }
            if (a.Kernel is not null) a.Kernel.Write(w);
            MethodModel result = Model(d, w.ToString().TrimEnd() + "\n", a.UsesConversions, a.Kernel is not null && !d.PublicAllTheWayOut) with
            {
                Placeholder = TwinEmitter.Placeholder(d, a.MultiPrecision, "its generated code does not compile (DUAL014)"),
                VerifyId = verifyId,
            };
            return new MethodResult(result, diags.ToEquatableArray());
        }

        /// <summary>The multi-tangent placeholder is declared when callers expect a multi-tangent twin.</summary>
        private static string? PlaceholderMulti(MethodDeclaration d, IMethodSymbol method, SemanticModel model, CancellationToken ct) =>
            d.SinglePrecision is { } p && MultiTangentEligibility.Of(method, model, ct) ? p : null;

        private static MethodModel Model(MethodDeclaration d, string members, bool needsConversions = false, bool grantsKernelRuntimeAccess = false) =>
            new(d.HintName, d.Namespace, d.Usings, d.NamespaceUsings, d.TypeHeaders.ToEquatableArray(), members, needsConversions, grantsKernelRuntimeAccess);

        /// <summary>
        /// The id by which DUAL014 finds the method, or <see langword="null"/> when the user's method does not compile
        /// itself: then the generator cannot judge its output (what is missing may come from elsewhere, e.g. another generator).
        /// </summary>
        private static string? VerifyId(MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, CancellationToken ct)
        {
            if (model.GetDiagnostics(node.Span, ct).Any(x => x.Severity == DiagnosticSeverity.Error)) return null;
            return method.GetDocumentationCommentId();
        }
    }
}
