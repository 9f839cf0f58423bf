using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Which methods' entry points the DUAL014 safety net may skip (VerificationScope): only plain template instances;
/// every other signature keeps whole-file verification. The twins themselves are always verified
/// (DiagnosticTests.Dual014_TwinThatDoesNotCompile_IsReplacedByAPlaceholder breaks the twin of such a plain method).
/// </summary>
public class VerificationScopeTests
{
    private static bool TemplateOnly(string members, string method = "F", string owner = "public static partial class C")
    {
        Compilation compilation = GeneratorHarness.Compilation("using System;\nusing Dual;\n" + owner + "\n{\n" + members + "\n}\n");
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        MethodDeclarationSyntax node = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.Text == method);
        var symbol = (IMethodSymbol)model.GetDeclaredSymbol(node)!;
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return VerificationScope.EntryPointsAreTemplateOnly(MethodDeclaration.Parse(node, symbol, default), symbol);
    }

    [TestCase("[Differentiable] public static double F(double x, double y) => x * y;")]
    [TestCase("[Differentiable] public static float F(float x) => x * x;")]
    [TestCase("[Differentiable] public static double F(ReadOnlySpan<double> x) => x[0];")]
    [TestCase("[Differentiable] public static double F(double[] x) => x[0];")]
    [TestCase("[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y) { y[0] = x[0]; }")]
    public void PlainSignatures_SkipTheEntryPoints(string members) => Assert.That(TemplateOnly(members), Is.True);

    [TestCase("[Differentiable] public static double F(double x, [Constant] double c) => x * c;", TestName = "Constant data parameter")]
    [TestCase("[Differentiable] public static double F(double x, int n) => x * n;", TestName = "Non-floating parameter")]
    [TestCase("[Differentiable] public static double F(double x, double y = 2) => x * y;", TestName = "Default value")]
    [TestCase("[Differentiable] public static double F(params double[] x) => x[0];", TestName = "Params")]
    [TestCase("[Differentiable] public static double F(in double x) => x;", TestName = "In parameter")]
    [TestCase("[Differentiable] public static double F(double __x) => __x;", TestName = "Name like the template's locals")]
    [TestCase("[Differentiable] public static double F(double @double) => @double;", TestName = "Keyword name")]
    [TestCase("[Differentiable] public static double F(double x) => x;\npublic static double F(double x, double y) => x + y;", TestName = "Overloaded name")]
    [TestCase("[Differentiable] public static (double, double) F(double x) => (x, x);", TestName = "Tuple return")]
    [TestCase("[Differentiable] public static int F(double x) => (int)x;", TestName = "Non-floating return")]
    public void OtherSignatures_AreVerifiedWhole(string members) => Assert.That(TemplateOnly(members), Is.False);

    [Test]
    public void InstanceMethod_IsVerifiedWhole() =>
        Assert.That(TemplateOnly("[Differentiable] public double F(double x) => x * x;", owner: "public partial class C"), Is.False);

    [Test]
    public void GenericOwner_IsVerifiedWhole() =>
        Assert.That(TemplateOnly("[Differentiable] public static double F(double x) => x * x;", owner: "public static partial class C<T>"), Is.False);
}
