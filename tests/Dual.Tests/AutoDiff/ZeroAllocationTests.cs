using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// Every span overload of <see cref="AutoDiff"/> allocates nothing in steady state: each is called eight times to warm up
/// (per-thread work arrays, the guard's cached contexts, JIT, the pairing and replay verdicts, which settle after four
/// evaluations), then the bytes allocated by 20 more calls on this
/// thread must be 0. The list of calls is checked against reflection, so a new span overload without a case here
/// fails the test.
/// </summary>
public class ZeroAllocationTests
{
    private struct Quartic : IScalarFunction, IVectorFunction, ICurveFunction, IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum> => TNum.Exp(x) * x - TNum.Sin(x);

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            for (int i = 0; i < x.Length; i++) sum += x[i] * x[i] * x[(i + 1) % x.Length] + TNum.Sin(x[i]);
            return sum;
        }

        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < y.Length; i++) y[i] = x[i % x.Length] * TNum.Exp(x[(i + 1) % x.Length]);
        }

        public readonly void Evaluate<TNum>(TNum t, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < y.Length; i++) y[i] = TNum.Sin(t) * t;
        }
    }

    private static readonly ScalarFunc<Dual<double>> Scalar = x => default(Quartic).Evaluate(x);
    private static readonly ScalarFunc<Dual<Dual<double>>> Scalar2 = x => default(Quartic).Evaluate(x);
    private static readonly VectorFunc<Dual<double>> Vector = (x, y) => default(Quartic).Evaluate(x, y);
    private static readonly CurveFunc<Dual<double>> CurveF = (t, y) => default(Quartic).Evaluate(t, y);
    private static readonly Func<Dual<double>, Dual<double>> RealF = x => default(Quartic).Evaluate(x);

    private static string Key(MethodInfo m)
        => m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";

    /// <summary>The span overloads, by reflection: a Span/ReadOnlySpan parameter and no array returned (those allocate their result by design).</summary>
    private static HashSet<string> SpanOverloads()
        => typeof(AutoDiff).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.ParameterType.IsGenericType
                && (p.ParameterType.GetGenericTypeDefinition() == typeof(Span<>) || p.ParameterType.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>))))
            // Overloads that return a new array or object (a pattern, a prepared sparse evaluator) allocate it by design; their
            // allocation-free counterparts (the span overloads, PreparedSparse*.Evaluate) are what must allocate nothing.
            .Where(m => m.ReturnType.IsValueType || m.ReturnType.IsGenericParameter || m.ReturnType == typeof(void))
            .Select(Key)
            .ToHashSet();

    private delegate void Call(int n, int chunk);

    /// <summary>Each span overload, keyed as <see cref="Key"/> writes it; n inputs, chunk size where it takes one.</summary>
    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["Derivative(CurveFunc`1, T, Span`1, Span`1)"] = (n, _) => AutoDiff.Derivative(CurveF, 0.7, Buffers.Values(n), Buffers.Derivatives(n)),
        ["Derivative(TFunction, T, Span`1, Span`1)"] = (n, _) => AutoDiff.Derivative<double, Quartic>(default, 0.7, Buffers.Values(n), Buffers.Derivatives(n)),
        ["ValueAndDerivative(TFunction, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.ValueAndDerivative<double, Quartic>(default, Buffers.X(n), Buffers.Values(n), Buffers.Derivatives(n)),
        ["Derivative(TFunction, ReadOnlySpan`1, Span`1)"] = (n, _) => AutoDiff.Derivative<double, Quartic>(default, Buffers.X(n), Buffers.Derivatives(n)),
        ["ValueAndDerivative(Func`2, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.ValueAndDerivative(RealF, Buffers.X(n), Buffers.Values(n), Buffers.Derivatives(n)),
        ["Derivative(Func`2, ReadOnlySpan`1, Span`1)"] = (n, _) => AutoDiff.Derivative(RealF, Buffers.X(n), Buffers.Derivatives(n)),
        ["Gradient(ScalarFunc`1, ReadOnlySpan`1, Span`1)"] = (n, _) => AutoDiff.Gradient(Scalar, Buffers.X(n), Buffers.Gradient(n)),
        ["Gradient(TFunction, ReadOnlySpan`1, Span`1, Int32)"] = (n, k) => AutoDiff.Gradient<double, Quartic>(default, Buffers.X(n), Buffers.Gradient(n), k),
        ["Jacobian(VectorFunc`1, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.Jacobian(Vector, Buffers.X(n), Buffers.Values(n), Buffers.Matrix(n)),
        ["Jacobian(TFunction, ReadOnlySpan`1, Span`1, Span`1, Int32)"] = (n, k) => AutoDiff.Jacobian<double, Quartic>(default, Buffers.X(n), Buffers.Values(n), Buffers.Matrix(n), k),
        ["Jvp(ScalarFunc`1, ReadOnlySpan`1, ReadOnlySpan`1)"] = (n, _) => AutoDiff.Jvp(Scalar, Buffers.X(n), Buffers.V(n)),
        ["Jvp(VectorFunc`1, ReadOnlySpan`1, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.Jvp(Vector, Buffers.X(n), Buffers.V(n), Buffers.Values(n), Buffers.Derivatives(n)),
        ["Jvp(TFunction, ReadOnlySpan`1, ReadOnlySpan`1)"] = (n, _) => AutoDiff.Jvp<double, Quartic>(default, Buffers.X(n), Buffers.V(n)),
        ["Jvp(TFunction, ReadOnlySpan`1, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.Jvp<double, Quartic>(default, Buffers.X(n), Buffers.V(n), Buffers.Values(n), Buffers.Derivatives(n)),
        ["Hessian(ScalarFunc`1, ReadOnlySpan`1, Span`1, Span`1)"] = (n, _) => AutoDiff.Hessian(Scalar2, Buffers.X(n), Buffers.Gradient(n), Buffers.Matrix(n)),
        ["Hessian(TFunction, ReadOnlySpan`1, Span`1, Span`1, Int32)"] = (n, k) => AutoDiff.Hessian<double, Quartic>(default, Buffers.X(n), Buffers.Gradient(n), Buffers.Matrix(n), k),
        ["Hvp(ScalarFunc`1, ReadOnlySpan`1, ReadOnlySpan`1, Span`1)"] = (n, _) => AutoDiff.Hvp(Scalar2, Buffers.X(n), Buffers.V(n), Buffers.Gradient(n)),
        ["Hvp(TFunction, ReadOnlySpan`1, ReadOnlySpan`1, Span`1)"] = (n, _) => AutoDiff.Hvp<double, Quartic>(default, Buffers.X(n), Buffers.V(n), Buffers.Gradient(n)),
    };

    /// <summary>Preallocated caller buffers (so only the library's own allocations are counted).</summary>
    private static class Buffers
    {
        private static readonly Dictionary<int, double[][]> ByN = new();

        private static double[][] For(int n)
        {
            if (!ByN.TryGetValue(n, out double[][]? b))
            {
                b = [Enumerable.Range(0, n).Select(i => 0.1 + 0.01 * i).ToArray(), Enumerable.Range(0, n).Select(i => 1.0 - 0.02 * i).ToArray(),
                     new double[n], new double[n], new double[n], new double[n * n]];
                ByN[n] = b;
            }
            return b;
        }

        public static ReadOnlySpan<double> X(int n) => For(n)[0];
        public static ReadOnlySpan<double> V(int n) => For(n)[1];
        public static Span<double> Values(int n) => For(n)[2];
        public static Span<double> Derivatives(int n) => For(n)[3];
        public static Span<double> Gradient(int n) => For(n)[4];
        public static Span<double> Matrix(int n) => For(n)[5];
    }

    [Test]
    public void The_cases_cover_every_span_overload()
    {
        HashSet<string> overloads = SpanOverloads();
        Assert.That(overloads, Is.Not.Empty);
        Assert.That(Calls.Keys, Is.EquivalentTo(overloads), "a span overload without an allocation case, or a case for an overload that no longer exists");
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (string key in Calls.Keys.Order())
        {
            bool chunked = key.EndsWith("Int32)", StringComparison.Ordinal);
            foreach (int chunk in chunked ? new[] { 0, 1, 2, 4, 8, 16, 32 } : new[] { 0 })
            {
                foreach (int n in new[] { 5, 37 })
                {
                    yield return new TestCaseData(key, n, chunk).SetName($"{{m}}({key}, n={n}, chunk={chunk})");
                }
            }
        }
        // Chunked inputs up to 256 KiB come from the per-thread zeroed array, other work arrays above the per-thread
        // cache's 256 elements from the shared pool, and chunked inputs above 256 KiB (n = 2000 at k = 16) from the pool
        // too: still 0 B once warm.
        yield return new TestCaseData("Gradient(TFunction, ReadOnlySpan`1, Span`1, Int32)", 300, 8).SetName("{m}(zeroed work array, n=300)");
        yield return new TestCaseData("Jacobian(TFunction, ReadOnlySpan`1, Span`1, Span`1, Int32)", 300, 16).SetName("{m}(pooled output array, n=300)");
        yield return new TestCaseData("Gradient(TFunction, ReadOnlySpan`1, Span`1, Int32)", 2000, 16).SetName("{m}(pooled work array, n=2000)");
    }

    [TestCaseSource(nameof(Cases))]
    public void Steady_state_calls_allocate_nothing(string key, int n, int chunk)
    {
        Call call = Calls[key];
        // Warm past the one-time transitions: the per-function pairing and replay verdicts settle after four observed
        // evaluations, and the fifth call may be the first at the path they choose (its types' one-time initialization).
        for (int i = 0; i < 8; i++) call(n, chunk);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) call(n, chunk);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.EqualTo(0), $"bytes allocated by 20 warm calls of {key}");
    }

    private struct NestedGradient : IRealFunction
    {
        public readonly TNum Evaluate<TNum>(TNum a) where TNum : IFloatingPointIeee754<TNum>
        {
            Span<TNum> x = [a, a * a, TNum.One];
            return AutoDiff.Gradient(default(Quartic), (ReadOnlySpan<TNum>)x, SpanOf<TNum>.Gradient);
        }
    }

    private static class SpanOf<TNum>
    {
        public static readonly TNum[] Gradient = new TNum[3];
    }

    [Test]
    public void Nested_generic_differentiation_at_the_default_chunk_allocates_nothing()
    {
        // The inner Gradient runs at T = Dual<double> with the wide blocks.
        double sum = 0;
        for (int i = 0; i < 3; i++) sum += AutoDiff.Derivative<double, NestedGradient>(default, 0.4);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) sum += AutoDiff.Derivative<double, NestedGradient>(default, 0.4);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
        Assert.That(double.IsFinite(sum), Is.True);
    }
}
