using System;
using System.Numerics;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>
/// The contract every tangent block keeps (<see cref="ITangents{TSelf, T}"/>): each lane of each block operation is,
/// bit for bit, the tangent <see cref="Dual{T}"/> computes for that lane alone — the same IEEE operations in the same
/// order, no fused multiply-add, NaN payloads and signed zeros included. One fixture, run for every block type: the
/// public SIMD blocks over double, float and Half and the internal wide blocks over scalars and nested duals
/// (TangentBlockContractTests.cs), and Dual.Gpu's kernel blocks over double and float (Dual.Gpu.Tests links this file).
/// The expected lanes come from <see cref="Dual{T}"/>'s operators applied lane by lane, never from a block.
/// </summary>
public partial class TangentBlockContractTests<T, TBlock>
    where T : IFloatingPointIeee754<T>
    where TBlock : struct, ITangents<TBlock, T>
{
    private static readonly int K = TBlock.Count;

    // Zeros of both signs, subnormals, the ends of the range, ±∞ and NaN, and ordinary values.
    private static readonly double[] Pool =
        [0, -0.0, 1, -1, 0.5, -2.5, 3.75, 1e-300, -1e300, 5e-324, double.MaxValue, double.NaN, double.PositiveInfinity,
         double.NegativeInfinity, 1e-20, 700, 1e154, -0.75, 1e-310, 0.1, 7, -3];

    private const int Trials = 64;

    private static T Scalar(Random random)
    {
        double value = random.Next(3) == 0 ? Pool[random.Next(Pool.Length)] : (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 30));
        if (typeof(T) == typeof(Dual<double>))
        {
            double inner = random.Next(4) == 0 ? Pool[random.Next(Pool.Length)] : random.NextDouble() * 4 - 2;
            return (T)(object)new Dual<double>(value, inner);
        }
        return T.CreateSaturating(value);
    }

    private static T[] Lanes(Random random)
    {
        var lanes = new T[K];
        for (int i = 0; i < K; i++) lanes[i] = Scalar(random);
        return lanes;
    }

    private static TBlock Block(T[] lanes) => TBlock.Create(lanes);

    // The bit pattern, nested duals part by part: the comparison must see signed zeros and NaN payloads.
    private static string Bits(object? x) => x switch
    {
        double d => BitConverter.DoubleToInt64Bits(d).ToString("X16"),
        float f => BitConverter.SingleToInt32Bits(f).ToString("X8"),
        Half h => BitConverter.HalfToInt16Bits(h).ToString("X4"),
        Dual<double> n => Bits(n.Value) + "+" + Bits(n.Tangent) + "ε",
        _ => throw new NotSupportedException(x?.GetType().Name),
    };

    private static void AssertLanes(TBlock actual, Func<int, T> expected, string operation, T[][] inputs)
    {
        for (int i = 0; i < K; i++)
        {
            string want = Bits(expected(i)), got = Bits(actual[i]);
            if (want != got)
            {
                string operands = string.Join("; ", Array.ConvertAll(inputs, lanes => lanes[i].ToString()));
                Assert.Fail($"{operation}, lane {i} of {K} (operands {operands}): Dual<T> gives {want}, the block {got}");
            }
        }
    }

    private static void ForTrials(Action<Random> trial)
    {
        var random = new Random(20261204 + K);
        for (int n = 0; n < Trials; n++) trial(random);
    }

    [Test]
    public void Zero_is_positive_zero_in_every_lane()
    {
        TBlock zero = TBlock.Zero;
        AssertLanes(zero, _ => new Dual<T>(T.One, T.Zero).Tangent, "Zero", []);
        Assert.That(TBlock.Equal(zero, TBlock.Create([])), "Create of no values is Zero");
    }

    [Test]
    public void Create_indexer_and_CopyTo_round_trip_every_lane()
    {
        ForTrials(random =>
        {
            T[] lanes = Lanes(random);
            TBlock block = Block(lanes);
            AssertLanes(block, i => lanes[i], "Create/indexer", [lanes]);
            var copy = new T[K + 1];
            copy[K] = T.One;
            block.CopyTo(copy);
            for (int i = 0; i < K; i++) Assert.That(Bits(copy[i]), Is.EqualTo(Bits(lanes[i])), $"CopyTo lane {i}");
            Assert.That(Bits(copy[K]), Is.EqualTo(Bits(T.One)), "CopyTo writes past the block's lanes");
        });
    }

    [Test]
    public void CopyTo_a_shorter_destination_writes_exactly_its_lanes()
    {
        ForTrials(random =>
        {
            T[] lanes = Lanes(random);
            TBlock block = Block(lanes);
            for (int count = 0; count < K; count++)
            {
                // A slice of a larger array, sentinels on both sides: a write past the count would show.
                var buffer = new T[K + 2];
                buffer.AsSpan().Fill(T.One + T.One);
                block.CopyTo(buffer.AsSpan(1, count));
                Assert.That(Bits(buffer[0]), Is.EqualTo(Bits(T.One + T.One)), $"count {count}: wrote before the destination");
                for (int i = 0; i < count; i++) Assert.That(Bits(buffer[1 + i]), Is.EqualTo(Bits(lanes[i])), $"count {count}: lane {i}");
                for (int i = 1 + count; i < K + 2; i++) Assert.That(Bits(buffer[i]), Is.EqualTo(Bits(T.One + T.One)), $"count {count}: wrote element {i - 1}, past the destination");
            }
        });
    }

    [Test]
    public void Create_fills_missing_lanes_with_zero_and_rejects_too_many()
    {
        T[] lanes = Lanes(new Random(K));
        TBlock block = TBlock.Create(lanes.AsSpan(0, K - 1));
        AssertLanes(block, i => i < K - 1 ? lanes[i] : T.Zero, "Create (short)", [lanes]);
        Assert.Throws<ArgumentException>(() => TBlock.Create(new T[K + 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = block[K]);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = block[-1]);
    }

    [Test]
    public void Unit_is_a_seed_in_one_lane()
    {
        T seed = Scalar(new Random(3));
        for (int lane = 0; lane < K; lane++)
        {
            int l = lane;
            AssertLanes(TBlock.Unit(lane, seed), i => i == l ? seed : T.Zero, $"Unit({lane})", []);
        }
        AssertLanes(TBlock.Unit(K, seed), _ => T.Zero, "Unit(out of range)", []);
    }

    [Test]
    public void Add_is_Dual_addition_per_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random), b = Lanes(random);
        T u = Scalar(random), w = Scalar(random);
        AssertLanes(TBlock.Add(Block(a), Block(b)), i => (new Dual<T>(u, a[i]) + new Dual<T>(w, b[i])).Tangent, "Add", [a, b]);
    });

    [Test]
    public void Subtract_is_Dual_subtraction_per_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random), b = Lanes(random);
        T u = Scalar(random), w = Scalar(random);
        AssertLanes(TBlock.Subtract(Block(a), Block(b)), i => (new Dual<T>(u, a[i]) - new Dual<T>(w, b[i])).Tangent, "Subtract", [a, b]);
    });

    [Test]
    public void Negate_is_Dual_negation_per_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random);
        T u = Scalar(random);
        AssertLanes(TBlock.Negate(Block(a)), i => (-new Dual<T>(u, a[i])).Tangent, "Negate", [a]);
    });

    [Test]
    public void Multiply_is_Dual_times_a_constant_per_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random);
        T u = Scalar(random), s = Scalar(random);
        AssertLanes(TBlock.Multiply(Block(a), s), i => (new Dual<T>(u, a[i]) * s).Tangent, "Multiply", [a]);
    });

    [Test]
    public void Divide_is_Dual_over_a_constant_per_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random);
        T u = Scalar(random), s = Scalar(random);
        AssertLanes(TBlock.Divide(Block(a), s), i => (new Dual<T>(u, a[i]) / s).Tangent, "Divide", [a]);
    });

    [Test]
    public void MultiplyAdd_is_the_Dual_product_rule_per_lane() => ForTrials(random =>
    {
        // (u + aε)(w + bε) has tangent a·w + b·u: MultiplyAdd(a, w, b, u).
        T[] a = Lanes(random), b = Lanes(random);
        T u = Scalar(random), w = Scalar(random);
        AssertLanes(TBlock.MultiplyAdd(Block(a), w, Block(b), u), i => (new Dual<T>(u, a[i]) * new Dual<T>(w, b[i])).Tangent, "MultiplyAdd", [a, b]);
    });

    [Test]
    public void MultiplyAddSkippingZeros_is_the_Dual_singular_chain_rule_per_lane() => ForTrials(random =>
    {
        // Dual<T>'s two-argument chain rule at a singular point: a zero tangent contributes exactly zero.
        T[] a = Lanes(random), b = Lanes(random);
        if (random.Next(2) == 0) a[random.Next(K)] = T.Zero;
        if (random.Next(2) == 0) b[random.Next(K)] = -T.Zero;
        T s = random.Next(2) == 0 ? T.PositiveInfinity : Scalar(random), t = random.Next(2) == 0 ? T.NaN : Scalar(random);
        AssertLanes(TBlock.MultiplyAddSkippingZeros(Block(a), s, Block(b), t),
            i => ProductSkippingZero(a[i], s) + ProductSkippingZero(b[i], t), "MultiplyAddSkippingZeros", [a, b]);
    });

    // Dual<T>'s singular chain rule for one partial: tangent·scale, but exactly zero for a zero tangent (0·∞ is 0, not NaN).
    private static T ProductSkippingZero(T tangent, T scale) => T.IsZero(tangent) ? T.Zero : tangent * scale;

    [Test]
    public void Equal_is_IEEE_equality_in_every_lane() => ForTrials(random =>
    {
        T[] a = Lanes(random);
        T[] b = (T[])a.Clone();
        if (random.Next(2) == 0) b[random.Next(K)] = Scalar(random);
        bool expected = true;
        for (int i = 0; i < K; i++) expected &= new Dual<T>(T.One, a[i]) == new Dual<T>(T.One, b[i]);
        Assert.That(TBlock.Equal(Block(a), Block(b)), Is.EqualTo(expected), "Equal");
    });
}
