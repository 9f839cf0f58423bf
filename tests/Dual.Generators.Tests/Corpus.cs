namespace Dual.Generators.Tests;

/// <summary>User code covering every construct the rewriter handles; compiled once with the generator output.</summary>
public static class Corpus
{
    public const string Source = """
        using System;
        using System.Numerics;
        using Dual;

        namespace Corpus;

        public static partial class Scalar
        {
            const double K = 1.5;

            [Differentiable] public static double Poly(double x, double y) => 3 * x * x * y + 2 * y - x / y;

            [Differentiable]
            public static double MathFns(double x) =>
                Math.Sin(x) * Math.Exp(-x) + Math.Sqrt(x) + Math.Log(x) + Math.Pow(x, 3) + Math.Pow(2.0, x) + Math.Pow(x, x)
                + Math.Atan2(x, 2.0) + Math.Tanh(x) + Math.Abs(x - 1) + Math.Max(x, 0.5) + Math.Cbrt(x) + double.Hypot(x, 3.0)
                + Math.FusedMultiplyAdd(x, x, 1.0) + Math.Log(x, 3.0) + Math.Clamp(x, 0.1, 10.0) + double.Sin(x) + Math.Floor(x);

            [Differentiable] public static float FloatFn(float x) => MathF.Sin(x) * x + float.Sqrt(x) + MathF.Pow(x, 2) + 2f;

            [Differentiable]
            public static double Compound(double x)
            {
                double s = 0;
                s += x;
                s *= x;
                s -= 1;
                s /= 2;
                var t = s;
                t++;
                t--;
                ++t;
                return t;
            }

            [Differentiable]
            public static double Casts(double x, int n)
            {
                double a = (double)n * x;
                int k = (int)x;
                float f = (float)x;
                double b = f;
                return a + k + b * (double)f + (double)(x * 2);
            }

            [Differentiable]
            public static double Branches(double x)
            {
                if (x > 1.0) return x * x;
                else if (x == 0.5) return 0;
                double r = x < 0 ? -x : 2 * x;
                if (r != 0.25 && !(x >= 3)) r *= x;
                return x is > 0.9 and < 1.0 ? r + 1 : r;
            }

            [Differentiable]
            public static double SwitchStmt(double x)
            {
                switch (x)
                {
                    case < 0:
                        return -x * x;
                    case 0.0:
                        return 0;
                    default:
                        return Math.Sin(x);
                }
            }

            [Differentiable]
            public static double SwitchExpr(double x) => x switch
            {
                < -1.0 => -x,
                >= -1.0 and < 1.0 => x * x,
                _ => Math.Exp(x),
            };

            [Differentiable]
            public static double Loops(double x, int n)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    if (i == 3) continue;
                    s += Math.Pow(x, i) / (i + 1);
                    if (i > 10) break;
                }
                int j = 0;
                while (j < 3)
                {
                    s *= 1.01;
                    j++;
                }
                do
                {
                    s += x;
                    j--;
                }
                while (j > 0);
                return s;
            }

            [Differentiable]
            public static double ForeachArray(double[] xs)
            {
                double s = 0;
                foreach (var v in xs) s += v * v;
                return s;
            }

            [Differentiable]
            public static double LocalFn(double x)
            {
                double Sq(double v) => v * v;
                static double Cube(double v) { return v * v * v; }
                return Sq(x) + Cube(x) + Sq(2.0);
            }

            [Differentiable]
            public static void Outs(double x, out double y, ref double z, in double w)
            {
                y = x * x;
                z = z * x + w;
            }

            [Differentiable]
            public static double UsesOuts(double x)
            {
                double z = 2.0;
                Outs(x, out var y, ref z, x);
                return y + z;
            }

            [Differentiable] public static (double Square, double Sine) Pair(double x) => (x * x, Math.Sin(x));

            [Differentiable]
            public static double Deconstruct(double x)
            {
                var (a, b) = Pair(x);
                (double c, double d) = (a * 2, b);
                var t = Pair(c);
                return a + b * c + d + t.Square;
            }

            [Differentiable] public static double Recursive(double x, int n) => n == 0 ? 1.0 : x * Recursive(x, n - 1);

            [Differentiable] public static double CallsOther(double x) => Other.Helper(x) + GenericMath(x) + Opaque(x) + Opaque2(x, 2 * x);

            public static T GenericMath<T>(T x) where T : IFloatingPointIeee754<T> => T.Sin(x) * x;

            public static double Opaque(double x) => Math.Tan(x);

            [DerivativeOf(nameof(Opaque))]
            public static double OpaqueDerivative(double x)
            {
                double c = Math.Cos(x);
                return 1 / (c * c);
            }

            public static double Opaque2(double x, double y) => x * y * y;

            [DerivativeOf(nameof(Opaque2))] public static (double, double) Opaque2Partials(double x, double y) => (y * y, 2 * x * y);

            [DerivativeOf(typeof(Native), nameof(Native.Cube))] public static double CubeRule(double x) => 3 * x * x;

            [Differentiable] public static double UsesNative(double x) => Native.Cube(x) + x;

            [Differentiable]
            public static double Logging(double x)
            {
                int calls = 0;
                calls++;
                Console.Write("");
                string s = $"{x:F2}";
                string label = "x = " + x + ";";
                if (label != "x = " + x.ToString() + ";") return double.NaN;
                if (x < -1e9) throw new ArgumentOutOfRangeException(nameof(x), x, "too small");
                if (x.ToString() != x.ToString(System.Globalization.CultureInfo.CurrentCulture) || x.CompareTo(x) != 0 || !x.Equals(x)) return double.NaN;
                bool nan = double.IsNaN(x);
                int sign = Math.Sign(x);
                return nan ? 0 : x * sign * s.Length / s.Length + calls;
            }

            [Differentiable]
            public static double Arrays(double x)
            {
                var a = new double[3];
                a[0] = x;
                a[1] = 2 * x;
                a[2] = 1.0;
                double[] b = { x, x * x };
                var c = new[] { 1.0, 2.0 };
                Span<double> d = stackalloc double[2];
                d[0] = x;
                d[1] = c[1];
                return a[0] * a[1] + a[2] + b[1] + d[0] * d[1] + c[0];
            }

            [Differentiable] public static double Constants(double x) => x * Math.PI + double.E + K * x + Math.Max(1.0, 2.0);

            [Differentiable]
            public static double MixedFloat(double x)
            {
                float f = (float)x;
                return MathF.Sin(f) + x;
            }

            [Differentiable]
            public static double EarlyReturn(double x, int mode)
            {
                double acc = x;
                for (int i = 0; i < 10; i++)
                {
                    acc = acc * 0.5 + x;
                    if (i == mode) return acc;
                }
                return -acc;
            }
        }

        public static class Native
        {
            public static double Cube(double x) => x * x * x;
        }

        public static partial class More
        {
            [Differentiable] public static double SinCos(double x) { var (s, c) = Math.SinCos(x); return s * c; }

            [Differentiable]
            public static double DoubleCounter(double x)
            {
                double acc = 0;
                for (double t = 0; t < 1; t += 0.25) acc += t * x * x;
                return acc;
            }

            [Differentiable]
            public static double Swap(double x)
            {
                double y = 2 * x;
                (x, y) = (y, x * x);
                return x - y;
            }

            [Differentiable]
            public static double FloorIndex(double x)
            {
                double[] t = { 1.0, 3.0, 7.0 };
                int i = (int)Math.Floor(x);
                return t[i] * (x - i) + Math.Round(x, 2) + Math.Max(x, 0) + Math.Min(0, x);
            }

            [Differentiable]
            public static double SpanForeach(ReadOnlySpan<double> x)
            {
                double s = 0;
                foreach (double v in x) s += v * v * v;
                return s;
            }

            [Differentiable] public static double Params(params double[] x) => x[0] * x[1];

            [Differentiable]
            public static void WriteSpan(ReadOnlySpan<double> x, Span<double> y)
            {
                if (y.Length == 0) return;
                y[0] = x[0] * x[1];
                y[1] = Math.Exp(x[0]);
                y[2] = 1;
            }

            public static double SpanForeachGrad(double[] x, double[] g) => SpanForeachGradient(x, g);
            public static void WriteSpanJac(double[] x, double[] y, double[] j) => WriteSpanJacobian(x, y, j);
        }

        public static partial class Other
        {
            [Differentiable] public static double Helper(double x) => Math.Cos(x) * x;
        }

        public partial class Instance
        {
            private readonly double _scale = 2.5;
            public double Bias { get; set; } = 0.25;

            [Differentiable] public double Eval(double x) => _scale * x * x + Bias;
        }

        public static partial class Vec
        {
            [Differentiable]
            public static double Rosenbrock(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i + 1 < x.Length; i++)
                {
                    double a = 1 - x[i];
                    double b = x[i + 1] - x[i] * x[i];
                    s += a * a + 100 * b * b;
                }
                return s;
            }

            [Differentiable]
            public static void Map(ReadOnlySpan<double> x, Span<double> y)
            {
                for (int i = 0; i < y.Length; i++) y[i] = Math.Sin(x[i % x.Length]) * x[(i + 1) % x.Length];
            }

            [Differentiable] public static double ArrayInput(double[] x) => x[0] * x[1] + Math.Exp(x[2]);

            // Cos only, each on its own argument: after a few calls the drivers evaluate it without the pairing memo.
            [Differentiable]
            public static double CosSum(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Cos(2 * x[i]) + x[i] * x[i];
                return s;
            }

            [Differentiable]
            public static double Mixed(double[] x)
            {
                float f = (float)x[0];
                return f * x[1];
            }

            // Wrappers callable through reflection (spans cannot be boxed).
            public static double RosenbrockGrad(double[] x, double[] g) => RosenbrockGradient(x, g);
            public static double[] RosenbrockJvpW(double[] x, double[] v) { var r = RosenbrockJvp(x, v); return new[] { r.Value, r.Tangent }; }
            public static void MapJac(double[] x, double[] y, double[] j) => MapJacobian(x, y, j);
            public static void MapJvpW(double[] x, double[] v, double[] y, double[] jv) => MapJvp(x, y, v, jv);
            public static double ArrayGrad(double[] x, double[] g) => ArrayInputGradient(x, g);
            public static double CosSumGrad(double[] x, double[] g) => CosSumGradient(x, g);
            public static double MixedGrad(double[] x, double[] g) => MixedGradient(x, g);
        }
        """;
}
