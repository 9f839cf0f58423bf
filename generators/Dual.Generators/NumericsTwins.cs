namespace Dual.Generators
{
    /// <summary>
    /// <c>System.Numerics.Vector2/3/4</c> and <c>Quaternion</c> (float) in twins: the runtime's dual twins
    /// <c>Dual.Numerics.DualVector3&lt;Dual&lt;float&gt;&gt;</c> (… <c>Dual&lt;float, TTangents&gt;</c> in multi-tangent
    /// twins), which compute the listed members by the same formulas on dual components. A member outside the list
    /// applied to a dual vector is a diagnostic naming it.
    /// </summary>
    internal static class NumericsTwins
    {
        private const string Ns = "System.Numerics.";

        /// <summary>The twin type of each mapped type (metadata name → runtime generic type).</summary>
        private static readonly Dictionary<string, string> s_twins = new()
        {
            [Ns + "Vector2"] = "global::Dual.Numerics.DualVector2",
            [Ns + "Vector3"] = "global::Dual.Numerics.DualVector3",
            [Ns + "Vector4"] = "global::Dual.Numerics.DualVector4",
            [Ns + "Quaternion"] = "global::Dual.Numerics.DualQuaternion",
        };

        private static readonly string[] s_vectorMembers =
        {
            ".ctor", "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_UnaryNegation",
            "Dot", "Length", "LengthSquared", "Normalize", "Distance", "DistanceSquared", "Lerp",
        };

        /// <summary>The members that have dual twins, per type; every parameter must be float or a mapped type.</summary>
        private static readonly Dictionary<string, HashSet<string>> s_members = new()
        {
            [Ns + "Vector2"] = new HashSet<string>(s_vectorMembers),
            [Ns + "Vector3"] = new HashSet<string>(s_vectorMembers.Concat(new[] { "Cross", "Transform" })),
            [Ns + "Vector4"] = new HashSet<string>(s_vectorMembers),
            [Ns + "Quaternion"] = new HashSet<string>(new[]
            {
                ".ctor", "op_Addition", "op_Subtraction", "op_Multiply", "op_UnaryNegation",
                "CreateFromAxisAngle", "Conjugate", "Dot", "Length", "LengthSquared", "Normalize",
            }),
        };

        /// <summary>Whether <paramref name="t"/> is <c>Vector2</c>, <c>Vector3</c>, <c>Vector4</c> or <c>Quaternion</c>.</summary>
        public static bool IsNumerics(ITypeSymbol? t) => t is INamedTypeSymbol { Arity: 0 } n && s_twins.ContainsKey(PrimalOnlySinks.MetadataName(n));

        /// <summary>The twin's type for a mapped type (single-tangent form; the multi-tangent one follows by text).</summary>
        public static string Map(ITypeSymbol t) => s_twins[PrimalOnlySinks.MetadataName(t)] + "<" + KnownNames.Dual("float") + ">";

        /// <summary>Whether <paramref name="m"/>, a member of a mapped type, has a dual twin with the same meaning.</summary>
        public static bool Supported(IMethodSymbol m)
        {
            string type = PrimalOnlySinks.MetadataName(m.ContainingType);
            if (!s_members.TryGetValue(type, out HashSet<string>? names) || !names.Contains(m.Name)) return false;
            // Overloads over other types (Vector3.Transform(v, Matrix4x4), new Vector4(Vector3, float)) have no twin.
            if (m.MethodKind == MethodKind.Constructor && !(m.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Single)
                || (type == Ns + "Quaternion" && m.Parameters.Length == 2 && PrimalOnlySinks.MetadataName(m.Parameters[0].Type) == Ns + "Vector3"))) return false;
            if (m.Name == "Transform" && (m.Parameters.Length != 2 || PrimalOnlySinks.MetadataName(m.Parameters[1].Type) != Ns + "Quaternion")) return false;
            if (m.Name == "Lerp" && m.Parameters[2].Type.SpecialType != SpecialType.System_Single) return false;
            if (m.Name == "op_Multiply" && type == Ns + "Quaternion" && m.Parameters[1].Type.SpecialType != SpecialType.System_Single && !IsNumerics(m.Parameters[1].Type)) return false;
            return m.Parameters.All(p => p.RefKind == RefKind.None && (p.Type.SpecialType == SpecialType.System_Single || IsNumerics(p.Type)));
        }

        /// <summary>The supported members of <paramref name="t"/>, for a message.</summary>
        public static string SupportedList(ITypeSymbol t) =>
            string.Join(", ", s_members[PrimalOnlySinks.MetadataName(t)].Where(n => n != ".ctor").Select(n => n.StartsWith("op_", System.StringComparison.Ordinal) ? Operator(n) : n))
            + ", the constructors from float components and the fields X, Y, Z, W";

        private static string Operator(string name) => name switch
        {
            "op_Addition" => "+",
            "op_Subtraction" => "-",
            "op_Multiply" => "*",
            "op_Division" => "/",
            _ => "unary -",
        };
    }
}
