namespace Dual.Generators
{
    /// <summary>
    /// Writes C# with four-space indentation: lines, braced blocks, and multi-line text (a rewritten body) re-indented
    /// to the current level. Replaces parsing the generated text back and calling <c>NormalizeWhitespace</c>, which
    /// cost most of the generator's emission time and discarded the user's own layout and comments.
    /// </summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        /// <summary>The current indentation depth (four spaces each).</summary>
        public int Depth => _depth;

        public CodeWriter Line(string line = "")
        {
            if (line.Length == 0)
            {
                _text.Append('\n');
                return this;
            }
            _text.Append(' ', _depth * 4).Append(line).Append('\n');
            return this;
        }

        /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            _depth++;
            return this;
        }

        /// <summary>Outdents and writes a closing brace (with <paramref name="suffix"/>, e.g. <c>;</c>).</summary>
        public CodeWriter Close(string suffix = "")
        {
            _depth--;
            return Line("}" + suffix);
        }

        public CodeWriter Indent()
        {
            _depth++;
            return this;
        }

        public CodeWriter Outdent()
        {
            _depth--;
            return this;
        }

        /// <summary>
        /// Writes multi-line <paramref name="text"/> at the current depth: its first line as it stands, the others
        /// keeping their indentation relative to the least-indented of them (tabs count as four spaces).
        /// </summary>
        public CodeWriter Block(string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            int common = int.MaxValue;
            for (int i = 1; i < lines.Length; i++)
            {
                string l = lines[i];
                if (l.Trim().Length == 0) continue;
                common = Math.Min(common, Leading(l));
            }
            if (common == int.MaxValue) common = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i].TrimEnd();
                if (l.Length == 0)
                {
                    // Blank lines inside the text are kept, but not at its ends.
                    if (i > 0 && i < lines.Length - 1) _text.Append('\n');
                    continue;
                }
                if (i == 0)
                {
                    Line(l.TrimStart());
                    continue;
                }
                int lead = Leading(l);
                string body = l.TrimStart();
                _text.Append(' ', _depth * 4 + Math.Max(0, lead - common)).Append(body).Append('\n');
            }
            return this;
        }

        /// <summary>Writes multi-line <paramref name="text"/> at the current depth, keeping each line's indentation relative to the least-indented line (blank lines inside it too).</summary>
        public CodeWriter Lines(string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            int common = int.MaxValue;
            foreach (string l in lines)
            {
                if (l.Trim().Length > 0) common = Math.Min(common, Leading(l));
            }
            int first = Array.FindIndex(lines, l => l.Trim().Length > 0), last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
            for (int i = first; i >= 0 && i <= last; i++)
            {
                string t = lines[i].TrimEnd();
                if (t.Length == 0) _text.Append('\n');
                else _text.Append(' ', _depth * 4 + Math.Max(0, Leading(t) - common)).Append(t.TrimStart()).Append('\n');
            }
            return this;
        }

        private static int Leading(string line)
        {
            int width = 0;
            foreach (char c in line)
            {
                if (c == ' ') width++;
                else if (c == '\t') width += 4;
                else break;
            }
            return width;
        }

        /// <summary>A <c>/// &lt;summary&gt;</c> line (the text is XML already).</summary>
        public CodeWriter Summary(string xml) => Line("/// <summary>" + xml + "</summary>");

        public override string ToString() => _text.ToString();
    }
}
