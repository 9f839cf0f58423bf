using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>Editing unrelated code must leave the generator's steps cached; models must hold no symbols or syntax.</summary>
public class IncrementalityTests
{
    private const string Differentiable = """
        using System;
        using Dual;
        namespace Inc;
        public static partial class Funcs
        {
            public static int Plain(int n) => n + 1; // edited above the [Differentiable] method: spans shift

            [Differentiable] public static double F(double x, double y) => Math.Sin(x) * y + Op(x);

            public static double Op(double x) => x * x;

            [DerivativeOf(nameof(Op))] public static double OpDerivative(double x) => 2 * x;
        }
        """;

    private const string Unrelated = """
        namespace Inc;
        public static class Other { public static int G(int n) => n * 2; }
        """;

    private static (GeneratorDriver Driver, Compilation Compilation) First()
    {
        Compilation c = GeneratorHarness.Compilation(Differentiable, Unrelated);
        GeneratorDriver d = GeneratorHarness.Driver(track: true).RunGenerators(c);
        return (d, c);
    }

    private static void AssertAllCached(GeneratorDriver driver)
    {
        GeneratorRunResult result = driver.GetRunResult().Results[0];
        foreach (string step in new[] { DifferentiableGenerator.MethodsStep, DifferentiableGenerator.RulesStep, DifferentiableGenerator.VerifyStep })
        {
            Assert.That(result.TrackedSteps.ContainsKey(step), Is.True, step + " not tracked");
        }
        // The verification reruns on every compilation, but its result (no failure) is unchanged.
        var verifyOutputs = result.TrackedSteps[DifferentiableGenerator.VerifyStep].SelectMany(s => s.Outputs).ToList();
        Assert.That(verifyOutputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
        var methodOutputs = result.TrackedSteps[DifferentiableGenerator.MethodsStep].SelectMany(s => s.Outputs).ToList();
        Assert.That(methodOutputs, Is.Not.Empty);
        Assert.That(methodOutputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
        var sourceOutputs = result.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs).ToList();
        Assert.That(sourceOutputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
    }

    [Test]
    public void EditingAnUnrelatedFileKeepsOutputsCached()
    {
        var (driver, c) = First();
        SyntaxTree old = c.SyntaxTrees.ElementAt(1);
        SyntaxTree edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Unrelated.Replace("n * 2", "n * 3 + 1")));
        driver = driver.RunGenerators(c.ReplaceSyntaxTree(old, edited));
        AssertAllCached(driver);
    }

    [Test]
    public void EditingANonDifferentiableMethodBodyKeepsOutputsCached()
    {
        var (driver, c) = First();
        SyntaxTree old = c.SyntaxTrees.First();
        SyntaxTree edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Differentiable.Replace("n + 1", "checked(n * 2 + 17)")));
        driver = driver.RunGenerators(c.ReplaceSyntaxTree(old, edited));
        AssertAllCached(driver);
    }

    [Test]
    public void EditingTheDifferentiableMethodRegenerates()
    {
        var (driver, c) = First();
        SyntaxTree old = c.SyntaxTrees.First();
        SyntaxTree edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Differentiable.Replace("Math.Sin(x) * y", "Math.Cos(x) * y")));
        driver = driver.RunGenerators(c.ReplaceSyntaxTree(old, edited));
        var outputs = driver.GetRunResult().Results[0].TrackedSteps[DifferentiableGenerator.MethodsStep].SelectMany(s => s.Outputs);
        Assert.That(outputs.Select(o => o.Reason), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(driver.GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString(), Does.Contain(".Cos(x)"));
    }

    [Test]
    public void StepOutputsHoldNoSymbolsSyntaxOrCompilation()
    {
        var (driver, _) = First();
        GeneratorRunResult result = driver.GetRunResult().Results[0];
        foreach (var (name, steps) in result.TrackedSteps)
        {
            if (name != DifferentiableGenerator.MethodsStep && name != DifferentiableGenerator.RulesStep && name != DifferentiableGenerator.VerifyStep) continue;
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, int depth)
    {
        if (value is null || depth > 8) return;
        Assert.That(value, Is.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>().And.Not.InstanceOf<Compilation>()
            .And.Not.InstanceOf<SemanticModel>().And.Not.InstanceOf<Location>().And.Not.InstanceOf<SyntaxTree>(), path);
        Type t = value.GetType();
        if (t.IsPrimitive || value is string || t.IsEnum) return;
        if (value is IEnumerable e)
        {
            int i = 0;
            foreach (object? item in e) AssertNoRoslynObjects(item, path + "[" + i++ + "]", depth + 1);
            return;
        }
        foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name == "EqualityContract") continue;
            AssertNoRoslynObjects(p.GetValue(value), path + "." + p.Name, depth + 1);
        }
    }
}
