using System;
using System.Diagnostics;
using Dual;

namespace Dual.Benchmarks;

/// <summary>A quick stopwatch timing (best of 5) of the gradients and the Rat43 Jacobian outside BenchmarkDotNet (for exploring variants):
/// <c>--probe</c>, or <c>--probe --rat43</c> for Rat43 only.</summary>
public static class Probe
{
    public static void Run(string[] args)
    {
        if (Array.IndexOf(args, "--rat43") >= 0)
        {
            TimeRat43();
            return;
        }
        Time<Rosenbrock>("Rosenbrock", i => i % 2 == 0 ? -1.2 : 1.0);
        Time<Ackley>("Ackley", i => 0.5 + 1.5 * Math.Sin(0.7 * i + 0.3));
        TimeRat43();
    }

    private static void TimeRat43()
    {
        double[] r = new double[15], j = new double[60];
        VectorFunc<Dual<double>> model = (b, y) => default(Rat43).Evaluate(b, y);
        foreach ((string point, double[] b) in new[] { ("start1", Rat43.Start1), ("certified", Rat43.Certified) })
        {
            double analytic = Measure(() => { Rat43.Analytic(b, r, j); return j[59]; });
            double chunk4 = Measure(() => { AutoDiff.Jacobian<double, Rat43>(default, b, r, j, chunkSize: 4); return j[59]; });
            double oneTangent = Measure(() => { AutoDiff.Jacobian(model, b, r, j); return j[59]; });
            Console.WriteLine($"Rat43 {point,-9} analytic {analytic * 1e9,7:F1} ns | chunk 4 {chunk4 / analytic,5:F2}× | one-tangent delegate {oneTangent / analytic,5:F2}×");
        }
    }

    private static void Time<TFunction>(string name, Func<int, double> start) where TFunction : struct, IScalarFunction
    {
        foreach (int n in new[] { 100, 1000 })
        {
            double[] x = new double[n], g = new double[n];
            for (int i = 0; i < n; i++) x[i] = start(i);
            double primal = Measure(() => default(TFunction).Evaluate<double>(x));
            string line = $"{name,-10} n={n,-5} primal {primal * 1e9,9:F1} ns";
            foreach (int k in new[] { 1, 4, 8, 16 })
            {
                double t = Measure(() => AutoDiff.Gradient<double, TFunction>(default, x, g, k));
                line += $" | k={k,-2} {t / (n * primal),6:F3}·n";
            }
            Console.WriteLine(line);
        }
    }

    private static double Measure(Func<double> f)
    {
        double sink = 0;
        for (int i = 0; i < 50; i++) sink += f();
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            int reps = 1;
            while (true)
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < reps; i++) sink += f();
                sw.Stop();
                if (sw.Elapsed.TotalMilliseconds > 50)
                {
                    best = Math.Min(best, sw.Elapsed.TotalSeconds / reps);
                    break;
                }
                reps *= 2;
            }
        }
        if (sink == 42.0) Console.Write("");
        return best;
    }
}
