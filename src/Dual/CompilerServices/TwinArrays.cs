using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// Arrays of exactly the right length for twins that take arrays (a method <c>F(double[] x)</c> has the twin
/// <c>F(Dual&lt;double&gt;[] x)</c>, while the drivers hand out spans of their work arrays). Two arrays per element
/// type and thread are kept between calls, so repeated calls at the same sizes allocate nothing; other lengths, and
/// re-entrant use, get new arrays. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TwinArrays
{
    /// <summary>An array holding a copy of <paramref name="source"/>; give it back with <see cref="Return{TItem}"/>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <returns>An array of exactly <paramref name="source"/>'s length.</returns>
    public static TItem[] Copy<TItem>(ReadOnlySpan<TItem> source)
    {
        TItem[] array = Slots<TItem>.Take(source.Length);
        source.CopyTo(array);
        return array;
    }

    /// <summary>An array of <paramref name="length"/> default elements; give it back with <see cref="Return{TItem}"/>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="length">The length.</param>
    /// <returns>The array.</returns>
    public static TItem[] Cleared<TItem>(int length)
    {
        TItem[] array = Slots<TItem>.Take(length);
        Array.Clear(array);
        return array;
    }

    /// <summary>Gives back an array from <see cref="Copy{TItem}"/> or <see cref="Cleared{TItem}"/>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="array">The array.</param>
    public static void Return<TItem>(TItem[] array) => Slots<TItem>.Give(array);

    private static class Slots<TItem>
    {
        [ThreadStatic]
        private static TItem[]? first;

        [ThreadStatic]
        private static TItem[]? second;

        public static TItem[] Take(int length)
        {
            if (length == 0) return Array.Empty<TItem>();
            if (first is { } a && a.Length == length)
            {
                first = null;
                return a;
            }
            if (second is { } b && b.Length == length)
            {
                second = null;
                return b;
            }
            return new TItem[length];
        }

        public static void Give(TItem[] array)
        {
            if (array.Length == 0) return;
            if (first is null) first = array;
            else if (second is null) second = array;
            else first = array;
        }
    }
}
