using System;
using System.Globalization;
using System.Linq;
using Dual.Samples.Constrained;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
ConstrainedResult r = ConstrainedExample.Run();

static string Vec(double[] v) => "(" + string.Join(", ", v.Select(x => x.ToString("F12", CultureInfo.InvariantCulture))) + ")";
static string History(NewtonResult n) => string.Join(" -> ", n.GradientNormHistory.Select(g => g.ToString("0.0e+00", CultureInfo.InvariantCulture)));

Console.WriteLine("minimise 1/2 |x|^2 subject to A x = y   (A is 3x5)");
Console.WriteLine("Newton's method on grad L(x, lambda) = 0, Hessian of L from nested duals Dual<Dual<double>>");
Console.WriteLine($"  Newton steps:        {r.LeastNorm.Iterations}   (|grad L|: {History(r.LeastNorm)})");
Console.WriteLine($"  x (Newton)         = {Vec(r.LeastNorm.X)}");
Console.WriteLine($"  x = A^T(AA^T)^-1 y = {Vec(r.ClosedForm)}");
Console.WriteLine($"  max difference     = {r.MaxDifference:0.00e+00}");
Console.WriteLine($"  |A x - y|          = {r.LeastNorm.ConstraintResidual:0.00e+00}");
Console.WriteLine($"  lambda             = {Vec(r.LeastNorm.Lambda)}");
Console.WriteLine();
Console.WriteLine("minimise log(sum exp(x_i)) + 1/2 |x|^2 subject to A x = y   (same A, y)");
Console.WriteLine($"  Newton steps:        {r.LogSumExp.Iterations}   (|grad L|: {History(r.LogSumExp)})");
Console.WriteLine($"  x                  = {Vec(r.LogSumExp.X)}");
Console.WriteLine($"  |A x - y|          = {r.LogSumExp.ConstraintResidual:0.00e+00}");
Console.WriteLine($"  lambda             = {Vec(r.LogSumExp.Lambda)}");
