namespace Dual.Generators
{
    /// <summary>Why a destination may receive only the primal value of a dual number.</summary>
    internal enum PrimalSink
    {
        /// <summary>Text: string formatting, interpolation, concatenation, console/debug/trace/log output.</summary>
        Formatting,

        /// <summary>A comparison, pattern or switch: the branch taken follows the primal value.</summary>
        Comparison,

        /// <summary>A classification predicate (<c>IsNaN</c>, <c>IsFinite</c>, <c>IsInfinity</c>, <c>IsNegative</c>, …).</summary>
        Predicate,

        /// <summary>A step function to an integer: <c>Math.Sign</c>, <c>ILogB</c>, conversions to integer types.</summary>
        IntegerValued,

        /// <summary>The arguments of an exception or an argument guard: a side exit, not part of the result.</summary>
        SideExit,
    }

    /// <summary>
    /// The allow-list of destinations that receive only the primal value of a dual number, because the tangent
    /// provably cannot matter there: the result is text, a bool, an integer step function or an exception. This is
    /// the only place that decides it (docs/generator.md mirrors it, a test keeps the two in step); every other
    /// destination of a value that carries a derivative either carries the tangent or is a DUAL diagnostic.
    /// </summary>
    internal static class PrimalOnlySinks
    {
        /// <summary>One row of the allow-list: a type (metadata name), its members (<c>*</c>: all), and why.</summary>
        internal sealed record Entry(string Type, string[] Members, PrimalSink Sink, string Doc);

        // Declared before Methods, which reads it during static initialization.
        private static readonly string[] Predicates =
        {
            "IsNaN", "IsFinite", "IsInfinity", "IsPositiveInfinity", "IsNegativeInfinity", "IsNegative", "IsPositive", "IsNormal",
            "IsSubnormal", "IsInteger", "IsEvenInteger", "IsOddInteger", "IsZero", "IsRealNumber", "IsComplexNumber",
            "IsImaginaryNumber", "IsCanonical", "IsPow2",
        };

        /// <summary>Methods whose floating arguments (or floating receiver) receive the primal value.</summary>
        internal static readonly Entry[] Methods =
        {
            new("System.Double", new[] { "ToString", "TryFormat" }, PrimalSink.Formatting, "`x.ToString(…)`, `x.TryFormat(…)`"),
            new("System.Single", new[] { "ToString", "TryFormat" }, PrimalSink.Formatting, "`f.ToString(…)`, `f.TryFormat(…)`"),
            new("System.Console", new[] { "Write", "WriteLine" }, PrimalSink.Formatting, "`Console.Write`, `Console.WriteLine`"),
            new("System.Diagnostics.Debug", new[] { "*" }, PrimalSink.Formatting, "`Debug.*`"),
            new("System.Diagnostics.Trace", new[] { "*" }, PrimalSink.Formatting, "`Trace.*`"),
            new("System.IO.TextWriter", new[] { "Write", "WriteLine" }, PrimalSink.Formatting, "`TextWriter.Write`, `WriteLine`"),
            new("System.Text.StringBuilder", new[] { "Append", "AppendLine", "AppendFormat", "Insert" }, PrimalSink.Formatting, "`StringBuilder.Append`, `AppendLine`, `AppendFormat`, `Insert`"),
            new("System.String", new[] { "Format", "Concat", "Join" }, PrimalSink.Formatting, "`string.Format`, `string.Concat`, `string.Join`"),
            new("System.Convert", new[] { "ToString" }, PrimalSink.Formatting, "`Convert.ToString`"),
            new("System.FormattableString", new[] { "Invariant", "CurrentCulture" }, PrimalSink.Formatting, "`FormattableString.Invariant`"),
            new("Microsoft.Extensions.Logging.LoggerExtensions", new[] { "*" }, PrimalSink.Formatting, "`ILogger` extensions (`LogInformation`, …)"),
            new("System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", new[] { "AppendFormatted" }, PrimalSink.Formatting, "the framework's interpolated-string handlers (`AppendFormatted` of `System.*` handler types)"),
            new("System.Double", new[] { "CompareTo", "Equals" }, PrimalSink.Comparison, "`x.CompareTo(y)`, `x.Equals(y)`"),
            new("System.Single", new[] { "CompareTo", "Equals" }, PrimalSink.Comparison, "`f.CompareTo(g)`, `f.Equals(g)`"),
            new("System.Double", Predicates, PrimalSink.Predicate, "`double.IsNaN`, `IsFinite`, `IsInfinity`, `IsNegative`, … (every `Is*` test)"),
            new("System.Single", Predicates, PrimalSink.Predicate, "`float.IsNaN`, `IsFinite`, … (every `Is*` test)"),
            new("System.Double", new[] { "Sign", "ILogB", "ConvertToInteger", "ConvertToIntegerNative" }, PrimalSink.IntegerValued, "`double.Sign`, `double.ILogB`, `double.ConvertToInteger<TInteger>`"),
            new("System.Single", new[] { "Sign", "ILogB", "ConvertToInteger", "ConvertToIntegerNative" }, PrimalSink.IntegerValued, "`float.Sign`, `float.ILogB`, `float.ConvertToInteger<TInteger>`"),
            new("System.Math", new[] { "Sign", "ILogB" }, PrimalSink.IntegerValued, "`Math.Sign`, `Math.ILogB`"),
            new("System.MathF", new[] { "Sign", "ILogB" }, PrimalSink.IntegerValued, "`MathF.Sign`, `MathF.ILogB`"),
            new("System.Convert", new[] { "ToInt16", "ToInt32", "ToInt64", "ToUInt16", "ToUInt32", "ToUInt64", "ToByte", "ToSByte", "ToBoolean" }, PrimalSink.IntegerValued, "`Convert.ToInt32` and the other integer/bool conversions"),
            new("System.ArgumentOutOfRangeException", new[] { "ThrowIfNegative", "ThrowIfNegativeOrZero", "ThrowIfZero", "ThrowIfGreaterThan", "ThrowIfGreaterThanOrEqual", "ThrowIfLessThan", "ThrowIfLessThanOrEqual", "ThrowIfEqual", "ThrowIfNotEqual" }, PrimalSink.SideExit, "`ArgumentOutOfRangeException.ThrowIf*` guards"),
        };

        /// <summary>Operations (not methods) whose floating operand receives the primal value.</summary>
        internal static readonly (string Construct, PrimalSink Sink)[] Operations =
        {
            ("comparisons `<` `<=` `>` `>=` `==` `!=`", PrimalSink.Comparison),
            ("`is` patterns, `switch` statements and expressions (element-wise for tuple literals)", PrimalSink.Comparison),
            ("string interpolation `$\"{x}\"` and concatenation `\"x = \" + x`", PrimalSink.Formatting),
            ("casts and conversions to integer types (`int`, `long`, `char`, enums, `Int128`, `BigInteger`, …)", PrimalSink.IntegerValued),
            ("arguments of an exception's constructor (`new ArgumentOutOfRangeException(nameof(x), x, …)`)", PrimalSink.SideExit),
        };

        private static readonly Dictionary<(string Type, string Member), PrimalSink> s_byMember = Build();

        private static Dictionary<(string, string), PrimalSink> Build()
        {
            var d = new Dictionary<(string, string), PrimalSink>();
            foreach (Entry e in Methods)
            {
                foreach (string m in e.Members) d[(e.Type, m)] = e.Sink;
            }
            return d;
        }

        /// <summary>The sink of a call to <paramref name="method"/>, or <see langword="null"/> when it is not allow-listed.</summary>
        public static PrimalSink? Of(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.Constructor && IsException(method.ContainingType)) return PrimalSink.SideExit;
            string type = MetadataName(method.ContainingType);
            if (s_byMember.TryGetValue((type, method.Name), out PrimalSink s)) return s;
            if (s_byMember.TryGetValue((type, "*"), out s)) return s;
            // The framework's interpolated-string handlers format their holes (a user-defined handler may keep the value).
            if (method.Name == "AppendFormatted" && method.ContainingType?.Name.EndsWith("InterpolatedStringHandler", System.StringComparison.Ordinal) == true
                && (type.StartsWith("System.", System.StringComparison.Ordinal) || type.StartsWith("Microsoft.", System.StringComparison.Ordinal)))
            {
                return PrimalSink.Formatting;
            }
            return null;
        }

        /// <summary>Whether a conversion to <paramref name="t"/> yields an integer (a step function of the value).</summary>
        public static bool IsIntegerValued(ITypeSymbol? t)
        {
            if (t is null) return false;
            if (t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n) t = n.TypeArguments[0];
            if (TypeMap.IsIntegral(t) || t.TypeKind == TypeKind.Enum) return true;
            string name = MetadataName(t);
            return name is "System.Int128" or "System.UInt128" or "System.Numerics.BigInteger";
        }

        public static bool IsException(ITypeSymbol? type)
        {
            for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                if (MetadataName(t) == "System.Exception") return true;
            }
            return false;
        }

        public static string MetadataName(ITypeSymbol? t)
        {
            if (t is null) return "";
            string ns = t.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
            var names = new List<string>();
            for (ITypeSymbol? c = t; c is not null; c = c.ContainingType) names.Add(c.MetadataName);
            names.Reverse();
            return ns + string.Join("+", names);
        }

        /// <summary>The allow-list as Markdown rows (docs/generator.md carries the same rows; a test compares them).</summary>
        public static IEnumerable<string> DocRows() =>
            Methods.Select(e => "| " + e.Doc + " | " + e.Sink + " |")
                .Concat(Operations.Select(o => "| " + o.Construct + " | " + o.Sink + " |"));
    }
}
