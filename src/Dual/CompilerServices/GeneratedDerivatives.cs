using System.ComponentModel;

namespace Dual.CompilerServices;

/// <summary>
/// What the entry points of <c>[Differentiable]</c> methods call: each one hands the method's generated twin
/// (<see cref="IScalarTwin{T}"/>, <see cref="IVectorTwin{T}"/>) to <see cref="AutoDiff"/>'s own drivers, with the
/// same default chunk size (<see cref="AutoDiff.DefaultChunkSize"/>), so generated derivatives are those of
/// <see cref="AutoDiff"/> bit for bit and a fix or a speed-up in a driver reaches generated code too. Arguments are
/// checked here with the entry point's own parameter names. Allocation-free. Not meant for user code.
/// </summary>
/// <remarks>A twin marked <see cref="ISelfContainedTwin"/> has its single passes made without the nesting guard (see
/// there), which saves about 5.5 ns a call; its results are the same bits either way.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedDerivatives
{
    /// <summary>f(x) and f′(x) for a twin of one input.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The point.</param>
    /// <returns>The value and the derivative.</returns>
    public static (T Value, T Derivative) ValueAndDerivative<T, TTwin>(TTwin twin, T x)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
        => default(TTwin) is ISelfContainedTwin
            ? AutoDiff.ValueAndDerivativeSelfContained<T, RealTwinFunction<T, TTwin>>(new(twin), x)
            : AutoDiff.ValueAndDerivative<T, RealTwinFunction<T, TTwin>>(new(twin), x);

    /// <summary>f(x) and ∇f(x) into <paramref name="gradient"/>, as <see cref="AutoDiff.Gradient{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, int)"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The n differentiated inputs.</param>
    /// <param name="gradient">Receives ∇f(x) (length n).</param>
    /// <param name="xName">The entry point's name for <paramref name="x"/>.</param>
    /// <param name="gradientName">The entry point's name for <paramref name="gradient"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentException"><paramref name="gradient"/>'s length is not n.</exception>
    public static T Gradient<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> gradient, string xName, string gradientName)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
    {
        Guard.SameLength(x.Length, gradient.Length, gradientName, xName);
        return default(TTwin) is ISelfContainedTwin
            ? AutoDiff.GradientSelfContained(twin, x, gradient, Chunk(TTwin.HasMultiTangentTwin))
            : AutoDiff.Gradient<T, ScalarTwinFunction<T, TTwin>>(new(twin), x, gradient, Chunk(TTwin.HasMultiTangentTwin));
    }

    /// <summary>f(x) and ∇f(x)·v for a twin of one input.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The point.</param>
    /// <param name="v">The direction.</param>
    /// <returns>The value and the directional derivative, named as <see cref="AutoDiff"/>'s JVP tuple.</returns>
    public static (T Value, T Tangent) Jvp<T, TTwin>(TTwin twin, T x, T v)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
        => default(TTwin) is ISelfContainedTwin
            ? AutoDiff.JvpSelfContained<T, ScalarTwinFunction<T, TTwin>>(new(twin), new ReadOnlySpan<T>(in x), new ReadOnlySpan<T>(in v))
            : AutoDiff.Jvp<T, ScalarTwinFunction<T, TTwin>>(new(twin), new ReadOnlySpan<T>(in x), new ReadOnlySpan<T>(in v));

    /// <summary>f(x) and ∇f(x)·v, as <see cref="AutoDiff.Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The n differentiated inputs.</param>
    /// <param name="v">The direction (length n).</param>
    /// <param name="xName">The entry point's name for <paramref name="x"/>.</param>
    /// <param name="vName">The entry point's name for <paramref name="v"/>.</param>
    /// <returns>The value and the directional derivative, named as <see cref="AutoDiff"/>'s JVP tuple.</returns>
    /// <exception cref="ArgumentException"><paramref name="v"/>'s length is not n.</exception>
    public static (T Value, T Tangent) Jvp<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, ReadOnlySpan<T> v, string xName, string vName)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IScalarTwin<T>
    {
        Guard.SameLength(x.Length, v.Length, vName, xName);
        return default(TTwin) is ISelfContainedTwin
            ? AutoDiff.JvpSelfContained<T, ScalarTwinFunction<T, TTwin>>(new(twin), x, v)
            : AutoDiff.Jvp<T, ScalarTwinFunction<T, TTwin>>(new(twin), x, v);
    }

    /// <summary>f(x) into <paramref name="values"/> and the row-major Jacobian into <paramref name="jacobian"/>, as
    /// <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The n inputs.</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="jacobian">Receives J (length m·n, J[i, j] at i·n + j).</param>
    /// <param name="xName">The entry point's name for <paramref name="x"/>.</param>
    /// <param name="valuesName">The entry point's name for <paramref name="values"/>.</param>
    /// <param name="jacobianName">The entry point's name for <paramref name="jacobian"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="jacobian"/>'s length is not m·n, or the two outputs overlap.</exception>
    public static void Jacobian<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> values, Span<T> jacobian, string xName, string valuesName, string jacobianName)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        if ((long)values.Length * x.Length != jacobian.Length)
        {
            // Built only when it throws: the names are the entry point's.
            Guard.MatrixLength(values.Length, x.Length, jacobian.Length, jacobianName, "m", "the lengths of '" + valuesName + "' and '" + xName + "'");
        }
        Guard.Disjoint<T>(values, jacobian, valuesName, jacobianName);
        if (default(TTwin) is ISelfContainedTwin)
        {
            AutoDiff.JacobianSelfContained(twin, x, values, jacobian, Chunk(TTwin.HasMultiTangentTwin), valuesName);
        }
        else
        {
            AutoDiff.Jacobian<T, VectorTwinFunction<T, TTwin>>(new(twin), x, values, jacobian, Chunk(TTwin.HasMultiTangentTwin));
        }
    }

    /// <summary>f(x) and J(x)·v, as <see cref="AutoDiff.Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The n inputs.</param>
    /// <param name="v">The direction (length n).</param>
    /// <param name="values">Receives f(x); its length is m.</param>
    /// <param name="jvp">Receives J·v (length m).</param>
    /// <param name="xName">The entry point's name for <paramref name="x"/>.</param>
    /// <param name="vName">The entry point's name for <paramref name="v"/>.</param>
    /// <param name="valuesName">The entry point's name for <paramref name="values"/>.</param>
    /// <param name="jvpName">The entry point's name for <paramref name="jvp"/>.</param>
    /// <exception cref="ArgumentException">A length does not match, or the two outputs overlap.</exception>
    public static void Jvp<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> values, Span<T> jvp,
        string xName, string vName, string valuesName, string jvpName)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        Guard.SameLength(x.Length, v.Length, vName, xName);
        Guard.SameLength(values.Length, jvp.Length, jvpName, valuesName);
        Guard.Disjoint<T>(values, jvp, valuesName, jvpName);
        if (default(TTwin) is ISelfContainedTwin)
        {
            AutoDiff.JvpSelfContained<T, VectorTwinFunction<T, TTwin>>(new(twin), x, v, values, jvp);
        }
        else
        {
            AutoDiff.Jvp<T, VectorTwinFunction<T, TTwin>>(new(twin), x, v, values, jvp);
        }
    }

    /// <summary>A prepared sparse Jacobian of the twin with a known pattern (one the generator found at compile
    /// time), as <see cref="AutoDiff.PrepareSparseJacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, SparsityPattern, ColoringOrder, int)"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin (kept by the preparation).</param>
    /// <param name="x">A point (its length n is used).</param>
    /// <param name="pattern">The m×n pattern.</param>
    /// <returns>The preparation.</returns>
    public static PreparedSparseJacobian<T, VectorTwinFunction<T, TTwin>> PrepareSparseJacobian<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, SparsityPattern pattern)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
        => AutoDiff.PrepareSparseJacobian<T, VectorTwinFunction<T, TTwin>>(new(twin), x, pattern, chunkSize: Chunk(TTwin.HasMultiTangentTwin));

    /// <summary>
    /// The sparse Jacobian of the twin at <paramref name="x"/>, its pattern detected at that same x by
    /// <see cref="JacobianSparsity{T, TTwin}"/>: exact there whatever branches the method takes. A pattern detected
    /// through the twin holds only where the method branches as at x, so it is never kept for other points (a
    /// prepared object from it could silently miss entries where a branch flips); repeated evaluations take a
    /// pattern the caller vouches for (<see cref="PrepareSparseJacobian{T, TTwin}(TTwin, ReadOnlySpan{T}, SparsityPattern)"/>).
    /// </summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin (with a multi-tangent twin).</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives f(x) (length m).</param>
    /// <returns>J at x in CSR form.</returns>
    public static SparseJacobian<T> SparseJacobian<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        var prepared = PrepareSparseJacobian<T, TTwin>(twin, x, JacobianSparsity<T, TTwin>(twin, x, values.Length));
        SparseJacobian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, values, result);
        return result;
    }

    /// <summary>
    /// The sparse Jacobian of the twin at <paramref name="x"/> with <paramref name="pattern"/>, one that holds for every
    /// x (the pattern the generator proved at compile time): no tracing run.
    /// </summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin.</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The point.</param>
    /// <param name="values">Receives f(x) (length m).</param>
    /// <param name="pattern">The m×n pattern.</param>
    /// <returns>J at x in CSR form.</returns>
    /// <exception cref="ArgumentException">The pattern's size is not m×n.</exception>
    public static SparseJacobian<T> SparseJacobian<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, Span<T> values, SparsityPattern pattern)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        var prepared = PrepareSparseJacobian<T, TTwin>(twin, x, pattern);
        SparseJacobian<T> result = prepared.CreateResult();
        prepared.Evaluate(x, values, result);
        return result;
    }

    /// <summary>
    /// The m×n Jacobian pattern of the twin at <paramref name="x"/>, found by running its multi-tangent twin on
    /// <see cref="DependencyMask{T}"/> tangents (⌈n/256⌉ evaluations): entry (i, j) is in the pattern when output i
    /// depends on input j along the branches taken at x. A local pattern, as
    /// <see cref="SparsityDetection.Local"/> gives, except that <c>Min</c>/<c>Max</c>/<c>Clamp</c> keep only the
    /// operand they select at x (the twin's dual numbers select one), so prepare again where those or any branch
    /// can flip.
    /// </summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTwin">The generated twin (with a multi-tangent twin).</typeparam>
    /// <param name="twin">The twin.</param>
    /// <param name="x">The point.</param>
    /// <param name="outputLength">m.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="NotSupportedException">The method has no multi-tangent twin.</exception>
    public static SparsityPattern JacobianSparsity<T, TTwin>(TTwin twin, ReadOnlySpan<T> x, int outputLength)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTwin : IVectorTwin<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        if (!TTwin.HasMultiTangentTwin)
        {
            throw new NotSupportedException($"'{typeof(TTwin).Name}' has no multi-tangent twin (mixed precision or MultiTangent = false), which sparsity detection runs on; pass a pattern instead.");
        }
        int n = x.Length, m = outputLength, width = DependencyMask<T>.Count;
        var xs = new Dual<T, DependencyMask<T>>[n];
        var ys = new Dual<T, DependencyMask<T>>[m];
        for (int j = 0; j < n; j++) xs[j] = new(x[j], DependencyMask<T>.Zero);
        var rows = new System.Collections.Generic.List<int>[m];
        for (int i = 0; i < m; i++) rows[i] = new();
        var f = new VectorTwinFunction<T, TTwin>(twin);
        for (int start = 0; start < n; start += width)
        {
            int count = Math.Min(width, n - start);
            for (int lane = 0; lane < count; lane++) xs[start + lane] = new(x[start + lane], DependencyMask<T>.Unit(lane, T.One));
            Array.Clear(ys);
            f.Evaluate<Dual<T, DependencyMask<T>>>(xs, ys);
            for (int lane = 0; lane < count; lane++) xs[start + lane] = new(x[start + lane], DependencyMask<T>.Zero);
            for (int i = 0; i < m; i++)
            {
                DependencyMask<T> mask = ys[i].Tangents;
                if (mask.IsEmpty) continue;
                for (int lane = 0; lane < count; lane++)
                {
                    if (mask.IsSet(lane)) rows[i].Add(start + lane);
                }
            }
        }
        var offsets = new int[m + 1];
        for (int i = 0; i < m; i++) offsets[i + 1] = offsets[i] + rows[i].Count;
        var columns = new int[offsets[m]];
        for (int i = 0; i < m; i++) rows[i].CopyTo(columns, offsets[i]);
        return SparsityPattern.FromCsr(m, n, offsets, columns);
    }

    /// <summary>The error a generated single-tangent twin gives when asked for a multi-tangent evaluation (which the
    /// drivers never do for it: its <c>HasMultiTangentTwin</c> is false).</summary>
    /// <param name="method">The method.</param>
    /// <returns>The exception to throw.</returns>
    public static NotSupportedException NoMultiTangentTwin(string method) =>
        new($"'{method}' has no multi-tangent twin (it mixes precisions, or has MultiTangent = false); its entry points take one tangent per pass.");

    /// <summary>The error a generated twin gives when asked for an evaluation at seeded inputs (which the drivers never
    /// do for it: its <c>HasSeededTwin</c> is false, for the method's body reads its differentiated span otherwise than by
    /// index and length).</summary>
    /// <param name="method">The method.</param>
    /// <returns>The exception to throw.</returns>
    public static NotSupportedException NoSeededTwin(string method) =>
        new($"'{method}' has no twin over seeded inputs (its body uses its differentiated span otherwise than by index and length, or it has no multi-tangent twin); its entry points seed a work array.");

    /// <summary>AutoDiff's default chunk, or one tangent per pass for a twin without a multi-tangent form.</summary>
    private static int Chunk(bool multiTangent) => multiTangent ? 0 : 1;
}
