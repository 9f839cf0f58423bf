using System.Runtime.Intrinsics;

namespace Dual;

/// <summary>
/// Lane-wise kernels over <c>n</c> contiguous <typeparamref name="T"/> values, shared by the tangent blocks.
/// With <c>n</c> a JIT-time constant and <typeparamref name="T"/> a primitive, the SIMD branch is the only
/// code left after specialisation; other <typeparamref name="T"/> (Half, nested duals) take the scalar loop.
/// Scalar and SIMD paths perform the same IEEE operations in the same order (no FMA contraction).
/// </summary>
internal static class Lanes<T> where T : IFloatingPointIeee754<T>
{
    private static bool UseVector512(int n) => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n % Vector512<T>.Count == 0;

    private static bool UseVector256(int n) => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n % Vector256<T>.Count == 0;

    private static bool UseVector128(int n) => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n % Vector128<T>.Count == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ref T result, ref T a, T s, ref T b, T t, int n)
    {
        if (UseVector512(n))
        {
            Vector512<T> vs = Vector512.Create(s), vt = Vector512.Create(t);
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                Vector512<T> va = Vector512.LoadUnsafe(ref a, (nuint)i) * vs;
                Vector512<T> vb = Vector512.LoadUnsafe(ref b, (nuint)i) * vt;
                (va + vb).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            Vector256<T> vs = Vector256.Create(s), vt = Vector256.Create(t);
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                Vector256<T> va = Vector256.LoadUnsafe(ref a, (nuint)i) * vs;
                Vector256<T> vb = Vector256.LoadUnsafe(ref b, (nuint)i) * vt;
                (va + vb).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            Vector128<T> vs = Vector128.Create(s), vt = Vector128.Create(t);
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                Vector128<T> va = Vector128.LoadUnsafe(ref a, (nuint)i) * vs;
                Vector128<T> vb = Vector128.LoadUnsafe(ref b, (nuint)i) * vt;
                (va + vb).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = Unsafe.Add(ref a, i) * s + Unsafe.Add(ref b, i) * t;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(ref T result, ref T a, T s, int n)
    {
        if (UseVector512(n))
        {
            Vector512<T> vs = Vector512.Create(s);
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                (Vector512.LoadUnsafe(ref a, (nuint)i) * vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            Vector256<T> vs = Vector256.Create(s);
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) * vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            Vector128<T> vs = Vector128.Create(s);
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                (Vector128.LoadUnsafe(ref a, (nuint)i) * vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = Unsafe.Add(ref a, i) * s;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Divide(ref T result, ref T a, T s, int n)
    {
        if (UseVector512(n))
        {
            Vector512<T> vs = Vector512.Create(s);
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                (Vector512.LoadUnsafe(ref a, (nuint)i) / vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            Vector256<T> vs = Vector256.Create(s);
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) / vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            Vector128<T> vs = Vector128.Create(s);
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                (Vector128.LoadUnsafe(ref a, (nuint)i) / vs).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = Unsafe.Add(ref a, i) / s;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref T result, ref T a, ref T b, int n)
    {
        if (UseVector512(n))
        {
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                (Vector512.LoadUnsafe(ref a, (nuint)i) + Vector512.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) + Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                (Vector128.LoadUnsafe(ref a, (nuint)i) + Vector128.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = Unsafe.Add(ref a, i) + Unsafe.Add(ref b, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(ref T result, ref T a, ref T b, int n)
    {
        if (UseVector512(n))
        {
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                (Vector512.LoadUnsafe(ref a, (nuint)i) - Vector512.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) - Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                (Vector128.LoadUnsafe(ref a, (nuint)i) - Vector128.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = Unsafe.Add(ref a, i) - Unsafe.Add(ref b, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ref T result, ref T a, int n)
    {
        if (UseVector512(n))
        {
            for (int i = 0; i < n; i += Vector512<T>.Count)
            {
                (-Vector512.LoadUnsafe(ref a, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector256(n))
        {
            for (int i = 0; i < n; i += Vector256<T>.Count)
            {
                (-Vector256.LoadUnsafe(ref a, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else if (UseVector128(n))
        {
            for (int i = 0; i < n; i += Vector128<T>.Count)
            {
                (-Vector128.LoadUnsafe(ref a, (nuint)i)).StoreUnsafe(ref result, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                Unsafe.Add(ref result, i) = -Unsafe.Add(ref a, i);
            }
        }
    }

    /// <summary>tangent·scale, but exactly zero for a zero tangent (so 0·∞ is 0, not NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ProductSkippingZero(T tangent, T scale) => T.IsZero(tangent) ? T.Zero : tangent * scale;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(ref T a, ref T b, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i))
            {
                return false;
            }
        }
        return true;
    }
}
