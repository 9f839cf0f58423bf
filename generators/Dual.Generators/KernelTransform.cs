using System.Globalization;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Dual.Generators
{
    /// <summary>
    /// Emits the kernel-ready form of a <c>[Differentiable(Gpu = true)]</c> method
    /// <c>static void F(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; y)</c>: a nested struct
    /// <c>FKernel : Dual.Gpu.IKernelFunction</c> whose <c>Output(i, x)</c> runs the body generically over <c>TNum</c>
    /// with every write <c>y[k] = e</c> turned into <c>if (k == i) result = e;</c>. Anything that cannot run on ILGPU
    /// is reported as DUAL011.
    /// </summary>
    internal static class KernelTransform
    {
        // The kernel-safe set, the known rejections and the predicates, from the rows generated from
        // tools/Rules/functions.json (MathFunctions.g.cs).
        private static readonly HashSet<string> s_safe = new(MathFunctions.All.Where(f => f.Kernel == KernelUse.Safe).Select(f => f.Name));
        private static readonly Dictionary<string, string> s_rejected = Rejections();
        private static readonly HashSet<string> s_predicates = new(MathFunctions.KernelPredicates);

        private static Dictionary<string, string> Rejections()
        {
            var rejected = new Dictionary<string, string>();
            foreach (MathFunction f in MathFunctions.All)
            {
                if (f.KernelRejection is not null) rejected[f.Name] = f.KernelRejection;
            }
            return rejected;
        }

        /// <summary>The kernel struct's plan, or <see langword="null"/> with diagnostics added.</summary>
        public static KernelEmission? Analyze(MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, MethodDeclaration d, List<DiagnosticInfo> diags, CancellationToken ct)
        {
            Location idLoc = node.Identifier.GetLocation();
            if (model.Compilation.GetTypeByMetadataName(KnownNames.KernelFunction) is null)
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.GpuNotReferenced, idLoc, method.Name));
                return null;
            }
            string name = method.Name + "Kernel";
            if (!method.IsStatic || !method.ReturnsVoid || method.Parameters.Length != 2
                || !IsSpanOfFloating(method.Parameters[0].Type, readOnly: true) || !IsSpanOfFloating(method.Parameters[1].Type, readOnly: false)
                || method.Parameters.Any(p => p.RefKind != RefKind.None))
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NotKernelReady, idLoc,
                    "The signature of '" + method.Name + "'",
                    "the GPU form needs 'static void " + method.Name + "(ReadOnlySpan<double> x, Span<double> y)' (or float); wrap other shapes in such a method"));
                return null;
            }
            if (method.ContainingType.MemberNames.Contains(name))
            {
                diags.Add(DiagnosticInfo.Create(Diagnostics.NotKernelReady, idLoc,
                    "The name '" + name + "'", "'" + method.ContainingType.Name + "' already declares it; rename that member"));
                return null;
            }

            var rewriter = new KernelRewriter(model, method, ct);
            SyntaxNode body = (SyntaxNode?)node.Body ?? node.ExpressionBody!.Expression;
            SyntaxNode rewritten = rewriter.Visit(body)!;
            if (rewriter.Diagnostics.Count > 0)
            {
                diags.AddRange(rewriter.Diagnostics);
                return null;
            }
            string bodyText = rewritten is BlockSyntax
                ? SyntaxPrinter.Print(rewritten)
                : "{\n    " + SyntaxPrinter.Print(rewritten) + ";\n}";

            // The whole-point form (IKernelPointFunction: one evaluation per point hands every output over) only
            // where the body provably writes each output exactly once; otherwise the engine keeps asking row by row.
            string? pointBody = null;
            string? outputsFollowInputs = null;
            if (node.Body is not null && WritesEachOutputOnce(node.Body, method, model, ct, out bool boundIsInputLength))
            {
                var pointRewriter = new KernelRewriter(model, method, ct, pointForm: true);
                SyntaxNode pointRewritten = pointRewriter.Visit(node.Body)!;
                if (pointRewriter.Diagnostics.Count == 0)
                {
                    pointBody = SyntaxPrinter.Print(pointRewritten);
                    if (boundIsInputLength) outputsFollowInputs = method.Parameters[0].Name;
                }
            }
            return new KernelEmission(d, name, method.Parameters[0].Name, bodyText, rewriter.ConstantDeclarations, pointBody, outputsFollowInputs);
        }

        /// <summary>
        /// Whether <paramref name="body"/> writes every output exactly once, in the one shape this is proved for:
        /// a single write <c>y[i] = e</c>, unconditional in a top-level <c>for (int i = 0; i &lt; B; i++)</c> whose
        /// bound B is <c>y.Length</c> or <c>x.Length</c> (directly or through an unmodified local), with no
        /// <c>break</c>, <c>continue</c>, <c>goto</c> or <c>return</c> anywhere in the body and <c>i</c> not assigned in the loop.
        /// With a bound of <c>x.Length</c> the outputs are the inputs' count, which the kernel's constructor then checks.
        /// </summary>
        private static bool WritesEachOutputOnce(BlockSyntax body, IMethodSymbol method, SemanticModel model, CancellationToken ct, out bool boundIsInputLength)
        {
            boundIsInputLength = false;
            IParameterSymbol x = method.Parameters[0], y = method.Parameters[1];
            bool Refers(ExpressionSyntax e, ISymbol s) =>
                e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e, ct).Symbol, s);

            if (body.DescendantNodes().Any(n => n is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                or ReturnStatementSyntax or LocalFunctionStatementSyntax or SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax
                or AnonymousMethodExpressionSyntax))
            {
                return false;
            }
            var writes = body.DescendantNodes().OfType<ElementAccessExpressionSyntax>().Where(ea => Refers(ea.Expression, y)).ToList();
            if (writes.Count != 1 || writes[0].Parent is not AssignmentExpressionSyntax a || a.Left != writes[0]
                || !a.IsKind(SyntaxKind.SimpleAssignmentExpression) || a.Parent is not ExpressionStatementSyntax write
                || writes[0].ArgumentList.Arguments.Count != 1)
            {
                return false;
            }
            // The write's statement sits in blocks up to the loop, and the loop in blocks up to the body.
            SyntaxNode? up = write.Parent;
            while (up is BlockSyntax) up = up.Parent;
            if (up is not ForStatementSyntax loop) return false;
            SyntaxNode? outer = loop.Parent;
            while (outer is BlockSyntax && outer != body) outer = outer.Parent;
            if (outer != body) return false;

            // for (int i = 0; i < B; i++)
            if (loop.Declaration is not { Variables.Count: 1 } decl || loop.Initializers.Count != 0
                || decl.Variables[0].Initializer?.Value is not LiteralExpressionSyntax { Token.Value: 0 }
                || model.GetDeclaredSymbol(decl.Variables[0], ct) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } i)
            {
                return false;
            }
            if (loop.Incrementors.Count != 1 || !IsIncrementOf(loop.Incrementors[0], i, Refers)) return false;
            if (!Refers(writes[0].ArgumentList.Arguments[0].Expression, i)) return false;
            if (loop.Statement.DescendantNodesAndSelf().Any(n => AssignsTo(n, i, Refers))) return false;
            if (loop.Condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression } cond || !Refers(cond.Left, i)) return false;

            ExpressionSyntax bound = cond.Right;
            if (bound is IdentifierNameSyntax && model.GetSymbolInfo(bound, ct).Symbol is ILocalSymbol boundLocal)
            {
                // A local bound: declared from a length and never assigned again.
                var declarator = boundLocal.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
                if (declarator?.Initializer is null || body.DescendantNodes().Any(n => AssignsTo(n, boundLocal, Refers))) return false;
                bound = declarator.Initializer.Value;
            }
            if (bound is not MemberAccessExpressionSyntax { Name.Identifier.Text: "Length" } length) return false;
            if (Refers(length.Expression, y)) return true;
            if (Refers(length.Expression, x))
            {
                boundIsInputLength = true;
                return true;
            }
            return false;
        }

        private static bool IsIncrementOf(ExpressionSyntax e, ISymbol i, Func<ExpressionSyntax, ISymbol, bool> refers) => e switch
        {
            PostfixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PostIncrementExpression) && refers(p.Operand, i),
            PrefixUnaryExpressionSyntax p => p.IsKind(SyntaxKind.PreIncrementExpression) && refers(p.Operand, i),
            AssignmentExpressionSyntax a => a.IsKind(SyntaxKind.AddAssignmentExpression) && refers(a.Left, i)
                && a.Right is LiteralExpressionSyntax { Token.Value: 1 },
            _ => false,
        };

        private static bool AssignsTo(SyntaxNode n, ISymbol s, Func<ExpressionSyntax, ISymbol, bool> refers) => n switch
        {
            AssignmentExpressionSyntax a => refers(a.Left, s),
            PostfixUnaryExpressionSyntax p => (p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression)) && refers(p.Operand, s),
            PrefixUnaryExpressionSyntax p => (p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression)) && refers(p.Operand, s),
            ArgumentSyntax arg => !arg.RefKindKeyword.IsKind(SyntaxKind.None) && refers(arg.Expression, s),
            _ => false,
        };

        private static bool IsSpanOfFloating(ITypeSymbol t, bool readOnly) =>
            t is INamedTypeSymbol n && n.IsGenericType && n.TypeArguments.Length == 1 && TypeMap.IsFloating(n.TypeArguments[0])
            && n.ContainingNamespace?.ToDisplayString() == "System"
            && (n.Name == "Span" || (readOnly && n.Name == "ReadOnlySpan"));

        /// <summary>Rewrites the body over TNum; records DUAL011 for everything ILGPU cannot run.</summary>
        private sealed class KernelRewriter : BodyRewriter
        {
            private readonly IMethodSymbol _method;
            private readonly IParameterSymbol _x;
            private readonly IParameterSymbol _y;
            private readonly Dictionary<double, string> _constants = new();
            private readonly HashSet<SyntaxNode> _reported = new();

            public List<DiagnosticInfo> Diagnostics { get; } = new();
            public List<string> ConstantDeclarations { get; } = new();

            private readonly bool _pointForm;

            public KernelRewriter(SemanticModel model, IMethodSymbol method, CancellationToken ct, bool pointForm = false)
                : base(model, ct)
            {
                _pointForm = pointForm;
                _method = method;
                _x = method.Parameters[0];
                _y = method.Parameters[1];
            }

            private SyntaxNode Report(SyntaxNode node, string what, string fix)
            {
                // One diagnostic per construct: an enclosing report hides the ones inside it.
                if (!node.AncestorsAndSelf().Any(_reported.Contains))
                {
                    _reported.Add(node);
                    Diagnostics.Add(DiagnosticInfo.Create(Generators.Diagnostics.NotKernelReady, node.GetLocation(), what, fix));
                }
                return node;
            }

            private bool Is(ExpressionSyntax e, IParameterSymbol p) =>
                e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(e, Ct).Symbol, p);

            public override SyntaxNode? Visit(SyntaxNode? node)
            {
                if (node is null) return null;
                Ct.ThrowIfCancellationRequested();
                if (s_refused.TryGetValue(node.Kind(), out Refusal refusal))
                {
                    return Report(node, refusal.WhatFor(node.ToString()), refusal.Fix);
                }
                if (node is ExpressionSyntax e && IsValuePosition(e))
                {
                    TypeInfo ti = Model.GetTypeInfo(e, Ct);
                    if ((TypeMap.IsFloating(ti.ConvertedType) || TypeMap.IsFloating(ti.Type)) && e is not AssignmentExpressionSyntax)
                    {
                        Optional<object?> cv = Model.GetConstantValue(e, Ct);
                        if (cv.HasValue && cv.Value is not null)
                        {
                            double value = Convert.ToDouble(cv.Value, CultureInfo.InvariantCulture);
                            return ParseExpression(Constant(value)).WithTriviaFrom(e);
                        }
                    }
                    SyntaxNode? r = base.Visit(node);
                    // Roslyn reports the conversion on both '(k + 1)' and 'k + 1': convert at the outermost only.
                    bool outerConverts = e.Parent is ParenthesizedExpressionSyntax pe && TypeMap.IsFloating(Model.GetTypeInfo(pe, Ct).ConvertedType);
                    if (!outerConverts && IsIntegerToFloating(e) && r is ExpressionSyntax re)
                    {
                        return ParseExpression("global::Dual.Gpu.KernelMath.FromInteger<TNum>(" + re.WithoutTrivia().ToFullString() + ")").WithTriviaFrom(e);
                    }
                    return r;
                }
                return base.Visit(node);
            }

            private string Constant(double value)
            {
                if (double.IsNaN(value)) return "TNum.NaN";
                if (double.IsPositiveInfinity(value)) return "TNum.PositiveInfinity";
                if (double.IsNegativeInfinity(value)) return "TNum.NegativeInfinity";
                if (value == 0) return BitConverter.DoubleToInt64Bits(value) < 0 ? "TNum.NegativeZero" : "TNum.Zero";
                if (value == 1) return "TNum.One";
                if (value == -1) return "(-TNum.One)";
                if (_constants.TryGetValue(value, out string? local)) return local;
                long bits = BitConverter.DoubleToInt64Bits(value);
                int rawExp = (int)((bits >> 52) & 0x7FF);
                long mantissa = bits & 0xFFFFFFFFFFFFFL;
                int exponent;
                if (rawExp == 0) exponent = -1074;
                else
                {
                    mantissa |= 1L << 52;
                    exponent = rawExp - 1075;
                }
                while ((mantissa & 1) == 0)
                {
                    mantissa >>= 1;
                    exponent++;
                }
                if (bits < 0) mantissa = -mantissa;
                local = "__c" + _constants.Count.ToString(CultureInfo.InvariantCulture);
                _constants[value] = local;
                ConstantDeclarations.Add("TNum " + local + " = global::Dual.Gpu.KernelMath.Constant<TNum>("
                    + mantissa.ToString(CultureInfo.InvariantCulture) + "L, " + exponent.ToString(CultureInfo.InvariantCulture)
                    + "); // " + value.ToString("R", CultureInfo.InvariantCulture));
                return local;
            }

            // ------------------------------------------------------------------ types

            public override SyntaxNode? VisitPredefinedType(PredefinedTypeSyntax node) =>
                node.Keyword.IsKind(SyntaxKind.DoubleKeyword) || node.Keyword.IsKind(SyntaxKind.FloatKeyword)
                    ? IdentifierName("TNum").WithTriviaFrom(node)
                    : node;

            public override SyntaxNode? VisitVariableDeclaration(VariableDeclarationSyntax node)
            {
                ITypeSymbol? t = Model.GetTypeInfo(node.Type, Ct).Type;
                if (t is not null && !TypeMap.IsFloating(t) && !TypeMap.IsIntegral(t) && t.SpecialType != SpecialType.System_Boolean && t.TypeKind != TypeKind.Error)
                {
                    string what = t is IArrayTypeSymbol ? "A managed array local" : "A local of type '" + t.ToDisplayString() + "'";
                    return Report(node, what, t is IArrayTypeSymbol
                        ? "kernels cannot allocate or hold managed arrays; compute the values inline, or use scalar locals"
                        : "kernels hold only double/float, integer and bool locals");
                }
                return base.VisitVariableDeclaration(node);
            }

            public override SyntaxNode? VisitLocalDeclarationStatement(LocalDeclarationStatementSyntax node)
            {
                var r = (LocalDeclarationStatementSyntax)base.VisitLocalDeclarationStatement(node)!;
                if (r.IsConst && TypeMap.IsFloating(Model.GetTypeInfo(node.Declaration.Type, Ct).Type))
                {
                    // Its uses are inlined as constants; the declaration stays as a plain local.
                    r = r.WithModifiers(TokenList(r.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword))));
                }
                return r;
            }

            public override SyntaxNode? VisitCastExpression(CastExpressionSyntax node)
            {
                ITypeSymbol? target = Model.GetTypeInfo(node.Type, Ct).Type;
                ITypeSymbol? source = Model.GetTypeInfo(node.Expression, Ct).Type;
                if (TypeMap.IsFloating(target) && TypeMap.IsFloating(source))
                {
                    return ParenthesizedExpression(((ExpressionSyntax)Visit(node.Expression)!).WithoutTrivia()).WithTriviaFrom(node);
                }
                if (TypeMap.IsFloating(target) && TypeMap.IsIntegral(source))
                {
                    return ParseExpression("global::Dual.Gpu.KernelMath.FromInteger<TNum>(" + ((ExpressionSyntax)Visit(node.Expression)!).WithoutTrivia().ToFullString() + ")").WithTriviaFrom(node);
                }
                if (TypeMap.IsFloating(source))
                {
                    return Report(node, "The conversion of a floating value to '" + target?.ToDisplayString() + "'",
                        "ILGPU rejects generic conversions; compute integer indices from integers, and compare floating values instead");
                }
                return base.VisitCastExpression(node);
            }

            // ------------------------------------------------------------------ x and y

            public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node)
            {
                ISymbol? s = Model.GetSymbolInfo(node, Ct).Symbol;
                if (SymbolEqualityComparer.Default.Equals(s, _y))
                {
                    return Report(node, "Reading or passing the output span '" + node.Identifier.Text + "'",
                        "the kernel computes one output at a time, so only writes 'y[k] = e' are supported; keep intermediate values in locals");
                }
                if (SymbolEqualityComparer.Default.Equals(s, _x) && !(node.Parent is ElementAccessExpressionSyntax ea && ea.Expression == node))
                {
                    return Report(node, "Passing the input span '" + node.Identifier.Text + "' as a whole",
                        "in a kernel the inputs are read one at a time; read 'x[k]' and 'x.Length' only");
                }
                if (s is IFieldSymbol or IPropertySymbol && !(s is IFieldSymbol { IsConst: true }))
                {
                    return Report(node, "The field or property '" + node.Identifier.Text + "'",
                        "a kernel struct sees only its inputs and constants; make it a const, or a literal in the body");
                }
                return base.VisitIdentifierName(node);
            }

            public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
            {
                if (node.Name.Identifier.Text == "Length")
                {
                    if (Is(node.Expression, _x)) return IdentifierName("__n").WithTriviaFrom(node);
                    if (Is(node.Expression, _y)) return IdentifierName("__m").WithTriviaFrom(node);
                }
                if (Is(node.Expression, _x) || Is(node.Expression, _y))
                {
                    return Report(node, "The span member '" + node + "'", "only 'x[k]', 'x.Length', 'y.Length' and writes 'y[k] = e' are supported in a kernel");
                }
                ISymbol? s = Model.GetSymbolInfo(node, Ct).Symbol;
                if (s is IFieldSymbol or IPropertySymbol && !(s is IFieldSymbol { IsConst: true }))
                {
                    return Report(node, "The field or property '" + node + "'",
                        "a kernel struct sees only its inputs and constants; make it a const, or a literal in the body");
                }
                return base.VisitMemberAccessExpression(node);
            }

            public override SyntaxNode? VisitElementAccessExpression(ElementAccessExpressionSyntax node)
            {
                if (Is(node.Expression, _x))
                {
                    if (node.ArgumentList.Arguments.Count != 1 || !TypeMap.IsIntegral(Model.GetTypeInfo(node.ArgumentList.Arguments[0].Expression, Ct).Type))
                    {
                        return Report(node, "The input read '" + node + "'", "index the inputs with one int ('x[^1]' and ranges are not supported: write x[x.Length - 1])");
                    }
                    return node.WithArgumentList((BracketedArgumentListSyntax)Visit(node.ArgumentList)!);
                }
                return base.VisitElementAccessExpression(node);
            }

            private bool IsOutputWrite(ExpressionSyntax e, out ElementAccessExpressionSyntax? target)
            {
                target = e is AssignmentExpressionSyntax a && a.Left is ElementAccessExpressionSyntax ea && Is(ea.Expression, _y) ? ea : null;
                return target is not null;
            }

            public override SyntaxNode? VisitExpressionStatement(ExpressionStatementSyntax node)
            {
                if (IsOutputWrite(node.Expression, out ElementAccessExpressionSyntax? target))
                {
                    var a = (AssignmentExpressionSyntax)node.Expression;
                    if (!a.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        return Report(node, "The compound write '" + a + "'",
                            "it reads the output back, and the kernel computes one output at a time; accumulate in a local and write 'y[k] = local' once");
                    }
                    if (target!.ArgumentList.Arguments.Count != 1 || !TypeMap.IsIntegral(Model.GetTypeInfo(target.ArgumentList.Arguments[0].Expression, Ct).Type))
                    {
                        return Report(target, "The output write '" + target + "'", "index the outputs with one int");
                    }
                    var index = (ExpressionSyntax)Visit(target.ArgumentList.Arguments[0].Expression)!;
                    var value = (ExpressionSyntax)Visit(a.Right)!;
                    string indexText = index is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
                        ? index.WithoutTrivia().ToFullString()
                        : "(" + index.WithoutTrivia().ToFullString() + ")";
                    string write = _pointForm
                        ? "__y.Set(" + index.WithoutTrivia().ToFullString() + ", " + value.WithoutTrivia().ToFullString() + ");"
                        : "if (" + indexText + " == __row) { __result = " + value.WithoutTrivia().ToFullString() + "; }";
                    // An embedded statement ('if (c) y[0] = a; else ...') is braced so that the 'else' keeps its 'if'.
                    if (node.Parent is not BlockSyntax and not SwitchSectionSyntax) write = "{ " + write + " }";
                    return ParseStatement(write)
                        .WithTriviaFrom(node);
                }
                return base.VisitExpressionStatement(node);
            }

            public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node) =>
                ParseStatement("return __result;").WithTriviaFrom(node);

            // ------------------------------------------------------------------ calls

            public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
            {
                if (Model.GetSymbolInfo(node, Ct).Symbol is not IMethodSymbol m)
                {
                    return Report(node, "The call '" + node.Expression + "'", "it does not bind to a single method");
                }
                string shown = m.ContainingType is null ? m.Name : m.ContainingType.Name + "." + m.Name;
                if (SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, _method))
                {
                    return Report(node, "The recursive call '" + node.Expression + "'", "GPU kernels cannot recurse; rewrite it as a loop");
                }
                if (MathTable.IsMathType(m))
                {
                    bool floatingArgs = m.Parameters.Any(p => TypeMap.IsFloating(p.Type));
                    if (!floatingArgs && !TypeMap.IsFloating(m.ReturnType))
                    {
                        return base.VisitInvocationExpression(node); // Math.Max(int, int) and the like
                    }
                    string name = m.Name == "IEEERemainder" ? "Ieee754Remainder" : m.Name;
                    bool known = TypeMap.IsFloating(m.ReturnType) ? s_safe.Contains(name) : s_predicates.Contains(name);
                    if (known && m.Parameters.All(p => TypeMap.IsFloating(p.Type)))
                    {
                        var args = (ArgumentListSyntax)Visit(node.ArgumentList)!;
                        return InvocationExpression(ParseExpression("TNum." + name), args).WithTriviaFrom(node);
                    }
                    string reason = s_rejected.TryGetValue(name, out string? r) ? r
                        : "it is not in the kernel-safe set (" + MathFunctions.KernelSafeSetText + "); express it through those";
                    return Report(node, "The call to '" + shown + "'", reason);
                }
                if (m.ContainingType?.ToDisplayString() is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace"
                    || m.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) == true)
                {
                    return Report(node, "The call to '" + shown + "'", "kernels cannot write to the console or log; log from the caller");
                }
                string fix = TypeMap.HasAttribute(m.OriginalDefinition, "Dual.DifferentiableAttribute")
                    ? "kernels can call only the kernel-safe Math functions; inline the body of '" + m.Name + "' here"
                    : "kernels can call only the kernel-safe Math functions (Sqrt, Pow, Exp, Log, Sin, Cos, Tanh, ...); inline the computation";
                return Report(node, "The call to '" + shown + "'", fix);
            }

            // ------------------------------------------------------------------ rejected constructs

            // The constructs no kernel can hold ({0}: the construct's text).
            private const string NoAllocation = "kernels cannot allocate; use scalar locals";
            private const string NoDelegates = "kernels cannot create delegates; write the computation inline";

            private static readonly Dictionary<SyntaxKind, Refusal> s_refused = Refusal.ByKind(
                ("The allocation '{0}'", NoAllocation,
                    new[] { SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.AnonymousObjectCreationExpression }),
                ("The collection expression '{0}'", NoAllocation, new[] { SyntaxKind.CollectionExpression }),
                ("The array allocation '{0}'", "kernels cannot allocate or hold managed arrays; use scalar locals",
                    new[] { SyntaxKind.ArrayCreationExpression, SyntaxKind.ImplicitArrayCreationExpression }),
                ("The stackalloc '{0}'", "kernels hold only scalar locals",
                    new[] { SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression }),
                ("The 'throw'", "kernels cannot throw; check arguments before calling the engine, or return NaN",
                    new[] { SyntaxKind.ThrowStatement, SyntaxKind.ThrowExpression }),
                ("The 'try' statement", "kernels cannot handle exceptions; remove it", new[] { SyntaxKind.TryStatement }),
                ("The string {0}", "kernels cannot use strings",
                    new[] { SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringExpression }),
                ("A lambda", NoDelegates, new[] { SyntaxKind.SimpleLambdaExpression, SyntaxKind.ParenthesizedLambdaExpression }),
                ("An anonymous method", NoDelegates, new[] { SyntaxKind.AnonymousMethodExpression }),
                ("The 'foreach' loop", "the inputs are read one at a time in a kernel; write 'for (int k = 0; k < x.Length; k++)'",
                    new[] { SyntaxKind.ForEachStatement }),
                ("The 'using' statement", "kernels hold no disposable objects; remove it", new[] { SyntaxKind.UsingStatement }),
                ("The 'lock' statement", "kernels cannot lock; remove it", new[] { SyntaxKind.LockStatement }),
                ("The 'yield' statement", "kernels cannot be iterators", new[] { SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement }),
                ("The 'typeof' expression", "kernels cannot use reflection", new[] { SyntaxKind.TypeOfExpression }),
                ("The tuple '{0}'", "kernels hold only scalar locals; use separate locals", new[] { SyntaxKind.TupleExpression }));

            public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
                Report(node, "The local function '" + node.Identifier.Text + "'", "the kernel form does not support local functions yet; inline it");
        }
    }

    /// <summary>The kernel struct of a <c>Gpu = true</c> method, written through the <see cref="CodeWriter"/>.</summary>
    internal sealed class KernelEmission
    {
        private readonly MethodDeclaration _d;
        private readonly string _name;
        private readonly string _x;
        private readonly string _body;
        private readonly List<string> _constants;

        private readonly string? _pointBody;
        private readonly string? _outputsFollowInputs;

        public KernelEmission(MethodDeclaration d, string name, string x, string body, List<string> constants, string? pointBody, string? outputsFollowInputs)
        {
            _d = d;
            _name = name;
            _x = x;
            _body = body;
            _constants = constants;
            _pointBody = pointBody;
            _outputsFollowInputs = outputsFollowInputs;
        }

        private static void WriteBodyInside(CodeWriter w, string body)
        {
            string inner = body.Trim();
            inner = inner.Substring(1, inner.Length - 2).Trim('\n', '\r');
            if (inner.Trim().Length > 0) w.Lines(inner);
        }

        public void Write(CodeWriter w)
        {
            w.Line();
            w.Summary("Kernel-ready form of <c>" + Xml.Escape(_d.Name) + "</c> (generated) for <c>global::Dual.Gpu.JacobianEngine</c>: output <c>i</c> is the value the method writes to <c>y[i]</c>.");
            w.Open(_d.Access + "readonly partial struct " + _name + " : global::Dual.Gpu." + (_pointBody is null ? "IKernelFunction" : "IKernelPointFunction"));
            w.Line("private readonly int __n;");
            w.Line("private readonly int __m;");
            w.Line();
            w.Summary("The function on ℝ<sup>n</sup> → ℝ<sup>m</sup>: the lengths of <c>x</c> and <c>y</c> it is called with.");
            w.Line("/// <param name=\"inputCount\">n ≥ 1.</param>");
            w.Line("/// <param name=\"outputCount\">m ≥ 1.</param>");
            w.Open("public " + _name + "(int inputCount, int outputCount)");
            w.Line("if (inputCount < 1) throw new global::System.ArgumentOutOfRangeException(nameof(inputCount));");
            w.Line("if (outputCount < 1) throw new global::System.ArgumentOutOfRangeException(nameof(outputCount));");
            if (_outputsFollowInputs is not null)
            {
                w.Line("if (outputCount != inputCount) throw new global::System.ArgumentException(\"" + _d.Name + " writes y[i] for every i < "
                    + _outputsFollowInputs + ".Length, so its output count must equal its input count (got inputCount \" + inputCount + \", outputCount \" + outputCount + \").\", nameof(outputCount));");
            }
            w.Line("__n = inputCount;");
            w.Line("__m = outputCount;");
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public int InputCount => __n;");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public int OutputCount => __m;");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public TNum Output<TNum, TInputs>(int __row, in TInputs " + _x + ")");
            w.Indent().Line("where TNum : global::System.Numerics.IFloatingPointIeee754<TNum>").Line("where TInputs : struct, global::Dual.Gpu.IKernelInputs<TNum>").Outdent();
            w.Line("{").Indent();
            foreach (string c in _constants) w.Line(c);
            w.Line("TNum __result = TNum.Zero;");
            WriteBodyInside(w, _body);
            w.Line("return __result;");
            w.Close();
            if (_pointBody is not null)
            {
                // One evaluation hands every output over: the primal and the shared work run once per point, not m times.
                w.Line();
                w.Line("/// <inheritdoc />");
                w.Line("public void Evaluate<TNum, TInputs, TOutputs>(in TInputs " + _x + ", in TOutputs __y)");
                w.Indent().Line("where TNum : global::System.Numerics.IFloatingPointIeee754<TNum>")
                    .Line("where TInputs : struct, global::Dual.Gpu.IKernelInputs<TNum>")
                    .Line("where TOutputs : struct, global::Dual.Gpu.IKernelOutputs<TNum>").Outdent();
                w.Line("{").Indent();
                foreach (string c in _constants) w.Line(c);
                WriteBodyInside(w, _pointBody);
                w.Close();
            }
            w.Close();
        }
    }
}
