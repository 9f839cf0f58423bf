namespace Dual;

/// <summary>
/// Marks the <see cref="NotSupportedException"/> a dual number with a non-zero tangent throws when converted to
/// another number type, so that a conversion nested inside another (a <c>Dual&lt;Dual&lt;double&gt;&gt;</c> whose inner
/// dual carries a tangent) lets this explanation through instead of .NET's bare "Specified method is not supported.".
/// The exception stays a plain <see cref="NotSupportedException"/> (the documented type).
/// </summary>
internal static class TangentDropped
{
    private const string Key = "Dual.TangentDropped";

    public static NotSupportedException Create(string message)
    {
        var exception = new NotSupportedException(message);
        exception.Data[Key] = true;
        return exception;
    }

    public static bool Is(Exception exception) => exception.Data.Contains(Key);
}
