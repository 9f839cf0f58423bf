using Microsoft.CodeAnalysis;

namespace Dual.Generators
{
    /// <summary>
    /// The names of the runtime's attributes and types that the generator looks for or emits, written once.
    /// Metadata names (<c>Dual.DifferentiableAttribute</c>) identify symbols; <c>global::</c> texts are emitted.
    /// </summary>
    internal static class KnownNames
    {
        /// <summary>Metadata name of <c>[Differentiable]</c>.</summary>
        public const string DifferentiableAttribute = "Dual.DifferentiableAttribute";

        /// <summary>Metadata name of <c>[DerivativeOf]</c>.</summary>
        public const string DerivativeOfAttribute = "Dual.DerivativeOfAttribute";

        /// <summary>Metadata name of the GPU engine's kernel interface (present when Dual.Gpu is referenced).</summary>
        public const string KernelFunction = "Dual.Gpu.IKernelFunction";

        /// <summary>Emitted <c>Dual&lt;double&gt;</c>.</summary>
        public const string DualDouble = "global::Dual.Dual<double>";

        /// <summary>Emitted <c>Dual&lt;float&gt;</c>.</summary>
        public const string DualSingle = "global::Dual.Dual<float>";

        /// <summary>The type parameter of multi-tangent twins.</summary>
        public const string Tangents = "TTangents";

        /// <summary>Emitted <c>Dual&lt;p&gt;</c> for the keyword <paramref name="precision"/> (<c>double</c>/<c>float</c>).</summary>
        public static string Dual(string precision) => "global::Dual.Dual<" + precision + ">";

        /// <summary>Emitted multi-tangent dual number <c>Dual&lt;p, TTangents&gt;</c>.</summary>
        public static string MultiDual(string precision) => "global::Dual.Dual<" + precision + ", " + Tangents + ">";

        /// <summary>The constraint of a multi-tangent twin's <c>TTangents</c>.</summary>
        public static string TangentsConstraint(string precision) =>
            "where " + Tangents + " : unmanaged, global::Dual.ITangents<" + Tangents + ", " + precision + ">";

        /// <summary>Whether <paramref name="symbol"/> carries the attribute with metadata name <paramref name="fullName"/>.</summary>
        public static bool Has(ISymbol symbol, string fullName)
        {
            foreach (AttributeData a in symbol.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() == fullName) return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="method"/> is marked <c>[Differentiable]</c>.</summary>
        public static bool IsDifferentiable(IMethodSymbol method) => Has(method.OriginalDefinition, DifferentiableAttribute);
    }
}
