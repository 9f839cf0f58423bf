using System;
using System.Collections.Generic;
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace Dual.Samples.SparseJacobians;

/// <summary>What one run of the sample found; every printed number comes from here.</summary>
public sealed record BrusselatorResult(
    int GridSize,
    int StateLength,
    int NonZeros,
    IReadOnlyDictionary<ColoringOrder, int> ColorsByOrder,
    int ColorCount,
    int ChunkSize,
    int PassesPerJacobian,
    int DensePassesPerJacobian,
    double DetectionMilliseconds,
    double ColoringMilliseconds,
    double SparseMicroseconds,
    double DenseMicroseconds,
    double FiniteDifferenceMicroseconds,
    double MaxFiniteDifferenceError,
    int Steps,
    double TimeStep,
    double FinalTime,
    int NewtonIterations,
    int LinearIterations,
    double MaxFinalResidual,
    double[] FinalState,
    SparseJacobian<double> JacobianAtFinalState);

/// <summary>
/// The 2-D Brusselator stepped by implicit Euler: each step solves G(u) = u − uₙ − Δt·f(u, tₙ₊₁) = 0 by Newton's
/// method, whose matrix I − Δt·J is assembled from the sparse AD Jacobian (a prepared object, re-filled each
/// iteration without allocating) and solved by MathNet's BiCGStab with an ILU(0) preconditioner.
/// </summary>
public static class BrusselatorExample
{
    /// <summary>Runs the sample.</summary>
    /// <param name="gridSize">N: the grid is N×N, the state 2N².</param>
    /// <param name="steps">Implicit Euler steps.</param>
    /// <param name="timeStep">Δt.</param>
    /// <param name="startTime">t₀ (the forcing switches on at t = 1.1).</param>
    /// <param name="timingBudgetMilliseconds">Roughly how long to spend timing each Jacobian method.</param>
    public static BrusselatorResult Run(int gridSize = 32, int steps = 6, double timeStep = 0.05, double startTime = 1.0, double timingBudgetMilliseconds = 300)
    {
        var f = new Brusselator2D(gridSize, startTime);
        double[] u = f.InitialState();
        int n = u.Length;

        // Detection and colouring, timed apart: the best of three calls after a warm-up (a first call also pays for
        // compiling the tracer's code).
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, Brusselator2D>(f, u, n);
        Coloring best = GraphColoring.ColumnColoring(pattern, ColoringOrder.Best);
        double detection = double.PositiveInfinity, coloring = double.PositiveInfinity;
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var clock = Stopwatch.StartNew();
            pattern = AutoDiff.JacobianSparsity<double, Brusselator2D>(f, u, n);
            detection = Math.Min(detection, clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            best = GraphColoring.ColumnColoring(pattern, ColoringOrder.Best);
            coloring = Math.Min(coloring, clock.Elapsed.TotalMilliseconds);
        }
        var byOrder = new Dictionary<ColoringOrder, int>();
        foreach (ColoringOrder order in new[] { ColoringOrder.Natural, ColoringOrder.LargestFirst, ColoringOrder.SmallestLast, ColoringOrder.IncidenceDegree })
        {
            byOrder[order] = GraphColoring.ColumnColoring(pattern, order).ColorCount;
        }

        PreparedSparseJacobian<double, Brusselator2D> prepared = AutoDiff.PrepareSparseJacobian<double, Brusselator2D>(f, u, pattern);
        SparseJacobian<double> jacobian = prepared.CreateResult();
        var values = new double[n];

        // Time per Jacobian: sparse (prepared), dense chunked (16 tangents a pass), coloured central differences.
        double sparseUs = Time(() => prepared.Evaluate(u, values, jacobian), timingBudgetMilliseconds);
        var dense = new double[(long)n * n <= int.MaxValue ? n * n : 0];
        var denseValues = new double[n];
        double denseUs = Time(() => AutoDiff.Jacobian<double, Brusselator2D>(f, u, denseValues, dense, chunkSize: 16), timingBudgetMilliseconds);
        var differences = new ColoredCentralDifferences(pattern, best);
        var fdValues = new double[pattern.NonZeroCount];
        double fdUs = Time(() => differences.Evaluate(f, u, fdValues), timingBudgetMilliseconds);
        prepared.Evaluate(u, values, jacobian);
        double fdError = 0;
        for (int e = 0; e < fdValues.Length; e++)
        {
            fdError = Math.Max(fdError, Math.Abs(fdValues[e] - jacobian.Values[e]) / Math.Max(1, Math.Abs(jacobian.Values[e])));
        }

        // Implicit Euler with Newton on the sparse Jacobian.
        int newtonIterations = 0, linearIterations = 0;
        double maxResidual = 0, t = startTime;
        var residual = new double[n];
        var previous = new double[n];
        int[] rowOffsets = pattern.RowOffsets.ToArray(), columnIndices = pattern.ColumnIndices.ToArray();
        var matrixValues = new double[pattern.NonZeroCount];
        for (int step = 0; step < steps; step++)
        {
            t += timeStep;
            Brusselator2D atT = f.At(t);
            u.CopyTo(previous, 0);
            double residualNorm = double.PositiveInfinity;
            for (int iteration = 0; iteration < 20; iteration++)
            {
                prepared.Evaluate(atT, u, values, jacobian);
                residualNorm = 0;
                for (int i = 0; i < n; i++)
                {
                    residual[i] = u[i] - previous[i] - timeStep * values[i];
                    residualNorm = Math.Max(residualNorm, Math.Abs(residual[i]));
                }
                if (residualNorm <= 1e-10)
                {
                    break;
                }
                newtonIterations++;
                for (int i = 0; i < n; i++)
                {
                    for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++)
                    {
                        matrixValues[e] = (columnIndices[e] == i ? 1.0 : 0.0) - timeStep * jacobian.Values[e];
                    }
                }
                Matrix<double> a = Matrix<double>.Build.SparseFromCompressedSparseRowFormat(n, n, matrixValues.Length, rowOffsets, columnIndices, matrixValues);
                Vector<double> b = Vector<double>.Build.Dense(n, i => -residual[i]);
                Vector<double> delta = Vector<double>.Build.Dense(n);
                var counter = new CountingCriterion();
                var iterator = new Iterator<double>(counter, new IterationCountStopCriterion<double>(1000), new ResidualStopCriterion<double>(1e-10));
                var preconditioner = new ILU0Preconditioner();
                new BiCgStab().Solve(a, b, delta, iterator, preconditioner);
                if (iterator.Status != IterationStatus.Converged)
                {
                    throw new InvalidOperationException($"BiCGStab did not converge at step {step}, Newton iteration {iteration}: {iterator.Status}.");
                }
                linearIterations += counter.Iterations;
                for (int i = 0; i < n; i++)
                {
                    u[i] += delta[i];
                }
            }
            if (residualNorm > 1e-10)
            {
                throw new InvalidOperationException($"Newton did not converge at step {step}: ‖G‖∞ = {residualNorm:E2}.");
            }
            maxResidual = Math.Max(maxResidual, residualNorm);
        }
        prepared.Evaluate(f.At(t), u, values, jacobian);

        return new BrusselatorResult(
            gridSize, n, pattern.NonZeroCount, byOrder, prepared.ColorCount, prepared.ChunkSize, prepared.PassCount,
            (n + 15) / 16, detection, coloring, sparseUs, denseUs, fdUs, fdError,
            steps, timeStep, t, newtonIterations, linearIterations, maxResidual, u, jacobian);
    }

    /// <summary>Microseconds per call: one warm-up call, then as many calls as fit in the budget (at least three).</summary>
    private static double Time(Action action, double budgetMilliseconds)
    {
        action();
        int calls = 0;
        var clock = Stopwatch.StartNew();
        while (calls < 3 || clock.Elapsed.TotalMilliseconds < budgetMilliseconds)
        {
            action();
            calls++;
        }
        return clock.Elapsed.TotalMilliseconds * 1000 / calls;
    }

    /// <summary>Counts BiCGStab iterations (never stops the solve itself).</summary>
    private sealed class CountingCriterion : IIterationStopCriterion<double>
    {
        public int Iterations { get; private set; }

        public IterationStatus Status => IterationStatus.Continue;

        public IterationStatus DetermineStatus(int iterationNumber, Vector<double> solutionVector, Vector<double> sourceVector, Vector<double> residualVector)
        {
            Iterations = iterationNumber + 1;
            return IterationStatus.Continue;
        }

        public void Reset() => Iterations = 0;

        public IIterationStopCriterion<double> Clone() => new CountingCriterion();
    }
}
