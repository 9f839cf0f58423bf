using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// The packages' metadata as packed, in both states of the one repository-address property (DualRepositoryUrl,
/// Directory.Build.props): unset, nothing points at an address (no project URL, no repository URL, README links as
/// plain text, diagnostics without help links); set, every one of those derives from it.
/// </summary>
[NonParallelizable]
public class PackageMetadataTests
{
    /// <summary>An address used only to build test packages; they are never published.</summary>
    private const string TestRepository = "https://github.com/example-owner/Dual";

    private static readonly Regex s_link = new(@"\]\((?<target>[^)\s]*)\)");

    private static string? Element(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    [TestCase("Dual")]
    [TestCase("Dual.Gpu")]
    [TestCase("Dual.MathNet")]
    public void Every_package_says_what_it_is_under_which_license_with_its_readme_and_symbols(string id)
    {
        PackedPackages packages = PackedPackages.Instance;
        XElement metadata = packages.Nuspec(id);
        Assert.That(Element(metadata, "id"), Is.EqualTo(id));
        Assert.That(Element(metadata, "description"), Has.Length.GreaterThan(80), "a description that says what the package does");
        Assert.That(Element(metadata, "authors"), Is.Not.Empty);
        XElement license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.That((license.Attribute("type")?.Value, license.Value), Is.EqualTo(("expression", "MIT")));
        Assert.That(Element(metadata, "readme"), Is.EqualTo("README.md"));
        string[] tags = Element(metadata, "tags")!.Split(' ');
        Assert.That(tags, Does.Contain("automatic-differentiation").And.Contain("forward-mode"));

        IReadOnlyList<string> entries = PackedPackages.Entries(packages.Nupkg(id));
        Assert.That(entries, Does.Contain("README.md"));
        foreach (string tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.That(entries, Does.Contain($"lib/{tfm}/{id}.dll").And.Contain($"lib/{tfm}/{id}.xml"));
            Assert.That(PackedPackages.Entries(packages.Snupkg(id)), Does.Contain($"lib/{tfm}/{id}.pdb"), "symbols in the .snupkg");
        }
    }

    [Test]
    public void Dependencies_are_the_library_and_the_central_versions()
    {
        PackedPackages packages = PackedPackages.Instance;
        string props = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "Directory.Packages.props"));
        string Central(string id) => Regex.Match(props, $"Include=\"{Regex.Escape(id)}\" Version=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        var expected = new Dictionary<string, string[]>
        {
            ["Dual"] = [],
            ["Dual.Gpu"] = ["Dual", "ILGPU", "ILGPU.Algorithms", "Microsoft.Extensions.Logging.Abstractions"],
            ["Dual.MathNet"] = ["Dual", "MathNet.Numerics"],
        };
        foreach (var (id, dependencies) in expected)
        {
            var groups = packages.Nuspec(id).Descendants().Where(e => e.Name.LocalName == "group").ToArray();
            Assert.That(groups.Select(g => g.Attribute("targetFramework")!.Value), Is.EquivalentTo(new[] { "net8.0", "net10.0" }), id);
            foreach (XElement group in groups)
            {
                var found = group.Elements().ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
                Assert.That(found.Keys, Is.EquivalentTo(dependencies), id);
                foreach (var (dependency, version) in found)
                {
                    Assert.That(version, Is.EqualTo(dependency == "Dual" ? PackedPackages.Version : Central(dependency)), $"{id} → {dependency}");
                }
            }
        }
    }

    [Test]
    public void Without_a_repository_address_nothing_points_anywhere()
    {
        PackedPackages packages = PackedPackages.Instance;
        foreach (string id in PackedPackages.Ids)
        {
            XElement metadata = packages.Nuspec(id);
            Assert.That(Element(metadata, "projectUrl"), Is.Null, $"{id}: no project URL");
            XElement? repository = metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository");
            Assert.That(repository?.Attribute("url"), Is.Null, $"{id}: no repository URL");
            string readme = packages.Readme(id);
            Assert.That(s_link.Matches(readme).Select(m => m.Groups["target"].Value), Is.Empty, $"{id}: the README's links become plain text");
            Assert.That(readme, Does.Not.Contain("../"), $"{id}: no relative path left");
        }
        Assert.That(packages.Readme("Dual"), Does.Contain("docs/generator.md"), "the plain text still names the document");
        foreach (DiagnosticDescriptor descriptor in Descriptors(packages.Generator))
        {
            Assert.That(descriptor.HelpLinkUri, Is.Empty, $"{descriptor.Id}: no help link");
        }
    }

    [Test]
    public void With_a_repository_address_the_urls_the_readme_links_and_the_help_links_derive_from_it()
    {
        // Packed again from the same private sources, with the address set (as "https://…/Dual.git/" to check that it
        // is normalised), into a feed of its own.
        PackedPackages packages = PackedPackages.Instance;
        string feed = Path.Combine(PackedPackages.Work, "feed-url");
        DotNet.Run(packages.Source, $"pack src/Dual/Dual.csproj -c Release -o \"{feed}\" -p:Version=0.0.0-url -p:DualRepositoryUrl={TestRepository}.git/");
        string nupkg = Path.Combine(feed, "Dual.0.0.0-url.nupkg");
        XElement metadata = PackedPackages.ReadNuspec(nupkg);
        Assert.That(Element(metadata, "projectUrl"), Is.EqualTo(TestRepository));
        Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value, Is.EqualTo(TestRepository));

        string extracted = Path.Combine(PackedPackages.Work, "extracted-url");
        System.IO.Compression.ZipFile.ExtractToDirectory(nupkg, extracted);
        string[] links = s_link.Matches(File.ReadAllText(Path.Combine(extracted, "README.md"))).Select(m => m.Groups["target"].Value).ToArray();
        Assert.That(links, Is.Not.Empty);
        Assert.That(links, Has.All.StartWith(TestRepository + "/blob/main/"), "every link is absolute, into the repository");
        foreach (string link in links)
        {
            string file = link[(TestRepository + "/blob/main/").Length..].Split('#')[0];
            Assert.That(File.Exists(Path.Combine(DotNet.RepositoryRoot, file)), Is.True, $"{link} names a file of the repository");
        }

        string diagnosticsDoc = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "docs", "diagnostics.md"));
        var descriptors = Descriptors(Path.Combine(extracted, "analyzers", "dotnet", "cs", "Dual.Generators.dll"));
        Assert.That(descriptors, Is.Not.Empty);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo($"{TestRepository}/blob/main/docs/diagnostics.md#{descriptor.Id.ToLowerInvariant()}"));
            Assert.That(diagnosticsDoc, Does.Contain($"\n## {descriptor.Id}\n"), $"docs/diagnostics.md has the section {descriptor.Id} links to");
        }
    }

    /// <summary>Every diagnostic descriptor of a generator assembly, loaded into a context of its own (static fields of
    /// its types, so a renamed list cannot hide one).</summary>
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors(string generator)
    {
        var context = new AssemblyLoadContext("descriptors-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromAssemblyPath(generator);
            return assembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && !f.DeclaringType!.ContainsGenericParameters)
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .DistinctBy(d => d.Id)
                .ToArray();
        }
        finally
        {
            context.Unload();
        }
    }
}
