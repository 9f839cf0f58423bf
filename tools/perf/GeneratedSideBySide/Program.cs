using System.Diagnostics;
using System.Globalization;

namespace GeneratedSideBySide;

/// <summary>Inputs: the C# harness's LCG stream and draw order, so the data checksum matches both harness sides.</summary>
public static class Data
{
    public static readonly double[] X43 = new double[15];
    public static readonly double[] Y43 = new double[15];
}

/// <summary>One timed method: runs the call <c>reps</c> times and returns the seconds (the harness's contract).</summary>
internal sealed class Method(string name, string pair, int passes, bool ad, double err, Func<long, double> runReps)
{
    public string Name => name;
    public string Pair => pair;
    public int Passes => passes;
    public bool Ad => ad;
    public double Err => err;
    public double RunReps(long reps) => runReps(reps);
}

/// <summary>The harness's timing method: warm-up (≥ 0.3 s and 100 calls), calibration to 1.15 × 0.2 s, 7 rounds round-robin
/// over a group's methods, a run shorter than 0.9 × 0.2 s redone with more calls, the median per call.</summary>
internal static class Timing
{
    public static readonly double MinTime = Env("BENCH_MIN_TIME", 0.2);
    public static readonly double Warmup = Env("BENCH_WARMUP", 0.3);
    public static readonly int Rounds = (int)Env("BENCH_ROUNDS", 7);
    public static double Sink;

    private static double Env(string name, double fallback)
        => double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : fallback;

    public static double[] Measure(List<Method> ms, double perCallDivisor)
    {
        double target = 1.15 * MinTime, redo = 0.9 * MinTime;
        var reps = new long[ms.Count];
        for (int m = 0; m < ms.Count; m++)
        {
            double w = 0;
            long r = 1, calls = 0;
            while (w < Warmup || calls < 100) { w += ms[m].RunReps(r); calls += r; r *= 2; }
            long c = 1;
            double t;
            while ((t = ms[m].RunReps(c)) < target / 8) c *= 2;
            reps[m] = Math.Max(1L, (long)Math.Ceiling(c * target / t));
        }
        var times = new List<double>[ms.Count];
        for (int m = 0; m < ms.Count; m++) times[m] = [];
        for (int round = 0; round < Rounds; round++)
        {
            for (int m = 0; m < ms.Count; m++)
            {
                double t = ms[m].RunReps(reps[m]);
                while (t < redo)
                {
                    reps[m] = Math.Max(reps[m] + 1, (long)Math.Ceiling(reps[m] * target / Math.Max(t, 1e-9)));
                    t = ms[m].RunReps(reps[m]);
                }
                times[m].Add(t / reps[m] * 1e9 / perCallDivisor);
            }
        }
        return [.. times.Select(list => { list.Sort(); return list[list.Count / 2]; })];
    }

    /// <summary>Seconds for <paramref name="reps"/> calls of <paramref name="call"/>; its results go to a sink.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Time<TCall>(TCall call, long reps) where TCall : struct, ICall
    {
        double acc = 0;
        long start = Stopwatch.GetTimestamp();
        for (long r = 0; r < reps; r++) acc += call.Run();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Sink += acc;
        return seconds;
    }
}

/// <summary>A benchmark body as a struct, so that the timed loop holds no delegate.</summary>
internal interface ICall
{
    double Run();
}

internal struct PrimalA : ICall
{
    public double[] X;
    public readonly double Run() { double s = 0; foreach (double x in X) s += Plain.ScalarA(x); return s; }
}

internal struct GeneratedA : ICall
{
    public double[] X;
    public readonly double Run() { double s = 0; foreach (double x in X) { var (v, d) = Plain.ScalarAValueAndDerivative(x); s += v + d; } return s; }
}

internal struct TwinA : ICall
{
    public double[] X;
    public readonly double Run() { double s = 0; foreach (double x in X) { Dual<double> y = Plain.ScalarA(new Dual<double>(x, 1.0)); s += y.Value + y.Tangent; } return s; }
}

internal struct PrimalB : ICall
{
    public double[] X;
    public readonly double Run() => Plain.Rosenbrock(X);
}

internal struct GeneratedB : ICall
{
    public double[] X, G;
    public readonly double Run() => Plain.RosenbrockGradient(X, G) + G[^1];
}

internal struct PrimalC : ICall
{
    public double[] X;
    public readonly double Run() => Plain.Ackley(X);
}

internal struct GeneratedC : ICall
{
    public double[] X, G;
    public readonly double Run() => Plain.AckleyGradient(X, G) + G[^1];
}

internal struct StructGradient<TF> : ICall where TF : struct, IScalarFunction
{
    public double[] X, G;
    public readonly double Run() => AutoDiff.Gradient<double, TF>(default, X, G) + G[^1];
}

internal struct PrimalD : ICall
{
    public double[] B, R;
    public readonly double Run() { Plain.Rat43(B, R); return R[^1]; }
}

/// <summary>D's hand-optimised Jacobian (exp, log, exp per point), the baseline of D's AD ÷ own base, as on the C++ side.</summary>
internal struct AnalyticD : ICall
{
    public double[] B, R, J;

    public readonly double Run()
    {
        double[] b = B, r = R, jac = J;
        double ib4 = 1.0 / b[3], c4 = b[0] * ib4 * ib4, c2 = b[0] * ib4;
        for (int i = 0; i < 15; i++)
        {
            double x = Data.X43[i];
            double u = Math.Exp(b[1] - b[2] * x), w = 1.0 + u, l = Math.Log(w), q = Math.Exp(-l * ib4);
            r[i] = Data.Y43[i] - b[0] * q;
            double t = c2 * q * u / w;
            jac[4 * i] = -q;
            jac[4 * i + 1] = t;
            jac[4 * i + 2] = -t * x;
            jac[4 * i + 3] = -c4 * q * l;
        }
        return r[^1] + jac[59];
    }
}

internal struct GeneratedD : ICall
{
    public double[] B, R, J;
    public readonly double Run() { Plain.Rat43Jacobian(B, R, J); return R[^1] + J[59]; }
}

internal struct StructD : ICall
{
    public double[] B, R, J;
    public readonly double Run() { AutoDiff.Jacobian<double, Generic.Rat43>(default, B, R, J); return R[^1] + J[59]; }
}

public static class Program
{
    private const double TolAD = 1e-12;
    private static TextWriter tsv = Console.Out;
    private static readonly List<string> failures = [];

    public static int Main(string[] args)
    {
        if (args.Length > 0) tsv = new StreamWriter(args[0]);
        tsv.WriteLine(FormattableString.Invariant(
            $"# generated entry points; min time {Timing.MinTime:G3} s, warm-up {Timing.Warmup:G3} s, {Timing.Rounds} rounds (median)"));
        Run();
        tsv.Flush();
        if (args.Length > 0) tsv.Dispose();
        Console.WriteLine(FormattableString.Invariant($"\nsink {Timing.Sink:G6}"));
        return failures.Count == 0 ? 0 : 1;
    }

    private static bool Wanted(string workload)
    {
        string? only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        return string.IsNullOrEmpty(only) || ("," + only + ",").Contains("," + workload + ",", StringComparison.Ordinal);
    }

    private static Method M<TCall>(string name, string pair, int passes, bool ad, double err, TCall call) where TCall : struct, ICall
    {
        if (!(err <= TolAD)) failures.Add($"{name}: error {err:G3} above {TolAD:G3}");
        return new Method(name, pair, passes, ad, err, reps => Timing.Time(call, reps));
    }

    private static double RelErr(double a, double reference) => Math.Abs(a - reference) / Math.Max(Math.Abs(reference), 1e-300);

    private static double Normwise(double[] g, double[] reference)
    {
        double e = 0, s = 0;
        for (int i = 0; i < g.Length; i++) { e = Math.Max(e, Math.Abs(g[i] - reference[i])); s = Math.Max(s, Math.Abs(reference[i])); }
        return e / Math.Max(s, 1e-300);
    }

    private static void Report(string workload, int n, List<Method> ms, double perCallDivisor)
    {
        if (failures.Count > 0) throw new InvalidOperationException("verification failed:\n  " + string.Join("\n  ", failures));
        if (!Wanted(workload)) return;
        double[] med = Timing.Measure(ms, perCallDivisor);
        double baseline = med[0];
        Console.WriteLine(FormattableString.Invariant($"\n{workload} n={n}  (baseline {ms[0].Name} = {baseline:F1} ns)"));
        for (int m = 0; m < ms.Count; m++)
        {
            Console.WriteLine(FormattableString.Invariant($"  {ms[m].Name,-44} {ms[m].Passes,5} {med[m],12:F1} {med[m] / baseline,8:F2} {ms[m].Err,10:G2}"));
            tsv.WriteLine(FormattableString.Invariant(
                $"C#\t{workload}\t{n}\t{ms[m].Pair}\t{ms[m].Name}\t{ms[m].Passes}\t{(ms[m].Ad ? 1 : 0)}\t{med[m]:G6}\t{med[m] / baseline:G6}\t{ms[m].Err:G3}"));
        }
        tsv.Flush();
    }

    private sealed class Lcg
    {
        private ulong state = 0x2545F4914F6CDD1DUL;
        public double Next()
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            return (state >> 11) * (1.0 / 9007199254740992.0);
        }
    }

    private static void Run()
    {
        var lcg = new Lcg();
        int[] ns = [10, 100, 1000];
        var xB = ns.Select(n => Enumerable.Range(0, n).Select(_ => -2.0 + 4.0 * lcg.Next()).ToArray()).ToList();
        var xC = ns.Select(n => Enumerable.Range(0, n).Select(_ => -2.0 + 4.0 * lcg.Next()).ToArray()).ToList();
        double[] bTrue = [700, 5, 0.75, 1.3];
        for (int i = 0; i < 15; i++)
        {
            Data.X43[i] = i + 1;
            double u = lcg.Next();
            Data.Y43[i] = bTrue[0] / Math.Pow(1.0 + Math.Exp(bTrue[1] - bTrue[2] * Data.X43[i]), 1.0 / bTrue[3]) * Math.FusedMultiplyAdd(0.02, u - 0.5, 1.0);
        }
        var xA = Enumerable.Range(0, 1000).Select(i => 0.1 + 1.3 * (i + 0.5) / 1000.0).ToArray();
        double checksum = 0;
        foreach (double v in xA) checksum += v;
        foreach (var v in xB) foreach (double e in v) checksum += e;
        foreach (var v in xC) foreach (double e in v) checksum += e;
        foreach (double e in Data.Y43) checksum += e;
        tsv.WriteLine(FormattableString.Invariant($"#data\t{checksum:R}"));
        Console.WriteLine(FormattableString.Invariant($"data checksum {checksum:R}"));

        // A: per point, against f′ in closed form.
        {
            double errGenerated = 0, errTwin = 0;
            foreach (double x in xA)
            {
                double s = Math.Sin(x), c = Math.Cos(x), g = s * s * s + c * c * c;
                double f = Math.Exp(x) / Math.Sqrt(g), d = f * (1.0 - 1.5 * s * c * (s - c) / g);
                var (v, dv) = Plain.ScalarAValueAndDerivative(x);
                Dual<double> y = Plain.ScalarA(new Dual<double>(x, 1.0));
                errGenerated = Math.Max(errGenerated, Math.Max(RelErr(v, f), RelErr(dv, d)));
                errTwin = Math.Max(errTwin, Math.Max(RelErr(y.Value, f), RelErr(y.Tangent, d)));
            }
            Report("A", xA.Length,
            [
                M("primal", "primal", 1, false, 0, new PrimalA { X = xA }),
                M("generated ScalarAValueAndDerivative", "1-tangent", 1, true, errGenerated, new GeneratedA { X = xA }),
                M("generated twin Dual<double>", "1-tangent", 1, true, errTwin, new TwinA { X = xA }),
            ], xA.Length);
        }

        // B and C: gradients against the closed forms.
        foreach (double[] x in xB)
        {
            int n = x.Length;
            var reference = new double[n];
            for (int i = 0; i + 1 < n; i += 2)
            {
                double a = x[i + 1] - x[i] * x[i], b = 1.0 - x[i];
                reference[i] = -400.0 * x[i] * a - 2.0 * b;
                reference[i + 1] = 200.0 * a;
            }
            var g = new double[n];
            double ErrB(Func<double> gradient) { Array.Clear(g); double value = gradient(); return Math.Max(Normwise(g, reference), RelErr(value, Plain.Rosenbrock(x))); }
            int k = AutoDiff.DefaultChunkSize(n), passes = (n + k - 1) / k;
            Report("B", n,
            [
                M("primal", "primal", 1, false, 0, new PrimalB { X = x }),
                M($"generated RosenbrockGradient (k={k})", "chunk-16", passes, true, ErrB(() => Plain.RosenbrockGradient(x, g)), new GeneratedB { X = x, G = g }),
                M($"Gradient<IScalarFunction> default(k={k})", "chunk-16", passes, true, ErrB(() => AutoDiff.Gradient<double, Generic.Rosenbrock>(default, x, g)), new StructGradient<Generic.Rosenbrock> { X = x, G = g }),
            ], 1);
        }
        foreach (double[] x in xC)
        {
            int n = x.Length;
            const double TwoPi = 6.283185307179586;
            double s1 = 0, s2 = 0;
            foreach (double v in x) { s1 += v * v; s2 += Math.Cos(TwoPi * v); }
            double inv = 1.0 / n, root = Math.Sqrt(s1 * inv), e1 = Math.Exp(-0.2 * root), e2 = Math.Exp(s2 * inv);
            var reference = x.Select(v => (root > 0 ? 4.0 * e1 * v * inv / root : 0) + e2 * TwoPi * Math.Sin(TwoPi * v) * inv).ToArray();
            var g = new double[n];
            double ErrC(Func<double> gradient) { Array.Clear(g); double value = gradient(); return Math.Max(Normwise(g, reference), RelErr(value, Plain.Ackley(x))); }
            int k = AutoDiff.DefaultChunkSize(n), passes = (n + k - 1) / k;
            Report("C", n,
            [
                M("primal", "primal", 1, false, 0, new PrimalC { X = x }),
                M($"generated AckleyGradient (k={k})", "chunk-16", passes, true, ErrC(() => Plain.AckleyGradient(x, g)), new GeneratedC { X = x, G = g }),
                M($"Gradient<IScalarFunction> default(k={k})", "chunk-16", passes, true, ErrC(() => AutoDiff.Gradient<double, Generic.Ackley>(default, x, g)), new StructGradient<Generic.Ackley> { X = x, G = g }),
            ], 1);
        }

        // D: the 15×4 Jacobian against the closed form.
        {
            double[] b = [690, 5.2, 0.76, 1.25];
            var jRef = new double[60];
            double ib4 = 1.0 / b[3];
            for (int i = 0; i < 15; i++)
            {
                double x = Data.X43[i], u = Math.Exp(b[1] - b[2] * x), w = 1.0 + u, l = Math.Log(w), q = Math.Exp(-l * ib4);
                double t = b[0] * ib4 * q * u / w;
                jRef[4 * i] = -q;
                jRef[4 * i + 1] = t;
                jRef[4 * i + 2] = -t * x;
                jRef[4 * i + 3] = -b[0] * ib4 * ib4 * q * l;
            }
            var r = new double[15];
            var j = new double[60];
            double ErrD(Action jacobian) { Array.Clear(j); jacobian(); double e = 0; for (int i = 0; i < 60; i++) e = Math.Max(e, RelErr(j[i], jRef[i])); return e; }
            Report("D", 15,
            [
                M("analytic_opt", "analytic", 1, false, 0, new AnalyticD { B = b, R = r, J = j }),
                M("primal_residuals", "primal", 1, false, 0, new PrimalD { B = b, R = r }),
                M("generated Rat43Jacobian (k=4)", "chunk-4", 1, true, ErrD(() => Plain.Rat43Jacobian(b, r, j)), new GeneratedD { B = b, R = r, J = j }),
                M("Jacobian<IVectorFunction> default(k=4)", "chunk-4", 1, true, ErrD(() => AutoDiff.Jacobian<double, Generic.Rat43>(default, b, r, j)), new StructD { B = b, R = r, J = j }),
            ], 1);
        }
    }
}
