namespace Dual.Generators
{
    /// <summary>Writes into floating locations: the twin can only write into dual ones (its locals, parameters, dual arrays).</summary>
    internal sealed partial class DualFlow
    {
        private void CheckWrite(IOperation op)
        {
            switch (op)
            {
                case ISimpleAssignmentOperation s when s.IsRef:
                    CheckRefBinding(s.Target, s.Value, s.Syntax);
                    CheckTarget(s.Target, IsDual(s.Value));
                    return;
                case ISimpleAssignmentOperation s:
                    CheckTarget(s.Target, IsDual(s.Value));
                    return;
                case ICompoundAssignmentOperation c:
                    CheckTarget(c.Target, IsDual(c.Value) || IsDual(c.Target));
                    return;
                case ICoalesceAssignmentOperation ca:
                    CheckTarget(ca.Target, IsDual(ca.Value));
                    return;
                case IIncrementOrDecrementOperation inc:
                    CheckTarget(inc.Target, false);
                    return;
                case IDeconstructionAssignmentOperation d:
                    CheckTarget(d.Target, IsDual(d.Value));
                    return;
                case IArgumentOperation a when a.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                    CheckTarget(a.Value, a.Parent is IInvocationOperation inv && (PlanOf(inv).ResultIsDual || PlanOf(inv).Kind is CallKind.Twin or CallKind.LocalFunction or CallKind.Container or CallKind.GenericMath));
                    return;
                case IVariableDeclaratorOperation { Symbol.IsRef: true } decl when decl.Initializer is { } init && TypeMap.ContainsFloating(decl.Symbol.Type):
                    CheckRefBinding(null, init.Value, decl.Syntax, decl.Symbol);
                    return;
            }
        }

        /// <summary>A ref local (or ref reassignment) of floating type must refer to a dual location.</summary>
        private void CheckRefBinding(IOperation? target, IOperation value, SyntaxNode at, ILocalSymbol? local = null)
        {
            ILocalSymbol? l = local ?? (target as ILocalReferenceOperation)?.Local;
            if (l is null || !TypeMap.ContainsFloating(l.Type) || IsDual(value)) return;
            Report(Generators.Diagnostics.FieldWrite, value.Syntax, at, Text(value.Syntax),
                "is a location the twin keeps constant (a field, a property, or an element of an array read from one), so the ref local '" + l.Name + "' cannot refer to it as a dual number",
                "bind the ref local to a local variable, a parameter or an element of a local array");
        }

        /// <summary>
        /// A write into <paramref name="target"/>. Floating fields and properties of the method's own type (and static
        /// ones) are constants of the twin and are never written; members of other objects and elements of constant
        /// arrays may receive constants, but not a value that carries a derivative.
        /// </summary>
        private void CheckTarget(IOperation target, bool valueIsDual)
        {
            switch (target)
            {
                case ITupleOperation t:
                    foreach (IOperation e in t.Elements) CheckTarget(e, valueIsDual);
                    return;
                case IDeclarationExpressionOperation or IDiscardOperation or ILocalReferenceOperation:
                    return;
                case IParameterReferenceOperation p:
                    if (IsOwnParameter(p.Parameter) && ParameterRoles.IsConstant(p.Parameter) && valueIsDual && TypeMap.ContainsFloating(p.Parameter.Type))
                    {
                        Report(Generators.Diagnostics.FieldWrite, target.Syntax, null, p.Parameter.Name,
                            "is a [Constant] parameter, which the twin keeps as plain data, so it cannot hold a value that carries a derivative",
                            "write the value into a local, or remove [Constant] from the parameter");
                        return;
                    }
                    if (IsOwnParameter(p.Parameter) || !TypeMap.ContainsFloating(p.Parameter.Type)) return;
                    Report(Generators.Diagnostics.FieldWrite, target.Syntax, null, p.Parameter.Name,
                        "is a floating parameter captured from outside the differentiated method (a primary-constructor parameter), which the twin reads as a constant and cannot write",
                        "use a local, or return the value through an out/ref parameter or a tuple");
                    return;
                case IArrayElementReferenceOperation a:
                    if (!valueIsDual || IsDual(a.ArrayReference) || !TypeMap.ContainsFloating(a.Type)) return;
                    ConstantElement(target, a.ArrayReference);
                    return;
                case IPropertyReferenceOperation { Instance: { } inst } pr when TypeMap.IsFloatingContainer(inst.Type):
                    if (!valueIsDual || IsDual(inst) || !TypeMap.ContainsFloating(pr.Type)) return;
                    ConstantElement(target, inst);
                    return;
                case IImplicitIndexerReferenceOperation ii when TypeMap.IsFloatingContainer(ii.Instance.Type):
                    if (!valueIsDual || IsDual(ii.Instance) || !TypeMap.ContainsFloating(ii.Type)) return;
                    ConstantElement(target, ii.Instance);
                    return;
                case IFieldReferenceOperation { Field.ContainingType.IsTupleType: true } te when te.Instance is not null:
                    if (IsDual(te.Instance)) return;
                    CheckTarget(te.Instance, valueIsDual);
                    return;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                {
                    var member = (IMemberReferenceOperation)target;
                    ITypeSymbol? type = target.Type;
                    if (member.Instance is { } dualOwner && Aggregates.IsAggregate(member.Member.ContainingType) && IsDual(dualOwner))
                    {
                        // A member of a dual aggregate ('p.Vy -= g * dt', '_mean += d' in its twin): a dual location.
                        if (member.Member is IPropertySymbol { SetMethod: { } setter } p && !IsAutoProperty(p))
                        {
                            if (HelperTwins.WhyNot(setter) is { } why)
                            {
                                Report(Generators.Diagnostics.FieldWrite, target.Syntax, null, Text(target.Syntax), why, "write the aggregate's fields directly");
                                return;
                            }
                            RequestTwin(setter);
                        }
                        return;
                    }
                    if (!TypeMap.ContainsFloating(type)) return;
                    if (member is IFieldReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } sf
                        && ShadowedFields.Contains(sf.Field, SymbolEqualityComparer.Default))
                    {
                        return; // a field of its own object: a dual local in the twin, written back when it returns (OwnState)
                    }
                    bool own = member.Member.IsStatic || member.Instance is null || member.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
                    string? notAggregate = Aggregates.Of(member.Member.ContainingType) is { Why: { } w } ? w : null;
                    if (own)
                    {
                        Report(Generators.Diagnostics.FieldWrite, target.Syntax, null, Text(target.Syntax),
                            "is a floating field or property; the twin reads such members as constants and cannot write them",
                            notAggregate is not null && !member.Member.IsStatic
                                ? "use a local, or return the value through an out/ref parameter or a tuple (" + notAggregate + ")"
                                : "use a local, or return the value through an out/ref parameter or a tuple");
                        return;
                    }
                    if (!valueIsDual || InvolvesReportedRoot(member.Instance)) return;
                    ITypeSymbol owner = member.Member.ContainingType;
                    string fix = member.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                        ? "keep the components in double/float locals or a tuple inside the [Differentiable] method and build the '" + owner.Name + "' from the results outside it"
                        : "keep the value in a local (or return it through an out/ref parameter or a tuple) instead of storing it in the object";
                    string name = member.Member is IPropertySymbol { IsIndexer: true } ? Text(target.Syntax) : owner.Name + "." + member.Member.Name;
                    Report(Generators.Diagnostics.FieldWrite, target.Syntax, null, name,
                        "is a floating member of '" + TypeMap.Text(owner) + "', a type the twin does not differentiate" + (notAggregate is null ? "" : " (" + notAggregate + ")") + ", so a value written into it would lose its derivative",
                        fix);
                    return;
                }
                default:
                    // Any other location (dynamic members, events, ...): closed world.
                    if (!valueIsDual) return;
                    Report(Generators.Diagnostics.UnsupportedConstruct, target.Syntax, null, "Writing a value that carries a derivative into '" + Text(target.Syntax) + "'",
                        "write it into a local, a parameter or an element of a local array");
                    return;
            }
        }

        private void ConstantElement(IOperation element, IOperation container)
        {
            if (InvolvesReportedRoot(container)) return;
            Report(Generators.Diagnostics.FieldWrite, element.Syntax, null, Text(element.Syntax),
                "is an element of '" + Text(container.Syntax) + "', an array the twin keeps constant (a [Constant] parameter, or one read from a field, a property or a non-differentiated call), so it cannot hold a value that carries a derivative",
                "copy the array into a local array of the method and write there");
        }
    }
}
