using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// Instance <c>[Differentiable]</c> methods writing their own <c>double</c> fields (a PID controller's integral and
/// previous error): the twin shadows the fields in dual locals, differentiates the call with the incoming state as
/// constants, and writes the primal state back, also when the body throws. Values and state are compared with the
/// plain method on an identical object; derivatives with closed forms. Callers that would carry the state to a later
/// call, and bodies that could see a stale field, are DUAL004.
/// </summary>
public class OwnStateTests
{
    private const string Source = """
        using System;
        using Dual;

        public partial class Pid
        {
            private double _integral;
            private double _previousError;

            public double Kp { get; init; } = 1.2;
            public double Ki { get; init; } = 0.4;
            public double Kd { get; init; } = 0.05;

            [Differentiable]
            public double Update(double setpoint, double measured, double dt)
            {
                double error = setpoint - measured;
                _integral += error * dt;
                double derivative = (error - _previousError) / dt;
                _previousError = error;
                return Kp * error + Ki * _integral + Kd * derivative;
            }

            public double Integral => _integral;
        }

        public partial class Pair
        {
            private double _a = 1, _b = 2;
            private int _calls;

            // Explicit 'this.', a deconstruction write, and a state-dependent product: f = (b + x)(a x).
            [Differentiable]
            public double Mix(double x)
            {
                (this._a, _b) = (_b + x, _a * x);
                _calls++;
                return _a * this._b;
            }

            // Writes, then throws for a negative input: the field must hold what the method leaves in it.
            [Differentiable]
            public double Accumulate(double x)
            {
                _a += x * x;
                if (x < 0) throw new ArgumentOutOfRangeException(nameof(x));
                return _a * x;
            }

            public (double A, double B, int Calls) State => (_a, _b, _calls);
        }

        public static partial class Uses
        {
            // One call on a new object: the state it leaves is never read, so the derivative is exact.
            [Differentiable]
            public static double Fresh(double sp, double m) => new Pid().Update(sp, m, 0.1);

            public static double[] FreshGrad(double sp, double m) { var (v, (a, b)) = FreshValueAndGradient(sp, m); return new[] { v, a, b }; }
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static Type T(string name) => s_asm.Value.GetType(name, throwOnError: true)!;

    private static object New(string name) => Activator.CreateInstance(T(name))!;

    private static object? Invoke(object target, string method, Type[] types, params object[] args) =>
        target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance, null, types, null)!.Invoke(target, args);

    private static readonly Type[] PlainUpdate = { typeof(double), typeof(double), typeof(double) };
    private static readonly Type[] TwinUpdate = { typeof(D), typeof(D), typeof(D) };

    [Test]
    public void TwinMatchesThePlainStepAndAdvancesTheStateTheSameWay()
    {
        object plain = New("Pid"), dual = New("Pid");
        foreach (var (sp, m) in new[] { (20.0, 18.5), (20.0, 19.1) })
        {
            Invoke(plain, "Update", PlainUpdate, sp, m, 0.1);
            Invoke(dual, "Update", PlainUpdate, sp, m, 0.1);
        }
        double expected = (double)Invoke(plain, "Update", PlainUpdate, 21.0, 19.7, 0.1)!;
        var r = (D)Invoke(dual, "Update", TwinUpdate, new D(21.0, 1), new D(19.7, 0), new D(0.1, 0))!;
        Assert.That(r.Value, Is.EqualTo(expected).Within(1e-12));
        // ∂/∂setpoint of Kp e + Ki (I₀ + e dt) + Kd (e − e₀)/dt, with I₀ and e₀ constants of this call.
        Assert.That(r.Tangent, Is.EqualTo(1.2 + 0.4 * 0.1 + 0.05 / 0.1).Within(1e-12));
        Assert.That(T("Pid").GetProperty("Integral")!.GetValue(dual), Is.EqualTo(T("Pid").GetProperty("Integral")!.GetValue(plain)));
        // The next plain step sees the same state on both objects.
        Assert.That(Invoke(dual, "Update", PlainUpdate, 20.0, 20.3, 0.1), Is.EqualTo(Invoke(plain, "Update", PlainUpdate, 20.0, 20.3, 0.1)));
    }

    [Test]
    public void DerivativeWithRespectToMeasuredAndDt()
    {
        object dual = New("Pid");
        Invoke(dual, "Update", PlainUpdate, 20.0, 18.0, 0.1); // I₀ = 0.2, e₀ = 2
        double sp = 20, m = 18.5, dt = 0.2, e = sp - m;
        var dm = (D)Invoke(New("Pid"), "Update", TwinUpdate, new D(sp, 0), new D(m, 1), new D(dt, 0))!;
        Assert.That(dm.Tangent, Is.EqualTo(-(1.2 + 0.4 * dt + 0.05 / dt)).Within(1e-12));
        var ddt = (D)Invoke(dual, "Update", TwinUpdate, new D(sp, 0), new D(m, 0), new D(dt, 1))!;
        Assert.That(ddt.Tangent, Is.EqualTo(0.4 * e - 0.05 * (e - 2) / (dt * dt)).Within(1e-12));
    }

    [Test]
    public void ThisQualifiedDeconstructionAndIncrement()
    {
        object plain = New("Pair"), dual = New("Pair");
        double x = 0.7;
        double expected = (double)Invoke(plain, "Mix", new[] { typeof(double) }, x)!;
        var r = (D)Invoke(dual, "Mix", new[] { typeof(D) }, new D(x, 1))!;
        // a₀ = 1, b₀ = 2: f = (2 + x)(x) → f' = 2 + 2x.
        Assert.That(r.Value, Is.EqualTo(expected).Within(1e-15));
        Assert.That(r.Tangent, Is.EqualTo(2 + 2 * x).Within(1e-15));
        Assert.That(T("Pair").GetProperty("State")!.GetValue(dual), Is.EqualTo(T("Pair").GetProperty("State")!.GetValue(plain)));
    }

    [Test]
    public void StateIsWrittenBackWhenTheBodyThrows()
    {
        object plain = New("Pair"), dual = New("Pair");
        Assert.Throws<TargetInvocationException>(() => Invoke(plain, "Accumulate", new[] { typeof(double) }, -0.5));
        Assert.Throws<TargetInvocationException>(() => Invoke(dual, "Accumulate", new[] { typeof(D) }, new D(-0.5, 1)));
        Assert.That(T("Pair").GetProperty("State")!.GetValue(dual), Is.EqualTo(T("Pair").GetProperty("State")!.GetValue(plain)));
        Assert.That(((ValueTuple<double, double, int>)T("Pair").GetProperty("State")!.GetValue(dual)!).Item1, Is.EqualTo(1.25));
    }

    [Test]
    public void FreshObjectCallerGetsEntryPointsWithTheClosedForm()
    {
        var grad = (double[])T("Uses").GetMethod("FreshGrad")!.Invoke(null, new object[] { 20.0, 18.5 })!;
        double k = 1.2 + 0.4 * 0.1 + 0.05 / 0.1;
        Assert.That(grad[0], Is.EqualTo(k * 1.5).Within(1e-12));
        Assert.That(grad[1], Is.EqualTo(k).Within(1e-12));
        Assert.That(grad[2], Is.EqualTo(-k).Within(1e-12));
    }

    [Test]
    public void StateWritingMethodGetsTheTwinOnly()
    {
        Assert.That(T("Pid").GetMethods().Select(m => m.Name), Does.Not.Contain("UpdateGradient").And.Not.Contain("UpdateJvp"));
    }

    [TestCase("var p = new Pid(); return p.Update(x, 1, 0.1);", "writes the fields _integral, _previousError of its object")]
    [TestCase("return s_pid.Update(x, 1, 0.1);", "writes the fields _integral, _previousError of its object")]
    public void CallersThatCouldReadTheStateLaterAreDual004(string body, string reason)
    {
        var r = GeneratorHarness.Run(Source, "using Dual;\npublic static partial class Caller\n{\n    private static readonly Pid s_pid = new();\n    [Differentiable] public static double F(double x)\n    {\n        " + body + "\n    }\n}\n");
        var d = r.Dual.Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.That(d.Select(x => x.Id), Is.EqualTo(new[] { "DUAL004" }), string.Join("\n", d));
        Assert.That(d[0].GetMessage(), Does.Contain(reason));
    }

    [TestCase("_s += x; return Twice();", "calls 'Twice' on its own object")]
    [TestCase("_s += x; return Current * x;", "reads the computed property 'Current'")]
    [TestCase("_s += x; return Helpers.Read(this) * x;", "hands 'this' to other code")]
    public void BodiesThatCouldSeeAStaleFieldAreDual004(string body, string reason)
    {
        string source = "using Dual;\npublic partial class S\n{\n    private double _s;\n    public double Current => _s;\n    public double Twice() => 2 * _s;\n"
            + "    [Differentiable] public double F(double x)\n    {\n        " + body + "\n    }\n}\npublic static class Helpers { public static double Read(S s) => s.Current; }\n";
        var r = GeneratorHarness.Run(source);
        var d = r.Dual.Where(x => x.Id == "DUAL004").ToList();
        Assert.That(d.Select(x => x.GetMessage()), Has.Some.Contain(reason), string.Join("\n", r.Dual));
    }
}
