using System;
using System.Globalization;
using System.Linq;
using Dual;
using Dual.Samples.SparseJacobians;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int grid = args.Length > 0 && int.TryParse(args[0], out int g) ? g : 32;
BrusselatorResult r = BrusselatorExample.Run(grid);

Console.WriteLine($"2-D Brusselator, {r.GridSize}x{r.GridSize} grid, periodic: n = {r.StateLength} unknowns, {r.NonZeros} Jacobian non-zeros ({(double)r.NonZeros / r.StateLength:F0} per row)");
Console.WriteLine($"  sparsity detection: {r.DetectionMilliseconds,8:F2} ms (one traced evaluation; best of 3)");
Console.WriteLine($"  column colouring:   {r.ColoringMilliseconds,8:F2} ms (four orderings, fewest kept; best of 3)");
Console.WriteLine("  colours by ordering: " + string.Join(", ", r.ColorsByOrder.Select(p => $"{p.Key} {p.Value}")));
Console.WriteLine($"  used: {r.ColorCount} colours -> {r.PassesPerJacobian} pass(es) of {r.ChunkSize} tangents per Jacobian (dense: {r.DensePassesPerJacobian} passes of 16)");
Console.WriteLine();
Console.WriteLine($"  {"time per Jacobian",-36} {"us",12} {"vs sparse",10}");
Console.WriteLine($"  {"sparse AD (prepared, 0 B)",-36} {r.SparseMicroseconds,12:F1} {1.0,10:F1}x");
Console.WriteLine($"  {"dense chunked AD (AutoDiff.Jacobian)",-36} {r.DenseMicroseconds,12:F1} {r.DenseMicroseconds / r.SparseMicroseconds,10:F1}x");
Console.WriteLine($"  {"coloured central differences",-36} {r.FiniteDifferenceMicroseconds,12:F1} {r.FiniteDifferenceMicroseconds / r.SparseMicroseconds,10:F1}x");
Console.WriteLine($"  max relative |J_FD - J_AD| = {r.MaxFiniteDifferenceError:0.0e+00} (the AD Jacobian is exact)");
Console.WriteLine();
Console.WriteLine($"Implicit Euler, dt = {r.TimeStep}, {r.Steps} steps to t = {r.FinalTime:F2}: {r.NewtonIterations} Newton iterations, {r.LinearIterations} BiCGStab+ILU(0) iterations");
Console.WriteLine($"  max final |G|_inf per step = {r.MaxFinalResidual:0.0e+00}");
int nn = r.GridSize * r.GridSize;
Console.WriteLine($"  u in [{r.FinalState.Take(nn).Min():F4}, {r.FinalState.Take(nn).Max():F4}], v in [{r.FinalState.Skip(nn).Min():F4}, {r.FinalState.Skip(nn).Max():F4}]");
