// Realistic corpus: business and utility code using everyday C# (switch expressions on enums, logging with
// string interpolation, static tables, default/named/params arguments, records and `with`, properties,
// try/catch/finally, using, lock, extension methods, nullable values, generics, dictionaries, delegates,
// stackalloc), with [Differentiable] where someone wants a marginal rate or a sensitivity.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using Dual;

namespace Contoso.Everyday;

public enum ShippingZone { Domestic, Continental, International }

public static partial class Pricing
{
    private static readonly Action<string> Log = message => Debug.WriteLine(message);

    [Differentiable]
    public static double ShippingCost(double weightKg, double distanceKm, ShippingZone zone)
    {
        double baseRate = zone switch
        {
            ShippingZone.Domestic => 4.99,
            ShippingZone.Continental => 9.99,
            ShippingZone.International => 24.99,
            _ => throw new ArgumentOutOfRangeException(nameof(zone)),
        };
        double cost = baseRate + 0.85 * weightKg + 0.002 * distanceKm * Math.Sqrt(weightKg);
        Log($"Shipping {weightKg:F2} kg over {distanceKm:F0} km ({zone}): {cost:F2}");
        return cost;
    }

    private static readonly (double Threshold, double Rate)[] Brackets =
    {
        (0, 0.10), (11_000, 0.12), (44_725, 0.22), (95_375, 0.24), (182_100, 0.32),
    };

    /// <summary>Progressive income tax; its derivative is the marginal rate.</summary>
    [Differentiable]
    public static double IncomeTax(double income)
    {
        double tax = 0;
        for (int i = 0; i < Brackets.Length; i++)
        {
            double upper = i + 1 < Brackets.Length ? Brackets[i + 1].Threshold : double.PositiveInfinity;
            if (income <= Brackets[i].Threshold)
            {
                break;
            }

            tax += (Math.Min(income, upper) - Brackets[i].Threshold) * Brackets[i].Rate;
        }

        return tax;
    }

    [Differentiable]
    public static double Discounted(double amount, double annualRate = 0.05, int years = 1, bool continuous = false) =>
        continuous ? amount * Math.Exp(-annualRate * years) : amount / Math.Pow(1 + annualRate, years);
}

public static partial class Polynomials
{
    /// <summary>Horner's rule; coefficients in increasing degree.</summary>
    [Differentiable]
    public static double Evaluate(double x, params double[] coefficients)
    {
        double result = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            result = result * x + coefficients[i];
        }

        return result;
    }
}

public static partial class Algebra
{
    [Differentiable]
    public static (double Root1, double Root2) QuadraticRoots(double a, double b, double c)
    {
        double disc = b * b - 4 * a * c;
        if (disc < 0)
        {
            throw new ArgumentException($"No real roots: discriminant {disc}");
        }

        double sqrt = Math.Sqrt(disc);
        double q = -0.5 * (b + Math.CopySign(sqrt, b)); // numerically stable form
        return (q / a, c / q);
    }
}

public sealed record SavingsAccount(string Owner, double Balance, double AnnualRate);

public static partial class Banking
{
    [Differentiable]
    public static SavingsAccount AccrueMonths(SavingsAccount account, int months)
    {
        var current = account;
        for (int m = 0; m < months; m++)
        {
            current = current with { Balance = current.Balance * (1 + current.AnnualRate / 12) };
        }

        return current;
    }
}

public partial class PidController
{
    private double _integral;
    private double _previousError;

    public double Kp { get; init; } = 1.2;

    public double Ki { get; init; } = 0.4;

    public double Kd { get; init; } = 0.05;

    [Differentiable]
    public double Update(double setpoint, double measured, double dt)
    {
        double error = setpoint - measured;
        _integral += error * dt;
        double derivative = (error - _previousError) / dt;
        _previousError = error;
        return Kp * error + Ki * _integral + Kd * derivative;
    }
}

public sealed class TimingScope : IDisposable
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly string _name;

    public TimingScope(string name) => _name = name;

    public void Note(string message) => Debug.WriteLine($"[{_name}] {message}");

    public void Dispose() => Debug.WriteLine($"[{_name}] {_watch.Elapsed.TotalMilliseconds:F3} ms");
}

public static partial class Sensors
{
    private static readonly object Gate = new();
    private static int s_readings;

    /// <summary>NTC thermistor in a divider (beta model), with a linear calibration.</summary>
    [Differentiable]
    public static double CalibratedTemperature(double rawVoltage, double gain, double offset)
    {
        lock (Gate)
        {
            s_readings++;
        }

        try
        {
            if (rawVoltage <= 0 || rawVoltage >= 3.3)
            {
                throw new ArgumentOutOfRangeException(nameof(rawVoltage));
            }

            double resistance = 10_000 * rawVoltage / (3.3 - rawVoltage);
            double kelvin = 1 / (1 / 298.15 + Math.Log(resistance / 10_000) / 3950);
            return gain * (kelvin - 273.15) + offset;
        }
        catch (ArgumentOutOfRangeException)
        {
            return double.NaN;
        }
    }

    [Differentiable]
    public static double SmoothedReading(double[] samples, double smoothing)
    {
        using var scope = new TimingScope(nameof(SmoothedReading));
        double value = samples[0];
        try
        {
            for (int i = 1; i < samples.Length; i++)
            {
                value += smoothing * (samples[i] - value);
            }
        }
        finally
        {
            scope.Note($"processed {samples.Length} samples");
        }

        return value;
    }
}

public static class DoubleExtensions
{
    public static double Squared(this double x) => x * x;

    public static double Clamp01(this double x) => Math.Clamp(x, 0.0, 1.0);
}

public static partial class Easing
{
    [Differentiable]
    public static double SmoothStep(double edge0, double edge1, double x)
    {
        double t = ((x - edge0) / (edge1 - edge0)).Clamp01();
        return t.Squared() * (3 - 2 * t);
    }

    [Differentiable]
    public static double ApplyCap(double value, double? cap = null) => cap is { } c ? Math.Min(value, c) : value;
}

public static partial class GenericGeometry
{
    [Differentiable]
    public static T Hypotenuse<T>(T a, T b) where T : IFloatingPoint<T>, IRootFunctions<T> => T.Sqrt(a * a + b * b);
}

public static partial class Scoring
{
    [Differentiable]
    public static double LinearScore(IReadOnlyDictionary<string, double> features, IReadOnlyDictionary<string, double> weights)
    {
        double score = 0;
        foreach (var (name, value) in features)
        {
            if (weights.TryGetValue(name, out double w))
            {
                score += w * value;
            }
        }

        return score;
    }
}

public static partial class Integration
{
    private static readonly double[] Nodes = { -0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831, 0.9061798459386640 };
    private static readonly double[] Weights = { 0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891 };

    public static double GaussLegendre(Func<double, double> f, double a, double b)
    {
        double half = (b - a) / 2, mid = (a + b) / 2, sum = 0;
        for (int i = 0; i < Nodes.Length; i++)
        {
            sum += Weights[i] * f(mid + half * Nodes[i]);
        }

        return half * sum;
    }

    [Differentiable]
    public static double ExpectedDiscountedPayoff(double rate, double horizon) =>
        GaussLegendre(t => Math.Exp(-rate * t) * (1 + 0.1 * t), 0, horizon);
}

public static class Units
{
    public const double MetersPerFoot = 0.3048;
    public const double KilogramsPerPound = 0.45359237;
}

public static partial class Health
{
    [Differentiable]
    public static double BodyMassIndex(double weightLb, double heightFt) =>
        weightLb * Units.KilogramsPerPound / Math.Pow(heightFt * Units.MetersPerFoot, 2);

    /// <summary>NWS heat index (Rothfusz regression, with the simple formula below 80 °F).</summary>
    [Differentiable]
    public static double HeatIndex(double temperatureF, double relativeHumidity)
    {
        double t = temperatureF, rh = relativeHumidity;
        double simple = 0.5 * (t + 61.0 + (t - 68.0) * 1.2 + rh * 0.094);
        if ((simple + t) / 2 < 80)
        {
            return simple;
        }

        return -42.379 + 2.04901523 * t + 10.14333127 * rh - 0.22475541 * t * rh
            - 6.83783e-3 * t * t - 5.481717e-2 * rh * rh + 1.22874e-3 * t * t * rh
            + 8.5282e-4 * t * rh * rh - 1.99e-6 * t * t * rh * rh;
    }
}

public static partial class SignalProcessing
{
    [Differentiable]
    public static double SmoothedEnergy(ReadOnlySpan<double> signal, int window = 3)
    {
        Span<double> buffer = signal.Length <= 128 ? stackalloc double[signal.Length] : new double[signal.Length];
        for (int i = 0; i < signal.Length; i++)
        {
            int from = Math.Max(0, i - window + 1);
            double sum = 0;
            for (int j = from; j <= i; j++)
            {
                sum += signal[j];
            }

            buffer[i] = sum / (i - from + 1);
        }

        double energy = 0;
        foreach (double v in buffer)
        {
            energy += v * v;
        }

        return energy;
    }
}
