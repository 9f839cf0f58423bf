using System;
using System.IO;
using Dual;
using MathNet.Numerics.Differentiation;

namespace Dual.Benchmarks;

/// <summary>Automatic vs analytic derivatives for every benchmarked function.</summary>
public static class SelfCheck
{
    public static int Run(TextWriter log)
    {
        int failures = 0;
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures++;
                log.WriteLine("FAIL " + what);
            }
        }
        static bool Close(double a, double b, double rtol) => Math.Abs(a - b) <= 1e-12 + rtol * Math.Max(Math.Abs(a), Math.Abs(b));

        // Scalar f′: Dual<double> vs the hand-written derivative, both variants.
        var scalar = new ScalarBenchmarks();
        scalar.Setup();
        for (int i = 0; i < ScalarBenchmarks.Points; i++)
        {
            double x = -0.5 + 2.5 * i / ScalarBenchmarks.Points;
            double v = ScalarFunction.HandWritten(x, out double d);
            Dual<double> y = ScalarFunction.F(new Dual<double>(x, 1.0));
            Dual<double> z = ScalarFunction.FSinCos(new Dual<double>(x, 1.0));
            Check(y.Value == ScalarFunction.F(x) && Close(y.Value, v, 1e-14), $"scalar f({x})");
            Check(Close(y.Tangent, d, 1e-12) && Close(z.Tangent, d, 1e-12), $"scalar f'({x}): {y.Tangent} / {z.Tangent} vs {d}");
        }
        Check(Close(scalar.Dual(), scalar.HandWritten(), 1e-12), "scalar benchmark sums");
        Check(Close(scalar.CentralDifference() + scalar.Primal(), scalar.HandWritten(), 1e-6), "scalar central difference");

        failures += CheckGradient<Rosenbrock>(log, "Rosenbrock", i => i % 2 == 0 ? -1.2 : 1.0, Rosenbrock.Gradient);
        failures += CheckGradient<Ackley>(log, "Ackley", i => 0.5 + 1.5 * Math.Sin(0.7 * i + 0.3), Ackley.Gradient);
        failures += CheckGradient<PowerSum>(log, "PowerSum", i => 1.2 * Math.Sin(0.9 * i + 0.2), PowerSum.Gradient);

        // CoupledRing's Jacobian (sequential and parallel) against its closed form.
        {
            const int n = 50;
            var x = new double[n];
            for (int i = 0; i < n; i++) x[i] = 0.5 * Math.Sin(0.37 * i + 0.1);
            var values = new double[n];
            var sequential = new double[n * n];
            var parallel = new double[n * n];
            AutoDiff.Jacobian<double, CoupledRing>(default, x, values, sequential, 16);
            AutoDiff.ParallelJacobian<double, CoupledRing>(default, x, values, parallel, 16);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double expected = 1.0 / n;
                    if (j == i) expected += Math.Cos(x[i]) * Math.Exp(x[(i + 1) % n]) + x[(i + 7) % n];
                    if (j == (i + 1) % n) expected += Math.Sin(x[i]) * Math.Exp(x[(i + 1) % n]);
                    if (j == (i + 7) % n) expected += x[i];
                    Check(Close(sequential[i * n + j], expected, 1e-13), $"CoupledRing J[{i},{j}]");
                    Check(parallel[i * n + j] == sequential[i * n + j], $"CoupledRing parallel J[{i},{j}]");
                }
            }
        }

        // float: every chunk size gives the one-tangent gradient bit for bit (the SIMD paths differ by width).
        foreach (int n in new[] { 3, 10, 37 })
        {
            float[] x = new float[n], reference = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float)(0.5 + 1.5 * Math.Sin(0.7 * i + 0.3));
            AutoDiff.Gradient<float, Ackley>(default, x, reference, chunkSize: 1);
            float[] reference2 = new float[n];
            AutoDiff.Gradient<float, Rosenbrock>(default, x, reference2, chunkSize: 1);
            foreach (int k in new[] { 0, 2, 4, 8, 16 })
            {
                float[] g = new float[n], g2 = new float[n];
                AutoDiff.Gradient<float, Ackley>(default, x, g, chunkSize: k);
                AutoDiff.Gradient<float, Rosenbrock>(default, x, g2, chunkSize: k);
                for (int i = 0; i < n; i++)
                {
                    Check(BitConverter.SingleToInt32Bits(g[i]) == BitConverter.SingleToInt32Bits(reference[i])
                        && BitConverter.SingleToInt32Bits(g2[i]) == BitConverter.SingleToInt32Bits(reference2[i]), $"float gradient n={n} chunk {k} lane {i}");
                }
            }
        }

        // Rat43: AutoDiff Jacobian (chunk 4) vs the hand-optimised one.
        foreach (double[] b in new[] { Rat43.Start1, Rat43.Certified })
        {
            double[] r1 = new double[15], r2 = new double[15], j1 = new double[60], j2 = new double[60];
            AutoDiff.Jacobian<double, Rat43>(default, b, r1, j1, chunkSize: 4);
            Rat43.Analytic(b, r2, j2);
            {
                double[] rd = new double[15], jd = new double[60];
                AutoDiff.Jacobian((ReadOnlySpan<Dual<double>> p, Span<Dual<double>> y) => default(Rat43).Evaluate(p, y), b, rd, jd);
                for (int i = 0; i < 60; i++)
                {
                    Check(BitConverter.DoubleToInt64Bits(jd[i]) == BitConverter.DoubleToInt64Bits(j1[i]), $"Rat43 J delegate (one tangent) vs chunk 4 at {i}");
                }
            }
            foreach (int k in new[] { 1, 2, 8, 16 })
            {
                double[] rk = new double[15], jk = new double[60];
                AutoDiff.Jacobian<double, Rat43>(default, b, rk, jk, chunkSize: k);
                for (int i = 0; i < 60; i++)
                {
                    Check(BitConverter.DoubleToInt64Bits(jk[i]) == BitConverter.DoubleToInt64Bits(j1[i]), $"Rat43 J chunk {k} vs 4 at {i}");
                }
            }
            for (int i = 0; i < 15; i++)
            {
                Check(Close(r1[i], r2[i], 1e-13), $"Rat43 residual {i} at b1={b[0]}: {r1[i]} vs {r2[i]}");
            }
            for (int i = 0; i < 60; i++)
            {
                Check(Close(j1[i], j2[i], 1e-11), $"Rat43 J[{i / 4},{i % 4}] at b1={b[0]}: {j1[i]} vs {j2[i]}");
            }
        }
        // Generated twins and entry point vs hand-written Dual<double> code and the analytic gradient.
        for (int i = 0; i < ScalarBenchmarks.Points; i++)
        {
            var xi = new Dual<double>(-0.5 + 2.5 * i / ScalarBenchmarks.Points, 1.0);
            Dual<double> generated = GeneratedFunctions.Scalar(xi), hand = HandWrittenDual.Scalar(xi);
            Check(generated.Value == hand.Value && generated.Tangent == hand.Tangent, $"generated scalar twin at {xi.Value}");
        }
        foreach (int n in new[] { 10, 100, 1000 })
        {
            double[] x = new double[n], expected = new double[n], g = new double[n];
            var dx = new Dual<double>[n];
            for (int i = 0; i < n; i++) x[i] = i % 2 == 0 ? -1.2 : 1.0;
            Rosenbrock.Gradient(x, expected);
            double value = GeneratedFunctions.RosenbrockGradient(x, g);
            Check(value == default(Rosenbrock).Evaluate<double>(x), $"generated Rosenbrock gradient value n={n}");
            for (int i = 0; i < n; i++)
            {
                Check(Math.Abs(g[i] - expected[i]) <= 1e-12 + 1e-10 * Math.Abs(expected[i]), $"generated Rosenbrock gradient n={n} at {i}");
            }
            for (int j = 0; j < Math.Min(n, 4); j++)
            {
                for (int i = 0; i < n; i++) dx[i] = new Dual<double>(x[i], i == j ? 1.0 : 0.0);
                Dual<double> a = GeneratedFunctions.Rosenbrock(dx), b = HandWrittenDual.Rosenbrock(dx);
                Check(a.Value == b.Value && a.Tangent == b.Tangent && Close(a.Tangent, expected[j], 1e-10), $"generated Rosenbrock twin n={n} seed {j}");
            }
        }

        double sumSquares = 0;
        {
            double[] r = new double[15];
            default(Rat43).Evaluate<double>(Rat43.Certified, r);
            foreach (double ri in r) sumSquares += ri * ri;
        }
        // NIST certified residual sum of squares: 8.7864049080E+03.
        Check(Close(sumSquares, 8.7864049080e3, 1e-8), $"Rat43 residual sum of squares {sumSquares}");

        // Hessians (the Hessian benchmarks' functions and points): every chunk size vs the analytic Hessian.
        foreach (int n in new[] { 10, 37 })
        {
            double[] xr = new double[n], xd = new double[n], hr = new double[n * n], hd = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                xr[i] = i % 2 == 0 ? -1.2 : 1.0;
                xd[i] = 0.5 * Math.Sin(0.7 * i + 0.3);
            }
            // Extended Rosenbrock, pair (a, b) = (x₂ᵢ, x₂ᵢ₊₁): H_aa = 1200a² − 400b + 2, H_ab = −400a, H_bb = 200.
            for (int i = 0; i + 1 < n; i += 2)
            {
                double a = xr[i], b = xr[i + 1];
                hr[i * n + i] = 1200 * a * a - 400 * b + 2;
                hr[i * n + i + 1] = hr[(i + 1) * n + i] = -400 * a;
                hr[(i + 1) * n + i + 1] = 200;
            }
            DenseCoupled.Hessian(xd, hd);
            foreach (int k in new[] { 0, 1, 4, 8, 16 })
            {
                double[] g = new double[n], h = new double[n * n];
                AutoDiff.Hessian<double, Rosenbrock>(default, xr, g, h, k);
                for (int i = 0; i < n * n; i++) Check(Close(h[i], hr[i], 1e-13), $"Rosenbrock Hessian n={n} chunk {k} at {i}: {h[i]} vs {hr[i]}");
                AutoDiff.Hessian<double, DenseCoupled>(default, xd, g, h, k);
                for (int i = 0; i < n * n; i++) Check(Close(h[i], hd[i], 1e-12), $"dense Hessian n={n} chunk {k} at {i}: {h[i]} vs {hd[i]}");
            }
        }

        log.WriteLine(failures == 0 ? "Self-check passed: AD derivatives match the analytic ones." : $"Self-check: {failures} failures.");
        return failures;
    }

    private static int CheckGradient<TFunction>(TextWriter log, string name, Func<int, double> start, GradientFunc analytic)
        where TFunction : struct, IScalarFunction
    {
        int failures = 0;
        foreach (int n in new[] { 10, 100, 1000 })
        {
            double[] x = new double[n], expected = new double[n];
            for (int i = 0; i < n; i++) x[i] = start(i);
            analytic(x, expected);
            double primal = default(TFunction).Evaluate<double>(x);
            double[] reference = new double[n];
            AutoDiff.Gradient<double, TFunction>(default, x, reference, chunkSize: 1);
            foreach (int k in new[] { 1, 0, 2, 4, 8, 16 })
            {
                double[] g = new double[n];
                double value = AutoDiff.Gradient<double, TFunction>(default, x, g, chunkSize: k);
                bool ok = value == primal;
                for (int i = 0; i < n; i++)
                {
                    ok &= Math.Abs(g[i] - expected[i]) <= 1e-12 + 1e-10 * Math.Abs(expected[i]);
                    ok &= BitConverter.DoubleToInt64Bits(g[i]) == BitConverter.DoubleToInt64Bits(reference[i]);
                }
                if (!ok)
                {
                    failures++;
                    log.WriteLine($"FAIL {name} n={n} chunk {k}: gradient differs from the analytic one or from chunk 1");
                }
            }
            double[] fd = new NumericalJacobian().Evaluate(v => default(TFunction).Evaluate<double>(v), x);
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(fd[i] - expected[i]) > 1e-4 * Math.Max(1, Math.Abs(expected[i])))
                {
                    failures++;
                    log.WriteLine($"FAIL {name} n={n}: MathNet FD ∂{i} = {fd[i]} vs {expected[i]}");
                    break;
                }
            }
        }
        return failures;
    }

    private delegate void GradientFunc(ReadOnlySpan<double> x, Span<double> g);
}
