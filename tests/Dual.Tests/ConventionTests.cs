using System;
using System.Globalization;
using System.Numerics;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>The documented conventions at non-differentiable points, and equality, ordering, formatting, conversion.</summary>
[TestFixture]
public sealed class ConventionTests
{
    private static Dual<double> D(double value, double tangent) => new(value, tangent);

    // CreateChecked is a default interface method of INumberBase, reachable through a type parameter (as generic
    // user code reaches it), not as Dual<double>.CreateChecked.
    private static TTo Create<TTo>(object value) where TTo : INumberBase<TTo> => value switch
    {
        int i => TTo.CreateChecked(i),
        float f => TTo.CreateChecked(f),
        double d => TTo.CreateChecked(d),
        Dual<double> d => TTo.CreateChecked(d),
        _ => throw new ArgumentException("unsupported", nameof(value)),
    };

    // ---- kinks: derivative 0 -------------------------------------------------------------------------------

    [TestCase(0.0)]
    [TestCase(-0.0)]
    public void Abs_AtZero_HasZeroDerivative(double zero)
    {
        Dual<double> r = Dual<double>.Abs(D(zero, 1));
        Assert.That(r.Value, Is.EqualTo(0.0));
        Assert.That(r.Tangent, Is.EqualTo(0.0));
    }

    [Test]
    public void Abs_AwayFromZero_IsSignTimesTangent()
    {
        Assert.That(Dual<double>.Abs(D(-2, 3)).Tangent, Is.EqualTo(-3.0));
        Assert.That(Dual<double>.Abs(D(2, 3)).Tangent, Is.EqualTo(3.0));
    }

    [Test]
    public void Relu_AtZero_IsZero_AndAboveZero_PassesTheTangent()
    {
        Assert.That(Dual<double>.Relu(D(0, 1)), Is.EqualTo(D(0, 0)));
        Assert.That(Dual<double>.Relu(D(2, 3)), Is.EqualTo(D(2, 3)));
        Assert.That(Dual<double>.Relu(D(-2, 3)), Is.EqualTo(D(0, 0)));
    }

    [TestCase(3.0)]
    [TestCase(-4.0)]
    [TestCase(0.0)]
    public void Rounding_AtAnInteger_HasZeroDerivative(double n)
    {
        Assert.That(Dual<double>.Floor(D(n, 1)), Is.EqualTo(D(n, 0)));
        Assert.That(Dual<double>.Ceiling(D(n, 1)), Is.EqualTo(D(n, 0)));
        Assert.That(Dual<double>.Truncate(D(n, 1)), Is.EqualTo(D(n, 0)));
        Assert.That(Dual<double>.Round(D(n, 1)), Is.EqualTo(D(n, 0)));
    }

    [Test]
    public void Round_AtAHalf_RoundsToEven_WithZeroDerivative()
    {
        Assert.That(Dual<double>.Round(D(2.5, 1)), Is.EqualTo(D(2, 0)));
        Assert.That(Dual<double>.Round(D(2.5, 1), MidpointRounding.AwayFromZero), Is.EqualTo(D(3, 0)));
        Assert.That(Dual<double>.Round(D(0.25, 1), 1, MidpointRounding.AwayFromZero), Is.EqualTo(D(0.3, 0)));
    }

    [Test]
    public void Sign_IsThatOfTheValue()
    {
        Assert.That(Dual<double>.Sign(D(0, 5)), Is.EqualTo(0));
        Assert.That(Dual<double>.Sign(D(-2, 5)), Is.EqualTo(-1));
        Assert.Throws<ArithmeticException>(() => Dual<double>.Sign(D(double.NaN, 0)));
    }

    // ---- ties: the balanced rule ---------------------------------------------------------------------------

    [Test]
    public void Selection_AtATie_AveragesTheTangents()
    {
        Dual<double> a = D(3, 1), b = D(3, 5);
        Assert.That(Dual<double>.Max(a, b), Is.EqualTo(D(3, 3)));
        Assert.That(Dual<double>.Min(a, b), Is.EqualTo(D(3, 3)));
        Assert.That(Dual<double>.MaxNumber(a, b), Is.EqualTo(D(3, 3)));
        Assert.That(Dual<double>.MinNumber(a, b), Is.EqualTo(D(3, 3)));
        Assert.That(Dual<double>.MaxMagnitude(a, b), Is.EqualTo(D(3, 3)));
        Assert.That(Dual<double>.MinMagnitude(a, b), Is.EqualTo(D(3, 3)));
    }

    [Test]
    public void Selection_WithoutATie_TakesTheChosenSidesTangent()
    {
        Assert.That(Dual<double>.Max(D(3, 1), D(4, 5)), Is.EqualTo(D(4, 5)));
        Assert.That(Dual<double>.Min(D(3, 1), D(4, 5)), Is.EqualTo(D(3, 1)));
        // Equal magnitudes, different values: .NET picks the positive one for MaxMagnitude; its tangent follows.
        Assert.That(Dual<double>.MaxMagnitude(D(-3, 1), D(3, 5)), Is.EqualTo(D(3, 5)));
        Assert.That(Dual<double>.MinMagnitude(D(-3, 1), D(3, 5)), Is.EqualTo(D(-3, 1)));
    }

    [Test]
    public void Clamp_AtABound_PassesTheValuesTangent()
    {
        Dual<double> lo = D(0, 1), hi = D(5, 2);
        Assert.That(Dual<double>.Clamp(D(0, 7), lo, hi), Is.EqualTo(D(0, 7)));
        Assert.That(Dual<double>.Clamp(D(5, 7), lo, hi), Is.EqualTo(D(5, 7)));
        Assert.That(Dual<double>.Clamp(D(-1, 7), lo, hi), Is.EqualTo(D(0, 1)), "below: the lower bound's tangent");
        Assert.That(Dual<double>.Clamp(D(6, 7), lo, hi), Is.EqualTo(D(5, 2)), "above: the upper bound's tangent");
    }

    // ---- roots at 0: infinite derivative ------------------------------------------------------------------

    [Test]
    public void Sqrt_AtZero_HasInfiniteDerivative_AndZeroTangentGivesNaN()
    {
        Assert.That(Dual<double>.Sqrt(D(0, 1)).Tangent, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<double>.Sqrt(D(0, 0)).Tangent, Is.NaN);
        Assert.That(Dual<double>.Sqrt(D(0, 1)).Value, Is.EqualTo(0.0));
    }

    [Test]
    public void Cbrt_AtZero_HasInfiniteDerivative()
    {
        Assert.That(Dual<double>.Cbrt(D(0, 1)).Tangent, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<double>.Cbrt(D(0, 0)).Tangent, Is.NaN);
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void RootN_AtZero_HasInfiniteDerivative(int n)
    {
        Dual<double> r = Dual<double>.RootN(D(0, 1), n);
        Assert.That(r.Value, Is.EqualTo(0.0));
        Assert.That(r.Tangent, Is.EqualTo(double.PositiveInfinity));
        Assert.That(Dual<double>.RootN(D(0, 0), n).Tangent, Is.NaN);
    }

    [Test]
    public void RootN_FirstRoot_IsTheIdentity_AtZeroToo()
    {
        Assert.That(Dual<double>.RootN(D(0, 1), 1), Is.EqualTo(D(0, 1)));
        Assert.That(Dual<double>.RootN(D(-2, 3), 1), Is.EqualTo(D(-2, 3)));
    }

    // ---- Hypot, Atan2, Pow at their singular points -------------------------------------------------------

    [TestCase(1, 0)]
    [TestCase(0, 1)]
    [TestCase(3, 4)]
    public void Hypot_AtTheOrigin_HasZeroDerivative(double tx, double ty)
    {
        Assert.That(Dual<double>.Hypot(D(0, tx), D(0, ty)), Is.EqualTo(D(0, 0)));
    }

    [TestCase(1, 0)]
    [TestCase(0, 1)]
    public void Atan2_AtTheOrigin_HasNaNDerivative(double ty, double tx)
    {
        Dual<double> r = Dual<double>.Atan2(D(0, ty), D(0, tx));
        Assert.That(r.Value, Is.EqualTo(0.0));
        Assert.That(r.Tangent, Is.NaN);
        Assert.That(Dual<double>.Atan2Pi(D(0, ty), D(0, tx)).Tangent, Is.NaN);
    }

    [TestCase(2.0)]
    [TestCase(3.5)]
    public void Pow_OfZero_HasZeroDerivativeInTheExponent(double y)
    {
        Assert.That(Dual<double>.Pow(D(0, 0), D(y, 1)), Is.EqualTo(D(0, 0)));
        Assert.That(Dual<double>.Pow(0.0, D(y, 1)), Is.EqualTo(D(0, 0)));
    }

    [Test]
    public void Pow_OfZero_ToAFractionalExponent_WithAConstantBase_HasZeroDerivative()
    {
        Assert.That(Dual<double>.Pow(0.0, D(0.5, 1)), Is.EqualTo(D(0, 0)));
    }

    [Test]
    public void Pow_ToTheZeroth_HasZeroDerivativeInTheBase()
    {
        Assert.That(Dual<double>.Pow(D(0, 1), 0.0), Is.EqualTo(D(1, 0)));
        Assert.That(Dual<double>.Pow(D(0, 1), 0), Is.EqualTo(D(1, 0)));
        // ∂/∂y of xʸ at y = 0 is ln x.
        Assert.That(Dual<double>.Pow(D(Math.E, 0), D(0, 1)).Tangent, Is.EqualTo(1.0));
    }

    [Test]
    public void Pow_ZeroToTheZeroth_HasZeroDerivativeInTheExponent_AsJaxsLogOfOneTimesTheValue()
    {
        // JAX: ∂/∂y xʸ = log(x == 0 ? 1 : x)·xʸ. At 0⁰ that is 0 (it used to be ln 0·1 = −∞ here).
        Assert.That(Dual<double>.Pow(D(0, 0), D(0, 1)), Is.EqualTo(D(1, 0)));
        Assert.That(Dual<double>.Pow(0.0, D(0, 1)), Is.EqualTo(D(1, 0)));
        Assert.That(Dual<double>.Pow(-0.0, D(0, 1)), Is.EqualTo(D(1, 0)));
        // 0ʸ for y < 0 is ∞, and 0·∞ is NaN (as in JAX).
        Dual<double> negative = Dual<double>.Pow(0.0, D(-1, 1));
        Assert.That(negative.Value, Is.EqualTo(double.PositiveInfinity));
        Assert.That(negative.Tangent, Is.NaN);
        // A negative base: xʸ·ln x is NaN, even where xʸ underflows to 0.
        Assert.That(Dual<double>.Pow(-0.5, D(2000, 1)).Tangent, Is.NaN);
        Assert.That(Dual<double>.Pow(-0.5, D(2, 1)).Tangent, Is.NaN);
        // +∞ to a negative power: the limit 0.
        Assert.That(Dual<double>.Pow(double.PositiveInfinity, D(-2, 1)), Is.EqualTo(D(0, 0)));
    }

    [Test]
    public void Roots_at_infinity_have_the_limit_zero_as_Sqrt_has()
    {
        Assert.That(Dual<double>.Sqrt(D(double.PositiveInfinity, 1)).Tangent, Is.EqualTo(0.0));
        Assert.That(Dual<double>.Cbrt(D(double.NegativeInfinity, 1)).Tangent, Is.EqualTo(0.0));
        foreach (int n in new[] { 2, 3, 5, -2, -3 })
        {
            Assert.That(Dual<double>.RootN(D(double.PositiveInfinity, 1), n).Tangent, Is.EqualTo(0.0), $"n = {n}");
        }
        Assert.That(Dual<double>.RootN(D(double.PositiveInfinity, 1), 1).Tangent, Is.EqualTo(1.0));
    }

    [Test]
    public void A_constant_operand_contributes_zero_where_its_partial_is_not_finite()
    {
        // ∂/∂c of a/c at c = 1e-300 is −a/c² = −∞ (overflow); a constant c (zero tangent) must not turn that into NaN.
        Dual<double> q = D(1, 1) / D(1e-300, 0);
        Assert.That(q.Tangent, Is.EqualTo(1.0 / 1e-300), "1/c, correctly rounded");
        // Atan2 at the subnormal diagonal: ∂/∂y = 1/(2y) overflows, and so does ∂/∂x; the constant x adds nothing.
        Assert.That(Dual<double>.Atan2(D(5e-324, 1), D(5e-324, 0)).Tangent, Is.EqualTo(double.PositiveInfinity));
        // With a non-zero tangent, IEEE as usual: ∞ − ∞ = NaN.
        Assert.That(Dual<double>.Atan2(D(5e-324, 1), D(5e-324, 1)).Tangent, Is.NaN);
    }

    [Test]
    public void LogSumExp_at_a_non_finite_maximum_averages_the_tangents_of_the_arguments_attaining_it()
    {
        Dual<double>[] allMinusInfinity = [D(double.NegativeInfinity, 1), D(double.NegativeInfinity, 3)];
        Assert.That(Dual<double>.LogSumExp(allMinusInfinity), Is.EqualTo(D(double.NegativeInfinity, 2)));
        Dual<double>[] onePlusInfinity = [D(1, 5), D(double.PositiveInfinity, 7), D(2, 9)];
        Assert.That(Dual<double>.LogSumExp(onePlusInfinity), Is.EqualTo(D(double.PositiveInfinity, 7)));
        Dual<double>[] twoPlusInfinity = [D(double.PositiveInfinity, 1), D(0, 5), D(double.PositiveInfinity, 2)];
        Assert.That(Dual<double>.LogSumExp(twoPlusInfinity), Is.EqualTo(D(double.PositiveInfinity, 1.5)));
        Dual<double> withNaN = Dual<double>.LogSumExp([D(double.NaN, 0), D(1, 1)]);
        Assert.That(withNaN.Value, Is.NaN);
        Assert.That(withNaN.Tangent, Is.NaN);
    }

    // ---- equality, hashing, ordering ----------------------------------------------------------------------

    [Test]
    public void Equality_ComparesValueAndTangent()
    {
        Assert.That(new Dual<double>(1, 2) == new Dual<double>(1, 2), Is.True);
        Assert.That(new Dual<double>(1, 2) != new Dual<double>(1, 3), Is.True);
        Assert.That(new Dual<double>(1, 2) == new Dual<double>(1, 3), Is.False);
        Assert.That(new Dual<double>(1, 2).Equals(new Dual<double>(1, 3)), Is.False);
        Assert.That(new Dual<double>(1, 2).Equals((object)new Dual<double>(1, 2)), Is.True);
        Assert.That(new Dual<double>(1, 2).Equals((object)1.0), Is.False);
    }

    [Test]
    public void Equality_NaN_IsUnequalByOperator_ButEqualByEquals()
    {
        Dual<double> nan = D(double.NaN, 0), other = D(double.NaN, 0);
        Assert.That(nan == other, Is.False);
        Assert.That(nan.Equals(other), Is.True);
    }

    [Test]
    public void HashCode_IsConsistentWithEquals()
    {
        Assert.That(new Dual<double>(1, 2).GetHashCode(), Is.EqualTo(new Dual<double>(1, 2).GetHashCode()));
        Assert.That(D(double.NaN, 1).GetHashCode(), Is.EqualTo(D(double.NaN, 1).GetHashCode()));
    }

    [Test]
    public void IsZero_NeedsAZeroTangentToo()
    {
        // IsZero is an explicit interface implementation (as on System.Half): generic math reaches it.
        Assert.That(IsZero(D(0, 0)), Is.True);
        Assert.That(IsZero(D(0, 1)), Is.False);
        Assert.That(IsZero(Dual<double>.Zero), Is.True);
        Assert.That(D(0, 1) == Dual<double>.Zero, Is.False);
    }

    private static bool IsZero<TNumber>(TNumber value) where TNumber : System.Numerics.INumberBase<TNumber> => TNumber.IsZero(value);

    [Test]
    public void Members_meaningless_on_a_dual_number_are_explicit_as_on_Half()
    {
        // Radix, AdditiveIdentity, IsCanonical, IsComplexNumber, IsImaginaryNumber and IsZero: explicit on Half, and so on both dual types.
        string[] hidden = ["Radix", "AdditiveIdentity", "IsCanonical", "IsComplexNumber", "IsImaginaryNumber", "IsZero"];
        foreach (System.Type type in new[] { typeof(Half), typeof(Dual<double>), typeof(Dual<double, Tangents4<double>>) })
        {
            foreach (string name in hidden)
            {
                Assert.That(type.GetMember(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static), Is.Empty, $"{type.Name}.{name} is public");
            }
            Assert.That(type.GetMember("IsRealNumber", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static), Is.Not.Empty, $"{type.Name}.IsRealNumber");
            Assert.That(type.GetMember("MultiplicativeIdentity", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static), Is.Not.Empty, $"{type.Name}.MultiplicativeIdentity");
        }
        Assert.That(GenericRadix<Dual<double>>(), Is.EqualTo(2));
        Assert.That(IsZero(new Dual<double, Tangents4<double>>(0, Tangents4<double>.Unit(2, 1))), Is.False);
    }

    private static int GenericRadix<TNumber>() where TNumber : System.Numerics.INumberBase<TNumber> => TNumber.Radix;

    [Test]
    public void Ordering_UsesTheValueOnly()
    {
        Assert.That(D(1, 100) < D(2, -5), Is.True);
        Assert.That(D(2, -5) > D(1, 100), Is.True);
        Assert.That(D(1, 5) <= D(1, -5) && D(1, 5) >= D(1, -5), Is.True);
        Assert.That(D(1, 5).CompareTo(D(1, -5)), Is.EqualTo(0));
        Assert.That(D(1, 5).CompareTo(D(2, -5)), Is.LessThan(0));
        Assert.That(D(1, 5).CompareTo((object?)null), Is.GreaterThan(0));
        Assert.Throws<ArgumentException>(() => D(1, 5).CompareTo((object)1.0));
        Dual<double>[] sorted = [D(3, 0), D(-1, 9), D(2, -4)];
        Array.Sort(sorted);
        Assert.That(Array.ConvertAll(sorted, d => d.Value), Is.EqualTo(new[] { -1.0, 2.0, 3.0 }));
    }

    // ---- formatting and parsing ---------------------------------------------------------------------------

    [Test]
    public void ToString_ShowsBothParts()
    {
        Assert.That(D(2.5, 1).ToString(null, CultureInfo.InvariantCulture), Is.EqualTo("2.5 + 1ε"));
        Assert.That(D(2.5, -1).ToString(null, CultureInfo.InvariantCulture), Is.EqualTo("2.5 - 1ε"));
        Assert.That(D(-0.126, 3).ToString("F2", CultureInfo.InvariantCulture), Is.EqualTo("-0.13 + 3.00ε"));
        Assert.That(string.Create(CultureInfo.InvariantCulture, $"{D(2.5, 1)}"), Is.EqualTo("2.5 + 1ε"));
        Assert.That(D(2.5, 1).ToString(null, CultureInfo.GetCultureInfo("de-DE")), Is.EqualTo("2,5 + 1ε"));
    }

    [Test]
    public void TryFormat_WritesTheSameText_OrReportsTooSmall()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.That(D(2.5, -1).TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture), Is.True);
        Assert.That(buffer[..written].ToString(), Is.EqualTo("2.5 - 1ε"));
        Assert.That(D(2.5, -1).TryFormat(buffer[..3], out written, default, CultureInfo.InvariantCulture), Is.False);
        Assert.That(written, Is.EqualTo(0));
    }

    [Test]
    public void Parse_GivesAConstant()
    {
        Assert.That(Dual<double>.Parse("2.5", CultureInfo.InvariantCulture), Is.EqualTo(D(2.5, 0)));
        Assert.That(Dual<double>.Parse("-1e3", NumberStyles.Float, CultureInfo.InvariantCulture), Is.EqualTo(D(-1000, 0)));
        Assert.That(Dual<double>.TryParse("0.75", CultureInfo.InvariantCulture, out Dual<double> ok), Is.True);
        Assert.That(ok, Is.EqualTo(D(0.75, 0)));
        Assert.That(Dual<double>.TryParse("abc", CultureInfo.InvariantCulture, out _), Is.False);
    }

    // ---- conversions --------------------------------------------------------------------------------------

    [Test]
    public void ConvertingOut_WithATangent_Throws_ButAConstantConverts()
    {
        Assert.Throws<NotSupportedException>(() => double.CreateChecked(new Dual<double>(1, 1)));
        Assert.Throws<NotSupportedException>(() => double.CreateSaturating(new Dual<double>(1, 1)));
        Assert.Throws<NotSupportedException>(() => int.CreateTruncating(new Dual<double>(1, 1)));
        Assert.That(double.CreateChecked(new Dual<double>(1.5)), Is.EqualTo(1.5));
        Assert.That(int.CreateTruncating(new Dual<double>(2.75)), Is.EqualTo(2));
    }

    [Test]
    public void ConvertingIn_GivesAConstant()
    {
        Assert.That(Create<Dual<double>>(3), Is.EqualTo(D(3, 0)));
        Assert.That(Create<Dual<double>>(2.5f), Is.EqualTo(D(2.5, 0)));
        Assert.That(Create<Dual<float>>(0.5), Is.EqualTo(new Dual<float>(0.5f, 0f)));
        Assert.That(Create<Dual<double>>(D(1, 2)), Is.EqualTo(D(1, 2)), "a dual converts to itself unchanged");
        Dual<double> implicitConstant = 4.0;
        Assert.That(implicitConstant, Is.EqualTo(D(4, 0)));
        Assert.That(Dual<double>.Variable(4), Is.EqualTo(D(4, 1)));
        Assert.That(Dual<double>.Constant(4), Is.EqualTo(D(4, 0)));
    }
}
