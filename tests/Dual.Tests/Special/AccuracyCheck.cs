using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dual.Tests.SpecialFunctions.Oracle;
using NUnit.Framework;

namespace Dual.Tests.SpecialFunctions;

/// <summary>
/// Runs one function over a set of points against the high-precision oracle and, where given, against MathNet.Numerics,
/// collecting every failure into one message and writing the maximum errors to the test output (the accuracy table).
/// </summary>
internal sealed class AccuracyCheck(string name)
{
    /// <summary>Below this MathNet counts as accurate at a point, and there ours must agree with it to 1e-15.</summary>
    public const double MathNetAccurate = 2.5e-16;

    private readonly StringBuilder failures = new();
    private double maxOurs, maxMathNet;
    private double worstOursAt = double.NaN, worstMathNetAt = double.NaN;
    private int points, comparedWithMathNet;

    /// <summary>The number of points at which MathNet was accurate and ours was compared with it.</summary>
    public int ComparedWithMathNet => comparedWithMathNet;

    /// <summary>
    /// One point: ours within <paramref name="tolerance"/> (relative) of the oracle — or, where the oracle's value is
    /// subnormal, within two subnormal steps — and within 1e-15 of MathNet wherever MathNet is itself accurate.
    /// </summary>
    public void Point(double x, double ours, BigFloat exact, double? mathNet = null, double tolerance = 1e-15, double absolute = 0)
    {
        points++;
        double exactDouble = exact.ToDouble();
        double error = HighPrecision.RelativeError(ours, exact);
        bool subnormal = Math.Abs(exactDouble) < 2.2250738585072014e-308;
        bool overflow = double.IsInfinity(exactDouble);
        if (overflow)
        {
            error = ours == exactDouble ? 0 : double.PositiveInfinity;
        }
        bool ok = overflow ? ours == exactDouble : subnormal
            ? Math.Abs(ours - exactDouble) <= 2 * double.Epsilon
            : error <= tolerance || Math.Abs(ours - exactDouble) <= absolute;
        if (!subnormal && error > maxOurs)
        {
            maxOurs = error;
            worstOursAt = x;
        }
        if (!ok)
        {
            failures.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}({x:R}) = {ours:R}, oracle {exactDouble:R}: relative error {error:G3} > {tolerance:G3}"));
        }
        if (mathNet is double m && !subnormal && !overflow && double.IsFinite(m))
        {
            double mathNetError = HighPrecision.RelativeError(m, exact);
            if (mathNetError > maxMathNet)
            {
                maxMathNet = mathNetError;
                worstMathNetAt = x;
            }
            if (mathNetError <= MathNetAccurate)
            {
                comparedWithMathNet++;
                double agreement = Math.Abs(ours - m) / Math.Abs(m);
                if (agreement > 1e-15)
                {
                    failures.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {name}({x:R}) = {ours:R}, MathNet {m:R}: relative difference {agreement:G3} > 1e-15"));
                }
            }
        }
    }

    /// <summary>Writes the summary line and fails with every failing point.</summary>
    public void Assert()
    {
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {points} | {maxOurs:G2} (at {worstOursAt:G6}) | {(comparedWithMathNet > 0 || maxMathNet > 0 ? $"{maxMathNet:G2} (at {worstMathNetAt:G6})" : "—")} | {comparedWithMathNet} |"));
        if (failures.Length > 0)
        {
            NUnit.Framework.Assert.Fail($"{name}:\n{failures}");
        }
    }

    /// <summary>n points spread evenly over [from, to].</summary>
    public static IEnumerable<double> Grid(double from, double to, int count) => HighPrecision.Grid(from, to, count);

    /// <summary>10^e for e from <paramref name="from"/> to <paramref name="to"/> in steps.</summary>
    public static IEnumerable<double> Decades(int from, int to, int step) =>
        Enumerable.Range(0, (to - from) / step + 1).Select(i => double.Parse($"1e{from + i * step}", CultureInfo.InvariantCulture));
}
