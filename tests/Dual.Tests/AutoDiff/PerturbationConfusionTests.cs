using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Siskind–Pearlmutter: d/dx [x · (d/dy (x + y))|_{y=1}] at x = 1 is 1 (the inner derivative is 1).</summary>
/// <remarks>Run twice: with the guard switching contexts through the thread's context slot (the default where the
/// runtime has it) and through the public ExecutionContext.Capture/Restore pair (the fallback).</remarks>
[TestFixture(true)]
[TestFixture(false)]
[NonParallelizable]
public class PerturbationConfusionTests
{
    private readonly bool directSlot;
    private bool enabledBefore;

    public PerturbationConfusionTests(bool directSlot) => this.directSlot = directSlot;

    [SetUp]
    public void UseContextPath()
    {
        enabledBefore = ThreadContextSlot.Enabled;
        if (directSlot)
        {
            Assert.That(ThreadContextSlot.Available, Is.True, "the context slot is expected on the runtimes this project targets");
        }
        ThreadContextSlot.Enabled = directSlot;
    }

    [TearDown]
    public void RestoreContextPath() => ThreadContextSlot.Enabled = enabledBefore;

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
    public void After_warm_calls_nesting_at_the_same_type_is_still_refused()
    {
        // Warm calls leave the thread's most recent guard entry matching (the guard's inlined steady state); the nested
        // call then starts from the marked context, which that entry must not match.
        for (int i = 0; i < 5; i++)
        {
            Assert.That(AutoDiff.Derivative(x => x * x, 3.0), Is.EqualTo(6.0));
            Assert.That(AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, new[] { 1.5, -0.5 })[1], Is.EqualTo(200 * (-0.5 - 2.25)));
        }
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Derivative(x => x * AutoDiff.Derivative(y => x + y, 1.0), 1.0));
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, NestedGradient>(default, new[] { 1.0, 2.0 }));
        Assert.That(AutoDiff.Derivative(x => x * x, 3.0), Is.EqualTo(6.0), "and the thread differentiates again afterwards");
    }

    /// <summary>Calls a gradient at double from inside its own evaluation.</summary>
    private struct NestedGradient : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            double[] inner = AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, new[] { 1.0, 2.0 });
            return x[0] * TNum.CreateTruncating(inner[0]);
        }
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

    // ---- the guard follows the logical call, not the thread ----------------------------------------------------

    // The Siskind–Pearlmutter inner call at the same T, made from work that the outer function starts elsewhere.
    private static double InnerAtSameType(Dual<double> x) => AutoDiff.Derivative(y => x + y, 1.0);

    // Twice: the first outer call may be the first from this context (the guard builds and caches the marked twin),
    // the second is the steady state (it switches to the cached twin).
    private static void AssertConfusionRefused(Func<Dual<double>, double> innerElsewhere)
    {
        AssertConfusionRefusedOnce(innerElsewhere);
        AssertConfusionRefusedOnce(innerElsewhere);
    }

    private static void AssertConfusionRefusedOnce(Func<Dual<double>, double> innerElsewhere)
    {
        double result = double.NaN;
        Exception? error = null;
        try
        {
            result = AutoDiff.Derivative(x => x * innerElsewhere(x), 1.0);
        }
        catch (Exception e)
        {
            error = e;
        }
        Assert.That(error, Is.Not.Null, $"returned {result} instead of refusing (2 would be the confused answer)");
        // Several workers (Parallel.For) may each refuse: every one of them must be the confusion error.
        IReadOnlyCollection<Exception> roots = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error!];
        Assert.That(roots, Is.Not.Empty);
        foreach (Exception root in roots)
        {
            Assert.That(root, Is.TypeOf<InvalidOperationException>());
            Assert.That(root.Message, Does.Contain("perturbation confusion"));
        }
        // And the thread is usable afterwards.
        Assert.That(AutoDiff.Derivative(x => x * x, 3.0), Is.EqualTo(6.0));
    }

    [Test]
    public void Inner_call_in_Task_Run_is_refused() => AssertConfusionRefused(x => Task.Run(() => InnerAtSameType(x)).Result);

    [Test]
    public void Inner_call_in_Task_Factory_StartNew_long_running_is_refused()
        => AssertConfusionRefused(x => Task.Factory.StartNew(() => InnerAtSameType(x), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Result);

    [Test]
    public void Inner_call_in_Parallel_For_is_refused()
        => AssertConfusionRefused(x =>
        {
            var results = new double[8];
            Parallel.For(0, results.Length, i => results[i] = InnerAtSameType(x));
            return results[0];
        });

    [Test]
    public void Inner_call_on_a_new_thread_is_refused()
        => AssertConfusionRefused(x =>
        {
            Exception? inner = null;
            double r = 0;
            var thread = new Thread(() =>
            {
                try { r = InnerAtSameType(x); }
                catch (Exception e) { inner = e; }
            });
            thread.Start();
            thread.Join();
            return inner is null ? r : throw inner;
        });

    private static async Task<double> InnerAfterAwait(Dual<double> x)
    {
        await Task.Yield();
        await Task.Delay(1).ConfigureAwait(false);
        return InnerAtSameType(x);
    }

    [Test]
    public void Inner_call_in_an_async_continuation_is_refused() => AssertConfusionRefused(x => InnerAfterAwait(x).GetAwaiter().GetResult());

    [Test]
    public void Inner_call_in_a_task_started_inside_f_and_run_inline_is_refused()
        => AssertConfusionRefused(x =>
        {
            var task = new Task<double>(() => InnerAtSameType(x));
            task.RunSynchronously();
            return task.Result;
        });

    [Test]
    public void An_unrelated_task_run_inline_by_a_blocking_wait_inside_f_is_not_refused()
    {
        // Created outside any differentiation: it carries its creator's context, so running it inline on the
        // thread that is evaluating f is no nesting.
        var unrelated = new Task<double>(() => AutoDiff.Derivative(y => y * y * y, 2.0));
        double outer = AutoDiff.Derivative(x =>
        {
            unrelated.RunSynchronously();
            return x * unrelated.Result;
        }, 1.0);
        Assert.That(unrelated.Result, Is.EqualTo(12.0));
        Assert.That(outer, Is.EqualTo(12.0));
    }

    [Test]
    public void Independent_differentiation_on_many_threads_at_once_is_not_refused()
    {
        const int Threads = 32;
        var results = new double[Threads];
        using var start = new Barrier(Math.Min(Threads, 8));
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (int round = 0; round < 200; round++)
            {
                double a = i + 1;
                // d/dx [a·x³] at x = 2 is 12a; nested at the lifted type inside, as allowed.
                results[i] = AutoDiff.Derivative(x => a * x * x * x + 0 * AutoDiff.Derivative(y => x * y, (Dual<double>)1.0), 2.0);
            }
        });
        for (int i = 0; i < Threads; i++) Assert.That(results[i], Is.EqualTo(12.0 * (i + 1)));
        // Tasks started outside any differentiation, awaited together.
        Task<double>[] tasks = Enumerable.Range(1, 16).Select(k => Task.Run(() => AutoDiff.Derivative(x => x * x, (double)k))).ToArray();
        Task.WaitAll(tasks);
        Assert.That(tasks.Select(t => t.Result), Is.EqualTo(Enumerable.Range(1, 16).Select(k => 2.0 * k)));
    }

    private static readonly AsyncLocal<string?> UserValue = new();

    [Test]
    public void An_async_local_that_f_sets_survives_the_call_and_the_guard_still_clears()
    {
        UserValue.Value = null;
        double d = AutoDiff.Derivative(x =>
        {
            UserValue.Value = "set inside f";
            return x * x;
        }, 4.0);
        Assert.That(d, Is.EqualTo(8.0));
        Assert.That(UserValue.Value, Is.EqualTo("set inside f"), "a synchronous callee's async-local change reaches its caller, as without the guard");
        Assert.That(AutoDiff.Derivative(x => x * x * x, 1.0), Is.EqualTo(3.0), "the mark was cleared");
        UserValue.Value = null;
    }

    private static int cultureLikeChanges;
    private static int watchedThread;

    // An async-local with a change handler, as CultureInfo.CurrentCulture's is: the contexts the guard switches between
    // must hold it unchanged, and switching must not make it look changed. Counted on the test's own thread only (a
    // pool thread that picks up a captured context is notified of its values, guard or not).
    private static readonly AsyncLocal<string?> Notifying = new(args =>
    {
        if (args.PreviousValue != args.CurrentValue && Environment.CurrentManagedThreadId == Volatile.Read(ref watchedThread))
        {
            Interlocked.Increment(ref cultureLikeChanges);
        }
    });

    [Test]
    public void A_caller_with_change_notifying_async_locals_keeps_them_and_the_guard_still_refuses()
    {
        CultureInfo cultureBefore = CultureInfo.CurrentCulture;
        try
        {
            Volatile.Write(ref watchedThread, Environment.CurrentManagedThreadId);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Notifying.Value = "caller";
            int changes = Volatile.Read(ref cultureLikeChanges);
            ExecutionContext? before = ExecutionContext.Capture();
            string? seenInside = null, cultureInside = null;
            double d = AutoDiff.Derivative(x =>
            {
                seenInside = Notifying.Value;
                cultureInside = CultureInfo.CurrentCulture.Name;
                return x * x * x;
            }, 2.0);
            Assert.That(d, Is.EqualTo(12.0));
            Assert.That((seenInside, cultureInside), Is.EqualTo(("caller", "de-DE")), "f sees the caller's async-locals");
            Assert.That(Volatile.Read(ref cultureLikeChanges), Is.EqualTo(changes), "entering and leaving the call changed no value");
            Assert.That(ExecutionContext.Capture(), Is.SameAs(before), "the caller's own context is back");
            Assert.That(CultureInfo.CurrentCulture.Name, Is.EqualTo("de-DE"));
            AssertConfusionRefused(x => Task.Run(() => InnerAtSameType(x)).Result);
            AssertConfusionRefused(InnerAtSameType);
            Assert.That(Volatile.Read(ref cultureLikeChanges), Is.EqualTo(changes));
        }
        finally
        {
            Notifying.Value = null;
            CultureInfo.CurrentCulture = cultureBefore;
        }
    }

    [Test]
    public void A_change_notifying_async_local_that_f_sets_is_notified_and_survives()
    {
        Volatile.Write(ref watchedThread, Environment.CurrentManagedThreadId);
        Notifying.Value = null;
        int changes = Volatile.Read(ref cultureLikeChanges);
        double d = AutoDiff.Derivative(x =>
        {
            Notifying.Value = "set inside f";
            return x * x;
        }, 4.0);
        Assert.That(d, Is.EqualTo(8.0));
        Assert.That(Notifying.Value, Is.EqualTo("set inside f"));
        Assert.That(Volatile.Read(ref cultureLikeChanges), Is.EqualTo(changes + 1), "the one change f made was notified once");
        Assert.That(AutoDiff.Derivative(x => x * x * x, 1.0), Is.EqualTo(3.0), "the mark was cleared");
        AssertConfusionRefused(InnerAtSameType);
        Notifying.Value = null;
    }

    [Test]
    public void With_flow_suppressed_the_guard_still_works_on_the_thread()
    {
        using (ExecutionContext.SuppressFlow())
        {
            Assert.Throws<InvalidOperationException>(() => AutoDiff.Derivative(x => x * InnerAtSameType(x), 1.0));
            Assert.That(AutoDiff.Derivative(x => x * x, 5.0), Is.EqualTo(10.0));
        }
    }

    private struct Cube : IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum> => x * x * x;
    }

    [Test]
    public void The_guard_allocates_nothing_in_steady_state()
    {
        double sum = 0;
        for (int i = 0; i < 100; i++) sum += AutoDiff.Derivative<double, Cube>(default, 1.5) + AutoDiff.Derivative<double, Outer>(default, 2.0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sum += AutoDiff.Derivative<double, Cube>(default, 1.5) + AutoDiff.Derivative<double, Outer>(default, 2.0);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(sum, Is.EqualTo(1100 * (6.75 + 1.0)));
        Assert.That(allocated, Is.EqualTo(0), "bytes allocated by 2000 guarded calls (1000 of them nested at the lifted type)");
    }
}
