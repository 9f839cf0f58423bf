namespace Dual.Generators
{
    /// <summary>Known floating functions of Math, MathF, double and float and their Dual&lt;T&gt; counterparts
    /// (the rows of <see cref="MathFunctions.All"/>, generated from tools/Rules/functions.json).</summary>
    internal static class MathTable
    {
        private static readonly Dictionary<string, string> s_map = Map();

        private static Dictionary<string, string> Map()
        {
            var map = new Dictionary<string, string>();
            foreach (MathFunction f in MathFunctions.All)
            {
                if (f.Dual is not null) map[f.Name] = f.Dual;
            }
            return map;
        }

        /// <summary>Whether <paramref name="method"/> is a static member of Math, MathF, double or float.</summary>
        public static bool IsMathType(IMethodSymbol method)
        {
            INamedTypeSymbol? t = method.ContainingType;
            if (t is null) return false;
            if (t.SpecialType == SpecialType.System_Double || t.SpecialType == SpecialType.System_Single) return method.IsStatic;
            return (t.Name == "Math" || t.Name == "MathF") && t.ContainingNamespace?.ToDisplayString() == "System";
        }

        /// <summary>The Dual&lt;T&gt; function for a known floating function, or <see langword="null"/>.</summary>
        public static string? DualName(IMethodSymbol method) =>
            IsMathType(method) && s_map.TryGetValue(method.Name, out string? name) ? name : null;
    }
}
