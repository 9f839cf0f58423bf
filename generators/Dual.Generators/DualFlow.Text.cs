using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
        /// <summary>Operations that consume a dual value as text (recorded by <see cref="Primal"/>).</summary>
        private readonly HashSet<IOperation> _textRoots = new();

        private void CheckTextRoundTrips(IOperation? root)
        {
            if (root is null || _textRoots.Count == 0) return;
            var tainted = new HashSet<IOperation>();
            var taintedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation r in _textRoots)
            {
                tainted.Add(r);
                if (r is IInvocationOperation { Instance: ILocalReferenceOperation receiver }) taintedLocals.Add(receiver.Local);
            }
            var all = root.DescendantsAndSelf().Where(o => !InsideLambda(o)).ToList();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (IOperation o in all)
                {
                    if (tainted.Contains(o)) continue;
                    bool t = o is ILocalReferenceOperation l && taintedLocals.Contains(l.Local);
                    if (!t && CarriesText(o.Type)) t = Inputs(o).Any(tainted.Contains);
                    if (!t) continue;
                    tainted.Add(o);
                    changed = true;
                }
                foreach (IOperation o in all)
                {
                    ILocalSymbol? target = o switch
                    {
                        IVariableDeclaratorOperation { Initializer: { } init } d when tainted.Contains(init.Value) => d.Symbol,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation lt } s when tainted.Contains(s.Value) => lt.Local,
                        IInvocationOperation { Instance: ILocalReferenceOperation rl } inv when inv.Arguments.Any(a => tainted.Contains(a.Value)) && CarriesText(rl.Type) => rl.Local,
                        _ => null,
                    };
                    if (target is not null && taintedLocals.Add(target)) changed = true;
                }
            }
            foreach (IOperation o in all)
            {
                if (!TypeMap.ContainsFloating(o.Type) || tainted.Contains(o)) continue;
                if (!Inputs(o).Any(tainted.Contains)) continue;
                Report(Generators.Diagnostics.Escapes, o.Syntax, null, Text(o.Syntax),
                    "reads a number back from text formatted from a value that carries a derivative",
                    "use the value itself instead of a text round trip (formatting is fine; parsing it back makes it a constant)");
            }
        }

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

        private static bool InsideLambda(IOperation o)
        {
            for (IOperation? p = o.Parent; p is not null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation) return true;
            }
            return false;
        }
    }
}
