using System.Globalization;

namespace Dual.Generators
{
    /// <summary>
    /// A construct that a generated form cannot hold, whatever its types: what the diagnostic calls it (a format string
    /// whose {0}, where present, the caller fills with the construct's text) and what to do instead.
    /// </summary>
    internal readonly record struct Refusal(string What, string Fix)
    {
        /// <summary>The diagnostic's name for the construct whose text is <paramref name="text"/>.</summary>
        public string WhatFor(string text) => string.Format(CultureInfo.InvariantCulture, What, text);

        /// <summary>A lookup by syntax kind from rows that each write one refusal once, with every kind it applies to.</summary>
        public static Dictionary<SyntaxKind, Refusal> ByKind(params (string What, string Fix, SyntaxKind[] Kinds)[] rows)
        {
            var byKind = new Dictionary<SyntaxKind, Refusal>();
            foreach ((string what, string fix, SyntaxKind[] kinds) in rows)
            {
                foreach (SyntaxKind kind in kinds)
                {
                    byKind.Add(kind, new Refusal(what, fix));
                }
            }
            return byKind;
        }
    }
}
