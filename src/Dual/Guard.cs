using System;

namespace Dual;

/// <summary>Argument checks with messages that name the parameter and both sizes.</summary>
internal static class Guard
{
    public static void SameLength(int expected, int actual, string parameterName, string otherName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                $"'{parameterName}' has length {actual} but must have the length of '{otherName}', {expected}.", parameterName);
        }
    }

    public static void Length(int expected, int actual, string parameterName, string what)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                $"'{parameterName}' has length {actual} but must have length {expected} ({what}).", parameterName);
        }
    }

    /// <summary>A row-major matrix buffer of rows × columns; the message is built only when it throws.</summary>
    public static void MatrixLength(int rows, int columns, int actual, string parameterName, string rowsName, string from)
    {
        if (rows * columns != actual)
        {
            throw new ArgumentException(
                $"'{parameterName}' has length {actual} but must have length {rows * columns} ({rowsName}·n = {rows}·{columns}, from {from}).", parameterName);
        }
    }

    public static void Positive(int value, string parameterName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' must be positive.");
        }
    }
}
