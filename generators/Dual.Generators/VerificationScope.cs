namespace Dual.Generators
{
    /// <summary>
    /// Which part of a method's generated file the DUAL014 safety net (<see cref="TwinVerifier"/>) compiles.
    /// The twins (rewritten bodies) and GPU kernels are always compiled: they are where an unforeseen construct can
    /// produce code that does not compile. The entry points are a fixed template filled in from the signature alone;
    /// for the plain signatures below, which every build of the test suite compiles in many combinations (snapshots,
    /// compile-and-run tests, the realistic corpus, the generator-cost project), their compilation is settled by those
    /// tests, by the name-clash check (DUAL010) and by the fresh names the template gives its own parameters, so the
    /// verifier skips them. Any other signature (data parameters, defaults, params, ref kinds, instance or generic
    /// owners, overloads, names the template uses) is verified whole, as before. The entry points are about two thirds
    /// of a file's text (299 KB of 822 KB remain to bind for the generator-cost project).
    /// </summary>
    internal static class VerificationScope
    {
        /// <summary>
        /// Whether the entry points of <paramref name="method"/> (declared as <paramref name="d"/>) are a plain template
        /// instance that the verifier need not compile: a static method of a non-generic type, the only member of its
        /// name, returning void or a floating scalar, whose parameters are all differentiated floating scalars, arrays or
        /// spans passed by value, without defaults, params, modifiers or names like the template's own ('__x', 'Evaluate').
        /// </summary>
        public static bool EntryPointsAreTemplateOnly(MethodDeclaration d, IMethodSymbol method)
        {
            if (!method.IsStatic || method.IsGenericMethod || d.GpuOption) return false;
            if (method.ContainingType is not { } owner || owner.IsGenericType || owner.TypeKind is TypeKind.Interface) return false;
            for (INamedTypeSymbol? t = owner; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType) return false;
            }
            if (owner.GetMembers(method.Name).Length != 1) return false;
            if (!d.ReturnsVoid && d.ReturnPrecision is null) return false;
            if (d.Parameters.Count == 0) return false;
            return d.Parameters.All(p =>
                p.IsInput && !p.IsConstant && !p.IsParams && !p.IsOptional && p.RefKind == RefKind.None && p.Precision is not null
                && p.Shape is ParameterShape.Scalar or ParameterShape.Array or ParameterShape.ReadOnlySpan or ParameterShape.Span
                && p.Modifiers.Length == 0 && !p.Name.StartsWith("@", System.StringComparison.Ordinal)
                && !p.Bare.StartsWith("_", System.StringComparison.Ordinal) && p.Bare is not ("Evaluate" or "HasMultiTangentTwin" or "EvaluateSeeded" or "HasSeededTwin"));
        }
    }
}
