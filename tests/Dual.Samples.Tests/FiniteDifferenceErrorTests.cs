using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Dual.Samples.FiniteDifferenceError;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class FiniteDifferenceErrorTests
{
    [Test]
    public void DualErrorIsExactlyZeroForEveryRow()
    {
        FiniteDifferenceResult r = FiniteDifferenceErrorExample.Run();
        Assert.That(r.DualDerivative, Is.EqualTo(5.25));
        Assert.That(r.Rows, Has.Count.EqualTo(16));
        Assert.That(r.Rows, Has.All.Matches<ErrorRow>(row => row.DualError == 0.0));
    }

    [Test]
    public void TableCoversOneTenthDownToTenToTheMinusSixteen()
    {
        FiniteDifferenceResult r = FiniteDifferenceErrorExample.Run();
        Assert.That(r.Rows[0].H, Is.EqualTo(1e-1).Within(1e-17));
        Assert.That(r.Rows[^1].H, Is.EqualTo(1e-16).Within(1e-30));
    }

    [Test]
    public void CentralDifferenceErrorIsSmallestNearOneEMinusFive()
    {
        // Truncation error ~ h²·|f‴|/6 = 3h², rounding ~ ε·|f|/h: the sum is smallest at h ~ (ε)^(1/3) ≈ 1e-5.
        FiniteDifferenceResult r = FiniteDifferenceErrorExample.Run();
        ErrorRow best = r.BestCentral;
        Assert.That(best.H, Is.InRange(1e-7, 1e-4));
        Assert.That(best.CentralError, Is.GreaterThan(0.0).And.LessThan(1e-8));
        // Truncation regime: 3h² exactly for this cubic.
        Assert.That(r.Rows[0].CentralError, Is.EqualTo(0.03).Within(1e-12));
    }

    [Test]
    public void ForwardDifferenceErrorIsSmallestNearSqrtEpsilon()
    {
        FiniteDifferenceResult r = FiniteDifferenceErrorExample.Run();
        Assert.That(r.BestForward.H, Is.InRange(1e-10, 1e-6));
        // At h = 1e-16, x + h rounds to x and the forward difference is 0: error = f′ itself.
        Assert.That(r.Rows[^1].ForwardError, Is.EqualTo(5.25));
    }

    [Test]
    public void PlotIsWellFormedSvgWithTwoLines()
    {
        string svg = FiniteDifferenceErrorExample.Plot(FiniteDifferenceErrorExample.Run());
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.That(doc.Root!.Name, Is.EqualTo(ns + "svg"));
        Assert.That(doc.Descendants(ns + "polyline"), Has.Exactly(2).Items);
        Assert.That(svg, Does.Contain("central difference").And.Contain("forward difference").And.Contain("dual number"));
        string path = Path.Combine(Path.GetTempPath(), $"fd-error-{System.Guid.NewGuid():N}.svg");
        try
        {
            Assert.That(FiniteDifferenceErrorExample.WritePlot(FiniteDifferenceErrorExample.Run(), path), Is.EqualTo(Path.GetFullPath(path)));
            Assert.That(File.ReadAllText(path), Is.EqualTo(svg));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void LegendSitsOutsideThePlotArea_AndTheForwardLineIsDrawnUnderAWiderStroke()
    {
        // The plot area is the framed rectangle; every legend label must lie to its right, clear of the data.
        XNamespace ns = "http://www.w3.org/2000/svg";
        XDocument doc = XDocument.Parse(FiniteDifferenceErrorExample.Plot(FiniteDifferenceErrorExample.Run()));
        XElement frame = doc.Descendants(ns + "rect").Single(r => (string?)r.Attribute("fill") == "none");
        double right = double.Parse((string)frame.Attribute("x")!, CultureInfo.InvariantCulture) + double.Parse((string)frame.Attribute("width")!, CultureInfo.InvariantCulture);
        foreach (string label in new[] { "forward difference", "central difference", "dual number" })
        {
            XElement text = doc.Descendants(ns + "text").First(t => t.Value.StartsWith(label, StringComparison.Ordinal));
            Assert.That(double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture), Is.GreaterThan(right), label);
        }
        // Where the two differences coincide (h ≤ 1e-8, rounding only), the forward line must still show: drawn first, wider.
        XElement[] lines = doc.Descendants(ns + "polyline").ToArray();
        double forwardWidth = double.Parse((string)lines[0].Attribute("stroke-width")!, CultureInfo.InvariantCulture);
        double centralWidth = double.Parse((string)lines[1].Attribute("stroke-width")!, CultureInfo.InvariantCulture);
        Assert.That((string?)lines[0].Attribute("stroke"), Is.EqualTo("#d62728"), "forward is drawn first");
        Assert.That(forwardWidth, Is.GreaterThanOrEqualTo(2 * centralWidth));
    }

    [Test]
    public void CsvHoldsTheTable()
    {
        FiniteDifferenceResult r = FiniteDifferenceErrorExample.Run();
        string[] lines = FiniteDifferenceErrorExample.Csv(r).TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Is.EqualTo("h,forward,forward_error,central,central_error,dual_error"));
        Assert.That(lines, Has.Length.EqualTo(17));
        double[] first = lines[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // For the cubic at x = 1.5, h = 0.1: forward error f″h/2 + f‴h²/6 = 17·0.05 + 3·0.01 = 0.88; central error 3h² = 0.03.
        Assert.That(first[0], Is.EqualTo(0.1));
        Assert.That(first[2], Is.EqualTo(0.88).Within(1e-12));
        Assert.That(first[4], Is.EqualTo(0.03).Within(1e-12));
        Assert.That(first[5], Is.EqualTo(0.0));
        for (int i = 0; i < 16; i++)
        {
            double[] values = lines[i + 1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(values[1], Is.EqualTo(r.Rows[i].Forward), "round-trip precision");
            Assert.That(values[4], Is.EqualTo(r.Rows[i].CentralError));
        }
        string path = Path.Combine(Path.GetTempPath(), $"fd-error-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.That(File.ReadAllText(FiniteDifferenceErrorExample.WriteCsv(r, path)), Is.EqualTo(FiniteDifferenceErrorExample.Csv(r)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
