using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// README's commands stay the ones that work: CI runs exactly README's test command, every sample under samples/ is
/// listed with its Release command in README and in docs/samples.md, and no listed sample is missing.
/// </summary>
public class ReadmeCommandTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, file));

    private static string[] Samples() =>
        Directory.GetDirectories(Path.Combine(DotNet.RepositoryRoot, "samples"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Length == 1)
            .Select(Path.GetFileName).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The commands of README's first bash block (the fresh-machine set-up), comments removed.</summary>
    private static string[] SetUpCommands() =>
        MarkdownBlocks.Read("README.md").First(b => b.Language == "bash").Code.Split('\n')
            .Select(l => Regex.Replace(l, @"\s+#.*$", "").Trim()).Where(l => l.Length > 0).ToArray();

    [Test]
    public void The_set_up_commands_are_the_quick_start_sample_and_every_test_in_Release()
    {
        Assert.That(SetUpCommands(), Is.EqualTo(new[]
        {
            "dotnet run -c Release --project samples/QuickStart",
            "dotnet test Dual.sln -c Release",
        }));
    }

    [Test]
    public void CI_runs_exactly_READMEs_test_command()
    {
        string test = SetUpCommands().Single(c => c.StartsWith("dotnet test", StringComparison.Ordinal));
        string[] ci = Read(".ci/run").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal)).ToArray();
        // CI adds only a results logger and folder to README's command, so that it can count the results.
        Assert.That(ci, Has.Length.EqualTo(1), "CI runs one dotnet command");
        Assert.That(ci[0], Does.StartWith(test + " --logger"));
    }

    [Test]
    public void README_lists_every_sample_with_its_Release_command()
    {
        string readme = Read("README.md");
        string[] listed = Regex.Matches(readme, @"dotnet run (?<c>-c Release )?--project samples/(?<name>\w+)")
            .Select(m => (m.Groups["c"].Success ? "" : "(Debug) ") + m.Groups["name"].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.That(listed, Is.EqualTo(Samples()), "README's sample commands: one per sample, each with -c Release");
    }

    [Test]
    public void Docs_samples_md_describes_every_sample()
    {
        string doc = Read("docs/samples.md");
        string[] rows = Regex.Matches(doc, @"^\| `(?<name>\w+)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups["name"].Value).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.That(rows, Is.EqualTo(Samples()), "docs/samples.md's table: one row per sample");
        string[] words = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"];
        Assert.That(doc, Does.Contain($"{words[Samples().Length]} console apps under `samples/`"), "the count it states");
    }
}
