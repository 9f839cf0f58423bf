using System.Diagnostics.CodeAnalysis;

namespace Dual;

/// <summary>Argument checks with messages that name the parameters and the sizes; messages are built only when they throw.</summary>
/// <remarks>The checks on the entry paths are inlined and throw from a separate method: with the message's interpolation
/// inside, a check was too large to inline and cost a call per differentiation (3 % of a generated gradient at n = 10).</remarks>
internal static class Guard
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SameLength(int expected, int actual, string parameterName, string otherName)
    {
        if (expected != actual)
        {
            ThrowSameLength(expected, actual, parameterName, otherName);
        }
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSameLength(int expected, int actual, string parameterName, string otherName)
        => throw new ArgumentException(
            $"'{parameterName}' has length {actual} but must have the length of '{otherName}', {expected}.", parameterName);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length(int expected, int actual, string parameterName, string what)
    {
        if (expected != actual)
        {
            ThrowLength(expected, actual, parameterName, what);
        }
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(int expected, int actual, string parameterName, string what)
        => throw new ArgumentException(
            $"'{parameterName}' has length {actual} but must have length {expected} ({what}).", parameterName);

    /// <summary>A row-major matrix buffer of rows × columns, the product taken in 64 bits (no wrap-around).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MatrixLength(int rows, int columns, int actual, string parameterName, string rowsName, string from)
    {
        if ((long)rows * columns != actual)
        {
            ThrowMatrixLength(rows, columns, actual, parameterName, rowsName, from);
        }
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMatrixLength(int rows, int columns, int actual, string parameterName, string rowsName, string from)
        => throw new ArgumentException(
            $"'{parameterName}' has length {actual} but must have length {(long)rows * columns} ({rowsName}·n = {rows}·{columns}, from {from})" +
            ((long)rows * columns > Array.MaxLength ? $", which is more than an array can hold ({Array.MaxLength})." : "."),
            parameterName);

    /// <summary>The length of an array of rows × columns elements to allocate, checked in 64 bits.</summary>
    public static int ArrayLength(int rows, int columns, string parameterName, string what)
    {
        long length = (long)rows * columns;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"The result would need {what} = {rows}·{columns} = {length} elements, more than an array can hold ({Array.MaxLength}).",
                parameterName);
        }
        return (int)length;
    }

    /// <summary>Two outputs must not share memory: one would overwrite the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Disjoint<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second, string firstName, string secondName)
    {
        if (first.Overlaps(second))
        {
            ThrowDisjoint(firstName, secondName);
        }
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDisjoint(string firstName, string secondName)
        => throw new ArgumentException(
            $"'{firstName}' and '{secondName}' share memory; both are outputs, so one would overwrite the other. Pass separate buffers.",
            secondName);

    /// <summary>An in-place operation may work on the very same span, but not on one shifted against it.</summary>
    public static void SameOrDisjoint<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> output, string inputName, string outputName)
    {
        if (input.Overlaps(output, out int offset) && (offset != 0 || input.Length != output.Length))
        {
            throw new ArgumentException(
                $"'{outputName}' overlaps '{inputName}' at an offset of {offset} elements; pass the same span (in place) or separate buffers.",
                outputName);
        }
    }

    public static void Positive(int value, string parameterName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' must be positive.");
        }
    }

    /// <summary>The error for a function that indexed past its buffers while being differentiated.</summary>
    public static ArgumentException OutputsTooShort(IndexOutOfRangeException inner, int outputs, int inputs, string parameterName)
        => new(
            $"The function threw IndexOutOfRangeException while being differentiated with m = {outputs} outputs (from " +
            $"'{parameterName}') and n = {inputs} inputs: if it writes more than {outputs} outputs, make '{parameterName}' " +
            $"larger (or make the function read no more than {inputs} inputs).",
            parameterName,
            inner);
}
