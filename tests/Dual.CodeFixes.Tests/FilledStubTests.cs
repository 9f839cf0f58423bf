using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Dual.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Dual.CodeFixes.Tests;

/// <summary>
/// The stub is only useful if, once its placeholders are written, the generator wires it in correctly (parameter
/// order, tuple order, value from the original call). Takes the fixed source the harness checks in
/// <see cref="RuleStubFixTests.Callee_in_another_assembly"/>, fills in the partials of x²/(k² + x²), builds it with the
/// generator against the vendor library as a separate assembly, and compares the twin's tangents with the closed form.
/// </summary>
public class FilledStubTests
{
    private static byte[] Emit(CSharpCompilation compilation)
    {
        using var ms = new MemoryStream();
        var result = compilation.Emit(ms);
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        return ms.ToArray();
    }

    [Test]
    public void Filled_in_stub_gives_the_exact_derivative()
    {
        // The fixed source without the harness markup, with the #error line deleted and the placeholders written.
        string filled = Regex.Replace(Sources.HillModelAfter, @"\{\|[A-Z0-9]+:|\|\}", "");
        filled = Regex.Replace(filled, @"^\s*#error.*\n", "", RegexOptions.Multiline);
        Assert.That(filled, Does.Contain("dHill_dx").And.Not.Contain("#error"));
        filled = filled.Replace("dHill_dx", "2 * x * k * k / ((k * k + x * x) * (k * k + x * x))")
                       .Replace("dHill_dk", "-2 * k * x * x / ((k * k + x * x) * (k * k + x * x))");

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        byte[] vendor = Emit(CSharpCompilation.Create("Vendor", new[] { CSharpSyntaxTree.ParseText(Sources.Vendor) }, StubTest.References, options));
        var user = CSharpCompilation.Create("User" + Guid.NewGuid().ToString("N"), new[] { CSharpSyntaxTree.ParseText(filled, path: "/src/Model.cs") },
            StubTest.References.Add(MetadataReference.CreateFromImage(vendor)), options);
        CSharpGeneratorDriver.Create(new DifferentiableGenerator()).RunGeneratorsAndUpdateCompilation(user, out Compilation generated, out ImmutableArray<Diagnostic> diagnostics);
        Assert.That(diagnostics, Is.Empty, "the generator accepts the filled-in rule");
        byte[] image = Emit((CSharpCompilation)generated);

        var context = new AssemblyLoadContext("filled-stub", isCollectible: true);
        Assembly vendorAssembly = context.LoadFromStream(new MemoryStream(vendor));
        context.Resolving += (_, name) => name.Name switch
        {
            "Dual" => typeof(Dual<>).Assembly,
            "Vendor" => vendorAssembly,
            _ => null,
        };
        try
        {
            Type model = context.LoadFromStream(new MemoryStream(image)).GetType("Model", throwOnError: true)!;
            MethodInfo twin = model.GetMethod("Response", new[] { typeof(Dual<double>), typeof(Dual<double>) })
                ?? throw new MissingMethodException("Model", "Response(Dual<double>, Dual<double>)");
            foreach ((double x, double k) in new[] { (1.3, 0.7), (0.2, 2.5), (-1.1, 0.4) })
            {
                var dx = (Dual<double>)twin.Invoke(null, new object[] { new Dual<double>(x, 1), new Dual<double>(k, 0) })!;
                var dk = (Dual<double>)twin.Invoke(null, new object[] { new Dual<double>(x, 0), new Dual<double>(k, 1) })!;
                // Response = x³ / (k² + x²): ∂/∂x = x²(3k² + x²)/(k² + x²)², ∂/∂k = −2k x³/(k² + x²)².
                double s = k * k + x * x;
                Assert.That(dx.Value, Is.EqualTo(x * x * x / s).Within(1e-15 * Math.Abs(x * x * x / s)), "value from the original call");
                Assert.That(dx.Tangent, Is.EqualTo(x * x * (3 * k * k + x * x) / (s * s)).Within(1e-14), $"∂/∂x at ({x}, {k})");
                Assert.That(dk.Tangent, Is.EqualTo(-2 * k * x * x * x / (s * s)).Within(1e-14), $"∂/∂k at ({x}, {k})");
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
