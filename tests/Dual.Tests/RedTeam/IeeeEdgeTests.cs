using System;
using System.Globalization;
using NUnit.Framework;

namespace Dual.Tests.RedTeam;

/// <summary>
/// Edge cases a demanding user meets, each against the documented convention (docs/design.md) or a closed-form limit:
/// √ at −0, atan2 and hypot with one infinite argument, Clamp with a NaN operand, conversions of nested duals, UTF-8
/// formatting into a short buffer. Each ran wrong before its fix.
/// </summary>
[TestFixture]
public sealed class IeeeEdgeTests
{
    private static Dual<double> V(double x) => Dual<double>.Variable(x);

    private static Dual<double> C(double x) => Dual<double>.Constant(x);

    [Test]
    public void Sqrt_at_negative_zero_has_the_documented_derivative_plus_infinity()
    {
        // The table: Sqrt, Cbrt, RootN at 0 → +∞; −0 is 0 (Cbrt and RootN already gave +∞ there, Sqrt gave −∞).
        Assert.That(Dual<double>.Sqrt(V(-0.0)).Tangent, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<float>.Sqrt(Dual<float>.Variable(-0f)).Tangent, Is.EqualTo(float.PositiveInfinity));
        Assert.That(Dual<double>.Sqrt(V(-0.0)).Tangent, Is.EqualTo(Dual<double>.RootN(V(-0.0), 2).Tangent));
        var multi = Dual<double, Tangents2<double>>.Sqrt(Dual<double, Tangents2<double>>.Variable(-0.0, 1));
        Assert.That(multi.Tangents[1], Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<double>.Sqrt(V(4)).Tangent, Is.EqualTo(0.25));
    }

    // atan2(y, x) is constant (0, π or ±π/2) along the line where one argument is infinite and the other finite, and
    // its partials x/(x²+y²), −y/(x²+y²) tend to 0 there: ∞/∞ gave NaN.
    [TestCase(1.0, double.PositiveInfinity)]
    [TestCase(-3.0, double.PositiveInfinity)]
    [TestCase(1.0, double.NegativeInfinity)]
    [TestCase(double.PositiveInfinity, 2.0)]
    [TestCase(double.NegativeInfinity, -2.0)]
    [TestCase(0.0, double.PositiveInfinity)]
    public void Atan2_with_one_infinite_argument_has_zero_partials(double y, double x)
    {
        // Oracle: the closed-form partials at a large finite stand-in for ∞ are already below 1e-300 in magnitude.
        double big = 1e300;
        double xs = double.IsInfinity(x) ? Math.CopySign(big, x) : x, ys = double.IsInfinity(y) ? Math.CopySign(big, y) : y;
        Assert.That(Math.Abs(xs / (xs * xs + ys * ys)) + Math.Abs(ys / (xs * xs + ys * ys)), Is.LessThan(1e-299));
        Assert.That(Dual<double>.Atan2(V(y), C(x)).Tangent, Is.EqualTo(0.0), "∂/∂y");
        Assert.That(Dual<double>.Atan2(C(y), V(x)).Tangent, Is.EqualTo(0.0), "∂/∂x");
        Assert.That(Dual<double>.Atan2Pi(V(y), C(x)).Tangent, Is.EqualTo(0.0), "Atan2Pi ∂/∂y");
        Assert.That(Dual<double>.Atan2Pi(C(y), V(x)).Tangent, Is.EqualTo(0.0), "Atan2Pi ∂/∂x");
        Assert.That(Dual<float>.Atan2(Dual<float>.Variable((float)y), Dual<float>.Constant((float)x)).Tangent, Is.EqualTo(0f), "float ∂/∂y");
        var both = Dual<double, Tangents2<double>>.Atan2(Dual<double, Tangents2<double>>.Variable(y, 0), Dual<double, Tangents2<double>>.Variable(x, 1));
        Assert.That(both.Tangents[0], Is.EqualTo(0.0));
        Assert.That(both.Tangents[1], Is.EqualTo(0.0));
    }

    [Test]
    public void Atan2_keeps_NaN_where_no_limit_exists()
    {
        Assert.That(double.IsNaN(Dual<double>.Atan2(V(double.PositiveInfinity), C(double.PositiveInfinity)).Tangent));
        Assert.That(double.IsNaN(Dual<double>.Atan2(V(0), C(0)).Tangent));
        Assert.That(double.IsNaN(Dual<double>.Atan2(V(double.NaN), C(double.PositiveInfinity)).Tangent));
    }

    // hypot(x, y) − |x| → 0 as |x| → ∞ with y fixed: ∂/∂x → sign(x), ∂/∂y = y/h → 0 (x/h was ∞/∞ = NaN).
    [TestCase(double.PositiveInfinity, 1.0, 1.0, 0.0)]
    [TestCase(double.NegativeInfinity, 1.0, -1.0, 0.0)]
    [TestCase(3.0, double.NegativeInfinity, 0.0, -1.0)]
    public void Hypot_with_one_infinite_argument_has_the_limit_partials(double x, double y, double dx, double dy)
    {
        Assert.That(Dual<double>.Hypot(V(x), C(y)).Tangent, Is.EqualTo(dx));
        Assert.That(Dual<double>.Hypot(C(x), V(y)).Tangent, Is.EqualTo(dy));
        var both = Dual<double, Tangents2<double>>.Hypot(Dual<double, Tangents2<double>>.Variable(x, 0), Dual<double, Tangents2<double>>.Variable(y, 1));
        Assert.That(both.Tangents[0], Is.EqualTo(dx));
        Assert.That(both.Tangents[1], Is.EqualTo(dy));
        // Oracle: the derivative at a large finite stand-in.
        double big = Math.CopySign(1e300, double.IsInfinity(x) ? x : y);
        double h = double.IsInfinity(x) ? Math.Sqrt(1 + (y / big) * (y / big)) : Math.Sqrt(1 + (x / big) * (x / big));
        Assert.That(double.IsInfinity(x) ? big / Math.Abs(big) / h : x / Math.Abs(big) / h, Is.EqualTo(dx).Within(1e-299));
    }

    [TestCase(double.NaN, 1.0, 2.0)]
    [TestCase(1.5, double.NaN, 2.0)]
    [TestCase(1.5, 1.0, double.NaN)]
    public void Clamp_with_a_NaN_operand_has_a_NaN_tangent(double value, double min, double max)
    {
        // docs/design.md: a NaN input poisons every partial it meets (Min and Max already did); Clamp kept x's tangent.
        Dual<double> y = Dual<double>.Clamp(V(value), C(min), C(max));
        if (double.IsNaN(y.Value))
        {
            Assert.That(double.IsNaN(y.Tangent), $"Clamp({value}, {min}, {max}) = {y}");
            var multi = Dual<double, Tangents4<double>>.Clamp(Dual<double, Tangents4<double>>.Variable(value, 2), min, max);
            Assert.That(double.IsNaN(multi.Tangents[0]) && double.IsNaN(multi.Tangents[2]), multi.ToString());
        }
    }

    [Test]
    public void Converting_a_nested_dual_whose_inner_tangent_is_not_zero_says_why()
    {
        // The outer tangent is 0, the inner one 1: the conversion would drop a derivative. It threw .NET's bare
        // "Specified method is not supported.".
        var nested = Dual<Dual<double>>.Constant(Dual<double>.Variable(2));
        var e = Assert.Throws<NotSupportedException>(() => double.CreateChecked(nested))!;
        Assert.That(e.Message, Does.Contain("tangent is not zero").And.Contain(".Value"));
        e = Assert.Throws<NotSupportedException>(() => float.CreateSaturating(nested))!;
        Assert.That(e.Message, Does.Contain("tangent is not zero"));
        var multiNested = Dual<Dual<double>, WideTangents<Dual<double>, Width2<Dual<double>>>>.Constant(Dual<double>.Variable(2));
        e = Assert.Throws<NotSupportedException>(() => double.CreateTruncating(multiNested))!;
        Assert.That(e.Message, Does.Contain("tangent is not zero"));
        // A constant all the way down still converts.
        Assert.That(double.CreateChecked(Dual<Dual<double>>.Constant(Dual<double>.Constant(2))), Is.EqualTo(2.0));
    }

    [Test]
    public void Utf8_formatting_into_a_short_buffer_reports_nothing_written()
    {
        Span<byte> small = stackalloc byte[3];
        bool ok = ((IUtf8SpanFormattable)Dual<double>.Variable(2.5)).TryFormat(small, out int written, default, CultureInfo.InvariantCulture);
        Assert.That((ok, written), Is.EqualTo((false, 0)));
        ok = ((IUtf8SpanFormattable)Dual<double, Tangents2<double>>.Variable(2.5, 0)).TryFormat(small, out written, default, CultureInfo.InvariantCulture);
        Assert.That((ok, written), Is.EqualTo((false, 0)));
        Span<byte> large = stackalloc byte[32];
        ok = ((IUtf8SpanFormattable)Dual<double>.Variable(2.5)).TryFormat(large, out written, default, CultureInfo.InvariantCulture);
        Assert.That(System.Text.Encoding.UTF8.GetString(large[..written]), Is.EqualTo("2.5 + 1ε"));
    }
}
