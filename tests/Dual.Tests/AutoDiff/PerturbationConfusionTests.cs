using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Siskind–Pearlmutter: d/dx [x · (d/dy (x + y))|_{y=1}] at x = 1 is 1 (the inner derivative is 1).</summary>
public class PerturbationConfusionTests
{
    [Test]
    public void Nesting_at_the_lifted_type_gives_one()
    {
        double outer = AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, (Dual<double>)1.0), 1.0);
        Assert.That(outer, Is.EqualTo(1.0));
    }

    [Test]
    public void Nesting_at_the_same_type_throws_instead_of_returning_two()
    {
        // The inner call is made at T = double while the outer one (also at double) is evaluating: the outer x's
        // perturbation would leak into the inner derivative (giving 2). The guard makes that an error.
        var error = Assert.Throws<InvalidOperationException>(() =>
            AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, 1.0), 1.0));
        Assert.That(error!.Message, Does.Contain("perturbation confusion"));
    }

    [Test]
    public void After_a_refused_nesting_the_thread_can_differentiate_again()
    {
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, 1.0), 1.0));
        Assert.That(AutoDiff.Derivative(x => x * x, 3.0), Is.EqualTo(6.0));
    }

    private struct Inner<TOuter> : IRealFunction where TOuter : IFloatingPointIeee754<TOuter>
    {
        public TOuter X;

        public readonly TNum Evaluate<TNum>(TNum y) where TNum : IFloatingPointIeee754<TNum> => Lift(X, y) + y;

        private static TNum Lift<TNum>(TOuter x, TNum like) where TNum : IFloatingPointIeee754<TNum>
            => typeof(TNum) == typeof(Dual<TOuter>) ? (TNum)(object)new Dual<TOuter>(x) : throw new InvalidOperationException("unexpected nesting");
    }

    private struct Outer : IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum>
            => x * AutoDiff.Derivative<TNum, Inner<TNum>>(new Inner<TNum> { X = x }, TNum.One);
    }

    [Test]
    public void Generic_math_nesting_lands_in_separate_slots_automatically()
    {
        // Written once over generic math, the inner call is made at TNum = Dual<double>: no confusion possible.
        Assert.That(AutoDiff.Derivative<double, Outer>(default, 1.0), Is.EqualTo(1.0));
        Assert.That(AutoDiff.Derivative<double, Outer>(default, 5.0), Is.EqualTo(1.0));
    }
}
