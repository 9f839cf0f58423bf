using System;
using System.Linq;
using System.IO;
using System.Xml.Linq;
using Dual.Samples.TinyNet;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class TinyNetTests
{
    private static readonly Lazy<TrainingResult> Trained = new(() => TinyNetExample.Train());

    [Test]
    public void LossFallsBelowTenPercentOfInitial()
    {
        TrainingResult r = Trained.Value;
        Assert.That(r.InitialLoss, Is.GreaterThan(1.0));
        Assert.That(r.FinalLoss, Is.LessThan(0.1 * r.InitialLoss));
        Assert.That(r.LossCurve[^1].Step, Is.EqualTo(r.Steps));
    }

    [Test]
    public void RecordedLossesMatchAPlainDoubleEvaluation()
    {
        TrainingResult r = Trained.Value;
        Assert.That(r.LossCurve[0].Loss, Is.EqualTo(r.Loss.Evaluate<double>(r.InitialParameters)));
        Assert.That(r.LossCurve[^1].Loss, Is.EqualTo(r.Loss.Evaluate<double>(r.Parameters)));
    }

    [Test]
    public void AdGradientMatchesCentralFiniteDifferencesAtARandomPoint()
    {
        (TinyNetLoss loss, double[] theta0) = TinyNetExample.Setup();
        var random = new Random(123);
        double[] theta = (double[])theta0.Clone();
        for (int i = 0; i < theta.Length; i++) { theta[i] += 0.1 * (2 * random.NextDouble() - 1); }

        double[] gradient = AutoDiff.Gradient<double, TinyNetLoss>(loss, theta);
        const double h = 1e-6;
        for (int i = 0; i < theta.Length; i++)
        {
            double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (loss.Evaluate<double>(plus) - loss.Evaluate<double>(minus)) / (2 * h);
            Assert.That(gradient[i], Is.EqualTo(fd).Within(1e-5 * Math.Max(1.0, Math.Abs(fd))), $"∂L/∂θ[{i}]");
        }
    }

    [Test]
    public void ChunkedGradientEqualsSingleTangentGradient()
    {
        (TinyNetLoss loss, double[] theta) = TinyNetExample.Setup();
        double[] chunked = AutoDiff.Gradient<double, TinyNetLoss>(loss, theta);
        double[] single = AutoDiff.Gradient<double, TinyNetLoss>(loss, theta, chunkSize: 1);
        double[] sixteen = AutoDiff.Gradient<double, TinyNetLoss>(loss, theta, chunkSize: 16);
        Assert.That(chunked, Is.EqualTo(single));
        Assert.That(sixteen, Is.EqualTo(single));
    }

    [Test]
    public void LossPlotIsWellFormedSvg()
    {
        string path = Path.Combine(Path.GetTempPath(), $"loss-{Guid.NewGuid():N}.svg");
        try
        {
            Assert.That(TinyNetExample.WritePlot(Trained.Value, path), Is.EqualTo(Path.GetFullPath(path)));
            XDocument doc = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.That(doc.Descendants(ns + "polyline"), Has.Exactly(1).Items);
            Assert.That(doc.Descendants(ns + "circle").Where(c => (string?)c.Parent?.Attribute("class") != "legend"), Has.Exactly(Trained.Value.LossCurve.Count).Items);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
