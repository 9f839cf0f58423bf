using System;
using System.Collections.Generic;
using System.Linq;
using Dual;
using Dual.CompilerServices;
using NUnit.Framework;

namespace Dual.Tests.CompilerServicesApi;

/// <summary>
/// The LINQ aggregates generated twins call (<see cref="DualEnumerable"/>): values bit-identical to
/// <c>Enumerable.Sum/Average/Min/Max</c> over <c>double</c> (the oracle is the BCL itself), tangents against the
/// closed forms, the tie and NaN conventions, and the BCL's exception on an empty sequence.
/// </summary>
public class DualEnumerableTests
{
    private static Dual<double>[] Seeded(double[] values, int seed) =>
        values.Select((v, i) => new Dual<double>(v, i == seed ? 1.0 : 0.0)).ToArray();

    private static IEnumerable<Dual<double>> Lazy(Dual<double>[] a)
    {
        foreach (Dual<double> d in a) yield return d;
    }

    [FsCheck.NUnit.Property]
    public void SumAndAverageValuesAreTheBclsBitForBit(double[] raw)
    {
        double[] values = raw.Where(double.IsFinite).Select(v => v % 1e6).ToArray();
        Dual<double>[] d = Seeded(values, 0);
        Assert.That(DualEnumerable.Sum(d).Value, Is.EqualTo(values.Sum()));
        Assert.That(DualEnumerable.Sum(Lazy(d)).Value, Is.EqualTo(values.Sum()));
        Assert.That(DualEnumerable.Sum(values, v => new Dual<double>(v * v)).Value, Is.EqualTo(values.Sum(v => v * v)));
        if (values.Length == 0) return;
        Assert.That(DualEnumerable.Average(d).Value, Is.EqualTo(values.Average()));
        Assert.That(DualEnumerable.Average(values, v => new Dual<double>(v * 3)).Value, Is.EqualTo(values.Average(v => v * 3)));
        Assert.That(DualEnumerable.Max(d).Value, Is.EqualTo(values.Max()));
        Assert.That(DualEnumerable.Min(d).Value, Is.EqualTo(values.Min()));
    }

    [Test]
    public void TangentsFollowTheClosedForms()
    {
        double[] x = { 0.5, -2.0, 4.0, 1.5 };
        for (int i = 0; i < x.Length; i++)
        {
            Dual<double>[] d = Seeded(x, i);
            Assert.That(DualEnumerable.Sum(d, v => v * v).Tangent, Is.EqualTo(2 * x[i]));
            Assert.That(DualEnumerable.Average(d).Tangent, Is.EqualTo(0.25));
            Assert.That(DualEnumerable.Max(d).Tangent, Is.EqualTo(i == 2 ? 1.0 : 0.0));
            Assert.That(DualEnumerable.Min(d).Tangent, Is.EqualTo(i == 1 ? 1.0 : 0.0));
            Assert.That(DualEnumerable.Max(d, v => -v * v).Tangent, Is.EqualTo(i == 0 ? -1.0 : 0.0), "max of −v² at v = 0.5");
        }
    }

    [Test]
    public void TiesAverageTheTiedTangents()
    {
        var d = new[] { new Dual<double>(2, 1), new Dual<double>(5, 3), new Dual<double>(5, 6), new Dual<double>(5, 0), new Dual<double>(-1, 7) };
        Assert.That(DualEnumerable.Max(d), Is.EqualTo(new Dual<double>(5, 3)), "(3 + 6 + 0) / 3");
        var m = new[] { new Dual<double, Tangents2<double>>(1, Tangents2<double>.Create([2.0, 4.0])), new Dual<double, Tangents2<double>>(1, Tangents2<double>.Create([0.0, 2.0])) };
        Assert.That(DualEnumerable.Min(m), Is.EqualTo(new Dual<double, Tangents2<double>>(1, Tangents2<double>.Create([1.0, 3.0]))));
    }

    [Test]
    public void NaNFollowsEnumerableMinAndMax()
    {
        var d = new[] { new Dual<double>(1, 1), new Dual<double>(double.NaN, 2), new Dual<double>(3, 5) };
        double[] p = d.Select(v => v.Value).ToArray();
        Assert.That(p.Max(), Is.EqualTo(3.0), "the BCL's Max skips NaN");
        Assert.That(DualEnumerable.Max(d), Is.EqualTo(new Dual<double>(3, 5)));
        Assert.That(double.IsNaN(p.Min()), Is.True, "the BCL's Min is NaN as soon as one element is");
        Dual<double> min = DualEnumerable.Min(d);
        Assert.That(double.IsNaN(min.Value) && double.IsNaN(min.Tangent), Is.True);
        Dual<double> allNaN = DualEnumerable.Max(new[] { new Dual<double>(double.NaN, 1), new Dual<double>(double.NaN, 0) });
        Assert.That(double.IsNaN(allNaN.Value) && double.IsNaN(allNaN.Tangent), Is.True);
    }

    [Test]
    public void EmptySequencesThrowAsTheBclDoes()
    {
        var empty = Array.Empty<Dual<double>>();
        Assert.That(DualEnumerable.Sum(empty), Is.EqualTo(Dual<double>.Zero));
        Assert.Throws<InvalidOperationException>(() => DualEnumerable.Average(empty));
        Assert.Throws<InvalidOperationException>(() => DualEnumerable.Max(empty));
        Assert.Throws<InvalidOperationException>(() => DualEnumerable.Min(empty));
        Assert.Throws<InvalidOperationException>(() => Array.Empty<double>().Average());
    }
}
