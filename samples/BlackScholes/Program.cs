using System;
using System.Globalization;
using Dual.Samples.BlackScholes;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Market m = BlackScholesExample.Example;
Greeks ad = BlackScholesExample.FromDual(m), exact = BlackScholesExample.ClosedForm(m);

Console.WriteLine($"European call, Black-Scholes: S = {m.Spot}, K = {m.Strike}, sigma = {m.Volatility}, r = {m.Rate}, tau = {m.Expiry} years");
Console.WriteLine("one pricing formula (generic math, Special.NormalCdf) behind a [Differentiable] double method; greeks by automatic differentiation");
Console.WriteLine();
Console.WriteLine($"{"",-7} {"",-12} {"Dual (AD)",20} {"closed form",20} {"rel. difference",16}   how");
Row("price", "C", ad.Price, exact.Price, "Pricing.Call");
Row("delta", "dC/dS", ad.Delta, exact.Delta, "CallGradient: one pass, five partials");
Row("gamma", "d2C/dS2", ad.Gamma, exact.Gamma, "nested Dual<Dual<double>>");
Row("vega", "dC/dsigma", ad.Vega, exact.Vega, "CallGradient");
Row("rho", "dC/dr", ad.Rho, exact.Rho, "CallGradient");
Row("theta", "-dC/dtau", ad.Theta, exact.Theta, "CallGradient (per year; per day: /365)");
Row("", "dC/dK", ad.DualDelta, exact.DualDelta, "CallGradient");
Row("vanna", "d2C/dSdsigma", ad.Vanna, exact.Vanna, "AutoDiff.Hessian");
Row("volga", "d2C/dsigma2", ad.Volga, exact.Volga, "AutoDiff.Hessian");

static void Row(string name, string what, double ad, double exact, string how)
{
    double relative = exact == 0 ? Math.Abs(ad) : Math.Abs(ad - exact) / Math.Abs(exact);
    Console.WriteLine($"{name,-7} {what,-12} {ad,20:R} {exact,20:R} {relative,16:0.0e+00}   {how}");
}
