using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// The three packages as a user receives them, packed once per test run from a private copy of the sources (building in
/// the repository would rewrite src/Dual/bin while other test projects copy from it in parallel), with the repository
/// address explicitly unset (<c>-p:DualRepositoryUrl=</c>, the state of an unpublished repository), and extracted: the
/// snippet tests compile against the packed <c>lib/net10.0</c> assemblies and run the packed generator.
/// </summary>
internal sealed class PackedPackages
{
    /// <summary>The version the test packs (a prerelease, so it never shadows a real one).</summary>
    public const string Version = "0.0.0-test";

    /// <summary>The packable projects.</summary>
    public static readonly string[] Ids = ["Dual", "Dual.Gpu", "Dual.MathNet"];

    private static readonly Lazy<PackedPackages> s_instance = new(() => new PackedPackages());
    private static readonly object s_gate = new();
    private static string? s_work;

    /// <summary>The packages, packed on first use.</summary>
    public static PackedPackages Instance => s_instance.Value;

    /// <summary>A folder for this test run's files, deleted by <see cref="PackageTestRun"/> at the end.</summary>
    public static string Work
    {
        get
        {
            lock (s_gate)
            {
                s_work ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dual-package-" + Guid.NewGuid().ToString("N"))).FullName;
                return s_work;
            }
        }
    }

    internal static void DeleteWork()
    {
        lock (s_gate)
        {
            if (s_work is not null)
            {
                try { Directory.Delete(s_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                s_work = null;
            }
        }
    }

    private PackedPackages()
    {
        Source = Path.Combine(Work, "source");
        Feed = Path.Combine(Work, "feed");
        CopySources(Source);
        File.WriteAllText(Path.Combine(Source, "packages.slnx"), """
            <Solution>
              <Project Path="generators/Dual.Generators/Dual.Generators.csproj" />
              <Project Path="generators/Dual.CodeFixes/Dual.CodeFixes.csproj" />
              <Project Path="src/Dual/Dual.csproj" />
              <Project Path="src/Dual.Gpu/Dual.Gpu.csproj" />
              <Project Path="src/Dual.MathNet/Dual.MathNet.csproj" />
            </Solution>
            """);
        PackOutput = DotNet.Run(Source, $"pack packages.slnx -c Release -o \"{Feed}\" -p:Version={Version} -p:DualRepositoryUrl=");
        Extracted = Path.Combine(Work, "extracted");
        foreach (string id in Ids)
        {
            ZipFile.ExtractToDirectory(Nupkg(id), Path.Combine(Extracted, id));
        }
    }

    /// <summary>Copies what packing needs (the three packages, the generator and its code fix, the build's own source
    /// generator and the rules table it expands, the build settings, and .editorconfig, which holds the analyzer rules the
    /// build switches off).</summary>
    public static void CopySources(string to)
    {
        string root = DotNet.RepositoryRoot;
        Directory.CreateDirectory(to);
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(to, file));
        }
        foreach (string project in new[] { "src/Dual", "src/Dual.Gpu", "src/Dual.MathNet", "generators/Dual.Generators", "generators/Dual.CodeFixes", "tools/Dual.BuildGenerators", "tools/Rules" })
        {
            DotNet.CopyProject(Path.Combine(root, project), Path.Combine(to, project));
        }
    }

    /// <summary>The private copy of the sources.</summary>
    public string Source { get; }

    /// <summary>The local feed holding the .nupkg and .snupkg files.</summary>
    public string Feed { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; }

    /// <summary>Each package unzipped into a folder named after it.</summary>
    public string Extracted { get; }

    /// <summary>The .nupkg of a package.</summary>
    public string Nupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The .snupkg (symbols) of a package.</summary>
    public string Snupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    /// <summary>The packed net10.0 assembly of a package.</summary>
    public string Library(string id) => Path.Combine(Extracted, id, "lib", "net10.0", id + ".dll");

    /// <summary>The packed generator.</summary>
    public string Generator => Path.Combine(Extracted, "Dual", "analyzers", "dotnet", "cs", "Dual.Generators.dll");

    /// <summary>The metadata element of a package's .nuspec.</summary>
    public XElement Nuspec(string id) => ReadNuspec(Nupkg(id));

    /// <summary>The packed README of a package.</summary>
    public string Readme(string id) => File.ReadAllText(Path.Combine(Extracted, id, "README.md"));

    /// <summary>The entries of a package file.</summary>
    public static IReadOnlyList<string> Entries(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>The metadata element of the .nuspec inside a package file.</summary>
    public static XElement ReadNuspec(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        ZipArchiveEntry entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using Stream stream = entry.Open();
        XElement package_ = XDocument.Load(stream).Root!;
        return package_.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}

/// <summary>Deletes the packed packages and every other file of the run when all the package tests are done.</summary>
[SetUpFixture]
public sealed class PackageTestRun
{
    [OneTimeTearDown]
    public void DeleteFiles() => PackedPackages.DeleteWork();
}
