namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 compile records and init accessors (the type is part of newer frameworks).</summary>
    internal static class IsExternalInit
    {
    }
}
