// Context of docs/sparse.md: the sample's 2-D Brusselator (compiled beside it) at N = 32 from its initial state, a
// time for f.At(t), and a scalar objective for the Hessian calls.
global using Dual.Samples.SparseJacobians;
global using static SparseContext;
using System.Numerics;
using Dual;

public static class SparseContext
{
    public static readonly Brusselator2D f = new(32);
    public static readonly double[] x = f.InitialState();
    public const double t = 1.5;
    public static readonly MyObjective objective = default;
}

/// <summary>The chained Rosenbrock function: a tridiagonal Hessian.</summary>
public readonly struct MyObjective : IScalarFunction
{
    public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero, hundred = T.CreateTruncating(100);
        for (int i = 0; i + 1 < x.Length; i++)
        {
            T a = x[i + 1] - x[i] * x[i], b = T.One - x[i];
            sum += hundred * a * a + b * b;
        }
        return sum;
    }
}
