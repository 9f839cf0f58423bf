namespace Dual.Generators
{
    /// <summary>What is emitted for one method after verification.</summary>
    internal enum Emitted
    {
        /// <summary>The twin and its entry points, as generated.</summary>
        Full,

        /// <summary>The generated code did not compile: a placeholder twin that throws (DUAL014).</summary>
        Placeholder,

        /// <summary>Neither compiled (e.g. the user already declares the twin's signature): nothing (DUAL014).</summary>
        Nothing,
    }

    /// <summary>The verification outcome of one method's generated file.</summary>
    internal sealed record Verification(string HintName, Emitted Emitted, DiagnosticInfo Diagnostic);

    /// <summary>
    /// The last line of defence behind <see cref="DualFlow"/>: compiles every generated file together with the
    /// user's code, once per compilation (one fork, one semantic-diagnostics pass per file, files in parallel), and replaces a file that
    /// does not compile by its placeholder (or by nothing) with DUAL014 at the method, so that a compiler error never
    /// appears inside a generated file. Of a file whose entry points are a plain template instance only the twins are
    /// compiled (<see cref="MethodModel.VerifiedMembers"/>, <see cref="VerificationScope"/>).
    /// Methods whose own code does not compile are not judged (the generator cannot see what is missing).
    /// </summary>
    internal static class TwinVerifier
    {
        private const int MaxRounds = 4;

        public static EquatableArray<Verification> Verify(ImmutableArray<MethodModel> models, Compilation compilation, CancellationToken ct)
        {
            var verifiable = models.Where(m => m.VerifyId is not null && m.Members.Length > 0).ToList();
            if (verifiable.Count == 0 || compilation is not CSharpCompilation cs) return EquatableArray<Verification>.Empty;
            var options = (CSharpParseOptions?)cs.SyntaxTrees.FirstOrDefault()?.Options ?? CSharpParseOptions.Default;
            var state = verifiable.ToDictionary(m => m, _ => Emitted.Full);
            var error = new Dictionary<MethodModel, string>();
            // Other methods' files (unverifiable ones included) are part of the compilation the user will build.
            var fixedTrees = models.Where(m => m.VerifyId is null && m.Members.Length > 0)
                .Select(m => CSharpSyntaxTree.ParseText(DifferentiableGenerator.Render(m, m.Members), options, path: m.HintName, cancellationToken: ct)).ToList();
            for (int round = 0; round < MaxRounds; round++)
            {
                var trees = new Dictionary<MethodModel, SyntaxTree>();
                foreach (MethodModel m in verifiable)
                {
                    string? members = state[m] switch { Emitted.Full => m.VerifiedMembers ?? m.Members, Emitted.Placeholder => m.Placeholder, _ => null };
                    if (members is null || members.Length == 0) continue;
                    trees[m] = CSharpSyntaxTree.ParseText(DifferentiableGenerator.Render(m, members), options, path: m.HintName, cancellationToken: ct);
                }
                Compilation fork = cs.AddSyntaxTrees(trees.Values.Concat(fixedTrees));
                Dictionary<SyntaxTree, Diagnostic> firstErrors = FirstErrors(fork, trees.Values, ct);
                bool changed = false;
                foreach (KeyValuePair<MethodModel, SyntaxTree> kv in trees)
                {
                    if (!firstErrors.TryGetValue(kv.Value, out Diagnostic? first)) continue;
                    MethodModel m = kv.Key;
                    if (!error.ContainsKey(m))
                    {
                        string line = kv.Value.GetText(ct).Lines[first.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
                        error[m] = first.Id + ": " + first.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " in '" + line + "'";
                    }
                    state[m] = state[m] == Emitted.Full && m.Placeholder.Length > 0 ? Emitted.Placeholder : Emitted.Nothing;
                    changed = true;
                }
                if (!changed) break;
            }
            return state.Where(kv => kv.Value != Emitted.Full)
                .Select(kv => new Verification(kv.Key.HintName, kv.Value, Report(kv.Key, kv.Value, error.TryGetValue(kv.Key, out string? e) ? e : "it could not be verified", compilation)))
                .OrderBy(v => v.HintName, System.StringComparer.Ordinal)
                .ToEquatableArray();
        }

        /// <summary>
        /// The first error in each of <paramref name="trees"/>: the files are bound concurrently (the compiler's own
        /// thread-safe semantic models, one per file, as a build binds method bodies), each file's diagnostics in order.
        /// </summary>
        private static Dictionary<SyntaxTree, Diagnostic> FirstErrors(Compilation fork, IEnumerable<SyntaxTree> trees, CancellationToken ct)
        {
            var found = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Diagnostic>();
            var options = new System.Threading.Tasks.ParallelOptions { CancellationToken = ct };
            System.Threading.Tasks.Parallel.ForEach(trees, options, tree =>
            {
                Diagnostic? first = fork.GetSemanticModel(tree).GetDiagnostics(null, ct).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                if (first is not null) found[tree] = first;
            });
            return new Dictionary<SyntaxTree, Diagnostic>(found);
        }

        /// <summary>DUAL014 at the method's name.</summary>
        private static DiagnosticInfo Report(MethodModel m, Emitted emitted, string error, Compilation compilation)
        {
            ISymbol? method = DocumentationCommentId.GetFirstSymbolForDeclarationId(m.VerifyId!, compilation);
            Location? at = method?.Locations.FirstOrDefault(l => l.IsInSource);
            string name = method?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? m.HintName;
            string instead = emitted == Emitted.Placeholder ? "a placeholder twin that throws is emitted instead" : "no twin is emitted";
            return DiagnosticInfo.Create(Diagnostics.TwinDoesNotCompile, at, name, error, instead);
        }
    }
}
