using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Emitted source for representative methods, compared with checked-in files under Snapshots/.
/// Set DUAL_UPDATE_SNAPSHOTS=1 to (re)write them, then review the diff by eye.
/// </summary>
public class SnapshotTests
{
    // Found from the test's output folder, not [CallerFilePath]: CI builds map source paths to /_/ (deterministic).
    private static string SnapshotDir()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln")))
        {
            directory = directory.Parent;
        }
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        return Path.Combine(directory!.FullName, "tests", "Dual.Generators.Tests", "Snapshots");
    }

    private static void Verify(string name, string source, string hint, bool gpu = false)
    {
        var r = GeneratorHarness.Run(gpu, source);
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        var errors = r.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, () => string.Join("\n", errors) + "\n" + GeneratorHarness.Numbered(r.Output));
        string actual = r.Generated(hint).Replace("\r\n", "\n");
        string file = Path.Combine(SnapshotDir(), name + ".verified.cs");
        if (Environment.GetEnvironmentVariable("DUAL_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(SnapshotDir());
            File.WriteAllText(file, actual);
        }
        Assert.That(File.Exists(file), Is.True, "missing snapshot " + file + "; run with DUAL_UPDATE_SNAPSHOTS=1 and review it");
        string expected = File.ReadAllText(file).Replace("\r\n", "\n");
        Assert.That(actual, Is.EqualTo(expected), "snapshot " + name + " differs; run with DUAL_UPDATE_SNAPSHOTS=1 and review the diff");
    }

    [Test]
    public void ScalarFunction() => Verify("ScalarFunction", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Physics
        {
            /// <summary>Projectile height.</summary>
            [Differentiable]
            public static double Height(double v0, double angle, double t)
            {
                const double g = 9.81;
                double vy = v0 * Math.Sin(angle);
                return vy * t - 0.5 * g * t * t;
            }
        }
        """, "Height");

    [Test]
    public void SinCosPairs() => Verify("SinCosPairs", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Orbit
        {
            /// <summary>Planar position after n steps of a rotation by theta: the parameter's pair once, a loop local's per step.</summary>
            [Differentiable]
            public static double Position(double r, double theta, int n)
            {
                double x = r * Math.Cos(theta), y = r * Math.Sin(theta);
                for (int i = 0; i < n; i++)
                {
                    double phase = theta / (i + 1);
                    x += Math.Cos(phase) * y - Math.Sin(phase) * x;
                }
                return x + y;
            }
        }
        """, "Position");

    [Test]
    public void CollectionsOfDoubles() => Verify("CollectionsOfDoubles", """
        using System;
        using System.Collections.Generic;
        using Dual;

        namespace Demo;

        public static partial class Stats
        {
            /// <summary>Sample variance after dropping values beyond a cap, with a Huber-style switch.</summary>
            [Differentiable]
            public static double CappedVariance(IReadOnlyList<double> sample, [Constant] double cap = 10)
            {
                var kept = new List<double>(sample.Count);
                foreach (double v in sample)
                {
                    kept.Add(Math.Abs(v) switch { var a when a <= cap => v, var a => cap * v / a });
                }
                double mean = 0;
                for (int i = 0; i < kept.Count; i++) mean += kept[i];
                mean /= kept.Count;
                double s = 0;
                foreach (double v in kept) s += (v - mean) * (v - mean);
                return s / (kept.Count - 1);
            }
        }
        """, "CappedVariance");

    [Test]
    public void NumericsVectors() => Verify("NumericsVectors", """
        using System;
        using System.Numerics;
        using Dual;

        namespace Demo;

        public static partial class Orbit
        {
            /// <summary>Leapfrog steps under a central force; the distance from the origin at the end.</summary>
            [Differentiable]
            public static float FinalRadius(float vy, float vz, float mu = 1f)
            {
                Vector3 position = Vector3.UnitX, velocity = new Vector3(0, vy, vz);
                for (int i = 0; i < 10; i++)
                {
                    velocity += 0.05f * Acceleration(position, mu);
                    position += 0.1f * velocity;
                    velocity += 0.05f * Acceleration(position, mu);
                }
                return Vector3.Distance(position, Vector3.Zero);
            }

            private static Vector3 Acceleration(Vector3 r, float mu) => -mu / MathF.Pow(r.Length(), 3) * r;
        }
        """, "FinalRadius");

    [Test]
    public void LinqOverDualNumbers() => Verify("LinqOverDualNumbers", """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Dual;

        namespace Demo;

        public static partial class Stats
        {
            private static readonly double[] s_weights = { 0.2, 0.3, 0.5 };

            /// <summary>Aggregates through DualEnumerable, generic operators with dual type arguments, a constant source made dual.</summary>
            [Differentiable]
            public static double Score(IReadOnlyList<double> x)
            {
                double mean = x.Average();
                double[] centred = x.Select(v => v - mean).ToArray();
                double spread = centred.Max() - centred.Min();
                double median = x.OrderBy(v => v).ElementAt(x.Count / 2);
                return s_weights.Zip(x, (w, v) => w * v).Sum() + spread * median + x.Where(v => v > mean).Sum(v => v * v);
            }
        }
        """, "Score");

    [Test]
    public void LambdasOverDualNumbers() => Verify("LambdasOverDualNumbers", """
        using System;
        using Dual;

        namespace Demo;

        public static class Quadrature
        {
            public static double Trapezoid(Func<double, double> f, double a, double b, int n = 8)
            {
                double h = (b - a) / n, sum = (f(a) + f(b)) / 2;
                for (int i = 1; i < n; i++) sum += f(a + i * h);
                return sum * h;
            }
        }

        public static partial class Model
        {
            /// <summary>A lambda to a helper with a delegate parameter, and a local Func.</summary>
            [Differentiable]
            public static double Energy(double k, double x)
            {
                Func<double, double> spring = d => 0.5 * k * d * d;
                return spring(x) + Quadrature.Trapezoid(t => Math.Exp(-k * t), 0, x);
            }
        }
        """, "Energy");

    [Test]
    public void SpanInputGradient() => Verify("SpanInputGradient", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Losses
        {
            [Differentiable]
            public static double Rosenbrock(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i + 1 < x.Length; i++)
                {
                    double a = 1 - x[i];
                    double b = x[i + 1] - x[i] * x[i];
                    s += a * a + 100 * b * b;
                }
                return s;
            }
        }
        """, "Rosenbrock");

    [Test]
    public void VectorFunctionJacobian() => Verify("VectorFunctionJacobian", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Kinematics
        {
            [Differentiable]
            public static void Polar(ReadOnlySpan<double> q, Span<double> p)
            {
                p[0] = q[0] * Math.Cos(q[1]);
                p[1] = q[0] * Math.Sin(q[1]);
            }
        }
        """, "Polar");

    /// <summary>The compile-time Jacobian pattern (FJacobianSparsity) of a stencil: its loops replayed with the adds.</summary>
    [Test]
    public void SparsityStencil() => Verify("SparsityStencil", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Heat
        {
            [Differentiable]
            public static void Rhs(ReadOnlySpan<double> u, Span<double> du)
            {
                int n = u.Length;
                for (int i = 0; i < n; i++)
                {
                    double left = i > 0 ? u[i - 1] : 0.0;
                    double right = u[(i + 1) % n];
                    du[i] = left - 2 * u[i] + right - u[i] * u[i] * u[i];
                }
            }
        }
        """, "Rhs");

    [Test]
    public void ControlFlowAndCustomRule() => Verify("ControlFlowAndCustomRule", """
        using System;
        using Dual;

        namespace Demo;

        public partial class Model
        {
            private readonly double _k = 3;

            public static double Lookup(double x) => Math.Round(x * 100) / 100; // a table lookup in disguise

            [DerivativeOf(nameof(Lookup))]
            public static double LookupDerivative(double x) => 1.0;

            [Differentiable]
            public double Eval(double x, int n)
            {
                double acc = 0;
                for (int i = 0; i < n; i++)
                {
                    acc += x switch
                    {
                        < 0 => -x,
                        _ => Lookup(x) * _k,
                    };
                    if (acc == 10.0) break;
                }
                var (a, b) = (acc, x);
                return a * b;
            }
        }
        """, "Eval");

    [Test]
    public void FloatNestedTypes() => Verify("FloatNestedTypes", """
        using System;
        using Dual;

        namespace Demo.Graphics
        {
            public static partial class Outer
            {
                internal partial struct Shader
                {
                    [Differentiable]
                    internal static float Smooth(float t) => t * t * (3f - 2f * t) + MathF.Exp(-t);
                }
            }
        }
        """, "Smooth");

    [Test]
    public void MixedPrecisionAndLogging() => Verify("MixedPrecisionAndLogging", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Mixed
        {
            [Differentiable]
            public static double Blend(double x, double w)
            {
                float f = (float)x;                          // precision change keeps the tangent
                Console.WriteLine($"x = {x}, sign {Math.Sign(x)}"); // logging sees primal values
                if (double.IsNaN(x)) return 0;
                return w * MathF.Sin(f) + (1 - w) * x;
            }
        }
        """, "Blend");

    [Test]
    public void GpuKernel() => Verify("GpuKernel", """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Residuals
        {
            /// <summary>yᵢ = sin(xᵢ)·exp(x₍ᵢ₊₁₎ mod n) + xᵢ², with a constant and a branch.</summary>
            [Differentiable(Gpu = true, EntryPoints = false, MultiTangent = false)]
            public static void Rolling(ReadOnlySpan<double> x, Span<double> y)
            {
                int n = x.Length;
                for (int i = 0; i < n; i++)
                {
                    double xi = x[i];
                    if (xi > 10) y[i] = 0.5 * xi;
                    else y[i] = Math.Sin(xi) * Math.Exp(x[(i + 1) % n]) + xi * xi;
                }
            }
        }
        """, "Rolling", gpu: true);

    private const string HeatSource = """
        using System;
        using Dual;

        namespace Demo;

        public static partial class Heat
        {
            [Differentiable]
            public static double Energy(double u0, double k = 0.5, params double[] extra)
            {
                Span<double> u = stackalloc double[4];
                u.Fill(u0);                                  // dual elements: the fill carries the tangent
                Span<double> next = stackalloc double[4];
                u.CopyTo(next);
                for (int i = 1; i < 3; i++) next[i] = u[i] + k * (u[i - 1] - 2 * u[i] + u[i + 1]);
                int steps = (int)u0;                         // allow-listed: integer conversion of the primal
                double e = steps;
                foreach (double v in next) e += v * v;
                foreach (double v in extra) e += v;
                return e;
            }

            [Differentiable]
            public static double Use(double x) => Energy(x) + Energy(x, extra: x) + Energy(x, 0.25, x, 1);
        }
        """;

    /// <summary>Calls relying on a default value, named arguments and params: the twin call passes them explicitly.</summary>
    [Test]
    public void CallsWithDefaultsNamedAndParams() => Verify("CallsWithDefaultsNamedAndParams", HeatSource, "Use");

    /// <summary>In-place span operations on dual elements, and the primal value only at the allow-listed integer conversion.</summary>
    [Test]
    public void InPlaceSpansAndPrimalSites() => Verify("InPlaceSpansAndPrimalSites", HeatSource, "Energy");

    /// <summary>The dual type of a readonly struct with operators: mirrored fields, the constant conversion, and its multi-tangent form.</summary>
    [Test]
    public void AggregateDualType() => Verify("AggregateDualType", AggregateAndHelperTests.Source, "Phys.Vec2.DualType");

    /// <summary>A record updated with 'with' in a loop, through the twins of the struct's operators.</summary>
    [Test]
    public void AggregateRecordWith() => Verify("AggregateRecordWith", AggregateAndHelperTests.Source, "Phys.Models.Range");

    /// <summary>A helper without the attribute in a static class that is not partial: its twin goes to a companion class.</summary>
    [Test]
    public void HelperTwinInCompanion() => Verify("HelperTwinInCompanion", AggregateAndHelperTests.Source, "Phys.Activation.Sigmoid");

    /// <summary>try/catch/finally, using and lock around numeric code: copied with the locals made dual.</summary>
    [Test]
    public void TryUsingLock() => Verify("TryUsingLock", """
        using System;
        using Dual;

        public static partial class Guarded
        {
            private static readonly object s_gate = new();

            [Differentiable]
            public static double SafeLog(double x)
            {
                double r = 0;
                lock (s_gate)
                {
                    try
                    {
                        using var sw = new System.IO.StringWriter();
                        if (x <= 0) throw new ArgumentOutOfRangeException(nameof(x));
                        r = Math.Log(x);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        r = double.NegativeInfinity;
                    }
                    finally
                    {
                        r += 0.5 * x;
                    }
                }
                return r;
            }
        }
        """, "SafeLog");

    /// <summary>A generic-math method is its own twin: only the entry points (at T = double) are emitted, calling it with dual type arguments.</summary>
    [Test]
    public void GenericMathMethod() => Verify("GenericMathMethod", """
        using System.Numerics;
        using Dual;

        public static partial class Geometry
        {
            [Differentiable]
            public static T Hypotenuse<T>(T a, T b) where T : IFloatingPoint<T>, IRootFunctions<T> => T.Sqrt(a * a + b * b);
        }
        """, "Hypotenuse");

    /// <summary>double? is Dual&lt;double&gt;? in the twin; comparisons read the primal through NullablePrimal.Of (null stays null).</summary>
    [Test]
    public void NullableDouble() => Verify("NullableDouble", """
        using System;
        using Dual;

        public static partial class Easing
        {
            [Differentiable]
            public static double ApplyCap(double value, double? cap = null, double? floor = null)
            {
                double v = cap is { } c ? Math.Min(value, c) : value;
                if (floor > v) v = floor.Value;
                return v + (floor ?? 0.0) * 0.5;
            }
        }
        """, "ApplyCap");

    /// <summary>An instance method writing its own fields: dual locals from the fields, the body in a try, the primal values written back.</summary>
    [Test]
    public void OwnStateFields() => Verify("OwnStateFields", """
        using Dual;

        public partial class PidController
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
        }
        """, "Update");
}
