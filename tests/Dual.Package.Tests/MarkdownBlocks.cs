using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Dual.Package.Tests;

/// <summary>A fenced code block of a Markdown file (public: NUnit passes it to the snippet test).</summary>
/// <param name="File">The file, relative to the repository root, with '/' separators.</param>
/// <param name="Line">The 1-based line of the block's first content line (the line after the opening fence).</param>
/// <param name="Language">The fence's info string's first word ("" when the fence has none).</param>
/// <param name="Code">The content, with the fence's indentation removed.</param>
/// <param name="Directive">The text of a <c>&lt;!-- doctest: … --&gt;</c> comment on the line just before the fence, or null.</param>
public sealed record MarkdownBlock(string File, int Line, string Language, string Code, string? Directive)
{
    /// <summary>Whether the block is C#.</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#" or "C#";

    /// <summary>"README.md:23", the block's address in messages and test names.</summary>
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Reads the fenced code blocks and doctest directives of the repository's Markdown files.</summary>
internal static class MarkdownBlocks
{
    private static readonly Regex s_fence = new(@"^(?<indent>[ \t]*)(?<fence>`{3,}|~{3,})[ \t]*(?<info>[^`\s]*)[^`]*$");
    private static readonly Regex s_directive = new(@"^\s*<!--\s*doctest:(?<text>.*?)-->\s*$");

    /// <summary>The documents whose C# must compile and run: README.md, docs/*.md and each package's README.</summary>
    public static IReadOnlyList<string> Documents()
    {
        string root = DotNet.RepositoryRoot;
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal));
        files.AddRange(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal));
        return files;
    }

    /// <summary>Every fenced block of every document, in order.</summary>
    public static IReadOnlyList<MarkdownBlock> All() => Documents().SelectMany(Read).ToArray();

    /// <summary>The fenced blocks of one document. A directive comment that no fence follows is an error, so that a
    /// directive cannot silently stop applying.</summary>
    public static IReadOnlyList<MarkdownBlock> Read(string file)
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(DotNet.RepositoryRoot, file));
        var blocks = new List<MarkdownBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match directive = s_directive.Match(lines[i]);
            if (directive.Success && (i + 1 >= lines.Length || !s_fence.IsMatch(lines[i + 1])))
            {
                throw new InvalidOperationException($"{file}:{i + 1}: a doctest directive must stand on the line just before a code fence.");
            }
            Match open = s_fence.Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }
            string indent = open.Groups["indent"].Value, fence = open.Groups["fence"].Value;
            int first = i + 1, close = first;
            while (close < lines.Length && !IsClosing(lines[close], fence))
            {
                close++;
            }
            if (close == lines.Length)
            {
                throw new InvalidOperationException($"{file}:{i + 1}: the code fence is never closed.");
            }
            string code = string.Join("\n", lines[first..close].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart()));
            string? text = i > 0 && s_directive.Match(lines[i - 1]) is { Success: true } d ? d.Groups["text"].Value.Trim() : null;
            blocks.Add(new MarkdownBlock(file, first + 1, open.Groups["info"].Value, code, text));
            i = close;
        }
        return blocks;
    }

    private static bool IsClosing(string line, string fence)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }
}
