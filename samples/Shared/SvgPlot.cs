using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Dual.Samples;

/// <summary>One line on a plot: a name for the legend, a stroke colour, and its points.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Color">An SVG colour.</param>
/// <param name="X">The abscissae.</param>
/// <param name="Y">The ordinates (non-positive values are skipped on a log axis).</param>
/// <param name="StrokeWidth">The line width. Series are drawn in order, so a wide first line stays visible as an outline
/// where a later, thinner one runs on top of it.</param>
/// <param name="Square">Mark the points with squares instead of circles.</param>
internal sealed record PlotSeries(string Name, string Color, IReadOnlyList<double> X, IReadOnlyList<double> Y, double StrokeWidth = 2, bool Square = false);

/// <summary>A horizontal marker line with a label, e.g. a value that cannot be drawn on a log axis.</summary>
/// <param name="Label">The text drawn beside the line and in the legend.</param>
/// <param name="Color">An SVG colour.</param>
/// <param name="AtBottom">Draw it along the bottom edge of the plot area (where "zero" sits on a log axis).</param>
internal sealed record PlotMarker(string Label, string Color, bool AtBottom);

/// <summary>
/// A hand-written SVG line plot (no plotting package): axes, linear or log-10 ticks, lines, markers, and a legend in a
/// column of its own right of the plot area, where it cannot cover data. Linked into each sample that plots as source
/// (internal, so two samples in one test run do not clash).
/// </summary>
internal static class SvgPlot
{
    private const double Width = 900, Height = 500, Left = 90, Right = 260, Top = 50, Bottom = 70, LegendGap = 20;

    /// <summary>Renders the plot to an SVG string.</summary>
    /// <param name="title">The title.</param>
    /// <param name="xLabel">The x-axis label.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="series">The lines.</param>
    /// <param name="markers">Horizontal markers (may be empty).</param>
    /// <param name="logX">Log-10 x axis.</param>
    /// <param name="logY">Log-10 y axis.</param>
    /// <returns>The SVG document.</returns>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series,
        IReadOnlyList<PlotMarker> markers, bool logX, bool logY)
    {
        (double xMin, double xMax) = Range(series, s => s.X, logX);
        (double yMin, double yMax) = Range(series, s => s.Y, logY);
        if (logX) { xMin = Math.Floor(xMin); xMax = Math.Ceiling(xMax); }
        if (logY) { yMin = Math.Floor(yMin); yMax = Math.Ceiling(yMax); }
        if (!logY) { yMin = Math.Min(yMin, 0); }
        bool anyBottomMarker = false;
        foreach (PlotMarker m in markers) { anyBottomMarker |= m.AtBottom; }
        if (anyBottomMarker && logY) { yMin -= 1; } // room below the lowest decade for "exactly zero"
        if (xMax <= xMin) { xMax = xMin + 1; }
        if (yMax <= yMin) { yMax = yMin + 1; }

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double Px(double x) => Left + ((logX ? Math.Log10(x) : x) - xMin) / (xMax - xMin) * plotW;
        double Py(double y) => Top + plotH - ((logY ? Math.Log10(y) : y) - yMin) / (yMax - yMin) * plotH;

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left + plotW / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">{Escape(title)}</text>\n"));

        // Ticks and grid.
        foreach ((double pos, string label) in Ticks(xMin, xMax, logX))
        {
            double px = Left + (pos - xMin) / (xMax - xMin) * plotW;
            svg.Append(Inv($"<line x1=\"{px:F1}\" y1=\"{Top}\" x2=\"{px:F1}\" y2=\"{Top + plotH}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(Inv($"<line x1=\"{px:F1}\" y1=\"{Top + plotH}\" x2=\"{px:F1}\" y2=\"{Top + plotH + 5}\" stroke=\"black\"/>\n"));
            svg.Append(Inv($"<text x=\"{px:F1}\" y=\"{Top + plotH + 20}\" text-anchor=\"middle\">{label}</text>\n"));
        }
        foreach ((double pos, string label) in Ticks(yMin, yMax, logY))
        {
            double py = Top + plotH - (pos - yMin) / (yMax - yMin) * plotH;
            svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Left + plotW}\" y2=\"{py:F1}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(Inv($"<line x1=\"{Left - 5}\" y1=\"{py:F1}\" x2=\"{Left}\" y2=\"{py:F1}\" stroke=\"black\"/>\n"));
            svg.Append(Inv($"<text x=\"{Left - 8}\" y=\"{py + 4:F1}\" text-anchor=\"end\">{label}</text>\n"));
        }
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"black\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left + plotW / 2}\" y=\"{Height - 20}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n"));
        svg.Append(Inv($"<text transform=\"translate(22 {Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n"));

        // Lines.
        foreach (PlotSeries s in series)
        {
            var points = new StringBuilder();
            for (int i = 0; i < s.X.Count; i++)
            {
                if ((logX && !(s.X[i] > 0)) || (logY && !(s.Y[i] > 0)) || !double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i]))
                {
                    continue;
                }
                points.Append(Inv($"{Px(s.X[i]):F1},{Py(s.Y[i]):F1} "));
                svg.Append(PointMark(s, Px(s.X[i]), Py(s.Y[i])));
            }
            svg.Append(Inv($"<polyline points=\"{points.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"{s.StrokeWidth}\"/>\n"));
        }

        // Markers.
        foreach (PlotMarker m in markers)
        {
            double py = m.AtBottom ? Top + plotH - 0.5 * plotH / (yMax - yMin) : Top;
            svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Left + plotW}\" y2=\"{py:F1}\" stroke=\"{m.Color}\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>\n"));
        }

        // Legend: its own column right of the plot area, so it never covers a point.
        double lx = Left + plotW + LegendGap, ly = Top + 14;
        svg.Append("<g class=\"legend\">\n");
        foreach (PlotSeries s in series)
        {
            svg.Append(Inv($"<line x1=\"{lx}\" y1=\"{ly - 4}\" x2=\"{lx + 28}\" y2=\"{ly - 4}\" stroke=\"{s.Color}\" stroke-width=\"{s.StrokeWidth}\"/>\n"));
            svg.Append(PointMark(s, lx + 14, ly - 4));
            svg.Append(Inv($"<text x=\"{lx + 34}\" y=\"{ly}\">{Escape(s.Name)}</text>\n"));
            ly += 20;
        }
        foreach (PlotMarker m in markers)
        {
            svg.Append(Inv($"<line x1=\"{lx}\" y1=\"{ly - 4}\" x2=\"{lx + 28}\" y2=\"{ly - 4}\" stroke=\"{m.Color}\" stroke-width=\"3\" stroke-dasharray=\"8 4\"/>\n"));
            foreach (string line in m.Label.Split('\n'))
            {
                svg.Append(Inv($"<text x=\"{lx + 34}\" y=\"{ly}\">{Escape(line)}</text>\n"));
                ly += 16;
            }
            ly += 4;
        }
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static string PointMark(PlotSeries s, double x, double y) => s.Square
        ? Inv($"<rect x=\"{x - 4:F1}\" y=\"{y - 4:F1}\" width=\"8\" height=\"8\" fill=\"{s.Color}\"/>\n")
        : Inv($"<circle cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"3\" fill=\"{s.Color}\"/>\n");

    /// <summary>Renders and writes the plot; returns the full path written.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="svg">The SVG text.</param>
    /// <returns>The absolute path.</returns>
    public static string Write(string path, string svg)
    {
        string full = Path.GetFullPath(path);
        File.WriteAllText(full, svg);
        return full;
    }

    private static (double Min, double Max) Range(IReadOnlyList<PlotSeries> series, Func<PlotSeries, IReadOnlyList<double>> pick, bool log)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (PlotSeries s in series)
        {
            foreach (double v in pick(s))
            {
                if (!double.IsFinite(v) || (log && !(v > 0)))
                {
                    continue;
                }
                double t = log ? Math.Log10(v) : v;
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
        }
        return double.IsFinite(min) ? (min, max) : (0, 1);
    }

    private static IEnumerable<(double Position, string Label)> Ticks(double min, double max, bool log)
    {
        if (log)
        {
            int step = Math.Max(1, (int)Math.Ceiling((max - min) / 10));
            for (int e = (int)Math.Ceiling(min); e <= max + 1e-9; e += step)
            {
                yield return (e, Inv($"1e{e}"));
            }
            yield break;
        }
        double span = max - min;
        double raw = span / 6;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double nice = raw / mag < 1.5 ? 1 : raw / mag < 3 ? 2 : raw / mag < 7 ? 5 : 10;
        double tick = nice * mag;
        for (double v = Math.Ceiling(min / tick) * tick; v <= max + tick * 1e-9; v += tick)
        {
            yield return (v, v.ToString("G4", CultureInfo.InvariantCulture));
        }
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
