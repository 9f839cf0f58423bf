namespace Dual;

/// <summary>
/// What the compressed Jacobian and Hessian evaluations have in common and report to their preparations: the tangent
/// lanes of a pass and the number of passes.
/// </summary>
internal abstract class CompressedEvaluation
{
    /// <summary>Tangent lanes per pass, k (the outer lanes for a Hessian).</summary>
    public abstract int ChunkSize { get; }

    /// <summary>Seeded passes per evaluation; 0 when the pattern is empty.</summary>
    public abstract int PassCount { get; }

    /// <summary>Evaluations of f per evaluation: the passes, or one plain pass (for f's value) when the pattern is empty.</summary>
    public int EvaluationCount => Math.Max(1, PassCount);
}
