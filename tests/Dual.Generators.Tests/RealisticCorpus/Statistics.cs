// Realistic corpus: descriptive statistics and likelihoods, with [Differentiable] where an estimator's
// sensitivity to the data, or a likelihood's gradient in its parameters, is wanted.
using System;
using System.Collections.Generic;
using System.Linq;
using Dual;

namespace Contoso.Statistics;

public static partial class Descriptive
{
    [Differentiable]
    public static double Variance(IReadOnlyList<double> sample)
    {
        if (sample.Count < 2)
        {
            throw new ArgumentException("Need at least two observations.", nameof(sample));
        }

        double mean = sample.Average();
        return sample.Sum(x => (x - mean) * (x - mean)) / (sample.Count - 1);
    }

    [Differentiable]
    public static double StandardDeviation(IReadOnlyList<double> sample) => Math.Sqrt(Variance(sample));

    [Differentiable]
    public static double Covariance(double[] x, double[] y)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= x.Length;
        my /= y.Length;
        double c = 0;
        for (int i = 0; i < x.Length; i++)
        {
            c += (x[i] - mx) * (y[i] - my);
        }

        return c / (x.Length - 1);
    }

    [Differentiable]
    public static double Correlation(double[] x, double[] y) => Covariance(x, y) / (StandardDeviation(x) * StandardDeviation(y));

    [Differentiable]
    public static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid];
    }

    [Differentiable]
    public static double WeightedMean((double Value, double Weight)[] samples)
    {
        double num = 0, den = 0;
        foreach (var (value, weight) in samples)
        {
            num += value * weight;
            den += weight;
        }

        return num / den;
    }

    [Differentiable]
    public static double OnlineVariance(ReadOnlySpan<double> data)
    {
        var stats = new RunningStatistics();
        foreach (double x in data)
        {
            stats.Push(x);
        }

        return stats.Variance;
    }
}

/// <summary>Welford's online mean and variance.</summary>
public struct RunningStatistics
{
    private int _count;
    private double _mean;
    private double _m2;

    public void Push(double x)
    {
        _count++;
        double delta = x - _mean;
        _mean += delta / _count;
        _m2 += delta * (x - _mean);
    }

    public readonly double Mean => _mean;

    public readonly double Variance => _count > 1 ? _m2 / (_count - 1) : 0.0;
}

public static partial class Likelihood
{
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    [Differentiable]
    public static double NormalLogLikelihood(double[] data, double mu, double sigma)
    {
        double ll = 0;
        foreach (double x in data)
        {
            double z = (x - mu) / sigma;
            ll += -LogSqrt2Pi - Math.Log(sigma) - 0.5 * z * z;
        }

        return ll;
    }

    [Differentiable]
    public static double PoissonLogLikelihood(int[] counts, double lambda)
    {
        double ll = 0;
        foreach (int k in counts)
        {
            double logFactorial = 0;
            for (int i = 2; i <= k; i++)
            {
                logFactorial += Math.Log(i);
            }

            ll += k * Math.Log(lambda) - lambda - logFactorial;
        }

        return ll;
    }

    [Differentiable]
    public static double GaussianMixtureLogLikelihood(double[] data, double weight, double mu1, double sigma1, double mu2, double sigma2)
    {
        double ll = 0;
        foreach (var x in data)
        {
            double p1 = weight * NormalPdf(x, mu1, sigma1);
            double p2 = (1 - weight) * NormalPdf(x, mu2, sigma2);
            ll += Math.Log(p1 + p2);
        }

        return ll;

        static double NormalPdf(double x, double mu, double sigma)
        {
            double z = (x - mu) / sigma;
            return Math.Exp(-0.5 * z * z) / (sigma * Math.Sqrt(2 * Math.PI));
        }
    }
}

public static partial class Regression
{
    [Differentiable]
    public static (double Slope, double Intercept) OrdinaryLeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        double meanX = points.Average(p => p.X);
        double meanY = points.Average(p => p.Y);
        double sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        double sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        double slope = sxy / sxx;
        return (slope, meanY - slope * meanX);
    }
}

public static partial class TimeSeries
{
    [Differentiable]
    public static double ExponentialMovingAverage(List<double> prices, double alpha)
    {
        double ema = prices[0];
        for (int i = 1; i < prices.Count; i++)
        {
            ema = alpha * prices[i] + (1 - alpha) * ema;
        }

        return ema;
    }
}
