using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;

namespace Dual.Tools.Rules;

/// <summary>
/// The rules table's JSON reader, shared by tools/RulesTableGen (net10.0) and the build's source generator
/// (tools/Dual.BuildGenerators, netstandard2.0, which has no System.Text.Json without shipping it): strict JSON bound
/// to classes by their public settable properties under camelCase names (string, int, bool, double, double?, lists,
/// arrays and nested classes). A syntax error, an unknown member or a value of the wrong type is an
/// <see cref="InvalidDataException"/> that names the file and line, never a member silently left at its default.
/// A <c>$comment</c> member is allowed anywhere and skipped.
/// </summary>
internal sealed class TableJson
{
    private readonly string _text;
    private readonly string _path;
    private int _at;

    private TableJson(string text, string path)
    {
        _text = text;
        _path = path;
    }

    /// <summary>Parses <paramref name="json"/> (the content of <paramref name="path"/>) into a new <typeparamref name="T"/>.</summary>
    public static T Bind<T>(string json, string path) where T : class, new()
    {
        var reader = new TableJson(json, path);
        object? value = reader.Value(typeof(T));
        reader.Space();
        if (reader._at < json.Length) throw reader.Error("text after the end of the document");
        return value as T ?? throw reader.Error("the document is null");
    }

    private object? Value(Type type)
    {
        Space();
        if (_at >= _text.Length) throw Error("unexpected end of the document");
        char c = _text[_at];
        if (c == 'n' && Word("null"))
        {
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null) throw Error("null where a " + type.Name + " is expected");
            return null;
        }
        if (type == typeof(object)) return Any();
        Type plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string)) return String();
        if (plain == typeof(bool))
        {
            if (Word("true")) return true;
            if (Word("false")) return false;
            throw Error("true or false expected");
        }
        if (plain == typeof(double)) return Number();
        if (plain == typeof(int))
        {
            double d = Number();
            if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) throw Error("an integer expected, not " + d.ToString(CultureInfo.InvariantCulture));
            return (int)d;
        }
        if (plain.IsArray)
        {
            IList list = Array(plain.GetElementType()!);
            var array = System.Array.CreateInstance(plain.GetElementType()!, list.Count);
            list.CopyTo(array, 0);
            return array;
        }
        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(List<>)) return Array(plain.GetGenericArguments()[0]);
        if (plain.IsClass) return Object(plain);
        throw new InvalidOperationException("TableJson cannot bind " + plain.FullName);
    }

    private object Object(Type type)
    {
        object target = Activator.CreateInstance(type)!;
        Members(type.Name, (name, line) =>
        {
            if (name == "$comment")
            {
                Any();
                return;
            }
            PropertyInfo? property = name.Length == 0 ? null
                : type.GetProperty(char.ToUpperInvariant(name[0]) + name.Substring(1), BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !property.CanWrite || !char.IsLower(name[0]))
            {
                throw Error("unknown member \"" + name + "\" of " + type.Name, line);
            }
            property.SetValue(target, Value(property.PropertyType));
        });
        return target;
    }

    private IList Array(Type element)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        Items(() => list.Add(Value(element)));
        return list;
    }

    // A value of any shape (a $comment's): checked for syntax, then dropped.
    private object? Any()
    {
        Space();
        if (_at >= _text.Length) throw Error("unexpected end of the document");
        switch (_text[_at])
        {
            case '{':
                Members("an object", (_, _) => Any());
                return null;
            case '[':
                Items(() => Any());
                return null;
            case '"':
                return String();
            default:
                if (Word("true") || Word("false") || Word("null")) return null;
                return Number();
        }
    }

    // An object's members in order, each handed to member(name, line) with the reader at its value.
    private void Members(string what, Action<string, int> member)
    {
        Expect('{', "an object ('{') expected for " + what);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Space();
        if (Take('}')) return;
        do
        {
            Space();
            int line = Line();
            string name = String();
            Space();
            Expect(':', "':' expected after \"" + name + "\"");
            if (!seen.Add(name)) throw Error("member \"" + name + "\" given twice", line);
            member(name, line);
            Space();
        }
        while (Take(','));
        Expect('}', "',' or '}' expected in " + what);
    }

    // An array's items in order, each read by item().
    private void Items(Action item)
    {
        Expect('[', "an array ('[') expected");
        Space();
        if (Take(']')) return;
        do
        {
            item();
            Space();
        }
        while (Take(','));
        Expect(']', "',' or ']' expected in an array");
    }

    private string String()
    {
        Expect('"', "a string expected");
        var sb = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length) throw Error("unterminated string");
            char c = _text[_at++];
            if (c == '"') return sb.ToString();
            if (c < ' ') throw Error("a control character in a string");
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_at >= _text.Length) throw Error("unterminated string");
            char e = _text[_at++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_at + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("\\u needs four hexadecimal digits");
                    }
                    sb.Append((char)code);
                    _at += 4;
                    break;
                default: throw Error("unknown escape \\" + e);
            }
        }
    }

    private double Number()
    {
        int start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0) _at++;
        string s = _text.Substring(start, _at - start);
        if (s.Length == 0 || !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
        {
            _at = start;
            throw Error("a value expected");
        }
        return d;
    }

    private bool Word(string word)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0) return false;
        _at += word.Length;
        return true;
    }

    private void Space()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r' or '\n') _at++;
    }

    private bool Take(char c)
    {
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }
        return false;
    }

    private void Expect(char c, string what)
    {
        if (!Take(c)) throw Error(what);
    }

    private int Line()
    {
        int line = 1;
        for (int i = 0; i < _at && i < _text.Length; i++)
        {
            if (_text[i] == '\n') line++;
        }
        return line;
    }

    private InvalidDataException Error(string what, int line = 0) =>
        new(_path + "(" + (line > 0 ? line : Line()).ToString(CultureInfo.InvariantCulture) + "): " + what);
}
