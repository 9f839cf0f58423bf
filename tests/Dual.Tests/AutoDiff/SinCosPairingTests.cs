using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// One-pass gradients and Jacobians of a function that calls sin or cos and never pairs them on one argument run
/// without the per-thread sincos memo after a few observed evaluations, at an unpaired block (SinCosPairing,
/// UnpairedBlock, SinCosRoute). Oracles:
/// closed-form derivatives, Math.SinCos's bits, the one-tangent passes' bits (which take the chunk loops' replay log),
/// and the evaluations made before the verdict (through the memo). Each test has its own function types: the verdict
/// is per (T, function type) and lasts for the process.
/// </summary>
public class SinCosPairingTests
{
    private static double[] Point(int n, double phase = 0.3)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1.9 * Math.Sin(0.7 * i + phase) + 0.05 * i;
        return x;
    }

    private static void AssertSameBits(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
                Assert.Fail($"{what}[{i}]: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    /// <summary>Ackley's shape: Σ cos(2πxᵢ)/n + Σ xᵢ²; cos only, each on a fresh argument.</summary>
    private readonly struct CosOnly : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T twoPi = T.CreateTruncating(2 * Math.PI), s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Cos(twoPi * x[i]) + x[i] * x[i];
            return s;
        }

        public static double Partial(double xi) => -2 * Math.PI * Math.Sin(2 * Math.PI * xi) + 2 * xi;
    }

    /// <summary>Σ sin(xᵢ)·cos(xᵢ): a pair on every input (the memo answers every cos).</summary>
    private readonly struct SinTimesCos : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Sin(x[i]) * T.Cos(x[i]);
            return s;
        }

        public static double Partial(double xi) => Math.Cos(2 * xi);
    }

    /// <summary>Σ xᵢ³: no sin or cos at all.</summary>
    private readonly struct Cubes : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += x[i] * x[i] * x[i];
            return s;
        }
    }

    /// <summary>yᵢ = sin(3xᵢ) + xᵢ₊₁ (mod n): sin only, as a vector function.</summary>
    private readonly struct SinShift : IVectorFunction
    {
        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
            T three = T.CreateTruncating(3.0);
            for (int i = 0; i < y.Length; i++) y[i] = T.Sin(three * x[i]) + x[(i + 1) % x.Length];
        }
    }

    /// <summary>Throws from inside an unpaired evaluation when <see cref="Throw"/> is set.</summary>
    private readonly struct CosThenThrow : IScalarFunction
    {
        public static bool Throw;

        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Cos(x[i] + x[i]);
            if (Throw) throw new InvalidOperationException("from f");
            return s;
        }
    }

    /// <summary>Σ cos(xᵢ)² + sin(xᵢ) for the threads test: a pair per input.</summary>
    private readonly struct CosSquaredPlusSin : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                T c = T.Cos(x[i]);
                s += c * c + T.Sin(x[i]);
            }
            return s;
        }

        public static double Partial(double xi) => -Math.Sin(2 * xi) + Math.Cos(xi);
    }

    /// <summary>Σ cos(xᵢ + 0.5) for the threads test: unpaired.</summary>
    private readonly struct ShiftedCos : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T half = T.CreateTruncating(0.5), s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Cos(x[i] + half);
            return s;
        }

        public static double Partial(double xi) => -Math.Sin(xi + 0.5);
    }

    [Test]
    public void A_function_that_never_pairs_runs_unpaired_after_its_trials_and_keeps_the_bits_and_the_closed_form()
    {
        double[] x = Point(10);
        var observed = new double[x.Length];
        double observedValue = AutoDiff.Gradient<double, CosOnly>(default, x, observed, 16);
        Assert.That(SinCosPairing<double, CosOnly>.State, Is.EqualTo(1), "one evaluation observed");
        var g = new double[x.Length];
        for (int call = 1; call < SinCosPairing<double, CosOnly>.Trials; call++) AutoDiff.Gradient<double, CosOnly>(default, x, g, 16);
        Assert.That(SinCosPairing<double, CosOnly>.State, Is.EqualTo(SinCosPairing<double, CosOnly>.Unpaired));

        Array.Clear(g);
        double value = AutoDiff.Gradient<double, CosOnly>(default, x, g, 16);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(CosOnly.Partial(x[i])).Within(1e-13 * Math.Max(1, Math.Abs(CosOnly.Partial(x[i])))), $"g[{i}]");
        AssertSameBits(g, observed, "unpaired vs observed (through the memo)");
        Assert.That(BitConverter.DoubleToInt64Bits(value), Is.EqualTo(BitConverter.DoubleToInt64Bits(observedValue)), "value");
        Assert.That(value, Is.EqualTo(default(CosOnly).Evaluate<double>(x)), "value vs the primal");

        var single = new double[x.Length];
        AutoDiff.Gradient<double, CosOnly>(default, x, single, 1);
        AssertSameBits(g, single, "unpaired vs one-tangent passes");
    }

    [Test]
    public void A_function_that_pairs_keeps_the_memo()
    {
        double[] x = Point(8, 1.1);
        var g = new double[x.Length];
        for (int call = 0; call < SinCosPairing<double, SinTimesCos>.Trials + 2; call++) AutoDiff.Gradient<double, SinTimesCos>(default, x, g, 8);
        Assert.That(SinCosPairing<double, SinTimesCos>.State, Is.EqualTo(SinCosPairing<double, SinTimesCos>.Paired));
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(SinTimesCos.Partial(x[i])).Within(1e-14), $"g[{i}]");
    }

    [Test]
    public void A_function_without_sin_or_cos_is_left_alone()
    {
        double[] x = Point(5);
        var g = new double[x.Length];
        for (int call = 0; call < SinCosPairing<double, Cubes>.Trials; call++) AutoDiff.Gradient<double, Cubes>(default, x, g, 8);
        Assert.That(SinCosPairing<double, Cubes>.State, Is.EqualTo(SinCosPairing<double, Cubes>.Paired));
        for (int i = 0; i < x.Length; i++) Assert.That(g[i], Is.EqualTo(3 * x[i] * x[i]).Within(1e-14 * Math.Max(1, 3 * x[i] * x[i])), $"g[{i}]");
    }

    [Test]
    public void An_unpaired_one_pass_Jacobian_matches_the_closed_form_and_the_one_tangent_bits()
    {
        double[] x = Point(4, 0.8);
        int n = x.Length;
        var y = new double[n];
        var j = new double[n * n];
        for (int call = 0; call < SinCosPairing<double, SinShift>.Trials; call++) AutoDiff.Jacobian<double, SinShift>(default, x, y, j, 4);
        Assert.That(SinCosPairing<double, SinShift>.State, Is.EqualTo(SinCosPairing<double, SinShift>.Unpaired));
        Array.Clear(j);
        AutoDiff.Jacobian<double, SinShift>(default, x, y, j, 4);
        for (int i = 0; i < n; i++)
        {
            Assert.That(y[i], Is.EqualTo(Math.Sin(3 * x[i]) + x[(i + 1) % n]), $"y[{i}]");
            for (int c = 0; c < n; c++)
            {
                double expected = (c == i ? 3 * Math.Cos(3 * x[i]) : 0) + (c == (i + 1) % n ? 1 : 0);
                Assert.That(j[i * n + c], Is.EqualTo(expected).Within(1e-14), $"J[{i},{c}]");
            }
        }
        var y1 = new double[n];
        var j1 = new double[n * n];
        AutoDiff.Jacobian<double, SinShift>(default, x, y1, j1, 1);
        AssertSameBits(j, j1, "unpaired vs one-tangent passes");
    }

    [Test]
    public void At_an_unpaired_block_sin_and_cos_return_the_bits_of_Math_SinCos_and_leave_the_memo_as_it_was()
    {
        AutoDiff.Gradient<double, Cubes>(default, Point(20), new double[20], 4); // a chunk loop that ends: no log left open
        SinCosMemo.SinCos(0.625, out _); // the memo's last argument: 0.625
        (int hitsBefore, long keyBefore) = SinCosMemo.State;
        Assert.That(SinCosRoute<double, UnpairedBlock<Tangents16<double>, double>>.Direct, Is.True);
        Assert.That(SinCosRoute<double, Tangents16<double>>.Direct, Is.False);
        Assert.That(Unsafe.SizeOf<Dual<double, UnpairedBlock<Tangents16<double>, double>>>(), Is.EqualTo(Unsafe.SizeOf<Dual<double, Tangents16<double>>>()),
            "the wrapped block's layout");
        Assert.That(Unsafe.SizeOf<Dual<double, UnpairedBlock<Tangents4<double>, double>>>(), Is.EqualTo(Unsafe.SizeOf<Dual<double, Tangents4<double>>>()));

        var x = new Dual<double, UnpairedBlock<Tangents16<double>, double>>(-2.75, UnpairedBlock<Tangents16<double>, double>.Unit(3, 1.0));
        var sin = Dual<double, UnpairedBlock<Tangents16<double>, double>>.Sin(x);
        var cos = Dual<double, UnpairedBlock<Tangents16<double>, double>>.Cos(x);
        var cosAgain = Dual<double, UnpairedBlock<Tangents16<double>, double>>.Cos(x);
        (int hitsAfter, long keyAfter) = SinCosMemo.State;

        (double s, double c) = Math.SinCos(-2.75);
        Assert.That(BitConverter.DoubleToInt64Bits(sin.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(Math.Sin(-2.75))), "sin");
        Assert.That(BitConverter.DoubleToInt64Bits(cos.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(Math.Cos(-2.75))), "cos");
        Assert.That(BitConverter.DoubleToInt64Bits(sin.Tangents[3]), Is.EqualTo(BitConverter.DoubleToInt64Bits(c)), "d sin = cos");
        Assert.That(BitConverter.DoubleToInt64Bits(cos.Tangents[3]), Is.EqualTo(BitConverter.DoubleToInt64Bits(-s)), "d cos = −sin");
        Assert.That(BitConverter.DoubleToInt64Bits(cosAgain.Tangents[3]), Is.EqualTo(BitConverter.DoubleToInt64Bits(-s)), "again");
        for (int lane = 0; lane < 16; lane++)
        {
            if (lane != 3) Assert.That(BitConverter.DoubleToInt64Bits(cos.Tangents[lane]), Is.EqualTo(BitConverter.DoubleToInt64Bits(-s * 0.0)), $"lane {lane}");
        }
        Assert.That(keyAfter, Is.EqualTo(keyBefore), "the memo's key is untouched");
        Assert.That(hitsAfter, Is.EqualTo(hitsBefore), "no memo hit");

        // And at the plain block, through the memo: the same bits, and the pair is answered.
        var plain = new Dual<double, Tangents16<double>>(-2.75, Tangents16<double>.Unit(3, 1.0));
        var memoSin = Dual<double, Tangents16<double>>.Sin(plain);
        var memoCos = Dual<double, Tangents16<double>>.Cos(plain);
        Assert.That(BitConverter.DoubleToInt64Bits(memoSin.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(sin.Value)));
        Assert.That(BitConverter.DoubleToInt64Bits(memoCos.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(cos.Value)));
        Assert.That(BitConverter.DoubleToInt64Bits(memoCos.Tangents[3]), Is.EqualTo(BitConverter.DoubleToInt64Bits(cos.Tangents[3])));
        Assert.That(SinCosMemo.State.Hits - hitsAfter, Is.EqualTo(1), "the plain block's cos was answered by the memo");
    }

    /// <summary>Records the number type it is evaluated at; Σ cos(3xᵢ).</summary>
    private readonly struct RecordsType : IScalarFunction
    {
        public static Type? Seen;

        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            Seen = typeof(T);
            T three = T.CreateTruncating(3.0), s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Cos(three * x[i]);
            return s;
        }
    }

    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(7, 8)]
    [TestCase(10, 16)]
    [TestCase(20, 32)]
    public void After_the_verdict_the_one_pass_gradient_runs_at_the_unpaired_block_of_its_width(int n, int width)
    {
        double[] x = Point(n, 0.4);
        var g = new double[n];
        var reference = new double[n];
        AutoDiff.Gradient<double, RecordsType>(default, x, reference, 1); // one-tangent passes: the replay log
        for (int call = 0; call < SinCosPairing<double, RecordsType>.Trials; call++) AutoDiff.Gradient<double, RecordsType>(default, x, g, 32);
        Assert.That(SinCosPairing<double, RecordsType>.IsUnpaired, Is.True);
        Array.Clear(g);
        AutoDiff.Gradient<double, RecordsType>(default, x, g, 32);
        Type block = width switch
        {
            2 => typeof(UnpairedBlock<Tangents2<double>, double>),
            4 => typeof(UnpairedBlock<Tangents4<double>, double>),
            8 => typeof(UnpairedBlock<Tangents8<double>, double>),
            16 => typeof(UnpairedBlock<Tangents16<double>, double>),
            _ => typeof(UnpairedBlock<Tangents32<double>, double>),
        };
        Assert.That(RecordsType.Seen, Is.EqualTo(typeof(Dual<,>).MakeGenericType(typeof(double), block)));
        for (int i = 0; i < n; i++)
            Assert.That(g[i], Is.EqualTo(-3 * Math.Sin(3 * x[i])).Within(1e-14), $"g[{i}]");
        AssertSameBits(g, reference, "unpaired block vs one-tangent passes");

        // A chunk loop (n > k) is not a one-pass evaluation: the plain blocks and the replay log.
        if (n > 2)
        {
            AutoDiff.Gradient<double, RecordsType>(default, x, g, 2);
            Assert.That(RecordsType.Seen, Is.EqualTo(typeof(Dual<double, Tangents2<double>>)).Or.EqualTo(typeof(Dual<double, Tangents1<double>>)),
                "the last pass: a plain block (a tail of one input takes one lane)");
            AssertSameBits(g, reference, "chunk loop vs one-tangent passes");
        }
    }

    [Test]
    public void An_exception_inside_an_unpaired_evaluation_leaves_later_gradients_exact()
    {
        double[] x = Point(6, 2.2);
        var g = new double[x.Length];
        CosThenThrow.Throw = false;
        for (int call = 0; call < SinCosPairing<double, CosThenThrow>.Trials; call++) AutoDiff.Gradient<double, CosThenThrow>(default, x, g, 8);
        Assert.That(SinCosPairing<double, CosThenThrow>.State, Is.EqualTo(SinCosPairing<double, CosThenThrow>.Unpaired));
        CosThenThrow.Throw = true;
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, CosThenThrow>(default, x, new double[x.Length], 8));
        CosThenThrow.Throw = false;

        // A pair evaluated right after, through the memo or past it: the bits of Math.SinCos either way.
        double[] p = Point(6, 0.1);
        var gp = new double[p.Length];
        AutoDiff.Gradient<double, CosSquaredPlusSin>(default, p, gp, 8);
        for (int i = 0; i < p.Length; i++)
            Assert.That(gp[i], Is.EqualTo(CosSquaredPlusSin.Partial(p[i])).Within(1e-14), $"pair g[{i}]");
        AutoDiff.Gradient<double, CosThenThrow>(default, x, g, 8);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(-2 * Math.Sin(2 * x[i])).Within(1e-14), $"g[{i}]");
    }

    [Test]
    public void Threads_mixing_paired_and_unpaired_functions_get_the_single_thread_bits()
    {
        double[] x = Point(12, 0.9);
        var pairedRef = new double[x.Length];
        var unpairedRef = new double[x.Length];
        // The references through the one-tangent passes (the replay log, neither memo nor unpaired block).
        AutoDiff.Gradient<double, CosSquaredPlusSin>(default, x, pairedRef, 1);
        AutoDiff.Gradient<double, ShiftedCos>(default, x, unpairedRef, 1);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(pairedRef[i], Is.EqualTo(CosSquaredPlusSin.Partial(x[i])).Within(1e-14), $"paired g[{i}]");
            Assert.That(unpairedRef[i], Is.EqualTo(ShiftedCos.Partial(x[i])).Within(1e-14), $"unpaired g[{i}]");
        }

        string? failure = null;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var g = new double[x.Length];
            for (int round = 0; round < 2000 && failure is null; round++)
            {
                bool paired = (worker + round) % 2 == 0;
                if (paired) AutoDiff.Gradient<double, CosSquaredPlusSin>(default, x, g, 16);
                else AutoDiff.Gradient<double, ShiftedCos>(default, x, g, 16);
                double[] expected = paired ? pairedRef : unpairedRef;
                for (int i = 0; i < x.Length; i++)
                {
                    if (BitConverter.DoubleToInt64Bits(g[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
                        failure = $"worker {worker}, round {round}, {(paired ? "paired" : "unpaired")} g[{i}]: {g[i]:R} vs {expected[i]:R}";
                }
            }
        });
        Assert.That(failure, Is.Null);
        Assert.That(SinCosPairing<double, ShiftedCos>.State, Is.EqualTo(SinCosPairing<double, ShiftedCos>.Unpaired));
        Assert.That(SinCosPairing<double, CosSquaredPlusSin>.State, Is.EqualTo(SinCosPairing<double, CosSquaredPlusSin>.Paired));
    }

    /// <summary>Σ cos(xᵢ²): unpaired, for the repeated-argument test.</summary>
    private readonly struct CosOfSquares : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += T.Cos(x[i] * x[i]);
            return s;
        }
    }

    [Test]
    public void A_function_whose_last_sincos_argument_repeats_the_one_before_its_trials_is_still_found_unpaired()
    {
        double[] x = Point(6, 1.3);
        // Through the memo first, at the same x: the memo's last argument is then the trials' last argument too.
        var duals = new Dual<double>[x.Length];
        for (int i = 0; i < x.Length; i++) duals[i] = new Dual<double>(x[i], i == 0 ? 1 : 0);
        double d0 = default(CosOfSquares).Evaluate<Dual<double>>(duals).Tangent;
        Assert.That(d0, Is.EqualTo(-2 * x[0] * Math.Sin(x[0] * x[0])).Within(1e-14), "∂f/∂x₀ through the memo");
        var g = new double[x.Length];
        for (int call = 0; call < SinCosPairing<double, CosOfSquares>.Trials; call++) AutoDiff.Gradient<double, CosOfSquares>(default, x, g, 8);
        Assert.That(SinCosPairing<double, CosOfSquares>.IsUnpaired, Is.True);
        AutoDiff.Gradient<double, CosOfSquares>(default, x, g, 8);
        for (int i = 0; i < x.Length; i++) Assert.That(g[i], Is.EqualTo(-2 * x[i] * Math.Sin(x[i] * x[i])).Within(1e-14), $"g[{i}]");
    }

    [Test]
    public void After_the_verdict_a_float_gradient_runs_at_the_unpaired_float_block()
    {
        float[] x = [0.25f, -0.6f, 1.1f];
        var reference = new float[x.Length];
        AutoDiff.Gradient<float, RecordsType>(default, x, reference, 1);
        var g = new float[x.Length];
        for (int call = 0; call <= SinCosPairing<float, RecordsType>.Trials; call++) AutoDiff.Gradient<float, RecordsType>(default, x, g, 4);
        Assert.That(RecordsType.Seen, Is.EqualTo(typeof(Dual<float, UnpairedBlock<Tangents4<float>, float>>)), $"state {SinCosPairing<float, RecordsType>.State}");
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(-3 * Math.Sin(3 * x[i])).Within(1e-6), $"g[{i}]");
            Assert.That(BitConverter.SingleToInt32Bits(g[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(reference[i])), $"g[{i}] vs one-tangent passes");
        }
    }

    [Test]
    public void Float_gradients_are_observed_too_and_keep_the_closed_form_and_the_memo_bits()
    {
        float[] x = [0.3f, -1.2f, 0.85f, 2.1f, -0.4f];
        var observed = new float[x.Length];
        AutoDiff.Gradient<float, ShiftedCos>(default, x, observed, 8); // the first trial, through the float memo
        var g = new float[x.Length];
        for (int call = 1; call < SinCosPairing<float, ShiftedCos>.Trials; call++) AutoDiff.Gradient<float, ShiftedCos>(default, x, g, 8);
        Assert.That(SinCosPairing<float, ShiftedCos>.IsUnpaired, Is.True, "cos only: unpaired at float as at double");
        Array.Clear(g);
        AutoDiff.Gradient<float, ShiftedCos>(default, x, g, 8);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(-Math.Sin(x[i] + 0.5f)).Within(2e-7), $"g[{i}]");
            Assert.That(BitConverter.SingleToInt32Bits(g[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(observed[i])), $"g[{i}] vs the memo's bits");
        }

        // A pair at float keeps the memo.
        float[] p = [0.7f, -0.2f, 1.4f];
        var gp = new float[p.Length];
        for (int call = 0; call < SinCosPairing<float, SinTimesCos>.Trials + 1; call++) AutoDiff.Gradient<float, SinTimesCos>(default, p, gp, 4);
        Assert.That(SinCosPairing<float, SinTimesCos>.State, Is.EqualTo(SinCosPairing<float, SinTimesCos>.Paired));
        for (int i = 0; i < p.Length; i++) Assert.That(gp[i], Is.EqualTo(Math.Cos(2 * p[i])).Within(3e-7), $"pair g[{i}]");
    }

    [Test]
    public void A_warm_unpaired_gradient_allocates_nothing()
    {
        double[] x = Point(10, 1.7);
        var g = new double[x.Length];
        for (int call = 0; call < 20; call++) AutoDiff.Gradient<double, ShiftedCosAlloc>(default, x, g, 16);
        Assert.That(SinCosPairing<double, ShiftedCosAlloc>.State, Is.EqualTo(SinCosPairing<double, ShiftedCosAlloc>.Unpaired));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < 100; call++) AutoDiff.Gradient<double, ShiftedCosAlloc>(default, x, g, 16);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        for (int i = 0; i < x.Length; i++) Assert.That(g[i], Is.EqualTo(-Math.Sin(x[i] + 0.5)).Within(1e-15), $"g[{i}]");
    }

    private readonly struct ShiftedCosAlloc : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T> => default(ShiftedCos).Evaluate(x);
    }
}
