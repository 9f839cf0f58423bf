using System;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Optimization.ObjectiveFunctions;
using MathNet.Numerics.Optimization.TrustRegion;

namespace Dual.MathNet.Tests;

/// <summary>One minimisation: where it ended, how far from the known optimum, and how many times the user's function ran.</summary>
public sealed record Run(string Label, bool Finished, string Exit, double[] Point, double MaxRelativeError, int FunctionRuns, int Iterations)
{
    public string Row(string derivatives) => string.Create(CultureInfo.InvariantCulture,
        $"| {Label} | {derivatives} | {(Finished ? Exit : "failed: " + Exit)} | {Iterations} | {FunctionRuns} | {MaxRelativeError:G2} |");
}

/// <summary>The runs compared in the tests (and in docs/mathnet.md): exact derivatives from Dual against MathNet's finite differences.</summary>
public static class Runs
{
    public static double MaxRelativeError(Vector<double> point, double[] optimum) =>
        optimum.Select((o, i) => Math.Abs(point[i] - o) / Math.Abs(o)).Max();

    // ---- Rosenbrock with the gradient-based minimisers -------------------------------------------------------------

    public enum Minimiser { Bfgs, LimitedMemoryBfgs, ConjugateGradient, Newton, BfgsB }

    private static MinimizationResult Minimise(Minimiser minimiser, IObjectiveFunction objective)
    {
        Vector<double> start = Vector<double>.Build.DenseOfArray(Rosenbrock.Start);
        return minimiser switch
        {
            Minimiser.Bfgs => new BfgsMinimizer(1e-8, 1e-10, 1e-12, 10000).FindMinimum(objective, start),
            Minimiser.LimitedMemoryBfgs => new LimitedMemoryBfgsMinimizer(1e-8, 1e-10, 1e-12, 5, 10000).FindMinimum(objective, start),
            Minimiser.ConjugateGradient => new ConjugateGradientMinimizer(1e-8, 10000).FindMinimum(objective, start),
            Minimiser.Newton => new NewtonMinimizer(1e-8, 1000, useLineSearch: true).FindMinimum(objective, start),
            _ => new BfgsBMinimizer(1e-8, 1e-10, 1e-12, 10000).FindMinimum(objective,
                Vector<double>.Build.Dense([-5.0, -5.0]), Vector<double>.Build.Dense([5.0, 5.0]), start),
        };
    }

    public static Run RosenbrockExact(Minimiser minimiser)
    {
        var counter = new Counter();
        var function = new CountedScalar<Rosenbrock>(default, counter);
        DualObjectiveFunction objective = minimiser == Minimiser.Newton ? DualObjective.GradientHessian(function) : DualObjective.Gradient(function);
        MinimizationResult result = Minimise(minimiser, objective);
        return new Run(minimiser.ToString(), true, result.ReasonForExit.ToString(), result.MinimizingPoint.ToArray(),
            MaxRelativeError(result.MinimizingPoint, [1.0, 1.0]), counter.Count, result.Iterations);
    }

    /// <summary>MathNet's forward-difference gradient (<see cref="ForwardDifferenceGradientObjectiveFunction"/>) around a
    /// value-only objective; n + 1 runs of f per gradient.</summary>
    public static Run RosenbrockFiniteDifference(Minimiser minimiser)
    {
        var counter = new Counter();
        IObjectiveFunction valueOnly = ObjectiveFunction.Value(v =>
        {
            counter.Count++;
            return Rosenbrock.Value(v.ToArray());
        });
        var objective = new ForwardDifferenceGradientObjectiveFunction(valueOnly,
            Vector<double>.Build.Dense(2, double.NegativeInfinity), Vector<double>.Build.Dense(2, double.PositiveInfinity));
        try
        {
            MinimizationResult result = Minimise(minimiser, objective);
            return new Run(minimiser.ToString(), true, result.ReasonForExit.ToString(), result.MinimizingPoint.ToArray(),
                MaxRelativeError(result.MinimizingPoint, [1.0, 1.0]), counter.Count, result.Iterations);
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException)
        {
            return new Run(minimiser.ToString(), false, e.GetType().Name, [], double.NaN, counter.Count, 0);
        }
    }

    // ---- NIST least squares with Levenberg–Marquardt and the trust-region minimisers ----------------------------------

    public enum LeastSquares { LevenbergMarquardt, TrustRegionDogLeg, TrustRegionNewtonCG }

    private static NonlinearMinimizationResult Fit(LeastSquares method, IObjectiveModel model, double[] start)
    {
        Vector<double> p0 = Vector<double>.Build.DenseOfArray(start);
        return method switch
        {
            LeastSquares.LevenbergMarquardt => new LevenbergMarquardtMinimizer().FindMinimum(model, p0),
            LeastSquares.TrustRegionDogLeg => new TrustRegionDogLegMinimizer(1e-12, 1e-12, 1e-12, 1e-12).FindMinimum(model, p0),
            _ => new TrustRegionNewtonCGMinimizer(1e-12, 1e-12, 1e-12, 1e-12).FindMinimum(model, p0),
        };
    }

    public static Run NistExact<TModel>(string problem, LeastSquares method, TModel model, double[] y, double[] start, double[] certified)
        where TModel : IVectorFunction
    {
        var counter = new Counter();
        DualObjectiveModel objective = DualObjective.Model(new CountedVector<TModel>(model, counter), Vector<double>.Build.DenseOfArray(y));
        return NistRun(problem, method, objective, start, certified, counter);
    }

    /// <summary>MathNet's own model with its default central-difference Jacobian (accuracy order 2: 2n model runs per Jacobian).</summary>
    public static Run NistFiniteDifference(string problem, LeastSquares method, Func<double[], double, double> model, double[] x, double[] y,
        double[] start, double[] certified)
    {
        var counter = new Counter();
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel((p, xs) =>
        {
            counter.Count++;
            double[] b = p.ToArray();
            return Vector<double>.Build.Dense(xs.Count, i => model(b, xs[i]));
        }, Vector<double>.Build.DenseOfArray(x), Vector<double>.Build.DenseOfArray(y));
        return NistRun(problem, method, objective, start, certified, counter);
    }

    private static Run NistRun(string problem, LeastSquares method, IObjectiveModel objective, double[] start, double[] certified, Counter counter)
    {
        string label = $"{problem} {method}";
        try
        {
            NonlinearMinimizationResult result = Fit(method, objective, start);
            return new Run(label, true, result.ReasonForExit.ToString(), result.MinimizingPoint.ToArray(),
                MaxRelativeError(result.MinimizingPoint, certified), counter.Count, result.Iterations);
        }
        catch (Exception e) when (e is OptimizationException or ArgumentException or ArithmeticException)
        {
            return new Run(label, false, e.GetType().Name, [], double.NaN, counter.Count, 0);
        }
    }
}
