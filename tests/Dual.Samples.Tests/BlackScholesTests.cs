using System;
using Dual.Samples.BlackScholes;
using NUnit.Framework;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace Dual.Samples.Tests;

/// <summary>
/// The Black–Scholes sample's greeks, all by automatic differentiation of one pricing formula, against the textbook
/// closed forms evaluated here with MathNet.Numerics' normal distribution (an implementation independent of
/// <c>Dual.Special</c>, which the sample prices with).
/// </summary>
public class BlackScholesTests
{
    private static readonly Market[] Markets =
    [
        BlackScholesExample.Example,
        new(Spot: 100, Strike: 100, Volatility: 0.25, Rate: 0.03, Expiry: 1),     // at the money
        new(Spot: 150, Strike: 100, Volatility: 0.3, Rate: 0.02, Expiry: 0.75),   // deep in the money
        new(Spot: 70, Strike: 100, Volatility: 0.35, Rate: 0.04, Expiry: 2),      // deep out of the money
        new(Spot: 42, Strike: 40, Volatility: 0.2, Rate: 0.1, Expiry: 0.5),       // Hull's example 15.6
        new(Spot: 100, Strike: 95, Volatility: 0.6, Rate: -0.005, Expiry: 0.02),  // a week out, negative rate
        new(Spot: 100, Strike: 120, Volatility: 0.15, Rate: 0.05, Expiry: 10),    // ten years
    ];

    /// <summary>The closed forms (Hull, "Options, Futures, and Other Derivatives", ch. 15 and 19).</summary>
    private static Greeks Oracle(Market m)
    {
        double rootT = Math.Sqrt(m.Expiry);
        double d1 = (Math.Log(m.Spot / m.Strike) + (m.Rate + m.Volatility * m.Volatility / 2) * m.Expiry) / (m.Volatility * rootT);
        double d2 = d1 - m.Volatility * rootT;
        double discount = Math.Exp(-m.Rate * m.Expiry);
        double pdf1 = Normal.PDF(0, 1, d1), cdf1 = Normal.CDF(0, 1, d1), cdf2 = Normal.CDF(0, 1, d2);
        return new Greeks(
            Price: m.Spot * cdf1 - m.Strike * discount * cdf2,
            Delta: cdf1,
            Gamma: pdf1 / (m.Spot * m.Volatility * rootT),
            Vega: m.Spot * pdf1 * rootT,
            Rho: m.Strike * m.Expiry * discount * cdf2,
            Theta: -m.Spot * pdf1 * m.Volatility / (2 * rootT) - m.Rate * m.Strike * discount * cdf2,
            DualDelta: -discount * cdf2,
            Vanna: -pdf1 * d2 / m.Volatility,
            Volga: m.Spot * pdf1 * rootT * d1 * d2 / m.Volatility);
    }

    // Relative to the greek's own size, with a floor for greeks that pass through zero (volga at d₁d₂ = 0): the floor is
    // that of the terms each closed form sums.
    private static void Close(double actual, double expected, double scale, string what) =>
        Assert.That(actual, Is.EqualTo(expected).Within(1e-12 * Math.Max(Math.Abs(expected), scale)), what);

    [Test]
    public void Every_greek_by_differentiation_equals_its_closed_form([Range(0, 6)] int market)
    {
        Market m = Markets[market];
        Greeks ad = BlackScholesExample.FromDual(m), oracle = Oracle(m);
        Close(ad.Price, oracle.Price, m.Spot * 1e-3, "price");
        Close(ad.Delta, oracle.Delta, 1e-3, "delta = Φ(d₁)");
        Close(ad.Gamma, oracle.Gamma, 1e-3 / m.Spot, "gamma = φ(d₁)/(Sσ√τ), by nesting");
        Close(ad.Vega, oracle.Vega, m.Spot * 1e-3, "vega = Sφ(d₁)√τ");
        Close(ad.Rho, oracle.Rho, m.Strike * 1e-3, "rho = Kτe^(−rτ)Φ(d₂)");
        Close(ad.Theta, oracle.Theta, m.Spot * 1e-3, "theta = −Sφ(d₁)σ/(2√τ) − rKe^(−rτ)Φ(d₂)");
        Close(ad.DualDelta, oracle.DualDelta, 1e-3, "∂C/∂K = −e^(−rτ)Φ(d₂)");
        Close(ad.Vanna, oracle.Vanna, 1e-3, "vanna = −φ(d₁)d₂/σ");
        Close(ad.Volga, oracle.Volga, m.Spot * 1e-3, "volga = Sφ(d₁)√τ·d₁d₂/σ");
    }

    [Test]
    public void Hulls_worked_example_prices_to_the_published_cent()
    {
        // Hull, example 15.6: S = 42, K = 40, r = 10 %, σ = 20 %, six months: c = 4.76.
        Greeks ad = BlackScholesExample.FromDual(Markets[4]);
        Assert.That(ad.Price, Is.EqualTo(4.76).Within(0.005));
    }

    [Test]
    public void The_generated_gradient_and_the_nested_gamma_see_the_same_price_as_the_double_method()
    {
        Market m = BlackScholesExample.Example;
        double plain = Pricing.Call(m.Spot, m.Strike, m.Volatility, m.Rate, m.Expiry);
        Assert.That(BlackScholesExample.FromDual(m).Price, Is.EqualTo(plain), "the gradient's value is the double method's, bit for bit");
        Assert.That(BlackScholesExample.ClosedForm(m).Price, Is.EqualTo(plain).Within(1e-14 * plain));
    }

    [Test]
    public void The_samples_own_closed_forms_match_the_oracle()
    {
        foreach (Market m in Markets)
        {
            Greeks printed = BlackScholesExample.ClosedForm(m), oracle = Oracle(m);
            Close(printed.Gamma, oracle.Gamma, 1e-3 / m.Spot, "the printed closed-form gamma");
            Close(printed.Theta, oracle.Theta, m.Spot * 1e-3, "the printed closed-form theta");
            Close(printed.Volga, oracle.Volga, m.Spot * 1e-3, "the printed closed-form volga");
        }
    }
}
