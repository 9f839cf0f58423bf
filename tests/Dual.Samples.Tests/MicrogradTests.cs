using Dual.Samples.Micrograd;
using NUnit.Framework;

namespace Dual.Samples.Tests;

public class MicrogradTests
{
    // The numbers micrograd's README prints (reverse mode, PyTorch-checked).
    private const double ExpectedG = 24.7041, ExpectedDgDa = 138.8338, ExpectedDgDb = 645.5773;

    [Test]
    public void TwoPassesMatchPublishedValues()
    {
        MicrogradResult r = MicrogradExample.Run();
        Assert.That(r.G, Is.EqualTo(ExpectedG).Within(1e-4));
        Assert.That(r.DgDa, Is.EqualTo(ExpectedDgDa).Within(1e-4));
        Assert.That(r.DgDb, Is.EqualTo(ExpectedDgDb).Within(1e-4));
    }

    [Test]
    public void ChunkedPassMatchesPublishedValuesAndTwoPassesBitForBit()
    {
        MicrogradResult r = MicrogradExample.Run();
        Assert.That(r.ChunkedG, Is.EqualTo(ExpectedG).Within(1e-4));
        Assert.That(r.ChunkedDgDa, Is.EqualTo(ExpectedDgDa).Within(1e-4));
        Assert.That(r.ChunkedDgDb, Is.EqualTo(ExpectedDgDb).Within(1e-4));
        Assert.That(r.ChunkedG, Is.EqualTo(r.G));
        Assert.That(r.ChunkedDgDa, Is.EqualTo(r.DgDa));
        Assert.That(r.ChunkedDgDb, Is.EqualTo(r.DgDb));
    }

    [Test]
    public void MatchesCentralDifferencesOfPlainDoubleVersion()
    {
        MicrogradResult r = MicrogradExample.Run();
        double a = MicrogradExample.A, b = MicrogradExample.B, h = 1e-5;
        double g = MicrogradExample.G(a, b);
        double dgda = (MicrogradExample.G(a + h, b) - MicrogradExample.G(a - h, b)) / (2 * h);
        double dgdb = (MicrogradExample.G(a, b + h) - MicrogradExample.G(a, b - h)) / (2 * h);
        Assert.That(r.G, Is.EqualTo(g).Within(1e-12));
        Assert.That(r.DgDa, Is.EqualTo(dgda).Within(1e-5 * System.Math.Abs(dgda)));
        Assert.That(r.DgDb, Is.EqualTo(dgdb).Within(1e-5 * System.Math.Abs(dgdb)));
    }
}
