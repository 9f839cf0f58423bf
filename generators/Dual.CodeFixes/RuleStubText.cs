using System.Text;

namespace Dual.CodeFixes
{
    /// <summary>
    /// The text of one rule stub. The stub follows the generator's convention exactly (so DUAL001 goes away and the
    /// generator accepts the rule), but it cannot compile until the user writes the derivative: an <c>#error</c> line
    /// says what to write, and the returned placeholders (<c>dFoo_da</c>, ...) are names that do not exist. Deleting the
    /// <c>#error</c> alone still leaves errors, so no unfinished stub can ever run and return a wrong number.
    /// </summary>
    internal static class RuleStubText
    {
        private static readonly SymbolDisplayFormat s_targetFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        /// <summary>How the target reads in titles and messages: <c>Lib.Foo(double, double)</c>.</summary>
        public static string Display(IMethodSymbol target) => target.ToDisplayString(s_targetFormat);

        /// <summary>The parameter names of the rule: the target's, or x1, x2, ... where metadata has none.</summary>
        public static string[] ParameterNames(IMethodSymbol target) =>
            target.Parameters.Select((p, i) => string.IsNullOrEmpty(p.Name) ? "x" + (i + 1) : p.Name).ToArray();

        /// <summary>
        /// The stub's lines, without their final line break. <paramref name="attribute"/> is the attribute as written
        /// (<c>DerivativeOf(typeof(Lib), nameof(Lib.Foo))</c>); <paramref name="placeholders"/> are the names the user
        /// replaces, one per parameter.
        /// </summary>
        public static string Write(IMethodSymbol target, string attribute, string name, IReadOnlyList<string> placeholders,
            string indent, string unit, string eol)
        {
            string kw = RuleConvention.Keyword(target);
            string[] names = ParameterNames(target);
            int n = names.Length;
            string at = n == 1 ? names[0] : "(" + string.Join(", ", names) + ")";
            string returnType = n == 1 ? kw : "(" + string.Join(", ", Enumerable.Repeat(kw, n)) + ")";
            string parameters = string.Join(", ", names.Select(p => kw + " " + Escape(p)));
            string returned = n == 1 ? placeholders[0] : "(" + string.Join(", ", placeholders) + ")";
            string what = n == 1 ? "the derivative" : "the partial derivatives";
            string shape = n == 1
                ? "d" + target.Name + "/d" + names[0]
                : string.Join(", ", names.Select(p => "∂" + target.Name + "/∂" + p));

            var sb = new StringBuilder();
            sb.Append(indent).Append("// Derivative rule for [Differentiable] code: returns ").Append(what).Append(" of ")
              .Append(Display(target)).Append(n == 1 ? "" : " in parameter order").Append('.').Append(eol);
            sb.Append(indent).Append('[').Append(attribute).Append(']').Append(eol);
            sb.Append(indent).Append("private static ").Append(returnType).Append(' ').Append(name).Append('(').Append(parameters).Append(')').Append(eol);
            sb.Append(indent).Append('{').Append(eol);
            sb.Append(indent).Append(unit).Append("#error Write ").Append(shape).Append(" at ").Append(at).Append(" in place of ")
              .Append(string.Join(", ", placeholders)).Append(", then delete this line.").Append(eol);
            sb.Append(indent).Append(unit).Append("return ").Append(returned).Append(';').Append(eol);
            sb.Append(indent).Append('}');
            return sb.ToString();
        }

        private static string Escape(string identifier) =>
            SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
    }
}
