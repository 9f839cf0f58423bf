using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;

namespace Dual.Samples.FiniteDifferenceError;

/// <summary>One row of the table: a step h and the absolute errors of the three derivatives.</summary>
/// <param name="H">The finite-difference step.</param>
/// <param name="Forward">The forward difference (f(x+h) − f(x)) / h.</param>
/// <param name="ForwardError">|forward − f′(x)|.</param>
/// <param name="Central">The central difference (f(x+h) − f(x−h)) / 2h.</param>
/// <param name="CentralError">|central − f′(x)|.</param>
/// <param name="DualError">|dual − f′(x)| (independent of h).</param>
public sealed record ErrorRow(double H, double Forward, double ForwardError, double Central, double CentralError, double DualError);

/// <summary>The whole experiment.</summary>
/// <param name="X">The point.</param>
/// <param name="Exact">f′(x) in closed form.</param>
/// <param name="DualDerivative">f′(x) from one dual-number evaluation.</param>
/// <param name="Rows">One row per h = 1e-1 … 1e-16.</param>
public sealed record FiniteDifferenceResult(double X, double Exact, double DualDerivative, IReadOnlyList<ErrorRow> Rows)
{
    /// <summary>The row with the smallest central-difference error.</summary>
    public ErrorRow BestCentral
    {
        get
        {
            ErrorRow best = Rows[0];
            foreach (ErrorRow row in Rows)
            {
                if (row.CentralError < best.CentralError) { best = row; }
            }
            return best;
        }
    }

    /// <summary>The row with the smallest forward-difference error.</summary>
    public ErrorRow BestForward
    {
        get
        {
            ErrorRow best = Rows[0];
            foreach (ErrorRow row in Rows)
            {
                if (row.ForwardError < best.ForwardError) { best = row; }
            }
            return best;
        }
    }
}

/// <summary>
/// f(x) = 3x³ − 5x² at x = 1.5, f′(1.5) = 9·2.25 − 10·1.5 = 5.25: finite differences trade truncation error
/// (falling with h) against rounding error (rising as h shrinks); the dual number has neither.
/// </summary>
public static class FiniteDifferenceErrorExample
{
    /// <summary>The point.</summary>
    public const double X = 1.5;

    /// <summary>f′(X) in closed form: 9x² − 10x.</summary>
    public const double Exact = 5.25;

    /// <summary>f(x) = 3x³ − 5x², written once on generic math: runs on double and on Dual&lt;double&gt;.</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="x">The argument.</param>
    /// <returns>f(x).</returns>
    public static TNum F<TNum>(TNum x) where TNum : IFloatingPointIeee754<TNum>
        => TNum.CreateChecked(3) * x * x * x - TNum.CreateChecked(5) * x * x;

    /// <summary>Runs the experiment for h = 1e-1 … 1e-16.</summary>
    /// <returns>The table.</returns>
    public static FiniteDifferenceResult Run()
    {
        double dual = AutoDiff.Derivative<double>(F, X);
        double dualError = Math.Abs(dual - Exact);
        var rows = new List<ErrorRow>();
        for (int k = 1; k <= 16; k++)
        {
            double h = Math.Pow(10, -k);
            double forward = (F(X + h) - F(X)) / h;
            double central = (F(X + h) - F(X - h)) / (2 * h);
            rows.Add(new ErrorRow(h, forward, Math.Abs(forward - Exact), central, Math.Abs(central - Exact), dualError));
        }
        return new FiniteDifferenceResult(X, Exact, dual, rows);
    }

    /// <summary>Writes <see cref="Plot"/> to <paramref name="path"/>.</summary>
    /// <param name="result">The experiment.</param>
    /// <param name="path">The SVG file to write.</param>
    /// <returns>The full path written.</returns>
    public static string WritePlot(FiniteDifferenceResult result, string path) => SvgPlot.Write(path, Plot(result));

    /// <summary>The log-log plot of the errors against h, as SVG.</summary>
    /// <param name="result">The experiment.</param>
    /// <returns>The SVG document.</returns>
    public static string Plot(FiniteDifferenceResult result)
    {
        var h = new List<double>();
        var forward = new List<double>();
        var central = new List<double>();
        foreach (ErrorRow row in result.Rows)
        {
            h.Add(row.H);
            forward.Add(row.ForwardError);
            central.Add(row.CentralError);
        }
        // Below h ≈ 1e-8 both differences are pure rounding and often equal: the forward line is drawn first and wide,
        // with square marks, so it shows as a red band around the blue central line where the two coincide.
        return SvgPlot.Render(
            "Derivative error of f(x) = 3x³ − 5x² at x = 1.5",
            "step h",
            "|error|",
            [
                new PlotSeries("forward difference", "#d62728", h, forward, StrokeWidth: 7, Square: true),
                new PlotSeries("central difference", "#1f77b4", h, central, StrokeWidth: 2),
            ],
            [new PlotMarker(string.Create(CultureInfo.InvariantCulture, $"dual number: error exactly {result.Rows[0].DualError:G}\n(drawn at the floor)"), "#2ca02c", AtBottom: true)],
            logX: true,
            logY: true);
    }

    /// <summary>The table as CSV (invariant culture, round-trip precision): h, both differences, their errors, the dual's error.</summary>
    /// <param name="result">The experiment.</param>
    /// <returns>The CSV text, one header line and one line per h.</returns>
    public static string Csv(FiniteDifferenceResult result)
    {
        var csv = new StringBuilder("h,forward,forward_error,central,central_error,dual_error\n");
        foreach (ErrorRow row in result.Rows)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture,
                $"{row.H:R},{row.Forward:R},{row.ForwardError:R},{row.Central:R},{row.CentralError:R},{row.DualError:R}\n"));
        }
        return csv.ToString();
    }

    /// <summary>Writes <see cref="Csv"/> to <paramref name="path"/>; returns the full path written.</summary>
    /// <param name="result">The experiment.</param>
    /// <param name="path">The CSV file to write.</param>
    /// <returns>The full path written.</returns>
    public static string WriteCsv(FiniteDifferenceResult result, string path)
    {
        string full = Path.GetFullPath(path);
        File.WriteAllText(full, Csv(result));
        return full;
    }
}
