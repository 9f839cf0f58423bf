namespace Dual;

/// <summary>
/// Global sparsity detection met a question about an input-dependent value that only a number could answer: a
/// comparison, a predicate such as <c>IsNaN</c>, or a conversion to an integer. The message names the operation and
/// the inputs involved; use <see cref="SparsityDetection.Local"/> (a pattern valid near x) or pass the pattern.
/// </summary>
public sealed class SparsityDetectionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be answered, and what to do.</param>
    public SparsityDetectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SparsityDetectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public SparsityDetectionException()
        : base("Global sparsity detection cannot branch on an input-dependent value; use SparsityDetection.Local or pass the pattern.")
    {
    }
}
