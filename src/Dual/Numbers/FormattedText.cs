using System.Buffers;
using System.Text.Unicode;

namespace Dual;

/// <summary>The span formatting (<see cref="ISpanFormattable"/>, <see cref="IUtf8SpanFormattable"/>) of the library's
/// number types, written once: each type formats to a string with its own <c>ToString(format, provider)</c>, and these
/// copy that text into the caller's buffer.</summary>
internal static class FormattedText
{
    /// <summary>The span format as <c>ToString</c> takes it: empty means the default (null).</summary>
    public static string? Format(ReadOnlySpan<char> format) => format.IsEmpty ? null : format.ToString();

    /// <summary>Copies <paramref name="text"/> into <paramref name="destination"/> if it fits; otherwise writes nothing.</summary>
    public static bool TryWrite(string text, Span<char> destination, out int charsWritten)
    {
        if (text.Length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }
        text.AsSpan().CopyTo(destination);
        charsWritten = text.Length;
        return true;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 into <paramref name="utf8Destination"/> if it fits; otherwise
    /// reports nothing written (as the BCL's own formatters do).</summary>
    public static bool TryWriteUtf8(string text, Span<byte> utf8Destination, out int bytesWritten)
    {
        if (Utf8.FromUtf16(text, utf8Destination, out _, out bytesWritten) == OperationStatus.Done)
        {
            return true;
        }
        bytesWritten = 0;
        return false;
    }
}
