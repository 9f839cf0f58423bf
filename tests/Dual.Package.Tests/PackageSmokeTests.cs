using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// Packs the library as a user receives it, then builds and runs a fresh console project that references the package
/// by version from a local folder and uses <c>[Differentiable]</c> — the generator must arrive inside the package.
/// </summary>
[NonParallelizable]
public class PackageSmokeTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Dual.sln not found above the test directory.");
    }

    private static string Run(string workingDirectory, string arguments, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} timed out after {timeoutSeconds} s:\n{output}");
        }
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"dotnet {arguments} failed:\n{output}");
        return output.ToString();
    }

    private static void CopyProject(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            string first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Test]
    public void Fresh_console_project_uses_the_packed_library_and_generator()
    {
        string root = RepositoryRoot();
        string work = Path.Combine(Path.GetTempPath(), "dual-package-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string app = Path.Combine(work, "app");
        Directory.CreateDirectory(app);
        try
        {
            // Pack from a private copy of the sources: building in the repository would rewrite src/Dual/bin while
            // other test projects copy from it in parallel (with this test's version number).
            string source = Path.Combine(work, "source");
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "README.md" })
            {
                Directory.CreateDirectory(source);
                File.Copy(Path.Combine(root, file), Path.Combine(source, file));
            }
            CopyProject(Path.Combine(root, "src", "Dual"), Path.Combine(source, "src", "Dual"));
            CopyProject(Path.Combine(root, "generators", "Dual.Generators"), Path.Combine(source, "generators", "Dual.Generators"));
            CopyProject(Path.Combine(root, "generators", "Dual.CodeFixes"), Path.Combine(source, "generators", "Dual.CodeFixes"));
            Run(source, $"pack src/Dual/Dual.csproj -c Release -o \"{feed}\" -p:Version=0.0.0-smoke");
            string package = Directory.GetFiles(feed, "Dual.0.0.0-smoke.nupkg").Single();
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
                Assert.That(entries, Has.Some.EqualTo("analyzers/dotnet/cs/Dual.Generators.dll"), "the generator is packed as an analyzer");
                // The IDE code fixes ride along; the console build below (warnings as errors) shows csc is not bothered by them.
                Assert.That(entries, Has.Some.EqualTo("analyzers/dotnet/cs/Dual.CodeFixes.dll"), "the DUAL001 code fix is packed beside the generator");
                Assert.That(entries, Has.Some.EqualTo("lib/net8.0/Dual.dll"));
                Assert.That(entries, Has.Some.EqualTo("lib/net10.0/Dual.dll"));
                Assert.That(entries, Has.Some.EqualTo("lib/net10.0/Dual.xml"), "XML docs ship with the package");
                Assert.That(entries, Has.Some.EqualTo("README.md"));
            }

            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            // Stand alone: no Directory.Build.props or central package management from the repository.
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "App.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>packages</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Dual" Version="0.0.0-smoke" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using System;
                using Dual;

                var (value, gradient) = Model.FValueAndGradient(1.5, 2.0);
                Console.WriteLine($"value={value:R}");
                Console.WriteLine($"dfdx={gradient.x:R}");
                Console.WriteLine($"dfdy={gradient.y:R}");
                Console.WriteLine($"twin={Model.F(new Dual<double>(1.5, 1.0), new Dual<double>(2.0, 0.0)).Tangent:R}");

                static partial class Model
                {
                    [Differentiable]
                    public static double F(double x, double y) => x * x * y + Math.Sin(y);
                }
                """);
            string output = Run(app, "run -c Release");
            double Read(string key) => double.Parse(output.Split('\n').Single(l => l.StartsWith(key + "=")).Substring(key.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(Read("value"), Is.EqualTo(1.5 * 1.5 * 2.0 + Math.Sin(2.0)));
            Assert.That(Read("dfdx"), Is.EqualTo(2 * 1.5 * 2.0), "∂/∂x x²y = 2xy");
            Assert.That(Read("dfdy"), Is.EqualTo(1.5 * 1.5 + Math.Cos(2.0)).Within(1e-15), "∂/∂y = x² + cos y");
            Assert.That(Read("twin"), Is.EqualTo(6.0), "the generated dual twin seeds x");
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
