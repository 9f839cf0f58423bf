using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Malformed and unsupported inputs: the generator must never throw (no CS8785), never report DUAL999, and when it
/// reports no error its output must compile whenever the input did.
/// </summary>
public class RobustnessTests
{
    private const string Header = "using System;\nusing System.Linq;\nusing System.Collections.Generic;\nusing System.Numerics;\nusing Dual;\n";

    public static IEnumerable<TestCaseData> Inputs()
    {
        var cases = new Dictionary<string, string>
        {
            ["syntax error in body"] = "public static partial class C { [Differentiable] public static double F(double x) { return x * ; } }",
            ["missing close brace"] = "public static partial class C { [Differentiable] public static double F(double x) { return x;",
            ["missing body"] = "public static partial class C { [Differentiable] public static double F(double x); }",
            ["abstract"] = "public abstract partial class C { [Differentiable] public abstract double F(double x); }",
            ["extern"] = "public static partial class C { [Differentiable] public static extern double F(double x); }",
            ["partial definition"] = "public static partial class C { [Differentiable] public static partial double F(double x); }",
            ["partial definition + implementation"] = "public static partial class C { [Differentiable] public static partial double F(double x); public static partial double F(double x) => x * x; }",
            ["interface default"] = "public partial interface I { [Differentiable] double F(double x) => x * x; }",
            ["generic method"] = "public static partial class C { [Differentiable] public static T F<T>(T x) where T : INumber<T> => x * x; }",
            ["generic integer method"] = "public static partial class C { [Differentiable] public static T F<T>(T x) where T : IBinaryInteger<T> => x * x; }",
            ["generic containing type"] = "public partial class C<T> { [Differentiable] public static double F(double x, T t) => x * x; }",
            ["nested generic types"] = "public partial class O<T> { public partial struct S<U> where U : struct { [Differentiable] public double F(double x) => x * x; } }",
            ["record struct"] = "public partial record struct R(double A) { [Differentiable] public static double F(double x) => x * x; }",
            ["record"] = "public partial record R(double A) { [Differentiable] public double F(double x) => A * x; }",
            ["ref struct"] = "public ref partial struct S { [Differentiable] public static double F(double x) => x * x; }",
            ["global namespace"] = "public static partial class G { [Differentiable] public static double F(double x) => x; }",
            ["lambda capturing"] = "public static partial class C { [Differentiable] public static double F(double x) { Func<double> f = () => x * 2; return f(); } }",
            ["static lambda"] = "public static partial class C { [Differentiable] public static double F(double x) { Func<double, double> f = static v => v * v; return f(x); } }",
            ["var lambda"] = "public static partial class C { [Differentiable] public static double F(double x) { var f = (double v) => v * x; return f(x) + f(2); } }",
            ["lambda default parameter"] = "public static partial class C { [Differentiable] public static double F(double x) { var f = (double v = 1.0) => v * x; return f(x) + f(); } }",
            ["lambda conditional invoke"] = "public static partial class C { [Differentiable] public static double F(double x) { Func<double, double> f = v => v * x; return f?.Invoke(x) ?? 0; } }",
            ["lambda explicit invoke"] = "public static partial class C { [Differentiable] public static double F(double x) { Func<double, double> f = v => v * x; return f.Invoke(x); } }",
            ["lambda without floats"] = "public static partial class C { [Differentiable] public static double F(double x) { Func<int, int> f = i => i + 1; return x * f(2); } }",
            ["dynamic"] = "public static partial class C { [Differentiable] public static double F(double x) { dynamic d = x; return x; } }",
            ["pointer parameter"] = "public static unsafe partial class C { [Differentiable] public static double F(double* x) => *x; }",
            ["stackalloc pointer"] = "public static unsafe partial class C { [Differentiable] public static double F(double x) { double* p = stackalloc double[2]; return x; } }",
            ["yield"] = "public static partial class C { [Differentiable] public static IEnumerable<double> F(double x) { yield return x; } }",
            ["async"] = "public static partial class C { [Differentiable] public static async System.Threading.Tasks.Task<double> F(double x) { await System.Threading.Tasks.Task.Yield(); return x; } }",
            ["goto"] = "public static partial class C { [Differentiable] public static double F(double x) { goto a; a: return x; } }",
            ["lock"] = "public static partial class C { static readonly object L = new(); [Differentiable] public static double F(double x) { lock (L) { return x * x; } } }",
            ["unknown type"] = "public static partial class C { [Differentiable] public static double F(double x, Foo y) => x; }",
            ["unknown method"] = "public static partial class C { [Differentiable] public static double F(double x) => Nope(x); }",
            ["unknown local type"] = "public static partial class C { [Differentiable] public static double F(double x) { Bar b = default; return x; } }",
            ["no floats"] = "public static partial class C { [Differentiable] public static int F(int x) => x; }",
            ["void no floats"] = "public static partial class C { [Differentiable] public static void F() { } }",
            ["nullable double"] = "public static partial class C { [Differentiable] public static double F(double x, double? y) => x + (y ?? 0); }",
            ["nullable tuple"] = "public static partial class C { [Differentiable] public static double F(double x, (double, double)? y) => x + (y?.Item1 ?? 0); }",
            ["list param"] = "public static partial class C { [Differentiable] public static double F(List<double> x) => x[0]; }",
            ["dictionary param"] = "public static partial class C { [Differentiable] public static double F(Dictionary<string, double> x) => x[\"a\"]; }",
            ["default parameter"] = "public static partial class C { [Differentiable] public static double F(double x, double y = 2.0, int n = 3) => x * y * n; }",
            ["params array"] = "public static partial class C { [Differentiable] public static double F(params double[] x) => x[0] * x[1]; }",
            ["ref return"] = "public static partial class C { static double s; [Differentiable] public static ref double F(double x) => ref s; }",
            ["field write"] = "public partial class C { double f; [Differentiable] public double F(double x) { f = x; f += 1; return x; } }",
            ["own field write with stale read"] = "public partial class C { double f; double G() => f; [Differentiable] public double F(double x) { f = x; return G() * x; } }",
            ["static field write"] = "public static partial class C { static double f; [Differentiable] public static double F(double x) { f++; return x; } }",
            ["field array write"] = "public partial class C { double[] f = new double[2]; [Differentiable] public double F(double x) { f[0] = x; return x; } }",
            ["field array read"] = "public partial class C { double[] f = { 1, 2 }; [Differentiable] public double F(double x) => x * f[1]; }",
            ["field array flows"] = "public partial class C { double[] f = { 1, 2 }; [Differentiable] public double F(double x) { double[] a = f; return a[0] * x; } }",
            ["reflection"] = "public static partial class C { [Differentiable] public static double F(double x) { var m = typeof(Math).GetMethod(\"Sin\"); return (double)m!.Invoke(null, new object[] { x })!; } }",
            ["delegate call"] = "public static partial class C { static Func<double, double> g = Math.Sin; [Differentiable] public static double F(double x) => g(x); }",
            ["linq"] = "public static partial class C { [Differentiable] public static double F(double[] x) => System.Linq.Enumerable.Sum(x); }",
            ["linq distinct"] = "public static partial class C { [Differentiable] public static double F(double[] x) => System.Linq.Enumerable.First(System.Linq.Enumerable.Distinct(x)); }",
            ["query"] = "public static partial class C { [Differentiable] public static double F(double[] x) { var q = from v in x select v * 2; return x[0]; } }",
            ["complex"] = "public static partial class C { [Differentiable] public static double F(double x) => new System.Numerics.Complex(x, 1).Real; }",
            ["attribute with args"] = "public static partial class C { [Differentiable(3)] public static double F(double x) => x; }",
            ["attribute on class"] = "[Differentiable] public static partial class C { public static double F(double x) => x; }",
            ["duplicate methods"] = "public static partial class C { [Differentiable] public static double F(double x) => x; [Differentiable] public static double F(double x) => x * 2; }",
            ["overloads"] = "public static partial class C { [Differentiable] public static double F(double x) => x; [Differentiable] public static double F(double x, double y) => x * y; [Differentiable] public static float F(float x) => x * x; }",
            ["user clash with entry point"] = "public static partial class C { [Differentiable] public static double F(double x) => x; public static double FDerivative(double x, out double value) { value = 0; return 0; } }",
            ["mutual recursion"] = "public static partial class C { [Differentiable] public static double F(double x, int n) => n <= 0 ? x : G(x, n - 1) * 0.5; [Differentiable] public static double G(double x, int n) => F(x * x, n - 1) + 1; }",
            ["string escape"] = "public static partial class C { [Differentiable] public static double F(double x) { string s = \"}\"; return x; } }",
            ["keyword identifiers"] = "public static partial class C { [Differentiable] public static double F(double @double, int @int) => @double * @int; }",
            ["unicode and comments"] = "public static partial class C { /* c */ [Differentiable] public static double F(double x /* in */) { // line\n return x * x; /* } */ } }",
            ["preprocessor"] = "public static partial class C { [Differentiable] public static double F(double x) {\n#if DEBUG\n return x;\n#else\n return x * 2;\n#endif\n } }",
            ["checked"] = "public static partial class C { [Differentiable] public static double F(double x, int n) { checked { n++; } return x * n; } }",
            ["using statement"] = "public static partial class C { [Differentiable] public static double F(double x) { using var ms = new System.IO.MemoryStream(); return x + ms.Length; } }",
            ["conditional access"] = "public static partial class C { [Differentiable] public static double F(double x, string? s) => x * (s?.Length ?? 1); }",
            ["tuple with int"] = "public static partial class C { [Differentiable] public static (double, int) F(double x) => (x * x, 3); }",
            ["nested tuples"] = "public static partial class C { [Differentiable] public static double F((double A, (double B, int N) R) t) => t.A * t.R.B * t.R.N; }",
            ["jagged array"] = "public static partial class C { [Differentiable] public static double F(double[][] x) { var y = new double[2][]; y[0] = x[0]; return y[0][0] * x[1][0]; } }",
            ["2d array"] = "public static partial class C { [Differentiable] public static double F(double[,] x) { var y = new double[2, 2]; y[0, 0] = x[0, 1]; return y[0, 0] * x[1, 1]; } }",
            ["top-level statements"] = "System.Console.WriteLine(1);\npublic static partial class C { [Differentiable] public static double F(double x) => x; }",
            ["extension method"] = "public static partial class C { [Differentiable] public static double Sq(this double x) => x * x; [Differentiable] public static double F(double x) => x.Sq() + 2.0.Sq(); }",
            ["property and indexer call"] = "public partial class C { public double P => 2; [Differentiable] public double F(double x) => x * P; }",
            ["object initializer"] = "public partial class P { public double X; } public static partial class C { [Differentiable] public static double F(double x) { var p = new P { X = x }; return p.X; } }",
            ["local function generic"] = "public static partial class C { [Differentiable] public static double F(double x) { T Id<T>(T v) => v; return Id(x); } }",
            ["nested local functions"] = "public static partial class C { [Differentiable] public static double F(double x) { double A(double u) { double B(double v) => v * u; return B(u); } return A(x); } }",
            ["throw expression"] = "public static partial class C { [Differentiable] public static double F(double x) => x > 0 ? x : throw new ArgumentException(); }",
            ["is type pattern"] = "public static partial class C { [Differentiable] public static double F(double x, object o) => o is double d ? x * d : x; }",
            ["switch with when"] = "public static partial class C { [Differentiable] public static double F(double x) { switch (x) { case var v when v > 1: return v * v; default: return x; } } }",
            ["collection expression"] = "public static partial class C { [Differentiable] public static double F(double x) { double[] a = [x, 2.0]; return a[0] * a[1]; } }",
            ["ref local"] = "public static partial class C { [Differentiable] public static double F(double[] x) { ref double r = ref x[0]; r *= 2; return r; } }",
            ["float and double mix"] = "public static partial class C { [Differentiable] public static float F(float x, double y) => (float)(x * y) + MathF.Sqrt(x); }",
            ["math constant only"] = "public static partial class C { [Differentiable] public static double F(double x) => Math.Sin(2.0) * x; }",
            ["unsupported math"] = "public static partial class C { [Differentiable] public static double F(double x) => Math.BitIncrement(x) + Math.ReciprocalEstimate(x) + double.DegreesToRadians(x); }",
            ["out var discard"] = "public static partial class C { [Differentiable] public static void G(double x, out double y) { y = x; } [Differentiable] public static double F(double x) { G(x, out _); G(x, out var z); return z; } }",
            ["enum and const"] = "public enum E { A } public static partial class C { const float K = 2; [Differentiable] public static double F(double x, E e) => e == E.A ? x * K : x; }",
            ["out to non-differentiable api"] = "public static partial class C { [Differentiable] public static double F(double x, string s) { double.TryParse(s, out double v); return x * v; } }",
            ["sincos deconstruction"] = "public static partial class C { [Differentiable] public static double F(double x) { var (s, c) = Math.SinCos(x); return s * c; } }",
            ["double loop counter"] = "public static partial class C { [Differentiable] public static double F(double x) { double acc = 0; for (double t = 0; t < 1; t += 0.25) acc += t * x; return acc; } }",
            ["swap"] = "public static partial class C { [Differentiable] public static double F(double x, double y) { (x, y) = (y, x); return x - y; } }",
            ["floor index"] = "public static partial class C { [Differentiable] public static double F(double[] t, double x) { int i = (int)Math.Floor(x); return t[i] * (x - i); } }",
            ["round digits"] = "public static partial class C { [Differentiable] public static double F(double x) => Math.Round(x, 2) + Math.Round(x, MidpointRounding.AwayFromZero) * x; }",
            ["console writeline"] = "public static partial class C { [Differentiable] public static double F(double x) { Console.WriteLine(x); Console.WriteLine(\"{0} {1}\", x, 1); return x; } }",
            ["primary constructor read"] = "public partial class P(double k) { [Differentiable] public double F(double x) => k < x ? k * x : Math.Max(k, x); }",
            ["primary constructor write"] = "public partial class P(double k) { [Differentiable] public double F(double x) { k = x; return x; } }",
            ["float span gradient"] = "public static partial class C { [Differentiable] public static float F(ReadOnlySpan<float> x) => x[0] * MathF.Sin(x[1]); }",
            ["float vector"] = "public static partial class C { [Differentiable] public static void F(float[] x, Span<float> y) { y[0] = x[0] * x[1]; } }",
            ["exception with value"] = "public static partial class C { [Differentiable] public static double F(double x) { if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, null); ArgumentOutOfRangeException.ThrowIfNegative(x); return x; } }",
            ["string concat"] = "public static partial class C { [Differentiable] public static double F(double x) { Console.WriteLine(\"x = \" + x + 1.0); return x; } }",
            ["switch on tuple"] = "public static partial class C { [Differentiable] public static double F(double x, double y) => (x, y) switch { (> 0, > 0) => x * y, (< 0, _) => -x, _ => y }; }",
            ["foreach tuple deconstruction"] = "public static partial class C { [Differentiable] public static double F((double A, double B)[] ps) { double s = 0; foreach (var (a, b) in ps) s += a * b; return s; } }",
            ["clone cast"] = "public static partial class C { [Differentiable] public static double F(double[] x) { var c = (double[])x.Clone(); c[0] *= 2; return c[0] + x[0]; } }",
            ["empty"] = "",
            ["only attribute"] = "[Differentiable]",
            ["garbage"] = "public static partial class C { [Differentiable] public static double F(double x) => x } } } ) ( ;; @@",
        };
        return cases.Select(kv => new TestCaseData(kv.Value, s_supported.Contains(kv.Key), s_expected.TryGetValue(kv.Key, out string? id) ? id : null).SetArgDisplayNames(kv.Key));
    }

    /// <summary>Valid inputs that the generator supports: no DUAL error, and the output must compile.</summary>
    private static readonly HashSet<string> s_supported = new()
    {
        "generic containing type", "nested generic types", "generic method", "nullable double", "field write", "record struct", "record", "ref struct", "global namespace",
        "lambda without floats", "lambda capturing", "static lambda", "var lambda", "lambda explicit invoke", "lock", "default parameter", "params array", "field array read", "mutual recursion",
        "overloads", "keyword identifiers", "unicode and comments", "preprocessor", "checked", "using statement",
        "conditional access", "tuple with int", "nested tuples", "jagged array", "2d array",
        "extension method", "property and indexer call", "nested local functions", "throw expression", "is type pattern",
        "collection expression", "ref local", "float and double mix", "math constant only", "out var discard", "enum and const",
        "sincos deconstruction", "double loop counter", "swap", "floor index", "round digits", "console writeline",
        "primary constructor read", "float span gradient", "float vector", "exception with value", "string concat",
        "interface default", "user clash with entry point", "list param", "linq", "switch with when", "string escape", "switch on tuple", "foreach tuple deconstruction", "clone cast",
    };

    /// <summary>Valid but unsupported inputs and the diagnostic each must produce.</summary>
    private static readonly Dictionary<string, string> s_expected = new()
    {
        ["abstract"] = "DUAL009", ["extern"] = "DUAL009", ["generic integer method"] = "DUAL009", ["no floats"] = "DUAL009", ["void no floats"] = "DUAL009",
        ["async"] = "DUAL003", ["goto"] = "DUAL003", ["query"] = "DUAL003",
        ["stackalloc pointer"] = "DUAL003", ["local function generic"] = "DUAL003",
        ["own field write with stale read"] = "DUAL004", ["static field write"] = "DUAL004", ["field array write"] = "DUAL004", ["primary constructor write"] = "DUAL004",
        ["object initializer"] = "DUAL004",
        ["dynamic"] = "DUAL005", ["reflection"] = "DUAL005", ["complex"] = "DUAL005",
        ["yield"] = "DUAL003", ["nullable tuple"] = "DUAL006", ["dictionary param"] = "DUAL006", ["ref return"] = "DUAL006", ["field array flows"] = "DUAL013", ["pointer parameter"] = "DUAL006",
        ["delegate call"] = "DUAL001", ["linq distinct"] = "DUAL001", ["out to non-differentiable api"] = "DUAL001",
        ["user clash with entry point"] = "DUAL010",
    };

    [TestCaseSource(nameof(Inputs))]
    public void NeverThrowsAndNeverEmitsBrokenCode(string source, bool supported, string? expectedId)
    {
        var input = GeneratorHarness.Compilation(Header + source);
        var r = GeneratorHarness.Run(Header + source); // asserts Results[0].Exception is null
        var dual = r.Dual.ToList();
        Assert.That(dual.Where(d => d.Id == "DUAL999"), Is.Empty, string.Join("\n", dual));

        bool inputOk = !input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        // DUAL014 is the safety net behind the flow analysis: no valid known input may need it.
        if (inputOk) Assert.That(dual.Where(d => d.Id == "DUAL014"), Is.Empty, string.Join("\n", dual));
        bool dualError = dual.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (expectedId is not null)
        {
            Assert.That(inputOk, Is.True, "an expected-diagnostic case must be valid C#");
            Assert.That(dual.Select(d => d.Id), Does.Contain(expectedId), string.Join("\n", dual));
        }
        if (supported)
        {
            Assert.That(inputOk, Is.True, "a supported case must be valid C#");
            Assert.That(dualError, Is.False, string.Join("\n", dual));
            Assert.That(r.Run.Results[0].GeneratedSources, Is.Not.Empty);
        }
        if (inputOk && !dualError)
        {
            var errors = r.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.That(errors, Is.Empty, () => string.Join("\n", errors) + "\n" + GeneratorHarness.Numbered(r.Output));
        }
    }
}
