namespace Dual;

/// <summary>
/// The state of the sparsity trace running on this thread: whether it is local (branches answered from x's numbers)
/// and how many questions on input-dependent values it answered. A local pattern that answered any is valid only
/// where the function takes the same branches as at x, which <see cref="SparsityPattern.DependsOnBranches"/> records
/// so that a prepared evaluator never reuses it elsewhere silently.
/// </summary>
internal static class SparsityTrace
{
    [ThreadStatic]
    private static bool t_local;

    [ThreadStatic]
    private static int t_questions;

    /// <summary>True while a local trace runs on this thread.</summary>
    public static bool Local => t_local;

    /// <summary>Counts a comparison, predicate or conversion answered on an input-dependent value.</summary>
    public static void CountQuestion() => t_questions++;

    /// <summary>Starts a trace; the returned state restores the enclosing one (a function may itself detect sparsity).</summary>
    public static (bool Local, int Questions) Begin(bool local)
    {
        var outer = (t_local, t_questions);
        t_local = local;
        t_questions = 0;
        return outer;
    }

    /// <summary>Ends a trace: the questions it answered, and the enclosing trace's state restored.</summary>
    public static int End((bool Local, int Questions) outer)
    {
        int questions = t_questions;
        (t_local, t_questions) = outer;
        return questions;
    }
}
