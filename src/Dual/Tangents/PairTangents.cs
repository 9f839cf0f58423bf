namespace Dual;

/// <summary>
/// k tangents that are themselves <see cref="Dual{T}"/> numbers, stored as two SIMD blocks: the lanes' values and the
/// lanes' tangents (a structure of arrays). These are the chunked Hessian's outer tangents: lane j carries ∂f/∂xⱼ in
/// its value and ∂²f/∂xᵢ∂xⱼ in its tangent.
/// </summary>
/// <typeparam name="T">The scalar type (one the SIMD blocks hold: double, float, Half).</typeparam>
/// <typeparam name="TBlock">The block of k scalars (<see cref="Tangents8{T}"/> etc.).</typeparam>
/// <remarks>
/// Every lane performs exactly <see cref="Dual{T}"/>'s operations, in the same order, so the results are the bits of
/// the one-dual-per-lane form (<c>WideTangents8&lt;Dual&lt;T&gt;&gt;</c>, an array of structures that the JIT can only
/// loop over one scalar dual at a time, through by-value block copies, about 10× slower per pass). Division by a dual
/// takes Dual&lt;T&gt;'s fast path on whole blocks when Dual&lt;T&gt; would take it in every lane, and otherwise runs
/// Dual&lt;T&gt;'s operator lane by lane; the singular-point product does the same.
/// </remarks>
internal readonly struct PairTangents<T, TBlock> : ITangents<PairTangents<T, TBlock>, Dual<T>>, IValueLanesFirst
    where T : IFloatingPointIeee754<T>
    where TBlock : struct, ITangents<TBlock, T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    private readonly TBlock _values;
    private readonly TBlock _tangents;

    [MethodImpl(Inline)]
    private PairTangents(TBlock values, TBlock tangents)
    {
        _values = values;
        _tangents = tangents;
    }

    public static int Count => TBlock.Count;

    public static PairTangents<T, TBlock> Zero
    {
        [MethodImpl(Inline)]
        get => new(TBlock.Zero, TBlock.Zero);
    }

    public Dual<T> this[int index] => new(_values[index], _tangents[index]);

    public static PairTangents<T, TBlock> Create(ReadOnlySpan<Dual<T>> values)
    {
        if (values.Length > TBlock.Count)
        {
            throw new ArgumentException($"'values' has length {values.Length} but a block holds at most {TBlock.Count}.", nameof(values));
        }
        Unsafe.SkipInit(out LaneBuffer<T> v);
        Unsafe.SkipInit(out LaneBuffer<T> t);
        Span<T> lanes = v[..values.Length], tangents = t[..values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            lanes[i] = values[i].Value;
            tangents[i] = values[i].Tangent;
        }
        return new(TBlock.Create(lanes), TBlock.Create(tangents));
    }

    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Unit(int index, Dual<T> value) => new(TBlock.Unit(index, value.Value), TBlock.Unit(index, value.Tangent));

    public void CopyTo(Span<Dual<T>> destination)
    {
        int n = Math.Min(TBlock.Count, destination.Length);
        for (int i = 0; i < n; i++)
        {
            destination[i] = this[i];
        }
    }

    /// <summary>(a + b) per lane: values and tangents add.</summary>
    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Add(PairTangents<T, TBlock> a, PairTangents<T, TBlock> b)
        => new(TBlock.Add(a._values, b._values), TBlock.Add(a._tangents, b._tangents));

    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Subtract(PairTangents<T, TBlock> a, PairTangents<T, TBlock> b)
        => new(TBlock.Subtract(a._values, b._values), TBlock.Subtract(a._tangents, b._tangents));

    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Negate(PairTangents<T, TBlock> a) => new(TBlock.Negate(a._values), TBlock.Negate(a._tangents));

    /// <summary>aᵢ·s = (vᵢ·s.v, tᵢ·s.v + s.t·vᵢ), Dual&lt;T&gt;'s operator *.</summary>
    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Multiply(PairTangents<T, TBlock> a, Dual<T> s)
        => new(TBlock.Multiply(a._values, s.Value), TBlock.MultiplyAdd(a._tangents, s.Value, a._values, s.Tangent));

    /// <summary>aᵢ·s + bᵢ·t: two Dual&lt;T&gt; products and their sum.</summary>
    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> MultiplyAdd(PairTangents<T, TBlock> a, Dual<T> s, PairTangents<T, TBlock> b, Dual<T> t)
        => new(TBlock.MultiplyAdd(a._values, s.Value, b._values, t.Value),
            TBlock.Add(TBlock.MultiplyAdd(a._tangents, s.Value, a._values, s.Tangent), TBlock.MultiplyAdd(b._tangents, t.Value, b._values, t.Tangent)));

    /// <summary>aᵢ/s, Dual&lt;T&gt;'s operator /: qᵢ = vᵢ/s.v and tᵢ·(1/s.v) + s.t·(−qᵢ·(1/s.v)) where that is Dual&lt;T&gt;'s
    /// fast path in every lane; otherwise Dual&lt;T&gt;'s operator lane by lane (its rescaled slow path).</summary>
    [MethodImpl(Inline)]
    public static PairTangents<T, TBlock> Divide(PairTangents<T, TBlock> a, Dual<T> s)
    {
        T inverse = T.One / s.Value;
        TBlock quotient = TBlock.Divide(a._values, s.Value);
        TBlock dRight = TBlock.Multiply(TBlock.Negate(quotient), inverse);
        if ((Constants<T>.IsNormal(inverse) || !T.IsFinite(s.Value) || s.Value == T.Zero) && AllFinite(dRight))
        {
            return new(quotient, TBlock.MultiplyAdd(a._tangents, inverse, dRight, s.Tangent));
        }
        return DivideByLane(a, s);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PairTangents<T, TBlock> DivideByLane(PairTangents<T, TBlock> a, Dual<T> s)
    {
        Unsafe.SkipInit(out LaneBuffer<Dual<T>> lanes);
        Span<Dual<T>> r = lanes[..TBlock.Count];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = a[i] / s;
        }
        return Create(r);
    }

    /// <summary>x − x is +0 for every finite x and NaN otherwise.</summary>
    [MethodImpl(Inline)]
    private static bool AllFinite(TBlock x) => TBlock.Equal(TBlock.Subtract(x, x), TBlock.Zero);

    /// <summary>As the one-dual-per-lane blocks: a zero lane (value and tangent zero) contributes exactly zero.</summary>
    public static PairTangents<T, TBlock> MultiplyAddSkippingZeros(PairTangents<T, TBlock> a, Dual<T> s, PairTangents<T, TBlock> b, Dual<T> t)
    {
        Unsafe.SkipInit(out LaneBuffer<Dual<T>> lanes);
        Span<Dual<T>> r = lanes[..TBlock.Count];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = Lanes<Dual<T>>.ProductSkippingZero(a[i], s) + Lanes<Dual<T>>.ProductSkippingZero(b[i], t);
        }
        return Create(r);
    }

    public static bool Equal(PairTangents<T, TBlock> a, PairTangents<T, TBlock> b)
        => TBlock.Equal(a._values, b._values) && TBlock.Equal(a._tangents, b._tangents);
}

/// <summary>Room for the lanes of the widest block (32), on the stack: the pair's lane-by-lane paths (singular points,
/// <see cref="PairTangents{T, TBlock}.Create"/>) work through one of these.</summary>
[InlineArray(32)]
internal struct LaneBuffer<TItem>
{
    private TItem _element0;
}
