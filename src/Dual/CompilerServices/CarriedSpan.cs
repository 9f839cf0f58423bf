using System.Buffers;
using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// A span argument carried by a generated twin struct (which, being handed to the drivers as a type argument,
/// cannot hold a span): the elements are copied into an array rented from <see cref="ArrayPool{T}.Shared"/> for the
/// duration of one entry-point call, and written back when the method may have changed them. Not meant for user code.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CarriedSpan<T>
{
    private readonly T[]? array;
    private readonly int length;

    private CarriedSpan(T[]? array, int length)
    {
        this.array = array;
        this.length = length;
    }

    /// <summary>Copies <paramref name="source"/> into a rented array.</summary>
    /// <param name="source">The span argument.</param>
    /// <returns>The carried copy; call <see cref="Release"/> when the call is done.</returns>
    public static CarriedSpan<T> Copy(ReadOnlySpan<T> source)
    {
        if (source.IsEmpty) return default;
        T[] rented = ArrayPool<T>.Shared.Rent(source.Length);
        source.CopyTo(rented);
        return new(rented, source.Length);
    }

    /// <summary>The carried elements.</summary>
    public Span<T> Span => array is null ? default : new Span<T>(array, 0, length);

    /// <summary>The carried elements, read-only.</summary>
    public ReadOnlySpan<T> ReadOnlySpan => Span;

    /// <summary>Writes the carried elements back into the caller's span.</summary>
    /// <param name="destination">The span the copy was made from.</param>
    public void CopyBackTo(Span<T> destination) => Span.CopyTo(destination);

    /// <summary>Returns the rented array.</summary>
    public void Release()
    {
        if (array is not null) ArrayPool<T>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
    }
}
