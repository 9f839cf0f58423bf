namespace Dual.CodeFixes.Tests;

/// <summary>Sources shared by the fix tests and the end-to-end test that fills a stub in and runs it.</summary>
internal static class Sources
{
    /// <summary>A vendor library compiled as its own assembly: its bodies are opaque to the generator.</summary>
    public const string Vendor = """
        namespace Vendor.Pricing;

        public static class Curves
        {
            /// <summary>Hill function x² / (k² + x²).</summary>
            public static double Hill(double x, double k) => x * x / (k * k + x * x);

            public static double Foo(double x) => 3 * x;

            public static double Foo(double x, double y) => x * y;

            public static float Blend(float a, float b, float t) => a + (b - a) * t * t;

            public static double Mixed(double a, float b) => a * b;

            public static double Solve(double a, out double b) { b = a; return a; }
        }

        public sealed class Scaler
        {
            public double Scale(double x) => 2 * x;
        }
        """;

    /// <summary>A model that calls the opaque Curves.Hill.</summary>
    public const string HillModelBefore = """
        using Dual;
        using Vendor.Pricing;

        public static partial class Model
        {
            [Differentiable]
            public static double Response(double x, double k) => {|DUAL001:Curves.Hill(x, k)|} * x;
        }
        """;

    public const string HillModelAfter = """
        using Dual;
        using Vendor.Pricing;

        public static partial class Model
        {
            [Differentiable]
            public static double Response(double x, double k) => Curves.Hill(x, k) * x;

            // Derivative rule for [Differentiable] code: returns the partial derivatives of Curves.Hill(double, double) in parameter order.
            [DerivativeOf(typeof(Curves), nameof(Curves.Hill))]
            private static (double, double) HillDerivative(double x, double k)
            {
                #error {|CS1029:Write ∂Hill/∂x, ∂Hill/∂k at (x, k) in place of dHill_dx, dHill_dk, then delete this line.|}
                return ({|CS0103:dHill_dx|}, {|CS0103:dHill_dk|});
            }
        }
        """;
}
