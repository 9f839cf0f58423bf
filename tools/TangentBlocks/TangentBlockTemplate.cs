namespace Dual.Tools;

/// <summary>
/// The one source of the SIMD tangent blocks that differ only in their width and vector type (Tangents2 in a
/// <c>Vector128</c>, Tangents4 in a <c>Vector256</c>). <c>dotnet run --project tools/TangentBlocks</c> writes them
/// to src/Dual; Dual.Tests links this file and fails while a committed block differs from <see cref="Render"/>.
/// </summary>
public static class TangentBlockTemplate
{
    /// <summary>The generated blocks: lane count and the System.Runtime.Intrinsics vector type that holds them.</summary>
    public static readonly (int Lanes, string Vector)[] Blocks = [(2, "Vector128"), (4, "Vector256")];

    /// <summary>The block's path relative to the repository root.</summary>
    public static string PathOf(int lanes) => $"src/Dual/Tangents/Tangents{lanes}.cs";

    /// <summary>The source text of the block with <paramref name="lanes"/> lanes held in one <paramref name="vector"/>.</summary>
    public static string Render(int lanes, string vector) => $$"""
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Generated from tools/TangentBlocks/TangentBlockTemplate.cs (one template for Tangents2 and Tangents4): edit the
// template, then run `dotnet run --project tools/TangentBlocks`; a test fails while this file differs from its output.

/// <summary>A block of {{lanes}} tangents: {{lanes}} directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in one <c>{{vector}}&lt;T&gt;</c> field, so a <c>Dual&lt;T, Tangents{{lanes}}&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Tangents{{lanes}}<T> : ITangents<Tangents{{lanes}}<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly {{vector}}<T> _v0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents{{lanes}}({{vector}}<T> v0)
    {
        _v0 = v0;
    }

    /// <summary>{{lanes}}.</summary>
    public static int Count => {{lanes}};

    // Vector field k holds lanes [k·W, (k+1)·W) and is needed only while k·W < 8; all of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => {{vector}}.IsHardwareAccelerated && {{vector}}<T>.IsSupported;
    }

    /// <summary>All lanes zero.</summary>
    public static Tangents{{lanes}}<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<Tangents{{lanes}}<T>, T>.Zero({{lanes}});
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * {{lanes}} > Unsafe.SizeOf<Tangents{{lanes}}<T>>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof(Tangents{{lanes}}<T>))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents{{lanes}}<T> block, int index) => ref BlockFallback<Tangents{{lanes}}<T>, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= {{lanes}}) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, {{lanes}}).");
            Tangents{{lanes}}<T> copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static Tangents{{lanes}}<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > {{lanes}}) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most {{lanes}}.", nameof(values));
        Tangents{{lanes}}<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
            // Built in registers (no store and reload of a block in memory).
            return (uint)index < {{lanes}} ? new(RegisterSeeds<T>.Unit{{64 * lanes}}(index, value)) : Zero;
        }
        Tangents{{lanes}}<T> r = Zero;
        if ((uint)index < {{lanes}}) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= {{lanes}})
        {
            // A full block is stored straight from the register: all of it for double, {{(lanes == 2 ? "its lower 64 bits" : "its lower half")}} for float.
            ref T d = ref MemoryMarshal.GetReference(destination);
            if ({{vector}}<T>.Count == {{lanes}}) _v0.StoreUnsafe(ref d);
            else {{(lanes == 2 ? "Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref d), _v0.AsUInt64().ToScalar());" : "_v0.GetLower().StoreUnsafe(ref d);")}}
            return;
        }
        Tangents{{lanes}}<T> copy = this;
        int n = Math.Min({{lanes}}, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Add(Tangents{{lanes}}<T> a, Tangents{{lanes}}<T> b)
    {
        if (Simd) return new(a._v0 + b._v0);
        return BlockFallback<Tangents{{lanes}}<T>, T>.Add(a, b, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Subtract(Tangents{{lanes}}<T> a, Tangents{{lanes}}<T> b)
    {
        if (Simd) return new(a._v0 - b._v0);
        return BlockFallback<Tangents{{lanes}}<T>, T>.Subtract(a, b, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Negate(Tangents{{lanes}}<T> a)
    {
        if (Simd) return new(-a._v0);
        return BlockFallback<Tangents{{lanes}}<T>, T>.Negate(a, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Multiply(Tangents{{lanes}}<T> a, T s)
    {
        if (Simd)
        {
            {{vector}}<T> vs = {{vector}}.Create(s);
            return new(a._v0 * vs);
        }
        return BlockFallback<Tangents{{lanes}}<T>, T>.Multiply(a, s, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> Divide(Tangents{{lanes}}<T> a, T s)
    {
        if (Simd)
        {
            {{vector}}<T> vs = {{vector}}.Create(s);
            return new(a._v0 / vs);
        }
        return BlockFallback<Tangents{{lanes}}<T>, T>.Divide(a, s, {{lanes}});
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents{{lanes}}<T> MultiplyAdd(Tangents{{lanes}}<T> a, T s, Tangents{{lanes}}<T> b, T t)
    {
        if (Simd)
        {
            {{vector}}<T> vs = {{vector}}.Create(s), vt = {{vector}}.Create(t);
            return new(a._v0 * vs + b._v0 * vt);
        }
        return BlockFallback<Tangents{{lanes}}<T>, T>.MultiplyAdd(a, s, b, t, {{lanes}});
    }

    /// <inheritdoc/>
    public static Tangents{{lanes}}<T> MultiplyAddSkippingZeros(Tangents{{lanes}}<T> a, T s, Tangents{{lanes}}<T> b, T t) => BlockFallback<Tangents{{lanes}}<T>, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, {{lanes}});

    /// <inheritdoc/>
    public static bool Equal(Tangents{{lanes}}<T> a, Tangents{{lanes}}<T> b) => BlockFallback<Tangents{{lanes}}<T>, T>.Equal(a, b, {{lanes}});

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[{{lanes}}];
        for (int i = 0; i < {{lanes}}; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
""" + "\n";
}
