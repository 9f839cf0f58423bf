namespace Dual.Generators
{
    /// <summary>
    /// Closed-world analysis of one [Differentiable] method, run before anything is emitted. It decides, for every
    /// operation, whether its value carries a derivative in the twin ("is dual"), and classifies every place where a
    /// dual value flows into something that is not itself dual: the destination either carries the tangent (a dual
    /// local, a twin, a Dual&lt;T&gt; function, a dual container), receives only the primal value because it is on
    /// the allow-list (<see cref="PrimalOnlySinks"/>), or is a DUAL diagnostic at the user's expression. There is no
    /// fallback that passes the primal: an operation the analysis does not know is a diagnostic too.
    /// The rewriter only executes these decisions (<see cref="PrimalSites"/>, <see cref="Calls"/>).
    /// </summary>
    internal sealed partial class DualFlow
    {
        private readonly SemanticModel _model;
        private readonly IMethodSymbol _method;
        private readonly TwinPlace _place;
        private readonly CancellationToken _ct;
        private readonly Dictionary<IOperation, bool> _dual = new();
        private readonly List<TextSpan> _covered = new();
        private readonly HashSet<ISymbol> _reportedRoots = new(SymbolEqualityComparer.Default);

        public DualFlow(SemanticModel model, IMethodSymbol method, CancellationToken ct)
            : this(model, method, TwinPlace.Differentiable(method), ct)
        {
        }

        /// <summary>Analyses <paramref name="method"/>, whose twin is declared at <paramref name="place"/> (a helper's twin may live elsewhere).</summary>
        public DualFlow(SemanticModel model, IMethodSymbol method, TwinPlace place, CancellationToken ct)
        {
            _model = model;
            _method = method;
            _place = place;
            _ct = ct;
        }

        /// <summary>Helper functions (and properties) whose twins the twin calls, and aggregates whose dual types it uses: documentation ids.</summary>
        public HashSet<string> Requests { get; } = new();

        /// <summary>The twinned functions the twin calls (helpers and [Differentiable] methods): documentation ids, for the multi-tangent closure.</summary>
        public HashSet<string> Callees { get; } = new();

        /// <summary>Every floating precision the method's signature and body mention.</summary>
        public HashSet<SpecialType> Precisions { get; } = new();

        /// <summary>Every aggregate the method's signature and body mention (their dual types are used by the twin).</summary>
        public HashSet<INamedTypeSymbol> AggregatesUsed { get; } = new(SymbolEqualityComparer.Default);

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        /// <summary>Expressions (original syntax) whose rewritten form is replaced by its primal value, and why.</summary>
        public Dictionary<SyntaxNode, PrimalSink> PrimalSites { get; } = new();

        /// <summary>The floating fields of its own object that the method writes: dual locals in the twin (<see cref="OwnState"/>).</summary>
        public List<IFieldSymbol> ShadowedFields { get; } = new();

        /// <summary>The plan of every invocation and object creation (original syntax).</summary>
        public Dictionary<SyntaxNode, CallPlan> Calls { get; } = new();

        /// <summary>Local rule functions the twin needs.</summary>
        public List<RuleUse> Rules { get; } = new();

        public bool HasErrors => Diagnostics.Any(d => Generators.Diagnostics.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

        /// <summary>Analyses the body of <paramref name="decl"/>.</summary>
        public void Run(MethodDeclarationSyntax decl) => Run((SyntaxNode)decl);

        /// <summary>
        /// Analyses a function declaration: a method, constructor, operator or accessor declaration, or the arrow
        /// clause of an expression-bodied property (<see cref="HelperTwins.Body"/>).
        /// </summary>
        public void Run(SyntaxNode decl)
        {
            foreach (SyntaxNode body in BodyParts(decl)) CheckConstructs(body);
            Note(_method.ReturnType);
            foreach (IParameterSymbol p in _method.Parameters) Note(p.Type);
            if (_place.DualThis) Note(_method.ContainingType);
            IOperation? root = _model.GetOperation(decl, _ct);
            if (_place.Kind == PlaceKind.InType && !_place.DualThis)
            {
                var (fields, why, at) = OwnState.Of(_method, root);
                if (why is null) ShadowedFields.AddRange(fields);
                else
                {
                    Report(Generators.Diagnostics.FieldWrite, at!, null, _method.Name,
                        "writes the field" + (fields.Count > 1 ? "s " : " ") + string.Join(", ", fields.Select(f => f.Name)) + " of its object, which the twin keeps in dual locals while it runs, but " + why,
                        "compute with the fields' values directly in this method");
                }
            }
            if (root is not null) Walk(root);
            CheckTextRoundTrips(root);
            foreach (INamedTypeSymbol a in AggregatesUsed)
            {
                if (a.GetDocumentationCommentId() is { } id) Requests.Add(id);
            }
        }

        /// <summary>The parts of a declaration that hold code: the body, and a constructor's initializer.</summary>
        internal static IEnumerable<SyntaxNode> BodyParts(SyntaxNode decl)
        {
            switch (decl)
            {
                case BaseMethodDeclarationSyntax m:
                    if (m is ConstructorDeclarationSyntax { Initializer: { } init }) yield return init;
                    if (m.Body is not null) yield return m.Body;
                    else if (m.ExpressionBody is not null) yield return m.ExpressionBody;
                    break;
                case AccessorDeclarationSyntax a:
                    if (a.Body is not null) yield return a.Body;
                    else if (a.ExpressionBody is not null) yield return a.ExpressionBody;
                    break;
                case ArrowExpressionClauseSyntax arrow:
                    yield return arrow;
                    break;
            }
        }

        /// <summary>Records the precisions and aggregates a type mentions (facts for the multi-tangent closure, requests for dual types).</summary>
        private void Note(ITypeSymbol? t)
        {
            if (t is null) return;
            TypeMap.CollectPrecisions(t, Precisions);
            Aggregates.Collect(t, AggregatesUsed);
        }

        // -----------------------------------------------------------------------------------------
        // Reporting: one root cause, one diagnostic.
        // -----------------------------------------------------------------------------------------

        /// <summary>
        /// Reports at <paramref name="at"/> unless an earlier diagnostic already covers it; <paramref name="cover"/>
        /// (default: <paramref name="at"/>) is the region whose other problems share this root cause.
        /// </summary>
        private void Report(DiagnosticDescriptor d, SyntaxNode at, SyntaxNode? cover, params string[] args)
        {
            if (IsCovered(at)) return;
            _covered.Add(at.Span);
            if (cover is not null) _covered.Add(cover.Span);
            Diagnostics.Add(DiagnosticInfo.Create(d, at.GetLocation(), args));
        }

        private bool IsCovered(SyntaxNode at) => _covered.Any(c => c.OverlapsWith(at.Span) || c == at.Span);

        /// <summary>Whether <paramref name="op"/> mentions a symbol whose declaration was already reported.</summary>
        private bool InvolvesReportedRoot(IOperation? op)
        {
            if (op is null || _reportedRoots.Count == 0) return false;
            foreach (IOperation o in op.DescendantsAndSelf())
            {
                ISymbol? s = o switch
                {
                    ILocalReferenceOperation l => l.Local,
                    IParameterReferenceOperation p => p.Parameter,
                    IFieldReferenceOperation f => f.Field,
                    IPropertyReferenceOperation pr => pr.Property,
                    _ => null,
                };
                if (s is not null && _reportedRoots.Contains(s)) return true;
            }
            return false;
        }

        private static string Text(SyntaxNode n) => n.ToString();

        private string Display(ISymbol s) => s.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        // -----------------------------------------------------------------------------------------
        // Dual-ness: does the value of an operation carry a tangent in the twin?
        // -----------------------------------------------------------------------------------------

        /// <summary>Whether the original expression <paramref name="node"/> carries a derivative in the twin.</summary>
        public bool IsDual(SyntaxNode node)
        {
            while (node is ParenthesizedExpressionSyntax p) node = p.Expression;
            return _model.GetOperation(node, _ct) is { } op && IsDual(op);
        }

        public bool IsDual(IOperation op)
        {
            if (_dual.TryGetValue(op, out bool cached)) return cached;
            _dual[op] = false; // cycles (none expected) read as not dual
            bool r = ComputeDual(op);
            _dual[op] = r;
            return r;
        }

        /// <summary>A local of the method (or of a local function) whose type maps to a dual type.</summary>
        private static bool IsDualLocal(ILocalSymbol l) => !l.IsConst && TypeMap.Map(l.Type, out _) is not null;

        /// <summary>A parameter of the rewritten method or of one of its local functions (not a primary-constructor or lambda parameter).</summary>
        private bool IsOwnParameter(IParameterSymbol p) =>
            p.ContainingSymbol is IMethodSymbol pm && (SymbolEqualityComparer.Default.Equals(pm, _method) || pm.MethodKind == MethodKind.LocalFunction);

        private bool ComputeDual(IOperation op)
        {
            if (op.ConstantValue.HasValue) return false;
            ITypeSymbol? t = op.Type;
            if (IsCollectionSyntax(op.Syntax) && op is not IConversionOperation)
            {
                // stackalloc and collection expressions (whose operation kinds differ between compiler versions)
                ITypeSymbol? ct = _model.GetTypeInfo(op.Syntax, _ct).ConvertedType ?? t;
                return ct is not null && TypeMap.ContainsFloating(ct) && TypeMap.Map(ct, out _) is not null;
            }
            switch (op)
            {
                case ILocalReferenceOperation l:
                    return IsDualLocal(l.Local);
                case IParameterReferenceOperation p:
                    // A lambda's parameters are dual where its delegate type maps (only such lambdas are walked).
                    if (p.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }) return TypeMap.Map(p.Parameter.Type, out _) is not null;
                    return IsOwnParameter(p.Parameter) && ParameterRoles.TwinType(p.Parameter) is not null;
                case IDelegateCreationOperation dc:
                    // A lambda is rewritten into one over dual numbers; a method group over floating values is reported (Walk).
                    return dc.Target is IAnonymousFunctionOperation && TypeMap.Map(dc.Type!, out _) is not null;
                case IDeclarationExpressionOperation d:
                    return IsDual(d.Expression);
                case ITupleOperation tu:
                    return tu.Elements.Any(IsDual);
                case IArrayElementReferenceOperation a:
                    return IsDual(a.ArrayReference);
                case IFieldReferenceOperation f:
                    if (f.Instance is null) return false;
                    if (f.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } && ShadowedFields.Contains(f.Field, SymbolEqualityComparer.Default)) return true;
                    if (f.Field.ContainingType.IsTupleType) return TypeMap.Map(f.Field.Type, out _) is not null && IsDual(f.Instance); // (double V, int K): K stays an int
                    if (NumericsTwins.IsNumerics(f.Field.ContainingType)) return IsDual(f.Instance);
                    // A field of a dual aggregate: dual when its type maps.
                    return Aggregates.IsAggregate(f.Field.ContainingType) && TypeMap.Map(f.Field.Type, out _) is not null && IsDual(f.Instance);
                case IPropertyReferenceOperation pr:
                    if (pr.Instance is not null && Aggregates.IsAggregate(pr.Property.ContainingType) && !pr.Property.IsIndexer && IsDual(pr.Instance))
                    {
                        // An auto-property is mirrored by the dual type; a computed one is a twin of its accessors.
                        return IsAutoProperty(pr.Property) ? TypeMap.Map(pr.Property.Type, out _) is not null : PlanOf(pr).ResultIsDual;
                    }
                    // Nullable<P>.Value of a dual P?: the dual number (HasValue is a bool).
                    if (pr.Instance is not null && TypeMap.NullableFloating(pr.Instance.Type) is not null) return TypeMap.IsFloating(t) && IsDual(pr.Instance);
                    // Span indexer: an element of a dual span.
                    return pr.Instance is not null && TypeMap.ContainsFloating(t) && TypeMap.IsFloatingContainer(pr.Instance.Type) && IsDual(pr.Instance);
                case IInstanceReferenceOperation ir:
                    return ir.ReferenceKind switch
                    {
                        InstanceReferenceKind.ContainingTypeInstance => _place.DualThis,
                        InstanceReferenceKind.ImplicitReceiver => InitializedObject(ir) is { } target && IsDual(target),
                        _ => false,
                    };
                case IWithOperation w:
                    return TypeMap.Map(w.Type!, out _) is not null
                        && (IsDual(w.Operand) || w.Initializer.Initializers.Any(i => i is IAssignmentOperation a && IsDual(a.Value)));
                case IConditionalAccessInstanceOperation:
                    // The receiver of the part after '?.': dual when the receiver before it is.
                    for (IOperation? p = op.Parent; p is not null; p = p.Parent)
                    {
                        if (p is IConditionalAccessOperation ca) return IsDual(ca.Operation);
                    }
                    return false;
                case IImplicitIndexerReferenceOperation ii:
                    // s[^1], s[1..^1], a[^1]: an element or a slice of a dual container.
                    return TypeMap.ContainsFloating(t) && TypeMap.Map(t!, out _) is not null && IsDual(ii.Instance);
                case IInvocationOperation inv:
                    return PlanOf(inv).ResultIsDual;
                case IObjectCreationOperation oc:
                    return PlanOf(oc).ResultIsDual;
                case IConversionOperation c:
                    if (c.OperatorMethod is not null) return false;
                    return TypeMap.ContainsFloating(t) && TypeMap.Map(t!, out _) is not null && IsDual(c.Operand);
                case IArrayCreationOperation ac:
                    return TypeMap.Map(ac.Type!, out _) is not null;
                case ISimpleAssignmentOperation s:
                    return IsDual(s.Target);
                case ICompoundAssignmentOperation ca:
                    return IsDual(ca.Target);
                case IIncrementOrDecrementOperation inc:
                    return IsDual(inc.Target);
                case IDeconstructionAssignmentOperation da:
                    return IsDual(da.Target);
                case IBinaryOperation b:
                    if (b.OperatorMethod is not null) return PlanOf(b).ResultIsDual;
                    return TypeMap.ContainsFloating(t) && (IsDual(b.LeftOperand) || IsDual(b.RightOperand));
                case IUnaryOperation u:
                    if (u.OperatorMethod is not null) return PlanOf(u).ResultIsDual;
                    return TypeMap.ContainsFloating(t) && IsDual(u.Operand);
                case IConditionalOperation co:
                    return TypeMap.ContainsFloating(t) && (IsDual(co.WhenTrue) || (co.WhenFalse is not null && IsDual(co.WhenFalse)));
                case ISwitchExpressionOperation se:
                    return TypeMap.ContainsFloating(t) && se.Arms.Any(a => IsDual(a.Value));
                case ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation:
                    return false;
            }
            // Operations without a rule of their own (ranges, implicit indexers, ...): dual when they produce a
            // mappable floating value from a dual operand.
            return t is not null && TypeMap.ContainsFloating(t) && TypeMap.Map(t, out _) is not null && op.ChildOperations.Any(IsDual);
        }

        /// <summary>The lambda a return statement leaves (null: the method or a local function).</summary>
        private static IAnonymousFunctionOperation? LambdaOf(IOperation op)
        {
            for (IOperation? p = op.Parent; p is not null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation a) return a;
                if (p is ILocalFunctionOperation) return null;
            }
            return null;
        }

        /// <summary>An auto-property (its state is mirrored by a dual type), as opposed to one whose accessors have bodies.</summary>
        private static bool IsAutoProperty(IPropertySymbol p) =>
            p.GetMethod is { } g ? HelperTwins.Body(g) is null : p.SetMethod is null || HelperTwins.Body(p.SetMethod) is null;

        /// <summary>The object creation or <c>with</c> whose initializer an implicit receiver (<c>new P { X = … }</c>) refers to.</summary>
        private static IOperation? InitializedObject(IOperation receiver)
        {
            for (IOperation? p = receiver.Parent; p is not null; p = p.Parent)
            {
                if (p is IObjectOrCollectionInitializerOperation init) return init.Parent;
            }
            return null;
        }

        private static bool IsCollectionSyntax(SyntaxNode s) =>
            s is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax || s.IsKind(SyntaxKind.CollectionExpression);

        private static bool IsScalar(IOperation op) => TypeMap.IsFloating(op.Type);

        private static bool IsNullOrDefault(IOperation op) =>
            op is IDefaultValueOperation || (op.ConstantValue.HasValue && op.ConstantValue.Value is null)
            || (op is IConversionOperation c && IsNullOrDefault(c.Operand));

        /// <summary>A floating array/span whose elements are constants in the twin (read from a field, a property or a non-differentiated call).</summary>
        private bool IsConstantContainer(IOperation op) =>
            op is not IDiscardOperation // '_' in 'var (s, _) = F(…)' receives a dual value and is never read
            && (TypeMap.IsFloatingContainer(op.Type) || Aggregates.Of(op.Type) is { IsValid: true, NoConversion: not null })
            && !IsDual(op) && !IsNullOrDefault(op) && TypeMap.Map(op.Type!, out _) is not null;

        // -----------------------------------------------------------------------------------------
        // The walk.
        // -----------------------------------------------------------------------------------------

        private void Walk(IOperation op)
        {
            _ct.ThrowIfCancellationRequested();
            switch (op)
            {
                case IAnonymousFunctionOperation when !IsRewrittenLambda(op.Syntax):
                case INameOfOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                    return; // other lambdas are reported as constructs; nameof/typeof/sizeof do not evaluate their operand
                case IDelegateCreationOperation dc when dc.Target is IMethodReferenceOperation mr && MentionsFloating(dc.Type):
                    Report(Generators.Diagnostics.UnsupportedConstruct, dc.Syntax, CoverOf(dc.Syntax), "A delegate over floating values ('" + Text(dc.Syntax) + "' as " + TypeMap.Text(dc.Type) + ")",
                        "delegates cannot carry derivatives; call '" + mr.Method.Name + "' directly");
                    return;
            }
            Note(op.Type);
            if (op is IVariableDeclaratorOperation vd) Note(vd.Symbol.Type);
            if (op is IInvocationOperation inv) PlanOf(inv);
            if (op is IObjectCreationOperation oc) PlanOf(oc);
            if (op is IBinaryOperation { OperatorMethod: not null } bo) PlanOf(bo);
            if (op is IUnaryOperation { OperatorMethod: not null } uo) PlanOf(uo);
            if (op is ICompoundAssignmentOperation { OperatorMethod: { } cm } cao && IsDual(cao)) RequestOperator(cao, cm);
            if (_place.Relocated) CheckRelocatedReference(op);
            if (op is ISimpleAssignmentOperation { Target: { } dt, Value: { } dv } && TypeMap.IsFloatingDelegate(dt.Type) && IsDual(dt) && !IsDual(dv) && !IsNullOrDefault(dv))
            {
                // A dual delegate local can only hold lambdas of this code (rewritten); any other delegate has no dual form.
                Report(Generators.Diagnostics.UnsupportedConstruct, dv.Syntax, op.Syntax,
                    "A delegate over floating values ('" + Text(dv.Syntax) + "' as " + TypeMap.Text(dv.Type) + ") that is not a lambda of the differentiated code",
                    "assign a lambda written here ('v => F(v)'); only those are rewritten to carry derivatives");
            }
            CheckWrite(op);
            if (IsDual(op)) Classify(op);
            else if (IsConstantContainer(op)) CheckConstantContainer(op);
            foreach (IOperation child in op.ChildOperations) Walk(child);
        }

        private bool MentionsFloating(ITypeSymbol? t)
        {
            if (t is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke })
            {
                return TypeMap.ContainsFloating(invoke.ReturnType) || invoke.Parameters.Any(p => TypeMap.ContainsFloating(p.Type));
            }
            return TypeMap.ContainsFloating(t);
        }

        /// <summary>The region sharing a construct's root cause: the call that receives it as an argument, or the construct.</summary>
        private static SyntaxNode CoverOf(SyntaxNode n) =>
            n.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } } ? call : n;

        // -----------------------------------------------------------------------------------------
        // Classification of a dual value by what consumes it.
        // -----------------------------------------------------------------------------------------

        private void Classify(IOperation op)
        {
            IOperation? parent = op.Parent;
            if (IsParamsCollection(parent)) return; // element of 'params ReadOnlySpan<double>': decided by the call
            switch (parent)
            {
                case null:
                    return;
                case IConversionOperation c:
                    if (IsDual(c))
                    {
                        // floating → floating (the twin converts dual numbers), or container/tuple → container/tuple of
                        // the same precision (array → span, tuple names); across precisions the twin has no conversion.
                        if (!TypeMap.IsFloating(c.Type) && Shape(op.Type).Length > 0 && !SamePrecisions(op.Type, c.Type))
                        {
                            Report(Generators.Diagnostics.UnsupportedConstruct, c.Syntax, null,
                                "Converting '" + Text(op.Syntax) + "' from " + TypeMap.Text(op.Type) + " to " + TypeMap.Text(c.Type) + ", a change of precision inside a container or tuple,",
                                "convert the elements one by one");
                        }
                        return;
                    }
                    ClassifyConversion(op, c);
                    return;
                case IArgumentOperation a when a.Parent is IInvocationOperation or IObjectCreationOperation:
                    return; // decided by the plan of the call (PlanOf)
                case IArgumentOperation a:
                    Escape(op, "is an argument of '" + Text(a.Parent!.Syntax) + "', which is not differentiated", "use the value in arithmetic or pass it to a [Differentiable] method", a.Parent);
                    return;
                case IBinaryOperation b when b.OperatorMethod is not null && PlanOf(b).Kind == CallKind.Twin:
                    return; // a user operator of an aggregate: its twin
                case IUnaryOperation u when u.OperatorMethod is not null && PlanOf(u).Kind == CallKind.Twin:
                    return;
                case IBinaryOperation b when b.OperatorMethod is null && IsComparison(b.OperatorKind):
                    Primal(op, PrimalSink.Comparison, parent, "is compared");
                    return;
                case IBinaryOperation b when b.OperatorMethod is null && IsDual(b):
                    return;
                case IBinaryOperation b:
                    Escape(op, b.OperatorMethod is not null ? "is an operand of '" + Display(b.OperatorMethod) + "'" : "is an operand of '" + Text(b.Syntax) + "'",
                        "compute with double/float arithmetic", parent);
                    return;
                case IUnaryOperation u when IsDual(u):
                    return;
                case ITupleBinaryOperation:
                    Report(Generators.Diagnostics.UnsupportedConstruct, parent.Syntax, null, "A comparison of tuples that carry derivatives ('" + Text(parent.Syntax) + "')", "compare the elements one by one");
                    return;
                case IConditionalOperation co when op != co.Condition && IsDual(co):
                case ISwitchExpressionArmOperation arm when op == arm.Value:
                case ITupleOperation tu when IsDual(tu):
                case IIncrementOrDecrementOperation:
                case IExpressionStatementOperation:
                case IDeclarationExpressionOperation:
                case IArrayInitializerOperation:
                case IArrayElementReferenceOperation:
                case IFieldReferenceOperation { Field.ContainingType.IsTupleType: true }:
                    return;
                case IFieldReferenceOperation fr when op == fr.Instance && (Aggregates.IsAggregate(fr.Field.ContainingType) || NumericsTwins.IsNumerics(fr.Field.ContainingType)):
                    return; // a member of a dual aggregate
                case IWithOperation w when op == w.Operand && IsDual(w):
                    return;
                case IObjectCreationOperation or IWithOperation when op is IObjectOrCollectionInitializerOperation && IsDual(parent):
                    return; // the initializer of a dual aggregate: its assignments are checked as writes
                case IObjectOrCollectionInitializerOperation init when op is IAssignmentOperation && init.Parent is { } created && IsDual(created):
                    return; // 'X = x' in the initializer of a dual aggregate (CheckWrite checks the member)
                case ICompoundAssignmentOperation { OperatorMethod: not null } uca when IsDual(uca):
                    return;
                case IPropertyReferenceOperation pr when op == pr.Instance:
                    if (TypeMap.IsFloatingContainer(op.Type)) return; // span indexer, Length, IsEmpty
                    if (TypeMap.NullableFloating(op.Type) is not null) return; // P?.Value (the dual number), P?.HasValue
                    if (Aggregates.IsAggregate(pr.Property.ContainingType) && !pr.Property.IsIndexer) return; // mirrored or twinned member
                    Escape(op, "is read through '" + Display(pr.Property) + "'", "use its value directly", parent);
                    return;
                case IInvocationOperation inv when op == inv.Instance:
                    return; // decided by the plan of the call
                case IImplicitIndexerReferenceOperation ii when op == ii.Instance && TypeMap.IsFloatingContainer(op.Type):
                    return;
                case IConditionalAccessOperation ca when op == ca.Operation:
                    // a?.Length is fine; a?[0] would be a nullable dual number, which the twin cannot represent.
                    if (!TypeMap.ContainsFloating(ca.Type)) return;
                    Report(Generators.Diagnostics.UnsupportedConstruct, parent.Syntax, null, "'?.' or '?[]' on '" + Text(op.Syntax) + "' that yields a nullable floating value",
                        "check for null first ('if (a is null) …') and then index it");
                    return;
                case IReturnOperation ret when LambdaOf(ret) is { } lambda && !TypeMap.ContainsFloating(lambda.Symbol.ReturnType):
                    Escape(op, "is returned from a lambda as " + TypeMap.Text(lambda.Symbol.ReturnType), "return it as double/float", parent);
                    return;
                case IReturnOperation:
                    return; // the twin's (and its local functions' and lambdas') return types are dual
                case IVariableInitializerOperation vi:
                    if (vi.Parent is IVariableDeclaratorOperation decl && IsDualLocal(decl.Symbol)) return;
                    Escape(op, "is stored in a variable the twin cannot make dual", "declare it as double/float", parent);
                    return;
                case ISimpleAssignmentOperation s:
                    if (op == s.Target || s.Target is IDiscardOperation || IsDual(s.Target)) return;
                    return; // written into a location the twin keeps constant: CheckWrite reports it
                case ICompoundAssignmentOperation ca:
                    if (op == ca.Target || IsDual(ca.Target)) return;
                    return; // CheckWrite
                case IDeconstructionAssignmentOperation:
                    return; // CheckWrite checks the targets
                case IIsPatternOperation ip when op == ip.Value:
                    PatternInput(op, parent);
                    return;
                case ISwitchOperation sw when op == sw.Value:
                    PatternInput(op, parent);
                    return;
                case ISwitchExpressionOperation se when op == se.Value:
                    PatternInput(op, parent);
                    return;
                case IForEachLoopOperation loop when op == loop.LoopControlVariable:
                    return;
                case IForEachLoopOperation loop when op == loop.Collection:
                    ForEachElements(op, loop);
                    return;
                case IInterpolationOperation i when op == i.Expression:
                    Primal(op, PrimalSink.Formatting, parent, "is formatted");
                    return;
                case IIsTypeOperation:
                    Escape(op, "is tested with 'is " + TypeMap.Text(((IIsTypeOperation)parent).TypeOperand) + "' (boxing)", "it is always a " + TypeMap.Text(op.Type) + "; remove the test", parent);
                    return;
                case ICoalesceOperation co when IsDual(co) && TypeMap.NullableFloating(co.Value.Type) is not null:
                    return; // 'c ?? x' over a dual P?: Dual<P>? ?? Dual<P>
                case ICoalesceOperation:
                    Escape(op, "is used with '??'", "floating values are never null; remove the '??'", parent);
                    return;
            }
            // Elements (and spread elements '..a') of a dual stackalloc or collection expression.
            if (IsCollectionSyntax(parent.Syntax) && IsDual(parent)) return;
            if (parent.Syntax.IsKind(SyntaxKind.SpreadElement) && parent.Parent is { } collection && IsCollectionSyntax(collection.Syntax) && IsDual(collection)) return;
            Report(Generators.Diagnostics.UnsupportedConstruct, op.Syntax, parent.Syntax,
                "This use of '" + Text(op.Syntax) + "', a value that carries a derivative, in '" + Text(parent.Syntax) + "'",
                "rewrite it with locals, arithmetic and calls to [Differentiable] methods (see docs/generator.md)");
        }

        /// <summary>foreach over a dual array or span: the loop variable must be dual too (its type maps).</summary>
        private void ForEachElements(IOperation collection, IForEachLoopOperation loop)
        {
            // A deconstructing loop ('foreach (var (a, n) in ps)') declares its variables from the element's parts.
            if (loop.LoopControlVariable is not IVariableDeclaratorOperation single) return;
            foreach (ILocalSymbol l in new[] { single.Symbol })
            {
                if (!TypeMap.ContainsFloating(collection.Type)) continue;
                if (TypeMap.Map(l.Type, out _) is not null)
                {
                    ITypeSymbol? element = collection.Type switch
                    {
                        IArrayTypeSymbol a => a.ElementType,
                        INamedTypeSymbol n when TypeMap.IsSpan(n) => n.TypeArguments[0],
                        INamedTypeSymbol n => CollectionTwins.ElementOf(n),
                        _ => null,
                    };
                    if (element is null || SamePrecisions(element, l.Type)) continue;
                    Report(Generators.Diagnostics.UnsupportedConstruct, loop.Syntax is ForEachStatementSyntax fs ? fs.Type : loop.Syntax, null,
                        "A loop variable '" + l.Name + "' of type " + TypeMap.Text(l.Type) + " over elements of another precision (" + TypeMap.Text(collection.Type) + ")",
                        "declare the loop variable with the element type (or var) and convert inside the loop");
                    return;
                }
                Escape(collection, "is iterated with the loop variable '" + l.Name + "' of type '" + TypeMap.Text(l.Type) + "', which converts every element",
                    "declare the loop variable as double/float (or var) and convert inside the loop", loop);
                return;
            }
        }

        /// <summary>The implicit collection of an expanded params span/collection argument (its elements are the call's flows).</summary>
        private static bool IsParamsCollection(IOperation? op) =>
            op is { IsImplicit: true } and not IArrayCreationOperation
            && op.Parent is IArgumentOperation { Parent: IInvocationOperation or IObjectCreationOperation } pa && IsParams(pa);

        /// <summary>Whether two container/tuple types hold the same floating precisions in the same places (names aside).</summary>
        private static bool SamePrecisions(ITypeSymbol? a, ITypeSymbol? b) => Shape(a) == Shape(b);

        private static string Shape(ITypeSymbol? t, int depth = 0) => depth > 16 || t is null ? "" : t switch
        {
            _ when TypeMap.IsFloating(t) => t.SpecialType == SpecialType.System_Single ? "f" : "d",
            _ when TypeMap.NullableFloating(t) is { } inner => Shape(inner, depth + 1), // P → P? keeps the precision
            IArrayTypeSymbol a => "[" + Shape(a.ElementType, depth + 1) + "]",
            INamedTypeSymbol { IsTupleType: true } n => "(" + string.Join(",", n.TupleElements.Select(e => Shape(e.Type, depth + 1))) + ")",
            INamedTypeSymbol n when TypeMap.IsSpan(n) || CollectionTwins.IsCollection(n) => "[" + Shape(n.TypeArguments[0], depth + 1) + "]",
            _ => "",
        };

        private static bool IsComparison(BinaryOperatorKind k) => k is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;

        /// <summary>A dual value converted to a type that is not dual in the twin.</summary>
        private void ClassifyConversion(IOperation op, IConversionOperation c)
        {
            ITypeSymbol? target = c.Type;
            if ((IsScalar(op) || TypeMap.NullableFloating(op.Type) is not null) && PrimalOnlySinks.IsIntegerValued(target))
            {
                Primal(op, PrimalSink.IntegerValued, c, "is converted");
                return;
            }
            // The consumer of the converted value: arguments are decided by the call, formatting may box.
            IOperation? consumer = c.Parent;
            if (consumer is IForEachLoopOperation loop && loop.Collection == c)
            {
                ForEachElements(op, loop); // foreach over a dual array or span
                return;
            }
            if (consumer is IArrayInitializerOperation { Parent: IArrayCreationOperation { IsImplicit: true, Parent: IArgumentOperation } }) return; // params object[]: decided by the call
            if (consumer is IArgumentOperation { Parent: IInvocationOperation or IObjectCreationOperation } || IsParamsCollection(consumer)) return;
            if (consumer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concat && concat.Type?.SpecialType == SpecialType.System_String)
            {
                Primal(op, PrimalSink.Formatting, c, "is formatted");
                return;
            }
            if (consumer is IInterpolationOperation)
            {
                Primal(op, PrimalSink.Formatting, c, "is formatted");
                return;
            }
            string what = target is null ? "another type" : "'" + TypeMap.Text(target) + "'";
            Escape(op, "is converted to " + what, FixForConversion(target), c, c.IsImplicit ? null : c.Syntax);
        }

        private static string FixForConversion(ITypeSymbol? target)
        {
            string name = PrimalOnlySinks.MetadataName(target);
            if (target is null) return "keep it typed as double/float";
            if (target.SpecialType == SpecialType.System_Object || target.TypeKind is TypeKind.Dynamic or TypeKind.Interface || target.SpecialType == SpecialType.System_ValueType)
            {
                return "keep it typed as double/float (boxing, dynamic and interfaces hide the derivative)";
            }
            if (target.SpecialType == SpecialType.System_Decimal)
            {
                return "compute in double/float instead (decimal arithmetic does not carry derivatives); if the decimal rounding is the point, round explicitly with Math.Round";
            }
            if (name is "System.Half" or "System.Runtime.InteropServices.NFloat")
            {
                return "compute in double or float (convert between those two with a cast; the twin converts dual numbers)";
            }
            return "keep it typed as double/float, or differentiate code written over double/float";
        }

        /// <summary>The scalar dual value <paramref name="op"/> reaches an allow-listed primal-only destination.</summary>
        private void Primal(IOperation op, PrimalSink sink, IOperation consumer, string verb)
        {
            // A dual P? is read through NullablePrimal.Of: null stays null (DualRewriter).
            if (!IsScalar(op) && TypeMap.NullableFloating(op.Type) is null)
            {
                Escape(op, verb + " as a whole (" + TypeMap.Text(op.Type) + ")", "use its elements one by one", consumer);
                return;
            }
            PrimalSites[op.Syntax] = sink;
            if (sink == PrimalSink.Formatting && !_textRoots.ContainsKey(consumer)) _textRoots[consumer] = Text(op.Syntax);
        }

        /// <summary>
        /// DUAL005 for the escaping value <paramref name="op"/>, at <paramref name="at"/> (default: the value; an
        /// explicit cast is reported at the cast); <paramref name="context"/> (a call) is covered with it, so a call
        /// gets one diagnostic however many of its arguments escape.
        /// </summary>
        private void Escape(IOperation op, string how, string fix, IOperation? context, SyntaxNode? at = null)
        {
            if (InvolvesReportedRoot(context)) return;
            SyntaxNode? cover = context is IInvocationOperation or IObjectCreationOperation ? context.Syntax : null;
            Report(Generators.Diagnostics.Escapes, at ?? op.Syntax, cover, Text(op.Syntax), how, fix);
        }

        /// <summary>Input of a pattern, switch statement or switch expression: compared through its primal value.</summary>
        private void PatternInput(IOperation op, IOperation consumer)
        {
            // 'd switch { var a when a <= k => …, var a => … }': no arm tests the value against a constant, so the arms
            // can see the dual value itself (the 'var' locals are dual; 'when' clauses compare primal values).
            if (IsScalar(op) && OnlyVarPatterns(consumer)) return;
            if (TypeMap.NullableFloating(op.Type) is not null)
            {
                NullablePatternInput(op, consumer);
                return;
            }
            CheckPatternDesignations(consumer.Syntax);
            if (op is ITupleOperation tu)
            {
                foreach (IOperation e in tu.Elements)
                {
                    if (IsDual(e)) PatternInput(e, consumer);
                }
                return;
            }
            if (!IsScalar(op))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, op.Syntax, consumer.Syntax, "A pattern over '" + Text(op.Syntax) + "' (" + TypeMap.Text(op.Type) + "), which carries derivatives",
                    "match on its elements, e.g. '(t.A, t.B) switch { … }'");
                return;
            }
            PrimalSites[op.Syntax] = PrimalSink.Comparison;
        }

        /// <summary>
        /// A pattern over a dual <c>P?</c>: patterns that only test for null and bind the value (<c>is { } c</c>, <c>is null</c>,
        /// <c>is not null</c>, <c>var v</c>, <c>_</c>) match <c>Dual&lt;P&gt;?</c> exactly as they match <c>P?</c> and bind the
        /// dual number; a pattern that tests the value (<c>is &gt; 0</c>, <c>is double d</c>, property patterns) is reported.
        /// </summary>
        private void NullablePatternInput(IOperation op, IOperation consumer)
        {
            static bool NullTestOrBinding(IPatternOperation p) => p switch
            {
                IDiscardPatternOperation => true,
                INegatedPatternOperation n => NullTestOrBinding(n.Pattern),
                IConstantPatternOperation c => c.Value.ConstantValue is { HasValue: true, Value: null },
                IDeclarationPatternOperation { MatchesNull: true } => true, // 'var v'
                IRecursivePatternOperation r => r.Syntax is RecursivePatternSyntax { Type: null, PositionalPatternClause: null } rs
                    && (rs.PropertyPatternClause is null || rs.PropertyPatternClause.Subpatterns.Count == 0),
                _ => false,
            };
            IEnumerable<IPatternOperation> patterns = consumer switch
            {
                IIsPatternOperation ip => new[] { ip.Pattern },
                ISwitchExpressionOperation se => se.Arms.Select(a => a.Pattern),
                ISwitchOperation sw => sw.Cases.SelectMany(c => c.Clauses).OfType<IPatternCaseClauseOperation>().Select(c => c.Pattern),
                _ => System.Array.Empty<IPatternOperation>(),
            };
            IPatternOperation? bad = patterns.FirstOrDefault(p => !NullTestOrBinding(p));
            if (bad is null) return;
            Report(Generators.Diagnostics.UnsupportedConstruct, bad.Syntax, consumer.Syntax,
                "A pattern that tests the value of '" + Text(op.Syntax) + "' (" + TypeMap.Text(op.Type) + "), which carries a derivative,",
                "test 'HasValue' and compare 'Value' ('n.HasValue && n.Value > 0'), or bind the value with a null test and compare the bound variable");
        }

        /// <summary>Whether every pattern of <paramref name="consumer"/> is 'var name', '_' or 'default' (no test against a constant or type).</summary>
        private static bool OnlyVarPatterns(IOperation consumer)
        {
            static bool Plain(IPatternOperation p) => p.Syntax is DiscardPatternSyntax
                || p.Syntax is VarPatternSyntax { Designation: SingleVariableDesignationSyntax or DiscardDesignationSyntax };
            switch (consumer)
            {
                case ISwitchExpressionOperation se:
                    return se.Arms.All(a => Plain(a.Pattern));
                case ISwitchOperation sw:
                    return sw.Cases.SelectMany(c => c.Clauses).All(c => c is IDefaultCaseClauseOperation || (c is IPatternCaseClauseOperation pc && Plain(pc.Pattern)));
                case IIsPatternOperation ip:
                    return Plain(ip.Pattern);
                default:
                    return false;
            }
        }

        private void CheckPatternDesignations(SyntaxNode consumer)
        {
            foreach (SyntaxNode n in consumer.DescendantNodes(x => x is not LambdaExpressionSyntax and not AnonymousMethodExpressionSyntax and not LocalFunctionStatementSyntax))
            {
                VariableDesignationSyntax? designation = n switch
                {
                    DeclarationPatternSyntax dp => dp.Designation,
                    VarPatternSyntax vp => vp.Designation,
                    RecursivePatternSyntax rp => rp.Designation,
                    _ => null,
                };
                if (designation is null) continue;
                foreach (SingleVariableDesignationSyntax s in designation.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
                {
                    if (_model.GetDeclaredSymbol(s, _ct) is ILocalSymbol l && TypeMap.ContainsFloating(l.Type))
                    {
                        Report(Generators.Diagnostics.UnsupportedConstruct, n, null, "A pattern that declares a floating variable from a dual value",
                            "use the original variable (e.g. 'case var _ when x > 1' or an if statement)");
                        break;
                    }
                }
            }
        }

        // -----------------------------------------------------------------------------------------
        // Constant containers (arrays read from fields, properties, non-differentiated calls).
        // -----------------------------------------------------------------------------------------

        private void CheckConstantContainer(IOperation op)
        {
            IOperation? parent = op.Parent;
            string? need = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } when IsDualLocal(d.Symbol) => "the local '" + d.Symbol.Name + "'",
                ISimpleAssignmentOperation s when s.Value == op && IsDual(s.Target) => "'" + Text(s.Target.Syntax) + "'",
                IReturnOperation => "the twin's return value",
                IConditionalOperation co when op != co.Condition && IsDual(co) => "the other branch of '?:'",
                ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation se } when IsDual(se) => "another arm of the switch",
                ITupleOperation tu when IsDual(tu) => "the tuple '" + Text(tu.Syntax) + "'",
                IConversionOperation c when IsDual(c) => "'" + Text(c.Syntax) + "'",
                _ => null,
            };
            if (need is null) return;
            ConstantContainer(op, need, parent);
            // The local initialized from it is the same root cause: its later uses are not reported again.
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declared }) _reportedRoots.Add(declared.Symbol);
        }

        private void ConstantContainer(IOperation op, string need, IOperation? context)
        {
            if (InvolvesReportedRoot(context)) return;
            if (Aggregates.Of(op.Type) is { IsValid: true, NoConversion: { } why })
            {
                Report(Generators.Diagnostics.ConstantContainer, op.Syntax, null, Text(op.Syntax), "'" + TypeMap.Text(op.Type) + "' value", SourceOfConstant(op), need,
                    "the twin cannot make it dual: " + why);
                return;
            }
            string kind = op.Type is IArrayTypeSymbol ? "floating array" : CollectionTwins.IsCollection(op.Type) ? "floating collection" : "floating span";
            Report(Generators.Diagnostics.ConstantContainer, op.Syntax, null, Text(op.Syntax), kind + " (" + TypeMap.Text(op.Type) + ")", SourceOfConstant(op), need,
                "copy it element-wise into a local array first (var a = new double[src.Length]; for (...) a[i] = src[i];)");
        }

        /// <summary>Where a constant container comes from, looking through views (AsSpan, Slice) and implicit conversions.</summary>
        private string SourceOfConstant(IOperation op)
        {
            for (int depth = 0; depth < 16; depth++)
            {
                switch (op)
                {
                    case IConversionOperation c:
                        op = c.Operand;
                        continue;
                    case IInvocationOperation i when ContainerOps.Of(i.TargetMethod) is not null && (i.Instance ?? i.Arguments.FirstOrDefault()?.Value) is { } viewed:
                        op = viewed;
                        continue;
                    case IFieldReferenceOperation f:
                        return "it is read from the field '" + f.Field.Name + "'";
                    case IPropertyReferenceOperation p:
                        return "it is read from the property '" + p.Property.Name + "'";
                    case IInvocationOperation i:
                        return "it is returned by '" + Display(i.TargetMethod) + "', which is not differentiated";
                    case IParameterReferenceOperation p:
                        return "'" + p.Parameter.Name + "' is not a parameter of the differentiated method";
                }
                break;
            }
            return "it comes from outside the differentiated code";
        }
    }
}
