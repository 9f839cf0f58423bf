namespace Dual.Generators
{
    /// <summary>
    /// The floating fields an instance <c>[Differentiable]</c> method writes on its own object (a controller's integral,
    /// a filter's previous value). The twin cannot store a dual number in a <c>double</c> field, so it shadows each
    /// one: a dual local starts from the field's value (a constant: the state the call begins with does not depend on
    /// the call's inputs), the body reads and writes the local, and the primal value is written back to the field
    /// when the twin returns or throws, so the object ends in the state the method leaves it in. The derivative of
    /// this call's results with respect to this call's inputs is then exact; a tangent is never carried from one call
    /// to the next through the fields, so callers may use the method only where no later call can read that state
    /// (<see cref="IsFreshReceiver"/>), and its entry points, whose drivers may evaluate it more than once, are not
    /// generated. The body must not reach the fields other than by name while they are shadowed: calls to the
    /// object's own instance methods, computed properties, or <c>this</c> handed elsewhere are refused (<see cref="Of"/>).
    /// </summary>
    internal static class OwnState
    {
        /// <summary>The shadowed fields of <paramref name="method"/> (none when it writes none), or the reason and place it cannot shadow them.</summary>
        public static (List<IFieldSymbol> Fields, string? Why, SyntaxNode? At) Of(IMethodSymbol method, IOperation? body)
        {
            var fields = new List<IFieldSymbol>();
            if (method.IsStatic || body is null || !KnownNames.IsDifferentiable(method)) return (fields, null, null);
            INamedTypeSymbol owner = method.ContainingType;
            foreach (IOperation op in body.DescendantsAndSelf())
            {
                if (op is IFieldReferenceOperation fr && IsOwnFloatingField(fr, owner) && IsWritten(fr) && !fields.Contains(fr.Field, SymbolEqualityComparer.Default))
                {
                    fields.Add(fr.Field);
                }
            }
            if (fields.Count == 0) return (fields, null, null);
            foreach (IOperation op in body.DescendantsAndSelf())
            {
                switch (op)
                {
                    case IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } call:
                        return (fields, "calls '" + call.TargetMethod.Name + "' on its own object, which would see the field before the twin writes it back", call.Syntax);
                    case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } pr
                        when pr.Property.GetMethod is { } g && HelperTwins.Body(g) is not null:
                        return (fields, "reads the computed property '" + pr.Property.Name + "', which would see the field before the twin writes it back", pr.Syntax);
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self when self.Parent is not IMemberReferenceOperation and not IInvocationOperation:
                        return (fields, "hands 'this' to other code, which would see the field before the twin writes it back", self.Syntax);
                }
            }
            return (fields, null, null);
        }

        /// <summary>Fields of <paramref name="method"/> as its callers see them (the callee's own analysis decides the same way).</summary>
        public static List<IFieldSymbol> Written(IMethodSymbol method, Compilation compilation, CancellationToken ct)
        {
            IMethodSymbol m = method.OriginalDefinition;
            if (m.IsStatic || !KnownNames.IsDifferentiable(m)) return new List<IFieldSymbol>();
            foreach (SyntaxReference r in m.DeclaringSyntaxReferences)
            {
                if (r.GetSyntax(ct) is not MethodDeclarationSyntax decl || !compilation.ContainsSyntaxTree(decl.SyntaxTree)) continue;
                SyntaxNode? body = (SyntaxNode?)decl.Body ?? decl.ExpressionBody;
                if (body is null) continue;
                return Of(m, compilation.GetSemanticModel(decl.SyntaxTree).GetOperation(body, ct)).Fields;
            }
            return new List<IFieldSymbol>();
        }

        /// <summary>A call on a receiver created for it (<c>new C(…).M(…)</c>): nothing can read the state it leaves.</summary>
        public static bool IsFreshReceiver(IOperation? receiver)
        {
            while (receiver is IConversionOperation { IsImplicit: true } c) receiver = c.Operand;
            return receiver is IObjectCreationOperation;
        }

        /// <summary>The local that stands for <paramref name="field"/> in the twin.</summary>
        public static string LocalName(IFieldSymbol field) => "__state_" + field.Name.TrimStart('@');

        private static bool IsOwnFloatingField(IFieldReferenceOperation fr, INamedTypeSymbol owner) =>
            !fr.Field.IsStatic && !fr.Field.IsReadOnly && !fr.Field.IsConst && TypeMap.IsFloating(fr.Field.Type)
            && SymbolEqualityComparer.Default.Equals(fr.Field.ContainingType.OriginalDefinition, owner.OriginalDefinition)
            && fr.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private static bool IsWritten(IOperation op)
        {
            IOperation? p = op.Parent;
            while (p is ITupleOperation) { op = p; p = p.Parent; }
            return p switch
            {
                ISimpleAssignmentOperation s => s.Target == op,
                ICompoundAssignmentOperation c => c.Target == op,
                ICoalesceAssignmentOperation ca => ca.Target == op,
                IIncrementOrDecrementOperation => true,
                IDeconstructionAssignmentOperation d => d.Target == op,
                IArgumentOperation a => a.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                _ => false,
            };
        }
    }
}
