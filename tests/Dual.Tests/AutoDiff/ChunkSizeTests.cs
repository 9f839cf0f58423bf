using System;
using System.Runtime.Intrinsics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>The automatic chunk size and the 32-lane passes.</summary>
public class ChunkSizeTests
{
    [Test]
    public void Up_to_16_inputs_the_default_is_the_smallest_supported_size_that_covers_them()
    {
        int[] expected = [1, 1, 2, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16];
        for (int n = 0; n <= 16; n++)
        {
            Assert.That(AutoDiff.DefaultChunkSize(n), Is.EqualTo(expected[n]), $"n = {n}");
        }
    }

    [Test]
    public void Above_16_inputs_the_default_takes_32_where_fewer_wider_passes_cost_less()
    {
        // A 32-lane pass costs about 1.7 16-lane passes: 32 pays when ⌈n/32⌉·1.7 < ⌈n/16⌉ (written out by hand here).
        int[] wide = [17, 24, 32, 49, 64, 81, 96, 97, 100, 112, 113, 1000, 100_000];
        int[] narrow = [33, 40, 48, 65, 72, 80];
        bool avx512 = Vector512.IsHardwareAccelerated;
        foreach (int n in wide)
        {
            Assert.That(AutoDiff.DefaultChunkSize(n), Is.EqualTo(avx512 ? 32 : 16), $"n = {n}");
        }
        foreach (int n in narrow)
        {
            Assert.That(AutoDiff.DefaultChunkSize(n), Is.EqualTo(16), $"n = {n}");
        }
    }

    [Test]
    public void Thirty_two_is_a_supported_size_and_others_still_throw()
    {
        Assert.That(AutoDiff.SupportedChunkSizes.ToArray(), Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32 }));
        foreach (int bad in new[] { 3, 24, 64, -1 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, [1.0, 2.0], bad));
            Assert.That(error!.ParamName, Is.EqualTo("chunkSize"));
            Assert.That(error.Message, Does.Contain("16 or 32"));
        }
    }

    [TestCase(7)]
    [TestCase(32)]
    [TestCase(40)]
    [TestCase(100)]
    public void A_32_lane_gradient_matches_the_closed_form(int n)
    {
        // Chained Rosenbrock, Σ_{i<n−1} 100·(x_{i+1} − x_i²)² + (1 − x_i)²: term i adds −400·x_i·a − 2·b to ∂/∂x_i and
        // 200·a to ∂/∂x_{i+1}, with a = x_{i+1} − x_i², b = 1 − x_i.
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.Sin(0.7 * i + 0.3) * 1.5;
        var g = new double[n];
        double value = AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, x, g, 32);
        double expectedValue = 0;
        var expected = new double[n];
        for (int i = 0; i + 1 < n; i++)
        {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            expectedValue += 100 * a * a + b * b;
            expected[i] += -400 * x[i] * a - 2 * b;
            expected[i + 1] += 200 * a;
        }
        Assert.That(value, Is.EqualTo(expectedValue).Within(1e-13).Percent);
        for (int i = 0; i < n; i++)
        {
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-12 * Math.Max(1, Math.Abs(expected[i]))), $"∂/∂x{i}");
        }
    }

    [Test]
    public void The_automatic_hessian_chunk_stays_at_most_8_and_an_explicit_32_is_bit_identical()
    {
        int n = 40;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.1 * i - 1.7;
        var g8 = new double[n];
        var h8 = new double[n * n];
        var g32 = new double[n];
        var h32 = new double[n * n];
        AutoDiff.Hessian<double, TestFunctions.Rosenbrock>(default, x, g8, h8, 8);
        AutoDiff.Hessian<double, TestFunctions.Rosenbrock>(default, x, g32, h32, 32);
        for (int i = 0; i < n * n; i++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(h32[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(h8[i])), $"H[{i / n}, {i % n}]");
        }
        // The closed form of one entry: ∂²f/∂x0² = 1200·x0² − 400·x1 + 2.
        Assert.That(h32[0], Is.EqualTo(1200 * x[0] * x[0] - 400 * x[1] + 2).Within(1e-10));
    }

    [TestCase(100, 32, 4)]
    [TestCase(1000, 32, 8)]
    [TestCase(40, 32, 8)]
    [TestCase(7, 32, 8)]
    [TestCase(50, 32, 32)]
    [TestCase(64, 32, 32)]
    [TestCase(100, 16, 4)]
    [TestCase(17, 16, 1)]
    [TestCase(30, 16, 16)]
    [TestCase(10, 16, 16)]
    [TestCase(5, 1, 1)]
    public void The_last_partial_pass_takes_the_narrowest_block_that_covers_it(int n, int k, int tail)
        => Assert.That(AutoDiff.TailChunkSize(n, k), Is.EqualTo(tail));

    [Test]
    public void One_pass_takes_the_block_the_last_partial_pass_would_take([Values(1, 2, 4, 8, 16, 32)] int k)
    {
        // Gradient and Jacobian compute n ≤ k inputs in one pass without the division (SinglePassWidth); the block
        // must be the one TailChunkSize picks, whose bits the split path's tests pin down.
        for (int n = 0; n <= k; n++)
        {
            Assert.That(AutoDiff.SinglePassWidth(n, k), Is.EqualTo(AutoDiff.TailChunkSize(n, k)), $"n = {n}");
        }
    }
}
