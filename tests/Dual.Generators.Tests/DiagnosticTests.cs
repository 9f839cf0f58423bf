using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>One test per diagnostic id: id, severity, location (0-based line/column) and message.</summary>
[NonParallelizable]
public class DiagnosticTests
{
    private static Diagnostic Single(string id, params string[] sources)
    {
        var r = GeneratorHarness.Run(sources);
        var all = r.Dual.ToList();
        Assert.That(all.Select(d => d.Id), Does.Contain(id), () => string.Join("\n", all));
        Diagnostic d = all.First(x => x.Id == id);
        AssertHelpLink(d);
        return d;
    }

    /// <summary>
    /// A diagnostic links to its section of docs/diagnostics.md only where the build gave the repository an address
    /// (DualRepositoryUrl); without one it has no help link rather than a dead one. Dual.Package.Tests builds the generator
    /// in both states and checks the links against the property itself.
    /// </summary>
    private static void AssertHelpLink(Diagnostic d)
    {
        if (Diagnostics.HelpBase is null)
        {
            Assert.That(d.Descriptor.HelpLinkUri, Is.Empty, d.Id + ": no repository address, so no help link");
        }
        else
        {
            Assert.That(d.Descriptor.HelpLinkUri, Does.EndWith("/docs/diagnostics.md#" + d.Id.ToLowerInvariant()));
        }
    }

    private static void At(Diagnostic d, int line, int column, string file = "/src/File0.cs")
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.That((span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character), Is.EqualTo((file, line, column)), d.ToString());
    }

    [Test]
    public void Dual001_CallToNonDifferentiableFloatingMethod()
    {
        // A helper whose body is available is differentiated transitively; an extern one has no body: DUAL001 and the rule.
        Diagnostic d = Single("DUAL001", """
            using Dual;
            public static partial class C
            {
                [System.Runtime.InteropServices.DllImport("m")] static extern double Helper(double v);
                [Differentiable] public static double F(double x) => 1 + Helper(x);
            }
            """);
        At(d, 4, 61);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.GetMessage(), Does.Contain("C.Helper(double)").And.Contain("is extern").And.Contain("[DerivativeOf(nameof(Helper))]"));
        Assert.That(d.GetMessage(), Does.Not.Contain("mark it [Differentiable]"));
    }

    [Test]
    public void Dual001_NotReportedForConstantArguments()
    {
        var r = GeneratorHarness.Run("""
            using Dual;
            public static partial class C
            {
                static double Helper(double v) => v * 2;
                [Differentiable] public static double F(double x) => x * Helper(3.0);
            }
            """);
        Assert.That(r.Dual, Is.Empty);
    }

    [Test]
    public void Dual002_NonPartialType_AlsoWhenNested()
    {
        Diagnostic d = Single("DUAL002", """
            using Dual;
            public static class Outer
            {
                public static partial class Inner
                {
                    [Differentiable] public static double F(double x) => x * x;
                }
            }
            """);
        At(d, 1, 20);
        Assert.That(d.GetMessage(), Does.Contain("'Outer' must be declared 'partial'").And.Contain("'F'"));
    }

    [TestCase("goto end; end: return x;", "'goto'", 0)]
    [TestCase("unsafe { double* p = &x0; } return x;", "Unsafe code", 0)]
    [TestCase("System.Linq.Expressions.Expression<System.Func<double, double>> f = v => v * 2; return x;", "A lambda or anonymous method over floating values (as System.Linq.Expressions.Expression<System.Func<double, double>>)", 68)]
    public void Dual003_UnsupportedConstructs(string body, string what, int column)
    {
        Diagnostic d = Single("DUAL003", """
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) {
                    double x0 = 1;
            """ + "\n" + body + "\n}\n}\n");
        Assert.That(d.GetMessage(), Does.StartWith(what + " is not supported in a [Differentiable] method;"));
        At(d, 5, column);
    }

    [Test]
    public void Dual003_AsyncAndIterators()
    {
        Diagnostic d = Single("DUAL003", """
            using Dual;
            using System.Collections.Generic;
            public static partial class C
            {
                [Differentiable] public static IEnumerable<int> F(double x) { yield return (int)x; }
            }
            """);
        At(d, 4, 66);
        Assert.That(d.GetMessage(), Does.StartWith("An iterator ('yield')"));
    }

    [Test]
    public void Dual004_FieldWrite()
    {
        Diagnostic d = Single("DUAL004", """
            using Dual;
            public partial class C
            {
                private static double s_last;
                [Differentiable] public double F(double x) { s_last = x; return x * x; }
            }
            """);
        At(d, 4, 49);
        Assert.That(d.GetMessage(), Does.StartWith("'s_last' is a floating field or property"));
    }

    [Test]
    public void Dual005_EscapesThroughObject()
    {
        Diagnostic d = Single("DUAL005", """
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) { object o = x * 2; return x; }
            }
            """);
        At(d, 3, 67);
        Assert.That(d.GetMessage(), Does.Contain("'x * 2' is converted to 'object'"));
    }

    [Test]
    public void Dual006_UnsupportedParameterType()
    {
        Diagnostic d = Single("DUAL006", """
            using Dual;
            using System.Collections.Generic;
            public static partial class C
            {
                [Differentiable] public static double F(double x, Queue<double> ys) => x;
            }
            """);
        At(d, 4, 54);
        Assert.That(d.GetMessage(), Does.StartWith("Parameter 'ys' has type 'System.Collections.Generic.Queue<double>'"));
    }

    [Test]
    public void Dual007_UnknownRuleTarget()
    {
        Diagnostic d = Single("DUAL007", """
            using Dual;
            public static partial class C
            {
                public static double Opaque(double x) => x;
                [DerivativeOf("Opaqe")] public static double OpaqueDerivative(double x) => 1;
            }
            """);
        At(d, 4, 5);
        Assert.That(d.GetMessage(), Does.StartWith("No method named 'Opaqe' found in 'C'"));
    }

    [Test]
    public void Dual008_RuleWithWrongSignature()
    {
        Diagnostic d = Single("DUAL008", """
            using Dual;
            public static partial class C
            {
                public static double Opaque(double x, double y) => x * y;
                [DerivativeOf(nameof(Opaque))] public static double OpaqueDerivative(double x, double y) => 1;
            }
            """);
        At(d, 4, 5);
        Assert.That(d.GetMessage(), Does.Contain("the rule must return the partial derivatives as (double, double)"));
    }

    [TestCase("public abstract partial class C { [Differentiable] public abstract double F(double x); }", "it has no body", 0, 74)]
    [TestCase("public static partial class C { [Differentiable] public static double F(int n) => n; }", "it has no double/float parameter", 0, 70)]
    [TestCase("public static partial class C { [Differentiable] public static T F<T>(T x) where T : System.Numerics.IBinaryInteger<T> => x; }", "does not implement System.Numerics.IBinaryInteger<Dual.Dual<double>>", 0, 65)]
    public void Dual009_NoBodyOrNothingToDifferentiate(string source, string reason, int line, int column)
    {
        Diagnostic d = Single("DUAL009", "using Dual;\n" + source);
        At(d, line + 1, column);
        Assert.That(d.GetMessage(), Does.Contain(reason));
    }

    [Test]
    public void Dual010_EntryPointNameAlreadyUsed()
    {
        var r = GeneratorHarness.Run("""
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) => x * x;
                public static double FDerivative(double x, out double value) { value = 0; return 0; }
            }
            """);
        Diagnostic d = r.Dual.Single();
        Assert.That((d.Id, d.Severity), Is.EqualTo(("DUAL010", DiagnosticSeverity.Warning)));
        At(d, 3, 42);
        Assert.That(d.GetMessage(), Does.Contain("'C' already declares a member named 'FDerivative'"));
        Assert.That(r.Generated("C.F"), Does.Contain("global::Dual.Dual<double> F(global::Dual.Dual<double> x)").And.Not.Contain("FJvp"));
    }

    /// <summary>All DUAL diagnostics of a run: the issue-10 message tests also check that nothing else is reported.</summary>
    private static System.Collections.Generic.List<Diagnostic> All(params string[] sources) => GeneratorHarness.Run(sources).Dual.ToList();

    [Test]
    public void Dual001_MethodInAnotherType_ShowsTheRuleFormThatWorks()
    {
        var all = All("""
            using Dual;
            public static class SpecialFunctions { [System.Runtime.InteropServices.DllImport("m")] public static extern double Erf(double x); }
            public static partial class C
            {
                [Differentiable] public static double F(double x) => SpecialFunctions.Erf(x) * 2;
            }
            """);
        Diagnostic d = all.Single();
        Assert.That(d.Id, Is.EqualTo("DUAL001"));
        At(d, 4, 57);
        Assert.That(d.GetMessage(), Is.EqualTo(
            "'SpecialFunctions.Erf(double)' is extern, so its body is not available; add the rule "
            + "[DerivativeOf(typeof(SpecialFunctions), nameof(SpecialFunctions.Erf))] static double ErfDerivative(double x) returning f′(x) to 'C'"));
    }

    [Test]
    public void Dual001_DelegateCallSaysDelegatesCannotCarryDerivatives()
    {
        Diagnostic d = All("""
            using System;
            using Dual;
            public static partial class C
            {
                static readonly Func<double, double> G = Math.Sin;
                [Differentiable] public static double F(double x) => G(x);
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL001"));
        At(d, 5, 57);
        Assert.That(d.GetMessage(), Is.EqualTo("'G' is a delegate (System.Func<double, double>), and calls through delegates cannot carry derivatives; call a local function or a [Differentiable] method directly"));
        Assert.That(d.GetMessage(), Does.Not.Contain("Invoke"));
    }

    [Test]
    public void Dual001_DifferentiableCalleeWithoutTwin()
    {
        var all = All("""
            using Dual;
            public static class NotPartial { [Differentiable] public static double G(double x) => x * x; }
            public static partial class C
            {
                [Differentiable] public static double F(double x) => NotPartial.G(x) + 1;
            }
            """);
        Assert.That(all.Select(d => d.Id), Is.EquivalentTo(new[] { "DUAL002", "DUAL001" }));
        Diagnostic d = all.Single(x => x.Id == "DUAL001");
        At(d, 4, 57);
        Assert.That(d.GetMessage(), Is.EqualTo("'NotPartial.G(double)' is [Differentiable], but its dual twin is not generated; fix the diagnostics reported on 'G' (or on its containing type)"));
    }

    [Test]
    public void Dual003_LambdaIsOneRootCauseOneDiagnostic()
    {
        var all = All("""
            using System;
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x)
                {
                    System.Linq.Expressions.Expression<Func<double, double>> f = v => v * 2;
                    return f.Compile()(x) + f.Compile()(1);
                }
            }
            """);
        Diagnostic d = all.Single();
        Assert.That(d.Id, Is.EqualTo("DUAL003"));
        At(d, 6, 69);
        Assert.That(d.GetMessage(), Is.EqualTo("A lambda or anonymous method over floating values (as System.Linq.Expressions.Expression<System.Func<double, double>>) is not supported in a [Differentiable] method; only lambdas converted to System.Func or System.Action are rewritten to take and return dual numbers; write a local function and call it directly"));
    }

    [Test]
    public void Dual004_ObjectInitializerOnUserStruct_GetsAnActionableHint()
    {
        Diagnostic d = All("""
            using Dual;
            public class Vec3 { public double X, Y, Z; }
            public static partial class C
            {
                [Differentiable] public static double F(double x) { var v = new Vec3 { X = x, Y = 1 }; return v.X; }
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL004"));
        At(d, 4, 75);
        Assert.That(d.GetMessage(), Is.EqualTo("'Vec3.X' is a floating member of 'Vec3', a type the twin does not differentiate ('Vec3' is a class whose state can change after construction ('X' is not readonly or init-only), "
            + "and the twin copies values into dual objects, which is sound only for immutable classes; make it a struct or a record, or make its members readonly (init-only properties)), so a value written into it would lose its derivative; "
            + "keep the components in double/float locals or a tuple inside the [Differentiable] method and build the 'Vec3' from the results outside it"));
        Assert.That(d.GetMessage(), Does.Not.Contain("out/ref"));
    }

    [Test]
    public void Dual005_ValuePassedToANonDifferentiatedVoidMethod()
    {
        Diagnostic d = All("""
            using Dual;
            public class Sink { public virtual void Set(double v) { } }
            public static partial class C
            {
                [Differentiable] public static double F(double x) { var s = new Sink(); s.Set(x); return x; }
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL005"));
        At(d, 4, 82);
        Assert.That(d.GetMessage(), Is.EqualTo("The floating value 'x' is passed to 'Sink.Set(double)', which is not differentiated (it is virtual (or abstract, or an override), so the body that runs is chosen at run time), so its derivative would be lost; "
            + "call a method whose body the generator can differentiate (not virtual, extern or generic), or pass it only a formatted string or an integer"));
    }

    [Test]
    public void Dual004_HelperThatStoresTheValueIsReportedInTheHelper_WithWhyItIsDifferentiated()
    {
        var all = All("""
            using Dual;
            public sealed class Box { double _v; public void Set(double v) => _v = v; public double Get() => _v; }
            public static partial class C
            {
                [Differentiable] public static double F(double x) { var box = new Box(); box.Set(x); return box.Get(); }
            }
            """);
        Diagnostic d = all.Single();
        Assert.That(d.Id, Is.EqualTo("DUAL004"));
        At(d, 1, 66);
        Assert.That(d.GetMessage(), Does.StartWith("'_v' is a floating field or property; the twin reads such members as constants and cannot write them; use a local")
            .And.Contain("'Box' is a class whose state can change after construction")
            .And.EndWith("('Box.Set(double)' is differentiated because 'C.F(double)' calls it with a value that carries a derivative)"));
    }

    [Test]
    public void Dual005_ConversionNamesTheTargetType_NotAMethod()
    {
        Diagnostic d = All("""
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) => (double)((decimal)x * 2m);
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL005"));
        At(d, 3, 66);
        Assert.That(d.GetMessage(), Does.StartWith("The floating value 'x' is converted to 'decimal', so its derivative would be lost; compute in double/float instead"));
    }

    [Test]
    public void Dual005_NoFalsePositiveForDualToDualCopies_AndSpanFillIsDiagnosedOverAConstantArray()
    {
        var ok = All("""
            using System;
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x)
                {
                    Span<double> s = stackalloc double[2];
                    s.Fill(x);
                    var a = new double[2];
                    s.CopyTo(a);
                    Array.Fill(a, x);
                    Array.Copy(a, new double[2], 2);
                    return a[0];
                }
            }
            """);
        Assert.That(ok, Is.Empty, () => string.Join("\n", ok));
        Diagnostic d = All("""
            using System;
            using Dual;
            public static partial class C
            {
                static readonly double[] Buffer = new double[2];
                [Differentiable] public static double F(double x) { Buffer.AsSpan().Fill(x); return Buffer[0]; }
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL005"));
        At(d, 5, 77);
        Assert.That(d.GetMessage(), Does.StartWith("The floating value 'x' is written by 'System.Span<double>.Fill(double)' into 'Buffer.AsSpan()', which the twin keeps as constants"));
    }

    [Test]
    public void Dual005_TextRoundTrip()
    {
        Diagnostic d = All("""
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) => double.Parse(x.ToString("R"));
            }
            """).Single();
        Assert.That(d.Id, Is.EqualTo("DUAL005"));
        At(d, 3, 57);
        Assert.That(d.GetMessage(), Is.EqualTo("The floating value 'x' is formatted as text and read back as a number by 'double.Parse(x.ToString(\"R\"))', so its derivative would be lost; "
            + "use the value itself instead of a text round trip (formatting is fine; parsing it back makes it a constant)"));
    }

    [Test]
    public void Dual006_TypeSlotHoldsTheType_AndSetLocalIsOneDiagnostic()
    {
        var all = All("""
            using System.Collections.Generic;
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) { var l = new HashSet<double>(); l.Add(x); return l.Count; }
            }
            """);
        Diagnostic d = all.Single();
        Assert.That(d.Id, Is.EqualTo("DUAL006"));
        At(d, 4, 56);
        Assert.That(d.GetMessage(), Is.EqualTo("Local 'l' has type 'System.Collections.Generic.HashSet<double>', which the generator cannot map to a dual type; "
            + "use a List<T>/IList<T>/IReadOnlyList<T>/IEnumerable<T>, an array (double[]) or a Span<double> instead; dictionaries, sets, queues and non-generic collections cannot carry derivatives"));
        Assert.That(d.GetMessage(), Does.Not.Contain("read from outside"));
    }

    [Test]
    public void Dual013_ConstantArrayFlowsIntoADualArray()
    {
        Diagnostic d = All("""
            using Dual;
            public partial class C
            {
                double[] f = { 1, 2 };
                [Differentiable] public double F(double x) { double[] a = f; a[0] = x; return a[0]; }
            }
            """).Single();
        Assert.That((d.Id, d.Severity), Is.EqualTo(("DUAL013", DiagnosticSeverity.Error)));
        AssertHelpLink(d);
        At(d, 4, 62);
        Assert.That(d.GetMessage(), Is.EqualTo("'f' is a floating array (double[]) that the twin keeps as constants (it is read from the field 'f'), but the local 'a' needs a dual one; "
            + "copy it element-wise into a local array first (var a = new double[src.Length]; for (...) a[i] = src[i];)"));
    }

    [Test]
    public void DefaultsNamedArgumentsAndParams_CompileWithoutErrorsInGeneratedFiles()
    {
        var r = GeneratorHarness.Run("""
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double G(double x, int n = 2, double y = 3, params double[] rest) => x * n * y + rest.Length;
                [Differentiable] public static double F(double x) => G(x) + G(y: x, x: 1) + G(x, 1, 2, x, x) + G(1.0);
            }
            """);
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        var errors = r.Output.GetDiagnostics().Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors) + "\n" + GeneratorHarness.Numbered(r.Output));
        Assert.That(r.Generated("C.F"), Does.Contain("G(x, rest: global::System.Array.Empty<global::Dual.Dual<double>>(), n: 2, y: 3D)"));
    }

    private static Diagnostic SingleGpu(string id, string source)
    {
        var r = GeneratorHarness.RunGpu(source);
        var all = r.Dual.ToList();
        Assert.That(all.Select(d => d.Id), Does.Contain(id), () => string.Join("\n", all));
        Diagnostic d = all.First(x => x.Id == id);
        AssertHelpLink(d);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(r.Output.SyntaxTrees.Any(t => t.ToString().Contains("struct FKernel")), Is.False, "no kernel for a rejected method");
        return d;
    }

    private static string GpuMethod(string body) => $$"""
        using System;
        using Dual;
        public static partial class C
        {
            [Differentiable(Gpu = true)]
            public static void F(ReadOnlySpan<double> x, Span<double> y)
            {
        {{body}}
            }
        }
        """;

    // Line 7 (0-based) is the first body line; the body lines start at column 0.
    [TestCase("double[] t = new double[2]; y[0] = x[0];", 0, "A managed array local", "managed arrays")]
    [TestCase("y[0] = new[] { x[0] }[0];", 7, "The array allocation 'new[] { x[0] }'", "kernels cannot allocate")]
    [TestCase("if (x[0] < 0) throw new ArgumentException(); y[0] = x[0];", 14, "The 'throw'", "kernels cannot throw")]
    [TestCase("y[0] = Math.IEEERemainder(x[0], x[1]);", 7, "The call to 'Math.IEEERemainder'", "it can throw")]
    [TestCase("y[0] = Math.ReciprocalEstimate(x[0]);", 7, "The call to 'Math.ReciprocalEstimate'", "self-calling intrinsic")]
    [TestCase("y[0] = Math.Round(x[0]);", 7, "The call to 'Math.Round'", "kernel-safe set")]
    [TestCase("y[0] = double.Hypot(x[0], x[1]);", 7, "The call to 'Double.Hypot'", "ILGPU rejects it")]
    [TestCase("y[0] = x[0]; Console.WriteLine(\"hi\");", 13, "The call to 'Console.WriteLine'", "console or log")]
    [TestCase("y[0] = x[0]; string s = \"a\";", 13, "A local of type 'string'", "double/float, integer and bool locals")]
    [TestCase("y[0] = Helper(x[0]);", 7, "The call to 'C.Helper'", "inline the body of 'Helper'")]
    [TestCase("y[0] = Other(x.Length);", 7, "The call to 'C.Other'", "inline the computation")]
    [TestCase("F(x, y);", 0, "The recursive call 'F'", "cannot recurse")]
    [TestCase("y[0] = x[0]; y[1] = y[0] * 2;", 20, "Reading or passing the output span 'y'", "only writes 'y[k] = e'")]
    [TestCase("y[0] += x[0];", 0, "The compound write 'y[0] += x[0]'", "accumulate in a local")]
    [TestCase("y[0] = (int)x[0];", 7, "The conversion of a floating value to 'int'", "ILGPU rejects generic conversions")]
    [TestCase("y[0] = x[0] * Scale;", 14, "The field or property 'Scale'", "make it a const")]
    public void Dual011_NotKernelReady(string body, int column, string what, string fix)
    {
        string source = GpuMethod(body).Replace("    }\n}", "    }\n    [Differentiable] static double Helper(double v) => v;\n    static int Other(int v) => v;\n    static double Scale = 2;\n}");
        Diagnostic d = SingleGpu("DUAL011", source);
        At(d, 7, column);
        Assert.That(d.GetMessage(), Does.StartWith(what + " cannot run in a GPU kernel: ").And.Contain(fix));
    }

    [Test]
    public void Dual011_SignatureMustBeTheVectorShape()
    {
        Diagnostic d = SingleGpu("DUAL011", """
            using Dual;
            public static partial class C
            {
                [Differentiable(Gpu = true)] public static double F(double x) => x * x;
            }
            """);
        At(d, 3, 54);
        Assert.That(d.GetMessage(), Does.Contain("The signature of 'F'").And.Contain("static void F(ReadOnlySpan<double> x, Span<double> y)"));
    }

    [Test]
    public void Dual011_KernelNotEmitted_ButTheTwinStillIs()
    {
        var r = GeneratorHarness.RunGpu(GpuMethod("y[0] = Math.ReciprocalEstimate(x[0]);"));
        Assert.That(r.Dual.Select(d => d.Id), Is.EqualTo(new[] { "DUAL011" }));
        Assert.That(r.Generated("C.F"), Does.Contain("Dual<double>").And.Not.Contain("FKernel"));
    }

    [Test]
    public void Dual012_GpuRequestedWithoutDualGpuReference()
    {
        Diagnostic d = Single("DUAL012", GpuMethod("y[0] = x[0];"));
        At(d, 5, 23);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.GetMessage(), Does.Contain("GPU form of 'F'").And.Contain("add a reference to the Dual.Gpu package"));
    }

    [Test]
    public void GpuKernel_NoDiagnosticsForAKernelReadyBody()
    {
        var r = GeneratorHarness.RunGpu(GpuMethod("for (int i = 0; i < x.Length; i++) y[i] = Math.Sqrt(1 + x[i] * x[i]) * (i + 0.5);"));
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        Assert.That(r.Output.GetDiagnostics().Where(e => e.Severity == DiagnosticSeverity.Error), Is.Empty);
        // One unconditional write per output in a loop over x.Length: the whole-point form, whose constructor ties m to n.
        Assert.That(r.Generated("C.F"), Does.Contain("readonly partial struct FKernel : global::Dual.Gpu.IKernelPointFunction")
            .And.Contain("__y.Set(i, ").And.Contain("if (outputCount != inputCount)"));
    }

    [Test]
    public void Dual014_TwinThatDoesNotCompile_IsReplacedByAPlaceholder()
    {
        FaultInjection.BreakTwinOf = "Broken";
        try
        {
            var r = GeneratorHarness.Run("""
                using Dual;
                public static partial class C
                {
                    [Differentiable] public static double Broken(double x) => x * x;
                    [Differentiable] public static double Caller(double x) => Broken(x) + 1;
                }
                """);
            Diagnostic d = r.Dual.Single();
            Assert.That((d.Id, d.Severity), Is.EqualTo(("DUAL014", DiagnosticSeverity.Error)));
            AssertHelpLink(d);
            At(d, 3, 42);
            Assert.That(d.GetMessage(), Does.StartWith("The generated code for 'C.Broken(double)' does not compile (CS0103: The name '__NotDeclaredAnywhere' does not exist in the current context in 'return __NotDeclaredAnywhere;'), so a placeholder twin that throws is emitted instead;"));
            Assert.That(r.Output.GetDiagnostics().Where(e => e.Severity == DiagnosticSeverity.Error), Is.Empty, () => GeneratorHarness.Numbered(r.Output));
            Assert.That(r.Generated("C.Broken"), Does.Contain("its generated code does not compile (DUAL014)").And.Not.Contain("__NotDeclaredAnywhere"));
        }
        finally
        {
            FaultInjection.BreakTwinOf = null;
        }
    }

    [Test]
    public void Dual014_UserAlreadyDeclaresTheTwin_NothingIsEmitted()
    {
        var r = GeneratorHarness.Run("""
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(double x) => x * x;
                public static Dual<double> F(Dual<double> x) => x * x;
            }
            """);
        Diagnostic d = r.Dual.Single();
        Assert.That(d.Id, Is.EqualTo("DUAL014"));
        At(d, 3, 42);
        Assert.That(d.GetMessage(), Does.Contain("CS0111").And.Contain("no twin is emitted"));
        Assert.That(r.Run.Results[0].GeneratedSources, Is.Empty);
        Assert.That(r.Output.GetDiagnostics().Where(e => e.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [Test]
    public void Dual999_InternalErrorsBecomeWarningsNotCrashes()
    {
        FaultInjection.ThrowForMethod = "Boom";
        try
        {
            Diagnostic d = Single("DUAL999", """
                using Dual;
                public static partial class C
                {
                    [Differentiable] public static double Boom(double x) => x;
                }
                """);
            Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            At(d, 3, 42);
            Assert.That(d.GetMessage(), Does.Contain("'Boom'").And.Contain("InvalidOperationException: injected fault").And.Contain("please report"));

            // A caller still compiles (against a placeholder that throws), with no error in any generated file.
            var r = GeneratorHarness.Run("""
                using Dual;
                public static partial class C
                {
                    [Differentiable] public static double Boom(double x) => x;
                    [Differentiable] public static double Caller(double x) => Boom(x) * 2;
                }
                """);
            Assert.That(r.Output.GetDiagnostics().Where(e => e.Severity == DiagnosticSeverity.Error), Is.Empty, () => GeneratorHarness.Numbered(r.Output));
            Assert.That(r.Generated("C.Boom"), Does.Contain("throw new global::System.InvalidOperationException(\"The dual twin of 'Boom' is not generated: an internal generator error (DUAL999) was reported on it.\")"));
        }
        finally
        {
            FaultInjection.ThrowForMethod = null;
        }
    }
}
