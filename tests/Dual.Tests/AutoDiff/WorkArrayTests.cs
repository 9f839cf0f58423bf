using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// The chunk loops' work arrays: the per-thread input array kept with zero tangents between calls
/// (<c>ZeroedInputs</c>), whose passes move seeds one lane at a time (<c>ChunkSeeding.Move</c>). A seed left behind
/// would silently add a derivative to a later call, so every expectation here is an independent one: the one-tangent
/// delegate path (which uses neither) bit for bit, and the hand-derived gradient or Jacobian.
/// </summary>
public class WorkArrayTests
{
    /// <summary>Rosenbrock that throws on its <see cref="ThrowAt"/>-th evaluation (counted in <see cref="Evaluations"/>).</summary>
    private struct ThrowingRosenbrock : IScalarFunction, IVectorFunction
    {
        [ThreadStatic] public static int Evaluations;
        [ThreadStatic] public static int ThrowAt;

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            if (++Evaluations == ThrowAt) throw new InvalidOperationException("thrown by f mid-loop");
            return default(TestFunctions.Rosenbrock).Evaluate(x);
        }

        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            if (++Evaluations == ThrowAt) throw new InvalidOperationException("thrown by f mid-loop");
            default(TestFunctions.RingPlusSum).Evaluate(x, y);
        }
    }

    private static double[] Point(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.NextDouble() * 3 - 1.5;
        return x;
    }

    private static void AssertGradient(double[] x, double[] g, string what)
    {
        double[] reference = AutoDiff.Gradient<double>(v => default(TestFunctions.Rosenbrock).Evaluate(v), x);
        double[] analytic = TestFunctions.Rosenbrock.AnalyticGradient(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(g[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference[i])),
                $"{what}: ∂f/∂x{i} = {g[i]}, one-tangent passes give {reference[i]}");
            Assert.That(g[i], Is.EqualTo(analytic[i]).Within(1e-12 * Math.Max(1, Math.Abs(analytic[i]))), $"{what}: ∂f/∂x{i} vs the closed form");
        }
    }

    private static void AssertJacobian(double[] x, double[] values, double[] jacobian, string what)
    {
        int n = x.Length;
        double[,] analytic = TestFunctions.RingPlusSum.AnalyticJacobian(x);
        double[,] reference = AutoDiff.Jacobian<double>((xs, ys) => default(TestFunctions.RingPlusSum).Evaluate(xs, ys), x, n + 1);
        for (int r = 0; r <= n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                double j = jacobian[r * n + c];
                Assert.That(BitConverter.DoubleToInt64Bits(j), Is.EqualTo(BitConverter.DoubleToInt64Bits(reference[r, c])),
                    $"{what}: J[{r},{c}] = {j}, one-tangent passes give {reference[r, c]}");
                Assert.That(j, Is.EqualTo(analytic[r, c]).Within(1e-12 * Math.Max(1, Math.Abs(analytic[r, c]))), $"{what}: J[{r},{c}] vs the closed form");
            }
        }
    }

    [Test]
    public void A_gradient_that_f_aborts_mid_loop_leaves_no_seed_for_the_next_call([Values(2, 4, 8, 16)] int chunk)
    {
        // n = 40 inputs: past the stack buffer, so the per-thread zeroed array serves them; f throws in the second pass,
        // after the seeds moved to the second block.
        double[] x = Point(40, chunk);
        var g = new double[x.Length];
        ThrowingRosenbrock.ThrowAt = -1;
        AutoDiff.Gradient<double, ThrowingRosenbrock>(default, x, g, chunk); // the thread's array is now cached
        ThrowingRosenbrock.Evaluations = 0;
        ThrowingRosenbrock.ThrowAt = 2;
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, ThrowingRosenbrock>(default, x, g, chunk));

        ThrowingRosenbrock.ThrowAt = -1;
        for (int call = 0; call < 2; call++)
        {
            AutoDiff.Gradient<double, ThrowingRosenbrock>(default, x, g, chunk);
            AssertGradient(x, g, $"call {call} after the throw, k = {chunk}");
        }
    }

    [Test]
    public void A_jacobian_that_f_aborts_mid_loop_leaves_no_seed_for_the_next_call([Values(2, 4, 8, 16)] int chunk)
    {
        double[] x = Point(37, 100 + chunk);
        int n = x.Length;
        var values = new double[n + 1];
        var jacobian = new double[(n + 1) * n];
        ThrowingRosenbrock.ThrowAt = -1;
        AutoDiff.Jacobian<double, ThrowingRosenbrock>(default, x, values, jacobian, chunk); // the thread's array is now cached
        ThrowingRosenbrock.Evaluations = 0;
        ThrowingRosenbrock.ThrowAt = 3;
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Jacobian<double, ThrowingRosenbrock>(default, x, values, jacobian, chunk));

        ThrowingRosenbrock.ThrowAt = -1;
        AutoDiff.Jacobian<double, ThrowingRosenbrock>(default, x, values, jacobian, chunk);
        AssertJacobian(x, values, jacobian, $"after the throw, k = {chunk}");
    }

    [Test]
    public void Calls_of_changing_length_and_chunk_size_on_one_thread_are_exact()
    {
        // The thread's arrays are reused, grown and left longer than the next call's n: each call must see only its own
        // values and seeds.
        int call = 0;
        foreach (int n in new[] { 40, 20, 100, 17, 300, 33, 2000, 64 })
        {
            foreach (int chunk in new[] { 16, 4, 8, 2 })
            {
                double[] x = Point(n, call++);
                var g = new double[n];
                AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, x, g, chunk);
                AssertGradient(x, g, $"n = {n}, k = {chunk}");
                if (n <= 100)
                {
                    var values = new double[n + 1];
                    var jacobian = new double[(n + 1) * n];
                    AutoDiff.Jacobian<double, TestFunctions.RingPlusSum>(default, x, values, jacobian, chunk);
                    AssertJacobian(x, values, jacobian, $"n = {n}, k = {chunk}");
                }
            }
        }
    }

    [Test]
    public void Chunked_gradients_in_float_and_Half_match_their_one_tangent_passes_bit_for_bit([Values(9, 40, 77)] int n)
    {
        double[] point = Point(n, n);
        float[] xf = Array.ConvertAll(point, v => (float)v);
        Half[] xh = Array.ConvertAll(point, v => (Half)v);
        float[] referenceF = AutoDiff.Gradient<float>(v => default(TestFunctions.Rosenbrock).Evaluate(v), xf);
        Half[] referenceH = AutoDiff.Gradient<Half>(v => default(TestFunctions.Rosenbrock).Evaluate(v), xh);
        double[] analytic = TestFunctions.Rosenbrock.AnalyticGradient(point);
        foreach (int chunk in new[] { 2, 4, 8, 16 })
        {
            float[] gf = AutoDiff.Gradient<float, TestFunctions.Rosenbrock>(default, xf, chunk);
            Half[] gh = AutoDiff.Gradient<Half, TestFunctions.Rosenbrock>(default, xh, chunk);
            for (int i = 0; i < n; i++)
            {
                Assert.That(BitConverter.SingleToInt32Bits(gf[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(referenceF[i])), $"float, k = {chunk}, i = {i}");
                Assert.That(BitConverter.HalfToInt16Bits(gh[i]), Is.EqualTo(BitConverter.HalfToInt16Bits(referenceH[i])), $"Half, k = {chunk}, i = {i}");
                // Rounded inputs change the point; the float gradient is still within float rounding of the double one.
                Assert.That((double)gf[i], Is.EqualTo(analytic[i]).Within(1e-4 * Math.Max(1, Math.Abs(analytic[i]))), $"float vs the closed form, i = {i}");
            }
        }
    }

    [Test]
    public void Scalar_lane_seeding_is_used_exactly_where_a_block_is_its_lanes()
    {
        Assert.Multiple(() =>
        {
            AssertLanes<double, Tangents2<double>>(true);
            AssertLanes<double, Tangents4<double>>(true);
            AssertLanes<double, Tangents8<double>>(true);
            AssertLanes<double, Tangents16<double>>(true);
            AssertLanes<double, Tangents32<double>>(true);
            AssertLanes<float, Tangents2<float>>(true);
            AssertLanes<float, Tangents4<float>>(true);
            AssertLanes<float, Tangents8<float>>(true);
            AssertLanes<float, Tangents16<float>>(true);
            AssertLanes<float, Tangents32<float>>(true);
            AssertLanes<Half, Tangents4<Half>>(true);
            AssertLanes<Half, Tangents16<Half>>(true);
            AssertLanes<Half, Tangents32<Half>>(true);
            AssertLanes<double, Tangents1<double>>(true);
            AssertLanes<double, WideTangents<double, Width16<double>>>(true);
            AssertLanes<float, WideTangents<float, Width8<float>>>(true);
            AssertLanes<Dual<double>, WideTangents<Dual<double>, Width4<Dual<double>>>>(true);
            // Pairs of blocks (Hessians) store all values, then all tangents: a lane is not one element.
            AssertLanes<Dual<double>, PairTangents<double, Tangents4<double>>>(false);
        });
    }

    [Test]
    public void A_Hessian_seed_in_a_pair_of_blocks_is_one_value_element()
    {
        Assert.Multiple(() =>
        {
            AssertPairSeed<double, Tangents2<double>>();
            AssertPairSeed<double, Tangents4<double>>();
            AssertPairSeed<double, Tangents8<double>>();
            AssertPairSeed<double, Tangents16<double>>();
            AssertPairSeed<double, Tangents32<double>>();
            AssertPairSeed<float, Tangents8<float>>();
            AssertPairSeed<float, Tangents16<float>>();
            AssertPairSeed<Half, Tangents4<Half>>();
        });
    }

    /// <summary>The Hessian's row loop seeds a pair by storing one T at element i (IValueLanesFirst): Unit(i, 1 + 0ε)
    /// must be exactly that element set and every other byte of the block zero.</summary>
    private static void AssertPairSeed<T, TBlock>()
        where T : IFloatingPointIeee754<T>
        where TBlock : struct, ITangents<TBlock, T>
    {
        string name = "PairTangents<" + typeof(T).Name + ", " + typeof(TBlock).Name + ">";
        Assert.That(typeof(IValueLanesFirst).IsAssignableFrom(typeof(PairTangents<T, TBlock>)), name);
        int elements = Unsafe.SizeOf<PairTangents<T, TBlock>>() / Unsafe.SizeOf<T>();
        for (int lane = 0; lane < TBlock.Count; lane++)
        {
            PairTangents<T, TBlock> unit = PairTangents<T, TBlock>.Unit(lane, new Dual<T>(T.One, T.Zero));
            ReadOnlySpan<T> memory = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<PairTangents<T, TBlock>, T>(ref unit), elements);
            for (int i = 0; i < elements; i++)
            {
                Assert.That(memory[i], Is.EqualTo(i == lane ? T.One : T.Zero), $"{name}: element {i} of Unit({lane}, 1 + 0ε)");
            }
        }
    }

    [Test]
    public void Copied_seed_blocks_hold_one_in_their_lane_and_zero_in_every_other_byte()
    {
        Assert.Multiple(() =>
        {
            AssertUnitSeeds<double, Tangents2<double>>();
            AssertUnitSeeds<double, Tangents4<double>>();
            AssertUnitSeeds<double, Tangents8<double>>();
            AssertUnitSeeds<double, Tangents16<double>>();
            AssertUnitSeeds<double, Tangents32<double>>();
            AssertUnitSeeds<float, Tangents2<float>>();
            AssertUnitSeeds<float, Tangents4<float>>();
            AssertUnitSeeds<float, Tangents8<float>>();
            AssertUnitSeeds<float, Tangents16<float>>();
            AssertUnitSeeds<float, Tangents32<float>>();
        });
    }

    /// <summary>Every byte of each copied seed block: 1 at lane i's element (lane i is the i-th T of the block's memory),
    /// +0 everywhere else (a stray byte would be a tangent no input owns); and the blocks start 64-byte aligned.</summary>
    private static void AssertUnitSeeds<T, TTangents>()
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        string name = typeof(TTangents).Name + "<" + typeof(T).Name + ">";
        Assert.That(UnitSeeds<T, TTangents>.Serves, Is.True, name + " is served from the table");
        int elements = Unsafe.SizeOf<TTangents>() / Unsafe.SizeOf<T>();
        for (int lane = 0; lane < TTangents.Count; lane++)
        {
            TTangents unit = ChunkSeeding<T, TTangents>.UnitSeed(lane);
            ReadOnlySpan<T> memory = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TTangents, T>(ref unit), elements);
            for (int i = 0; i < elements; i++)
            {
                T expected = i == lane ? T.One : T.Zero;
                Assert.That(memory[i], Is.EqualTo(expected), $"{name}: element {i} of the seed for lane {lane}");
                Assert.That(T.IsNegative(memory[i]), Is.False, $"{name}: element {i} of the seed for lane {lane} is +0, not −0");
            }
        }
        var blocks = (nint)typeof(UnitSeeds<T, TTangents>).GetField("Blocks", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.That(blocks % 64, Is.EqualTo((nint)0), name + ": the table's address mod 64");
    }

    /// <summary>Where the driver writes seeds as scalar lanes, lane i of the block must be the i-th element of its memory.</summary>
    private static void AssertLanes<T, TTangents>(bool expected)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        string name = typeof(TTangents).Name + "<" + typeof(T).Name + ">";
        Assert.That(ChunkSeeding<T, TTangents>.LanesAreScalars, Is.EqualTo(expected), name);
        if (!ChunkSeeding<T, TTangents>.LanesAreScalars) return;
        for (int lane = 0; lane < TTangents.Count; lane++)
        {
            TTangents unit = TTangents.Unit(lane, T.One);
            ReadOnlySpan<T> memory = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TTangents, T>(ref unit), TTangents.Count);
            for (int i = 0; i < TTangents.Count; i++)
            {
                Assert.That(memory[i], Is.EqualTo(i == lane ? T.One : T.Zero), $"{name}: element {i} of Unit({lane})");
            }
        }
    }

    [Test]
    public void Zeroed_inputs_of_512_bit_blocks_start_on_a_64_byte_boundary_inside_their_array()
    {
        Assert.Multiple(() =>
        {
            foreach (int n in new[] { 17, 100, 1000 })
            {
                AssertAligned<double, Tangents8<double>>(n);
                AssertAligned<double, Tangents16<double>>(n);
                AssertAligned<double, Tangents32<double>>(n);
                AssertAligned<float, Tangents32<float>>(n);
            }
        });
    }

    private static void AssertAligned<T, TTangents>(int n)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        string name = $"{typeof(TTangents).Name}<{typeof(T).Name}>, n = {n}";
        Dual<T, TTangents>[] array = ZeroedInputs<T, TTangents>.Take(n);
        try
        {
            Span<Dual<T, TTangents>> inputs = ZeroedInputs<T, TTangents>.Inputs(array, n);
            nint start = Unsafe.ByteOffset(ref Unsafe.As<Dual<T, TTangents>, byte>(ref array[0]), ref Unsafe.As<Dual<T, TTangents>, byte>(ref inputs[0]));
            nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<Dual<T, TTangents>, byte>(ref inputs[0]));
            Assert.That(inputs.Length, Is.EqualTo(n), name);
            Assert.That(address % 64, Is.EqualTo((nint)0), name + ": first input's address mod 64");
            Assert.That(start, Is.InRange((nint)0, (nint)56), name + ": shift from the array's start");
            Assert.That(start + (nint)n * Unsafe.SizeOf<Dual<T, TTangents>>(), Is.LessThanOrEqualTo((nint)array.Length * Unsafe.SizeOf<Dual<T, TTangents>>()), name + ": end inside the array");
            foreach (Dual<T, TTangents> input in inputs)
            {
                Assert.That(TTangents.Equal(input.Tangents, TTangents.Zero), Is.True, name + ": a fresh array's tangents are zero");
            }
        }
        finally
        {
            ZeroedInputs<T, TTangents>.Give(array);
        }
    }

    /// <summary>Records, on its first evaluation after <see cref="Size"/> is reset to 0, the address of its first input
    /// modulo 64 and the input's size.</summary>
    private struct AddressOfInputs : IScalarFunction
    {
        [ThreadStatic] public static nint Misalignment;
        [ThreadStatic] public static int Size;

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            if (Size == 0)
            {
                Misalignment = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<TNum, byte>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x))) & 63;
                Size = Unsafe.SizeOf<TNum>();
            }
            return default(TestFunctions.Rosenbrock).Evaluate(x);
        }
    }

    [Test]
    public void Stack_inputs_of_512_bit_blocks_start_on_a_64_byte_boundary([Values(9, 10, 16)] int n, [Values(8, 16, 32)] int k)
    {
        double[] x = Point(n, 11 + n);
        var gradient = new double[n];
        // Several calls from different stack depths: the frame's own alignment varies with the caller.
        for (int depth = 0; depth < 4; depth++)
        {
            AddressOfInputs.Size = 0;
            double value = Recurse(depth, x, gradient, k);
            // The first pass is at 8 or 16 lanes of double: one or two Vector512 after the value's own line (the runtime's
            // layout of Vector512 fields; only whole-line duals are aligned).
            Assume.That(AddressOfInputs.Size, Is.EqualTo(Math.Min(k, 16) == 8 ? 128 : 192), "the first pass's dual size");
            Assert.That(AddressOfInputs.Misalignment, Is.EqualTo((nint)0), $"n = {n}, k = {k}, depth {depth}: first input's address mod 64");
            Assert.That(value, Is.EqualTo(default(TestFunctions.Rosenbrock).Evaluate<double>(x)));
            Assert.That(gradient, Is.EqualTo(TestFunctions.Rosenbrock.AnalyticGradient(x)).Within(1e-10), "the gradient against the hand-derived one");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Recurse(int depth, double[] x, double[] gradient, int k)
    {
        Span<byte> shift = stackalloc byte[8 + 8 * depth];
        shift[0] = (byte)depth;
        return depth == 0 ? AutoDiff.Gradient<double, AddressOfInputs>(default, x, gradient, k) + shift[0] : Recurse(depth - 1, x, gradient, k);
    }
}
