namespace Dual;

/// <summary>Runs a function once on <see cref="SparsityTracer{T, TOrder}"/> inputs and reads the pattern off its outputs.</summary>
internal static class SparsityDetector
{
    public static SparsityPattern Jacobian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, int outputLength, SparsityDetection detection)
        where T : IFloatingPointIeee754<T>
        where TFunction : IVectorFunction
    {
        SparseChecks.Detection(detection);
        int n = x.Length;
        var xs = Inputs<T, FirstOrder>(x);
        // Outputs start as the constant 0 (no dependencies), as every Jacobian pass clears them: a row the function
        // never writes is an empty row.
        var ys = new SparsityTracer<T, FirstOrder>[outputLength];
        var outer = SparsityTrace.Begin(detection == SparsityDetection.Local);
        int questions;
        try
        {
            f.Evaluate<SparsityTracer<T, FirstOrder>>(xs, ys);
        }
        catch (IndexOutOfRangeException error)
        {
            // The first place a wrong output length shows: say which sizes the function was given.
            throw new ArgumentException(
                $"The function indexed outside its spans while its sparsity was traced with x of length {n} and y of length " +
                $"{outputLength} ('{nameof(outputLength)}'); check that {nameof(outputLength)} is the number of outputs it writes.",
                nameof(outputLength), error);
        }
        finally
        {
            questions = SparsityTrace.End(outer);
        }
        var offsets = new int[outputLength + 1];
        for (int i = 0; i < outputLength; i++)
        {
            offsets[i + 1] = offsets[i] + DependencySet.Count(ys[i].Inputs);
        }
        var columns = new int[offsets[outputLength]];
        for (int i = 0; i < outputLength; i++)
        {
            ys[i].Inputs?.CopyTo(columns, offsets[i]);
        }
        return new SparsityPattern(outputLength, n, offsets, columns) { DependsOnBranches = questions > 0 };
    }

    public static SparsityPattern Hessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, SparsityDetection detection)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        SparseChecks.Detection(detection);
        SparsityTracer<T, SecondOrder>[] xs = Inputs<T, SecondOrder>(x);
        var outer = SparsityTrace.Begin(detection == SparsityDetection.Local);
        SparsityTracer<T, SecondOrder> y;
        int questions;
        try
        {
            y = f.Evaluate<SparsityTracer<T, SecondOrder>>(xs);
        }
        finally
        {
            questions = SparsityTrace.End(outer);
        }
        SparsityPattern pattern = PairSet.Collect(y.Pairs, x.Length);
        pattern.DependsOnBranches = questions > 0;
        return pattern;
    }

    private static SparsityTracer<T, TOrder>[] Inputs<T, TOrder>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TOrder : struct, ITracingOrder
    {
        var xs = new SparsityTracer<T, TOrder>[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            xs[j] = SparsityTracer<T, TOrder>.Input(j, x[j]);
        }
        return xs;
    }
}
