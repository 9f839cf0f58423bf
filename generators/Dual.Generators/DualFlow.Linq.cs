namespace Dual.Generators
{
    /// <summary>LINQ over floating values (<see cref="LinqOperators"/>): the same operators on sequences of dual numbers.</summary>
    internal sealed partial class DualFlow
    {
        /// <summary>
        /// A listed <c>Enumerable</c> operator that a dual value (a dual sequence, or a lambda, which the twin always
        /// rewrites over dual numbers) flows into. A constant floating sequence taking part is made dual in the twin
        /// (its elements become constants with zero tangents), so that every sequence of the chain has dual elements.
        /// </summary>
        private CallPlan LinqCall(IInvocationOperation inv, IMethodSymbol m, List<Flow> flows, LinqAccess access)
        {
            var promoted = new List<(int, string, string)>();
            var syntaxArgs = ((InvocationExpressionSyntax)inv.Syntax).ArgumentList.Arguments;
            bool reduced = _model.GetSymbolInfo(inv.Syntax, _ct).Symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension };
            foreach (Flow f in flows)
            {
                if (!IsConstantSequence(f.Value)) continue;
                SyntaxNode? arg = f.Value.Syntax.FirstAncestorOrSelf<ArgumentSyntax>();
                int index = arg is ArgumentSyntax a && a.Parent == ((InvocationExpressionSyntax)inv.Syntax).ArgumentList ? syntaxArgs.IndexOf(a) : -1;
                if (index < 0 && !(reduced && f.Parameter?.Ordinal == 0))
                {
                    ConstantContainer(f.Value, "'" + m.Name + "' (with dual values)", inv);
                    return new CallPlan(CallKind.Error);
                }
                ITypeSymbol element = f.Value.Type is IArrayTypeSymbol at ? at.ElementType : ((INamedTypeSymbol)f.Value.Type!).TypeArguments[0];
                promoted.Add((index, element.ToDisplayString(TypeMap.Fq), TypeMap.Map(element, out _)!));
            }
            // xs.Average(v => (int)v) averages integers: the BCL's generic overload runs on the dual elements, its result is constant.
            bool integerSelector = m.Parameters.Length == 2 && m.Parameters[1].Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } sel
                && !TypeMap.ContainsFloating(sel.TypeArguments.Last());
            bool resultDual = TypeMap.Map(m.ReturnType, out _) is not null && !(access == LinqAccess.Aggregate && integerSelector);
            if (access == LinqAccess.Aggregate && TypeMap.ContainsFloating(m.ReturnType) && !integerSelector)
            {
                // Sum/Average over float accumulate in double in the BCL; a twin summing Dual<float> would round differently.
                string? why = m.ReturnType.SpecialType == SpecialType.System_Single && m.Name is "Sum" or "Average"
                    ? "accumulates float values in double (the BCL's Enumerable." + m.Name + " over float), which the dual twin cannot reproduce bit for bit"
                    : !TypeMap.IsFloating(m.ReturnType) ? "returns " + TypeMap.Text(m.ReturnType) + ", and only the double/float forms are differentiated"
                    : null;
                if (why is not null)
                {
                    if (!InvolvesReportedRoot(inv)) Report(Generators.Diagnostics.NotDifferentiableCall, inv.Syntax, null, Display(m), why, "sum double values, or write the loop");
                    return new CallPlan(CallKind.Error);
                }
                var plan = new CallPlan(CallKind.Twin) { ResultIsDual = true, Callee = LinqOperators.AggregateClass + "." + m.Name, ReceiverFirst = reduced };
                plan.Promoted.AddRange(promoted);
                return plan;
            }
            // Generic operators: called with dual type arguments, so that a lambda (or a constant seed of Aggregate) is typed
            // over dual numbers; anonymous types cannot be named, and are reported as constructs already.
            var generic = new CallPlan(CallKind.Container)
            {
                ResultIsDual = resultDual,
                MapTypeArguments = m.IsGenericMethod && m.TypeArguments.All(t => !t.IsAnonymousType && t.TypeKind != TypeKind.Error),
            };
            generic.Promoted.AddRange(promoted);
            return generic;
        }

        /// <summary>A floating sequence (array, list, enumerable) that the twin keeps as constants.</summary>
        private bool IsConstantSequence(IOperation op) =>
            op.Type is { } t && TypeMap.IsFloatingContainer(t) && t is IArrayTypeSymbol { Rank: 1 } or INamedTypeSymbol { Arity: 1, Name: not ("Span" or "ReadOnlySpan") }
            && !IsDual(op) && !IsNullOrDefault(op) && TypeMap.Map(t, out _) is not null;
    }
}
