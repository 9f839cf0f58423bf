using System;
using System.Numerics;
using Dual;
using Dual.CompilerServices;
using NUnit.Framework;

namespace Dual.Tests.CompilerServicesApi;

/// <summary>
/// <see cref="SeededInputs{T, TTangents}"/>, the view through which a generated twin reads a single pass's inputs: input
/// i is x[i] with 1 in lane i and +0 in every other lane, for every block the drivers use; more inputs than lanes, and
/// an index outside the inputs, are errors.
/// </summary>
public class SeededInputsTests
{
    private static void EveryInputIsItsValueWithItsOwnLane<T, TTangents>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTangents : unmanaged, ITangents<TTangents, T>
    {
        var values = new T[n];
        for (int i = 0; i < n; i++) values[i] = T.CreateChecked(-1.5 + 0.25 * i);
        var inputs = new SeededInputs<T, TTangents>(values);
        Assert.That(inputs.Length, Is.EqualTo(n));
        Assert.That(inputs.IsEmpty, Is.EqualTo(n == 0));
        for (int i = 0; i < n; i++)
        {
            Dual<T, TTangents> input = inputs[i];
            Assert.That(input.Value, Is.EqualTo(values[i]), $"value {i}");
            for (int lane = 0; lane < TTangents.Count; lane++)
            {
                T expected = lane == i ? T.One : T.Zero;
                Assert.That(input.Tangents[lane], Is.EqualTo(expected), $"input {i}, lane {lane}");
                Assert.That(T.IsNegative(input.Tangents[lane]), Is.False, $"input {i}, lane {lane}: +0, not -0");
            }
        }
    }

    [Test]
    public void Each_input_carries_its_value_and_the_unit_seed_of_its_lane()
    {
        EveryInputIsItsValueWithItsOwnLane<double, Tangents2<double>>(2);
        EveryInputIsItsValueWithItsOwnLane<double, Tangents4<double>>(3);
        EveryInputIsItsValueWithItsOwnLane<double, Tangents8<double>>(8);
        EveryInputIsItsValueWithItsOwnLane<double, Tangents16<double>>(10);
        EveryInputIsItsValueWithItsOwnLane<double, Tangents32<double>>(32);
        EveryInputIsItsValueWithItsOwnLane<double, UnpairedBlock<Tangents16<double>, double>>(16);
        EveryInputIsItsValueWithItsOwnLane<float, Tangents16<float>>(11);
        EveryInputIsItsValueWithItsOwnLane<float, UnpairedBlock<Tangents32<float>, float>>(32);
        EveryInputIsItsValueWithItsOwnLane<double, Tangents4<double>>(0);
    }

    [Test]
    public void More_inputs_than_lanes_are_refused_with_both_sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new SeededInputs<double, Tangents4<double>>(new double[5]))!;
        Assert.That(e.ParamName, Is.EqualTo("values"));
        Assert.That(e.Message, Does.Contain("5 inputs").And.Contain("4 lanes"));
    }

    [Test]
    public void An_index_outside_the_inputs_throws([Values(-1, 3, 4, 100)] int index)
    {
        Assert.Throws<IndexOutOfRangeException>(() => _ = new SeededInputs<double, Tangents4<double>>(new double[3])[index]);
    }
}
