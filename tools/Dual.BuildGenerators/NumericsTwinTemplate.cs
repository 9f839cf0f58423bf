using System;
using System.Linq;

namespace Dual.BuildGenerators;

/// <summary>
/// The one source of the dual twins of the System.Numerics types that <c>[Differentiable]</c> twins use (src/Dual's
/// <c>Dual.Numerics.DualVector2/3/4&lt;TScalar&gt;</c> and <c>DualQuaternion&lt;TScalar&gt;</c>), expanded at build time.
/// Each twin is described once in <see cref="Twins"/>: the System.Numerics type it twins, its components and its members
/// in order. What the twins share (the component constructor, the component-wise operators, the vectors' dot product,
/// lengths, distances and interpolation) is written once below, over the components; what one type alone has (Vector3's
/// cross product and rotation, the quaternion's parts, product, conjugate and norms) is written out where it belongs.
/// Every member keeps System.Numerics' formula in its order of operations, so a twin's values are those of the type it
/// twins, bit for bit.
/// </summary>
internal static class NumericsTwinTemplate
{
    /// <summary>One component: its name and what its field's doc adds after "The X component" (the quaternion's parts).</summary>
    internal sealed class Component
    {
        public Component(string name, string note = "")
        {
            Name = name;
            Note = note;
        }

        public string Name { get; }

        public string Note { get; }

        /// <summary>The constructor parameter: x for X.</summary>
        public string Parameter => Name.ToLowerInvariant();
    }

    /// <summary>One twin: the System.Numerics type it twins, what it is called in its docs, its components, whether its
    /// operators and functions are <c>AggressiveInlining</c> (its constructors always are), its summary and its members in
    /// the order they are written.</summary>
    internal sealed class Twin
    {
        public Twin(string numerics, string noun, bool inlineOperations, Func<Twin, string> summary, Component[] components, Func<Twin, string>[] members)
        {
            Numerics = numerics;
            Noun = noun;
            InlineOperations = inlineOperations;
            Summary = summary;
            Components = components;
            Members = members;
        }

        /// <summary>The System.Numerics type, e.g. Vector3.</summary>
        public string Numerics { get; }

        public string Name => "Dual" + Numerics;

        public string Self => Name + "<TScalar>";

        /// <summary>"vector" or "quaternion".</summary>
        public string Noun { get; }

        public bool InlineOperations { get; }

        public Func<Twin, string> Summary { get; }

        public Component[] Components { get; }

        public Func<Twin, string>[] Members { get; }

        /// <summary>The attribute line of an operator or function, where the twin inlines them.</summary>
        public string Inlining => InlineOperations ? Inline : "";

        /// <summary>One expression per component, comma-separated: the arguments of a component-wise <c>new(…)</c>.</summary>
        public string Each(Func<string, string> component) => string.Join(", ", Components.Select(c => component(c.Name)));
    }

    private const string Inline = "    [MethodImpl(MethodImplOptions.AggressiveInlining)]\n";

    /// <summary>The twins src/Dual compiles.</summary>
    public static readonly Twin[] Twins =
    {
        Vector("Vector2", new[] { "X", "Y" }),
        Vector("Vector3", new[] { "X", "Y", "Z" }, Cross, TransformByQuaternion),
        Vector("Vector4", new[] { "X", "Y", "Z", "W" }),
        new("Quaternion", "quaternion", inlineOperations: false, QuaternionSummary,
            new[] { new Component("X", " (vector part)"), new Component("Y", " (vector part)"), new Component("Z", " (vector part)"), new Component("W", " (scalar part)") },
            new Func<Twin, string>[] { ComponentConstructor, QuaternionConstants, Sum, Difference, Negation, QuaternionAlgebra }),
    };

    // A vector twin: its own members between the shared ones and the text form.
    private static Twin Vector(string numerics, string[] components, params Func<Twin, string>[] specifics) =>
        new(numerics, "vector", inlineOperations: true, VectorSummary, components.Select(c => new Component(c)).ToArray(),
            new Func<Twin, string>[]
            {
                ComponentConstructor, BroadcastConstructor, ZeroAndOne, Units, VectorConversion,
                Sum, Difference, Product, ScaledRight, ScaledLeft, Quotient, DividedByScalar, Negation,
                Dot, LengthSquared, Length, Normalize, Distance, DistanceSquared, Lerp,
            }.Concat(specifics).Concat(new Func<Twin, string>[] { AngleBracketText }).ToArray());

    /// <summary>The source text of <paramref name="t"/>.</summary>
    public static string Render(Twin t)
    {
        string fields = string.Join("\n", t.Components.Select(c => $$"""
    /// <summary>The {{c.Name}} component{{c.Note}}.</summary>
    public readonly TScalar {{c.Name}};

"""));
        return $$"""
// <auto-generated>
//   Expanded at build time by tools/Dual.BuildGenerators from NumericsTwinTemplate.cs, the one template of DualVector2/3/4
//   and DualQuaternion: edit the template. (EmitCompilerGeneratedFiles=true writes this file under obj/ to read it.)
// </auto-generated>
#nullable enable
namespace Dual.Numerics;

/// <summary>
{{t.Summary(t)}}/// </summary>
/// <typeparam name="TScalar">The component type.</typeparam>
public readonly struct {{t.Self}}
    where TScalar : IFloatingPointIeee754<TScalar>
{
{{fields}}
{{string.Join("\n", t.Members.Select(m => m(t)))}}}

""";
    }

    private static string VectorSummary(Twin t) => $$"""
/// The dual twin of <see cref="{{t.Numerics}}"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/> (<c>Dual&lt;float&gt;</c>, or <c>Dual&lt;float, TTangents&gt;</c> in multi-tangent twins),
/// with the arithmetic operators and functions of <see cref="{{t.Numerics}}"/> computed by the same formulas, so the derivatives come from the
/// dual arithmetic. Equality is not offered: <c>Dual</c> equality also compares tangents, while the twin of
/// <c>a == b</c> must compare values (the generator reports <c>==</c> on vectors).

""";

    private static string QuaternionSummary(Twin t) => $$"""
/// The dual twin of <see cref="{{t.Numerics}}"/> that <c>[Differentiable]</c> twins use: the same components, each a dual
/// number <typeparamref name="TScalar"/>, with the operations of <see cref="{{t.Numerics}}"/> computed by the same formulas.

""";

    // ---- Shared by every twin ----

    private static string ComponentConstructor(Twin t) => $$"""
    /// <summary>A {{t.Noun}} from its components.</summary>
{{string.Concat(t.Components.Select(c => $"    /// <param name=\"{c.Parameter}\">The {c.Name} component.</param>\n"))}}{{Inline}}    public {{t.Name}}({{string.Join(", ", t.Components.Select(c => "TScalar " + c.Parameter))}})
    {
{{string.Concat(t.Components.Select(c => $"        {c.Name} = {c.Parameter};\n"))}}    }

""";

    // A component-wise binary operator: new(body(X), body(Y), …).
    private static string Operator(Twin t, string summary, string op, string left, string right, Func<string, string> component) => $$"""
    /// <summary>{{summary}}</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The result.</returns>
{{t.Inlining}}    public static {{t.Self}} operator {{op}}({{left}} left, {{right}} right) => new({{t.Each(component)}});

""";

    private static string Sum(Twin t) => Operator(t, "Component-wise sum.", "+", t.Self, t.Self, c => $"left.{c} + right.{c}");

    private static string Difference(Twin t) => Operator(t, "Component-wise difference.", "-", t.Self, t.Self, c => $"left.{c} - right.{c}");

    private static string Negation(Twin t) => $$"""
    /// <summary>The negated {{t.Noun}}.</summary>
    /// <param name="value">The {{t.Noun}}.</param>
    /// <returns>The result.</returns>
{{t.Inlining}}    public static {{t.Self}} operator -({{t.Self}} value) => new({{t.Each(c => "-value." + c)}});

""";

    // ---- Shared by the vectors ----

    private static string BroadcastConstructor(Twin t) => $$"""
    /// <summary>A vector whose components are all <paramref name="value"/>.</summary>
    /// <param name="value">The value of every component.</param>
{{Inline}}    public {{t.Name}}(TScalar value)
    {
{{string.Concat(t.Components.Select(c => $"        {c.Name} = value;\n"))}}    }

""";

    private static string ZeroAndOne(Twin t) => $$"""
    /// <summary>The zero vector.</summary>
    public static {{t.Self}} Zero => new(TScalar.Zero);

    /// <summary>The vector of ones.</summary>
    public static {{t.Self}} One => new(TScalar.One);

""";

    private static string Units(Twin t) => string.Join("\n", t.Components.Select(axis => $$"""
    /// <summary>The unit vector along {{axis.Name}}.</summary>
    public static {{t.Self}} Unit{{axis.Name}} => new({{t.Each(c => c == axis.Name ? "TScalar.One" : "TScalar.Zero")}});

"""));

    private static string VectorConversion(Twin t) => $$"""
    /// <summary>A constant vector (zero tangents).</summary>
    /// <param name="value">The vector.</param>
    public static implicit operator {{t.Self}}({{t.Numerics}} value) => new({{t.Each(c => $"TScalar.CreateChecked(value.{c})")}});

""";

    private static string Product(Twin t) => Operator(t, "Component-wise product.", "*", t.Self, t.Self, c => $"left.{c} * right.{c}");

    private static string ScaledRight(Twin t) => Operator(t, "The vector scaled.", "*", t.Self, "TScalar", c => $"left.{c} * right");

    private static string ScaledLeft(Twin t) => Operator(t, "The vector scaled.", "*", "TScalar", t.Self, c => $"left * right.{c}");

    private static string Quotient(Twin t) => Operator(t, "Component-wise quotient.", "/", t.Self, t.Self, c => $"left.{c} / right.{c}");

    private static string DividedByScalar(Twin t) => Operator(t, "The vector divided by a scalar.", "/", t.Self, "TScalar", c => $"left.{c} / right");

    private static string Dot(Twin t) => $$"""
    /// <summary>The dot product.</summary>
    /// <param name="value1">The first vector.</param>
    /// <param name="value2">The second vector.</param>
    /// <returns>Σ value1ᵢ·value2ᵢ.</returns>
{{Inline}}    public static TScalar Dot({{t.Self}} value1, {{t.Self}} value2) => {{string.Join(" + ", t.Components.Select(c => $"value1.{c.Name} * value2.{c.Name}"))}};

""";

    private static string LengthSquared(Twin t) => $$"""
    /// <summary>The squared Euclidean length.</summary>
    /// <returns>The dot product of the vector with itself.</returns>
{{Inline}}    public TScalar LengthSquared() => Dot(this, this);

""";

    private static string Length(Twin t) => $$"""
    /// <summary>The Euclidean length.</summary>
    /// <returns>√(LengthSquared()).</returns>
{{Inline}}    public TScalar Length() => TScalar.Sqrt(LengthSquared());

""";

    private static string Normalize(Twin t) => $$"""
    /// <summary>The vector divided by its length, as <see cref="{{t.Numerics}}.Normalize({{t.Numerics}})"/>.</summary>
    /// <param name="value">The vector.</param>
    /// <returns>The unit vector.</returns>
{{Inline}}    public static {{t.Self}} Normalize({{t.Self}} value) => value / value.Length();

""";

    private static string Distance(Twin t) => $$"""
    /// <summary>The distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The length of their difference.</returns>
{{Inline}}    public static TScalar Distance({{t.Self}} value1, {{t.Self}} value2) => (value1 - value2).Length();

""";

    private static string DistanceSquared(Twin t) => $$"""
    /// <summary>The squared distance between two points.</summary>
    /// <param name="value1">The first point.</param>
    /// <param name="value2">The second point.</param>
    /// <returns>The squared length of their difference.</returns>
{{Inline}}    public static TScalar DistanceSquared({{t.Self}} value1, {{t.Self}} value2) => (value1 - value2).LengthSquared();

""";

    private static string Lerp(Twin t) => $$"""
    /// <summary>Linear interpolation, as <see cref="{{t.Numerics}}.Lerp({{t.Numerics}}, {{t.Numerics}}, float)"/>: value1·(1 − amount) + value2·amount.</summary>
    /// <param name="value1">The start.</param>
    /// <param name="value2">The end.</param>
    /// <param name="amount">The weight of <paramref name="value2"/>.</param>
    /// <returns>The interpolated vector.</returns>
{{Inline}}    public static {{t.Self}} Lerp({{t.Self}} value1, {{t.Self}} value2, TScalar amount) => (value1 * (TScalar.One - amount)) + (value2 * amount);

""";

    private static string AngleBracketText(Twin t) => $$"""
    /// <inheritdoc />
    public override string ToString() => "<" + {{string.Join(" + \", \" + ", t.Components.Select(c => c.Name))}} + ">";

""";

    // ---- Vector3 alone ----

    private static string Cross(Twin t) => $$"""
    /// <summary>The cross product.</summary>
    /// <param name="vector1">The first vector.</param>
    /// <param name="vector2">The second vector.</param>
    /// <returns>vector1 × vector2.</returns>
{{Inline}}    public static {{t.Self}} Cross({{t.Self}} vector1, {{t.Self}} vector2) => new(
        (vector1.Y * vector2.Z) - (vector1.Z * vector2.Y),
        (vector1.Z * vector2.X) - (vector1.X * vector2.Z),
        (vector1.X * vector2.Y) - (vector1.Y * vector2.X));

""";

    private static string TransformByQuaternion(Twin t) => $$"""
    /// <summary>The vector rotated by a quaternion, by the formula of <see cref="Vector3.Transform(Vector3, Quaternion)"/>
    /// (the rotation matrix of <paramref name="rotation"/>, exact for a unit quaternion).</summary>
    /// <param name="value">The vector.</param>
    /// <param name="rotation">The rotation.</param>
    /// <returns>The rotated vector.</returns>
    public static {{t.Self}} Transform({{t.Self}} value, DualQuaternion<TScalar> rotation)
    {
        TScalar x2 = rotation.X + rotation.X, y2 = rotation.Y + rotation.Y, z2 = rotation.Z + rotation.Z;
        TScalar wx2 = rotation.W * x2, wy2 = rotation.W * y2, wz2 = rotation.W * z2;
        TScalar xx2 = rotation.X * x2, xy2 = rotation.X * y2, xz2 = rotation.X * z2;
        TScalar yy2 = rotation.Y * y2, yz2 = rotation.Y * z2, zz2 = rotation.Z * z2;
        TScalar one = TScalar.One;
        return new(
            (value.X * (one - yy2 - zz2)) + (value.Y * (xy2 - wz2)) + (value.Z * (xz2 + wy2)),
            (value.X * (xy2 + wz2)) + (value.Y * (one - xx2 - zz2)) + (value.Z * (yz2 - wx2)),
            (value.X * (xz2 - wy2)) + (value.Y * (yz2 + wx2)) + (value.Z * (one - xx2 - yy2)));
    }

""";

    // ---- The quaternion alone: between its component constructor and its component-wise operators, its other
    // constructor, constants and conversion; after them, the scaling, the Hamilton product, rotations and norms of
    // System.Numerics' Quaternion. ----

    private static string QuaternionConstants(Twin t) => $$"""
    /// <summary>A quaternion from its vector and scalar parts.</summary>
    /// <param name="vectorPart">The vector part.</param>
    /// <param name="scalarPart">The scalar part.</param>
{{Inline}}    public {{t.Name}}(DualVector3<TScalar> vectorPart, TScalar scalarPart)
        : this(vectorPart.X, vectorPart.Y, vectorPart.Z, scalarPart)
    {
    }

    /// <summary>The identity rotation (0, 0, 0, 1).</summary>
    public static {{t.Self}} Identity => new(TScalar.Zero, TScalar.Zero, TScalar.Zero, TScalar.One);

    /// <summary>The zero quaternion.</summary>
    public static {{t.Self}} Zero => new(TScalar.Zero, TScalar.Zero, TScalar.Zero, TScalar.Zero);

    /// <summary>A constant quaternion (zero tangents).</summary>
    /// <param name="value">The quaternion.</param>
    public static implicit operator {{t.Self}}({{t.Numerics}} value) =>
        new({{t.Each(c => $"TScalar.CreateChecked(value.{c})")}});

""";

    private static string QuaternionAlgebra(Twin t) => $$"""
    /// <summary>The quaternion scaled.</summary>
    /// <param name="left">The quaternion.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The result.</returns>
    public static {{t.Self}} operator *({{t.Self}} left, TScalar right) => new({{t.Each(c => $"left.{c} * right")}});

    /// <summary>The Hamilton product, by the formula of <see cref="Quaternion.op_Multiply(Quaternion, Quaternion)"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The product.</returns>
    public static {{t.Self}} operator *({{t.Self}} left, {{t.Self}} right)
    {
        TScalar cx = (left.Y * right.Z) - (left.Z * right.Y);
        TScalar cy = (left.Z * right.X) - (left.X * right.Z);
        TScalar cz = (left.X * right.Y) - (left.Y * right.X);
        TScalar dot = (left.X * right.X) + (left.Y * right.Y) + (left.Z * right.Z);
        return new(
            (left.X * right.W) + (right.X * left.W) + cx,
            (left.Y * right.W) + (right.Y * left.W) + cy,
            (left.Z * right.W) + (right.Z * left.W) + cz,
            (left.W * right.W) - dot);
    }

    /// <summary>The rotation by <paramref name="angle"/> radians about the unit vector <paramref name="axis"/>, as <see cref="Quaternion.CreateFromAxisAngle(Vector3, float)"/>.</summary>
    /// <param name="axis">The unit axis.</param>
    /// <param name="angle">The angle in radians.</param>
    /// <returns>(axis·sin(angle/2), cos(angle/2)).</returns>
    public static {{t.Self}} CreateFromAxisAngle(DualVector3<TScalar> axis, TScalar angle)
    {
        TScalar half = angle * TScalar.CreateChecked(0.5f);
        TScalar s = TScalar.Sin(half), c = TScalar.Cos(half);
        return new(axis.X * s, axis.Y * s, axis.Z * s, c);
    }

    /// <summary>The conjugate (−x, −y, −z, w).</summary>
    /// <param name="value">The quaternion.</param>
    /// <returns>The conjugate.</returns>
    public static {{t.Self}} Conjugate({{t.Self}} value) => new(-value.X, -value.Y, -value.Z, value.W);

    /// <summary>The dot product of the four components.</summary>
    /// <param name="quaternion1">The first quaternion.</param>
    /// <param name="quaternion2">The second quaternion.</param>
    /// <returns>The dot product.</returns>
    public static TScalar Dot({{t.Self}} quaternion1, {{t.Self}} quaternion2) =>
        {{string.Join(" + ", t.Components.Select(c => $"(quaternion1.{c.Name} * quaternion2.{c.Name})"))}};

    /// <summary>The squared length.</summary>
    /// <returns>The dot product with itself.</returns>
    public TScalar LengthSquared() => Dot(this, this);

    /// <summary>The length.</summary>
    /// <returns>√(LengthSquared()).</returns>
    public TScalar Length() => TScalar.Sqrt(LengthSquared());

    /// <summary>The quaternion divided by its length.</summary>
    /// <param name="value">The quaternion.</param>
    /// <returns>The unit quaternion.</returns>
    public static {{t.Self}} Normalize({{t.Self}} value)
    {
        TScalar inverse = TScalar.One / value.Length();
        return value * inverse;
    }

    /// <inheritdoc />
    public override string ToString() => "{X:" + X + " Y:" + Y + " Z:" + Z + " W:" + W + "}";

""";
}
