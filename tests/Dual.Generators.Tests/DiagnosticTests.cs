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
        Assert.That(d.Descriptor.HelpLinkUri, Does.EndWith("docs/diagnostics.md#" + id.ToLowerInvariant()));
        return d;
    }

    private static void At(Diagnostic d, int line, int column, string file = "/src/File0.cs")
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.That((span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character), Is.EqualTo((file, line, column)), d.ToString());
    }

    [Test]
    public void Dual001_CallToNonDifferentiableFloatingMethod()
    {
        Diagnostic d = Single("DUAL001", """
            using Dual;
            public static partial class C
            {
                static double Helper(double v) => v * 2;
                [Differentiable] public static double F(double x) => 1 + Helper(x);
            }
            """);
        At(d, 4, 61);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.GetMessage(), Does.Contain("C.Helper(double)").And.Contain("[DerivativeOf(nameof(Helper))]").And.Contain("mark it [Differentiable]"));
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
    [TestCase("try { return x * 2; } catch { return x; }", "'try' around floating code", 0)]
    [TestCase("System.Func<double, double> f = v => v * 2; return x;", "A lambda or anonymous method over floating values", 32)]
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
                private double _last;
                [Differentiable] public double F(double x) { _last = x; return x * x; }
            }
            """);
        At(d, 4, 49);
        Assert.That(d.GetMessage(), Does.StartWith("'_last' is a floating field or property"));
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
                [Differentiable] public static double F(double x, List<double> ys) => x;
            }
            """);
        At(d, 4, 54);
        Assert.That(d.GetMessage(), Does.StartWith("Parameter 'ys' has type 'System.Collections.Generic.List<double>'"));
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
    [TestCase("public static partial class C { [Differentiable] public static T F<T>(T x) => x; }", "generic [Differentiable] methods are not supported", 0, 65)]
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

    private static Diagnostic SingleGpu(string id, string source)
    {
        var r = GeneratorHarness.RunGpu(source);
        var all = r.Dual.ToList();
        Assert.That(all.Select(d => d.Id), Does.Contain(id), () => string.Join("\n", all));
        Diagnostic d = all.First(x => x.Id == id);
        Assert.That(d.Descriptor.HelpLinkUri, Does.EndWith("docs/diagnostics.md#" + id.ToLowerInvariant()));
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
    [TestCase("y[0] = Math.Cbrt(x[0]);", 7, "The call to 'Math.Cbrt'", "fails on CUDA")]
    [TestCase("y[0] = Math.FusedMultiplyAdd(x[0], x[1], 1);", 7, "The call to 'Math.FusedMultiplyAdd'", "write a * b + c")]
    [TestCase("y[0] = Math.Log2(x[0]);", 7, "The call to 'Math.Log2'", "unresolved PTX extern")]
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
        var r = GeneratorHarness.RunGpu(GpuMethod("y[0] = Math.Cbrt(x[0]);"));
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
        Assert.That(r.Generated("C.F"), Does.Contain("readonly partial struct FKernel : global::Dual.Gpu.IKernelFunction"));
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
        }
        finally
        {
            FaultInjection.ThrowForMethod = null;
        }
    }
}
