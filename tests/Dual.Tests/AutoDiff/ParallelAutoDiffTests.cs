using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>The opt-in multi-core gradients, Jacobians and Hessians: hand-derived derivatives as the oracle, and the
/// sequential overloads' bits (the documented promise) at every chunk size and worker count.</summary>
public class ParallelAutoDiffTests
{
    private static double[] Point(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.9 * Math.Sin(1.3 * i + 0.4);
        return x;
    }

    private static void AssertSameBits(double[] actual, double[] expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
                Assert.Fail($"{what}[{i}]: {actual[i]:R} vs sequential {expected[i]:R}");
        }
    }

    private static void AssertClose(double[] actual, double[] expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(1e-12 * Math.Max(1, Math.Abs(expected[i]))), $"{what}[{i}]");
    }

    [TestCase(0, 2)]
    [TestCase(1, 3)]
    [TestCase(4, -1)]
    [TestCase(16, 2)]
    [TestCase(8, 7)]
    public void Parallel_gradient_matches_the_analytic_gradient_and_the_sequential_bits(int k, int workers)
    {
        double[] x = Point(1000);
        var g = new double[x.Length];
        var f = default(TestFunctions.Rosenbrock);
        double value = AutoDiff.ParallelGradient<double, TestFunctions.Rosenbrock>(f, x, g, k, workers);
        AssertClose(g, TestFunctions.Rosenbrock.AnalyticGradient(x), "gradient");

        var sequential = new double[x.Length];
        double sequentialValue = AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(f, x, sequential, k);
        Assert.That(BitConverter.DoubleToInt64Bits(value), Is.EqualTo(BitConverter.DoubleToInt64Bits(sequentialValue)), "value");
        Assert.That(value, Is.EqualTo(f.Evaluate<double>(x)), "value vs the primal");
        AssertSameBits(g, sequential, "gradient");
    }

    [TestCase(0, 2)]
    [TestCase(1, -1)]
    [TestCase(8, 3)]
    public void Parallel_jacobian_matches_the_closed_form_and_the_sequential_bits(int k, int workers)
    {
        // RingPlusSum: yᵢ = sin(xᵢ)·exp(xᵢ₊₁) + xᵢ² (indices mod n), y_n = Σ xᵢ.
        const int n = 300;
        double[] x = Point(n);
        var values = new double[n + 1];
        var j = new double[(n + 1) * n];
        var f = default(TestFunctions.RingPlusSum);
        AutoDiff.ParallelJacobian<double, TestFunctions.RingPlusSum>(f, x, values, j, k, workers);

        var expected = new double[(n + 1) * n];
        var expectedValues = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            double next = x[(i + 1) % n];
            expectedValues[i] = Math.Sin(x[i]) * Math.Exp(next) + x[i] * x[i];
            expectedValues[n] += x[i];
            expected[i * n + i] = Math.Cos(x[i]) * Math.Exp(next) + 2 * x[i];
            expected[i * n + (i + 1) % n] = Math.Sin(x[i]) * Math.Exp(next);
            expected[n * n + i] = 1;
        }
        AssertClose(values, expectedValues, "values");
        AssertClose(j, expected, "jacobian");

        var sequentialValues = new double[n + 1];
        var sequential = new double[(n + 1) * n];
        AutoDiff.Jacobian<double, TestFunctions.RingPlusSum>(f, x, sequentialValues, sequential, k);
        AssertSameBits(values, sequentialValues, "values");
        AssertSameBits(j, sequential, "jacobian");
    }

    [TestCase(0, 2)]
    [TestCase(1, 2)]
    [TestCase(2, -1)]
    [TestCase(16, 5)]
    public void Parallel_hessian_matches_the_closed_form_and_the_sequential_bits(int k, int workers)
    {
        const int n = 41;
        double[] x = Point(n);
        // Chained Rosenbrock: H[i,i] = 1200xᵢ² − 400xᵢ₊₁ + 2 (i < n−1) + 200 (i > 0), H[i,i+1] = −400xᵢ.
        var expected = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            if (i + 1 < n)
            {
                expected[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                expected[i * n + i + 1] = expected[(i + 1) * n + i] = -400 * x[i];
            }
            if (i > 0) expected[i * n + i] += 200;
        }
        var g = new double[n];
        var h = new double[n * n];
        double value = AutoDiff.ParallelHessian<double, TestFunctions.Rosenbrock>(default, x, g, h, k, workers);
        AssertClose(g, TestFunctions.Rosenbrock.AnalyticGradient(x), "gradient");
        AssertClose(h, expected, "hessian");
        Assert.That(value, Is.EqualTo(default(TestFunctions.Rosenbrock).Evaluate<double>(x)), "value");

        // A function with every kind of operation, against the sequential bits.
        var mixed = default(TestFunctions.Mixed);
        double parallelValue = AutoDiff.ParallelHessian<double, TestFunctions.Mixed>(mixed, x, g, h, k, workers);
        var sg = new double[n];
        var sh = new double[n * n];
        double sequentialValue = AutoDiff.Hessian<double, TestFunctions.Mixed>(mixed, x, sg, sh, k);
        Assert.That(BitConverter.DoubleToInt64Bits(parallelValue), Is.EqualTo(BitConverter.DoubleToInt64Bits(sequentialValue)), "value");
        AssertSameBits(g, sg, "gradient");
        AssertSameBits(h, sh, "hessian");
    }

    [Test]
    public void Outputs_that_overlap_the_input_and_bad_degrees_are_refused()
    {
        double[] buffer = Point(64);
        var f = default(TestFunctions.Rosenbrock);
        Assert.Throws<ArgumentException>(() => AutoDiff.ParallelGradient<double, TestFunctions.Rosenbrock>(f, buffer, buffer));
        Assert.Throws<ArgumentException>(() => AutoDiff.ParallelHessian<double, TestFunctions.Rosenbrock>(f, buffer.AsMemory(0, 8), new double[8], buffer.AsMemory()));
        Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.ParallelGradient<double, TestFunctions.Rosenbrock>(f, buffer, new double[64], 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.ParallelGradient<double, TestFunctions.Rosenbrock>(f, buffer, new double[64], 3));
    }

    /// <summary>Writes one output more than the caller's buffer holds.</summary>
    private struct TooManyOutputs : IVectorFunction
    {
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i <= y.Length; i++) y[i] = x[0];
        }
    }

    [Test]
    public void A_worker_exception_reaches_the_caller_unwrapped()
    {
        double[] x = Point(64);
        var e = Assert.Throws<ArgumentException>(() => AutoDiff.ParallelJacobian<double, TooManyOutputs>(default, x, new double[3], new double[3 * 64], 4, 2));
        Assert.That(e!.ParamName, Is.EqualTo("values"));
    }

    /// <summary>Differentiates at double inside its own evaluation: perturbation confusion when the outer call is at double.</summary>
    private struct NestsAtTheSameType : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            double inner = AutoDiff.Derivative<double>(t => t * t, 1.5);
            return x[0] * TNum.CreateTruncating(inner);
        }
    }

    [Test]
    public void The_nesting_guard_follows_the_call_onto_the_workers()
    {
        double[] x = Point(64);
        Assert.Throws<InvalidOperationException>(() => AutoDiff.ParallelGradient<double, NestsAtTheSameType>(default, x, new double[64], 4, 2));
    }

    /// <summary>
    /// Rosenbrock (scalar) and RingPlusSum (vector) that note, on whichever thread evaluates them, that thread's allocated
    /// bytes: the first and the last reading per thread bracket everything the thread did in between — the pool's wait,
    /// wake-up and hand-over included — without counting the test host's other threads.
    /// </summary>
    private struct AllocationWitness : IScalarFunction, IVectorFunction
    {
        public static readonly long[] First = new long[4096], Last = new long[4096];
        public static volatile bool Recording;

        /// <summary>The kinds of evaluation this thread has made (1: gradient, 2: Jacobian, 4: Hessian), noted while not recording.</summary>
        [ThreadStatic] public static int Kinds;

        private static void Note<TNum>(bool vector)
        {
            if (!Recording)
            {
                // The Hessian evaluates at a dual whose tangents are pairs of blocks (PairTangents).
                Kinds |= vector ? 2 : typeof(TNum).GetGenericArguments()[1].Name.StartsWith("PairTangents", StringComparison.Ordinal) ? 4 : 1;
                return;
            }
            int id = Environment.CurrentManagedThreadId;
            long now = GC.GetAllocatedBytesForCurrentThread();
            if (First[id] == 0) First[id] = now;
            Last[id] = now;
        }

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            Note<TNum>(vector: false);
            return default(TestFunctions.Rosenbrock).Evaluate(x);
        }

        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            Note<TNum>(vector: true);
            default(TestFunctions.RingPlusSum).Evaluate(x, y);
        }
    }

    private static int ThreadsSeen()
    {
        int threads = 0;
        for (int id = 0; id < AllocationWitness.First.Length; id++)
        {
            if (AllocationWitness.First[id] != 0) threads++;
        }
        return threads;
    }

    /// <summary>Rosenbrock that, while <see cref="Slow"/> is set, spins 2 ms per evaluation on any thread but the caller's:
    /// the caller then finishes its own chunks first and blocks until the helper is done.</summary>
    private struct SlowHelper : IScalarFunction
    {
        public static volatile bool Slow;
        public static int CallerThread;

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            if (Slow && Environment.CurrentManagedThreadId != CallerThread)
            {
                var spin = System.Diagnostics.Stopwatch.StartNew();
                while (spin.Elapsed.TotalMilliseconds < 2) { }
            }
            return default(TestFunctions.Rosenbrock).Evaluate(x);
        }
    }

    /// <summary>A caller that has to block for a slow helper allocates nothing either (the pool's completion signal once
    /// made its lock object on the first wait that blocked). Oracle for the values: the sequential gradient.</summary>
    [Test]
    public void A_caller_that_waits_for_a_slow_helper_allocates_nothing()
    {
        if (Environment.ProcessorCount < 2) Assert.Ignore("needs a helper thread");
        double[] x = Point(64);
        var g = new double[x.Length];
        var expected = new double[x.Length];
        AutoDiff.Gradient<double, SlowHelper>(default, x, expected, 8);
        SlowHelper.CallerThread = Environment.CurrentManagedThreadId;
        for (int i = 0; i < 5; i++) AutoDiff.ParallelGradient<double, SlowHelper>(default, x, g, 8, 2);
        SlowHelper.Slow = true;
        try
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5; i++) AutoDiff.ParallelGradient<double, SlowHelper>(default, x, g, 8, 2);
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "bytes allocated on the waiting caller");
        }
        finally
        {
            SlowHelper.Slow = false;
        }
        Assert.That(g, Is.EqualTo(expected), "the sequential gradient's bits");
    }

    /// <summary>Warm parallel calls allocate nothing, on the calling thread or on any worker.</summary>
    [Test]
    public void Warm_parallel_calls_allocate_nothing_on_any_thread()
    {
        double[] x = Point(256);
        var g = new double[x.Length];
        var j = new double[x.Length * x.Length];
        var values = new double[x.Length];
        var hx = Point(24);
        var hg = new double[hx.Length];
        var h = new double[hx.Length * hx.Length];
        void Calls()
        {
            AutoDiff.ParallelGradient<double, AllocationWitness>(default, x, g, 16, 2);
            AutoDiff.ParallelJacobian<double, AllocationWitness>(default, x.AsMemory(0, 255), values, j.AsMemory(0, 256 * 255), 8, 2);
            AutoDiff.ParallelHessian<double, AllocationWitness>(default, hx, hg, h, 4, 2);
        }
        // Warm: until the calling thread has itself evaluated chunks of all three kinds (its per-thread work arrays are made
        // on its first chunk of each kind; on a loaded machine the worker may take every chunk of a call for a while).
        var warming = System.Diagnostics.Stopwatch.StartNew();
        AllocationWitness.Kinds = 0;
        for (int i = 0; i < 3 || (AllocationWitness.Kinds != 7 && warming.Elapsed.TotalSeconds < 10); i++) Calls();
        Array.Clear(AllocationWitness.First);
        AllocationWitness.Recording = true;
        // At least 20 rounds; more (up to 10 s) until a worker has taken part, which on a loaded machine (the other test
        // projects running on both cores) may not happen within the first rounds: the caller then runs every chunk itself.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int rounds = 0;
        do
        {
            Calls();
            rounds++;
        }
        while (rounds < 20 || (Environment.ProcessorCount > 1 && ThreadsSeen() < 2 && clock.Elapsed.TotalSeconds < 10));
        long caller = GC.GetAllocatedBytesForCurrentThread() - before;
        AllocationWitness.Recording = false;

        Assert.That(caller, Is.Zero, $"bytes allocated on the calling thread by {rounds} warm rounds");
        int threads = ThreadsSeen();
        for (int id = 0; id < AllocationWitness.First.Length; id++)
        {
            if (AllocationWitness.First[id] == 0) continue;
            Assert.That(AllocationWitness.Last[id] - AllocationWitness.First[id], Is.Zero, $"bytes allocated on thread {id} between its first and last evaluation");
        }
        if (Environment.ProcessorCount > 1)
            Assert.That(threads, Is.GreaterThanOrEqualTo(2), "a worker thread took part");
        AssertClose(g, TestFunctions.Rosenbrock.AnalyticGradient(x), "the last call's gradient");
    }

    /// <summary>Several threads make parallel calls at once: the pool serves one, the others run on their own threads;
    /// every result is still the analytic gradient and the sequential bits.</summary>
    [Test]
    public void Concurrent_parallel_calls_from_several_threads_all_get_the_right_gradient()
    {
        double[] x = Point(600);
        double[] expected = TestFunctions.Rosenbrock.AnalyticGradient(x);
        var sequential = new double[x.Length];
        AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, x, sequential, 8);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var threads = new System.Threading.Thread[4];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new System.Threading.Thread(() =>
            {
                var g = new double[x.Length];
                for (int round = 0; round < 25; round++)
                {
                    Array.Clear(g);
                    AutoDiff.ParallelGradient<double, TestFunctions.Rosenbrock>(default, x, g, 8, 2);
                    for (int i = 0; i < g.Length; i++)
                    {
                        if (BitConverter.DoubleToInt64Bits(g[i]) != BitConverter.DoubleToInt64Bits(sequential[i]))
                            failures.Enqueue($"round {round}, g[{i}] = {g[i]:R}, sequential {sequential[i]:R}");
                    }
                }
            });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Assert.That(failures, Is.Empty);
        AssertClose(sequential, expected, "sequential vs analytic");
    }
}
