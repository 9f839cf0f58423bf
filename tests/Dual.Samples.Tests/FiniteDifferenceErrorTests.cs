using System.IO;
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
}
