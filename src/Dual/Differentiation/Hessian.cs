namespace Dual;

public static partial class AutoDiff
{
    /// <summary>The n×n Hessian of f: ℝⁿ → ℝ by forward-over-forward nested duals (<c>Dual&lt;Dual&lt;T&gt;&gt;</c>).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function, written on <c>Dual&lt;Dual&lt;T&gt;&gt;</c>.</param>
    /// <param name="x">The point.</param>
    /// <returns>H with H[i, j] = ∂²f/∂xᵢ∂xⱼ (exactly symmetric: each pair is evaluated once).</returns>
    /// <exception cref="ArgumentException">n·n is more than an array holds.</exception>
    public static T[,] Hessian<T>(ScalarFunc<Dual<Dual<T>>> f, ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        var flat = new T[Guard.ArrayLength(n, n, nameof(x), "n·n")];
        var gradient = new T[n];
        Hessian(f, x, gradient, flat);
        return ToMatrix(flat, n, n);
    }

    /// <summary>f(x), ∇f(x) and the Hessian into caller buffers (row-major n×n), allocation-free:
    /// n(n+1)/2 evaluations, one per pair i ≤ j, seeding xᵢ in the inner and xⱼ in the outer tangent.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function, written on <c>Dual&lt;Dual&lt;T&gt;&gt;</c>.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It may overlap <paramref name="x"/>.</param>
    /// <param name="hessian">Receives H; length n·n. It may overlap <paramref name="x"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A buffer length does not match n, or the two outputs overlap.</exception>
    public static T Hessian<T>(ScalarFunc<Dual<Dual<T>>> f, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = x.Length;
        Guard.SameLength(n, gradient.Length, nameof(gradient), nameof(x));
        Guard.MatrixLength(n, n, hessian.Length, nameof(hessian), "n", "x");
        Guard.Disjoint<T>(gradient, hessian, nameof(gradient), nameof(hessian));
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Hessian));
        using var work = new Rented<Dual<Dual<T>>>(n);
        Span<Dual<Dual<T>>> xs = work.Span;
        for (int k = 0; k < n; k++)
        {
            xs[k] = Lift(x[k], T.Zero, T.Zero);
        }
        if (n == 0)
        {
            return f(xs).Value.Value;
        }
        // From here on the inputs are read from xs only: the outputs may overlap x.
        T value = T.Zero;
        for (int i = 0; i < n; i++)
        {
            T xi = xs[i].Value.Value;
            for (int j = i; j < n; j++)
            {
                T xj = xs[j].Value.Value;
                // Inner tangent seeds xᵢ, outer seeds xⱼ: the outer tangent's tangent is ∂²f/∂xᵢ∂xⱼ.
                xs[i] = Lift(xi, T.One, i == j ? T.One : T.Zero);
                if (j != i)
                {
                    xs[j] = Lift(xj, T.Zero, T.One);
                }
                Dual<Dual<T>> y = f(xs);
                xs[i] = Lift(xi, T.Zero, T.Zero);
                xs[j] = Lift(xj, T.Zero, T.Zero);
                value = y.Value.Value;
                if (j == i)
                {
                    gradient[i] = y.Value.Tangent;
                }
                hessian[i * n + j] = y.Tangent.Tangent;
                hessian[j * n + i] = y.Tangent.Tangent;
            }
        }
        return value;
    }

    /// <summary>The Hessian of a generic-math function (evaluated at <c>Dual&lt;Dual&lt;T&gt;&gt;</c>).</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <returns>H with H[i, j] = ∂²f/∂xᵢ∂xⱼ.</returns>
    /// <exception cref="ArgumentException">n·n is more than an array holds.</exception>
    public static T[,] Hessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        int n = x.Length;
        var flat = new T[Guard.ArrayLength(n, n, nameof(x), "n·n")];
        var gradient = new T[n];
        Hessian(f, x, gradient, flat);
        return ToMatrix(flat, n, n);
    }

    /// <summary>f(x), ∇f(x) and the Hessian of a generic-math function into caller buffers, allocation-free.
    /// Chunked: each pass seeds xᵢ in the inner tangent and k inputs xⱼ…xⱼ₊ₖ₋₁ (j ≥ i's block) in the outer
    /// multi-tangent, so the upper triangle costs about n·⌈n/k⌉/2 evaluations instead of n(n+1)/2.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="gradient">Receives ∇f(x); length n. It may overlap <paramref name="x"/>.</param>
    /// <param name="hessian">Receives H row-major; length n·n (exactly symmetric). It may overlap <paramref name="x"/>.</param>
    /// <param name="chunkSize">Outer tangents per pass: 0 picks <see cref="DefaultChunkSize"/> capped at 8 (wider outer
    /// blocks of second-order duals spill registers and cost more than the passes they save); else 1, 2, 4, 8, 16 or 32.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A buffer length does not match n, or the two outputs overlap.</exception>
    public static T Hessian<T, TFunction>(TFunction f, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, int chunkSize = 0)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        int n = x.Length;
        Guard.SameLength(n, gradient.Length, nameof(gradient), nameof(x));
        Guard.MatrixLength(n, n, hessian.Length, nameof(hessian), "n", "x");
        Guard.Disjoint<T>(gradient, hessian, nameof(gradient), nameof(hessian));
        int k = HessianChunkSize(chunkSize, n);
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Hessian));
        var rows = new BlockRange(0, n);
        return HessianDispatch<T, TFunction, BlockRange>(k, ref f, x, gradient, hessian, ref rows, out _);
    }

    /// <summary>
    /// The outer chunk size: as <see cref="DefaultChunkSize"/>, but at most 8 when automatic. A
    /// Dual&lt;Dual&lt;double&gt;, 16 pair lanes&gt; is four zmm registers and spills under register pressure: measured
    /// (dense coupled function, n = 200), 16 lanes cost about twice 8 lanes per pass, saving only a third of the passes.
    /// </summary>
    private static int HessianChunkSize(int chunkSize, int n) => chunkSize == 0 ? Math.Min(8, DefaultChunkSize(n)) : ResolveChunkSize(chunkSize, n);

    /// <summary>The outer tangent block for chunk size k: lane pairs of SIMD blocks (<see cref="PairTangents{T, TBlock}"/>)
    /// where T fits them, else the wide blocks over Dual&lt;T&gt; (nested T).</summary>
    private static T HessianDispatch<T, TFunction, TRows>(int k, ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, ref TRows rows, out bool hasValue)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TRows : struct, IBlockSource
    {
        if (k == 1)
        {
            return HessianChunked<T, TFunction, Tangents1<Dual<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue);
        }
        if (FitsSimdBlocks<T>())
        {
            return k switch
            {
                2 => HessianChunked<T, TFunction, PairTangents<T, Tangents2<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
                4 => HessianChunked<T, TFunction, PairTangents<T, Tangents4<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
                8 => HessianChunked<T, TFunction, PairTangents<T, Tangents8<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
                16 => HessianChunked<T, TFunction, PairTangents<T, Tangents16<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
                _ => HessianChunked<T, TFunction, PairTangents<T, Tangents32<T>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
            };
        }
        return k switch
        {
            2 => HessianChunked<T, TFunction, WideTangents<Dual<T>, Width2<Dual<T>>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
            4 => HessianChunked<T, TFunction, WideTangents<Dual<T>, Width4<Dual<T>>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
            8 => HessianChunked<T, TFunction, WideTangents<Dual<T>, Width8<Dual<T>>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
            16 => HessianChunked<T, TFunction, WideTangents<Dual<T>, Width16<Dual<T>>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
            _ => HessianChunked<T, TFunction, WideTangents<Dual<T>, Width32<Dual<T>>>, TRows>(ref f, x, gradient, hessian, ref rows, out hasValue),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // owns a stack buffer (see StackBuffer)
    private static T HessianChunked<T, TFunction, TTangents, TRows>(ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian, ref TRows rows, out bool hasValue)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TTangents : struct, ITangents<TTangents, Dual<T>>
        where TRows : struct, IBlockSource
    {
        if (StackBuffer<Dual<Dual<T>, TTangents>>.Holds(x.Length))
        {
            Unsafe.SkipInit(out StackBuffer<Dual<Dual<T>, TTangents>> buffer);
            return HessianRows(ref f, x, gradient, hessian, buffer.AsSpan(x.Length), ref rows, out hasValue);
        }
        using var work = new Rented<Dual<Dual<T>, TTangents>>(x.Length);
        return HessianRows(ref f, x, gradient, hessian, work.Span, ref rows, out hasValue);
    }

    /// <summary>
    /// The chunked Hessian's loop over the rows that <paramref name="rows"/> hands out: row i seeds xᵢ in the inner
    /// tangent and, pass by pass, k inputs xⱼ…xⱼ₊ₖ₋₁ (from i's own block on) in the outer lanes, writing
    /// H[i, j] = H[j, i] for j ≥ i (the upper triangle, mirrored) and ∇f[i]. Rows are independent, so whichever thread
    /// evaluates a row gets the same bits.
    /// </summary>
    /// <returns>f(x) from the last pass of the last row, when this loop evaluated it (<paramref name="hasValue"/>).</returns>
    /// <remarks>Not inlined into <see cref="HessianChunked"/>: its two buffer paths would each inline this loop and, with
    /// it, the user's function over second-order duals, and the JIT's inlining budget then runs out inside the
    /// function's body, leaving block operations (Unit, Zero, MultiplyAdd, operators) as calls that pass 128-byte
    /// structs through memory: measured on Rosenbrock n = 10, outer k = 8 cost 8.6 µs against 1.3 µs for k = 4.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T HessianRows<T, TFunction, TTangents, TRows>(ref TFunction f, ReadOnlySpan<T> x, Span<T> gradient, Span<T> hessian,
        Span<Dual<Dual<T>, TTangents>> xs, ref TRows rows, out bool hasValue)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
        where TTangents : struct, ITangents<TTangents, Dual<T>>
        where TRows : struct, IBlockSource
    {
        int n = x.Length, k = TTangents.Count;
        hasValue = false;
        for (int m = 0; m < n; m++)
        {
            xs[m] = new(new Dual<T>(x[m], T.Zero), TTangents.Zero);
        }
        if (n == 0)
        {
            hasValue = true;
            return f.Evaluate<Dual<Dual<T>, TTangents>>(xs).Value.Value;
        }
        // From here on the inputs are read from xs only: the outputs may overlap x.
        T value = T.Zero;
        Dual<T> one = new(T.One, T.Zero);
        PrimalReplay.CallLog? replay = PassReplay.Start<T>(n, 1); // every pass evaluates f at the same point
        while (rows.Next(out int i))
        {
            T xi = xs[i].Value.Value;
            xs[i] = new(new Dual<T>(xi, T.One), xs[i].Tangents);
            // Blocks of columns from i's own block on: the upper triangle, mirrored below.
            for (int start = i / k * k; start < n; start += k)
            {
                int count = Math.Min(k, n - start);
                for (int lane = 0; lane < count; lane++)
                {
                    OuterSeeding<T, TTangents>.Set(ref Unsafe.AsRef(in xs[start + lane].Tangents), lane, one);
                }
                replay?.Rewind();
                Dual<Dual<T>, TTangents> y = f.Evaluate<Dual<Dual<T>, TTangents>>(xs);
                for (int lane = 0; lane < count; lane++)
                {
                    int j = start + lane;
                    OuterSeeding<T, TTangents>.Set(ref Unsafe.AsRef(in xs[j].Tangents), lane, default);
                    if (j >= i)
                    {
                        T second = y.Tangents[lane].Tangent;
                        hessian[i * n + j] = second;
                        hessian[j * n + i] = second;
                    }
                }
                gradient[i] = y.Value.Tangent;
                if (i == n - 1)
                {
                    value = y.Value.Value;
                    hasValue = true;
                }
            }
            xs[i] = new(new Dual<T>(xi, T.Zero), xs[i].Tangents);
        }
        if (replay is not null) PrimalReplay.End();
        return value;
    }

    /// <summary>The Hessian-vector product H(x)·v by forward-over-forward: n evaluations, each seeding v in the
    /// inner tangent and eᵢ in the outer one, so the outer tangent's tangent is (H·v)ᵢ.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <param name="f">The function, written on <c>Dual&lt;Dual&lt;T&gt;&gt;</c>.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The vector (length n).</param>
    /// <param name="hvp">Receives H·v; length n. It may overlap <paramref name="x"/> and <paramref name="v"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A length does not match n.</exception>
    public static T Hvp<T>(ScalarFunc<Dual<Dual<T>>> f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> hvp) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        Guard.SameLength(x.Length, hvp.Length, nameof(hvp), nameof(x));
        return HvpCore<T, ScalarDelegate<Dual<Dual<T>>>>(new(f), x, v, hvp);
    }

    /// <summary>H(x)·v for a generic-math function.</summary>
    /// <typeparam name="T">The scalar type.</typeparam>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (length n).</param>
    /// <param name="v">The vector (length n).</param>
    /// <param name="hvp">Receives H·v; length n. It may overlap <paramref name="x"/> and <paramref name="v"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException">A length does not match n.</exception>
    public static T Hvp<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> hvp)
        where T : IFloatingPointIeee754<T>
        where TFunction : IScalarFunction
    {
        Guard.SameLength(x.Length, v.Length, nameof(v), nameof(x));
        Guard.SameLength(x.Length, hvp.Length, nameof(hvp), nameof(x));
        return HvpCore<T, ScalarStruct<TFunction, Dual<Dual<T>>>>(new(f), x, v, hvp);
    }

    // x and v are read once into the work array (as value and inner tangent) and re-seeded from there: hvp may overlap them.
    private static T HvpCore<T, TEvaluator>(TEvaluator f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> hvp)
        where T : IFloatingPointIeee754<T>
        where TEvaluator : IScalarEvaluator<Dual<Dual<T>>>
    {
        int n = x.Length;
        using NestingGuard<T>.Scope scope = NestingGuard<T>.Enter(nameof(Hvp));
        using var work = new Rented<Dual<Dual<T>>>(n);
        Span<Dual<Dual<T>>> xs = work.Span;
        for (int k = 0; k < n; k++)
        {
            xs[k] = Lift(x[k], v[k], T.Zero);
        }
        if (n == 0)
        {
            return f.Evaluate(xs).Value.Value;
        }
        T value = T.Zero;
        for (int i = 0; i < n; i++)
        {
            Dual<T> inner = xs[i].Value;
            xs[i] = Lift(inner.Value, inner.Tangent, T.One);
            Dual<Dual<T>> y = f.Evaluate(xs);
            xs[i] = Lift(inner.Value, inner.Tangent, T.Zero);
            value = y.Value.Value;
            hvp[i] = y.Tangent.Tangent;
        }
        return value;
    }

    /// <summary>x + innerε₁ + outerε₂ (the ε₁ε₂ term zero).</summary>
    private static Dual<Dual<T>> Lift<T>(T x, T inner, T outer) where T : IFloatingPointIeee754<T>
        => new(new Dual<T>(x, inner), new Dual<T>(outer, T.Zero));
}
