using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// Generic code that itself calls AutoDiff can be differentiated again with every default: the inner chunked pass
/// then runs at T = Dual&lt;double&gt; (16 bytes), which the SIMD blocks cannot hold, and must pick a block that can.
/// Expected values are closed forms.
/// </summary>
public class NestedDefaultChunkTests
{
    /// <summary>f(x; a) = a·(x₀²x₁ + x₁³ + Σ xᵢxᵢ₊₁) over n inputs xᵢ = (i + 1)/4.</summary>
    private struct Inner<TOuter> : IScalarFunction, IVectorFunction where TOuter : IFloatingPointIeee754<TOuter>
    {
        public TOuter A;

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum a = TNum.CreateChecked(A); // a constant at the chunked type (the outer tangent stays in its own slot)
            TNum s = x[0] * x[0] * x[1] + x[1] * x[1] * x[1];
            for (int i = 0; i + 1 < x.Length; i++) s += x[i] * x[i + 1];
            return a * s;
        }

        // y = a·x (componentwise) and y_last = a·x₀x₁.
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum a = TNum.CreateChecked(A); // a constant at the chunked type (the outer tangent stays in its own slot)
            for (int i = 0; i < x.Length; i++) y[i] = a * x[i] * x[i];
            y[x.Length] = a * x[0] * x[1];
        }
    }

    private static double X(int i) => (i + 1) / 4.0;

    /// <summary>Σ of the gradient of f(·; a) at x: a·(Σ_j ∂s/∂x_j), computed with AutoDiff.Gradient at the default chunk.</summary>
    private struct GradientSum(int n) : IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum a) where TNum : IFloatingPointIeee754<TNum>
        {
            var x = new TNum[n];
            for (int i = 0; i < n; i++) x[i] = TNum.CreateChecked(X(i));
            TNum[] g = AutoDiff.Gradient<TNum, Inner<TNum>>(new Inner<TNum> { A = a }, x);
            TNum sum = TNum.Zero;
            foreach (TNum gi in g) sum += gi * a;
            return sum;
        }
    }

    private static double ClosedFormGradientSum(int n)
    {
        // ∂s/∂x₀ = 2x₀x₁ + x₁, ∂s/∂x₁ = x₀² + 3x₁² + x₀ + x₂, ∂s/∂xᵢ = xᵢ₋₁ + xᵢ₊₁ (2 ≤ i, missing neighbours 0).
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double d = (i > 0 ? X(i - 1) : 0) + (i + 1 < n ? X(i + 1) : 0);
            if (i == 0) d += 2 * X(0) * X(1);
            if (i == 1) d += X(0) * X(0) + 3 * X(1) * X(1);
            total += d;
        }
        return total;
    }

    [TestCase(2)]
    [TestCase(5)]
    [TestCase(9)]
    [TestCase(40)]
    public void Gradient_inside_a_derivative_uses_a_block_that_holds_the_nested_scalar(int n)
    {
        // d/da Σ a·gᵢ(a) with gᵢ = a·sᵢ is d/da (a²·S) = 2a·S.
        const double a = 1.5;
        double d = AutoDiff.Derivative<double, GradientSum>(new GradientSum(n), a);
        Assert.That(d, Is.EqualTo(2 * a * ClosedFormGradientSum(n)).Within(1e-12 * ClosedFormGradientSum(n)));
    }

    [Test]
    public void Explicit_chunks_at_a_nested_scalar_agree_bit_for_bit_with_the_default()
    {
        var x = new Dual<double>[19];
        for (int i = 0; i < x.Length; i++) x[i] = new Dual<double>(X(i), i % 3 == 0 ? 1 : 0);
        var inner = new Inner<Dual<double>> { A = new Dual<double>(1.25, 0.5) };
        Dual<double>[] reference = AutoDiff.Gradient<Dual<double>, Inner<Dual<double>>>(inner, x);
        foreach (int k in new[] { 1, 2, 4, 8, 16, 32 })
        {
            Assert.That(AutoDiff.Gradient<Dual<double>, Inner<Dual<double>>>(inner, x, k), Is.EqualTo(reference), $"chunk {k}");
        }
        var values = new Dual<double>[x.Length + 1];
        Dual<double>[,] j0 = AutoDiff.Jacobian<Dual<double>, Inner<Dual<double>>>(inner, x, x.Length + 1);
        foreach (int k in new[] { 1, 2, 4, 8, 16, 32 })
        {
            Assert.That(AutoDiff.Jacobian<Dual<double>, Inner<Dual<double>>>(inner, x, x.Length + 1, k), Is.EqualTo(j0), $"Jacobian chunk {k}");
        }
        // Closed form of the Jacobian's diagonal: ∂(a xᵢ²)/∂xᵢ = 2a·xᵢ, as duals (the tangent part by the product rule).
        for (int i = 0; i < x.Length; i++)
        {
            Dual<double> expected = 2 * inner.A * x[i];
            Assert.That(j0[i, i].Value, Is.EqualTo(expected.Value));
            Assert.That(j0[i, i].Tangent, Is.EqualTo(expected.Tangent).Within(1e-15));
        }
    }

    /// <summary>h(a) = Σ of the Hessian of f(·; a) computed at the default chunk, so differentiated at T = Dual&lt;double&gt;.</summary>
    private struct HessianSum(int n) : IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum a) where TNum : IFloatingPointIeee754<TNum>
        {
            var x = new TNum[n];
            for (int i = 0; i < n; i++) x[i] = TNum.CreateChecked(X(i));
            TNum[,] h = AutoDiff.Hessian<TNum, Inner<TNum>>(new Inner<TNum> { A = a }, x);
            TNum sum = TNum.Zero;
            foreach (TNum hij in h) sum += hij * a;
            return sum;
        }
    }

    [TestCase(3)]
    [TestCase(11)]
    public void Hessian_inside_a_derivative_uses_a_block_that_holds_the_nested_scalar(int n)
    {
        // H of s: ∂²/∂x₀² = 2x₁, ∂²/∂x₀∂x₁ = 2x₀ + 1, ∂²/∂x₁² = 6x₁, ∂²/∂xᵢ∂xᵢ₊₁ = 1 otherwise; h(a) = a²·ΣH, h′ = 2a·ΣH.
        double total = 2 * X(1) + 2 * (2 * X(0) + 1) + 6 * X(1);
        for (int i = 1; i + 1 < n; i++) total += 2;
        const double a = 0.75;
        Assert.That(AutoDiff.Derivative<double, HessianSum>(new HessianSum(n), a), Is.EqualTo(2 * a * total).Within(1e-13));
    }

    [Test]
    public void A_public_simd_block_refuses_a_wide_scalar_naming_it_in_csharp_syntax()
    {
        var error = Assert.Throws<NotSupportedException>(() => _ = Tangents4<Dual<double>>.Zero);
        Assert.That(error!.Message, Does.Contain("Tangents4<Dual<double>>").And.Contain("Dual<double> has 16"));
    }
}
