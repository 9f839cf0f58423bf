using System;

namespace Dual.Samples.BlackScholes;

/// <summary>A European option's market: S, K, σ, r, τ.</summary>
/// <param name="Spot">S, the stock price.</param>
/// <param name="Strike">K, the strike.</param>
/// <param name="Volatility">σ, annualised.</param>
/// <param name="Rate">r, continuously compounded, annualised.</param>
/// <param name="Expiry">τ, years to expiry.</param>
public readonly record struct Market(double Spot, double Strike, double Volatility, double Rate, double Expiry);

/// <summary>A call's price and sensitivities. Theta is per year of calendar time (−∂C/∂τ).</summary>
/// <param name="Price">C.</param>
/// <param name="Delta">∂C/∂S.</param>
/// <param name="Gamma">∂²C/∂S².</param>
/// <param name="Vega">∂C/∂σ.</param>
/// <param name="Rho">∂C/∂r.</param>
/// <param name="Theta">−∂C/∂τ.</param>
/// <param name="DualDelta">∂C/∂K (the "dual delta").</param>
/// <param name="Vanna">∂²C/∂S∂σ.</param>
/// <param name="Volga">∂²C/∂σ².</param>
public sealed record Greeks(double Price, double Delta, double Gamma, double Vega, double Rho, double Theta, double DualDelta, double Vanna, double Volga);

/// <summary>The greeks by automatic differentiation, beside the textbook closed forms.</summary>
public static class BlackScholesExample
{
    /// <summary>The market the sample prints: a 5 % out-of-the-money call, six months out.</summary>
    public static readonly Market Example = new(Spot: 100, Strike: 105, Volatility: 0.2, Rate: 0.05, Expiry: 0.5);

    /// <summary>
    /// Every greek by automatic differentiation of the one pricing formula: the first-order ones from the generated
    /// <c>Pricing.CallGradient</c> (one multi-tangent pass of the <c>[Differentiable]</c> method), gamma by nesting
    /// (<c>Dual&lt;Dual&lt;double&gt;&gt;</c>, spot seeded on both levels), vanna and volga from <c>AutoDiff.Hessian</c>.
    /// </summary>
    /// <param name="m">The market.</param>
    /// <returns>The greeks.</returns>
    public static Greeks FromDual(Market m)
    {
        var (delta, dualDelta, vega, rho, dExpiry) = Pricing.CallGradient(m.Spot, m.Strike, m.Volatility, m.Rate, m.Expiry, out double price);

        // Second order: the generator's twins are first order (Dual<double>), so gamma nests the generic formula.
        var spot = new Dual<Dual<double>>(new Dual<double>(m.Spot, 1), new Dual<double>(1, 0));
        double gamma = Pricing.CallPrice(spot, Constant(m.Strike), Constant(m.Volatility), Constant(m.Rate), Constant(m.Expiry)).Tangent.Tangent;

        // The whole second-order block in one call: H[0, 2] = vanna, H[2, 2] = volga.
        double[,] h = AutoDiff.Hessian<double>(x => Pricing.CallPrice(x[0], x[1], x[2], x[3], x[4]), [m.Spot, m.Strike, m.Volatility, m.Rate, m.Expiry]);

        return new Greeks(price, delta, gamma, vega, rho, -dExpiry, dualDelta, h[0, 2], h[2, 2]);
    }

    /// <summary>The textbook closed forms (Hull, "Options, Futures, and Other Derivatives", ch. 19), with Φ and φ from
    /// <see cref="Special"/>, for the sample's side-by-side table.</summary>
    /// <param name="m">The market.</param>
    /// <returns>The greeks.</returns>
    public static Greeks ClosedForm(Market m)
    {
        double rootT = Math.Sqrt(m.Expiry);
        double d1 = (Math.Log(m.Spot / m.Strike) + (m.Rate + 0.5 * m.Volatility * m.Volatility) * m.Expiry) / (m.Volatility * rootT);
        double d2 = d1 - m.Volatility * rootT;
        double discount = Math.Exp(-m.Rate * m.Expiry);
        double pdf1 = Special.NormalPdf(d1), cdf1 = Special.NormalCdf(d1), cdf2 = Special.NormalCdf(d2);
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

    private static Dual<Dual<double>> Constant(double value) => new(new Dual<double>(value));
}
