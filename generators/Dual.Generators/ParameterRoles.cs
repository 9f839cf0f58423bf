namespace Dual.Generators
{
    /// <summary>
    /// Which parameters of a <c>[Differentiable]</c> method are differentiated: every floating one (or array, span,
    /// tuple of them) except those marked <c>[Constant]</c>, which are data the twin keeps as written. The method's own
    /// generation, its callers' flow analysis and the entry points all ask here.
    /// </summary>
    internal static class ParameterRoles
    {
        /// <summary>Whether <paramref name="p"/>, a parameter of a method (not of a local function or lambda), is marked <c>[Constant]</c>.</summary>
        public static bool IsConstant(IParameterSymbol p) =>
            p.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.LocalFunction and not MethodKind.AnonymousFunction }
            && TypeMap.HasAttribute(p.OriginalDefinition, KnownNames.ConstantAttribute);

        /// <summary>The twin's type for <paramref name="p"/>, or <see langword="null"/> when the twin keeps it as written
        /// (not floating, or <c>[Constant]</c>).</summary>
        public static string? TwinType(IParameterSymbol p, out bool unsupported)
        {
            if (IsConstant(p))
            {
                unsupported = false;
                return null;
            }
            return TypeMap.Map(p.Type, out unsupported);
        }

        /// <summary><see cref="TwinType(IParameterSymbol, out bool)"/> without the support flag.</summary>
        public static string? TwinType(IParameterSymbol p) => TwinType(p, out _);
    }
}
