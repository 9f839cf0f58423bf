namespace Dual.Generators
{
    /// <summary>
    /// Emits the dual-number twin and derivative entry points of every <c>[Differentiable]</c> method, and checks
    /// <c>[DerivativeOf]</c> rules. Never throws into the compiler: failures become DUAL999.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DifferentiableGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the transform step (parse, analyse, emit) producing each method's result.</summary>
        public const string MethodsStep = "Dual.Methods";

        /// <summary>Tracking name of the step selecting each method's model (what its generated file depends on).</summary>
        public const string ModelsStep = "Dual.Models";

        /// <summary>Tracking name of the step selecting each method's diagnostics (reported on their own).</summary>
        public const string DiagnosticsStep = "Dual.Diagnostics";

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
            IncrementalValuesProvider<MethodResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.DifferentiableAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => MethodTransform.BuildSafe(ctx, ct))
                .WithTrackingName(MethodsStep);

            // Diagnostics carry locations, which move with every edit above the method: reported from their own step,
            // they leave the models (and so the generated files) cached.
            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = results
                .Select(static (r, _) => r.Diagnostics)
                .WithTrackingName(DiagnosticsStep);
            context.RegisterSourceOutput(diagnostics, static (spc, diags) =>
            {
                foreach (DiagnosticInfo d in diags) spc.ReportDiagnostic(d.ToDiagnostic());
            });

            IncrementalValuesProvider<MethodModel> methods = results
                .Select(static (r, _) => r.Model)
                .WithTrackingName(ModelsStep);

            // Once per compilation: the twins of helpers and the dual types of aggregates the methods need, and which
            // twins have a multi-tangent form (a closure over the call graph, from each function's own facts).
            IncrementalValueProvider<World> world = methods.Collect()
                .Combine(context.CompilationProvider)
                .Select(static (pair, ct) => TwinWorld.BuildSafe(pair.Left, pair.Right, ct))
                .WithTrackingName(WorldStep);
            IncrementalValuesProvider<MethodModel> resolved = methods
                .Combine(world.Select(static (w, _) => (w.MultiIds, w.SelfContainedIds)))
                .Select(static (pair, _) => pair.Left.FunctionId is { } id
                    ? pair.Left.Resolve(pair.Right.MultiIds.Contains(id), pair.Right.SelfContainedIds.Contains(id))
                    : pair.Left.Resolve(false, false))
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
            var w = new CodeWriter();
            w.Line("// <auto-generated/>");
            w.Line("// Generated by Dual.Generators from a [Differentiable] method. Do not edit.");
            w.Line("#nullable enable annotations");
            w.Line("#pragma warning disable CS0162, CS0219, CS8321");
            w.Line();
            foreach (string u in model.Usings) w.Line(u);
            if (model.Usings.Count > 0) w.Line();
            if (model.GrantsKernelRuntimeAccess)
            {
                // The kernel struct is not public: let ILGPU's dynamic launcher assembly reach it (repeats are allowed).
                w.Line("[assembly: global::System.Runtime.CompilerServices.InternalsVisibleTo(\"ILGPURuntime\")]");
                w.Line();
            }
            if (model.Namespace is not null)
            {
                w.Open("namespace " + model.Namespace);
                foreach (string u in model.NamespaceUsings) w.Line(u);
            }
            foreach (string header in model.TypeHeaders) w.Open(header);
            w.Lines(members);
            for (int i = 0; i < model.TypeHeaders.Count; i++) w.Close();
            if (model.Namespace is not null) w.Close();
            if (model.NeedsConversions)
            {
                w.Line();
                w.Summary("Precision conversions of dual numbers used by the generated twin.");
                w.Open("file static class __DualConvert");
                w.Line("public static global::Dual.Dual<double> ToDouble(global::Dual.Dual<float> x) => new global::Dual.Dual<double>(x.Value, x.Tangent);");
                w.Line("public static global::Dual.Dual<double> ToDouble(global::Dual.Dual<double> x) => x;");
                w.Line("public static global::Dual.Dual<float> ToSingle(global::Dual.Dual<double> x) => new global::Dual.Dual<float>((float)x.Value, (float)x.Tangent);");
                w.Line("public static global::Dual.Dual<float> ToSingle(global::Dual.Dual<float> x) => x;");
                w.Close();
            }
            return w.ToString();
        }
    }
}
