using System;
using System.Globalization;
using NUnit.Framework;

namespace Dual.Tests.Oracles;

/// <summary>Numeric comparisons with readable failure messages.</summary>
public static class Approx
{
    /// <summary>True when |a − b| ≤ atol + rtol·max(|a|, |b|) (both NaN, or the same infinity, also count as close).</summary>
    public static bool IsClose(double actual, double expected, double rtol, double atol)
    {
        if (actual.Equals(expected))
        {
            return true;
        }
        if (!double.IsFinite(actual) || !double.IsFinite(expected))
        {
            return false;
        }
        return Math.Abs(actual - expected) <= atol + rtol * Math.Max(Math.Abs(actual), Math.Abs(expected));
    }

    /// <summary>Fails with the two numbers, their difference and the tolerance unless they are close.</summary>
    public static void AssertClose(double actual, double expected, double rtol, double atol, string what)
    {
        if (!IsClose(actual, expected, rtol, atol))
        {
            double diff = Math.Abs(actual - expected);
            double allowed = atol + rtol * Math.Max(Math.Abs(actual), Math.Abs(expected));
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{what}: got {actual:R}, expected {expected:R}; |diff| = {diff:G3} > {allowed:G3} (rtol {rtol:G2}, atol {atol:G2})"));
        }
    }

    /// <summary>Fails unless the two values are equal bit for bit in the sense of <see cref="object.Equals(object)"/> (NaN equals NaN).</summary>
    public static void AssertIdentical<T>(T actual, T expected, string what) where T : IEquatable<T>
    {
        if (!actual.Equals(expected))
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: got {actual}, expected exactly {expected}"));
        }
    }
}
