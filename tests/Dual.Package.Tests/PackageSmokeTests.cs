using System;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>
/// A fresh console project that references the packed Dual by version from a local folder feed, as README's "Install"
/// section has users do, builds (warnings as errors) and runs code using <c>[Differentiable]</c>: the generator must
/// arrive inside the package.
/// </summary>
[NonParallelizable]
public class PackageSmokeTests
{
    [Test]
    public void Fresh_console_project_uses_the_packed_library_and_generator()
    {
        PackedPackages packages = PackedPackages.Instance;
        string app = Path.Combine(PackedPackages.Work, "app");
        Directory.CreateDirectory(app);

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        // Stand alone: no Directory.Build.props or central package management from the repository.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>packages</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dual" Version="{PackedPackages.Version}" />
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
        string output = DotNet.Run(app, "run -c Release");
        double Read(string key) => double.Parse(output.Split('\n').Single(l => l.StartsWith(key + "=")).Substring(key.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Read("value"), Is.EqualTo(1.5 * 1.5 * 2.0 + Math.Sin(2.0)));
        Assert.That(Read("dfdx"), Is.EqualTo(2 * 1.5 * 2.0), "∂/∂x x²y = 2xy");
        Assert.That(Read("dfdy"), Is.EqualTo(1.5 * 1.5 + Math.Cos(2.0)).Within(1e-15), "∂/∂y = x² + cos y");
        Assert.That(Read("twin"), Is.EqualTo(6.0), "the generated dual twin seeds x");
    }
}
