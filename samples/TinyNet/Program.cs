using System;
using System.Globalization;
using Dual.Samples.TinyNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var clock = System.Diagnostics.Stopwatch.StartNew();
TrainingResult r = TinyNetExample.Train();
clock.Stop();

Console.WriteLine($"two-layer ReLU net: {TinyNetExample.Features}+1 inputs -> {TinyNetExample.Hidden} hidden -> 1 output, {r.Parameters.Length} parameters, {TinyNetExample.Samples} samples");
Console.WriteLine($"gradient descent, {r.Steps} steps, learning rate {r.LearningRate}; each gradient = {(r.Parameters.Length + r.ChunkSize - 1) / r.ChunkSize} forward passes of {r.ChunkSize} tangents");
Console.WriteLine();
Console.WriteLine($"{"step",6} | {"loss",12}");
foreach ((int step, double loss) in r.LossCurve)
{
    Console.WriteLine($"{step,6} | {loss,12:F6}");
}
Console.WriteLine();
Console.WriteLine($"loss {r.InitialLoss:F4} -> {r.FinalLoss:F4} ({100 * r.FinalLoss / r.InitialLoss:F2}% of the initial loss) in {clock.Elapsed.TotalSeconds:F2} s");
string path = TinyNetExample.WritePlot(r, args.Length > 0 ? args[0] : "loss.svg");
Console.WriteLine($"plot written to {path}");
