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
