// Realistic corpus: quantitative finance. Written as a pricing library would be written, then [Differentiable]
// added to the methods whose sensitivities (Greeks, durations, key-rate risk) the desk wants.
using System;
using System.Collections.Generic;
using System.Linq;
using Dual;

namespace Contoso.Quant;

public enum OptionKind { Call, Put }

public enum Compounding { Annual, SemiAnnual, Monthly, Continuous }

/// <summary>Standard normal distribution. The BCL has no erf, so we use Abramowitz &amp; Stegun 7.1.26.</summary>
public static partial class Normal
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    [Differentiable]
    public static double Erf(double x)
    {
        // A&S 7.1.26, |error| < 1.5e-7
        const double a1 = 0.254829592;
        const double a2 = -0.284496736;
        const double a3 = 1.421413741;
        const double a4 = -1.453152027;
        const double a5 = 1.061405429;
        const double p = 0.3275911;

        int sign = x < 0 ? -1 : 1;
        x = Math.Abs(x);
        double t = 1.0 / (1.0 + p * x);
        double y = 1.0 - ((((a5 * t + a4) * t + a3) * t + a2) * t + a1) * t * Math.Exp(-x * x);
        return sign * y;
    }

    [Differentiable]
    public static double Cdf(double x) => 0.5 * (1.0 + Erf(x / Math.Sqrt(2.0)));

    [Differentiable]
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);
}

public static partial class BlackScholes
{
    [Differentiable]
    public static double Price(OptionKind kind, double spot, double strike, double rate, double volatility, double expiry)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volatility);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expiry);

        double sqrtT = Math.Sqrt(expiry);
        double d1 = (Math.Log(spot / strike) + (rate + 0.5 * volatility * volatility) * expiry) / (volatility * sqrtT);
        double d2 = d1 - volatility * sqrtT;
        double df = Math.Exp(-rate * expiry);

        return kind switch
        {
            OptionKind.Call => spot * Normal.Cdf(d1) - strike * df * Normal.Cdf(d2),
            OptionKind.Put => strike * df * Normal.Cdf(-d2) - spot * Normal.Cdf(-d1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Hand-written delta; the desk wants its sensitivities (gamma, vanna) from it.</summary>
    [Differentiable]
    public static double CallDelta(double spot, double strike, double rate, double volatility, double expiry)
    {
        double d1 = D1(spot, strike, rate, volatility, expiry);
        return Normal.Cdf(d1);
    }

    private static double D1(double s, double k, double r, double sigma, double t) =>
        (Math.Log(s / k) + (r + sigma * sigma / 2) * t) / (sigma * Math.Sqrt(t));

    [Differentiable]
    public static double ImpliedVolatility(double marketPrice, double spot, double strike, double rate, double expiry, double initialGuess = 0.2)
    {
        double sigma = initialGuess;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double price = Price(OptionKind.Call, spot, strike, rate, sigma, expiry);
            double diff = price - marketPrice;
            if (Math.Abs(diff) < 1e-12)
            {
                return sigma;
            }

            double d1 = (Math.Log(spot / strike) + (rate + 0.5 * sigma * sigma) * expiry) / (sigma * Math.Sqrt(expiry));
            double vega = spot * Normal.Pdf(d1) * Math.Sqrt(expiry);
            sigma -= diff / vega;
        }

        throw new InvalidOperationException($"Implied volatility did not converge for price {marketPrice}");
    }

    /// <summary>Bachelier (normal) model on a forward, e.g. for rates options.</summary>
    [Differentiable]
    public static double BachelierCall(MarketQuote quote, double strike, double expiry)
    {
        double stdDev = quote.NormalVol * Math.Sqrt(expiry);
        double d = (quote.Forward - strike) / stdDev;
        return quote.DiscountFactor * ((quote.Forward - strike) * Normal.Cdf(d) + stdDev * Normal.Pdf(d));
    }
}

public readonly record struct MarketQuote(double Forward, double NormalVol, double DiscountFactor);

public partial class EuropeanOption
{
    public required double Strike { get; init; }

    public required double Expiry { get; init; }

    public OptionKind Kind { get; init; } = OptionKind.Call;

    [Differentiable]
    public double Value(double spot, double rate, double volatility) =>
        BlackScholes.Price(Kind, spot, Strike, rate, volatility, Expiry);

    public override string ToString() => $"{Kind} K={Strike} T={Expiry}";
}

public sealed record Bond(double FaceValue, double CouponRate, int Years, int PaymentsPerYear = 2);

public static partial class FixedIncome
{
    [Differentiable]
    public static double Price(Bond bond, double yieldToMaturity)
    {
        int n = bond.Years * bond.PaymentsPerYear;
        double coupon = bond.FaceValue * bond.CouponRate / bond.PaymentsPerYear;
        double y = yieldToMaturity / bond.PaymentsPerYear;
        double price = 0;
        for (int i = 1; i <= n; i++)
        {
            price += coupon / Math.Pow(1 + y, i);
        }

        price += bond.FaceValue / Math.Pow(1 + y, n);
        return price;
    }

    [Differentiable]
    public static double YieldToMaturity(Bond bond, double cleanPrice)
    {
        double y = bond.CouponRate; // start at the coupon rate
        for (int i = 0; i < 50; i++)
        {
            const double h = 1e-6;
            double p = Price(bond, y);
            double slope = (Price(bond, y + h) - Price(bond, y - h)) / (2 * h);
            double step = (p - cleanPrice) / slope;
            y -= step;
            if (Math.Abs(step) < 1e-12)
            {
                break;
            }
        }

        return y;
    }
}

public static partial class Loans
{
    [Differentiable]
    public static double MonthlyPayment(double principal, double annualRate, int years)
    {
        if (annualRate == 0)
        {
            return principal / (years * 12);
        }

        double r = annualRate / 12;
        int n = years * 12;
        return principal * r / (1 - Math.Pow(1 + r, -n));
    }

    public readonly record struct ScheduleRow(int Month, double Interest, double PrincipalPaid, double Balance);

    [Differentiable]
    public static double TotalInterest(double principal, double annualRate, int years)
    {
        var schedule = new List<ScheduleRow>();
        double payment = MonthlyPayment(principal, annualRate, years);
        double balance = principal;
        for (int month = 1; month <= years * 12; month++)
        {
            double interest = balance * annualRate / 12;
            double principalPaid = payment - interest;
            balance -= principalPaid;
            schedule.Add(new ScheduleRow(month, interest, principalPaid, balance));
        }

        return schedule.Sum(row => row.Interest);
    }
}

public static partial class Portfolio
{
    [Differentiable]
    public static double Variance(double[] weights, double[,] covariance)
    {
        int n = weights.Length;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                variance += weights[i] * covariance[i, j] * weights[j];
            }
        }

        return variance;
    }

    [Differentiable]
    public static double SharpeRatio(IReadOnlyList<double> weights, IReadOnlyList<double> expectedReturns, double[,] covariance, double riskFreeRate)
    {
        double expected = weights.Zip(expectedReturns, (w, mu) => w * mu).Sum();
        double volatility = Math.Sqrt(Variance(weights.ToArray(), covariance));
        return (expected - riskFreeRate) / volatility;
    }
}

public sealed record CashFlow(double Time, double Amount);

public static partial class Valuation
{
    [Differentiable]
    public static double PresentValue(IEnumerable<CashFlow> cashFlows, double continuousRate) =>
        cashFlows.Sum(cf => cf.Amount * Math.Exp(-continuousRate * cf.Time));

    [Differentiable]
    public static double FutureValue(double presentValue, double rate, double years, Compounding compounding) => compounding switch
    {
        Compounding.Annual => presentValue * Math.Pow(1 + rate, years),
        Compounding.SemiAnnual => presentValue * Math.Pow(1 + rate / 2, 2 * years),
        Compounding.Monthly => presentValue * Math.Pow(1 + rate / 12, 12 * years),
        Compounding.Continuous => presentValue * Math.Exp(rate * years),
        _ => throw new ArgumentOutOfRangeException(nameof(compounding)),
    };
}

public static partial class Curves
{
    /// <summary>Discount factor from a zero curve, linear in the zero rate between tenors, flat outside.</summary>
    [Differentiable]
    public static double DiscountFactor(double t, ReadOnlySpan<double> tenors, ReadOnlySpan<double> zeroRates)
    {
        if (t <= tenors[0])
        {
            return Math.Exp(-zeroRates[0] * t);
        }

        if (t >= tenors[^1])
        {
            return Math.Exp(-zeroRates[^1] * t);
        }

        int i = 0;
        while (tenors[i + 1] < t)
        {
            i++;
        }

        double w = (t - tenors[i]) / (tenors[i + 1] - tenors[i]);
        double r = (1 - w) * zeroRates[i] + w * zeroRates[i + 1];
        return Math.Exp(-r * t);
    }

    [Differentiable]
    public static double ParSwapRate(ReadOnlySpan<double> tenors, ReadOnlySpan<double> zeroRates, double maturity, int paymentsPerYear)
    {
        double annuity = 0;
        double tau = 1.0 / paymentsPerYear;
        for (int i = 1; i <= (int)Math.Round(maturity * paymentsPerYear); i++)
        {
            annuity += tau * DiscountFactor(i * tau, tenors, zeroRates);
        }

        return (1 - DiscountFactor(maturity, tenors, zeroRates)) / annuity;
    }
}

public static partial class MonteCarlo
{
    [Differentiable]
    public static double EuropeanCall(double spot, double strike, double rate, double volatility, double expiry, int paths, int seed = 42)
    {
        var rng = new Random(seed);
        double drift = (rate - 0.5 * volatility * volatility) * expiry;
        double diffusion = volatility * Math.Sqrt(expiry);
        double sum = 0;
        for (int i = 0; i < paths; i++)
        {
            double z = NextGaussian(rng);
            double terminal = spot * Math.Exp(drift + diffusion * z);
            sum += Math.Max(terminal - strike, 0.0);
        }

        return Math.Exp(-rate * expiry) * sum / paths;
    }

    private static double NextGaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

public static partial class Credit
{
    [Differentiable]
    public static double CdsParSpread(double hazardRate, double recovery, double riskFreeRate, double maturity, int paymentsPerYear = 4)
    {
        double dt = 1.0 / paymentsPerYear;
        double premiumLeg = 0, protectionLeg = 0;
        double previousSurvival = 1.0;
        for (double t = dt; t <= maturity + 1e-9; t += dt)
        {
            double survival = Math.Exp(-hazardRate * t);
            double discount = Math.Exp(-riskFreeRate * t);
            premiumLeg += dt * survival * discount;
            protectionLeg += (1 - recovery) * (previousSurvival - survival) * discount;
            previousSurvival = survival;
        }

        return protectionLeg / premiumLeg;
    }
}
