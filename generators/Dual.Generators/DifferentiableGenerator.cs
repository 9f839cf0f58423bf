using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dual.Generators
{
    /// <summary>
    /// Emits the dual-number twin and derivative entry points of every <c>[Differentiable]</c> method, and checks
    /// <c>[DerivativeOf]</c> rules. Never throws into the compiler: failures become DUAL999.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DifferentiableGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the transform step producing the method models.</summary>
        public const string MethodsStep = "Dual.Methods";

        /// <summary>Tracking name of the step that compiles the generated files (DUAL014).</summary>
        public const string VerifyStep = "Dual.Verify";

        /// <summary>Tracking name of the compilation-wide step: helper twins, dual types, multi-tangent closure (TwinWorld).</summary>
        public const string WorldStep = "Dual.World";

        /// <summary>Tracking name of the step that settles each method's model once the closure is known.</summary>
        public const string ResolveStep = "Dual.Resolve";

        /// <summary>Tracking name of the step producing the helper twins' and dual types' files.</summary>
        public const string HelpersStep = "Dual.Helpers";

        /// <summary>Tracking name of the step producing the [DerivativeOf] diagnostics.</summary>
        public const string RulesStep = "Dual.Rules";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<MethodModel> methods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.DifferentiableAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => MethodTransform.BuildSafe(ctx, ct))
                .WithTrackingName(MethodsStep);

            // Once per compilation: the twins of helpers and the dual types of aggregates the methods need, and which
            // twins have a multi-tangent form (a closure over the call graph, from each function's own facts).
            IncrementalValueProvider<World> world = methods.Collect()
                .Combine(context.CompilationProvider)
                .Select(static (pair, ct) => TwinWorld.BuildSafe(pair.Left, pair.Right, ct))
                .WithTrackingName(WorldStep);
            IncrementalValuesProvider<MethodModel> resolved = methods
                .Combine(world.Select(static (w, _) => w.MultiIds))
                .Select(static (pair, _) => pair.Left.Resolve(pair.Left.FunctionId is { } id && pair.Right.Contains(id)))
                .WithTrackingName(ResolveStep);
            IncrementalValuesProvider<MethodModel> helpers = world.SelectMany(static (w, _) => w.Files).WithTrackingName(HelpersStep);

            // Every generated file is compiled once per compilation; one that does not compile is replaced (TwinVerifier).
            IncrementalValueProvider<EquatableArray<Verification>> verified = resolved.Collect()
                .Combine(helpers.Collect())
                .Combine(context.CompilationProvider)
                .Select(static (pair, ct) => TwinVerifier.Verify(pair.Left.Left.AddRange(pair.Left.Right), pair.Right, ct))
                .WithTrackingName(VerifyStep);

            context.RegisterSourceOutput(resolved.Combine(verified), static (spc, pair) => Emit(spc, pair.Left, pair.Right));
            context.RegisterSourceOutput(helpers.Combine(verified), static (spc, pair) => Emit(spc, pair.Left, pair.Right));
            context.RegisterSourceOutput(world.Select(static (w, _) => w.Diagnostics), static (spc, diags) =>
            {
                foreach (DiagnosticInfo d in diags) spc.ReportDiagnostic(d.ToDiagnostic());
            });

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> rules = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.DerivativeOfAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => RuleValidator.ValidateSafe(ctx, ct))
                .WithTrackingName(RulesStep);

            context.RegisterSourceOutput(rules, static (spc, diags) =>
            {
                foreach (DiagnosticInfo d in diags) spc.ReportDiagnostic(d.ToDiagnostic());
            });
        }

        private static void Emit(SourceProductionContext spc, MethodModel model, EquatableArray<Verification> verified)
        {
            try
            {
                foreach (DiagnosticInfo d in model.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
                string members = model.Members;
                Verification? failed = verified.FirstOrDefault(v => v.HintName == model.HintName);
                if (failed is not null)
                {
                    members = failed.Emitted == Emitted.Placeholder ? model.Placeholder : "";
                    spc.ReportDiagnostic(failed.Diagnostic.ToDiagnostic());
                }
                if (members.Length == 0) return;
                spc.AddSource(model.HintName, SourceText.From(Render(model, members), Encoding.UTF8));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.None, model.HintName, ex.GetType().Name + ": " + ex.Message));
            }
        }

        internal static string Render(MethodModel model) => Render(model, model.Members);

        /// <summary>The file of <paramref name="model"/> holding <paramref name="members"/> (the twin, or its placeholder).</summary>
        internal static string Render(MethodModel model, string members)
        {
            var sb = new StringBuilder();
            sb.Append("// <auto-generated/>\n// Generated by Dual.Generators from a [Differentiable] method. Do not edit.\n");
            sb.Append("#nullable enable annotations\n#pragma warning disable CS0162, CS0219, CS8321\n\n");
            foreach (string u in model.Usings) sb.Append(u).Append('\n');
            if (model.Usings.Count > 0) sb.Append('\n');
            if (model.GrantsKernelRuntimeAccess)
            {
                // The kernel struct is not public: let ILGPU's dynamic launcher assembly reach it (repeats are allowed).
                sb.Append("[assembly: global::System.Runtime.CompilerServices.InternalsVisibleTo(\"ILGPURuntime\")]\n\n");
            }
            string indent = "";
            if (model.Namespace is not null)
            {
                sb.Append("namespace ").Append(model.Namespace).Append("\n{\n");
                indent = "    ";
                foreach (string u in model.NamespaceUsings) sb.Append(indent).Append(u).Append('\n');
            }
            foreach (string header in model.TypeHeaders)
            {
                sb.Append(indent).Append(header).Append('\n').Append(indent).Append("{\n");
                indent += "    ";
            }
            foreach (string line in members.Split('\n'))
            {
                string l = line.TrimEnd('\r');
                if (l.Length == 0) sb.Append('\n');
                else sb.Append(indent).Append(l).Append('\n');
            }
            for (int i = 0; i < model.TypeHeaders.Count; i++)
            {
                indent = indent.Substring(4);
                sb.Append(indent).Append("}\n");
            }
            if (model.Namespace is not null) sb.Append("}\n");
            if (model.NeedsConversions)
            {
                sb.Append("\n/// <summary>Precision conversions of dual numbers used by the generated twin.</summary>\n");
                sb.Append("file static class __DualConvert\n{\n");
                sb.Append("    public static global::Dual.Dual<double> ToDouble(global::Dual.Dual<float> x) => new global::Dual.Dual<double>(x.Value, x.Tangent);\n");
                sb.Append("    public static global::Dual.Dual<double> ToDouble(global::Dual.Dual<double> x) => x;\n");
                sb.Append("    public static global::Dual.Dual<float> ToSingle(global::Dual.Dual<double> x) => new global::Dual.Dual<float>((float)x.Value, (float)x.Tangent);\n");
                sb.Append("    public static global::Dual.Dual<float> ToSingle(global::Dual.Dual<float> x) => x;\n");
                sb.Append("}\n");
            }
            return sb.ToString();
        }
    }
}
