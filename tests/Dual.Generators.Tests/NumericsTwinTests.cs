using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// System.Numerics Vector2/3/4 and Quaternion (float) in twins → Dual.Numerics.DualVector*/DualQuaternion of
/// Dual&lt;float&gt; (Dual&lt;float, TTangents&gt; in multi-tangent twins): compiled in memory, run through the generated entry
/// points and compared with closed forms; members without a dual twin are diagnostics naming them.
/// </summary>
public class NumericsTwinTests
{
    internal const string Source = """
        using System;
        using System.Numerics;
        using Dual;

        namespace Num
        {
            public static partial class Geo
            {
                [Differentiable]
                public static Vector3 Rotate(Vector3 v, Vector3 axis, float angle) =>
                    Vector3.Transform(v, Quaternion.CreateFromAxisAngle(Vector3.Normalize(axis), angle));

                [Differentiable]
                public static float RotatedX(float angle, float tilt)
                {
                    Vector3 r = Rotate(new Vector3(1, 2, 0.5f), new Vector3(0, MathF.Sin(tilt), MathF.Cos(tilt)), angle);
                    return r.X;
                }

                [Differentiable]
                public static float BezierY(float t, float lift)
                {
                    Vector2 p0 = Vector2.Zero, p1 = new Vector2(1, lift), p2 = new Vector2(2, 0);
                    Vector2 p = Vector2.Lerp(Vector2.Lerp(p0, p1, t), Vector2.Lerp(p1, p2, t), t);
                    return p.Y;
                }

                [Differentiable]
                public static float Members(float a)
                {
                    var q = new Quaternion(a, 1, 2, 3);
                    float s = (q * Quaternion.Conjugate(q)).W;                          // |q|² = a² + 14
                    s += Quaternion.Normalize(q).X;                                     // a / √(a² + 14)
                    s += (q * 2f).Y + (-q).Z;                                           // 2 − 2
                    s += Vector4.Distance(new Vector4(a, 1, 2, 3), Vector4.One);        // √((a − 1)² + 5)
                    s += Vector3.Cross(new Vector3(a, 1, 0), Vector3.UnitZ).Y;          // −a
                    s += (new Vector3(a, 2, 3) * new Vector3(2, a, 1) / new Vector3(1, 1, a)).Z; // 3 / a
                    var v = new Vector2(a, 0);
                    v -= new Vector2(0, 1) / 2f;
                    s += Vector2.DistanceSquared(v, Vector2.Zero);                      // a² + 0.25
                    return s;
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static Type Geo => s_asm.Value.GetType("Num.Geo", throwOnError: true)!;

    [TestCase(0.4f, 0.3f)]
    [TestCase(2.1f, -0.7f)]
    public void QuaternionRotation_GradientMatchesRodrigues(float angle, float tilt)
    {
        // Rodrigues with n = (0, sin t, cos t), v = (1, 2, 0.5): x = cos θ + (0.5 sin t − 2 cos t) sin θ.
        double c = Math.Cos(angle), s = Math.Sin(angle), k = 0.5 * Math.Sin(tilt) - 2 * Math.Cos(tilt);
        var grad = ((float, float))Geo.GetMethod("RotatedXGradient")!.Invoke(null, new object[] { angle, tilt })!;
        Assert.That(grad.Item1, Is.EqualTo(-s + k * c).Within(2e-5), "∂/∂angle");
        Assert.That(grad.Item2, Is.EqualTo((0.5 * Math.Cos(tilt) + 2 * Math.Sin(tilt)) * s).Within(2e-5), "∂/∂tilt");
        Assert.That((bool)Geo.GetNestedType("RotatedXTwin")!.GetProperty("HasMultiTangentTwin")!.GetValue(null)!, Is.True, "float-only: multi-tangent twin");
    }

    [TestCase(0.25f, 1.5f)]
    [TestCase(0.8f, -2f)]
    public void Lerp_QuadraticBezierMatchesClosedForm(float t, float lift)
    {
        // y = 2t(1 − t)·lift.
        var vg = ((float, (float, float)))Geo.GetMethod("BezierYValueAndGradient")!.Invoke(null, new object[] { t, lift })!;
        Assert.That(vg.Item1, Is.EqualTo(2 * t * (1 - t) * lift).Within(1e-5));
        Assert.That(vg.Item2.Item1, Is.EqualTo(2 * (1 - 2 * t) * lift).Within(1e-5), "∂/∂t");
        Assert.That(vg.Item2.Item2, Is.EqualTo(2 * t * (1 - t)).Within(1e-5), "∂/∂lift");
    }

    [TestCase(0.7f)]
    [TestCase(1.9f)]
    public void OperatorsAndMembers_MatchClosedForm(float a)
    {
        double r = Math.Sqrt(a * a + 14.0), d = Math.Sqrt((a - 1.0) * (a - 1.0) + 5);
        double value = a * a + 14 + a / r + d - a + 3.0 / a + a * a + 0.25;
        double derivative = 2 * a + 14 / (r * r * r) + (a - 1) / d - 1 - 3.0 / (a * a) + 2 * a;
        var vd = ((float, float))Geo.GetMethod("MembersValueAndDerivative")!.Invoke(null, new object[] { a })!;
        Assert.That(vd.Item1, Is.EqualTo(value).Within(1e-5 * value));
        Assert.That(vd.Item2, Is.EqualTo(derivative).Within(1e-5 * Math.Abs(derivative)));
    }

    [TestCase("return Vector3.Reflect(v, Vector3.UnitY).X;", "System.Numerics.Vector3.Reflect(System.Numerics.Vector3, System.Numerics.Vector3)")]
    [TestCase("return v == Vector3.One ? 1f : v.X;", "System.Numerics.Vector3.operator ==(System.Numerics.Vector3, System.Numerics.Vector3)")]
    [TestCase("return Vector3.Transform(v, Matrix4x4.Identity).X;", "System.Numerics.Vector3.Transform(System.Numerics.Vector3, System.Numerics.Matrix4x4)")]
    public void MemberWithoutDualTwin_IsDual001NamingIt(string body, string member)
    {
        var r = GeneratorHarness.Run("using System.Numerics;\nusing Dual;\npublic static partial class C\n{\n    [Differentiable] public static float F(float x)\n    {\n        var v = new Vector3(x, 1, 2);\n        " + body + "\n    }\n}\n");
        var d = r.Dual.ToList();
        Assert.That(d.Select(x => x.Id), Is.EqualTo(new[] { "DUAL001" }), () => string.Join("\n", d));
        Assert.That(d[0].GetMessage(), Does.Contain("'" + member + "'").And.Contain("has no dual twin"));
        Assert.That(d[0].Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(7));
    }
}
