namespace Dual;

/// <summary>How sparsity detection treats a function that branches on its inputs (see docs/sparse.md).</summary>
public enum SparsityDetection
{
    /// <summary>
    /// A pattern valid for every x: values carry only the set of inputs they depend on, never a number, so a
    /// comparison, predicate (<c>IsNaN</c>, <c>Sign</c>, …) or integer conversion of an input-dependent value
    /// cannot be answered and throws <see cref="SparsityDetectionException"/> naming the inputs involved (switch to
    /// <see cref="Local"/>, or pass the pattern yourself). Values that depend on no input keep their numbers, so
    /// branches on constants work. The default.
    /// </summary>
    Global,

    /// <summary>
    /// A pattern valid at x: values also carry their primal numbers at x, and every branch goes the way the real
    /// evaluation at x goes, so only the taken branch's dependencies are recorded. The pattern (and a prepared
    /// object built from it) is valid wherever the function takes the same branches as at x; evaluated where a
    /// branch flips, entries the other branch creates are missing. <c>Min</c>, <c>Max</c>, <c>Clamp</c> and
    /// <c>Abs</c> are not branches here: they keep every operand's dependencies in both modes.
    /// </summary>
    Local,
}
