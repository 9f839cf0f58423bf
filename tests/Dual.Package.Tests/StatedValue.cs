using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dual.Package.Tests;

/// <summary>
/// A value a doc comment states (<c>// 5.25, exactly</c>, <c>// [[4, 2], [2, 0]]</c>): a number or a bracketed list of
/// them, checked to the digits shown. Comments that start with a word are prose and state nothing.
/// </summary>
internal abstract record StatedValue
{
    private static readonly Regex s_number = new(@"\G\s*(?<n>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)");

    /// <summary>Whether the text after "//" starts like a stated value (a digit, a sign, '.' or '[').</summary>
    public static bool LooksStated(string comment)
    {
        string t = comment.TrimStart();
        return t.Length > 0 && (char.IsDigit(t[0]) || t[0] is '[' or '-' or '+' or '.') && !t.StartsWith("--", StringComparison.Ordinal);
    }

    /// <summary>Parses the leading value of a comment; <paramref name="exactly"/> when the prose after it starts with
    /// "exactly". Throws <see cref="FormatException"/> when the comment looks stated but is not a value.</summary>
    public static StatedValue Parse(string comment, out bool exactly)
    {
        int at = 0;
        StatedValue value = ParseValue(comment, ref at);
        string rest = comment[at..].TrimStart(' ', ',', ';', ':');
        exactly = rest.StartsWith("exactly", StringComparison.Ordinal);
        return value;
    }

    private static StatedValue ParseValue(string s, ref int at)
    {
        while (at < s.Length && s[at] == ' ')
        {
            at++;
        }
        if (at < s.Length && s[at] == '[')
        {
            at++;
            var items = new List<StatedValue>();
            while (true)
            {
                items.Add(ParseValue(s, ref at));
                while (at < s.Length && s[at] == ' ')
                {
                    at++;
                }
                if (at < s.Length && s[at] == ',')
                {
                    at++;
                    continue;
                }
                if (at < s.Length && s[at] == ']')
                {
                    at++;
                    return new StatedList(items);
                }
                throw new FormatException($"a stated list must hold numbers separated by ',' and end with ']': '{s}'");
            }
        }
        Match m = s_number.Match(s, at);
        if (!m.Success)
        {
            throw new FormatException($"not a number at '{s[at..]}' in the stated value '{s}' (start prose comments with a word)");
        }
        at = m.Index + m.Length;
        return StatedNumber.Of(m.Groups["n"].Value);
    }
}

/// <summary>A stated number and the half-unit of its last shown digit.</summary>
internal sealed record StatedNumber(double Value, double HalfUnit, string Text) : StatedValue
{
    public static StatedNumber Of(string text)
    {
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        string mantissa = text, exponent = "0";
        int e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            mantissa = text[..e];
            exponent = text[(e + 1)..];
        }
        int dot = mantissa.IndexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        double unit = Math.Pow(10, int.Parse(exponent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) - decimals);
        return new StatedNumber(value, unit / 2, text);
    }
}

/// <summary>A stated list (a vector, or a matrix as a list of rows).</summary>
internal sealed record StatedList(IReadOnlyList<StatedValue> Items) : StatedValue;
