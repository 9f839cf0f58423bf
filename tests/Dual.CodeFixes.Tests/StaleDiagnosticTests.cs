using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace Dual.CodeFixes.Tests;

/// <summary>
/// A DUAL001 can outlive its cause in the IDE (generators rerun on save or build in Visual Studio's default mode), so
/// the fix can see a DUAL001 at a call that already has its rule. It must not write a second stub then. The generator
/// cannot produce that diagnostic on purpose, so the provider is called directly with one made like the generator's.
/// </summary>
public class StaleDiagnosticTests
{
#pragma warning disable RS2008 // release tracking is for shipped analyzers; this descriptor only mimics the generator's
    private static readonly DiagnosticDescriptor s_dual001 = new(
        "DUAL001", "Call to a floating-valued method that cannot be differentiated", "{0}", "Dual.Generators", DiagnosticSeverity.Error, isEnabledByDefault: true);
#pragma warning restore RS2008

    private static async Task<List<CodeAction>> OfferedAsync(string source, string call)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("User", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(StubTest.References);
        Project vendor = project.Solution.AddProject("Vendor", "Vendor", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(StubTest.References)
            .AddDocument("Vendor.cs", Sources.Vendor).Project;
        project = vendor.Solution.GetProject(project.Id)!.AddProjectReference(new ProjectReference(vendor.Id));
        Document document = project.AddDocument("Model.cs", source, filePath: "/src/Model.cs");
        // Like the generator's: an external-file location (path and span), no syntax tree.
        var span = new TextSpan(source.IndexOf(call, System.StringComparison.Ordinal), call.Length);
        SourceText text = await document.GetTextAsync();
        var location = Location.Create("/src/Model.cs", span, text.Lines.GetLinePositionSpan(span));
        var diagnostic = Diagnostic.Create(s_dual001, location, "Vendor.Pricing.Curves.Hill(double, double)");

        var offered = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), CancellationToken.None);
        await new RuleStubCodeFixProvider().RegisterCodeFixesAsync(context);
        return offered;
    }

    private const string WithoutRule = """
        using Dual;
        using Vendor.Pricing;

        public static partial class Model
        {
            [Differentiable]
            public static double Response(double x, double k) => Curves.Hill(x, k) * x;
        }
        """;

    [Test]
    public async Task Offered_at_a_call_without_a_rule()
    {
        List<CodeAction> offered = await OfferedAsync(WithoutRule, "Curves.Hill(x, k)");
        Assert.That(offered.Select(a => a.Title), Is.EqualTo(new[] { "Add a [DerivativeOf] rule stub for 'Curves.Hill(double, double)'" }));
    }

    [TestCase("[DerivativeOf(typeof(Curves), nameof(Curves.Hill))]", TestName = "Not offered when the type already has the rule")]
    [TestCase("[DerivativeOf(typeof(Vendor.Pricing.Curves), \"Hill\")]", TestName = "Not offered when the rule names the target another way")]
    public async Task Not_offered_when_a_rule_exists(string attribute)
    {
        string withRule = WithoutRule.Replace("    [Differentiable]", $$"""
                {{attribute}}
                private static (double, double) HillPartials(double x, double k) =>
                    (2 * x * k * k / ((k * k + x * x) * (k * k + x * x)), -2 * k * x * x / ((k * k + x * x) * (k * k + x * x)));

                [Differentiable]
            """.TrimStart());
        Assert.That(withRule, Does.Contain("HillPartials"));
        Assert.That(await OfferedAsync(withRule, "Curves.Hill(x, k)"), Is.Empty);
    }
}
