using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>The generator's tables and diagnostics, and the docs that describe them, say the same thing.</summary>
public class DocsTests
{
    private static string Doc(string name)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln"))) directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        return File.ReadAllText(Path.Combine(directory!.FullName, "docs", name)).Replace("\r\n", "\n");
    }

    [Test]
    public void PrimalOnlyAllowListIsMirroredInGeneratorDoc()
    {
        string doc = Doc("generator.md");
        var rows = PrimalOnlySinks.DocRows().ToList();
        Assert.That(rows, Has.Count.GreaterThan(10));
        foreach (string row in rows) Assert.That(doc, Does.Contain(row + "\n"), "docs/generator.md lacks the allow-list row: " + row);
        int documented = doc.Split('\n').Count(l => l.EndsWith(" | Formatting |") || l.EndsWith(" | Comparison |") || l.EndsWith(" | Predicate |")
            || l.EndsWith(" | IntegerValued |") || l.EndsWith(" | SideExit |"));
        Assert.That(documented, Is.EqualTo(rows.Count), "docs/generator.md lists an allow-list row the generator does not have");
    }

    [Test]
    public void ContainerOperationsAreMirroredInGeneratorDoc()
    {
        string doc = Doc("generator.md");
        foreach (string row in ContainerOps.DocRows()) Assert.That(doc, Does.Contain(row + "\n"), "docs/generator.md lacks the array/span row: " + row);
    }

    [Test]
    public void LinqOperatorsAreMirroredInGeneratorDoc() =>
        Assert.That(Doc("generator.md"), Does.Contain(LinqOperators.DocText() + "\n"), "docs/generator.md lacks the LINQ operator list");

    [Test]
    public void EveryDiagnosticHasATableRowAndASection()
    {
        string doc = Doc("diagnostics.md");
        foreach (var d in Diagnostics.All)
        {
            Assert.That(doc, Does.Contain("| [" + d.Id + "](#" + d.Id.ToLowerInvariant() + ") | " + d.DefaultSeverity + " | " + d.Title + " |"), d.Id + " table row");
            Assert.That(doc, Does.Contain("\n## " + d.Id + "\n\n**" + d.Title + ".**"), d.Id + " section");
        }
    }
}
