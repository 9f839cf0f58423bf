using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// Floating-point aggregates (structs, records, immutable classes → generated dual types) and helpers without the
/// attribute (differentiated transitively), compiled in memory and run against closed forms and 5-point differences.
/// </summary>
public class AggregateAndHelperTests
{
    internal const string Source = """
        using System;
        using Dual;

        namespace Phys
        {
            public readonly struct Vec2
            {
                public readonly double X, Y;
                public Vec2(double x, double y) { X = x; Y = y; }
                public static Vec2 operator +(Vec2 a, Vec2 b) => new Vec2(a.X + b.X, a.Y + b.Y);
                public static Vec2 operator *(double s, Vec2 a) => new Vec2(s * a.X, s * a.Y);
                public double Dot(Vec2 o) => X * o.X + Y * o.Y;
                public double Length => Math.Sqrt(Dot(this));
            }

            public record Particle(Vec2 Position, Vec2 Velocity, double Mass);

            public record Loan(double Principal, double Rate = 0.05, int Years = 3, int PerYear = 12);

            public struct State { public double T; public double Y; }

            public sealed class Bond
            {
                public double Coupon { get; init; }
                public int Years { get; init; }
                public double Price(double rate)
                {
                    double p = 0;
                    for (int t = 1; t <= Years; t++) p += Coupon / Math.Pow(1 + rate, t);
                    return p + 100 / Math.Pow(1 + rate, Years);
                }
            }

            public static class Activation
            {
                public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
                public static double Softplus(double z) => Math.Log(1 + Math.Exp(z));
            }

            public static class Linear
            {
                public static double Dot(double[] a, double[] b)
                {
                    double s = 0;
                    for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
                    return s;
                }

                public static double Squared(this double v) => v * v;
            }

            public static partial class Models
            {
                [Differentiable]
                public static double Range(double angle)
                {
                    var p = new Particle(new Vec2(0, 0), new Vec2(Math.Cos(angle) * 20, Math.Sin(angle) * 20), 1.0);
                    double dt = 0.01;
                    var g = new Vec2(0, -9.81);
                    for (int i = 0; i < 100; i++)
                    {
                        p = p with { Position = p.Position + dt * p.Velocity, Velocity = p.Velocity + dt * g };
                    }
                    return p.Position.X + p.Position.Length;
                }

                [Differentiable]
                public static double Neuron(double w) => Activation.Sigmoid(2 * w - 1) + Activation.Softplus(w.Squared());

                [Differentiable]
                public static double Euler(double k)
                {
                    var s = new State { T = 0, Y = 1 };
                    for (int i = 0; i < 10; i++)
                    {
                        s.Y += 0.1 * (-k * s.Y);
                        s.T += 0.1;
                    }
                    return s.Y;
                }

                [Differentiable]
                public static double DotHelper(double x)
                {
                    var a = new[] { x, 2 * x, 3.0 };
                    var b = new[] { 1.0, x, x * x };
                    return Linear.Dot(a, b);
                }

                [Differentiable]
                public static double BondPrice(double rate) => new Bond { Coupon = 5, Years = 3 }.Price(rate);

                [Differentiable]
                public static double Energy(Vec2 v, double m) => 0.5 * m * v.Dot(v);

                [Differentiable]
                public static double Payment(double principal)
                {
                    // Positional defaults: a floating one (Rate) and integer ones (Years, PerYear) left out.
                    var loan = new Loan(principal);
                    double r = loan.Rate / loan.PerYear;
                    int n = loan.Years * loan.PerYear;
                    return loan.Principal * r / (1 - Math.Pow(1 + r, -n));
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static D Twin(string name, double x) => s_asm.Value.Method("Phys.Models", name, typeof(D)).Call<D>(new D(x, 1.0));

    private static double Primal(string name, double x) => s_asm.Value.Method("Phys.Models", name, typeof(double)).Call<double>(x);

    /// <summary>5-point central difference with a scaled step.</summary>
    private static double Fd5(Func<double, double> f, double x)
    {
        double h = 1e-3 * Math.Max(1.0, Math.Abs(x));
        return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    [TestCase(0.3)]
    [TestCase(0.7)]
    [TestCase(1.1)]
    public void RecordWithAndStructOperators_MatchFiniteDifferences(double angle)
    {
        D r = Twin("Range", angle);
        GeneratorHarness.Close(r.Value, Primal("Range", angle), 1e-12, "value");
        GeneratorHarness.Close(r.Tangent, Fd5(a => Primal("Range", a), angle), 1e-7, "derivative");
    }

    [TestCase(-0.8)]
    [TestCase(0.4)]
    [TestCase(1.9)]
    public void HelpersWithoutTheAttribute_MatchClosedForm(double w)
    {
        D r = Twin("Neuron", w);
        double s1 = Sigmoid(2 * w - 1);
        GeneratorHarness.Close(r.Value, s1 + Math.Log(1 + Math.Exp(w * w)), 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, 2 * s1 * (1 - s1) + Sigmoid(w * w) * 2 * w, 1e-13, "derivative");
    }

    [TestCase(0.5)]
    [TestCase(2.0)]
    public void MutableStructFields_MatchClosedForm(double k)
    {
        D r = Twin("Euler", k);
        GeneratorHarness.Close(r.Value, Math.Pow(1 - 0.1 * k, 10), 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, -Math.Pow(1 - 0.1 * k, 9), 1e-12, "derivative");
    }

    [TestCase(0.5)]
    [TestCase(-1.5)]
    public void HelperTakingArrays_MatchesClosedForm(double x)
    {
        D r = Twin("DotHelper", x);
        GeneratorHarness.Close(r.Value, x + 5 * x * x, 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, 1 + 10 * x, 1e-13, "derivative");
    }

    [TestCase(0.03)]
    [TestCase(0.08)]
    public void InstanceMethodOfImmutableClass_MatchesClosedForm(double rate)
    {
        D r = Twin("BondPrice", rate);
        double v = 0, d = 0;
        for (int t = 1; t <= 3; t++)
        {
            v += 5 / Math.Pow(1 + rate, t);
            d += -t * 5 / Math.Pow(1 + rate, t + 1);
        }
        v += 100 / Math.Pow(1 + rate, 3);
        d += -300 / Math.Pow(1 + rate, 4);
        GeneratorHarness.Close(r.Value, v, 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, d, 1e-12, "derivative");
    }

    [TestCase(1000.0)]
    [TestCase(25000.0)]
    public void PositionalRecordDefaults_MatchClosedForm(double principal)
    {
        D r = Twin("Payment", principal);
        double rate = 0.05 / 12, annuity = rate / (1 - Math.Pow(1 + rate, -36));
        GeneratorHarness.Close(r.Value, principal * annuity, 1e-13, "value");
        GeneratorHarness.Close(r.Tangent, annuity, 1e-13, "derivative");
    }

    [TestCase(3.0, 4.0, 2.0)]
    [TestCase(-1.5, 0.5, 0.7)]
    public void AggregateParameter_TwinTakesTheDualType_MatchesClosedForm(double x, double y, double m)
    {
        // The twin of Energy(Vec2 v, double m) takes the generated Vec2Dual, built with the twin of Vec2's constructor.
        Type vecDual = s_asm.Value.GetType("Phys.Vec2Dual", throwOnError: true)!;
        object v = Activator.CreateInstance(vecDual, new D(x, 1.0), new D(y, 0.0))!;
        MethodInfo energy = s_asm.Value.Method("Phys.Models", "Energy", vecDual, typeof(D));
        D dx = energy.Call<D>(v, new D(m, 0.0));
        GeneratorHarness.Close(dx.Value, 0.5 * m * (x * x + y * y), 1e-13, "value");
        GeneratorHarness.Close(dx.Tangent, m * x, 1e-13, "d/dx");
        D dm = energy.Call<D>(Activator.CreateInstance(vecDual, new D(x, 0.0), new D(y, 0.0))!, new D(m, 1.0));
        GeneratorHarness.Close(dm.Tangent, 0.5 * (x * x + y * y), 1e-13, "d/dm");
    }
}
