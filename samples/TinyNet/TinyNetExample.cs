using System;
using System.Collections.Generic;
using System.Numerics;

namespace Dual.Samples.TinyNet;

/// <summary>
/// L(θ) = ‖ŷ − y‖² for the network z₁ = XW₁, h₁ = ReLU(z₁), ŷ = h₁W₂, with θ = (W₁ row-major, W₂). X carries a
/// constant-1 column so W₁'s last row acts as the hidden bias. Written once on generic math: evaluated at
/// double for the loss and at <c>Dual&lt;double, TangentsK&lt;double&gt;&gt;</c> for chunked gradients.
/// </summary>
/// <param name="X">The inputs, N×D row-major (last column all ones).</param>
/// <param name="Y">The targets (length N).</param>
/// <param name="Inputs">D.</param>
/// <param name="Hidden">The hidden width H.</param>
public readonly record struct TinyNetLoss(double[] X, double[] Y, int Inputs, int Hidden) : IScalarFunction
{
    /// <summary>The number of parameters D·H + H.</summary>
    public int ParameterCount => Inputs * Hidden + Hidden;

    /// <inheritdoc/>
    public TNum Evaluate<TNum>(ReadOnlySpan<TNum> theta) where TNum : IFloatingPointIeee754<TNum>
    {
        ReadOnlySpan<TNum> w1 = theta[..(Inputs * Hidden)], w2 = theta[(Inputs * Hidden)..];
        TNum loss = TNum.Zero;
        for (int n = 0; n < Y.Length; n++)
        {
            TNum prediction = TNum.Zero;
            for (int k = 0; k < Hidden; k++)
            {
                TNum z = TNum.Zero;
                for (int j = 0; j < Inputs; j++)
                {
                    z += TNum.CreateChecked(X[n * Inputs + j]) * w1[j * Hidden + k];
                }
                // ReLU on generic math; derivative 1 for z > 0 and 0 otherwise, as Dual<T>.Relu has it.
                TNum h = z > TNum.Zero ? z : TNum.Zero;
                prediction += h * w2[k];
            }
            TNum error = prediction - TNum.CreateChecked(Y[n]);
            loss += error * error;
        }
        return loss;
    }
}

/// <summary>A training run.</summary>
/// <param name="Loss">The loss function (data included).</param>
/// <param name="InitialParameters">θ₀.</param>
/// <param name="Parameters">θ after training.</param>
/// <param name="Steps">Gradient-descent steps.</param>
/// <param name="LearningRate">The step size.</param>
/// <param name="ChunkSize">Tangents per forward pass (the default for this parameter count).</param>
/// <param name="LossCurve">(step, loss) every <c>reportEvery</c> steps, first and last included.</param>
public sealed record TrainingResult(TinyNetLoss Loss, double[] InitialParameters, double[] Parameters, int Steps, double LearningRate, int ChunkSize, IReadOnlyList<(int Step, double Loss)> LossCurve)
{
    /// <summary>The loss before training.</summary>
    public double InitialLoss => LossCurve[0].Loss;

    /// <summary>The loss after training.</summary>
    public double FinalLoss => LossCurve[^1].Loss;
}

/// <summary>Trains a two-layer ReLU network by gradient descent on chunked forward-mode gradients.</summary>
public static class TinyNetExample
{
    /// <summary>Samples in the data set.</summary>
    public const int Samples = 64;

    /// <summary>Input features, plus one constant column.</summary>
    public const int Features = 2;

    /// <summary>Hidden units.</summary>
    public const int Hidden = 12;

    /// <summary>The target function y = sin(πx₀)/2 + x₀x₁ on [−1, 1]².</summary>
    public static double Target(double x0, double x1) => 0.5 * Math.Sin(Math.PI * x0) + x0 * x1;

    /// <summary>The synthetic data set and a He-initialised θ₀, from a fixed seed.</summary>
    public static (TinyNetLoss Loss, double[] Theta) Setup(int seed = 7)
    {
        var random = new Random(seed);
        int d = Features + 1;
        var x = new double[Samples * d];
        var y = new double[Samples];
        for (int n = 0; n < Samples; n++)
        {
            double x0 = 2 * random.NextDouble() - 1, x1 = 2 * random.NextDouble() - 1;
            x[n * d] = x0;
            x[n * d + 1] = x1;
            x[n * d + 2] = 1;
            y[n] = Target(x0, x1) + 0.01 * Gaussian(random);
        }
        var loss = new TinyNetLoss(x, y, d, Hidden);
        var theta = new double[loss.ParameterCount];
        for (int i = 0; i < d * Hidden; i++) { theta[i] = Math.Sqrt(2.0 / d) * Gaussian(random); }
        for (int i = d * Hidden; i < theta.Length; i++) { theta[i] = Math.Sqrt(1.0 / Hidden) * Gaussian(random); }
        return (loss, theta);
    }

    /// <summary>Trains for <paramref name="steps"/> steps of θ ← θ − η∇L(θ).</summary>
    /// <param name="steps">The step count.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="reportEvery">How often to record the loss.</param>
    /// <param name="seed">The data and initialisation seed.</param>
    public static TrainingResult Train(int steps = 400, double learningRate = 0.003, int reportEvery = 25, int seed = 7)
    {
        (TinyNetLoss loss, double[] theta0) = Setup(seed);
        double[] theta = (double[])theta0.Clone();
        var gradient = new double[theta.Length];
        var curve = new List<(int, double)>();
        for (int step = 0; step < steps; step++)
        {
            // One call: ⌈P/8⌉ forward passes of Dual<double, Tangents8<double>> (chunk size 0 = the default).
            double value = AutoDiff.Gradient(loss, theta, gradient);
            if (step % reportEvery == 0) { curve.Add((step, value)); }
            for (int i = 0; i < theta.Length; i++) { theta[i] -= learningRate * gradient[i]; }
        }
        curve.Add((steps, loss.Evaluate<double>(theta)));
        return new TrainingResult(loss, theta0, theta, steps, learningRate, AutoDiff.DefaultChunkSize(theta.Length), curve);
    }

    /// <summary>The loss curve as SVG (log-scale loss against step).</summary>
    public static string Plot(TrainingResult result)
    {
        var steps = new List<double>();
        var losses = new List<double>();
        foreach ((int step, double loss) in result.LossCurve)
        {
            steps.Add(step);
            losses.Add(loss);
        }
        return SvgPlot.Render(
            $"TinyNet: training loss (gradient descent, η = {result.LearningRate}, chunked forward-mode gradients)",
            "step",
            "loss ‖ŷ − y‖²",
            [new PlotSeries("training loss", "#1f77b4", steps, losses)],
            [],
            logX: false,
            logY: true);
    }

    /// <summary>Writes <see cref="Plot"/> to <paramref name="path"/>; returns the full path.</summary>
    public static string WritePlot(TrainingResult result, string path) => SvgPlot.Write(path, Plot(result));

    /// <summary>A standard normal draw (Box–Muller) from <paramref name="random"/>: the data and initial weights.</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
