namespace Dual.Generators
{
    /// <summary>
    /// The names of the runtime's attributes and of the types generated code refers to, written once.
    /// Metadata names (<c>Dual.DifferentiableAttribute</c>) identify symbols; <c>global::</c> texts are emitted.
    /// </summary>
    internal static class KnownNames
    {
        public const string DifferentiableAttribute = "Dual.DifferentiableAttribute";
        public const string DerivativeOfAttribute = "Dual.DerivativeOfAttribute";
        public const string ConstantAttribute = "Dual.ConstantAttribute";
        public const string KernelFunction = "Dual.Gpu.IKernelFunction";
        public const string KernelPointFunction = "Dual.Gpu.IKernelPointFunction";

        /// <summary>Emitted <c>Dual&lt;double&gt;</c>.</summary>
        public const string DualDouble = "global::Dual.Dual<double>";

        /// <summary>Emitted <c>Dual&lt;float&gt;</c>.</summary>
        public const string DualSingle = "global::Dual.Dual<float>";

        /// <summary>The type parameter of multi-tangent twins.</summary>
        public const string Tangents = "TTangents";

        /// <summary><c>global::Dual.Dual&lt;p&gt;</c> for the keyword <paramref name="p"/> (<c>double</c> or <c>float</c>).</summary>
        public static string Dual(string p) => "global::Dual.Dual<" + p + ">";

        /// <summary>The multi-tangent dual type over the twin's <c>TTangents</c>.</summary>
        public static string MultiDual(string p) => "global::Dual.Dual<" + p + ", " + Tangents + ">";

        /// <summary>The constraint of a multi-tangent twin's <c>TTangents</c>.</summary>
        public static string TangentsConstraint(string precision) =>
            "where " + Tangents + " : unmanaged, global::Dual.ITangents<" + Tangents + ", " + precision + ">";

        /// <summary>The runtime's view of a single pass's inputs, seeded as they are read (<see cref="SeededInputUse"/>).</summary>
        public static string SeededInputs(string p) => "global::Dual.CompilerServices.SeededInputs<" + p + ", " + Tangents + ">";

        public const string GeneratedDerivatives = "global::Dual.CompilerServices.GeneratedDerivatives";
        public const string NullablePrimal = "global::Dual.CompilerServices.NullablePrimal.Of";
        public const string ScalarTwin = "global::Dual.CompilerServices.IScalarTwin";
        public const string VectorTwin = "global::Dual.CompilerServices.IVectorTwin";
        public const string SelfContainedTwin = "global::Dual.CompilerServices.ISelfContainedTwin";

        /// <summary>On a method's multi-tangent twin: it is compiled as a root of its own (see TwinEmitter.Twins).</summary>
        public const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";
        public const string VectorTwinFunction = "global::Dual.CompilerServices.VectorTwinFunction";
        public const string TwinArrays = "global::Dual.CompilerServices.TwinArrays";
        public const string CarriedSpan = "global::Dual.CompilerServices.CarriedSpan";
        public const string PatternBuilder = "global::Dual.CompilerServices.SparsityPatternBuilder";
        public const string SparsityPattern = "global::Dual.SparsityPattern";
        public const string PreparedSparseJacobian = "global::Dual.PreparedSparseJacobian";
        public const string SparseJacobian = "global::Dual.SparseJacobian";
        public const string EditorBrowsableNever = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

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
