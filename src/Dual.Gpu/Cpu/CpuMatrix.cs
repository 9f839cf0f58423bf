namespace Dual.Gpu;

/// <summary>J(x)·V on the CPU: V's columns as the seeds of 8-lane multi-tangent passes (each lane bit-identical to
/// <see cref="AutoDiff.Jvp{T, TFunction}(TFunction, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/> along that
/// column).</summary>
internal static class CpuMatrix
{
    public static void Product<T, TFunction>(TFunction f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, int r, Span<T> product, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TFunction : struct, IVectorFunction
    {
        int n = x.Length, m = values.Length;
        Span<Dual<T, Tangents8<T>>> xs = Work<T>.Inputs(n), ys = Work<T>.Outputs(m);
        for (int c0 = 0; c0 < r; c0 += 8)
        {
            int count = Math.Min(8, r - c0);
            for (int j = 0; j < n; j++)
                xs[j] = new Dual<T, Tangents8<T>>(x[j], Tangents8<T>.Create(v.Slice(j * r + c0, count)));
            ys.Clear();
            f.Evaluate<Dual<T, Tangents8<T>>>(xs, ys);
            for (int i = 0; i < m; i++)
            {
                values[i] = ys[i].Value;
                ys[i].Tangents.CopyTo(product.Slice(i * r + c0, count));
            }
        }
    }

    private static class Work<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        [ThreadStatic]
        private static Dual<T, Tangents8<T>>[]? inputs;

        [ThreadStatic]
        private static Dual<T, Tangents8<T>>[]? outputs;

        public static Span<Dual<T, Tangents8<T>>> Inputs(int n) => Get(ref inputs, n);

        public static Span<Dual<T, Tangents8<T>>> Outputs(int m) => Get(ref outputs, m);

        private static Span<Dual<T, Tangents8<T>>> Get(ref Dual<T, Tangents8<T>>[]? array, int length)
        {
            if (array is null || array.Length < length)
                array = new Dual<T, Tangents8<T>>[Math.Max(length, 16)];
            return array.AsSpan(0, length);
        }
    }
}
