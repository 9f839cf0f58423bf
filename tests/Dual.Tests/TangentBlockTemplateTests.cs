using System.IO;
using Dual.Tools;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>The committed tangent blocks that share one template are exactly its output (so a fix made in one block
/// and not in the template, or the other way round, fails here).</summary>
public class TangentBlockTemplateTests
{
    [Test]
    public void Committed_blocks_equal_the_template_output()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln")))
        {
            directory = directory.Parent;
        }
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        foreach ((int lanes, string vector) in TangentBlockTemplate.Blocks)
        {
            string path = Path.Combine(directory!.FullName, TangentBlockTemplate.PathOf(lanes));
            string committed = File.ReadAllText(path).Replace("\r\n", "\n");
            Assert.That(committed, Is.EqualTo(TangentBlockTemplate.Render(lanes, vector)),
                $"{TangentBlockTemplate.PathOf(lanes)} differs from the template: run `dotnet run --project tools/TangentBlocks` and commit the result.");
        }
    }
}
