using System;
using System.Linq;

namespace Dual.BuildGenerators;

/// <summary>
/// The one source of the SIMD tangent blocks of src/Dual (Tangents2, 4, 8, 16 and 32), expanded at build time. A block keeps
/// its lanes in SIMD-register fields and does every operation lane-wise by value; the blocks differ only in width, the
/// vector type and how that vector is computed: Tangents2/4 in one native <c>Vector128</c>/<c>Vector256</c> (the scalar
/// fallback without it), Tangents8/16/32 in one, two or four <c>Vector512</c> fields computed natively where AVX-512 is and as
/// two <c>Vector256</c> halves elsewhere (<see cref="Block.Split"/>).
/// </summary>
internal static class TangentBlockTemplate
{
    /// <summary>One block: its lane count, the vector type of its fields, and whether that vector is computed as two
    /// halves where it is not hardware-accelerated.</summary>
    internal sealed class Block
    {
        public Block(int lanes, string vector, string? half)
        {
            Lanes = lanes;
            Vector = vector;
            Half = half;
        }

        public int Lanes { get; }

        public string Vector { get; }

        /// <summary>The half-width vector the operations fall back to (Vector256 for Vector512), or null for a block that
        /// uses only its own vector.</summary>
        public string? Half { get; }

        public bool Split => Half is not null;

        /// <summary>The number of vector fields: a split block has one per 8 lanes (8 doubles fill a Vector512), a plain
        /// block one.</summary>
        public int Fields => Split ? Lanes / 8 : 1;
    }

    /// <summary>The blocks src/Dual compiles.</summary>
    public static readonly Block[] Blocks =
    {
        new(2, "Vector128", null),
        new(4, "Vector256", null),
        new(8, "Vector512", "Vector256"),
        new(16, "Vector512", "Vector256"),
        new(32, "Vector512", "Vector256"),
    };

    /// <summary>The source text of <paramref name="b"/>.</summary>
    public static string Render(Block b)
    {
        if (b.Split && (b.Fields is < 1 or > 4 || b.Lanes % 8 != 0)) throw new InvalidOperationException("a split block has 8, 16, 24 or 32 lanes, not " + b.Lanes);
        int lanes = b.Lanes;
        string name = "Tangents" + lanes;
        string self = name + "<T>";
        string vector = b.Vector;
        int[] fields = Enumerable.Range(0, b.Fields).ToArray();
        string fieldList = string.Join(", ", fields.Select(k => "_v" + k));
        string ctorParameters = string.Join(", ", fields.Select(k => vector + "<T> v" + k));
        string ctorBody = string.Concat(fields.Select(k => "        _v" + k + " = v" + k + ";\n"));
        string fieldWords = b.Fields == 1 ? "one <c>" + vector + "&lt;T&gt;</c> field" : b.Fields + " <c>" + vector + "&lt;T&gt;</c> fields";

        // One vector operation per field: a plain block applies the operator, a split block its helper (native or in
        // halves); field k > 0 only where it holds lanes (UsesK folds at JIT time).
        string PerField(Func<string, string> op) =>
            string.Join(", ", fields.Select(k => k == 0 ? op("0") : "Uses" + k + " ? " + op(k.ToString()) + " : default"));
        string Op(Func<string, string> plain, Func<string, string> split) => b.Split ? PerField(split) : PerField(plain);

        string simd = b.Split ? SplitHelpers(b) : $$"""
    // Vector field k holds lanes [k·W, (k+1)·W) and is needed only while k·W < 8; all of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => {{vector}}.IsHardwareAccelerated && {{vector}}<T>.IsSupported;
    }


""";
        string unit = !b.Split
            ? $$"""
            // Built in registers (no store and reload of a block in memory).
            return (uint)index < {{lanes}} ? new(RegisterSeeds<T>.Unit{{64 * lanes}}(index, value)) : Zero;

"""
            : b.Fields == 1
            ? $$"""
            // Built in registers (no store and reload of a block in memory).
            if ((uint)index >= {{lanes}}) return Zero;
            if (Native) return new(RegisterSeeds<T>.Unit512(index, value));
            return new(Vector512.Create(RegisterSeeds<T>.Unit256(index, value), RegisterSeeds<T>.Unit256(index - Vector256<T>.Count, value)));

"""
            : $$"""
            // Built in registers (no store and reload of a block in memory); field k holds lanes [k·W, (k+1)·W).
            if ((uint)index >= {{lanes}}) return Zero;
            if (Native) return new({{PerField(k => "RegisterSeeds<T>.Unit512(index" + (k == "0" ? "" : " - " + k + " * Vector512<T>.Count") + ", value)")}});
            int h = Vector256<T>.Count;
            return new({{PerField(k => "Vector512.Create(RegisterSeeds<T>.Unit256(index" + (k == "0" ? "" : " - " + (2 * int.Parse(k)) + " * h") + ", value), RegisterSeeds<T>.Unit256(index - " + (2 * int.Parse(k) + 1) + " * h, value))")}});

""";
        string copyTo = b.Fields == 1
            ? $$"""
            // A full block is stored straight from the register: all of it for double, {{(lanes == 2 ? "its lower 64 bits" : "its lower half")}} for float.
            ref T d = ref MemoryMarshal.GetReference(destination);
            if ({{vector}}<T>.Count == {{lanes}}) _v0.StoreUnsafe(ref d);
            else {{(lanes == 2 ? "Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref d), _v0.AsUInt64().ToScalar());" : "_v0.GetLower().StoreUnsafe(ref d);")}}

"""
            : $$"""
            // A full block is stored straight from the registers ({{lanes}} lanes fill the fields exactly for double and float).
            ref T d = ref MemoryMarshal.GetReference(destination);
            _v0.StoreUnsafe(ref d);
{{string.Concat(fields.Skip(1).Select(k => "            if (Uses" + k + ") _v" + k + ".StoreUnsafe(ref d, (nuint)(" + k + " * Vector512<T>.Count));\n"))}}
""";
        // A split block's partial copy: its first lanes stored from the registers (PartialStores).
        string partialCopy = !b.Split ? "" : b.Fields == 1
            ? $$"""
        if (Simd && Native && RegisterSeeds<T>.Supported)
        {
            // Fewer lanes than the block's: stored straight from the register.
            PartialStores<T>.Store(ref MemoryMarshal.GetReference(destination), _v0, destination.Length);
            return;
        }

"""
            : $$"""
        if (Simd && Native && RegisterSeeds<T>.Supported)
        {
            // Fewer lanes than the block's: full vectors stored, then the first lanes of the last one.
            ref T d = ref MemoryMarshal.GetReference(destination);
            int count = destination.Length, w = Vector512<T>.Count;
{{PartialCascade(b.Fields, 0, "            ")}}            return;
        }

""";
        // Multiply, Divide and MultiplyAdd broadcast their scalars once in a plain block; a split block's helpers do.
        string Scalars(string declarations) => b.Split ? "" : "            " + vector + "<T> " + declarations + ";\n";

        return $$"""
// <auto-generated>
//   Expanded at build time by tools/Dual.BuildGenerators from TangentBlockTemplate.cs, the one template of Tangents2, 4, 8,
//   16 and 32: edit the template. (EmitCompilerGeneratedFiles=true writes this file under obj/ to read it.)
// </auto-generated>
#nullable enable
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

/// <summary>A block of {{lanes}} tangents: {{lanes}} directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in {{fieldWords}}, so a <c>Dual&lt;T, {{name}}&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct {{self}} : ITangents<{{self}}, T>, IContiguousLanes where T : IFloatingPointIeee754<T>
{
    private readonly {{vector}}<T> {{fieldList}};

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private {{name}}({{ctorParameters}})
    {
{{ctorBody}}    }

    /// <summary>{{lanes}}.</summary>
    public static int Count => {{lanes}};

{{simd}}    /// <summary>All lanes zero.</summary>
    public static {{self}} Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<{{self}}, T>.Zero({{lanes}});
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * {{lanes}} > Unsafe.SizeOf<{{self}}>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof({{self}}))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref {{self}} block, int index) => ref BlockFallback<{{self}}, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= {{lanes}}) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, {{lanes}}).");
            {{self}} copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static {{self}} Create(ReadOnlySpan<T> values)
    {
        if (values.Length > {{lanes}}) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most {{lanes}}.", nameof(values));
        {{self}} r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
{{unit}}        }
        {{self}} r = Zero;
        if ((uint)index < {{lanes}}) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= {{lanes}})
        {
{{copyTo}}            return;
        }
{{partialCopy}}        {{self}} copy = this;
        int n = Math.Min({{lanes}}, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Add({{self}} a, {{self}} b)
    {
        if (Simd) return new({{Op(k => "a._v" + k + " + b._v" + k, k => "Add(a._v" + k + ", b._v" + k + ")")}});
        return BlockFallback<{{self}}, T>.Add(a, b, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Subtract({{self}} a, {{self}} b)
    {
        if (Simd) return new({{Op(k => "a._v" + k + " - b._v" + k, k => "Sub(a._v" + k + ", b._v" + k + ")")}});
        return BlockFallback<{{self}}, T>.Subtract(a, b, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Negate({{self}} a)
    {
        if (Simd) return new({{Op(k => "-a._v" + k, k => "Neg(a._v" + k + ")")}});
        return BlockFallback<{{self}}, T>.Negate(a, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Multiply({{self}} a, T s)
    {
        if (Simd)
        {
{{Scalars("vs = " + vector + ".Create(s)")}}            return new({{Op(k => "a._v" + k + " * vs", k => "Mul(a._v" + k + ", s)")}});
        }
        return BlockFallback<{{self}}, T>.Multiply(a, s, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} Divide({{self}} a, T s)
    {
        if (Simd)
        {
{{Scalars("vs = " + vector + ".Create(s)")}}            return new({{Op(k => "a._v" + k + " / vs", k => "Div(a._v" + k + ", s)")}});
        }
        return BlockFallback<{{self}}, T>.Divide(a, s, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static {{self}} MultiplyAdd({{self}} a, T s, {{self}} b, T t)
    {
        if (Simd)
        {
{{Scalars("vs = " + vector + ".Create(s), vt = " + vector + ".Create(t)")}}            return new({{Op(k => "a._v" + k + " * vs + b._v" + k + " * vt", k => "Mad(a._v" + k + ", s, b._v" + k + ", t)")}});
        }
        return BlockFallback<{{self}}, T>.MultiplyAdd(a, s, b, t, {{lanes}});
    }

    /// <inheritdoc/>
    public static {{self}} MultiplyAddSkippingZeros({{self}} a, T s, {{self}} b, T t) => BlockFallback<{{self}}, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, {{lanes}});

    /// <inheritdoc/>
    public static bool Equal({{self}} a, {{self}} b) => BlockFallback<{{self}}, T>.Equal(a, b, {{lanes}});

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[{{lanes}}];
        for (int i = 0; i < {{lanes}}; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}

""";
    }

    // A split block: Simd where either the full vector or its halves are accelerated, Native where the full one is, the
    // vector operations written once each (native, or the two halves), and UsesK for every field after the first.
    /// <summary>The partial copy from field <paramref name="k"/> on: field k whole while the next field holds lanes and
    /// the count reaches it, else the first lanes of field k.</summary>
    private static string PartialCascade(int fields, int k, string indent)
    {
        string at = k == 0 ? "ref d" : "ref Unsafe.Add(ref d, " + k + " * w)";
        string rest = k == 0 ? "count" : "count - " + k + " * w";
        string partial = indent + "PartialStores<T>.Store(" + at + ", _v" + k + ", " + rest + ");\n";
        if (k + 1 >= fields) return partial;
        string storeWhole = indent + "    _v" + k + ".StoreUnsafe(ref d" + (k == 0 ? "" : ", (nuint)(" + k + " * w)") + ");\n";
        return indent + "if (Uses" + (k + 1) + " && count >= " + (k + 1) + " * w)\n" + indent + "{\n" + storeWhole
            + PartialCascade(fields, k + 1, indent + "    ") + indent + "}\n" + indent + "else\n" + indent + "{\n"
            + indent + "    " + partial.TrimStart() + indent + "}\n";
    }

    private static string SplitHelpers(Block b)
    {
        string v = b.Vector, h = b.Half!;
        string uses = string.Concat(Enumerable.Range(1, b.Fields - 1).Select(k => $$"""
    private static bool Uses{{k}}
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => {{k}} * {{v}}<T>.Count < {{b.Lanes}};
    }


"""));
        return $$"""
    // {{v}} lanes: native where AVX-512 is, else each half as a {{h}}; field k holds lanes [k·8, (k+1)·8)
    // of doubles and is needed only while k·W < {{b.Lanes}}. All of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ({{v}}.IsHardwareAccelerated && {{v}}<T>.IsSupported) || ({{h}}.IsHardwareAccelerated && {{h}}<T>.IsSupported);
    }

    private static bool Native
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => {{v}}.IsHardwareAccelerated && {{v}}<T>.IsSupported;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Add({{v}}<T> a, {{v}}<T> b) => Native ? a + b : {{v}}.Create(a.GetLower() + b.GetLower(), a.GetUpper() + b.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Sub({{v}}<T> a, {{v}}<T> b) => Native ? a - b : {{v}}.Create(a.GetLower() - b.GetLower(), a.GetUpper() - b.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Neg({{v}}<T> a) => Native ? -a : {{v}}.Create(-a.GetLower(), -a.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Mul({{v}}<T> a, T s) => Native ? a * {{v}}.Create(s) : {{v}}.Create(a.GetLower() * {{h}}.Create(s), a.GetUpper() * {{h}}.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Div({{v}}<T> a, T s) => Native ? a / {{v}}.Create(s) : {{v}}.Create(a.GetLower() / {{h}}.Create(s), a.GetUpper() / {{h}}.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static {{v}}<T> Mad({{v}}<T> a, T s, {{v}}<T> b, T t)
        => Native
            ? a * {{v}}.Create(s) + b * {{v}}.Create(t)
            : {{v}}.Create(a.GetLower() * {{h}}.Create(s) + b.GetLower() * {{h}}.Create(t), a.GetUpper() * {{h}}.Create(s) + b.GetUpper() * {{h}}.Create(t));


""" + uses;
    }
}
