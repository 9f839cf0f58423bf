using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using NUnit.Framework;

namespace Dual.Tests.Rules;

/// <summary>A row of tools/Rules/functions.json as the tests see it (the list is generated: FunctionCases.g.cs).</summary>
public sealed record FunctionCase(
    string Name, int Arity, string[] Math, string GenericMath, string Rule, bool KernelSafe,
    Func<Dual<double>[], Dual<double>> Dual, Func<double[], double> Reference, double[][] Points, double Rtol = 1e-6)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every function of the rules table: its Dual&lt;double&gt; derivative against a 5-point finite difference of the
/// double function (an independent oracle), and its Math / generic-math / rule references against the real APIs.
/// </summary>
[TestFixture]
public sealed class FunctionTableTests
{
    private static FunctionCase[] Cases => FunctionCases.All;

    [TestCaseSource(nameof(Cases))]
    public void Derivative_MatchesFivePointFiniteDifference(FunctionCase c)
    {
        foreach (double[] point in c.Points)
        {
            for (int k = 0; k < c.Arity; k++)
            {
                Dual<double>[] seeded = point.Select((v, i) => new Dual<double>(v, i == k ? 1.0 : 0.0)).ToArray();
                Dual<double> result = c.Dual(seeded);
                double value = c.Reference(point);
                Assert.That(result.Value, Is.EqualTo(value).Within(c.Rtol * Math.Max(1.0, Math.Abs(value))),
                    $"{c.Name} value at ({string.Join(", ", point)})");
                double fd = FivePoint(c.Reference, point, k);
                Assert.That(result.Tangent, Is.EqualTo(fd).Within(c.Rtol * Math.Max(1.0, Math.Abs(fd))),
                    $"{c.Name} ∂/∂x{k} at ({string.Join(", ", point)})");
            }
        }
    }

    /// <summary>(−f(x + 2h) + 8f(x + h) − 8f(x − h) + f(x − 2h)) / 12h in argument k: error O(h⁴).</summary>
    private static double FivePoint(Func<double[], double> f, double[] point, int k)
    {
        double h = 1e-3 * Math.Max(1.0, Math.Abs(point[k]));
        double At(double offset)
        {
            double[] p = (double[])point.Clone();
            p[k] += offset;
            return f(p);
        }
        return (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
    }

    [TestCaseSource(nameof(Cases))]
    public void MathMembers_AreExactlySystemMathsOwn(FunctionCase c)
    {
        bool onMath = typeof(Math).GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == c.Name);
        Assert.That(c.Math.Contains(c.Name), Is.EqualTo(onMath), $"System.Math {(onMath ? "has" : "lacks")} {c.Name}");
        foreach (string name in c.Math)
        {
            Assert.That(typeof(Math).GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == name), Is.True, "Math." + name);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void GenericMathMember_IsDeclaredByThatInterface(FunctionCase c)
    {
        string[] parts = c.GenericMath.Split('.');
        Type? iface = typeof(double).GetInterfaces().FirstOrDefault(i => i.Name == parts[0] + "`1");
        Assert.That(iface, Is.Not.Null, $"double implements no {parts[0]}<T>");
        Assert.That(iface!.GetMethods().Any(m => m.Name == parts[1]), Is.True, $"{parts[0]}<T> declares no {parts[1]}");
        Assert.That(parts[1], Is.EqualTo(c.Name));
        Assert.That(typeof(Dual<double>).GetInterfaces().Any(i => i.Name == iface.Name), Is.True, $"Dual<T> does not implement {parts[0]}<T>");
    }

    [TestCaseSource(nameof(Cases))]
    public void RuleReference_Exists(FunctionCase c)
    {
        if (c.Rule.StartsWith("inline: ", StringComparison.Ordinal))
        {
            Assert.That(c.Rule.Length, Is.GreaterThan("inline: ".Length + 3), "an inline rule states its formula");
            return;
        }
        Type rules = typeof(Dual<double>).Assembly.GetType("Dual.DerivativeRules`1", throwOnError: true)!;
        foreach (string reference in c.Rule.Split(", "))
        {
            Assert.That(reference, Does.StartWith("DerivativeRules."));
            string method = reference.Substring("DerivativeRules.".Length);
            Assert.That(rules.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Any(m => m.Name == method), Is.True, reference);
        }
    }

    [Test]
    public void Table_CoversEveryUnaryAndBinaryFunctionOfDualT_ThatDoubleHas()
    {
        // Dual<T>'s static floating functions that double also has (so generated code can reach them by name)
        // must all be rows of the table: a function added to Dual<T> without a row fails here.
        var dualFunctions = typeof(Dual<double>).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => !m.IsSpecialName && (m.ReturnType == typeof(Dual<double>) || m.ReturnType.Name.StartsWith("ValueTuple", StringComparison.Ordinal)))
            .Where(m => m.GetParameters().Length > 0 && m.GetParameters()[0].ParameterType == typeof(Dual<double>))
            .Select(m => m.Name)
            .Where(n => typeof(double).GetMethods(BindingFlags.Public | BindingFlags.Static).Any(d => d.Name == n))
            .Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string[] table = Cases.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.That(dualFunctions.Except(table), Is.Empty, "functions of Dual<T> missing from tools/Rules/functions.json");
        Assert.That(table.Except(dualFunctions), Is.Empty, "rows of tools/Rules/functions.json that Dual<T> lacks");
    }
}
