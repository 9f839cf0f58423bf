using System;
using System.Globalization;
using Dual.Samples.Optimization;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine("Logistic regression of O-ring distress on launch temperature, 23 shuttle flights before Challenger");
Console.WriteLine("(Dalal, Fowlkes & Hoadley, JASA 1989); minimising the negative log-likelihood with MathNet.Numerics from (0, 0).");
Console.WriteLine();
Console.WriteLine($"{"method",-34} {"iterations",10} {"f runs",7} {"loss",12} {"true |grad f|",14} {"b0",10} {"b1",10} {"P(31 F)",8}");
foreach (OptimizationRun run in OptimizationExample.Run())
{
    if (!run.Finished)
    {
        Console.WriteLine($"{run.Method,-34} gave up after {run.FunctionRuns} runs: {run.Outcome}");
        continue;
    }
    Console.WriteLine($"{run.Method,-34} {run.Iterations,10} {run.FunctionRuns,7} {run.Loss,12:F8} {run.TrueGradientNorm,14:0.0e+00} {run.Beta[0],10:F5} {run.Beta[1],10:F6} {run.ProbabilityOnLaunchDay,8:F5}");
}
Console.WriteLine();
Console.WriteLine("f runs: runs of the loss; a gradient from Dual is one dual-number pass, one from forward differences n + 1 = 3 plain ones.");
Console.WriteLine("true |grad f|: the exact gradient at the point each run returned.");
