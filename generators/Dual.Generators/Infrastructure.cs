using System.Collections;

namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}

namespace Dual.Generators
{
    /// <summary>An immutable array with value equality, safe to carry through the incremental pipeline.</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public static EquatableArray<T> Empty => new(Array.Empty<T>());

        public int Count => _items?.Length ?? 0;

        public T this[int index] => _items![index];

        public bool Equals(EquatableArray<T> other)
        {
            T[] a = _items ?? Array.Empty<T>();
            T[] b = other._items ?? Array.Empty<T>();
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (!a[i].Equals(b[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int h = 17;
            foreach (T item in _items ?? Array.Empty<T>())
            {
                h = unchecked(h * 31 + item.GetHashCode());
            }
            return h;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) where T : IEquatable<T> => new(items.ToArray());
    }

    /// <summary>A diagnostic with an equatable location (file path, span, line span) and string arguments.</summary>
    internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        {
            if (location is null || !location.IsInSource)
            {
                return new DiagnosticInfo(descriptor.Id, "", default, default, arguments.ToEquatableArray());
            }
            FileLinePositionSpan line = location.GetLineSpan();
            return new DiagnosticInfo(descriptor.Id, line.Path ?? "", location.SourceSpan, line.Span, arguments.ToEquatableArray());
        }

        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = Diagnostics.ById(Id);
            Location location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(descriptor, location, Arguments.Select(a => (object)a).ToArray());
        }
    }
}

namespace Dual.Generators
{
    /// <summary>Test hooks for the safety nets: DUAL999 (the transform throws) and DUAL014 (the twin does not compile).</summary>
    internal static class FaultInjection
    {
        public static string? ThrowForMethod;

        public static string? BreakTwinOf;
    }
}
