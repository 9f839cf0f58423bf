namespace Dual.Generators
{
    /// <summary>
    /// Formatting a dual value is allowed (the text only needs the primal value), but reading a number back from that
    /// text (<c>double.Parse(x.ToString())</c>) would turn the value into a constant: such a round trip is DUAL005.
    /// Text is followed through expressions and locals of the method; integers and booleans end the trail (they
    /// are step functions of the value).
    /// </summary>
    internal sealed partial class DualFlow
    {
        /// <summary>Operations that consume a dual value as text (recorded by <see cref="Primal"/>), and that value's text.</summary>
        private readonly Dictionary<IOperation, string> _textRoots = new();

        private void CheckTextRoundTrips(IOperation? root)
        {
            if (root is null || _textRoots.Count == 0) return;
            // Each tainted operation or local remembers the dual value whose text it carries.
            var tainted = new Dictionary<IOperation, string>();
            // Storage that holds formatted text: locals, and also fields and properties (a StringWriter kept in a field).
            var taintedLocals = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            foreach (KeyValuePair<IOperation, string> r in _textRoots)
            {
                tainted[r.Key] = r.Value;
                // sb.Append(x), writer.Write(x): the receiver now holds the text (x.ToString() does not make x text).
                if (r.Key is IInvocationOperation { Instance: { } receiver } && CarriesText(receiver.Type) && Storage(receiver) is { } store) taintedLocals[store] = r.Value;
            }
            string? SourceOf(IOperation o) => Inputs(o).Select(i => tainted.TryGetValue(i, out string? v) ? v : null).FirstOrDefault(v => v is not null);
            var all = root.DescendantsAndSelf().ToList();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (IOperation o in all)
                {
                    if (tainted.ContainsKey(o)) continue;
                    string? src = Storage(o) is { } st && taintedLocals.TryGetValue(st, out string? ls) ? ls : null;
                    if (src is null && CarriesText(o.Type)) src = SourceOf(o);
                    // A lambda that formats a dual value carries the text to whoever calls it.
                    if (src is null && o is IAnonymousFunctionOperation) src = o.Descendants().Select(d => tainted.TryGetValue(d, out string? v) ? v : null).FirstOrDefault(v => v is not null);
                    if (src is null) continue;
                    tainted[o] = src;
                    changed = true;
                }
                foreach (IOperation o in all)
                {
                    (ISymbol? target, string? src) = o switch
                    {
                        IVariableDeclaratorOperation { Initializer: { } init } d when tainted.ContainsKey(init.Value) => (d.Symbol, tainted[init.Value]),
                        ISimpleAssignmentOperation s when Storage(s.Target) is { } t && tainted.ContainsKey(s.Value) => (t, tainted[s.Value]),
                        IInvocationOperation { Instance: { } rl } inv when CarriesText(rl.Type) && Storage(rl) is { } t && SourceOf(inv) is { } v => (t, v),
                        _ => ((ISymbol?)null, (string?)null),
                    };
                    if (target is not null && !taintedLocals.ContainsKey(target))
                    {
                        taintedLocals[target] = src!;
                        changed = true;
                    }
                }
            }
            foreach (IOperation o in all)
            {
                if (!TypeMap.ContainsFloating(o.Type) || tainted.ContainsKey(o)) continue;
                if (SourceOf(o) is not { } source) continue;
                Report(Generators.Diagnostics.Escapes, o.Syntax, null, source,
                    "is formatted as text and read back as a number by '" + Text(o.Syntax) + "'",
                    "use the value itself instead of a text round trip (formatting is fine; parsing it back makes it a constant)");
            }
        }

        /// <summary>The variable, field or property an operation reads, if any.</summary>
        private static ISymbol? Storage(IOperation o) => o switch
        {
            ILocalReferenceOperation l => l.Local,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } p => p.Property,
            IParameterReferenceOperation p => p.Parameter,
            _ => null,
        };

        /// <summary>The values an operation computes from: its operands, arguments and receiver.</summary>
        private static IEnumerable<IOperation> Inputs(IOperation o)
        {
            foreach (IOperation c in o.ChildOperations)
            {
                if (c is IArgumentOperation a) yield return a.Value;
                else yield return c;
            }
        }

        /// <summary>Types through which formatted text travels: everything but integers, booleans and void.</summary>
        private static bool CarriesText(ITypeSymbol? t) =>
            t is not null && t.SpecialType != SpecialType.System_Void && t.SpecialType != SpecialType.System_Boolean
            && !PrimalOnlySinks.IsIntegerValued(t) && !TypeMap.ContainsFloating(t);
    }
}
