using System.Buffers;
using System.Runtime.Intrinsics;

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
    public static ReadOnlySpan<int> SupportedChunkSizes => [1, 2, 4, 8, 16, 32];

    /// <summary>
    /// The chunk size picked when the caller passes 0. Up to 16 inputs: the smallest supported size that covers
    /// <paramref name="inputCount"/>. Above that, 32 where the fewer, wider passes cost less (AVX-512 hardware and
    /// ⌈n/32⌉ passes of 32 cheaper than ⌈n/16⌉ of 16; a 32-tangent pass of a double dual measured 1.7 times a
    /// 16-tangent pass), else 16.
    /// </summary>
    /// <remarks>Without AVX-512 a 32-tangent block is eight 256-bit registers per number, which spills; the default then
    /// stays at 16. Results are bit-identical at every chunk size, so the choice changes only the time.</remarks>
    /// <param name="inputCount">The number of inputs n.</param>
    /// <returns>1, 2, 4, 8, 16 or 32.</returns>
    public static int DefaultChunkSize(int inputCount) => inputCount switch
    {
        <= 1 => 1,
        <= 2 => 2,
        <= 4 => 4,
        <= 8 => 8,
        <= 16 => 16,
        _ => WideChunkPays(inputCount) ? 32 : 16,
    };

    /// <summary>A pass of 32 tangents costs about 1.7 passes of 16 (double, AVX-512, the Rosenbrock and Ackley
    /// benchmarks): 32 when ⌈n/32⌉·1.7 &lt; ⌈n/16⌉, i.e. for 17–32, 49–64 and 81 or more inputs.</summary>
    private static bool WideChunkPays(int inputCount)
        => Vector512.IsHardwareAccelerated && 17 * ((inputCount + 31) / 32) < 10 * ((inputCount + 15) / 16);

    /// <summary>The block size for n ≤ k inputs in one pass: <see cref="TailChunkSize"/> without its division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SinglePassWidth(int n, int k)
    {
        int cover = n switch { 1 => 1, 2 => 2, <= 4 => 4, <= 8 => 8, <= 16 => 16, _ => 32 };
        return n == k || n == 0 || cover > k ? k : cover;
    }

    /// <summary>
    /// The block size for the last pass of n inputs at chunk size k: where the last block is partial and a narrower
    /// supported size covers it (a remainder of at most 16), that size — the pass then computes the lanes it needs, not
    /// k (Rosenbrock n = 100 at k = 32: three passes of 32 and one of 4 instead of four of 32) — else k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TailChunkSize(int n, int k)
    {
        int rest = n % k;
        if (k == 1 || rest == 0 || rest > 16)
        {
            return k;
        }
        int cover = rest switch { 1 => 1, 2 => 2, <= 4 => 4, <= 8 => 8, _ => 16 };
        return cover < k ? cover : k;
    }

    private static int ResolveChunkSize(int chunkSize, int inputCount)
    {
        if (chunkSize == 0)
        {
            return DefaultChunkSize(inputCount);
        }
        if (chunkSize is 1 or 2 or 4 or 8 or 16 or 32)
        {
            return chunkSize;
        }
        throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "The chunk size must be 0 (automatic), 1, 2, 4, 8, 16 or 32 (every size holds any scalar type: nested duals get wide blocks).");
    }

    /// <summary>
    /// True when <typeparamref name="T"/> is a scalar the public SIMD blocks (<see cref="Tangents2{T}"/> …
    /// <see cref="Tangents32{T}"/>) hold; any other <typeparamref name="T"/> (nested duals, user types) gets the
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
