using System.Numerics;

namespace Dual;

/// <summary>
/// Constants of <typeparamref name="T"/> used by the derivative rules, computed once per type.
/// Built from <c>T.One</c> where possible so that the common ones need no numeric conversion.
/// </summary>
internal static class Constants<T> where T : IFloatingPointIeee754<T>
{
    public static readonly T Two = T.One + T.One;
    public static readonly T Three = Two + T.One;
    public static readonly T Half = T.One / Two;
    public static readonly T Ln2 = T.Log(Two);
    public static readonly T Ln10 = T.Log(T.CreateTruncating(10));
}
