namespace Dual.Generators
{
    /// <summary>Calls and object creations: what the twin calls, and where each dual argument goes.</summary>
    internal sealed partial class DualFlow
    {
        private readonly Dictionary<IOperation, CallPlan> _plans = new();

        /// <summary>One value flowing into a call: an argument (a <c>params</c> element counts once each) or the receiver.</summary>
        private readonly struct Flow(IOperation value, IConversionOperation? conversion, IParameterSymbol? parameter, RefKind refKind, bool receiver)
        {
            /// <summary>The value before any implicit conversion to the parameter type.</summary>
            public IOperation Value { get; } = value;

            public IConversionOperation? Conversion { get; } = conversion;

            public IParameterSymbol? Parameter { get; } = parameter;

            public RefKind RefKind { get; } = refKind;

            public bool Receiver { get; } = receiver;
        }

        /// <summary>
        /// The value that flows into a parameter: looks through the implicit conversion to the parameter type, and
        /// through any conversion that ends a dual value there ('(object)x'), except a conversion to an integer,
        /// which is itself an allow-listed destination.
        /// </summary>
        private Flow Unwrap(IOperation v, IParameterSymbol? p, RefKind rk)
        {
            if (v is IConversionOperation c && (c.IsImplicit || (!IsDual(c) && IsDual(c.Operand) && !PrimalOnlySinks.IsIntegerValued(c.Type))))
            {
                return new Flow(c.Operand, c, p, rk, false);
            }
            return new Flow(v, null, p, rk, false);
        }

        private List<Flow> Flows(IInvocationOperation inv) => Flows(inv.Instance, inv.Arguments);

        private List<Flow> Flows(IOperation? instance, IEnumerable<IArgumentOperation> arguments)
        {
            var flows = new List<Flow>();
            // An implicit receiver counts when it is dual: 'Dot(o)' inside a member of an aggregate runs on the dual 'this'.
            if (instance is not null && (!instance.IsImplicit || IsDual(instance))) flows.Add(new Flow(instance, null, null, RefKind.None, true));
            foreach (IArgumentOperation a in arguments)
            {
                if (a.ArgumentKind == ArgumentKind.DefaultValue) continue;
                if (IsParams(a))
                {
                    foreach (IOperation e in ParamsElements(a)) flows.Add(Unwrap(e, a.Parameter, RefKind.None));
                    continue;
                }
                flows.Add(Unwrap(a.Value, a.Parameter, a.Parameter?.RefKind ?? RefKind.None));
            }
            return flows;
        }

        /// <summary>An expanded params argument: a params array, or (C# 13) a params collection, whose kind is newer than this compiler API.</summary>
        private static bool IsParams(IArgumentOperation a) => a.ArgumentKind is not (ArgumentKind.Explicit or ArgumentKind.DefaultValue or ArgumentKind.None);

        /// <summary>The elements of an expanded params argument: an implicit array, or (params spans) an implicit collection.</summary>
        private static IEnumerable<IOperation> ParamsElements(IArgumentOperation a) => a.Value switch
        {
            IArrayCreationOperation { Initializer: { } init } => init.ElementValues,
            IArrayCreationOperation => System.Array.Empty<IOperation>(),
            { } v => v.ChildOperations.Where(c => c is not ILiteralOperation { Syntax: InvocationExpressionSyntax }),
        };

        private CallPlan Record(IOperation op, CallPlan plan)
        {
            _plans[op] = plan;
            if (!op.IsImplicit && op.Syntax is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax) Calls[op.Syntax] = plan;
            return plan;
        }

        private CallPlan PlanOf(IInvocationOperation inv)
        {
            if (_plans.TryGetValue(inv, out CallPlan? p)) return p;
            _plans[inv] = new CallPlan(CallKind.Unchanged); // re-entrancy guard
            return Record(inv, Plan(inv));
        }

        private CallPlan PlanOf(IObjectCreationOperation oc)
        {
            if (_plans.TryGetValue(oc, out CallPlan? p)) return p;
            _plans[oc] = new CallPlan(CallKind.Unchanged);
            return Record(oc, Plan(oc));
        }

        private static bool IsDifferentiable(IMethodSymbol m) => KnownNames.IsDifferentiable(m);

        /// <summary>The plan of a computed property of a dual aggregate: the twin of its accessors.</summary>
        private CallPlan PlanOf(IPropertyReferenceOperation pr)
        {
            if (_plans.TryGetValue(pr, out CallPlan? p)) return p;
            _plans[pr] = new CallPlan(CallKind.Unchanged);
            IMethodSymbol? accessor = pr.Property.GetMethod ?? pr.Property.SetMethod;
            CallPlan plan;
            if (accessor is not null && HelperTwins.WhyNot(accessor) is null)
            {
                plan = new CallPlan(CallKind.Twin) { ResultIsDual = TypeMap.Map(pr.Property.Type, out _) is not null };
                RequestTwin(accessor);
            }
            else
            {
                if (!InvolvesReportedRoot(pr.Instance))
                {
                    Report(Generators.Diagnostics.NotDifferentiableCall, pr.Syntax, null, Display(pr.Property),
                        accessor is null ? "has no accessor to differentiate" : HelperTwins.WhyNot(accessor)!, "compute it from the aggregate's fields in the method");
                }
                plan = new CallPlan(CallKind.Error);
            }
            _plans[pr] = plan;
            return plan;
        }

        /// <summary>The plan of a user-defined operator: the twin of an aggregate's operator when an operand is dual.</summary>
        private CallPlan PlanOf(IOperation op)
        {
            if (_plans.TryGetValue(op, out CallPlan? p)) return p;
            _plans[op] = new CallPlan(CallKind.Unchanged);
            (IMethodSymbol? m, IEnumerable<IOperation> operands) = op switch
            {
                IBinaryOperation b => (b.OperatorMethod, new[] { b.LeftOperand, b.RightOperand }),
                IUnaryOperation u => (u.OperatorMethod, new[] { u.Operand }),
                _ => ((IMethodSymbol?)null, System.Array.Empty<IOperation>()),
            };
            CallPlan plan = new(CallKind.Unchanged);
            if (m is not null && operands.Any(IsDual) && NumericsTwins.IsNumerics(m.ContainingType))
            {
                plan = NumericsMember(op, m);
            }
            else if (m is not null && operands.Any(IsDual) && Aggregates.IsAggregate(m.ContainingType) && HelperTwins.WhyNot(m) is null)
            {
                plan = new CallPlan(CallKind.Twin) { ResultIsDual = TypeMap.Map(m.ReturnType, out _) is not null };
                RequestTwin(m);
            }
            _plans[op] = plan;
            return plan;
        }

        /// <summary>A compound assignment through a user operator of an aggregate ('v += w').</summary>
        private void RequestOperator(ICompoundAssignmentOperation op, IMethodSymbol m)
        {
            if (NumericsTwins.IsNumerics(m.ContainingType)) NumericsMember(op, m);
            else if (Aggregates.IsAggregate(m.ContainingType) && HelperTwins.WhyNot(m) is null) RequestTwin(m);
            else Escape(op.Value, "is an operand of '" + Display(m) + "', which is not differentiated", "compute with double/float arithmetic", op);
        }

        /// <summary>Asks for the helper twin of <paramref name="m"/> (generated once per compilation), and records it as a callee.</summary>
        private void RequestTwin(IMethodSymbol m)
        {
            string id = HelperTwins.RequestId(m);
            if (id.Length == 0) return;
            Requests.Add(id);
            Callees.Add(id);
        }

        /// <summary>
        /// A call to a function of this compilation that is not [Differentiable]: its twin is generated too (a helper),
        /// analysed with the same rules. <see langword="null"/> when it cannot have one (then the call is DUAL001 or an escape).
        /// </summary>
        private CallPlan? HelperPlan(IInvocationOperation inv, IMethodSymbol m, List<Flow> flows)
        {
            if (HelperTwins.WhyNot(m) is not null) return null;
            IMethodSymbol t = HelperTwins.Target(m);
            // Source of another project (a project reference) is not this compilation's: its twin cannot be generated here.
            if (!SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, _model.Compilation.Assembly)) return null;
            TwinPlace place = HelperTwins.Place(m);
            // A twin that maps nothing would have the original's signature: only values it can carry make it worth having.
            bool maps = place.Kind == PlaceKind.Aggregate || t.Parameters.Any(p => TypeMap.Map(p.Type, out _) is not null);
            if (!maps) return null;
            var plan = new CallPlan(CallKind.Twin) { ResultIsDual = !t.ReturnsVoid && TypeMap.Map(t.ReturnType, out _) is not null };
            bool reducedExtension = t.IsExtensionMethod && _model.GetSymbolInfo(inv.Syntax, _ct).Symbol is IMethodSymbol { MethodKind: MethodKind.ReducedExtension };
            if (t.IsStatic)
            {
                plan.Callee = place.OwnerFq + "." + Escaped(t.Name);
                plan.ReceiverFirst = reducedExtension;
            }
            else if (place.Receiver)
            {
                plan.Callee = place.OwnerFq + "." + Escaped(t.Name);
                plan.ReceiverFirst = true;
            }
            RequestTwin(t);
            CheckTwinArguments(inv, flows);
            AppendFloatingDefaults(inv, plan);
            ExplicitParams(inv, plan);
            return plan;
        }

        private CallPlan Plan(IInvocationOperation inv)
        {
            IMethodSymbol m = inv.TargetMethod;
            List<Flow> flows = Flows(inv);
            bool anyDual = flows.Any(f => IsDual(f.Value));
            SyntaxNode at = inv.Syntax;

            if (m.MethodKind == MethodKind.LocalFunction)
            {
                var lf = new CallPlan(CallKind.LocalFunction) { ResultIsDual = TypeMap.Map(m.ReturnType, out _) is not null };
                CheckTwinArguments(inv, flows);
                AppendFloatingDefaults(inv, lf);
                return lf;
            }
            if (ContainerOps.Of(m) == ContainerAccess.Create && m.TypeArguments.Any(TypeMap.IsFloating)) return ContainerCall(inv, m, flows, ContainerAccess.Create);
            if (!anyDual) return new CallPlan(CallKind.Unchanged);
            if (inv.Syntax is InvocationExpressionSyntax && LinqOperators.Of(m) is { } linq) return LinqCall(inv, m, flows, linq); // query clauses are DUAL003
            if (NumericsTwins.IsNumerics(m.ContainingType)) return NumericsMember(inv, m);
            // P?.GetValueOrDefault() and GetValueOrDefault(d) of a dual P?: the same members of Dual<P>?.
            if (m.Name == "GetValueOrDefault" && TypeMap.NullableFloating(m.ContainingType) is not null && inv.Instance is { } nullable && IsDual(nullable))
            {
                return new CallPlan(CallKind.Unchanged) { ResultIsDual = true };
            }

            // A member of a dual aggregate (even a [Differentiable] one, whose own twin takes the constant 'this').
            if (inv.Instance is { } receiver && Aggregates.IsAggregate(m.ContainingType) && IsDual(receiver))
            {
                CallPlan? member = HelperPlan(inv, m, flows);
                if (member is not null) return member;
                if (!InvolvesReportedRoot(inv))
                {
                    Report(Generators.Diagnostics.NotDifferentiableCall, at, null, Display(m), HelperTwins.WhyNot(m) ?? "cannot be differentiated",
                        "compute it from the aggregate's fields in the method");
                }
                return new CallPlan(CallKind.Error);
            }

            if (m.MethodKind == MethodKind.DelegateInvoke && inv.Instance is { } dlg && IsDual(dlg))
            {
                // A dual delegate (a lambda of this code, or a helper's delegate parameter): the call runs the rewritten lambda.
                var call = new CallPlan(CallKind.Unchanged) { ResultIsDual = !m.ReturnsVoid && TypeMap.Map(m.ReturnType, out _) is not null };
                CheckTwinArguments(inv, flows);
                return call;
            }
            if (m.MethodKind == MethodKind.DelegateInvoke)
            {
                if (!InvolvesReportedRoot(inv.Instance))
                {
                    string target = inv.Instance is null ? Display(m.ContainingType) : Text(inv.Instance.Syntax);
                    Report(Generators.Diagnostics.NotDifferentiableCall, at, null, target,
                        "is a delegate (" + TypeMap.Text(m.ContainingType) + "), and calls through delegates cannot carry derivatives",
                        "call a local function or a [Differentiable] method directly");
                }
                return new CallPlan(CallKind.Error);
            }

            // A generic-math [Differentiable] method is its own twin: called with dual type arguments like any generic math.
            if (IsDifferentiable(m) && m.IsGenericMethod && TwinSignature.Available(m, _model.Compilation, _ct) && GenericMath(inv, m, flows) is { } own)
            {
                return own;
            }
            if (IsDifferentiable(m))
            {
                if (!TwinSignature.Available(m, _model.Compilation, _ct))
                {
                    Report(Generators.Diagnostics.NotDifferentiableCall, at, null, Display(m),
                        "is [Differentiable], but its dual twin is not generated", "fix the diagnostics reported on '" + m.Name + "' (or on its containing type)");
                    return new CallPlan(CallKind.Error);
                }
                if (!m.IsStatic && !OwnState.IsFreshReceiver(inv.Instance) && OwnState.Written(m, _model.Compilation, _ct) is { Count: > 0 } state)
                {
                    Report(Generators.Diagnostics.FieldWrite, at, null, Display(m),
                        "writes the field" + (state.Count > 1 ? "s " : " ") + string.Join(", ", state.Select(f => f.Name)) + " of its object, and its twin stores only their primal values there, so a later call reading that state would lose its derivative",
                        "call it on a new object ('new " + m.ContainingType.Name + "(…)." + m.Name + "(…)'), or carry the state through parameters and results");
                    return new CallPlan(CallKind.Error);
                }
                var twin = new CallPlan(CallKind.Twin) { ResultIsDual = TypeMap.Map(m.ReturnType, out _) is not null };
                if (m.OriginalDefinition.GetDocumentationCommentId() is { } calleeId) Callees.Add(calleeId);
                if (_place.Relocated && m.IsStatic) twin.Callee = m.ContainingType.ToDisplayString(TypeMap.Fq) + "." + Escaped(m.Name);
                CheckTwinArguments(inv, flows);
                AppendFloatingDefaults(inv, twin);
                ExplicitParams(inv, twin);
                return twin;
            }

            bool returnsFloating = TypeMap.ContainsFloating(m.ReturnType);
            IArgumentOperation? floatingWrite = inv.Arguments.FirstOrDefault(a => a.Parameter?.RefKind is RefKind.Out or RefKind.Ref && TypeMap.ContainsFloating(a.Value.Type));

            // Math/MathF/double/float functions that Dual<T> implements.
            string? dualName = MathTable.DualName(m);
            ITypeSymbol? first = m.ReturnType is INamedTypeSymbol { IsTupleType: true } tt ? tt.TupleElements[0].Type : m.ReturnType;
            if (dualName is not null && TypeMap.IsFloating(first) && floatingWrite is null)
            {
                var plan = new CallPlan(CallKind.MathTable) { ResultIsDual = true, DualName = dualName, DualType = TypeMap.DualOf(first!) };
                if (inv.Arguments.Any(a => a.Syntax is ArgumentSyntax { NameColon: not null })) plan.Positional = PositionalArguments(inv);
                return plan;
            }

            RuleUse? rule = floatingWrite is null ? FindRule(m) : null;
            if (rule is not null)
            {
                return new CallPlan(CallKind.Rule) { ResultIsDual = true, Rule = rule, Positional = PositionalArguments(inv) };
            }

            CallPlan? generic = GenericMath(inv, m, flows);
            if (generic is not null) return generic;

            ContainerAccess? access = ContainerOps.Of(m);
            if (access is not null) return ContainerCall(inv, m, flows, access.Value);

            CallPlan? helper = HelperPlan(inv, m, flows);
            if (helper is not null) return helper;

            if (returnsFloating || floatingWrite is not null)
            {
                string? why = HelperTwins.WhyNot(m);
                string reason = why is not null && why != HelperTwins.NotInSource ? why
                    : floatingWrite is not null && !returnsFloating
                    ? "writes a floating value through '" + Text(floatingWrite.Syntax) + "' but is not [Differentiable] and has no [DerivativeOf] rule"
                    : HelperTwins.NotInSource;
                if (!InvolvesReportedRoot(inv)) Report(Generators.Diagnostics.NotDifferentiableCall, at, null, Display(m), reason, FixForCall(m, floatingWrite is not null && !returnsFloating, inv));
                return new CallPlan(CallKind.Error);
            }
            return PrimalSinkCall(inv, m, flows);
        }

        private CallPlan Plan(IObjectCreationOperation oc)
        {
            List<Flow> flows = Flows(null, oc.Arguments);
            ITypeSymbol? created = oc.Type;
            if (created is INamedTypeSymbol aggregate && Aggregates.Of(aggregate) is { IsValid: true } info)
            {
                // An aggregate is created as its dual type in the twin, whatever its arguments (its locals are dual).
                var plan = new CallPlan(CallKind.Twin) { ResultIsDual = true, CreatedType = info.Place.Fq };
                if (oc.Constructor is { IsImplicitlyDeclared: false } constructor && HelperTwins.Body(constructor) is not null) RequestTwin(constructor);
                CheckTwinArguments(oc, flows);
                AppendFloatingDefaults(oc.Arguments, plan);
                return plan;
            }
            if (NumericsTwins.IsNumerics(created) && oc.Constructor is { } numericsCtor && flows.Any(f => IsDual(f.Value)))
            {
                CallPlan created3 = NumericsMember(oc, numericsCtor);
                if (created3.Kind == CallKind.Twin) created3.CreatedType = NumericsTwins.Map(created!);
                return created3;
            }
            if (CollectionTwins.IsCollection(created) && TypeMap.Map(created!, out _) is not null && oc.Constructor is { } collectionCtor)
            {
                // new List<double>(…) is a list of dual numbers in the twin, like a floating array creation.
                return CollectionCreation(oc, collectionCtor, flows);
            }
            if (!flows.Any(f => IsDual(f.Value))) return new CallPlan(CallKind.Unchanged);
            // An exception thrown at once is a side exit; one kept in a variable could hand the value back (ex.Data…).
            if (PrimalOnlySinks.IsException(created) && IsThrown(oc))
            {
                foreach (Flow f in flows.Where(f => IsDual(f.Value))) Primal(f.Value, PrimalSink.SideExit, oc, "is passed to an exception");
                return new CallPlan(CallKind.PrimalSink);
            }
            if (created is INamedTypeSymbol n && TypeMap.IsSpan(n) && TypeMap.ContainsFloating(n) && oc.Constructor is { } ctor)
            {
                return ContainerCall(oc, ctor, flows, ContainerAccess.Elements);
            }
            if (created is INamedTypeSymbol { IsTupleType: true } || (created is INamedTypeSymbol vt && vt.Name == "ValueTuple"))
            {
                Report(Generators.Diagnostics.UnsupportedConstruct, oc.Syntax, null, "Creating a tuple with 'new " + TypeMap.Text(created) + "(…)'", "write the tuple literal '(a, b)' instead");
                return new CallPlan(CallKind.Error);
            }
            foreach (Flow f in flows.Where(f => IsDual(f.Value)))
            {
                Escape(f.Value, "is passed to the constructor of '" + TypeMap.Text(created) + "', which is not differentiated and may keep it",
                    "user types are not differentiated; compute with double/float locals, arrays or tuples and build the object outside the [Differentiable] method", oc);
            }
            return new CallPlan(CallKind.Error);
        }

        private static bool IsThrown(IOperation creation)
        {
            IOperation? p = creation.Parent;
            while (p is IConversionOperation) p = p.Parent;
            return p is IThrowOperation;
        }

        /// <summary>Arguments of a twin or local function: conversions of dual values to non-dual parameters, constant arrays, by-reference constants.</summary>
        private void CheckTwinArguments(IOperation call, List<Flow> flows)
        {
            foreach (Flow f in flows)
            {
                bool dual = IsDual(f.Value);
                if (dual && f.Conversion is not null && !IsDual(f.Conversion))
                {
                    ClassifyConversion(f.Value, f.Conversion);
                    if (!PrimalSites.ContainsKey(f.Value.Syntax) && !IsCovered(f.Value.Syntax))
                    {
                        Escape(f.Value, "is converted to '" + TypeMap.Text(f.Conversion.Type) + "'", FixForConversion(f.Conversion.Type), call);
                    }
                }
                if (dual && f.Parameter is not null && ParameterRoles.IsConstant(f.Parameter.OriginalDefinition) && TypeMap.ContainsFloating(f.Parameter.Type))
                {
                    Escape(f.Value, "is passed to the [Constant] parameter '" + f.Parameter.Name + "' of '" + Display(f.Parameter.ContainingSymbol) + "', which its twin takes as plain data",
                        "remove [Constant] from that parameter to differentiate through it, or pass a value that carries no derivative (a constant, a field, a [Constant] parameter of this method); floating locals always carry one", call);
                    continue;
                }
                if (!dual && f.Parameter is not null && ParameterRoles.TwinType(f.Parameter.OriginalDefinition) is not null
                    && f.Value.Parent is IArgumentOperation { Syntax: ArgumentSyntax { RefKindKeyword.RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.InKeyword } })
                {
                    // 'in field' binds the field itself; the twin's 'in Dual<T>' parameter cannot.
                    Report(Generators.Diagnostics.FieldWrite, f.Value.Syntax, null, Text(f.Value.Syntax),
                        "is a location the twin keeps constant, so it cannot be passed by reference ('in') to the twin of '" + Display(((IArgumentOperation)f.Value.Parent).Parameter!.ContainingSymbol) + "'",
                        "pass it by value (drop 'in') or copy it into a local first");
                }
                if (!dual && f.Parameter is not null && TypeMap.IsFloatingDelegate(f.Parameter.Type) && ParameterRoles.TwinType(f.Parameter.OriginalDefinition) is not null)
                {
                    Report(Generators.Diagnostics.UnsupportedConstruct, f.Value.Syntax, call.Syntax,
                        "A delegate over floating values ('" + Text(f.Value.Syntax) + "' as " + TypeMap.Text(f.Value.Type) + ") that is not a lambda of the differentiated code",
                        "pass a lambda written at the call ('t => F(t)'); only those are rewritten to carry derivatives");
                    continue;
                }
                if (!dual && f.Parameter is not null && ParameterRoles.TwinType(f.Parameter.OriginalDefinition) is not null)
                {
                    IOperation v = f.Conversion ?? f.Value;
                    if (IsConstantContainer(v) || IsConstantContainer(f.Value))
                    {
                        ConstantContainer(f.Value, "the parameter '" + f.Parameter.Name + "' of the twin", call);
                    }
                }
            }
        }

        /// <summary>Defaults the twin cannot keep (<see cref="TwinSignature.KeepsDefault"/>): the call passes them explicitly, by name.</summary>
        private void AppendFloatingDefaults(IInvocationOperation inv, CallPlan plan) => AppendFloatingDefaults(inv.Arguments, plan);

        private void AppendFloatingDefaults(IEnumerable<IArgumentOperation> arguments, CallPlan plan)
        {
            foreach (IArgumentOperation a in arguments)
            {
                if (a.ArgumentKind != ArgumentKind.DefaultValue || a.Parameter is null) continue;
                if (TwinSignature.KeepsDefault(a.Parameter.OriginalDefinition)) continue;
                plan.AppendedArguments.Add(ParameterName(a.Parameter) + ": " + DefaultText(a));
            }
        }

        /// <summary>The twin takes a floating <c>params</c> parameter as a plain array (so that <c>F()</c> stays unambiguous).</summary>
        private void ExplicitParams(IInvocationOperation inv, CallPlan plan)
        {
            foreach (IArgumentOperation a in inv.Arguments)
            {
                if (!IsParams(a) || a.Parameter is null) continue;
                ITypeSymbol? elementType = a.Parameter.Type switch
                {
                    IArrayTypeSymbol at => at.ElementType,
                    INamedTypeSymbol n when TypeMap.IsSpan(n) => n.TypeArguments[0], // params ReadOnlySpan<double>: an array converts to it
                    _ => null,
                };
                string? element = elementType is null ? null : TypeMap.Map(elementType, out _);
                if (element is null) continue;
                plan.ParamsElementType = element;
                plan.ParamsName = ParameterName(a.Parameter);
                var syntaxArgs = ((InvocationExpressionSyntax)inv.Syntax).ArgumentList.Arguments;
                foreach (IOperation e in ParamsElements(a))
                {
                    SyntaxNode? arg = e.Syntax.FirstAncestorOrSelf<ArgumentSyntax>();
                    int index = arg is ArgumentSyntax asx ? syntaxArgs.IndexOf(asx) : -1;
                    if (index >= 0) plan.ParamsElements.Add(index);
                }
            }
        }

        private static string ParameterName(IParameterSymbol p) => Escaped(p.Name);

        private static string Escaped(string name) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

        /// <summary>
        /// In a twin declared outside the original type (a companion, or a dual type beside the aggregate), every member
        /// of the original the body names must be reachable from there: not private (unless the twin is nested in it).
        /// </summary>
        private void CheckRelocatedReference(IOperation op)
        {
            if (_place.Placement is { InsideOriginal: true }) return;
            ISymbol? member;
            IOperation? instance;
            switch (op)
            {
                case IMemberReferenceOperation mr:
                    member = mr.Member;
                    instance = mr.Instance;
                    if (op is IPropertyReferenceOperation pr && _plans.TryGetValue(pr, out CallPlan? pp) && pp.Kind == CallKind.Twin) return;
                    break;
                case IInvocationOperation inv:
                    member = inv.TargetMethod;
                    instance = inv.Instance;
                    if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke }) return;
                    if (_plans.TryGetValue(inv, out CallPlan? ip) && ip.Kind == CallKind.Twin && !KnownNames.IsDifferentiable(inv.TargetMethod)) return;
                    break;
                case IInstanceReferenceOperation { Syntax: BaseExpressionSyntax } b:
                    Report(Generators.Diagnostics.HelperPlacement, b.Syntax, b.Parent?.Syntax, Display(_method),
                        "in '" + OwnerName() + "' cannot use 'base'", FixForPlacement(null));
                    return;
                default:
                    return;
            }
            if (member is null || member.ContainingType is null) return;
            // Members of the aggregate reached through a dual instance are mirrored (or twinned) by the dual type itself.
            if (_place.Kind == PlaceKind.Aggregate && !member.IsStatic && instance is not null && IsDual(instance)
                && SymbolEqualityComparer.Default.Equals(member.ContainingType, _place.Original)) return;
            if (_model.Compilation.IsSymbolAccessibleWithin(member, _model.Compilation.Assembly)) return;
            Report(Generators.Diagnostics.HelperPlacement, op.Syntax, null, Display(_method),
                "in '" + OwnerName() + "' cannot reach the " + Placement.Accessibility(member.DeclaredAccessibility) + " member '" + member.Name + "'",
                FixForPlacement(member));
        }

        private string OwnerName() => _place.Placement?.Name ?? _place.Original.Name;

        private string FixForPlacement(ISymbol? member)
        {
            string type = _place.Original.Name;
            string partialFix = "declare '" + type + "' (and the types around it) partial, so that its twin goes inside it";
            return member is null ? partialFix : partialFix + ", or make '" + member.Name + "' internal";
        }

        private static string DefaultText(IArgumentOperation a)
        {
            IOperation v = a.Value is IConversionOperation { IsImplicit: true } c && !c.ConstantValue.HasValue ? c.Operand : a.Value;
            return v.ConstantValue.HasValue
                ? TwinSignature.Literal(v.ConstantValue.Value, a.Parameter!.Type)
                : "default(" + a.Parameter!.Type.ToDisplayString(TypeMap.Fq) + ")";
        }

        /// <summary>The arguments in parameter order (for callees whose parameter names differ in the twin).</summary>
        private static List<(int Index, string? Text)> PositionalArguments(IInvocationOperation inv)
        {
            var syntaxArgs = ((InvocationExpressionSyntax)inv.Syntax).ArgumentList.Arguments;
            var result = new List<(int, string?)>();
            foreach (IParameterSymbol p in inv.TargetMethod.Parameters)
            {
                IArgumentOperation? a = inv.Arguments.FirstOrDefault(x => SymbolEqualityComparer.Default.Equals(x.Parameter, p));
                if (a is null) continue;
                if (a.ArgumentKind == ArgumentKind.DefaultValue) result.Add((-1, DefaultText(a)));
                else result.Add((syntaxArgs.IndexOf((ArgumentSyntax)a.Syntax), null));
            }
            return result;
        }

        /// <summary>
        /// A generic method called with a floating type argument: run with Dual&lt;T&gt; when every dual value goes to a
        /// parameter typed by that type parameter and the result (or a writable T container) brings the derivative back.
        /// Methods of System.* / Microsoft.* are not assumed to be generic math: they are classified by the tables.
        /// </summary>
        private CallPlan? GenericMath(IInvocationOperation inv, IMethodSymbol m, List<Flow> flows)
        {
            if (!m.IsGenericMethod || IsFramework(m)) return null;
            IMethodSymbol def = m.OriginalDefinition;
            var floatingParams = new HashSet<ITypeParameterSymbol>(SymbolEqualityComparer.Default);
            for (int i = 0; i < m.TypeArguments.Length; i++)
            {
                if (TypeMap.ContainsFloating(m.TypeArguments[i])) floatingParams.Add(def.TypeParameters[i]);
            }
            if (floatingParams.Count == 0) return null;
            bool Bearing(ITypeSymbol t) => Mentions(t, floatingParams);
            bool returns = Bearing(def.ReturnType);
            bool writes = def.Parameters.Any(p => Bearing(p.Type) && (p.RefKind is RefKind.Ref or RefKind.Out || p.Type is IArrayTypeSymbol
                || (p.Type is INamedTypeSymbol n && n.Name == "Span")));
            if (!returns && !writes) return null;
            foreach (Flow f in flows)
            {
                if (f.Parameter is null || !IsDual(f.Value)) continue;
                IParameterSymbol dp = def.Parameters[f.Parameter.Ordinal];
                if (!Bearing(dp.Type))
                {
                    if (!InvolvesReportedRoot(inv))
                    {
                        Report(Generators.Diagnostics.NotDifferentiableCall, inv.Syntax, null, Display(m),
                            "is generic, but its parameter '" + dp.Name + "' is " + TypeMap.Text(dp.Type) + ", not a type parameter, so it cannot receive a dual value",
                            "declare the parameter with the type parameter (" + string.Join(", ", floatingParams.Select(t => t.Name)) + ")");
                    }
                    return new CallPlan(CallKind.Error);
                }
            }
            foreach (Flow f in flows)
            {
                if (f.Parameter is not null && Bearing(def.Parameters[f.Parameter.Ordinal].Type) && IsConstantContainer(f.Value))
                {
                    ConstantContainer(f.Value, "'" + m.Name + "' (called with dual type arguments)", inv);
                }
            }
            return new CallPlan(CallKind.GenericMath) { ResultIsDual = returns && TypeMap.ContainsFloating(m.ReturnType), MapTypeArguments = true };
        }

        private static bool IsFramework(ISymbol s)
        {
            string ns = s.ContainingNamespace?.ToDisplayString() ?? "";
            return ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal);
        }

        private static bool Mentions(ITypeSymbol t, HashSet<ITypeParameterSymbol> ps, int depth = 0)
        {
            if (depth > 16) return false;
            return t switch
            {
                ITypeParameterSymbol tp => ps.Contains(tp),
                IArrayTypeSymbol a => Mentions(a.ElementType, ps, depth + 1),
                INamedTypeSymbol n => n.TypeArguments.Any(x => Mentions(x, ps, depth + 1)),
                _ => false,
            };
        }

        /// <summary>
        /// An array/span element operation: every container taking part must be dual in the twin, or none; a dual
        /// value written into a constant container is an error (<c>Span&lt;double&gt;.Fill(x)</c> over a field array).
        /// </summary>
        private CallPlan ContainerCall(IOperation call, IMethodSymbol m, List<Flow> flows, ContainerAccess access)
        {
            if (access == ContainerAccess.Shape) return new CallPlan(CallKind.Unchanged);
            if (access == ContainerAccess.Create) return new CallPlan(CallKind.Container) { ResultIsDual = true, MapTypeArguments = true };
            var containers = flows.Where(f => TypeMap.IsFloatingContainer(f.Value.Type)).ToList();
            var dualContainers = containers.Where(f => IsDual(f.Value)).ToList();
            var constant = containers.Where(f => IsConstantContainer(f.Value)).ToList();
            var dualScalars = flows.Where(f => !TypeMap.IsFloatingContainer(f.Value.Type) && IsDual(f.Value)).ToList();
            string name = Display(m);
            if (dualContainers.Count > 0 && constant.Count > 0)
            {
                ConstantContainer(constant[0].Value, "'" + name + "' (with the dual '" + Text(dualContainers[0].Value.Syntax) + "')", call);
                return new CallPlan(CallKind.Error);
            }
            if (dualContainers.Count == 0)
            {
                foreach (Flow f in dualScalars)
                {
                    string into = constant.Count > 0 ? "'" + Text(constant[0].Value.Syntax) + "'" : "a container";
                    Escape(f.Value, "is written by '" + name + "' into " + into + ", which the twin keeps as constants (it is read from a field, a property or a non-differentiated call)",
                        "write into a local array or span of the method instead", call);
                }
                return dualScalars.Count > 0 ? new CallPlan(CallKind.Error) : new CallPlan(CallKind.Unchanged);
            }
            foreach (Flow f in dualScalars)
            {
                if (f.Conversion is not null && !IsDual(f.Conversion)) Escape(f.Value, "is converted to '" + TypeMap.Text(f.Conversion.Type) + "'", FixForConversion(f.Conversion.Type), call);
            }
            bool resultDual = TypeMap.ContainsFloating(m.ReturnType is ITypeSymbol r && m.MethodKind != MethodKind.Constructor ? r : (call.Type ?? m.ReturnType))
                || (m.Name == "Clone" && m.ReturnType.SpecialType == SpecialType.System_Object);
            return new CallPlan(CallKind.Container)
            {
                ResultIsDual = resultDual,
                MapTypeArguments = m.IsGenericMethod && call.Syntax is InvocationExpressionSyntax { Expression: GenericNameSyntax or MemberAccessExpressionSyntax { Name: GenericNameSyntax } },
            };
        }

        /// <summary>A method outside every table: only the allow-list may receive dual values (as primal values).</summary>
        private CallPlan PrimalSinkCall(IInvocationOperation inv, IMethodSymbol m, List<Flow> flows)
        {
            PrimalSink? sink = PrimalOnlySinks.Of(m);
            bool error = false;
            foreach (Flow f in flows)
            {
                if (!IsDual(f.Value)) continue;
                if (sink is { } s && f.RefKind is RefKind.None or RefKind.In)
                {
                    Primal(f.Value, s, inv, "is passed to '" + Display(m) + "'");
                    continue;
                }
                error = true;
                string? why = m.Locations.Any(l => l.IsInSource) ? HelperTwins.WhyNot(m) : null;
                string how = f.Receiver
                    ? "is the receiver of '" + Display(m) + "', which does not carry derivatives"
                    : why is not null
                    ? "is passed to '" + Display(m) + "', which is not differentiated (it " + why + ")"
                    : "is passed to '" + Display(m) + "', which is not differentiated and may keep or transform it";
                Escape(f.Value, how, FixForSink(m), inv);
            }
            return new CallPlan(error ? CallKind.Error : CallKind.PrimalSink);
        }

        private static string FixForSink(IMethodSymbol m)
        {
            bool inSource = m.Locations.Any(l => l.IsInSource);
            string name = m.Name;
            if (PrimalOnlySinks.MetadataName(m.ContainingType) == "System.BitConverter" || name.Contains("Bits"))
            {
                return "keep the computation in double/float arithmetic (a value rebuilt from bits cannot carry a derivative)";
            }
            if (inSource)
            {
                // A method of this compilation is differentiated as a helper unless something rules it out (HelperTwins.WhyNot).
                return "call a method whose body the generator can differentiate (not virtual, extern or generic), or pass it only a formatted string or an integer";
            }
            return "only formatting, comparisons, Is* tests and integer conversions may receive a differentiated value (see docs/generator.md); compute what you need with double/float arithmetic";
        }

        private string FixForCall(IMethodSymbol m, bool writesThroughRef, IInvocationOperation inv)
        {
            // A method of this compilation is differentiated as a helper when it can be: what is left is the [DerivativeOf] rule.
            var options = new List<string>();
            ITypeSymbol ret = m.ReturnType;
            bool ruleShape = m.IsStatic && TypeMap.IsFloating(ret) && m.Parameters.Length > 0
                && m.Parameters.All(p => p.Type.SpecialType == ret.SpecialType && p.RefKind == RefKind.None);
            if (ruleShape)
            {
                string kw = TypeMap.Keyword(ret);
                bool sameType = SymbolEqualityComparer.Default.Equals(m.ContainingType, _method.ContainingType);
                string typeName = m.ContainingType.ToMinimalDisplayString(_model, inv.Syntax.SpanStart);
                string attr = sameType ? "[DerivativeOf(nameof(" + m.Name + "))]" : "[DerivativeOf(typeof(" + typeName + "), nameof(" + typeName + "." + m.Name + "))]";
                string ps = string.Join(", ", m.Parameters.Select(p => kw + " " + p.Name));
                string rt = m.Parameters.Length == 1 ? kw : "(" + string.Join(", ", m.Parameters.Select(_ => kw)) + ")";
                string what = m.Parameters.Length == 1 ? "f′(x)" : "the partial derivatives";
                options.Add("add the rule " + attr + " static " + rt + " " + m.Name + "Derivative(" + ps + ") returning " + what + (sameType ? "" : " to '" + _method.ContainingType.Name + "'"));
            }
            if (writesThroughRef) options.Add("use a form that returns the value (e.g. double.Parse instead of TryParse) or compute it outside the method");
            if (options.Count == 0) options.Add("compute it with supported Math functions, or differentiate code written over double/float");
            return options.Count == 1 ? options[0] : string.Join(", ", options.Take(options.Count - 1)) + ", or " + options[options.Count - 1];
        }

        // -----------------------------------------------------------------------------------------
        // Custom rules ([DerivativeOf]).
        // -----------------------------------------------------------------------------------------

        private RuleUse? FindRule(IMethodSymbol target)
        {
            if (!target.IsStatic || !TypeMap.IsFloating(target.ReturnType)) return null;
            foreach (INamedTypeSymbol? scope in new[] { target.ContainingType, _method.ContainingType })
            {
                if (scope is null) continue;
                foreach (IMethodSymbol candidate in scope.GetMembers().OfType<IMethodSymbol>())
                {
                    foreach (AttributeData attr in candidate.GetAttributes())
                    {
                        if (attr.AttributeClass?.ToDisplayString() != "Dual.DerivativeOfAttribute") continue;
                        if (!RuleCheck.Matches(attr, candidate, target, out _)) continue;
                        if (!_model.Compilation.IsSymbolAccessibleWithin(candidate, _method.ContainingType)) continue;
                        string targetCall = target.ContainingType.ToDisplayString(TypeMap.Fq) + "." + target.Name;
                        string ruleCall = candidate.ContainingType.ToDisplayString(TypeMap.Fq) + "." + candidate.Name;
                        RuleUse? existing = Rules.FirstOrDefault(r => r.TargetCall == targetCall && r.RuleCall == ruleCall);
                        if (existing is not null) return existing;
                        var use = new RuleUse("__DualRule" + Rules.Count + "_" + target.Name, targetCall, ruleCall, TypeMap.Keyword(target.ReturnType), target.Parameters.Length);
                        Rules.Add(use);
                        return use;
                    }
                }
            }
            return null;
        }
    }
}
