namespace Dual.Generators
{
    /// <summary>
    /// The analysis stage of one [Differentiable] method: the flow analysis (which decides every use of a dual value),
    /// the rewrite into the twin's body, multi-tangent eligibility, the entry-point plan, the GPU kernel form and the
    /// compile-time sparsity pattern. Its results are text and plans for the emitters.
    /// </summary>
    internal sealed class MethodAnalysis
    {
        private MethodAnalysis() { }

        /// <summary>The twin's body as a block, or <see langword="null"/> when the flow analysis reported errors.</summary>
        public string? Body { get; private set; }

        public List<RuleUse> Rules { get; private set; } = new();

        /// <summary>"double"/"float" when the multi-tangent twin is emitted; else <see langword="null"/>.</summary>
        public string? MultiPrecision { get; private set; }

        public bool UsesConversions { get; private set; }

        /// <summary>Whether the method's own body keeps its twin self-contained (<see cref="SelfContainment"/>; the
        /// compilation-wide step adds its callees).</summary>
        public bool OwnSelfContained { get; private set; }

        public EntryPlan? Entry { get; private set; }

        /// <summary>The entry-point plan for when the closure (TwinWorld) finds no multi-tangent twin for a callee.</summary>
        public EntryPlan? ScalarEntry { get; private set; }

        /// <summary>The analysed and rewritten body, with the facts the compilation-wide step needs.</summary>
        public TwinBody? Twin { get; private set; }

        public KernelEmission? Kernel { get; private set; }

        /// <summary>The Jacobian pattern proven at compile time (vector methods with sparse entry points), or <see langword="null"/>.</summary>
        public SparsityEmission? Pattern { get; private set; }

        public static MethodAnalysis Run(MethodDeclaration d, MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            var a = new MethodAnalysis();
            // The flow analysis decides every use of a dual value; the rewriter only executes its decisions (TwinBody).
            TwinBody twin = TwinBody.Build(model, method, node, TwinPlace.Differentiable(method), ct);
            a.Twin = twin;
            diags.AddRange(twin.Diagnostics);
            if (twin.HasErrors) return a;

            a.Body = twin.Block;
            if (FaultInjection.BreakTwinOf is { } broken && broken == method.Name) a.Body = "{\n    return __NotDeclaredAnywhere;\n}";
            a.Rules = twin.Flow.Rules;
            a.UsesConversions = twin.UsesConversions;
            var precisions = new HashSet<SpecialType>(d.Precisions);
            precisions.UnionWith(twin.Precisions);
            // Whether the method alone allows a multi-tangent twin; the compilation-wide closure adds its callees (TwinWorld).
            if (precisions.Count == 1 && !twin.UsesConversions && d.MultiTangentOption)
            {
                a.MultiPrecision = precisions.First() == SpecialType.System_Single ? "float" : "double";
            }
            // A method writing its own fields advances its object's state on every evaluation; the drivers may evaluate
            // it more than once per entry-point call (OwnState), so it gets the twin only.
            if (d.EntryPointsOption && twin.Flow.ShadowedFields.Count == 0)
            {
                // The marker is emitted when the method alone allows it; MethodModel.Resolve removes it when a callee
                // does not (the closure in TwinWorld).
                a.OwnSelfContained = SelfContainment.OwnBody(method, node, model, ct);
                a.Entry = EntryPoints.Plan(d, a.MultiPrecision is not null, a.OwnSelfContained);
                a.ScalarEntry = a.MultiPrecision is null ? a.Entry : EntryPoints.Plan(d, false, a.OwnSelfContained);
                if (a.Entry is not null) a.Entry.SeededInput = SeededInputUse.Parameter(d, a.Entry, method, node, model, ct);
                if (a.Entry is not null && EntryPoints.CanPrepareSparse(d, a.Entry))
                {
                    a.Pattern = SparsityAnalysis.Run(d, a.Entry, node, method, model, diags, ct);
                }
            }
            if (d.GpuOption) a.Kernel = KernelTransform.Analyze(node, method, model, d, diags, ct);
            return a;
        }
    }
}
