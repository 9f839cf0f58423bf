using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dual;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// The Jacobian pattern the generator proves at compile time (<c>FJacobianSparsity</c>, issue 15 item 5): on each
/// method shape it equals the pattern the runtime tracer finds through the twin (for a branch on values: it covers
/// every local pattern and equals their union), and the sparse Jacobian evaluated with it equals the dense one (and a
/// closed form). Shapes it cannot prove give DUAL016 naming the construct, and their sparse Jacobians still come out
/// right through the tracer.
/// </summary>
public class CompileTimeSparsityTests
{
    /// <summary>A class with the [Differentiable] method F and array-taking wrappers the test calls by reflection.</summary>
    private static string Source(string body, bool proven, string members = "", string parameters = "", string arguments = "") => $$"""
        using System;
        using Dual;
        using Dual.CompilerServices;

        public static partial class S
        {
            {{members}}

            [Differentiable]
            public static void F(ReadOnlySpan<double> x, Span<double> y{{parameters}})
            {
                {{body}}
            }

            public static SparsityPattern Traced(double[] x, int m{{parameters}}) => GeneratedDerivatives.JacobianSparsity<double, FTwin>(new FTwin({{arguments.TrimStart(',', ' ')}}), x, m);
            public static SparseJacobian<double> Sparse(double[] x, double[] y{{parameters}}) => FSparseJacobian(x, y{{arguments}});
            public static void Dense(double[] x, double[] y, double[] j{{parameters}}) => FJacobian(x, y{{arguments}}, j);
            {{(proven ? $$"""
            public static SparsityPattern Proven(int n, int m{{parameters}}) => FJacobianSparsity(n, m{{arguments}});
            public static SparseJacobian<double> Prepared(double[] x, double[] y{{parameters}})
            {
                var p = FPrepareSparseJacobian(x, y.Length{{arguments}});
                var r = p.CreateResult();
                p.Evaluate(x, y, r);
                return r;
            }
            """ : "")}}
        }
        """;

    private sealed class Shape
    {
        private readonly Type _s;
        private readonly object[] _extra;

        public Shape(Assembly a, params object[] extra)
        {
            _s = a.GetType("S", throwOnError: true)!;
            _extra = extra;
        }

        private T Call<T>(string name, params object[] args) =>
            (T)_s.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args.Concat(_extra).ToArray())!;

        public SparsityPattern Proven(int n, int m) => Call<SparsityPattern>("Proven", n, m);

        public SparsityPattern Traced(double[] x, int m) => Call<SparsityPattern>("Traced", x, m);

        public SparseJacobian<double> Sparse(double[] x, int m) => Call<SparseJacobian<double>>("Sparse", x, new double[m]);

        public SparseJacobian<double> Prepared(double[] x, int m) => Call<SparseJacobian<double>>("Prepared", x, new double[m]);

        public double[] Dense(double[] x, int m)
        {
            var j = new double[m * x.Length];
            Call<object?>("Dense", x, new double[m], j);
            return j;
        }
    }

    private static double[] Point(int n, int seed, double lo = -1, double hi = 2)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();
    }

    private static Shape Load(string source, params object[] extra)
    {
        GeneratorHarness.Result r = GeneratorHarness.Run(source);
        Assert.That(r.Sparsity, Is.Empty, () => "the pattern was expected to be proven:\n" + string.Join("\n", r.Sparsity));
        return new Shape(GeneratorHarness.CompileAndLoad(source), extra);
    }

    private static string Entries(SparsityPattern p) =>
        string.Join(" ", Enumerable.Range(0, p.RowCount).Select(i => i + ":[" + string.Join(",", p.Row(i).ToArray()) + "]"));

    /// <summary>The sparse Jacobian (one-shot and prepared) equals the dense one on the pattern, and the dense one is zero off it.</summary>
    private static void ValuesMatchDense(Shape s, double[] x, int m, SparsityPattern pattern, bool prepared = true)
    {
        double[] dense = s.Dense(x, m);
        var results = new List<SparseJacobian<double>> { s.Sparse(x, m) };
        if (prepared) results.Add(s.Prepared(x, m));
        foreach (SparseJacobian<double> sparse in results)
        {
            Assert.That((sparse.RowCount, sparse.ColumnCount), Is.EqualTo((m, x.Length)));
            double[,] back = sparse.ToDense();
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < x.Length; j++)
                {
                    double d = dense[i * x.Length + j];
                    if (!pattern.Contains(i, j)) Assert.That(d, Is.EqualTo(0.0), $"J[{i},{j}] = {d} outside the pattern");
                    Assert.That(back[i, j], Is.EqualTo(d).Within(1e-12 * Math.Max(1, Math.Abs(d))), $"J[{i},{j}]");
                }
            }
        }
    }

    /// <summary>Branch-free shapes: the proven pattern is the tracer's at any x, for two sizes.</summary>
    private static SparsityPattern ProvenEqualsTraced(Shape s, int n, int m, int seed)
    {
        SparsityPattern proven = s.Proven(n, m);
        double[] x = Point(n, seed);
        SparsityPattern traced = s.Traced(x, m);
        Assert.That(Entries(proven), Is.EqualTo(Entries(traced)), "compile-time pattern vs the tracer's");
        ValuesMatchDense(s, x, m, proven);
        return proven;
    }

    [Test]
    public void Sparsity_three_point_stencil_with_Dirichlet_ends()
    {
        Shape s = Load(Source("""
            int n = x.Length;
            y[0] = -2 * x[0] + x[1];
            for (int i = 1; i < n - 1; i++)
            {
                y[i] = x[i - 1] - 2 * x[i] + x[i + 1] + 0.1 * x[i] * x[i];
            }
            y[n - 1] = x[n - 2] - 2 * x[n - 1];
            """, proven: true));
        foreach (int n in new[] { 3, 9 })
        {
            SparsityPattern p = ProvenEqualsTraced(s, n, n, seed: n);
            Assert.That(p.NonZeroCount, Is.EqualTo(3 * n - 2), "tridiagonal");
        }

        // Closed form: 1 beside the diagonal, −2 + 0.2 xᵢ on it inside, −2 at the ends.
        double[] x = Point(7, 11);
        SparseJacobian<double> j = s.Prepared(x, 7);
        double[,] d = j.ToDense();
        for (int i = 0; i < 7; i++)
        {
            for (int k = 0; k < 7; k++)
            {
                double expected = Math.Abs(i - k) == 1 ? 1 : i == k ? (i == 0 || i == 6 ? -2 : -2 + 0.2 * x[i]) : 0;
                Assert.That(d[i, k], Is.EqualTo(expected).Within(1e-14), $"J[{i},{k}]");
            }
        }
        Assert.That(j.ColorCount, Is.EqualTo(3), "a tridiagonal pattern needs three colours");
    }

    [Test]
    public void Sparsity_indices_from_the_end()
    {
        // An explicit heat step with fixed ends written with ^1 (as in the realistic corpus's Heat.ExplicitStep).
        Shape s = Load(Source("""
            y[0] = x[0];
            y[^1] = x[^1] * x[^2];
            for (int i = 1; i < x.Length - 1; i++) y[i] = x[i] + 0.2 * (x[i + 1] - 2 * x[i] + x[i - 1]);
            """, proven: true));
        SparsityPattern p = ProvenEqualsTraced(s, 6, 6, seed: 15);
        Assert.That(p.Row(5).ToArray(), Is.EqualTo(new[] { 4, 5 }));
        ProvenEqualsTraced(s, 2, 2, seed: 16);
    }

    [Test]
    public void Sparsity_periodic_wrap_by_modulo()
    {
        Shape s = Load(Source("""
            int n = x.Length;
            for (int i = 0; i < n; i++)
            {
                y[i] = Math.Sin(x[(i + 1) % n]) - x[(i - 1 + n) % n] * x[i];
            }
            """, proven: true));
        foreach (int n in new[] { 3, 8 })
        {
            SparsityPattern p = ProvenEqualsTraced(s, n, n, seed: 20 + n);
            Assert.That(p.Contains(0, n - 1) && p.Contains(n - 1, 0), Is.True, "the wrap-around entries");
        }
    }

    [Test]
    public void Sparsity_banded_bandwidth_two_with_integer_guards()
    {
        Shape s = Load(Source("""
            int n = x.Length;
            for (int i = 0; i < n; i++)
            {
                double t = x[i];
                if (i >= 1) t += 0.5 * x[i - 1];
                if (i >= 2) t += 0.25 * x[i - 2] * x[i - 2];
                if (i + 1 < n) t -= x[i + 1];
                if (i + 2 < n) { t += Math.Exp(x[i + 2]); }
                y[i] = t * t;
            }
            """, proven: true));
        foreach (int n in new[] { 2, 10 })
        {
            SparsityPattern p = ProvenEqualsTraced(s, n, n, seed: 30 + n);
            Assert.That(p.NonZeroCount, Is.EqualTo(Enumerable.Range(0, n).Sum(i => Math.Min(n - 1, i + 2) - Math.Max(0, i - 2) + 1)), "pentadiagonal");
        }
    }

    [Test]
    public void Sparsity_block_diagonal_two_by_two()
    {
        Shape s = Load(Source("""
            for (int b = 0; b < x.Length / 2; b++)
            {
                double p = x[2 * b], q = x[2 * b + 1];
                y[2 * b] = p * q + Math.Exp(p);
                y[2 * b + 1] = p - q * q;
            }
            """, proven: true));
        SparsityPattern pattern = ProvenEqualsTraced(s, 12, 12, seed: 40);
        Assert.That(pattern.NonZeroCount, Is.EqualTo(24));
        ProvenEqualsTraced(s, 2, 2, seed: 41);

        // Closed form of one block: ∂(pq + eᵖ) = (q + eᵖ, p), ∂(p − q²) = (1, −2q).
        double[] x = Point(6, 42);
        double[,] d = s.Sparse(x, 6).ToDense();
        double p0 = x[2], q0 = x[3];
        Assert.That(new[] { d[2, 2], d[2, 3], d[3, 2], d[3, 3] },
            Is.EqualTo(new[] { q0 + Math.Exp(p0), p0, 1, -2 * q0 }).Within(1e-14));
    }

    [Test]
    public void Sparsity_interleaved_two_species_reaction_diffusion()
    {
        // u at 2i, v at 2i + 1 (a 1-D Brusselator), zero Dirichlet neighbours beyond the ends by integer ternaries.
        Shape s = Load(Source("""
            int cells = x.Length / 2;
            for (int i = 0; i < cells; i++)
            {
                double u = x[2 * i], v = x[2 * i + 1];
                double ul = i > 0 ? x[2 * (i - 1)] : 0.0;
                double ur = i < cells - 1 ? x[2 * (i + 1)] : 0.0;
                double vl = i > 0 ? x[2 * i - 1] : 0.0;
                double vr = i < cells - 1 ? x[2 * i + 3] : 0.0;
                y[2 * i] = 1 + u * u * v - 4.4 * u + 0.1 * (ul - 2 * u + ur);
                y[2 * i + 1] = 3.4 * u - u * u * v + 0.1 * (vl - 2 * v + vr);
            }
            """, proven: true));
        foreach (int n in new[] { 2, 4, 16 })
        {
            ProvenEqualsTraced(s, n, n, seed: 50 + n);
        }
    }

    [Test]
    public void Sparsity_two_dimensional_periodic_Brusselator_on_a_constant_grid()
    {
        Shape s = Load(Source("""
            const int NN = N * N;
            for (int i = 0; i < N; i++)
            {
                for (int j = 0; j < N; j++)
                {
                    int k = i * N + j;
                    int up = ((i + N - 1) % N) * N + j, down = ((i + 1) % N) * N + j;
                    int left = i * N + (j + N - 1) % N, right = i * N + (j + 1) % N;
                    double u = x[k], v = x[NN + k];
                    double lapU = x[up] + x[down] + x[left] + x[right] - 4 * u;
                    double lapV = x[NN + up] + x[NN + down] + x[NN + left] + x[NN + right] - 4 * v;
                    y[k] = 1 + u * u * v - 4.4 * u + 0.1 * lapU;
                    y[NN + k] = 3.4 * u - u * u * v + 0.1 * lapV;
                }
            }
            """, proven: true, members: "private const int N = 5;"));
        SparsityPattern p = ProvenEqualsTraced(s, 50, 50, seed: 60);
        // u rows: five u neighbours and v itself; v rows: five v neighbours and u itself.
        Assert.That(p.NonZeroCount, Is.EqualTo(50 * 6));
    }

    [Test]
    public void Sparsity_two_dimensional_Laplacian_with_an_int_parameter()
    {
        Shape s = Load(Source("""
            for (int i = 0; i < side; i++)
            {
                for (int j = 0; j < side; j++)
                {
                    double c = x[i * side + j];
                    double sum = -4 * c;
                    if (i > 0) sum += x[(i - 1) * side + j];
                    if (i < side - 1) sum += x[(i + 1) * side + j];
                    if (j > 0) sum += x[i * side + j - 1];
                    if (j < side - 1) sum += x[i * side + j + 1];
                    y[i * side + j] = sum + c * c * c;
                }
            }
            """, proven: true, parameters: ", int side", arguments: ", side"), 4);
        SparsityPattern p = ProvenEqualsTraced(s, 16, 16, seed: 70);
        Assert.That(p.NonZeroCount, Is.EqualTo(16 + 2 * 2 * 4 * 3), "5-point stencil on a 4×4 grid with Dirichlet edges");
    }

    [Test]
    public void Sparsity_branches_on_values_count_both_sides()
    {
        Shape s = Load(Source("""
            int n = x.Length;
            for (int i = 0; i < n; i++)
            {
                double a = x[i], b = x[(i + 1) % n];
                double r = Math.Max(a, b) + Math.Abs(a);
                if (a > 0.5) r += x[(i + 2) % n];
                else r -= Math.Min(a, 0.0);
                y[i] = r;
            }
            """, proven: true));
        const int n = 8;
        SparsityPattern proven = s.Proven(n, n);
        Assert.That(Entries(proven), Is.EqualTo(Entries(SparsityPattern.FromEntries(n, n,
            Enumerable.Range(0, n).SelectMany(i => new[] { (i, i), (i, (i + 1) % n), (i, (i + 2) % n) }).ToArray()))), "rows i: columns i, i+1, i+2 (mod n)");
        var union = new HashSet<(int, int)>();
        for (int seed = 0; seed < 12; seed++)
        {
            double[] x = Point(n, 80 + seed);
            SparsityPattern local = s.Traced(x, n);
            for (int i = 0; i < n; i++)
            {
                foreach (int j in local.Row(i))
                {
                    Assert.That(proven.Contains(i, j), Is.True, $"the local pattern's ({i}, {j}) is in the proven one");
                    union.Add((i, j));
                }
            }
            ValuesMatchDense(s, x, n, proven);
        }
        Assert.That(union.Count, Is.EqualTo(proven.NonZeroCount), "the local patterns at 12 points cover the proven one");
    }

    [Test]
    public void Sparsity_accumulation_into_one_output_is_a_dense_row()
    {
        Shape s = Load(Source("""
            y[0] = 0;
            for (int i = 0; i < x.Length; i++)
            {
                y[0] += x[i] * x[i];
            }
            for (int i = 1; i < y.Length; i++)
            {
                y[i] = x[i - 1] * x[i];
            }
            """, proven: true));
        SparsityPattern p = ProvenEqualsTraced(s, 6, 6, seed: 90);
        Assert.That(p.Row(0).ToArray(), Is.EqualTo(Enumerable.Range(0, 6).ToArray()));
        double[] x = Point(6, 91);
        double[,] d = s.Prepared(x, 6).ToDense();
        Assert.That(Enumerable.Range(0, 6).Select(j => d[0, j]).ToArray(), Is.EqualTo(x.Select(v => 2 * v).ToArray()).Within(1e-14), "∂Σx²/∂xⱼ = 2xⱼ");
        ProvenEqualsTraced(s, 9, 4, seed: 92);
    }

    [Test]
    public void Sparsity_pattern_sizes_are_checked()
    {
        Shape s = Load(Source("""
            for (int i = 0; i < x.Length; i++) y[i] = x[i] * x[i];
            """, proven: true));
        // The method itself would index y outside its length: the pattern says so rather than dropping the entry.
        var e = Assert.Throws<TargetInvocationException>(() => s.Proven(5, 3))!;
        Assert.That(e.InnerException, Is.InstanceOf<ArgumentException>());
        Assert.That(e.InnerException!.Message, Does.Contain("'F'").And.Contain("outside"));
        Assert.That(Entries(s.Proven(3, 3)), Is.EqualTo("0:[0] 1:[1] 2:[2]"));
    }

    // ------------------------------------------------------------------ not provable: DUAL016, and the tracer still right

    [TestCase("""
        int k = (int)Math.Abs(x[0] * 10) % x.Length;
        for (int i = 0; i < x.Length; i++) y[i] = x[i] * x[k];
        """, "the index '(int)Math.Abs(x[0] * 10)'", "(int)Math.Abs(x[0] * 10)", "", TestName = "Sparsity_unprovable_data_dependent_index")]
    [TestCase("""
        int i = 0;
        while (i < x.Length) { y[i] = x[i] * x[i]; i++; }
        """, "a while loop", "while (i < x.Length)", "", TestName = "Sparsity_unprovable_while_loop")]
    [TestCase("""
        Twice(x, y);
        y[0] += x[1];
        """, "the call to 'S.Twice' passing 'x'", "x", """
        [Differentiable] public static void Twice(ReadOnlySpan<double> a, Span<double> b) { for (int i = 0; i < a.Length; i++) b[i] = 2 * a[i] * a[i]; }
        """, TestName = "Sparsity_unprovable_helper_writing_through_spans")]
    [TestCase("""
        ReadOnlySpan<double> u = x.Slice(1);
        for (int i = 0; i < u.Length; i++) y[i] = u[i] * x[0];
        y[x.Length - 1] = x[0];
        """, "the local 'u' of type", "u = x.Slice(1)", "", TestName = "Sparsity_unprovable_aliasing_span")]
    [TestCase("""
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * x[i];
        for (int i = 0; i < x.Length; i++) y[i] = s * x[i];
        """, "the floating local 's' carried from one loop iteration to the next", "s", "", TestName = "Sparsity_unprovable_carried_local")]
    [TestCase("""
        for (int i = 0; i < x.Length; i++) y[i] = Weigh(i, x) * x[i];
        """, "the call to 'S.Weigh' passing 'x'", "x", """
        static double Weigh(int i, ReadOnlySpan<double> v) => i + 1.0;
        """, TestName = "Sparsity_unprovable_unknown_call_taking_the_span")]
    public void Unprovable(string body, string construct, string at, string members)
    {
        string source = Source(body, proven: false, members);
        GeneratorHarness.Result r = GeneratorHarness.Run(source);
        Diagnostic d = r.Sparsity.Single(x => x.GetMessage().Contains("'F'"));
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(d.GetMessage(), Does.Contain(construct).And.Contain("detect the pattern at run time"));
        SyntaxTree tree = r.Output.SyntaxTrees.Single(t => t.FilePath == d.Location.GetLineSpan().Path);
        Assert.That(tree.GetText().ToString(d.Location.SourceSpan), Does.StartWith(at));
        Assert.That(r.Generated("S.F"), Does.Not.Contain("FJacobianSparsity"));

        var s = new Shape(GeneratorHarness.CompileAndLoad(source));
        foreach (int seed in new[] { 1, 2 })
        {
            double[] x = Point(6, 100 + seed, 0.2, 1.5);
            ValuesMatchDense(s, x, 6, s.Traced(x, 6), prepared: false);
        }
    }
}
