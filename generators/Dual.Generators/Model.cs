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
        EquatableArray<DiagnosticInfo> Diagnostics,
        bool GrantsKernelRuntimeAccess = false);
}
