namespace Dual.Generators
{
    /// <summary>Everything needed to emit one [Differentiable] method's file: strings and equatable arrays only.</summary>
    internal sealed record MethodModel(
        string HintName,
        string? Namespace,
        EquatableArray<string> Usings,
        EquatableArray<string> NamespaceUsings,
        EquatableArray<string> TypeHeaders,
        string Members,
        bool NeedsConversions,
        bool GrantsKernelRuntimeAccess = false)
    {
        /// <summary>The throwing placeholder twin used if <see cref="Members"/> fail verification ("" when none can be declared).</summary>
        public string Placeholder { get; init; } = "";

        /// <summary>
        /// The method's documentation-comment id, by which a verification failure (DUAL014) finds where to report;
        /// <see langword="null"/> when the generated code is not verified (the user's method itself does not compile).
        /// An id rather than a location keeps the model equal when an edit elsewhere in the file shifts the method.
        /// </summary>
        public string? VerifyId { get; init; }

        /// <summary>
        /// <see cref="Members"/> for when the method's multi-tangent twin is not emitted because something it calls has
        /// none (the compilation-wide closure decides, <see cref="TwinWorld"/>); <see langword="null"/>: the same text.
        /// </summary>
        public string? ScalarMembers { get; init; }

        /// <summary>
        /// The part of <see cref="Members"/> that the DUAL014 safety net compiles: the twins without the entry points when
        /// those are a plain template instance (<see cref="VerificationScope"/>); <see langword="null"/>: all of it.
        /// </summary>
        public string? VerifiedMembers { get; init; }

        /// <summary><see cref="VerifiedMembers"/> of <see cref="ScalarMembers"/>.</summary>
        public string? ScalarVerifiedMembers { get; init; }

        /// <summary><see cref="Placeholder"/> without the multi-tangent placeholder; <see langword="null"/>: the same text.</summary>
        public string? ScalarPlaceholder { get; init; }

        /// <summary>The method's documentation id: how callers and the compilation-wide closure name it.</summary>
        public string? FunctionId { get; init; }

        /// <summary>Whether the method alone allows a multi-tangent twin (one precision, option not turned off).</summary>
        public bool OwnMono { get; init; }

        /// <summary>Whether the method's own body keeps its twin self-contained (<see cref="SelfContainment"/>): its twin
        /// struct then carries the ISelfContainedTwin marker, which <see cref="Resolve"/> removes unless every callee's twin
        /// is self-contained too.</summary>
        public bool OwnSelfContained { get; init; }

        /// <summary>Twinned functions the twin calls (documentation ids): its multi-tangent twin needs theirs.</summary>
        public EquatableArray<string> Callees { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Helper twins and aggregate dual types the twin needs (documentation ids), generated once per compilation.</summary>
        public EquatableArray<string> Requests { get; init; } = EquatableArray<string>.Empty;

        /// <summary>The model as emitted once the closure has decided whether the multi-tangent twin exists and whether
        /// the twin is self-contained.</summary>
        public MethodModel Resolve(bool multi, bool selfContained)
        {
            MethodModel m = Resolve(multi);
            if (selfContained || !OwnSelfContained) return m;
            const string marker = ", " + KnownNames.SelfContainedTwin;
            return m with
            {
                Members = m.Members.Replace(marker, ""),
                VerifiedMembers = m.VerifiedMembers?.Replace(marker, ""),
            };
        }

        private MethodModel Resolve(bool multi) => multi || ScalarMembers is null && ScalarPlaceholder is null
            ? this with { ScalarMembers = null, ScalarPlaceholder = null, ScalarVerifiedMembers = null }
            : this with
            {
                Members = ScalarMembers ?? Members,
                VerifiedMembers = ScalarMembers is null ? VerifiedMembers : ScalarVerifiedMembers,
                Placeholder = ScalarPlaceholder ?? Placeholder,
                ScalarMembers = null,
                ScalarPlaceholder = null,
                ScalarVerifiedMembers = null,
            };

        /// <summary>A model that emits nothing (the method gets no twin).</summary>
        public static MethodModel Nothing(string hintName) =>
            new(hintName, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", false);
    }

    /// <summary>
    /// The transform's result for one method: the model (which the source output depends on) and the diagnostics,
    /// which the pipeline reports from a step of their own, so that a diagnostic whose location moves (an edit above
    /// the method) leaves the model, and the generated file, cached.
    /// </summary>
    internal sealed record MethodResult(MethodModel Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
