using System;
using System.Globalization;
using Dual.Samples.LeastSquares;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
LeastSquaresResult result = LeastSquaresExample.Run();

DecayFit d = result.Decay;
Console.WriteLine($"Nonlinear: y = a*exp(-b*t) + c, {LeastSquaresExample.Points} points on t in [0, 4], noise sigma = {d.Noise}");
Console.WriteLine($"MathNet's Levenberg-Marquardt from (a, b, c) = ({d.Start[0]}, {d.Start[1]}, {d.Start[2]})");
Console.WriteLine($"  {"Jacobian",-28} {"iterations",10} {"model runs",11} {"residual norm",14} {"|J^T r|",10}  exit");
foreach (var (name, run) in new[] { ("exact (Dual, forward mode)", d.Exact), ("MathNet central differences", d.FiniteDifference) })
{
    Console.WriteLine($"  {name,-28} {run.Iterations,10} {run.ModelRuns,11} {run.ResidualNorm,14:F6} {run.GradientNorm,10:0.0e+00}  {run.Exit}");
}
Console.WriteLine($"  residual norm {d.Exact.InitialResidualNorm:F6} -> {d.Exact.ResidualNorm:F6} (expected about sigma*sqrt(m - 3) = {d.Noise * Math.Sqrt(LeastSquaresExample.Points - 3):F6})");
Console.WriteLine($"  {"param",5} {"true",10} {"fitted",12} {"std. error",12}");
string[] names = ["a", "b", "c"];
for (int i = 0; i < 3; i++)
{
    Console.WriteLine($"  {names[i],5} {d.True[i],10:F4} {d.Exact.Parameters[i],12:F6} {d.Exact.StandardErrors![i],12:F6}");
}

LinearFit l = result.Linear;
Console.WriteLine();
Console.WriteLine("Linear: y = t0 + t1*t + t2*t^2, same t, fresh noise");
Console.WriteLine($"  Levenberg-Marquardt: {l.Fit.Iterations} iterations, residual norm {l.Fit.ResidualNorm:F6}");
Console.WriteLine($"  {"param",5} {"true",10} {"LM (exact J)",20} {"normal equations",20}");
for (int i = 0; i < 3; i++)
{
    Console.WriteLine($"  {"t" + i,5} {l.True[i],10:F4} {l.Fit.Parameters[i],20:F15} {l.NormalEquations[i],20:F15}");
}
Console.WriteLine($"  max |theta_LM - theta_normal| = {l.MaxDifference:0.00e+00}");
Console.WriteLine($"  max |J_AD - X|                = {l.JacobianMinusDesign:0.00e+00}  (the AD Jacobian of a linear model is its design matrix)");
