namespace Dual.Generators
{
    /// <summary>
    /// Prints a rewritten syntax tree with the user's own trivia (layout and comments), adding a single space only where
    /// two tokens the rewriter joined without trivia would otherwise read as one (<c>returnx</c>, <c>+ +</c>, <c>&gt; &gt;</c>).
    /// </summary>
    internal static class SyntaxPrinter
    {
        public static string Print(SyntaxNode node)
        {
            var sb = new StringBuilder();
            SyntaxToken previous = default;
            bool first = true;
            foreach (SyntaxToken token in node.DescendantTokens(descendIntoTrivia: false))
            {
                if (!first && previous.TrailingTrivia.FullSpan.Length == 0 && token.LeadingTrivia.FullSpan.Length == 0 && NeedsSpace(previous, token))
                {
                    sb.Append(' ');
                }
                sb.Append(first ? token.ToString() + token.TrailingTrivia.ToFullString() : token.ToFullString());
                previous = token;
                first = false;
            }
            return sb.ToString().Trim();
        }

        private static bool NeedsSpace(SyntaxToken a, SyntaxToken b)
        {
            if (IsWord(a) && IsWord(b)) return true;
            // A separator the rewriter inserted (a named or default argument it added) reads as the user's would.
            if (a.IsKind(SyntaxKind.CommaToken)) return true;
            string ta = a.Text, tb = b.Text;
            if (ta.Length == 0 || tb.Length == 0) return false;
            const string operators = "+-&|=<>/*?:!%^.";
            char last = ta[ta.Length - 1], next = tb[0];
            if (operators.IndexOf(last) < 0 || (operators.IndexOf(next) < 0 && !char.IsDigit(next))) return false;
            // Two operator tokens (or '.' before a digit): joined, do they still lex as the same two tokens?
            using var tokens = SyntaxFactory.ParseTokens(ta + tb).GetEnumerator();
            return !tokens.MoveNext() || tokens.Current.Text != ta;
        }

        private static bool IsWord(SyntaxToken t) =>
            SyntaxFacts.IsKeywordKind(t.Kind()) || SyntaxFacts.IsContextualKeyword(t.Kind()) || t.IsKind(SyntaxKind.IdentifierToken)
            || t.IsKind(SyntaxKind.NumericLiteralToken) || t.IsKind(SyntaxKind.CharacterLiteralToken) || t.IsKind(SyntaxKind.StringLiteralToken)
            || t.IsKind(SyntaxKind.InterpolatedStringEndToken) || t.IsKind(SyntaxKind.InterpolatedStringStartToken);
    }
}
