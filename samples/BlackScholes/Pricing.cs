using System;
using System.Numerics;

namespace Dual.Samples.BlackScholes;

/// <summary>
/// Black–Scholes prices of European options on a non-dividend-paying stock. The call price is written once, on generic
/// math, so that it runs on <see cref="double"/>, on first-order duals (the generator's twin of <see cref="Call"/>) and
/// on nested duals (second-order greeks); <see cref="Call"/> is the plain-<see cref="double"/> pricing method that
/// <c>[Differentiable]</c> turns into <c>CallGradient</c>.
/// </summary>
public static partial class Pricing
{
    /// <summary>C = S·Φ(d₁) − K·e^(−rτ)·Φ(d₂), d₁ = (ln(S/K) + (r + σ²/2)τ)/(σ√τ), d₂ = d₁ − σ√τ.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="spot">S, the stock price.</param>
    /// <param name="strike">K, the strike.</param>
    /// <param name="volatility">σ, annualised.</param>
    /// <param name="rate">r, continuously compounded, annualised.</param>
    /// <param name="expiry">τ, years to expiry.</param>
    /// <returns>The call price.</returns>
    public static T CallPrice<T>(T spot, T strike, T volatility, T rate, T expiry) where T : IFloatingPointIeee754<T>
    {
        T half = T.One / (T.One + T.One);
        T volatilityRootTime = volatility * T.Sqrt(expiry);
        T d1 = (T.Log(spot / strike) + (rate + half * volatility * volatility) * expiry) / volatilityRootTime;
        T d2 = d1 - volatilityRootTime;
        return spot * Special.NormalCdf(d1) - strike * T.Exp(-rate * expiry) * Special.NormalCdf(d2);
    }

    /// <summary>
    /// The call price for <see cref="double"/> inputs. <c>[Differentiable]</c>: the generator writes its dual twin and
    /// <c>CallGradient(spot, strike, volatility, rate, expiry, out price)</c>, which returns all five first-order
    /// sensitivities (delta, ∂/∂K, vega, rho, −theta) from one multi-tangent pass.
    /// </summary>
    /// <param name="spot">S, the stock price.</param>
    /// <param name="strike">K, the strike.</param>
    /// <param name="volatility">σ, annualised.</param>
    /// <param name="rate">r, continuously compounded, annualised.</param>
    /// <param name="expiry">τ, years to expiry.</param>
    /// <returns>The call price.</returns>
    [Differentiable]
    public static double Call(double spot, double strike, double volatility, double rate, double expiry) =>
        CallPrice(spot, strike, volatility, rate, expiry);
}
