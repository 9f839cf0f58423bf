namespace Dual;

/// <summary>
/// Declares the annotated method as the custom derivative rule of an opaque function (a native call, a table lookup,
/// a solver) so that <see cref="DifferentiableAttribute"/> code calling the opaque function can be differentiated.
/// </summary>
/// <remarks>
/// <para>Signature convention (checked at compile time, diagnostics <c>DUAL007</c>/<c>DUAL008</c>): for a static target
/// <c>double Opaque(double x)</c> the rule is <c>static double OpaqueDerivative(double x)</c> returning f′(x); for a
/// target with <i>n</i> ≥ 2 floating parameters <c>double Opaque(double x, double y)</c> the rule has the same
/// parameters and returns the tuple of partial derivatives <c>(double, double)</c> in parameter order.
/// <see cref="float"/> works the same way. All parameters of the target must be of its floating return type.</para>
/// <para>The target is looked up by name in <see cref="TargetType"/> when given, otherwise in the type that
/// declares the rule. The generator finds rules declared beside the target or in the type that calls it.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>Declares a rule for the method <paramref name="target"/> of the type that declares the rule.</summary>
    /// <param name="target">The name of the opaque function; use <c>nameof</c>.</param>
    public DerivativeOfAttribute(string target)
    {
        Target = target;
    }

    /// <summary>Declares a rule for the method <paramref name="target"/> of <paramref name="targetType"/>.</summary>
    /// <param name="targetType">The type that declares the opaque function.</param>
    /// <param name="target">The name of the opaque function; use <c>nameof</c>.</param>
    public DerivativeOfAttribute(Type targetType, string target)
    {
        TargetType = targetType;
        Target = target;
    }

    /// <summary>The name of the opaque function.</summary>
    public string Target { get; }

    /// <summary>The type that declares the opaque function, or <see langword="null"/> for the rule's own type.</summary>
    public Type? TargetType { get; }
}
