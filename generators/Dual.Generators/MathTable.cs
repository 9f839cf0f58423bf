using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Dual.Generators
{
    /// <summary>Known floating functions of Math, MathF, double and float and their Dual&lt;T&gt; counterparts.</summary>
    internal static class MathTable
    {
        private static readonly Dictionary<string, string> s_map = Build();

        private static Dictionary<string, string> Build()
        {
            var d = new Dictionary<string, string>();
            foreach (string name in new[]
            {
                "Sqrt", "Cbrt", "RootN", "Hypot", "Pow", "Exp", "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1",
                "Log", "Log2", "Log10", "LogP1", "Log2P1", "Log10P1",
                "Sin", "Cos", "Tan", "SinCos", "SinCosPi", "SinPi", "CosPi", "TanPi", "Asin", "Acos", "Atan", "AsinPi", "AcosPi", "AtanPi",
                "Atan2", "Atan2Pi", "Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh",
                "Abs", "Max", "Min", "MaxNumber", "MinNumber", "MaxMagnitude", "MinMagnitude", "MaxMagnitudeNumber", "MinMagnitudeNumber",
                "Clamp", "CopySign", "FusedMultiplyAdd", "MultiplyAddEstimate", "ScaleB", "Ieee754Remainder", "BitIncrement", "BitDecrement",
                "Lerp", "ReciprocalEstimate", "ReciprocalSqrtEstimate", "Floor", "Ceiling", "Truncate", "Round",
                "DegreesToRadians", "RadiansToDegrees",
            })
            {
                d[name] = name;
            }
            d["IEEERemainder"] = "Ieee754Remainder";
            d.Remove("DegreesToRadians");
            d.Remove("RadiansToDegrees");
            return d;
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
