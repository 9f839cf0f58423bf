namespace Dual.Generators
{
    /// <summary>
    /// The compile-time Jacobian pattern of a vector method <c>void F(ReadOnlySpan&lt;P&gt; x, Span&lt;P&gt; y)</c>, ready to
    /// emit as <c>FJacobianSparsity(inputLength, outputLength[, int parameters])</c>: strings only, so the model stays equatable.
    /// </summary>
    /// <param name="InputLength">The pattern method's parameter for x.Length.</param>
    /// <param name="OutputLength">The pattern method's parameter for y.Length.</param>
    /// <param name="Builder">The builder's name inside <see cref="Walk"/>.</param>
    /// <param name="IntParameters">The method's <c>int</c> parameters the index arithmetic uses, in declaration order.</param>
    /// <param name="Walk">The body of the walk: the method's loops and integer guards with <c>Builder.Add(row, column)</c> for each dependency.</param>
    internal sealed record SparsityEmission(string InputLength, string OutputLength, string Builder, EquatableArray<string> IntParameters, string Walk);

    /// <summary>
    /// Proves a vector method's Jacobian sparsity pattern from its index arithmetic (docs/generator.md, "Compile-time
    /// sparsity"). The method is walked once, abstractly: integers (loop variables, <c>x.Length</c>, <c>y.Length</c>,
    /// constants, unchanged integer locals and <c>int</c> parameters) are kept as C# text; each floating value becomes the
    /// set of x indices it depends on (each an index text, optionally under an integer guard); a write <c>y[r] = e</c>
    /// (or <c>+=</c> …) adds (r, c) for every c of e. The emitted walk repeats the method's loops and integer branches
    /// with those adds instead of the floating-point work, so the pattern follows n and m. A branch on a value counts
    /// both sides (a global pattern); an early exit inside one is ignored (a superset). Anything the walk cannot follow
    /// stops the proof with DUAL016 naming the construct, and the entry points detect the pattern at run time.
    /// </summary>
    internal sealed class SparsityAnalysis
    {
        private readonly SemanticModel _model;
        private readonly IParameterSymbol _x;
        private readonly IParameterSymbol _y;
        private readonly CancellationToken _ct;
        private readonly HashSet<ISymbol> _assigned = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, int> _loopVariables = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, int> _floatingDepth = new(SymbolEqualityComparer.Default);
        private readonly List<IParameterSymbol> _usedParameters = new();
        private Dictionary<ISymbol, Deps> _floating = new(SymbolEqualityComparer.Default);
        private readonly CodeWriter _w = new();
        private readonly string _n;
        private readonly string _m;
        private readonly string _builder;
        private int _loopDepth;
        private int _valueBranches;

        private SparsityAnalysis(SemanticModel model, IParameterSymbol x, IParameterSymbol y, HashSet<string> taken, CancellationToken ct)
        {
            _model = model;
            _x = x;
            _y = y;
            _ct = ct;
            _n = Fresh(taken, "inputLength");
            _m = Fresh(taken, "outputLength");
            _builder = Fresh(taken, "__pattern");
        }

        /// <summary>The pattern, or <see langword="null"/> with DUAL016 added when it cannot be proven.</summary>
        public static SparsityEmission? Run(MethodDeclaration d, EntryPlan plan, MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            IParameterSymbol? x = method.Parameters.FirstOrDefault(p => p.Name == plan.X.Bare);
            IParameterSymbol? y = method.Parameters.FirstOrDefault(p => p.Name == plan.Y.Bare);
            if (x is null || y is null) return null;
            SyntaxNode? body = (SyntaxNode?)node.Body ?? node.ExpressionBody?.Expression;
            if (body is null) return null;
            var taken = new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            taken.UnionWith(method.Parameters.Select(p => p.Name));
            var a = new SparsityAnalysis(model, x, y, taken, ct);
            try
            {
                a.CollectAssigned(body);
                if (body is BlockSyntax block) a.Statements(block.Statements);
                else a.ExpressionStatement((ExpressionSyntax)body);
            }
            catch (Unprovable u)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.SparsityNotProven, u.Node.GetLocation(), d.Name, u.Why, Short(u.Node)));
                return null;
            }
            var ints = method.Parameters.Where(p => a._usedParameters.Contains(p, SymbolEqualityComparer.Default)).Select(p => p.Name).ToEquatableArray();
            return new SparsityEmission(a._n, a._m, a._builder, ints, a._w.ToString());
        }

        private static string Fresh(HashSet<string> taken, string name)
        {
            string c = name;
            for (int i = 2; taken.Contains(c); i++) c = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            taken.Add(c);
            return c;
        }

        private static string Short(SyntaxNode node)
        {
            string text = string.Join(" ", node.ToString().Split(new[] { '\r', '\n', '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
        }

        /// <summary>Stops the proof at <paramref name="node"/>: <paramref name="why"/> names the construct.</summary>
        private sealed class Unprovable(SyntaxNode node, string why) : Exception
        {
            public SyntaxNode Node { get; } = node;

            public string Why { get; } = why;
        }

        // ------------------------------------------------------------------ dependency sets

        /// <summary>An input index a value depends on, when <see cref="Guard"/> (integer C# text, "" for always) holds.</summary>
        private readonly struct Dep : IEquatable<Dep>
        {
            public Dep(string guard, string index)
            {
                Guard = guard;
                Index = index;
            }

            public string Guard { get; }

            public string Index { get; }

            public bool Equals(Dep other) => Guard == other.Guard && Index == other.Index;

            public override bool Equals(object? obj) => obj is Dep d && Equals(d);

            public override int GetHashCode() => Guard.GetHashCode() * 31 + Index.GetHashCode();
        }

        /// <summary>The inputs a floating value depends on (an ordered set).</summary>
        private sealed class Deps
        {
            public static readonly Deps None = new(new List<Dep>());

            private Deps(List<Dep> items) => Items = items;

            public List<Dep> Items { get; }

            public static Deps Of(Dep d) => new(new List<Dep> { d });

            public Deps Union(Deps other)
            {
                if (other.Items.Count == 0) return this;
                if (Items.Count == 0) return other;
                var list = new List<Dep>(Items);
                foreach (Dep d in other.Items) if (!list.Contains(d)) list.Add(d);
                return new Deps(list);
            }

            public Deps Guarded(string condition) =>
                new(Items.Select(d => new Dep(d.Guard.Length == 0 ? condition : condition + " && " + d.Guard, d.Index)).ToList());

            public bool SameAs(Deps other) => Items.Count == other.Items.Count && Items.SequenceEqual(other.Items);
        }

        // ------------------------------------------------------------------ statements

        private void Statements(IEnumerable<StatementSyntax> statements)
        {
            foreach (StatementSyntax s in statements) Statement(s);
        }

        private void Statement(StatementSyntax s)
        {
            _ct.ThrowIfCancellationRequested();
            switch (s)
            {
                case BlockSyntax b:
                    _w.Line("{").Indent();
                    Statements(b.Statements);
                    _w.Outdent().Line("}");
                    break;
                case EmptyStatementSyntax:
                    break;
                case LocalDeclarationStatementSyntax l:
                    LocalDeclaration(l);
                    break;
                case ExpressionStatementSyntax e:
                    ExpressionStatement(e.Expression);
                    break;
                case ForStatementSyntax f:
                    For(f);
                    break;
                case IfStatementSyntax i:
                    If(i);
                    break;
                case BreakStatementSyntax:
                case ContinueStatementSyntax:
                    // Inside a branch on a value, an early exit is ignored: the walk then covers more (a superset).
                    if (_valueBranches == 0) _w.Line(s.IsKind(SyntaxKind.BreakStatement) ? "break;" : "continue;");
                    break;
                case ReturnStatementSyntax r when r.Expression is null:
                    if (_valueBranches == 0) _w.Line("return;");
                    break;
                case ThrowStatementSyntax t:
                    // A throw ends the method with no result: ignoring it only adds entries (a superset).
                    if (t.Expression is not null) Check(t.Expression);
                    break;
                case WhileStatementSyntax:
                    throw new Unprovable(s, "a while loop (only counted for-loops are followed)");
                case DoStatementSyntax:
                    throw new Unprovable(s, "a do-while loop (only counted for-loops are followed)");
                case CommonForEachStatementSyntax:
                    throw new Unprovable(s, "a foreach loop (only counted for-loops are followed)");
                case SwitchStatementSyntax:
                    throw new Unprovable(s, "a switch statement");
                case LocalFunctionStatementSyntax:
                    throw new Unprovable(s, "a local function");
                default:
                    throw new Unprovable(s, "a " + Describe(s) + " statement");
            }
        }

        private static string Describe(SyntaxNode s)
        {
            string kind = s.Kind().ToString();
            foreach (string suffix in new[] { "Statement", "Expression" })
            {
                if (kind.EndsWith(suffix, StringComparison.Ordinal) && kind.Length > suffix.Length) kind = kind.Substring(0, kind.Length - suffix.Length);
            }
            var words = new System.Text.StringBuilder();
            foreach (char c in kind)
            {
                if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
                words.Append(char.ToLowerInvariant(c));
            }
            return words.ToString();
        }

        private void LocalDeclaration(LocalDeclarationStatementSyntax l)
        {
            if (l.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || l.Declaration.Type is RefTypeSyntax) throw new Unprovable(l, "a using or ref local");
            foreach (VariableDeclaratorSyntax v in l.Declaration.Variables)
            {
                if (_model.GetDeclaredSymbol(v, _ct) is not ILocalSymbol local) throw new Unprovable(v, "a local the analysis cannot resolve");
                ExpressionSyntax? init = v.Initializer?.Value;
                if (IsFloating(local.Type))
                {
                    _floating[local] = init is null ? Deps.None : Value(init);
                    _floatingDepth[local] = _loopDepth;
                }
                else if (IsIntegral(local.Type) || local.Type.SpecialType == SpecialType.System_Boolean)
                {
                    // Inlined where an index or a guard uses it (IndexText), when it never changes.
                    if (init is not null) Check(init);
                }
                else
                {
                    throw new Unprovable(v, "the local '" + local.Name + "' of type '" + local.Type.ToDisplayString() + "' (only floating, integer and bool locals are followed)");
                }
            }
        }

        private void ExpressionStatement(ExpressionSyntax e)
        {
            switch (e)
            {
                case AssignmentExpressionSyntax a:
                    Assignment(a);
                    break;
                case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax when e.IsKind(SyntaxKind.PostIncrementExpression) || e.IsKind(SyntaxKind.PostDecrementExpression)
                    || e.IsKind(SyntaxKind.PreIncrementExpression) || e.IsKind(SyntaxKind.PreDecrementExpression):
                    ExpressionSyntax operand = e is PostfixUnaryExpressionSyntax post ? post.Operand : ((PrefixUnaryExpressionSyntax)e).Operand;
                    ISymbol? target = _model.GetSymbolInfo(operand, _ct).Symbol;
                    if (target is ILocalSymbol l && (IsIntegral(l.Type) || IsFloating(l.Type)))
                    {
                        if (IsFloating(l.Type)) CheckSameLoop(operand, l);
                        break;
                    }
                    throw new Unprovable(e, "an increment of '" + operand + "'");
                default:
                    Check(e);
                    break;
            }
        }

        private void Assignment(AssignmentExpressionSyntax a)
        {
            bool compound = !a.IsKind(SyntaxKind.SimpleAssignmentExpression);
            if (a.IsKind(SyntaxKind.CoalesceAssignmentExpression)) throw new Unprovable(a, "a '??=' assignment");
            if (a.Left is ElementAccessExpressionSyntax ea && Is(ea.Expression, _y))
            {
                string row = ElementIndex(ea);
                Deps deps = Value(a.Right);
                foreach (Dep d in deps.Items) Add(row, d);
                return;
            }
            ISymbol? target = _model.GetSymbolInfo(a.Left, _ct).Symbol;
            if (a.Left is IdentifierNameSyntax && target is ILocalSymbol local)
            {
                if (IsFloating(local.Type))
                {
                    CheckSameLoop(a.Left, local);
                    Deps value = Value(a.Right);
                    _floating[local] = compound ? Current(a.Left, local).Union(value) : value;
                    return;
                }
                if (IsIntegral(local.Type) || local.Type.SpecialType == SpecialType.System_Boolean)
                {
                    Check(a.Right);
                    return;
                }
            }
            if (Mentions(a.Left, _x)) throw new Unprovable(a.Left, "a write to the input '" + _x.Name + "'");
            if (Mentions(a.Left, _y)) throw new Unprovable(a.Left, "a write to '" + _y.Name + "' other than y[index]");
            throw new Unprovable(a.Left, "a write to '" + a.Left + "' (only y[index] and local scalars are followed)");
        }

        /// <summary>A floating local assigned in a deeper loop than it is declared in carries values between iterations.</summary>
        private void CheckSameLoop(SyntaxNode at, ILocalSymbol local)
        {
            if (!_floatingDepth.TryGetValue(local, out int depth)) throw new Unprovable(at, "the local '" + local.Name + "' declared where the analysis does not see it");
            if (depth != _loopDepth) throw new Unprovable(at, "the floating local '" + local.Name + "' carried from one loop iteration to the next");
        }

        private Deps Current(SyntaxNode at, ILocalSymbol local) =>
            _floating.TryGetValue(local, out Deps? d) ? d : throw new Unprovable(at, "the local '" + local.Name + "' declared where the analysis does not see it");

        private void Add(string row, Dep d)
        {
            string add = _builder + ".Add(" + row + ", " + d.Index + ");";
            _w.Line(d.Guard.Length == 0 ? add : "if (" + d.Guard + ") " + add);
        }

        private void For(ForStatementSyntax f)
        {
            if (f.Declaration is not { Variables.Count: 1 } decl || f.Initializers.Count > 0 || f.Condition is null || f.Incrementors.Count != 1)
            {
                throw new Unprovable(f, "a for-loop not of the form 'for (int i = a; i < b; i++)'");
            }
            VariableDeclaratorSyntax v = decl.Variables[0];
            if (_model.GetDeclaredSymbol(v, _ct) is not ILocalSymbol i || i.Type.SpecialType != SpecialType.System_Int32 || v.Initializer is null)
            {
                throw new Unprovable(f, "a for-loop whose variable is not an initialised int");
            }
            if (_assigned.Contains(i)) throw new Unprovable(f, "the loop variable '" + i.Name + "' changed inside the loop body");
            string start = IndexText(v.Initializer.Value);
            _loopVariables[i] = _loopDepth + 1;
            string condition = ConditionText(f.Condition) ?? throw new Unprovable(f.Condition, "a loop condition that depends on values");
            ExpressionSyntax inc = f.Incrementors[0];
            string step;
            ExpressionSyntax? steppedOperand = inc switch
            {
                PostfixUnaryExpressionSyntax p => p.Operand,
                PrefixUnaryExpressionSyntax p => p.Operand,
                AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.AddAssignmentExpression) || a.IsKind(SyntaxKind.SubtractAssignmentExpression) => a.Left,
                _ => null,
            };
            if (steppedOperand is null || !SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(steppedOperand, _ct).Symbol, i))
            {
                throw new Unprovable(inc, "a loop step other than i++, i--, i += c or i -= c");
            }
            if (inc is AssignmentExpressionSyntax sa) step = i.Name + (sa.IsKind(SyntaxKind.AddAssignmentExpression) ? " += " : " -= ") + IndexText(sa.Right);
            else step = inc.IsKind(SyntaxKind.PostIncrementExpression) || inc.IsKind(SyntaxKind.PreIncrementExpression) ? i.Name + "++" : i.Name + "--";
            _w.Line("for (int " + i.Name + " = " + start + "; " + condition + "; " + step + ")");
            _w.Line("{").Indent();
            _loopDepth++;
            if (f.Statement is BlockSyntax b) Statements(b.Statements);
            else Statement(f.Statement);
            _loopDepth--;
            _w.Outdent().Line("}");
        }

        private void If(IfStatementSyntax s)
        {
            string? condition = ConditionText(s.Condition);
            var before = new Dictionary<ISymbol, Deps>(_floating, SymbolEqualityComparer.Default);
            if (condition is not null)
            {
                // A branch on integers: the walk takes it too, and floating locals after it depend on either side under its guard.
                _w.Line("if (" + condition + ")");
                Branch(s.Statement);
                Dictionary<ISymbol, Deps> whenTrue = _floating;
                _floating = new Dictionary<ISymbol, Deps>(before, SymbolEqualityComparer.Default);
                if (s.Else is not null)
                {
                    _w.Line("else");
                    Branch(s.Else.Statement);
                }
                Dictionary<ISymbol, Deps> whenFalse = _floating;
                _floating = new Dictionary<ISymbol, Deps>(SymbolEqualityComparer.Default);
                foreach (ISymbol local in before.Keys)
                {
                    Deps t = whenTrue[local], f = whenFalse[local];
                    _floating[local] = t.SameAs(f) ? t : t.Guarded("(" + condition + ")").Union(f.Guarded("!(" + condition + ")"));
                }
                return;
            }

            // A branch on a value: both sides count, for every x (a global pattern).
            Value(s.Condition);
            _valueBranches++;
            Branch(s.Statement);
            Dictionary<ISymbol, Deps> taken = _floating;
            _floating = new Dictionary<ISymbol, Deps>(before, SymbolEqualityComparer.Default);
            if (s.Else is not null) Branch(s.Else.Statement);
            _valueBranches--;
            Dictionary<ISymbol, Deps> other = _floating;
            _floating = new Dictionary<ISymbol, Deps>(SymbolEqualityComparer.Default);
            foreach (ISymbol local in before.Keys) _floating[local] = taken[local].Union(other[local]);
        }

        private void Branch(StatementSyntax s)
        {
            _w.Line("{").Indent();
            if (s is BlockSyntax b) Statements(b.Statements);
            else Statement(s);
            _w.Outdent().Line("}");
        }

        // ------------------------------------------------------------------ floating values

        /// <summary>The inputs <paramref name="e"/> depends on; non-floating parts are only checked.</summary>
        private Deps Value(ExpressionSyntax e)
        {
            _ct.ThrowIfCancellationRequested();
            ITypeSymbol? type = _model.GetTypeInfo(e, _ct).Type;
            if (type is null || !IsFloating(type))
            {
                if (type is { SpecialType: SpecialType.System_Boolean } && e is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax)
                {
                    // A condition on values: what it reads does not flow into the result.
                    foreach (ExpressionSyntax part in e.ChildNodes().OfType<ExpressionSyntax>()) Value(part);
                    return Deps.None;
                }
                Check(e);
                return Deps.None;
            }
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return Value(p.Expression);
                case LiteralExpressionSyntax:
                    return Deps.None;
                case CastExpressionSyntax c:
                    return Value(c.Expression);
                case CheckedExpressionSyntax c:
                    return Value(c.Expression);
                case BinaryExpressionSyntax b:
                    return Value(b.Left).Union(Value(b.Right));
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) || u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Value(u.Operand);
                case ConditionalExpressionSyntax c:
                {
                    string? condition = ConditionText(c.Condition);
                    if (condition is not null) return Value(c.WhenTrue).Guarded("(" + condition + ")").Union(Value(c.WhenFalse).Guarded("!(" + condition + ")"));
                    Value(c.Condition);
                    return Value(c.WhenTrue).Union(Value(c.WhenFalse));
                }
                case ElementAccessExpressionSyntax ea when Is(ea.Expression, _x):
                    return Deps.Of(new Dep("", ElementIndex(ea)));
                case ElementAccessExpressionSyntax ea when Is(ea.Expression, _y):
                    throw new Unprovable(ea, "a read of the output '" + _y.Name + "' (only written, or updated with y[i] += …)");
                case ElementAccessExpressionSyntax ea:
                    // Data (an array or span the twin keeps as constants): no dependency, whatever the index.
                    Check(ea);
                    return Deps.None;
                case IdentifierNameSyntax id:
                {
                    ISymbol? s = _model.GetSymbolInfo(id, _ct).Symbol;
                    if (s is ILocalSymbol local) return Current(id, local);
                    if (s is IParameterSymbol or IFieldSymbol or IPropertySymbol) return Deps.None;
                    throw new Unprovable(id, "the value '" + id + "'");
                }
                case MemberAccessExpressionSyntax ma:
                    Check(ma);
                    return Deps.None;
                case InvocationExpressionSyntax inv:
                    return Call(inv);
                default:
                    throw new Unprovable(e, "a " + Describe(e) + " expression");
            }
        }

        /// <summary>
        /// A call: its result is a function of its arguments (and of state that does not depend on x), so it depends on
        /// the union of its floating arguments' inputs. Only scalar arguments are followed: a span or array argument (x,
        /// y, or an alias) could be read or written where the walk cannot see.
        /// </summary>
        private Deps Call(InvocationExpressionSyntax inv)
        {
            if (_model.GetSymbolInfo(inv, _ct).Symbol is not IMethodSymbol method) throw new Unprovable(inv, "a call the analysis cannot resolve ('" + inv.Expression + "')");
            string name = method.ContainingType?.Name + "." + method.Name;
            if (inv.Expression is MemberAccessExpressionSyntax ma && !method.IsStatic && ma.Expression is not ThisExpressionSyntax)
            {
                ITypeSymbol? receiver = _model.GetTypeInfo(ma.Expression, _ct).Type;
                if (receiver is null || !IsScalar(receiver) || Mentions(ma.Expression, _x) || Mentions(ma.Expression, _y))
                {
                    throw new Unprovable(inv, "the call to '" + name + "' on '" + ma.Expression + "' (only calls taking scalars are followed)");
                }
            }
            Deps deps = Deps.None;
            foreach (ArgumentSyntax arg in inv.ArgumentList.Arguments)
            {
                if (arg.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || arg.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
                {
                    throw new Unprovable(arg, "the call to '" + name + "' passing '" + arg.Expression + "' by reference");
                }
                ITypeSymbol? type = _model.GetTypeInfo(arg.Expression, _ct).Type;
                if (type is null || !IsScalar(type))
                {
                    throw new Unprovable(arg, "the call to '" + name + "' passing '" + arg.Expression + "' (a span, array or object; only calls taking scalars are followed)");
                }
                deps = deps.Union(Value(arg.Expression));
            }
            return IsFloating(method.ReturnType) ? deps : Deps.None;
        }

        /// <summary>Checks an expression whose value carries no dependency (an integer, a condition, data): it must not
        /// write anything, pass x or y on, or use them other than as <c>x[i]</c>, <c>x.Length</c>, <c>y.Length</c>.</summary>
        private void Check(ExpressionSyntax e)
        {
            foreach (SyntaxNode n in e.DescendantNodesAndSelf(c => c is not InvocationExpressionSyntax))
            {
                switch (n)
                {
                    case AssignmentExpressionSyntax:
                        throw new Unprovable(n, "an assignment inside an expression");
                    case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax when n.IsKind(SyntaxKind.PostIncrementExpression) || n.IsKind(SyntaxKind.PostDecrementExpression)
                        || n.IsKind(SyntaxKind.PreIncrementExpression) || n.IsKind(SyntaxKind.PreDecrementExpression):
                        throw new Unprovable(n, "an increment inside an expression");
                    case AnonymousFunctionExpressionSyntax:
                        throw new Unprovable(n, "a lambda");
                    case InvocationExpressionSyntax inv:
                        // Its arguments are checked (and followed) by Call; the walk does not descend into it.
                        Call(inv);
                        break;
                    case IdentifierNameSyntax id when Is(id, _x) || Is(id, _y):
                        bool length = id.Parent is MemberAccessExpressionSyntax ma && ma.Expression == id && ma.Name.Identifier.ValueText == "Length";
                        bool index = Is(id, _x) && id.Parent is ElementAccessExpressionSyntax ea && ea.Expression == id;
                        if (!length && !index)
                        {
                            throw new Unprovable(id.Parent ?? id, Is(id, _y) && id.Parent is ElementAccessExpressionSyntax
                                ? "a read of the output '" + _y.Name + "' (only written, or updated with y[i] += …)"
                                : "'" + id + "' used other than as " + id + "[index] or " + id + ".Length (aliasing or passing the span on)");
                        }
                        break;
                }
            }
        }

        // ------------------------------------------------------------------ integers

        /// <summary>The element <c>x[e]</c> or <c>y[e]</c> indexes, as walk text: <c>[^e]</c> counts from the end of its span.</summary>
        private string ElementIndex(ElementAccessExpressionSyntax ea)
        {
            if (ea.ArgumentList.Arguments.Count != 1) throw new Unprovable(ea, "an index with several arguments");
            ExpressionSyntax e = ea.ArgumentList.Arguments[0].Expression;
            if (e is PrefixUnaryExpressionSyntax hat && hat.IsKind(SyntaxKind.IndexExpression))
            {
                return (Is(ea.Expression, _x) ? _n : _m) + " - " + Operand(IndexText(hat.Operand));
            }
            return IndexText(e);
        }

        /// <summary>Index text as the right operand of a subtraction.</summary>
        private static string Operand(string text) => SyntaxFacts.IsValidIdentifier(text) || text.All(char.IsDigit) ? text : "(" + text + ")";

        /// <summary>The C# text of an index expression in the walk, or <see cref="Unprovable"/> naming what is not an integer the walk can compute.</summary>
        private string IndexText(ExpressionSyntax e)
        {
            string? text = TryIndex(e, out SyntaxNode? at, out string? why);
            return text ?? throw new Unprovable(at ?? e, why ?? "an index that depends on values");
        }

        private string? TryIndex(ExpressionSyntax e, out SyntaxNode? at, out string? why)
        {
            at = null;
            why = null;
            Optional<object?> constant = _model.GetConstantValue(e, _ct);
            if (constant.HasValue && constant.Value is int or short or byte or sbyte or ushort)
            {
                int value = Convert.ToInt32(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                return value < 0 ? "(" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            ITypeSymbol? type = _model.GetTypeInfo(e, _ct).Type;
            if (type is null || type.SpecialType != SpecialType.System_Int32)
            {
                at = e;
                why = "the index '" + e + "', which is not an int computed from loop variables, lengths and constants";
                return null;
            }
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return TryIndex(p.Expression, out at, out why) is { } inner ? "(" + inner + ")" : null;
                case BinaryExpressionSyntax b when b.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
                    or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression:
                {
                    string? l = TryIndex(b.Left, out at, out why);
                    if (l is null) return null;
                    string? r = TryIndex(b.Right, out at, out why);
                    return r is null ? null : l + " " + b.OperatorToken.ValueText + " " + r;
                }
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) || u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return TryIndex(u.Operand, out at, out why) is { } operand ? u.OperatorToken.ValueText + operand : null;
                case CastExpressionSyntax c when _model.GetTypeInfo(c.Expression, _ct).Type is { SpecialType: SpecialType.System_Int32 }:
                    return TryIndex(c.Expression, out at, out why);
                case MemberAccessExpressionSyntax ma when ma.Name.Identifier.ValueText == "Length" && (Is(ma.Expression, _x) || Is(ma.Expression, _y)):
                    return Is(ma.Expression, _x) ? _n : _m;
                case InvocationExpressionSyntax inv when _model.GetSymbolInfo(inv, _ct).Symbol is IMethodSymbol { IsStatic: true } m
                    && m.ContainingType.ToDisplayString() == "System.Math" && m.Name is "Min" or "Max" or "Abs" or "Clamp":
                {
                    var args = new List<string>();
                    foreach (ArgumentSyntax a in inv.ArgumentList.Arguments)
                    {
                        string? t = TryIndex(a.Expression, out at, out why);
                        if (t is null) return null;
                        args.Add(t);
                    }
                    return "global::System.Math." + m.Name + "(" + string.Join(", ", args) + ")";
                }
                case IdentifierNameSyntax id:
                {
                    ISymbol? s = _model.GetSymbolInfo(id, _ct).Symbol;
                    if (s is ILocalSymbol local)
                    {
                        if (_loopVariables.ContainsKey(local)) return local.Name;
                        if (_assigned.Contains(local))
                        {
                            at = id;
                            why = "the integer local '" + local.Name + "', which changes after its declaration";
                            return null;
                        }
                        if (Initializer(local) is { } init)
                        {
                            string? inlined = TryIndex(init, out at, out why);
                            return inlined is null ? null : Operand(inlined);
                        }
                    }
                    else if (s is IParameterSymbol { RefKind: RefKind.None or RefKind.In } p && !_assigned.Contains(p) && p.Type.SpecialType == SpecialType.System_Int32)
                    {
                        if (!_usedParameters.Contains(p, SymbolEqualityComparer.Default)) _usedParameters.Add(p);
                        return p.Name;
                    }
                    else if (s is IFieldSymbol { IsStatic: true, IsReadOnly: true } f)
                    {
                        return f.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + f.Name;
                    }
                    break;
                }
            }
            at = e;
            why = "the index '" + e + "', which is not an int computed from loop variables, lengths and constants";
            return null;
        }

        /// <summary>The C# text of a condition on integers only (the walk can test it), or <see langword="null"/> for a condition on values.</summary>
        private string? ConditionText(ExpressionSyntax e)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return ConditionText(p.Expression) is { } inner ? "(" + inner + ")" : null;
                case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression) || l.IsKind(SyntaxKind.FalseLiteralExpression):
                    return l.Token.ValueText;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                    return ConditionText(u.Operand) is { } operand ? "!" + operand : null;
                case BinaryExpressionSyntax b when b.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression:
                {
                    string? l = ConditionText(b.Left);
                    string? r = l is null ? null : ConditionText(b.Right);
                    return r is null ? null : l + " " + b.OperatorToken.ValueText + " " + r;
                }
                case BinaryExpressionSyntax b when b.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.LessThanExpression
                    or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression:
                {
                    string? l = TryIndex(b.Left, out _, out _);
                    string? r = l is null ? null : TryIndex(b.Right, out _, out _);
                    return r is null ? null : l + " " + b.OperatorToken.ValueText + " " + r;
                }
                case IdentifierNameSyntax id when _model.GetSymbolInfo(id, _ct).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean } local
                    && !_assigned.Contains(local) && Initializer(local) is { } init:
                    return ConditionText(init) is { } c ? "(" + c + ")" : null;
                default:
                    return null;
            }
        }

        private ExpressionSyntax? Initializer(ILocalSymbol local) =>
            local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_ct) is VariableDeclaratorSyntax { Initializer: { } init } v && v.Parent?.Parent is LocalDeclarationStatementSyntax
                ? init.Value
                : null;

        /// <summary>Locals and parameters written anywhere in the body (a for-loop's own step excepted).</summary>
        private void CollectAssigned(SyntaxNode body)
        {
            foreach (SyntaxNode n in body.DescendantNodes())
            {
                ExpressionSyntax? target = n switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression) => p.Operand,
                    PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                    ArgumentSyntax a when a.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || a.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) => a.Expression,
                    _ => null,
                };
                if (target is null || _model.GetSymbolInfo(target, _ct).Symbol is not { } s) continue;
                if (n.Parent is ForStatementSyntax f && f.Incrementors.Contains(n) && f.Declaration?.Variables.Count == 1
                    && SymbolEqualityComparer.Default.Equals(_model.GetDeclaredSymbol(f.Declaration.Variables[0], _ct), s))
                {
                    continue;
                }
                _assigned.Add(s);
            }
        }

        private bool Is(ExpressionSyntax e, IParameterSymbol p) =>
            e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(e, _ct).Symbol, p);

        private bool Mentions(SyntaxNode e, IParameterSymbol p) =>
            e.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => Is(id, p));

        private static bool IsFloating(ITypeSymbol t) => t.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private static bool IsIntegral(ITypeSymbol t) => t.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
            or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;

        private static bool IsScalar(ITypeSymbol t) => IsFloating(t) || IsIntegral(t) || t.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String
            || t.TypeKind == TypeKind.Enum;
    }
}
