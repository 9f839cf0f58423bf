using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dual.Generators
{
    /// <summary>Turns one [Differentiable] method into an equatable <see cref="MethodModel"/> (twin and entry points as text).</summary>
    internal static class MethodTransform
    {
        public static MethodModel BuildSafe(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
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
                        Signature sig = Signature.Of(node, method);
                        return sig.Model(HintName(method), node, method, Placeholder(sig, "an internal generator error (DUAL999) was reported on it", multi: false), diags, ct)
                            with { VerifyId = VerifyId(node, method, ctx.SemanticModel, ct), FunctionId = method.GetDocumentationCommentId() };
                    }
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    // The DUAL999 above already says what went wrong.
                }
                return Fail("error", diags);
            }
        }

        private static MethodModel Fail(string hint, List<DiagnosticInfo> diags) =>
            new(hint, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", false, diags.ToEquatableArray());

        private static string HintName(IMethodSymbol method)
        {
            string type = method.ContainingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") ?? "global";
            int index = method.ContainingType is null ? 0 : method.ContainingType.GetMembers(method.Name).IndexOf(method);
            var sb = new StringBuilder();
            foreach (char c in type + "." + method.Name + (index > 0 ? "_" + index : ""))
            {
                sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }
            return sb + ".g.cs";
        }

        private static MethodModel Build(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
        {
            var node = (MethodDeclarationSyntax)ctx.TargetNode;
            var method = (IMethodSymbol)ctx.TargetSymbol;
            SemanticModel model = ctx.SemanticModel;
            var diags = new List<DiagnosticInfo>();
            string hint = HintName(method);
            if (FaultInjection.ThrowForMethod is { } fault && fault == method.Name) throw new InvalidOperationException("injected fault");

            // Signature: the same check decides, for every caller, whether this twin exists (TwinSignature).
            if (!TwinSignature.Check(method, node, diags)) return Fail(hint, diags);
            Signature sig = Signature.Of(node, method);
            Location idLoc = node.Identifier.GetLocation();
            var precisions = new HashSet<SpecialType>(sig.Precisions);
            string returnText = sig.ReturnText, modText = sig.ModText, name = sig.Name, paramText = sig.ParamText;
            List<Param> parameters = sig.Parameters;

            // Body: the flow analysis decides every use of a dual value; the rewriter only executes its decisions (TwinBody).
            TwinBody twin = TwinBody.Build(model, method, node, TwinPlace.Differentiable(method), ct);
            diags.AddRange(twin.Diagnostics);
            precisions.UnionWith(twin.Precisions);
            // Whether the method alone allows a multi-tangent twin; the compilation-wide closure adds its callees (TwinWorld).
            bool ownMono = precisions.Count == 1 && !twin.UsesConversions && Option(method, "MultiTangent");
            MethodModel WithFacts(MethodModel m) => m with
            {
                FunctionId = method.GetDocumentationCommentId(),
                OwnMono = ownMono,
                Callees = twin.Flow.Callees.OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray(),
                Requests = twin.Flow.Requests.OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray(),
            };
            if (twin.HasErrors)
            {
                // The method is reported; callers still compile against a placeholder twin with the right signature.
                const string fix = "fix the DUAL diagnostics reported on it";
                return WithFacts(sig.Model(hint, node, method, Placeholder(sig, fix, ownMono), diags, ct)
                    with { VerifyId = VerifyId(node, method, model, ct), ScalarPlaceholder = ownMono ? Placeholder(sig, fix, multi: false) : null });
            }
            string blockText = twin.BlockWithRules(multi: false);
            if (FaultInjection.BreakTwinOf is { } broken && broken == method.Name) blockText = "{ return __NotDeclaredAnywhere; }";

            var sb = new StringBuilder();
            sb.Append("/// <summary>Dual-number twin of <c>").Append(Xml(name)).Append("</c> (generated): evaluates it on <c>Dual</c> values so that every result carries its directional derivative.</summary>\n");
            sb.Append(Normalize(modText + returnText + " " + name + "(" + paramText + ")\n" + blockText));
            var scalar = new StringBuilder(sb.ToString());

            string p1 = ownMono ? twin.Precision : "";
            if (ownMono)
            {
                string text = modText + twin.Multi(returnText) + " " + name + "<TTangents>(" + twin.Multi(paramText) + ")\n"
                    + "    " + KnownNames.TangentsConstraint(p1) + "\n"
                    + twin.BlockWithRules(multi: true);
                sb.Append("\n\n/// <summary>Multi-tangent twin of <c>").Append(Xml(name)).Append("</c> (generated): carries <c>TTangents.Count</c> directional derivatives in one evaluation.</summary>\n");
                sb.Append(Normalize(text));
            }

            if (method.ContainingType.TypeKind != TypeKind.Interface && Option(method, "EntryPoints"))
            {
                string entry = EntryPoints.Emit(method, name, parameters, modText, ownMono, p1, precisions);
                string entryScalar = ownMono ? EntryPoints.Emit(method, name, parameters, modText, false, "", precisions) : entry;
                string? clash = new[] { "Derivative", "Gradient", "Jvp", "Jacobian" }
                    .Select(suffix => name + suffix)
                    .FirstOrDefault(n => entry.Contains(" " + n + "(") && method.ContainingType.MemberNames.Contains(n));
                if (clash is not null)
                {
                    diags.Add(DiagnosticInfo.Create(Diagnostics.EntryPointClash, idLoc, name, method.ContainingType.Name, clash));
                }
                else if (entry.Length > 0)
                {
                    sb.Append("\n\n").Append(entry.TrimEnd());
                    scalar.Append("\n\n").Append(entryScalar.TrimEnd());
                }
            }

            bool grantsKernelRuntimeAccess = false;
            if (KernelTransform.Requested(method))
            {
                string? kernel = KernelTransform.Emit(node, method, model, modText, diags, ct);
                if (kernel is not null)
                {
                    sb.Append("\n\n").Append(kernel.TrimEnd());
                    scalar.Append("\n\n").Append(kernel.TrimEnd());
                    // ILGPU builds its kernel launchers in a dynamic assembly ("ILGPURuntime"), which can only reach a
                    // kernel struct that is public all the way out unless this assembly lets it see internals.
                    grantsKernelRuntimeAccess = !IsPublicAllTheWayOut(method);
                }
            }

            const string why = "its generated code does not compile (DUAL014)";
            return WithFacts(sig.Model(hint, node, method, sb.ToString(), diags, ct, twin.UsesConversions, grantsKernelRuntimeAccess)
                with
                {
                    Placeholder = Placeholder(sig, why, ownMono),
                    VerifyId = VerifyId(node, method, model, ct),
                    ScalarMembers = ownMono ? scalar.ToString() : null,
                    ScalarPlaceholder = ownMono ? Placeholder(sig, why, multi: false) : null,
                });
        }

        /// <summary>
        /// The id by which DUAL014 finds the method, or <see langword="null"/> when the user's method does not compile
        /// itself: then the generator cannot judge its output (what is missing may come from elsewhere, e.g. another generator).
        /// </summary>
        private static string? VerifyId(MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, CancellationToken ct)
        {
            if (model.GetDiagnostics(node.Span, ct).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
            return method.GetDocumentationCommentId();
        }

        /// <summary>Usings of the file (global usings apply to generated files by themselves).</summary>
        internal static EquatableArray<string> Usings(SyntaxNode node, CancellationToken ct)
        {
            var cu = (CompilationUnitSyntax)node.SyntaxTree.GetRoot(ct);
            return cu.Externs.Select(e => e.ToString().Trim())
                .Concat(cu.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).Select(u => u.ToString().Trim()))
                .ToEquatableArray();
        }

        internal static EquatableArray<string> NamespaceUsings(SyntaxNode node) =>
            node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings).Select(u => u.ToString().Trim()).ToEquatableArray();

        private static string? Namespace(IMethodSymbol method) =>
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

        /// <summary>
        /// The twin of a method whose body has DUAL errors: the signature (and the multi-tangent one when callers
        /// expect it) with a body that throws. The build already fails on the reported error; the placeholder only
        /// keeps the callers' generated code free of follow-on compiler errors.
        /// </summary>
        private static string Placeholder(Signature sig, string why, bool multi)
        {
            string body = "{ throw new global::System.InvalidOperationException(\"The dual twin of '" + sig.Name + "' is not generated: " + why + ".\"); }";
            var sb = new StringBuilder();
            sb.Append("/// <summary>Placeholder for the dual twin of <c>").Append(Xml(sig.Name)).Append("</c>, which has DUAL errors.</summary>\n");
            sb.Append(Normalize(sig.ModText + sig.ReturnText + " " + sig.Name + "(" + sig.ParamText + ")\n" + body));
            if (multi && sig.Precisions.Count == 1)
            {
                string p1 = sig.Precisions.First() == SpecialType.System_Single ? "float" : "double";
                sb.Append("\n\n/// <summary>Placeholder for the multi-tangent twin of <c>").Append(Xml(sig.Name)).Append("</c>.</summary>\n");
                sb.Append(Normalize(sig.ModText + TwinBody.Multi(sig.ReturnText, p1, sig.AggregateNames) + " " + sig.Name + "<TTangents>(" + TwinBody.Multi(sig.ParamText, p1, sig.AggregateNames) + ")\n"
                    + "    " + KnownNames.TangentsConstraint(p1) + "\n" + body));
            }
            return sb.ToString();
        }

        /// <summary>The twin's declaration parts, computed once from a method that passed <see cref="TwinSignature.Check"/>.</summary>
        private sealed class Signature
        {
            private Signature(List<string> headers, string modText, string returnText, string name, List<Param> parameters, HashSet<SpecialType> precisions)
            {
                Headers = headers;
                ModText = modText;
                ReturnText = returnText;
                Name = name;
                Parameters = parameters;
                Precisions = precisions;
                ParamText = string.Join(", ", parameters.Select(p => p.Declaration(mapped: true)));
            }

            public List<string> Headers { get; }
            public string ModText { get; }
            public string ReturnText { get; }
            public string Name { get; }
            public List<Param> Parameters { get; }
            public HashSet<SpecialType> Precisions { get; }
            public string ParamText { get; }

            /// <summary>Dual types of the aggregates in the signature (generic in the multi-tangent placeholder).</summary>
            public List<string> AggregateNames { get; } = new();

            public static Signature Of(MethodDeclarationSyntax node, IMethodSymbol method)
            {
                var precisions = new HashSet<SpecialType>();
                string returnText = "void";
                if (!method.ReturnsVoid)
                {
                    TypeMap.CollectPrecisions(method.ReturnType, precisions);
                    returnText = TypeMap.Map(method.ReturnType, out _) ?? method.ReturnType.ToDisplayString(TypeMap.Fq);
                }
                var parameters = new List<Param>();
                for (int i = 0; i < method.Parameters.Length; i++)
                {
                    IParameterSymbol p = method.Parameters[i];
                    ParameterSyntax ps = node.ParameterList.Parameters[i];
                    TypeMap.CollectPrecisions(p.Type, precisions);
                    string? mapped = TypeMap.Map(p.Type, out _);
                    string modifiers = string.Join(" ", ps.Modifiers.Select(m => m.Text));
                    // A dual parameter cannot have a constant default: generated callers pass it explicitly. Other defaults stay.
                    string def = ps.Default is not null && TwinSignature.KeepsDefault(p) ? " " + ps.Default.ToString().Trim() : "";
                    parameters.Add(new Param(p, ps.Identifier.Text, modifiers, p.Type.ToDisplayString(TypeMap.Fq), mapped, def));
                }
                var mods = node.Modifiers.Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)
                    || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text).ToList();
                var headers = node.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(Header).ToList();
                var signature = new Signature(headers, mods.Count > 0 ? string.Join(" ", mods) + " " : "", returnText, node.Identifier.Text, parameters, precisions);
                var aggregates = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                Aggregates.Collect(method.ReturnType, aggregates);
                foreach (IParameterSymbol p in method.Parameters) Aggregates.Collect(p.Type, aggregates);
                signature.AggregateNames.AddRange(aggregates.Select(Aggregates.DualName).OrderByDescending(n => n.Length));
                return signature;
            }

            /// <summary>A model holding <paramref name="members"/> in the method's type, namespace and usings.</summary>
            public MethodModel Model(string hint, MethodDeclarationSyntax node, IMethodSymbol method, string members, List<DiagnosticInfo> diags, CancellationToken ct,
                bool needsConversions = false, bool grantsKernelRuntimeAccess = false) =>
                new(hint, Namespace(method), Usings(node, ct), NamespaceUsings(node), Headers.ToEquatableArray(), members, needsConversions, diags.ToEquatableArray(), grantsKernelRuntimeAccess);
        }

        private static bool IsPublicAllTheWayOut(IMethodSymbol method)
        {
            if (method.DeclaredAccessibility != Accessibility.Public) return false;
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.DeclaredAccessibility != Accessibility.Public) return false;
            }
            return true;
        }

        /// <summary>A boolean named argument of [Differentiable] (default true).</summary>
        private static bool Option(IMethodSymbol method, string name)
        {
            foreach (AttributeData a in method.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() != KnownNames.DifferentiableAttribute) continue;
                foreach (KeyValuePair<string, TypedConstant> arg in a.NamedArguments)
                {
                    if (arg.Key == name && arg.Value.Value is bool b) return b;
                }
            }
            return true;
        }

        internal static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        internal static string Normalize(string memberText)
        {
            MemberDeclarationSyntax? member = SyntaxFactory.ParseMemberDeclaration(memberText);
            return member is null ? memberText : member.NormalizeWhitespace("    ", "\n").ToFullString();
        }

        private static string Header(TypeDeclarationSyntax t)
        {
            string kind = t switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                _ => t.Keyword.Text,
            };
            string refMod = t.Modifiers.Any(SyntaxKind.RefKeyword) ? "ref " : "";
            return refMod + "partial " + kind + " " + t.Identifier.Text + (t.TypeParameterList?.ToString() ?? "");
        }
    }

    /// <summary>A parameter of the [Differentiable] method and its dual type.</summary>
    internal sealed class Param
    {
        public Param(IParameterSymbol symbol, string name, string modifiers, string original, string? mapped, string defaultText)
        {
            Symbol = symbol;
            Name = name;
            Modifiers = modifiers;
            Original = original;
            Mapped = mapped;
            DefaultText = defaultText;
        }

        public IParameterSymbol Symbol { get; }
        public string Name { get; }
        public string Modifiers { get; }
        public string Original { get; }
        public string? Mapped { get; }
        public string DefaultText { get; }

        public string Declaration(bool mapped)
        {
            // Entry points append parameters, so they drop 'params' and 'this'. The twin drops 'params' on a floating
            // parameter too: 'F()' would otherwise be ambiguous between F(params double[]) and F(params Dual<double>[]).
            var mods = Modifiers.Split(' ').Where(m => m.Length > 0);
            if (!mapped || Mapped is not null) mods = mods.Where(m => m != "params");
            if (!mapped) mods = mods.Where(m => m != "this");
            string modText = string.Join(" ", mods);
            return (modText.Length > 0 ? modText + " " : "") + (mapped && Mapped is not null ? Mapped : Original) + " " + Name + (mapped ? DefaultText : "");
        }

        /// <summary>How the parameter is passed on: with its ref kind keyword.</summary>
        public string Pass(string expr) => Symbol.RefKind switch
        {
            RefKind.Ref => "ref " + expr,
            RefKind.Out => "out " + expr,
            _ => expr,
        };
    }
}
