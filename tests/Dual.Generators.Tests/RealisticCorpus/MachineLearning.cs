// Realistic corpus: small machine-learning building blocks (losses, activations, layers, models), with
// [Differentiable] on what training or saliency needs gradients of.
using System;
using System.Collections.Generic;
using System.Linq;
using Dual;

namespace Contoso.ML;

public enum Activation { Linear, ReLU, Tanh, Sigmoid }

public static class MathUtil
{
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}

public static partial class Losses
{
    [Differentiable]
    public static double MeanSquaredError(double[] predictions, double[] targets)
    {
        if (predictions.Length != targets.Length)
        {
            throw new ArgumentException("Length mismatch", nameof(targets));
        }

        return predictions.Zip(targets, (p, t) => (p - t) * (p - t)).Average();
    }

    [Differentiable]
    public static double BinaryCrossEntropy(double[] probabilities, int[] labels)
    {
        const double eps = 1e-12;
        double loss = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = Math.Clamp(probabilities[i], eps, 1 - eps);
            loss -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }

        return loss / probabilities.Length;
    }

    [Differentiable]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> logits, int target)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits)
        {
            max = Math.Max(max, z);
        }

        double sum = 0;
        foreach (double z in logits)
        {
            sum += Math.Exp(z - max);
        }

        return -(logits[target] - max - Math.Log(sum));
    }

    [Differentiable]
    public static double Huber(double residual, double delta = 1.0) => Math.Abs(residual) switch
    {
        var a when a <= delta => 0.5 * a * a,
        var a => delta * (a - 0.5 * delta),
    };

    [Differentiable]
    public static double KlDivergenceNormal(double mu1, double sigma1, double mu2, double sigma2) =>
        Math.Log(sigma2 / sigma1) + (sigma1 * sigma1 + (mu1 - mu2) * (mu1 - mu2)) / (2 * sigma2 * sigma2) - 0.5;
}

public interface ILoss
{
    double Evaluate(double prediction, double target);
}

public sealed class SquaredLoss : ILoss
{
    public double Evaluate(double prediction, double target) => (prediction - target) * (prediction - target);
}

public static partial class Risk
{
    [Differentiable]
    public static double Empirical(ILoss loss, double[] predictions, double[] targets)
    {
        double total = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            total += loss.Evaluate(predictions[i], targets[i]);
        }

        return total / predictions.Length;
    }
}

public static partial class Activations
{
    [Differentiable]
    public static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        double[] exps = logits.Select(z => Math.Exp(z - max)).ToArray();
        double sum = exps.Sum();
        return exps.Select(e => e / sum).ToArray();
    }

    [Differentiable]
    public static double Gelu(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    [Differentiable]
    public static double Softplus(double x) => x > 20 ? x : Math.Log(1 + Math.Exp(x));

    [Differentiable]
    public static double Apply(Activation activation, double x) => activation switch
    {
        Activation.Linear => x,
        Activation.ReLU => Math.Max(0, x),
        Activation.Tanh => Math.Tanh(x),
        Activation.Sigmoid => MathUtil.Sigmoid(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation"),
    };
}

public static partial class Layers
{
    [Differentiable]
    public static double[] Dense(double[] input, double[,] weights, double[] bias, Activation activation)
    {
        int outputs = bias.Length;
        var output = new double[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double z = bias[o];
            for (int i = 0; i < input.Length; i++)
            {
                z += weights[o, i] * input[i];
            }

            output[o] = Activations.Apply(activation, z);
        }

        return output;
    }

    [Differentiable]
    public static double[] BatchNormalize(double[] x, double gamma = 1.0, double beta = 0.0, double epsilon = 1e-5)
    {
        double mean = x.Average();
        double variance = x.Select(v => (v - mean) * (v - mean)).Average();
        double inv = 1.0 / Math.Sqrt(variance + epsilon);
        return x.Select(v => gamma * (v - mean) * inv + beta).ToArray();
    }
}

/// <summary>A 2-4-1 network with a tanh hidden layer, parameters in one flat vector.</summary>
public static partial class TinyMlp
{
    public const int Hidden = 4;
    public const int ParameterCount = Hidden * 3 + Hidden + 1;

    [Differentiable]
    public static double Loss(ReadOnlySpan<double> parameters, double[][] inputs, double[] targets)
    {
        double total = 0;
        for (int n = 0; n < inputs.Length; n++)
        {
            double[] x = inputs[n];
            double output = parameters[Hidden * 3 + Hidden]; // output bias
            for (int h = 0; h < Hidden; h++)
            {
                double z = parameters[h * 3] * x[0] + parameters[h * 3 + 1] * x[1] + parameters[h * 3 + 2];
                output += parameters[Hidden * 3 + h] * Math.Tanh(z);
            }

            double err = output - targets[n];
            total += err * err;
        }

        return total / inputs.Length;
    }
}

public static partial class LogisticRegression
{
    [Differentiable]
    public static double NegativeLogLikelihood(double[] weights, double bias, double[][] features, int[] labels, double l2 = 0.0)
    {
        double nll = 0;
        for (int i = 0; i < features.Length; i++)
        {
            double z = bias;
            for (int j = 0; j < weights.Length; j++)
            {
                z += weights[j] * features[i][j];
            }

            double p = MathUtil.Sigmoid(z);
            nll -= labels[i] * Math.Log(p) + (1 - labels[i]) * Math.Log(1 - p);
        }

        nll /= features.Length;
        nll += 0.5 * l2 * weights.Sum(w => w * w);
        return nll;
    }
}

public static partial class Regularization
{
    [Differentiable]
    public static double L2(IReadOnlyList<double> weights, double lambda) => 0.5 * lambda * weights.Sum(w => w * w);

    [Differentiable]
    public static double ElasticNet(double[] weights, double lambda, double alpha)
    {
        double l1 = 0, l2 = 0;
        foreach (var w in weights)
        {
            l1 += Math.Abs(w);
            l2 += w * w;
        }

        return lambda * (alpha * l1 + (1 - alpha) / 2 * l2);
    }
}

public static partial class Training
{
    /// <summary>Batch gradient descent for y = m x + b; used to study the influence of each observation on the fit.</summary>
    [Differentiable]
    public static (double Slope, double Intercept) FitLine(double[] xs, double[] ys, double learningRate = 0.01, int epochs = 500)
    {
        double m = 0, b = 0;
        int n = xs.Length;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double gradM = 0, gradB = 0;
            for (int i = 0; i < n; i++)
            {
                double error = m * xs[i] + b - ys[i];
                gradM += 2 * error * xs[i] / n;
                gradB += 2 * error / n;
            }

            m -= learningRate * gradM;
            b -= learningRate * gradB;
        }

        return (m, b);
    }
}

public static partial class Similarity
{
    [Differentiable]
    public static double Cosine(double[] a, double[] b)
    {
        double dot = a.Zip(b).Sum(pair => pair.First * pair.Second);
        double na = Math.Sqrt(a.Sum(v => v * v));
        double nb = Math.Sqrt(b.Sum(v => v * v));
        return dot / (na * nb);
    }

    [Differentiable]
    public static double RbfKernel(double[] a, double[] b, double lengthScale)
    {
        double sq = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sq += d * d;
        }

        return Math.Exp(-sq / (2 * lengthScale * lengthScale));
    }

    [Differentiable]
    public static double LogSumExp(IEnumerable<double> values)
    {
        double max = values.Max();
        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        return max + Math.Log(values.Sum(v => Math.Exp(v - max)));
    }
}
