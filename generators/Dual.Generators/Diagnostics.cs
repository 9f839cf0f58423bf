using System.Reflection;

namespace Dual.Generators
{
    /// <summary>The diagnostics of the <c>[Differentiable]</c> generator; each is documented in docs/diagnostics.md.</summary>
    internal static class Diagnostics
    {
        private const string Category = "Dual.Generators";

        /// <summary>
        /// Where docs/diagnostics.md is published, from the build's DualRepositoryUrl (Directory.Build.props), which
        /// Directory.Build.targets writes into this assembly as <c>[AssemblyMetadata("DualDiagnosticsHelpUrl", …)]</c>; null
        /// while the repository has no address, so that no diagnostic links to a page that does not exist.
        /// Declared before the descriptors: static fields initialise in textual order.
        /// </summary>
        internal static readonly string? HelpBase = typeof(Diagnostics).Assembly
            .GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false)
            .OfType<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DualDiagnosticsHelpUrl" && !string.IsNullOrWhiteSpace(a.Value))?.Value;

        /// <summary>The help link of a diagnostic: its section of docs/diagnostics.md (GitHub's anchor of "## DUAL001" is
        /// "#dual001"), or null without a published repository.</summary>
        internal static string? HelpLink(string id) => HelpBase is null ? null : HelpBase + "#" + id.ToLowerInvariant();

        // One row per diagnostic: id, severity, title, message format.
        private static DiagnosticDescriptor Make(string id, DiagnosticSeverity severity, string title, string message) =>
            new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

        public static readonly DiagnosticDescriptor NotDifferentiableCall = Make("DUAL001", DiagnosticSeverity.Error,
            "Call to a floating-valued method that cannot be differentiated",
            "'{0}' {1}; {2}");

        public static readonly DiagnosticDescriptor NotPartial = Make("DUAL002", DiagnosticSeverity.Error,
            "Containing type must be partial",
            "Type '{0}' must be declared 'partial' so that the dual twin of '{1}' can be added to it; add the 'partial' modifier (to every enclosing type too)");

        public static readonly DiagnosticDescriptor UnsupportedConstruct = Make("DUAL003", DiagnosticSeverity.Error,
            "Unsupported construct in a [Differentiable] method",
            "{0} is not supported in a [Differentiable] method; {1}");

        public static readonly DiagnosticDescriptor FieldWrite = Make("DUAL004", DiagnosticSeverity.Error,
            "Floating field, property or constant location written in a [Differentiable] method",
            "'{0}' {1}; {2}");

        public static readonly DiagnosticDescriptor Escapes = Make("DUAL005", DiagnosticSeverity.Error,
            "Floating value escapes to code or a type that does not carry its derivative",
            "The floating value '{0}' {1}, so its derivative would be lost; {2}");

        public static readonly DiagnosticDescriptor UnsupportedType = Make("DUAL006", DiagnosticSeverity.Error,
            "Unsupported type in a [Differentiable] method",
            "{0} '{1}' has type '{2}', which the generator cannot map to a dual type; {3}");

        public static readonly DiagnosticDescriptor RuleUnknownTarget = Make("DUAL007", DiagnosticSeverity.Error,
            "[DerivativeOf] names an unknown method",
            "No method named '{0}' found in '{1}'; check the spelling, use nameof(...), or pass the declaring type as the first argument");

        public static readonly DiagnosticDescriptor RuleBadSignature = Make("DUAL008", DiagnosticSeverity.Error,
            "[DerivativeOf] rule has the wrong signature",
            "Rule '{0}' does not match '{1}': {2}");

        public static readonly DiagnosticDescriptor NoBody = Make("DUAL009", DiagnosticSeverity.Error,
            "[Differentiable] method has no body or is not supported",
            "'{0}' cannot be differentiated: {1}");

        public static readonly DiagnosticDescriptor EntryPointClash = Make("DUAL010", DiagnosticSeverity.Warning,
            "Derivative entry points not generated: name already used",
            "The entry points of '{0}' were not generated because '{1}' already declares a member named '{2}'; rename that member (the dual twin is still generated)");

        public static readonly DiagnosticDescriptor NotKernelReady = Make("DUAL011", DiagnosticSeverity.Error,
            "[Differentiable(Gpu = true)] method cannot run on the GPU",
            "{0} cannot run in a GPU kernel: {1}");

        public static readonly DiagnosticDescriptor GpuNotReferenced = Make("DUAL012", DiagnosticSeverity.Error,
            "[Differentiable(Gpu = true)] needs the Dual.Gpu package",
            "The GPU form of '{0}' was not generated because the compilation does not reference Dual.Gpu; add a reference to the Dual.Gpu package (or remove Gpu = true)");

        public static readonly DiagnosticDescriptor ConstantContainer = Make("DUAL013", DiagnosticSeverity.Error,
            "Constant floating array used where the twin needs a dual one",
            "'{0}' is a {1} that the twin keeps as constants ({2}), but {3} needs a dual one; {4}");

        public static readonly DiagnosticDescriptor TwinDoesNotCompile = Make("DUAL014", DiagnosticSeverity.Error,
            "The generated twin does not compile",
            "The generated code for '{0}' does not compile ({1}), so {2}; the method uses a construct the generator does not handle yet: please report it with the method source, and rewrite the construct that the compiler message names");

        public static readonly DiagnosticDescriptor HelperPlacement = Make("DUAL015", DiagnosticSeverity.Error,
            "A helper's twin cannot be declared where it must go",
            "'{0}' is differentiated as a helper, but its twin {1}; {2}");

        public static readonly DiagnosticDescriptor SparsityNotProven = Make("DUAL016", DiagnosticSeverity.Info,
            "Jacobian sparsity pattern not found at compile time",
            "The Jacobian pattern of '{0}' is not found at compile time: {1} ('{2}') stops the proof; its sparse entry points detect the pattern at run time through the twin instead");

        public static readonly DiagnosticDescriptor InternalError = Make("DUAL999", DiagnosticSeverity.Warning,
            "Internal generator error",
            "Internal error in the Dual generator while processing '{0}': {1}; please report it with this message and the method source");

        // Every descriptor above, by id, read from the fields (declared after them: static fields initialise in textual
        // order), so that a new descriptor is in the lookup and in All without being listed a second time.
        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = typeof(Diagnostics)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToDictionary(descriptor => descriptor.Id);

        public static DiagnosticDescriptor ById(string id) => s_byId[id];

        /// <summary>Every descriptor (docs/diagnostics.md has a section for each; a test checks it).</summary>
        public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;
    }
}
