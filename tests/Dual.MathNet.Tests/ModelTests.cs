using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using NUnit.Framework;

namespace Dual.MathNet.Tests;

/// <summary>
/// <see cref="DualObjectiveModel"/> and <see cref="DualObjectiveFunction"/> against MathNet's own objectives given
/// hand-written closed-form derivatives (the oracle): same value, gradient, Hessian and model values, weights and fixed
/// parameters included; copies are independent; evaluation allocates nothing.
/// </summary>
[TestFixture]
public sealed class ModelTests
{
    /// <summary>Rat43's Jacobian by hand: p = u^(−1/b4), u = 1 + e, e = exp(b2 − b3x).</summary>
    private static Matrix<double> Rat43Jacobian(Vector<double> b, Vector<double> x)
    {
        var j = Matrix<double>.Build.Dense(x.Count, 4);
        for (int i = 0; i < x.Count; i++)
        {
            double e = Math.Exp(b[1] - b[2] * x[i]), u = 1 + e, p = Math.Pow(u, -1 / b[3]);
            j[i, 0] = p;
            j[i, 1] = -b[0] * p * e / (b[3] * u);
            j[i, 2] = x[i] * b[0] * p * e / (b[3] * u);
            j[i, 3] = b[0] * p * Math.Log(u) / (b[3] * b[3]);
        }
        return j;
    }

    private static Vector<double> Rat43Values(Vector<double> b, Vector<double> x) => Vector<double>.Build.Dense(x.Count, i => Rat43.At(b.ToArray(), x[i]));

    private static void Close(double actual, double expected, string what) =>
        Assert.That(actual, Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), what);

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(true, true)]
    public void Model_MatchesMathNetWithTheClosedFormJacobian(bool weighted, bool withFixed)
    {
        Vector<double> x = Vector<double>.Build.DenseOfArray(Rat43.X), y = Vector<double>.Build.DenseOfArray(Rat43.Y);
        Vector<double>? w = weighted ? Vector<double>.Build.Dense(15, i => 1.0 / (1 + i)) : null;
        IObjectiveModel reference = ObjectiveFunction.NonlinearModel(Rat43Values, Rat43Jacobian, x, y, w);
        DualObjectiveModel ours = DualObjective.Model(default(Rat43), y, w);
        Vector<double> p = Vector<double>.Build.DenseOfArray([650.0, 5.5, 0.8, 1.1]);
        List<bool>? isFixed = withFixed ? [false, true, false, false] : null;
        reference.SetParameters(p, isFixed);
        ours.SetParameters(p, isFixed);
        reference.EvaluateAt(p);
        ours.EvaluateAt(p);

        Close(ours.Value, reference.Value, "value");
        for (int i = 0; i < 15; i++)
        {
            Close(ours.ModelValues[i], reference.ModelValues[i], $"model value {i}");
        }
        for (int j = 0; j < 4; j++)
        {
            Close(ours.Gradient[j], reference.Gradient[j], $"gradient {j}");
            for (int k = 0; k < 4; k++)
            {
                Close(ours.Hessian[j, k], reference.Hessian[j, k], $"Hessian {j},{k}");
            }
        }
        Assert.That(ours.DegreeOfFreedom, Is.EqualTo(reference.DegreeOfFreedom));
        Assert.That(ours.FunctionEvaluations, Is.EqualTo(1));
        Assert.That(ours.JacobianEvaluations, Is.EqualTo(1));
    }

    [Test]
    public void Model_FromAJacobianEntryPoint()
    {
        // The delegate form the [Differentiable] generator's FJacobian has; here AutoDiff stands in for it.
        Vector<double> y = Vector<double>.Build.DenseOfArray(Rat43.Y);
        DualObjectiveModel viaDelegate = DualObjective.Model((p, v, j) => AutoDiff.Jacobian(default(Rat43), p, v, j), y);
        DualObjectiveModel viaStruct = DualObjective.Model(default(Rat43), y);
        Vector<double> point = Vector<double>.Build.DenseOfArray(Rat43.Start2);
        viaDelegate.SetParameters(point);
        viaStruct.SetParameters(point);
        Assert.That(viaDelegate.Value, Is.EqualTo(viaStruct.Value));
        Assert.That(viaDelegate.Gradient.ToArray(), Is.EqualTo(viaStruct.Gradient.ToArray()));
        NonlinearMinimizationResult fit = new LevenbergMarquardtMinimizer().FindMinimum(viaDelegate, point);
        Assert.That(Runs.MaxRelativeError(fit.MinimizingPoint, Rat43.Certified), Is.LessThan(1e-6));
    }

    [Test]
    public void Fork_IsIndependent_AndCreateNewStartsEmpty()
    {
        DualObjectiveModel model = DualObjective.Model(default(Rat43), Vector<double>.Build.DenseOfArray(Rat43.Y));
        model.SetParameters(Vector<double>.Build.DenseOfArray(Rat43.Start2));
        double value = model.Value;
        double g0 = model.Gradient[0];
        IObjectiveModel fork = model.Fork();
        model.EvaluateAt(Vector<double>.Build.DenseOfArray(Rat43.Certified));
        Assert.That(model.Value, Is.Not.EqualTo(value));
        Assert.That(fork.Value, Is.EqualTo(value));
        Assert.That(fork.Gradient[0], Is.EqualTo(g0));
        Assert.That(fork.Point.ToArray(), Is.EqualTo(Rat43.Start2));

        DualObjectiveFunction objective = DualObjective.Gradient(default(Rosenbrock));
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray([0.5, 0.5]));
        double gradient0 = objective.Gradient[0];
        IObjectiveFunction copy = objective.Fork();
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray([2.0, 2.0]));
        Assert.That(copy.Gradient[0], Is.EqualTo(gradient0));
        Assert.That(objective.Gradient[0], Is.Not.EqualTo(gradient0));
        Assert.Throws<InvalidOperationException>(() => _ = ((DualObjectiveFunction)objective.CreateNew()).Value);
    }

    [Test]
    public void Objective_GradientAndHessian_MatchTheClosedForm()
    {
        DualObjectiveFunction objective = DualObjective.GradientHessian(default(Rosenbrock));
        double a = 0.3, b = -0.7;
        objective.EvaluateAt(Vector<double>.Build.DenseOfArray([a, b]));
        Matrix<double> hessian = objective.Hessian; // first: the Hessian pass supplies value and gradient too
        // f = (1−a)² + 100(b−a²)²
        Close(objective.Value, (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a), "f");
        Close(objective.Gradient[0], -2 * (1 - a) - 400 * a * (b - a * a), "∂f/∂a");
        Close(objective.Gradient[1], 200 * (b - a * a), "∂f/∂b");
        Close(hessian[0, 0], 2 - 400 * (b - a * a) + 800 * a * a, "∂²f/∂a²");
        Close(hessian[0, 1], -400 * a, "∂²f/∂a∂b");
        Close(hessian[1, 0], -400 * a, "∂²f/∂b∂a");
        Close(hessian[1, 1], 200, "∂²f/∂b²");
        Assert.That(objective.Counts.Hessians, Is.EqualTo(1));
        Assert.That(objective.Counts.Values + objective.Counts.Gradients, Is.Zero, "the Hessian pass supplied value and gradient");
        Assert.That(DualObjective.Gradient(default(Rosenbrock)).IsHessianSupported, Is.False);
    }

    [Test]
    public void Evaluation_AllocatesNothing()
    {
        DualObjectiveFunction objective = DualObjective.GradientHessian(default(Rosenbrock));
        DualObjectiveModel model = DualObjective.Model(default(Rat43), Vector<double>.Build.DenseOfArray(Rat43.Y));
        Vector<double> p2 = Vector<double>.Build.DenseOfArray([0.5, 0.25]), q2 = Vector<double>.Build.DenseOfArray([0.7, 0.2]);
        Vector<double> p4 = Vector<double>.Build.DenseOfArray(Rat43.Start2), q4 = Vector<double>.Build.DenseOfArray(Rat43.Certified);
        model.SetParameters(p4);
        double sink = 0;
        void Round(Vector<double> a, Vector<double> b)
        {
            objective.EvaluateAt(a);
            sink += objective.Value + objective.Gradient[0] + objective.Hessian[0, 1];
            model.EvaluateAt(b);
            sink += model.Value + model.Gradient[1] + model.Hessian[2, 3];
        }
        Round(p2, p4);
        Round(q2, q4);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Round(i % 2 == 0 ? p2 : q2, i % 2 == 0 ? p4 : q4);
        }
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(double.IsFinite(sink));
    }

    [Test]
    public void InvalidArguments_AreNamed()
    {
        Vector<double> y = Vector<double>.Build.DenseOfArray(Rat43.Y);
        var ex = Assert.Throws<ArgumentException>(() => DualObjective.Model(default(Rat43), y, Vector<double>.Build.Dense(3, 1.0)));
        Assert.That(ex!.ParamName, Is.EqualTo("weights"));
        Assert.Throws<ArgumentOutOfRangeException>(() => DualObjective.Gradient(default(Rosenbrock), chunkSize: 3));
        DualObjectiveModel model = DualObjective.Model(default(Rat43), y);
        Assert.Throws<ArgumentException>(() => model.EvaluateAt(Vector<double>.Build.DenseOfArray([1.0, double.NaN, 1, 1])));
        Assert.Throws<ArgumentException>(() => model.SetParameters(Vector<double>.Build.Dense(4, 1.0), [true, true, true, true]));
    }
}
