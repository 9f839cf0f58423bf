namespace Dual.MathNet;

/// <summary>
/// How often an objective was evaluated, summed over every copy that MathNet's minimisers make of it
/// (<c>CreateNew</c>, <c>Fork</c>): plain values, gradients (one chunked dual pass each, which also yields the value)
/// and Hessians (nested dual passes, which also yield value and gradient).
/// </summary>
public sealed class EvaluationCounts
{
    /// <summary>Evaluations of the value alone (primal passes).</summary>
    public int Values { get; internal set; }

    /// <summary>Gradient evaluations (value included).</summary>
    public int Gradients { get; internal set; }

    /// <summary>Hessian evaluations (value and gradient included).</summary>
    public int Hessians { get; internal set; }

    /// <summary>All evaluations of any kind.</summary>
    public int Total => Values + Gradients + Hessians;

    /// <summary>Sets every count to zero.</summary>
    public void Reset()
    {
        Values = 0;
        Gradients = 0;
        Hessians = 0;
    }
}
