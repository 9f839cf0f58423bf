using System;
using System.Collections.Generic;
using System.Linq;

namespace Dual.Package.Tests;

/// <summary>
/// How a C# block of the docs is tested, read from an HTML comment on the line just before its fence (invisible on the
/// rendered page, visible in the source). Without a comment the block is a complete program: it must compile — as in a
/// fresh <c>dotnet new console</c> project (implicit usings, nullable enabled) referencing the Dual, Dual.Gpu and
/// Dual.MathNet packages — and run. Items, separated by ';':
/// <list type="bullet">
/// <item><c>context=NAME[,NAME]</c>: compiled together with tests/Dual.Package.Tests/DocContexts/NAME.cs, which declares
/// what the fragment uses without showing (a logger, an input array, a function struct); a NAME with a '/' is a file of
/// the repository (a sample's function struct).</item>
/// <item><c>label=NAME</c> names a block; <c>uses=NAME</c> compiles a later block of the same file with the type
/// declarations (and usings) of the named one ("the struct above").</item>
/// <item><c>members</c>: the block is the body of a class (methods, fields), compiled as
/// <c>using Dual; public abstract partial class Snippet { … }</c>; there is nothing to run.</item>
/// <item><c>without=Dual.Gpu</c>: compiled without that package (to show DUAL012).</item>
/// <item><c>listing: REASON</c>: not compiled; the reason (e.g. "generated code") is required.</item>
/// <item><c>no-run: REASON</c>: compiled, not run; the reason is required. A block without top-level statements has
/// nothing to run and needs it (<c>no-run: declares a type</c>) or <c>members</c>.</item>
/// </list>
/// In every block, a line comment naming a diagnostic (<c>// DUAL001 on Helper(x)</c>) states that the generator reports
/// exactly that diagnostic on that line; such a block must produce those diagnostics and no others (and is run only if
/// none of them is an error). A top-level declaration whose trailing comment starts with a number or a bracketed list
/// (<c>// 5.25, exactly</c>, <c>// [[4, 2], [2, 0]]</c>) states its value: the run must give it to the digits shown
/// (exactly, when the comment goes on with "exactly").
/// </summary>
internal sealed record SnippetDirective(
    IReadOnlyList<string> Contexts,
    string? Label,
    string? Uses,
    bool Members,
    IReadOnlyList<string> Without,
    string? Listing,
    string? NoRun)
{
    public static readonly SnippetDirective None = new([], null, null, false, [], null, null);

    /// <summary>Parses a directive's text (null: none).</summary>
    public static SnippetDirective Parse(string? text)
    {
        if (text is null)
        {
            return None;
        }
        var result = None;
        foreach (string raw in text.Split(';'))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                continue;
            }
            int colon = item.IndexOf(':'), equals = item.IndexOf('=');
            if (colon > 0 && (equals < 0 || colon < equals))
            {
                string key = item[..colon].Trim(), reason = item[(colon + 1)..].Trim();
                if (reason.Length == 0)
                {
                    throw new FormatException($"'{key}:' needs a reason.");
                }
                result = key switch
                {
                    "listing" => result with { Listing = reason },
                    "no-run" => result with { NoRun = reason },
                    _ => throw new FormatException($"unknown doctest item '{key}:'"),
                };
            }
            else if (equals > 0)
            {
                string key = item[..equals].Trim(), value = item[(equals + 1)..].Trim();
                string[] values = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                result = key switch
                {
                    "context" => result with { Contexts = [.. result.Contexts, .. values] },
                    "label" => result with { Label = value },
                    "uses" => result with { Uses = value },
                    "without" => result with { Without = [.. result.Without, .. values] },
                    _ => throw new FormatException($"unknown doctest item '{key}='"),
                };
            }
            else
            {
                result = item switch
                {
                    "members" => result with { Members = true },
                    "listing" or "no-run" => throw new FormatException($"'{item}' needs a reason: '{item}: why'"),
                    _ => throw new FormatException($"unknown doctest item '{item}'"),
                };
            }
        }
        if (result.Listing is not null && (result.Contexts.Count > 0 || result.Uses is not null || result.Members || result.NoRun is not null))
        {
            throw new FormatException("a listing is not compiled: it takes no other item");
        }
        foreach (string package in result.Without)
        {
            if (!PackedPackages.Ids.Contains(package) || package == "Dual")
            {
                throw new FormatException($"'without={package}': only Dual.Gpu or Dual.MathNet can be left out");
            }
        }
        return result;
    }
}
