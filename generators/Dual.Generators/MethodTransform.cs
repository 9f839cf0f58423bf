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
                return Fail("error", new List<DiagnosticInfo>
                {
                    DiagnosticInfo.Create(Diagnostics.InternalError, loc, ctx.TargetSymbol?.Name ?? "?", ex.GetType().Name + ": " + ex.Message),
                });
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

            // Containing types: all must be partial.
            var headers = new List<string>();
            foreach (TypeDeclarationSyntax t in node.Ancestors().OfType<TypeDeclarationSyntax>().Reverse())
            {
                if (!t.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diags.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, t.Identifier.GetLocation(), t.Identifier.Text, method.Name));
                }
                headers.Add(Header(t));
            }
            if (headers.Count == 0)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NoBody, node.Identifier.GetLocation(), method.Name, "it is not declared in a type"));
            }
            if (diags.Count > 0) return Fail(hint, diags);

            Location idLoc = node.Identifier.GetLocation();
            if (node.Body is null && node.ExpressionBody is null)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NoBody, idLoc, method.Name, "it has no body (abstract, extern, interface or partial definition); put [Differentiable] on a method with a body"));
                return Fail(hint, diags);
            }
            if (method.IsGenericMethod)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NoBody, idLoc, method.Name, "generic [Differentiable] methods are not supported; write the generic code as generic math (T : IFloatingPointIeee754<T>) and call it with Dual<T>, or differentiate a non-generic wrapper"));
                return Fail(hint, diags);
            }
            if (method.IsAsync)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedConstruct, idLoc, "An async method", "differentiate a synchronous method and await outside it"));
                return Fail(hint, diags);
            }
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, node.ReturnType.GetLocation(), "Return of", method.Name, "ref " + method.ReturnType.ToDisplayString()));
                return Fail(hint, diags);
            }

            // Signature.
            var precisions = new HashSet<SpecialType>();
            string returnText = "void";
            if (!method.ReturnsVoid)
            {
                TypeMap.CollectPrecisions(method.ReturnType, precisions);
                string? mapped = TypeMap.Map(method.ReturnType, out bool bad);
                if (bad) diags.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, node.ReturnType.GetLocation(), "Return of", method.Name, method.ReturnType.ToDisplayString()));
                returnText = mapped ?? method.ReturnType.ToDisplayString(TypeMap.Fq);
            }
            var parameters = new List<Param>();
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                IParameterSymbol p = method.Parameters[i];
                ParameterSyntax ps = node.ParameterList.Parameters[i];
                TypeMap.CollectPrecisions(p.Type, precisions);
                string? mapped = TypeMap.Map(p.Type, out bool bad);
                if (bad) diags.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, ps.GetLocation(), "Parameter", p.Name, p.Type.ToDisplayString()));
                string modifiers = string.Join(" ", ps.Modifiers.Select(m => m.Text));
                string pname = ps.Identifier.Text;
                string original = p.Type.ToDisplayString(TypeMap.Fq);
                string def = ""; // defaults are dropped: a dual parameter cannot have a constant default, and entry points append parameters
                parameters.Add(new Param(p, pname, modifiers, original, mapped, def));
            }
            if (diags.Count > 0) return Fail(hint, diags);
            if (!parameters.Any(p => p.Mapped is not null))
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NoBody, idLoc, method.Name, "it has no double/float parameter (or array/span/tuple of them), so there is nothing to differentiate with respect to and its twin would clash with it"));
                return Fail(hint, diags);
            }

            // Body.
            var rewriter = new DualRewriter(model, method, ct);
            SyntaxNode body = (SyntaxNode?)node.Body ?? node.ExpressionBody!.Expression;
            SyntaxNode rewritten = rewriter.Visit(body)!;
            diags.AddRange(rewriter.Diagnostics);
            if (diags.Any(d => Diagnostics.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            {
                return Fail(hint, diags);
            }
            string blockText;
            if (rewritten is BlockSyntax block)
            {
                blockText = block.ToFullString().Trim();
            }
            else
            {
                string expr = rewritten.ToFullString().Trim();
                blockText = method.ReturnsVoid ? "{ " + expr + "; }" : "{ return " + expr + "; }";
            }
            precisions.UnionWith(rewriter.Precisions);

            // Modifiers.
            var mods = node.Modifiers.Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)
                || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text).ToList();
            string modText = mods.Count > 0 ? string.Join(" ", mods) + " " : "";
            string name = node.Identifier.Text;

            var sb = new StringBuilder();
            string paramText = string.Join(", ", parameters.Select(p => p.Declaration(mapped: true)));
            string scalarRules = string.Concat(rewriter.Rules.Select(r => RuleLocal(r, multi: false)));
            sb.Append("/// <summary>Dual-number twin of <c>").Append(Xml(name)).Append("</c> (generated): evaluates it on <c>Dual</c> values so that every result carries its directional derivative.</summary>\n");
            sb.Append(Normalize(modText + returnText + " " + name + "(" + paramText + ")\n" + InsertBeforeLastBrace(blockText, scalarRules)));

            bool mono = precisions.Count == 1 && !rewriter.UsesConversions
                && MultiEligible(method, model, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ct);
            string p1 = mono ? (precisions.First() == SpecialType.System_Single ? "float" : "double") : "";
            if (mono)
            {
                string single = TypeMap.DualOf(precisions.First() == SpecialType.System_Single ? model.Compilation.GetSpecialType(SpecialType.System_Single) : model.Compilation.GetSpecialType(SpecialType.System_Double));
                string multiType = "global::Dual.Dual<" + p1 + ", TTangents>";
                string multiRules = string.Concat(rewriter.Rules.Select(r => RuleLocal(r, multi: true)));
                string text = modText + returnText.Replace(single, multiType) + " " + name + "<TTangents>(" + paramText.Replace(single, multiType) + ")\n"
                    + "    where TTangents : unmanaged, global::Dual.ITangents<TTangents, " + p1 + ">\n"
                    + InsertBeforeLastBrace(blockText.Replace(single, multiType), multiRules);
                sb.Append("\n\n/// <summary>Multi-tangent twin of <c>").Append(Xml(name)).Append("</c> (generated): carries <c>TTangents.Count</c> directional derivatives in one evaluation.</summary>\n");
                sb.Append(Normalize(text));
            }

            if (method.ContainingType.TypeKind != TypeKind.Interface && Option(method, "EntryPoints"))
            {
                string entry = EntryPoints.Emit(method, name, parameters, modText, mono, p1, precisions);
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
                }
            }

            bool grantsKernelRuntimeAccess = false;
            if (KernelTransform.Requested(method))
            {
                string? kernel = KernelTransform.Emit(node, method, model, modText, diags, ct);
                if (kernel is not null)
                {
                    sb.Append("\n\n").Append(kernel.TrimEnd());
                    // ILGPU builds its kernel launchers in a dynamic assembly ("ILGPURuntime"), which can only reach a
                    // kernel struct that is public all the way out unless this assembly lets it see internals.
                    grantsKernelRuntimeAccess = !IsPublicAllTheWayOut(method);
                }
            }

            // Usings of the file and of the enclosing namespaces.
            var cu = (CompilationUnitSyntax)node.SyntaxTree.GetRoot(ct);
            var usings = cu.Externs.Select(e => e.ToString().Trim())
                .Concat(cu.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).Select(u => u.ToString().Trim()))
                .ToEquatableArray();
            var nsUsings = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings).Select(u => u.ToString().Trim()).ToEquatableArray();
            string? ns = method.ContainingNamespace is { IsGlobalNamespace: false } nsSym ? nsSym.ToDisplayString() : null;

            return new MethodModel(hint, ns, usings, nsUsings, headers.ToEquatableArray(), sb.ToString(), rewriter.UsesConversions, diags.ToEquatableArray(), grantsKernelRuntimeAccess);
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
                if (a.AttributeClass?.ToDisplayString() != "Dual.DifferentiableAttribute") continue;
                foreach (KeyValuePair<string, TypedConstant> arg in a.NamedArguments)
                {
                    if (arg.Key == name && arg.Value.Value is bool b) return b;
                }
            }
            return true;
        }

        internal static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static string Normalize(string memberText)
        {
            MemberDeclarationSyntax? member = SyntaxFactory.ParseMemberDeclaration(memberText);
            return member is null ? memberText : member.NormalizeWhitespace("    ", "\n").ToFullString();
        }

        private static string InsertBeforeLastBrace(string block, string insert)
        {
            if (insert.Length == 0) return block;
            int i = block.LastIndexOf('}');
            return block.Substring(0, i) + "\n" + insert + "\n" + block.Substring(i);
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

        private static string RuleLocal(RuleUse r, bool multi)
        {
            string p = r.Precision;
            string d = multi ? "global::Dual.Dual<" + p + ", TTangents>" : "global::Dual.Dual<" + p + ">";
            var args = Enumerable.Range(0, r.Arity).Select(i => "__a" + i).ToList();
            string primals = string.Join(", ", args.Select(a => a + ".Value"));
            var sb = new StringBuilder();
            sb.Append("static ").Append(d).Append(' ').Append(r.LocalName).Append('(').Append(string.Join(", ", args.Select(a => d + " " + a))).Append(")\n{\n");
            sb.Append(p).Append(" __v = ").Append(r.TargetCall).Append('(').Append(primals).Append(");\n");
            sb.Append("var __d = ").Append(r.RuleCall).Append('(').Append(primals).Append(");\n");
            string Partial(int i) => r.Arity == 1 ? "__d" : "__d.Item" + (i + 1);
            string tangent;
            if (!multi)
            {
                tangent = string.Join(" + ", args.Select((a, i) => Partial(i) + " * " + a + ".Tangent"));
            }
            else
            {
                tangent = "TTangents.Multiply(" + args[0] + ".Tangents, " + Partial(0) + ")";
                for (int i = 1; i < args.Count; i++)
                {
                    tangent = "TTangents.Add(" + tangent + ", TTangents.Multiply(" + args[i] + ".Tangents, " + Partial(i) + "))";
                }
            }
            sb.Append("return new ").Append(d).Append("(__v, ").Append(tangent).Append(");\n}\n");
            return sb.ToString();
        }

        /// <summary>
        /// Whether a multi-tangent twin is emitted for <paramref name="method"/>: one floating precision throughout, and
        /// the same holds for every [Differentiable] method it calls. Computed from syntax + semantics of each method
        /// alone, so that a caller's prediction always agrees with the callee's own decision.
        /// </summary>
        private static bool MultiEligible(IMethodSymbol method, SemanticModel model, HashSet<IMethodSymbol> visiting, CancellationToken ct)
        {
            if (!visiting.Add(method)) return true;
            if (!Option(method, "MultiTangent")) return false;
            if (visiting.Count > 64) return false;
            if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not MethodDeclarationSyntax decl) return false;
            Compilation compilation = model.Compilation;
            if (!compilation.ContainsSyntaxTree(decl.SyntaxTree)) return false;
            SemanticModel sm = decl.SyntaxTree == model.SyntaxTree ? model : compilation.GetSemanticModel(decl.SyntaxTree);
            var precisions = new HashSet<SpecialType>();
            TypeMap.CollectPrecisions(method.ReturnType, precisions);
            foreach (IParameterSymbol p in method.Parameters) TypeMap.CollectPrecisions(p.Type, precisions);
            SyntaxNode? body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
            if (body is null) return false;
            var callees = new List<IMethodSymbol>();
            foreach (SyntaxNode n in body.DescendantNodesAndSelf())
            {
                if (n is ExpressionSyntax e)
                {
                    TypeInfo ti = sm.GetTypeInfo(e, ct);
                    TypeMap.CollectPrecisions(ti.Type, precisions);
                    TypeMap.CollectPrecisions(ti.ConvertedType, precisions);
                    if (e is InvocationExpressionSyntax && sm.GetSymbolInfo(e, ct).Symbol is IMethodSymbol m
                        && TypeMap.HasAttribute(m.OriginalDefinition, "Dual.DifferentiableAttribute"))
                    {
                        callees.Add(m.OriginalDefinition);
                    }
                }
            }
            if (precisions.Count != 1) return false;
            foreach (IMethodSymbol c in callees)
            {
                if (!MultiEligible(c, model, visiting, ct)) return false;
            }
            return true;
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
            // Entry points append parameters, so 'params' is only kept on the twin.
            string mods = mapped ? Modifiers : string.Join(" ", Modifiers.Split(' ').Where(m => m != "params" && m != "this"));
            return (mods.Length > 0 ? mods + " " : "") + (mapped && Mapped is not null ? Mapped : Original) + " " + Name;
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
