using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        /// <summary>Math/MathF/double/float functions that return a floating value and compile for CUDA through
        /// <c>TNum</c> (see ../shared/gpu/ilgpu-notes.md; every one is exercised by a PTX validation test).</summary>
        private static readonly HashSet<string> s_safe = new()
        {
            "Sqrt", "Pow", "Exp", "Log", "Log10", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Atan2",
            "Sinh", "Cosh", "Tanh", "Abs", "Max", "Min", "Floor", "Ceiling", "Truncate", "CopySign",
        };

        /// <summary>Known ILGPU failures: the reason printed in DUAL011.</summary>
        private static readonly Dictionary<string, string> s_rejected = new()
        {
            ["Hypot"] = "ILGPU rejects it (BitCast intrinsic); write Math.Sqrt(a * a + b * b)",
            ["TanPi"] = "ILGPU rejects it (BitCast intrinsic); write Math.Tan(Math.PI * a)",
            ["SinCos"] = "ILGPU rejects it (IsKnownConstant intrinsic); call Math.Sin and Math.Cos",
            ["Sign"] = "it can throw, which ILGPU rejects; use comparisons",
            ["IEEERemainder"] = "it can throw, which ILGPU rejects; write a - b * Math.Round(a / b) with comparisons",
            ["Ieee754Remainder"] = "it can throw, which ILGPU rejects; write a - b * Math.Round(a / b) with comparisons",
            ["Log2"] = "it fails on CUDA (unresolved PTX extern); write Math.Log(a) / Math.Log(2)",
            ["Log2P1"] = "it fails on CUDA (unresolved PTX extern); write Math.Log(1 + a) / Math.Log(2)",
            ["Cbrt"] = "it fails on CUDA (unresolved PTX extern); write Math.Pow(a, 1.0 / 3) for a >= 0",
            ["RootN"] = "it fails on CUDA (unresolved PTX extern); write Math.Pow(a, 1.0 / n) for a >= 0",
            ["Asinh"] = "it fails on CUDA (unresolved PTX extern); write Math.Log(a + Math.Sqrt(a * a + 1))",
            ["Acosh"] = "it fails on CUDA (unresolved PTX extern); write Math.Log(a + Math.Sqrt(a * a - 1))",
            ["Atanh"] = "it fails on CUDA (unresolved PTX extern); write 0.5 * Math.Log((1 + a) / (1 - a))",
            ["FusedMultiplyAdd"] = "it fails on CUDA (unresolved PTX extern); write a * b + c",
            ["ReciprocalEstimate"] = "it fails on CUDA (self-calling intrinsic); write 1 / a",
            ["ReciprocalSqrtEstimate"] = "it fails on CUDA (self-calling intrinsic); write 1 / Math.Sqrt(a)",
            ["MultiplyAddEstimate"] = "it fails on CUDA (self-calling intrinsic); write a * b + c",
            ["Lerp"] = "it fails on CUDA (self-calling intrinsic); write a + (b - a) * t",
        };

        private static readonly HashSet<string> s_predicates = new() { "IsNaN", "IsInfinity", "IsFinite", "IsNegative", "IsPositiveInfinity", "IsNegativeInfinity" };

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
            return new KernelEmission(d, name, method.Parameters[0].Name, bodyText, rewriter.ConstantDeclarations);
        }

        private static bool IsSpanOfFloating(ITypeSymbol t, bool readOnly) =>
            t is INamedTypeSymbol n && n.IsGenericType && n.TypeArguments.Length == 1 && TypeMap.IsFloating(n.TypeArguments[0])
            && n.ContainingNamespace?.ToDisplayString() == "System"
            && (n.Name == "Span" || (readOnly && n.Name == "ReadOnlySpan"));

        /// <summary>Rewrites the body over TNum; records DUAL011 for everything ILGPU cannot run.</summary>
        private sealed class KernelRewriter : CSharpSyntaxRewriter
        {
            private readonly SemanticModel _model;
            private readonly IMethodSymbol _method;
            private readonly IParameterSymbol _x;
            private readonly IParameterSymbol _y;
            private readonly CancellationToken _ct;
            private readonly Dictionary<double, string> _constants = new();
            private readonly HashSet<SyntaxNode> _reported = new();

            public List<DiagnosticInfo> Diagnostics { get; } = new();
            public List<string> ConstantDeclarations { get; } = new();

            public KernelRewriter(SemanticModel model, IMethodSymbol method, CancellationToken ct)
            {
                _model = model;
                _method = method;
                _x = method.Parameters[0];
                _y = method.Parameters[1];
                _ct = ct;
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
                e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(e, _ct).Symbol, p);

            public override SyntaxNode? Visit(SyntaxNode? node)
            {
                if (node is null) return null;
                _ct.ThrowIfCancellationRequested();
                if (node is ExpressionSyntax e && IsValuePosition(e))
                {
                    TypeInfo ti = _model.GetTypeInfo(e, _ct);
                    if ((TypeMap.IsFloating(ti.ConvertedType) || TypeMap.IsFloating(ti.Type)) && e is not AssignmentExpressionSyntax)
                    {
                        Optional<object?> cv = _model.GetConstantValue(e, _ct);
                        if (cv.HasValue && cv.Value is not null)
                        {
                            double value = Convert.ToDouble(cv.Value, CultureInfo.InvariantCulture);
                            return ParseExpression(Constant(value)).WithTriviaFrom(e);
                        }
                    }
                    SyntaxNode? r = base.Visit(node);
                    // Roslyn reports the conversion on both '(k + 1)' and 'k + 1': convert at the outermost only.
                    bool outerConverts = e.Parent is ParenthesizedExpressionSyntax pe && TypeMap.IsFloating(_model.GetTypeInfo(pe, _ct).ConvertedType);
                    if (!outerConverts && TypeMap.IsIntegral(ti.Type) && TypeMap.IsFloating(ti.ConvertedType) && r is ExpressionSyntax re)
                    {
                        return ParseExpression("global::Dual.Gpu.KernelMath.FromInteger<TNum>(" + re.WithoutTrivia().ToFullString() + ")").WithTriviaFrom(e);
                    }
                    return r;
                }
                return base.Visit(node);
            }

            private static bool IsValuePosition(ExpressionSyntax e) => e.Parent switch
            {
                MemberAccessExpressionSyntax ma => ma.Name != e,
                MemberBindingExpressionSyntax => false,
                QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax or TypeArgumentListSyntax => false,
                InvocationExpressionSyntax inv => inv.Expression != e,
                VariableDeclarationSyntax => false,
                CastExpressionSyntax c => c.Type != e,
                _ => e is not TypeSyntax || e is IdentifierNameSyntax,
            };

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
                ITypeSymbol? t = _model.GetTypeInfo(node.Type, _ct).Type;
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
                if (r.IsConst && TypeMap.IsFloating(_model.GetTypeInfo(node.Declaration.Type, _ct).Type))
                {
                    // Its uses are inlined as constants; the declaration stays as a plain local.
                    r = r.WithModifiers(TokenList(r.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword))));
                }
                return r;
            }

            public override SyntaxNode? VisitCastExpression(CastExpressionSyntax node)
            {
                ITypeSymbol? target = _model.GetTypeInfo(node.Type, _ct).Type;
                ITypeSymbol? source = _model.GetTypeInfo(node.Expression, _ct).Type;
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
                ISymbol? s = _model.GetSymbolInfo(node, _ct).Symbol;
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
                ISymbol? s = _model.GetSymbolInfo(node, _ct).Symbol;
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
                    if (node.ArgumentList.Arguments.Count != 1 || !TypeMap.IsIntegral(_model.GetTypeInfo(node.ArgumentList.Arguments[0].Expression, _ct).Type))
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
                    if (target!.ArgumentList.Arguments.Count != 1 || !TypeMap.IsIntegral(_model.GetTypeInfo(target.ArgumentList.Arguments[0].Expression, _ct).Type))
                    {
                        return Report(target, "The output write '" + target + "'", "index the outputs with one int");
                    }
                    var index = (ExpressionSyntax)Visit(target.ArgumentList.Arguments[0].Expression)!;
                    var value = (ExpressionSyntax)Visit(a.Right)!;
                    string indexText = index is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
                        ? index.WithoutTrivia().ToFullString()
                        : "(" + index.WithoutTrivia().ToFullString() + ")";
                    string write = "if (" + indexText + " == __row) { __result = " + value.WithoutTrivia().ToFullString() + "; }";
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
                if (_model.GetSymbolInfo(node, _ct).Symbol is not IMethodSymbol m)
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
                        : "it is not in the kernel-safe set (Sqrt, Pow, Exp, Log, Log10, Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh, Abs, Max, Min, Floor, Ceiling, Truncate, CopySign, IsNaN, IsFinite, IsInfinity); express it through those";
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

            public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node) =>
                Report(node, "The allocation '" + node.WithoutTrivia() + "'", "kernels cannot allocate; use scalar locals");

            public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node) =>
                Report(node, "The allocation '" + node.WithoutTrivia() + "'", "kernels cannot allocate; use scalar locals");

            public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node) =>
                Report(node, "The array allocation '" + node.WithoutTrivia() + "'", "kernels cannot allocate or hold managed arrays; use scalar locals");

            public override SyntaxNode? VisitImplicitArrayCreationExpression(ImplicitArrayCreationExpressionSyntax node) =>
                Report(node, "The array allocation '" + node.WithoutTrivia() + "'", "kernels cannot allocate or hold managed arrays; use scalar locals");

            public override SyntaxNode? VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node) =>
                Report(node, "The stackalloc '" + node.WithoutTrivia() + "'", "kernels hold only scalar locals");

            public override SyntaxNode? VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node) =>
                Report(node, "The stackalloc '" + node.WithoutTrivia() + "'", "kernels hold only scalar locals");

            public override SyntaxNode? VisitCollectionExpression(CollectionExpressionSyntax node) =>
                Report(node, "The collection expression '" + node.WithoutTrivia() + "'", "kernels cannot allocate; use scalar locals");

            public override SyntaxNode? VisitAnonymousObjectCreationExpression(AnonymousObjectCreationExpressionSyntax node) =>
                Report(node, "The allocation '" + node.WithoutTrivia() + "'", "kernels cannot allocate; use scalar locals");

            public override SyntaxNode? VisitThrowStatement(ThrowStatementSyntax node) =>
                Report(node, "The 'throw'", "kernels cannot throw; check arguments before calling the engine, or return NaN");

            public override SyntaxNode? VisitThrowExpression(ThrowExpressionSyntax node) =>
                Report(node, "The 'throw'", "kernels cannot throw; check arguments before calling the engine, or return NaN");

            public override SyntaxNode? VisitTryStatement(TryStatementSyntax node) =>
                Report(node, "The 'try' statement", "kernels cannot handle exceptions; remove it");

            public override SyntaxNode? VisitLiteralExpression(LiteralExpressionSyntax node) =>
                node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression)
                    ? Report(node, "The string " + node, "kernels cannot use strings")
                    : node;

            public override SyntaxNode? VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node) =>
                Report(node, "The string " + node, "kernels cannot use strings");

            public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
                Report(node, "A lambda", "kernels cannot create delegates; write the computation inline");

            public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
                Report(node, "A lambda", "kernels cannot create delegates; write the computation inline");

            public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
                Report(node, "An anonymous method", "kernels cannot create delegates; write the computation inline");

            public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
                Report(node.Identifier.Parent!, "The local function '" + node.Identifier.Text + "'", "the kernel form does not support local functions yet; inline it");

            public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
                Report(node, "The 'foreach' loop", "the inputs are read one at a time in a kernel; write 'for (int k = 0; k < x.Length; k++)'");

            public override SyntaxNode? VisitUsingStatement(UsingStatementSyntax node) =>
                Report(node, "The 'using' statement", "kernels hold no disposable objects; remove it");

            public override SyntaxNode? VisitLockStatement(LockStatementSyntax node) =>
                Report(node, "The 'lock' statement", "kernels cannot lock; remove it");

            public override SyntaxNode? VisitYieldStatement(YieldStatementSyntax node) =>
                Report(node, "The 'yield' statement", "kernels cannot be iterators");

            public override SyntaxNode? VisitTypeOfExpression(TypeOfExpressionSyntax node) =>
                Report(node, "The 'typeof' expression", "kernels cannot use reflection");

            public override SyntaxNode? VisitTupleExpression(TupleExpressionSyntax node) =>
                Report(node, "The tuple '" + node + "'", "kernels hold only scalar locals; use separate locals");
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

        public KernelEmission(MethodDeclaration d, string name, string x, string body, List<string> constants)
        {
            _d = d;
            _name = name;
            _x = x;
            _body = body;
            _constants = constants;
        }

        public void Write(CodeWriter w)
        {
            w.Line();
            w.Summary("Kernel-ready form of <c>" + Xml.Escape(_d.Name) + "</c> (generated) for <c>global::Dual.Gpu.JacobianEngine</c>: output <c>i</c> is the value the method writes to <c>y[i]</c>.");
            w.Open(_d.Access + "readonly partial struct " + _name + " : global::Dual.Gpu.IKernelFunction");
            w.Line("private readonly int __n;");
            w.Line("private readonly int __m;");
            w.Line();
            w.Summary("The function on ℝ<sup>n</sup> → ℝ<sup>m</sup>: the lengths of <c>x</c> and <c>y</c> it is called with.");
            w.Line("/// <param name=\"inputCount\">n ≥ 1.</param>");
            w.Line("/// <param name=\"outputCount\">m ≥ 1.</param>");
            w.Open("public " + _name + "(int inputCount, int outputCount)");
            w.Line("if (inputCount < 1) throw new global::System.ArgumentOutOfRangeException(nameof(inputCount));");
            w.Line("if (outputCount < 1) throw new global::System.ArgumentOutOfRangeException(nameof(outputCount));");
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
            string inner = _body.Trim();
            inner = inner.Substring(1, inner.Length - 2).Trim('\n', '\r');
            if (inner.Trim().Length > 0) w.Lines(inner);
            w.Line("return __result;");
            w.Close();
            w.Close();
        }
    }
}
