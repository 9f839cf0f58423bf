using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// Every C# block of README.md, docs/*.md and the package READMEs compiles against the packed packages, with the packed
/// generator, and runs; the values its comments state are the values it computes; the diagnostics its comments name
/// are the ones the generator reports, at those lines. <see cref="SnippetDirective"/> gives the conventions. A block is
/// never skipped silently: a C# block that is not to run says so in its directive, with the reason.
/// </summary>
[NonParallelizable]
public class DocSnippetTests
{
    private static readonly Lazy<SnippetRunner> s_runner = new(() => new SnippetRunner(PackedPackages.Instance));

    public static IEnumerable CSharpBlocks() =>
        MarkdownBlocks.All().Where(b => b.IsCSharp).Select(b => new TestCaseData(b).SetName(b.ToString().Replace('.', '_').Replace('/', '_')));

    [TestCaseSource(nameof(CSharpBlocks))]
    public void Compiles_runs_and_shows_what_it_says(MarkdownBlock block)
    {
        var (problems, report) = Check(block, MarkdownBlocks.Read(block.File));
        TestContext.Out.WriteLine(report);
        Assert.That(problems, Is.Empty, string.Join("\n\n", problems));
    }

    /// <summary>Everything wrong with a block (empty: it is what its document says), and what was done with it.</summary>
    internal static (IReadOnlyList<string> Problems, string Report) Check(MarkdownBlock block, IReadOnlyList<MarkdownBlock> document)
    {
        var problems = new List<string>();
        SnippetDirective directive = SnippetDirective.Parse(block.Directive);
        var expected = SnippetRunner.ExpectedDiagnostics(block).OrderBy(d => d.Line).ThenBy(d => d.Id).ToArray();
        var stated = SnippetRunner.StatedDeclarations(block);
        if (directive.Listing is not null)
        {
            if (expected.Length > 0 || stated.Count > 0)
            {
                problems.Add($"{block}: a listing is neither compiled nor run, so it cannot show a diagnostic or state a value");
            }
            return (problems, $"{block}: listing, not compiled ({directive.Listing})");
        }

        SnippetResult result = s_runner.Value.CompileAndRun(block, directive, document);
        string all = string.Join("\n", result.Diagnostics.Select(Describe));
        if (result.Diagnostics.Any(d => !d.Id.StartsWith("DUAL", StringComparison.Ordinal)))
        {
            problems.Add($"{block} does not compile cleanly:\n{all}");
        }
        var reported = result.Diagnostics.Where(d => d.Id.StartsWith("DUAL", StringComparison.Ordinal))
            .Select(d => (d.Id, Line: SnippetRunner.DocumentPosition(d) is var (file, line) && file == block.File ? line : -1)).Distinct()
            .OrderBy(d => d.Line).ThenBy(d => d.Id).ToArray();
        if (!reported.SequenceEqual(expected))
        {
            problems.Add($"{block}: the generator reports {Ids(reported)}, its comments name {Ids(expected)}:\n{all}");
        }

        bool errors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (directive.Members || directive.NoRun is not null || errors)
        {
            if (stated.Count > 0)
            {
                problems.Add($"{block} is not run, so it cannot state a value");
            }
            string why = directive.Members ? "members" : directive.NoRun ?? "its diagnostics are errors";
            return (problems, $"{block}: compiled{(expected.Length > 0 ? ", diagnostics " + Ids(expected) : "")}; not run ({why})");
        }
        if (!result.Ran)
        {
            problems.Add($"{block} has no top-level statements, so nothing ran: mark it 'no-run: declares a type' (or 'members')");
            return (problems, $"{block}: nothing ran");
        }
        if (result.Exception is { } exception)
        {
            problems.Add($"{block} threw {exception}");
        }
        foreach (StatedDeclaration declaration in stated)
        {
            var recorded = result.Values.Where(v => v.Name == declaration.Name).ToArray();
            if (recorded.Length != 1)
            {
                problems.Add($"{block.File}:{declaration.Line}: {declaration.Name} was recorded {recorded.Length} times");
                continue;
            }
            Compare(recorded[0].Value, declaration.Value, declaration.Exactly, $"{block.File}:{declaration.Line}: {declaration.Name}", problems);
        }
        string checkedValues = stated.Count == 0 ? "none" : string.Join(", ", stated.Select(s => s.Name));
        return (problems, $"{block}: compiled and ran; stated values checked: {checkedValues}\n{result.Output}");
    }

    private static string Ids(IEnumerable<(string Id, int Line)> diagnostics)
    {
        string text = string.Join(", ", diagnostics.Select(d => $"{d.Id} at line {d.Line}"));
        return text.Length == 0 ? "none" : text;
    }

    private static string Describe(Diagnostic d)
    {
        (string file, int line) = SnippetRunner.DocumentPosition(d);
        return $"{file}({line},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage()}";
    }

    private static void Compare(object? actual, StatedValue stated, bool exactly, string what, List<string> problems)
    {
        switch (stated)
        {
            case StatedNumber number when actual is IConvertible:
                double value = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
                if (exactly ? value != number.Value : !(Math.Abs(value - number.Value) <= number.HalfUnit))
                {
                    problems.Add($"{what} is stated as {(exactly ? "exactly " : "")}{number.Text} but is {value.ToString("R", CultureInfo.InvariantCulture)}");
                }
                break;
            case StatedList list when actual is double[,] matrix:
                if (list.Items.Count != matrix.GetLength(0) || list.Items.Any(r => r is not StatedList row || row.Items.Count != matrix.GetLength(1)))
                {
                    problems.Add($"{what}: the stated matrix does not have the shape {matrix.GetLength(0)}×{matrix.GetLength(1)}");
                    break;
                }
                for (int i = 0; i < list.Items.Count; i++)
                {
                    var row = (StatedList)list.Items[i];
                    for (int j = 0; j < row.Items.Count; j++)
                    {
                        Compare(matrix[i, j], row.Items[j], exactly, $"{what}[{i}, {j}]", problems);
                    }
                }
                break;
            case StatedList list when actual is IList items:
                if (list.Items.Count != items.Count)
                {
                    problems.Add($"{what}: {list.Items.Count} values stated, {items.Count} computed");
                    break;
                }
                for (int i = 0; i < items.Count; i++)
                {
                    Compare(items[i], list.Items[i], exactly, $"{what}[{i}]", problems);
                }
                break;
            default:
                problems.Add($"{what}: a stated {stated.GetType().Name} cannot be compared with a {actual?.GetType().Name ?? "null"}");
                break;
        }
    }

    [Test]
    public void Every_code_fence_names_its_language()
    {
        // An unnamed fence could hide C# from the test above: name it (csharp, bash, xml, text, ...).
        var unnamed = MarkdownBlocks.All().Where(b => b.Language.Length == 0).Select(b => b.ToString()).ToArray();
        Assert.That(unnamed, Is.Empty, "code fences without a language");
    }

    [Test]
    public void Every_directive_is_on_a_csharp_block_and_parses()
    {
        foreach (MarkdownBlock block in MarkdownBlocks.All().Where(b => b.Directive is not null))
        {
            Assert.That(block.IsCSharp, Is.True, $"{block}: a doctest directive on a {block.Language} block");
            Assert.DoesNotThrow(() => SnippetDirective.Parse(block.Directive), $"{block}: {block.Directive}");
        }
    }

    // The checks themselves: each kind of drift the docs could have is caught.
    [TestCase("double a = 0.5 + 1; // 1.4", "stated as 1.4 but is 1.5", TestName = "Check_catches_a_wrong_stated_value")]
    [TestCase("double a = 5.25 + 1e-12; // 5.25, exactly", "stated as exactly 5.25", TestName = "Check_catches_an_inexact_value_stated_exact")]
    [TestCase("double[] a = [1.0, 2.0]; // [1, 2.5]", "[1]", TestName = "Check_catches_a_wrong_element")]
    [TestCase("double a = 1; // [1, 2", "stated list", TestName = "Check_rejects_an_unreadable_stated_value")]
    [TestCase("using Dual;\nvar y = M.F(2.0);\nstatic partial class M { [Differentiable] public static double F(double x) => x * x; } // DUAL001", "comments name DUAL001 at line 3", TestName = "Check_catches_a_missing_diagnostic")]
    [TestCase("using Dual;\nstatic partial class M { static double H(double v) => v; [Differentiable] public static double F(double x) => H(x); }\nConsole.WriteLine();", "does not compile cleanly", TestName = "Check_catches_a_compile_error")]
    [TestCase("using Dual;\nConsole.WriteLine(M.F(1.0));\nstatic partial class M { [Differentiable] public static double F(double x) { object o = x; return x; } }", "reports DUAL005 at line 3, its comments name none", TestName = "Check_catches_an_unexpected_diagnostic")]
    [TestCase("throw new InvalidOperationException(\"boom\");", "threw", TestName = "Check_catches_an_exception")]
    [TestCase("readonly struct S { }", "nothing ran", TestName = "Check_catches_a_block_with_nothing_to_run")]
    public void The_checks_fail_on_drift(string code, string expectedProblem)
    {
        var block = new MarkdownBlock("drift.md", 1, "csharp", code, null);
        IReadOnlyList<string> problems;
        try
        {
            problems = Check(block, [block]).Problems;
        }
        catch (FormatException e)
        {
            problems = [e.Message];
        }
        Assert.That(problems, Has.Some.Contains(expectedProblem), string.Join("\n", problems));
    }
}
