using System.Threading.Tasks;
using NUnit.Framework;

namespace Dual.CodeFixes.Tests;

/// <summary>
/// Before/after sources for each shape the DUAL001 fix supports. Every test also runs the generator on the fixed
/// sources: the fixed state's expected diagnostics are exactly the stub's deliberate placeholders (#error and the
/// unbound names), so DUAL001 is gone and the generator raises nothing about the rule (no DUAL007/DUAL008/DUAL010).
/// </summary>
public class RuleStubFixTests
{
    [Test]
    public Task Extern_callee_in_the_same_type_gets_a_one_parameter_rule() => new StubTest("""
        using System.Runtime.InteropServices;
        using Dual;

        public static partial class Model
        {
            [DllImport("libm", EntryPoint = "erf")]
            private static extern double Erf(double x);

            [Differentiable]
            public static double F(double x) => 1 + {|DUAL001:Erf(2 * x)|};
        }
        """, """
        using System.Runtime.InteropServices;
        using Dual;

        public static partial class Model
        {
            [DllImport("libm", EntryPoint = "erf")]
            private static extern double Erf(double x);

            [Differentiable]
            public static double F(double x) => 1 + Erf(2 * x);

            // Derivative rule for [Differentiable] code: returns the derivative of Model.Erf(double).
            [DerivativeOf(nameof(Erf))]
            private static double ErfDerivative(double x)
            {
                #error {|CS1029:Write dErf/dx at x in place of dErf_dx, then delete this line.|}
                return {|CS0103:dErf_dx|};
            }
        }
        """).RunAsync();

    [Test]
    public Task Callee_in_another_type_gets_typeof_form_and_using_Dual_is_added() => new StubTest("""
        using System;
        using System.Runtime.InteropServices;

        namespace Physics;

        internal static class Native
        {
            [DllImport("physics")]
            public static extern double Drag(double speed, double density);
        }

        public static partial class Flight
        {
            [Dual.Differentiable]
            public static double Force(double v, double rho) => 0.5 * {|DUAL001:Native.Drag(v, rho)|} * Math.Abs(v);

            public static double Unrelated() => 1;
        }
        """, """
        using System;
        using System.Runtime.InteropServices;
        using Dual;

        namespace Physics;

        internal static class Native
        {
            [DllImport("physics")]
            public static extern double Drag(double speed, double density);
        }

        public static partial class Flight
        {
            [Dual.Differentiable]
            public static double Force(double v, double rho) => 0.5 * Native.Drag(v, rho) * Math.Abs(v);

            // Derivative rule for [Differentiable] code: returns the partial derivatives of Native.Drag(double, double) in parameter order.
            [DerivativeOf(typeof(Native), nameof(Native.Drag))]
            private static (double, double) DragDerivative(double speed, double density)
            {
                #error {|CS1029:Write ∂Drag/∂speed, ∂Drag/∂density at (speed, density) in place of dDrag_dspeed, dDrag_ddensity, then delete this line.|}
                return ({|CS0103:dDrag_dspeed|}, {|CS0103:dDrag_ddensity|});
            }

            public static double Unrelated() => 1;
        }
        """).RunAsync();

    [Test]
    public Task Callee_in_another_assembly() =>
        new StubTest(Sources.HillModelBefore, Sources.HillModelAfter).WithLibrary("Vendor", Sources.Vendor).RunAsync();

    [Test]
    public Task Float_callee_with_three_parameters_from_an_instance_method() => new StubTest("""
        using Dual;
        using Vendor.Pricing;

        public partial class Shader
        {
            [Differentiable]
            public float Shade(float x, float y) => {|DUAL001:Curves.Blend(x, y, 0.5f * x)|};
        }
        """, """
        using Dual;
        using Vendor.Pricing;

        public partial class Shader
        {
            [Differentiable]
            public float Shade(float x, float y) => Curves.Blend(x, y, 0.5f * x);

            // Derivative rule for [Differentiable] code: returns the partial derivatives of Curves.Blend(float, float, float) in parameter order.
            [DerivativeOf(typeof(Curves), nameof(Curves.Blend))]
            private static (float, float, float) BlendDerivative(float a, float b, float t)
            {
                #error {|CS1029:Write ∂Blend/∂a, ∂Blend/∂b, ∂Blend/∂t at (a, b, t) in place of dBlend_da, dBlend_db, dBlend_dt, then delete this line.|}
                return ({|CS0103:dBlend_da|}, {|CS0103:dBlend_db|}, {|CS0103:dBlend_dt|});
            }
        }
        """).WithLibrary("Vendor", Sources.Vendor).RunAsync();

    [Test]
    public Task Overloads_get_one_rule_each_and_repeated_calls_share_one()
    {
        var test = new StubTest("""
            using Dual;
            using Vendor.Pricing;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, double y) => {|DUAL001:Curves.Foo(x)|} + {|DUAL001:Curves.Foo(x, y)|} + {|DUAL001:Curves.Foo(y)|};
            }
            """, """
            using Dual;
            using Vendor.Pricing;

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, double y) => Curves.Foo(x) + Curves.Foo(x, y) + Curves.Foo(y);

                // Derivative rule for [Differentiable] code: returns the derivative of Curves.Foo(double).
                [DerivativeOf(typeof(Curves), nameof(Curves.Foo))]
                private static double FooDerivative(double x)
                {
                    #error {|CS1029:Write dFoo/dx at x in place of dFoo_dx, then delete this line.|}
                    return {|CS0103:dFoo_dx|};
                }

                // Derivative rule for [Differentiable] code: returns the partial derivatives of Curves.Foo(double, double) in parameter order.
                [DerivativeOf(typeof(Curves), nameof(Curves.Foo))]
                private static (double, double) CurvesFooDerivative(double x, double y)
                {
                    #error {|CS1029:Write ∂Foo/∂x, ∂Foo/∂y at (x, y) in place of dFoo_dx, dFoo_dy, then delete this line.|}
                    return ({|CS0103:dFoo_dx|}, {|CS0103:dFoo_dy|});
                }
            }
            """).WithLibrary("Vendor", Sources.Vendor);
        // One at a time: the first fix also clears the second Foo(double) call; the overload's stub follows the first,
        // under a name of its own (the generator keys rules by name: overloaded rule names would collide in the twin).
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Test]
    public Task Name_of_a_generated_entry_point_is_avoided() => new StubTest("""
        using Dual;
        using Vendor.Pricing;

        public static partial class Model
        {
            [Differentiable]
            public static double Foo(double x) => {|DUAL001:Curves.Foo(x)|} * x;
        }
        """, """
        using Dual;
        using Vendor.Pricing;

        public static partial class Model
        {
            [Differentiable]
            public static double Foo(double x) => Curves.Foo(x) * x;

            // Derivative rule for [Differentiable] code: returns the derivative of Curves.Foo(double).
            [DerivativeOf(typeof(Curves), nameof(Curves.Foo))]
            private static double CurvesFooDerivative(double x)
            {
                #error {|CS1029:Write dFoo/dx at x in place of dFoo_dx, then delete this line.|}
                return {|CS0103:dFoo_dx|};
            }
        }
        """).WithLibrary("Vendor", Sources.Vendor).RunAsync();

    [Test]
    public Task Nested_type_in_a_block_namespace_without_usings() => new StubTest("""
        namespace App
        {
            public static partial class Outer
            {
                public static partial class Inner
                {
                    [Dual.Differentiable]
                    public static double F(double x) => {|DUAL001:Vendor.Pricing.Curves.Hill(x, 2.0)|};
                }
            }
        }
        """, """
        using Dual;

        namespace App
        {
            public static partial class Outer
            {
                public static partial class Inner
                {
                    [Dual.Differentiable]
                    public static double F(double x) => Vendor.Pricing.Curves.Hill(x, 2.0);

                    // Derivative rule for [Differentiable] code: returns the partial derivatives of Curves.Hill(double, double) in parameter order.
                    [DerivativeOf(typeof(Vendor.Pricing.Curves), nameof(Vendor.Pricing.Curves.Hill))]
                    private static (double, double) HillDerivative(double x, double k)
                    {
                        #error {|CS1029:Write ∂Hill/∂x, ∂Hill/∂k at (x, k) in place of dHill_dx, dHill_dk, then delete this line.|}
                        return ({|CS0103:dHill_dx|}, {|CS0103:dHill_dk|});
                    }
                }
            }
        }
        """).WithLibrary("Vendor", Sources.Vendor).RunAsync();

    [Test]
    public Task Not_offered_where_no_rule_can_express_the_derivative()
    {
        // Instance method, a parameter of another precision, an out parameter: the generator looks rules up only for
        // static methods whose parameters are all by-value of the return type, so a stub would not help; DUAL001 stays.
        const string source = """
            using Dual;
            using Vendor.Pricing;

            public partial class Model
            {
                private readonly Scaler _scaler = new();

                [Differentiable]
                public double F(double x) => {|DUAL001:_scaler.Scale(x)|} + {|DUAL001:Curves.Mixed(x, 1f)|};

                [Differentiable]
                public static double G(double x) => {|DUAL001:Curves.Solve(x, out double y)|} + y;
            }
            """;
        return new StubTest(source, source).WithLibrary("Vendor", Sources.Vendor).RunAsync();
    }

    [Test]
    public Task Partial_declarations_in_two_files_share_one_rule()
    {
        // Both files call Curves.Hill from the same type: one stub, in the first file, serves both calls (the generator
        // looks rules up in the type, whatever file declares them); fix-all over the project must not write a second.
        const string first = """
            using Dual;
            using Vendor.Pricing;

            public static partial class Model
            {
                [Differentiable]
                public static double A(double x) => {|DUAL001:Curves.Hill(x, 1.0)|};
            }
            """;
        const string second = """
            using Dual;
            using Vendor.Pricing;

            public static partial class Model
            {
                [Differentiable]
                public static double B(double x) => {|DUAL001:Curves.Hill(2.0, x)|};
            }
            """;
        const string firstFixed = """
            using Dual;
            using Vendor.Pricing;

            public static partial class Model
            {
                [Differentiable]
                public static double A(double x) => Curves.Hill(x, 1.0);

                // Derivative rule for [Differentiable] code: returns the partial derivatives of Curves.Hill(double, double) in parameter order.
                [DerivativeOf(typeof(Curves), nameof(Curves.Hill))]
                private static (double, double) HillDerivative(double x, double k)
                {
                    #error {|CS1029:Write ∂Hill/∂x, ∂Hill/∂k at (x, k) in place of dHill_dx, dHill_dk, then delete this line.|}
                    return ({|CS0103:dHill_dx|}, {|CS0103:dHill_dk|});
                }
            }
            """;
        var test = new StubTest().WithLibrary("Vendor", Sources.Vendor);
        test.TestState.Sources.Add(("/0/A.cs", first));
        test.TestState.Sources.Add(("/0/B.cs", second));
        test.FixedState.Sources.Add(("/0/A.cs", firstFixed));
        test.FixedState.Sources.Add(("/0/B.cs", second.Replace("{|DUAL001:", "").Replace("|}", "")));
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Test]
    public Task Tabs_and_CRLF_are_kept()
    {
        static string Windows(string source) => source.Replace("    ", "\t").Replace("\n", "\r\n");
        string before = Windows(Sources.HillModelBefore);
        string after = Windows(Sources.HillModelAfter);
        Assert.That(after, Does.Contain("\r\n\t\t#error").And.Not.Contain("    "));
        return new StubTest(before, after).WithLibrary("Vendor", Sources.Vendor).RunAsync();
    }
}
