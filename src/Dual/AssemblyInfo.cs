using System.Runtime.CompilerServices;

// The internal helpers that must stay kernel-safe (Constants<T>) are checked directly by the unit tests.
[assembly: InternalsVisibleTo("Dual.Tests")]
