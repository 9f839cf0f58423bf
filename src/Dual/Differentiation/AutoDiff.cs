using System.Buffers;

namespace Dual;

/// <summary>
/// Forward-mode differentiation entry points: <see cref="Derivative{T}(Func{Dual{T}, Dual{T}}, T)"/>,
/// gradients, Jacobians, Jacobian-vector products, Hessians and Hessian-vector products.
/// </summary>
/// <remarks>
/// <para>Each operation comes in two forms: over delegates written on <see cref="Dual{T}"/> (one tangent per
/// pass), and over generic-math structs (<see cref="IRealFunction"/>, <see cref="IScalarFunction"/>,
/// <see cref="IVectorFunction"/>, <see cref="ICurveFunction"/>), which run chunked multi-tangent passes:
/// k tangents per evaluation, so an n-input gradient costs ⌈n/k⌉ evaluations. The span overloads write into
/// caller buffers and allocate nothing (work arrays come from a per-thread cache, or <see cref="ArrayPool{T}.Shared"/> when large).</para>
/// <para>Outputs may share memory with the inputs (in-place Newton updates such as <c>values: x</c> or
/// <c>gradient: x</c>): inputs are read into work storage before any output is written, so any overlap gives the
/// same result as separate buffers. Two outputs of one call must not overlap (<see cref="ArgumentException"/>
/// naming both).</para>
/// <para>Matrices are row-major: a Jacobian of f: ℝⁿ → ℝᵐ is m×n with J[i, j] = ∂fᵢ/∂xⱼ at index i·n + j.</para>
/// <para>Nested differentiation must be made at the lifted type: inside a function differentiated at
/// <c>T</c>, differentiate at <c>Dual&lt;T&gt;</c>. A nested call at the same <c>T</c> would confuse the two
/// perturbations and throws <see cref="InvalidOperationException"/> instead of returning a wrong number.</para>
/// </remarks>
public static partial class AutoDiff
{
    /// <summary>The chunk sizes (tangents per pass) the multi-tangent passes support.</summary>
    public static ReadOnlySpan<int> SupportedChunkSizes => [1, 2, 4, 8, 16];

    /// <summary>
    /// The chunk size picked when the caller passes 0: the smallest supported size that covers
    /// <paramref name="inputCount"/> inputs, up to 16. (Measured: a 16-tangent pass of a double dual costs about
    /// 8 primal evaluations, an 8-tangent pass about 4.6, so the widest block is cheapest per tangent.)
    /// </summary>
    /// <param name="inputCount">The number of inputs n.</param>
    /// <returns>1, 2, 4, 8 or 16.</returns>
    public static int DefaultChunkSize(int inputCount) => inputCount switch
    {
        <= 1 => 1,
        <= 2 => 2,
        <= 4 => 4,
        <= 8 => 8,
        _ => 16,
    };

    private static int ResolveChunkSize(int chunkSize, int inputCount)
    {
        if (chunkSize == 0)
        {
            return DefaultChunkSize(inputCount);
        }
        if (chunkSize is 1 or 2 or 4 or 8 or 16)
        {
            return chunkSize;
        }
        throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "The chunk size must be 0 (automatic), 1, 2, 4, 8 or 16 (every size holds any scalar type: nested duals get wide blocks).");
    }

    /// <summary>
    /// True when <typeparamref name="T"/> is a scalar the public SIMD blocks (<see cref="Tangents2{T}"/> …
    /// <see cref="Tangents16{T}"/>) hold; any other <typeparamref name="T"/> (nested duals, user types) gets the
    /// library's wide blocks, which hold any scalar. A JIT-time constant.
    /// </summary>
    internal static bool FitsSimdBlocks<T>() => typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half);

    /// <summary>A function ℝⁿ → ℝ at one number type, whether a delegate or a generic-math struct (one core serves both).</summary>
    private interface IScalarEvaluator<TNum>
    {
        TNum Evaluate(ReadOnlySpan<TNum> x);
    }

    private readonly struct ScalarDelegate<TNum>(ScalarFunc<TNum> f) : IScalarEvaluator<TNum>
    {
        public TNum Evaluate(ReadOnlySpan<TNum> x) => f(x);
    }

    private readonly struct ScalarStruct<TFunction, TNum>(TFunction f) : IScalarEvaluator<TNum>
        where TFunction : IScalarFunction
        where TNum : IFloatingPointIeee754<TNum>
    {
        public TNum Evaluate(ReadOnlySpan<TNum> x) => f.Evaluate(x);
    }

    /// <summary>A heap array for the n inputs of a chunk loop: the thread's zeroed array where it serves them
    /// (<paramref name="zeroed"/>: its tangents are all zero), else a work array.</summary>
    private static Dual<T, TTangents>[] TakeChunkInputs<T, TTangents>(int n, out bool zeroed)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        zeroed = ZeroedInputs<T, TTangents>.Serves(n);
        return zeroed ? ZeroedInputs<T, TTangents>.Take(n) : WorkArrays<Dual<T, TTangents>>.Take(n);
    }

    /// <summary>Gives back an array from <see cref="TakeChunkInputs"/>, if any. Called on a normal return only: an
    /// exception from f drops the array (the caches then make a new one), so a seed it holds never reaches a later call.</summary>
    private static void GiveChunkInputs<T, TTangents>(Dual<T, TTangents>[]? array, bool zeroed)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T>
    {
        if (array is null)
        {
            return;
        }
        if (zeroed)
        {
            ZeroedInputs<T, TTangents>.Give(array);
        }
        else
        {
            WorkArrays<Dual<T, TTangents>>.Give(array);
        }
    }

    /// <summary>A work array, taken from a per-thread cache (small arrays) or the shared pool, and given back on dispose.</summary>
    private readonly ref struct Rented<TItem>
    {
        private readonly TItem[] array;
        public readonly Span<TItem> Span;

        public Rented(int length)
        {
            array = WorkArrays<TItem>.Take(length);
            Span = array.AsSpan(0, length);
        }

        public void Dispose() => WorkArrays<TItem>.Give(array);
    }

    /// <summary>
    /// Two cached work arrays per thread and element type (a Jacobian takes two at once). Renting from
    /// <see cref="ArrayPool{T}.Shared"/> costs tens of nanoseconds per call, which dominated small gradients and
    /// Jacobians (n ≲ 10); arrays above <see cref="CachedLength"/> still go to the shared pool, so no thread holds
    /// large buffers. Re-entrant use (nested differentiation) finds the slots taken and falls back to the pool.
    /// </summary>
    private static class WorkArrays<TItem>
    {
        private const int CachedLength = 256;

        [ThreadStatic]
        private static TItem[]? first;

        [ThreadStatic]
        private static TItem[]? second;

        public static TItem[] Take(int length)
        {
            if (length <= CachedLength)
            {
                TItem[]? cached = first;
                if (cached is not null)
                {
                    first = null;
                    return cached;
                }
                cached = second;
                if (cached is not null)
                {
                    second = null;
                    return cached;
                }
                return new TItem[CachedLength];
            }
            return ArrayPool<TItem>.Shared.Rent(length);
        }

        public static void Give(TItem[] array)
        {
            if (array.Length == CachedLength)
            {
                if (first is null)
                {
                    first = array;
                    return;
                }
                if (second is null)
                {
                    second = array;
                    return;
                }
            }
            else
            {
                ArrayPool<TItem>.Shared.Return(array);
            }
        }
    }
}
