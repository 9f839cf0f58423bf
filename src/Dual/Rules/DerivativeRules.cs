namespace Dual;

/// <summary>
/// The derivative rules, written once over the scalar type and shared by <see cref="Dual{T}"/> and
/// the multi-tangent dual: each returns the primal value (always <typeparamref name="T"/>'s own
/// function, bit for bit) and the local derivative(s) by which the incoming tangents are scaled.
/// </summary>
/// <remarks>
/// <para>Conventions at non-differentiable points are listed, each with JAX's choice and the reason for ours, in
/// docs/design.md: Abs, Sign, Relu and the rounding functions have derivative 0 at their kinks; Min/Max at a tie
/// split the tangent evenly; Sqrt, Cbrt and RootN at 0 give an infinite derivative (so a zero tangent becomes NaN,
/// per IEEE 0·∞); Hypot at the origin gives 0.</para>
/// <para>No intermediate over- or underflows where the derivative itself is representable: forms such as x² + y²,
/// n·x or x·ln b are rescaled by exact powers of two (or rewritten) outside the range where they are safe, and the
/// common path is the plain formula. Everything here stays free of exceptions, conversions and bit
/// reinterpretation, so that the same code can be compiled by ILGPU. The one exception is Sin and Cos, whose CPU form
/// (one memoised sincos) Dual.Gpu replaces with its kernel form by name.</para>
/// </remarks>
internal static class DerivativeRules<T> where T : IFloatingPointIeee754<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] public static T Sqrt(T x, out T d) { T v = T.Sqrt(x); d = Constants<T>.Half / (v + T.Zero); return v; } // v + 0: √(−0) = −0, and the derivative at 0 is +∞ from either zero (as Cbrt and RootN give)
    [MethodImpl(Inline)] public static T Cbrt(T x, out T d) { T v = Replayed<T>.Cbrt(x); d = T.One / (Constants<T>.Three * v * v); return v; }
    // x^(1/n)/(n·x), written (v/x)/n so that n·x cannot overflow. At x = 0 it is 0/0: there the derivative is +∞ for
    // n ≥ 2 (as Sqrt and Cbrt give) and 1 for n = 1; at x = ±∞ it is ∞/∞: there the limit is 0 (as Sqrt and Cbrt give).
    [MethodImpl(Inline)]
    public static T RootN(T x, int n, T nAsT, out T d)
    {
        T v = Replayed<T>.RootN(x, n);
        d = n == 1 ? T.One
            : n > 0 && x == T.Zero ? T.PositiveInfinity
            : n != 0 && T.IsInfinity(x) ? T.Zero
            : v / x / nAsT;
        return v;
    }

    // Replayed<T>.F: T.F, replayed across a chunk loop's passes at double (PrimalReplay; the same bits).
    [MethodImpl(Inline)] public static T Exp(T x, out T d) { T v = Replayed<T>.Exp(x); d = v; return v; }
    [MethodImpl(Inline)] public static T Exp2(T x, out T d) { T v = Replayed<T>.Exp2(x); d = Exp2Derivative(x, v); return v; }
    [MethodImpl(Inline)] public static T Exp10(T x, out T d) { T v = Replayed<T>.Exp10(x); d = Exp10Derivative(x, v); return v; }
    [MethodImpl(Inline)] public static T ExpM1(T x, out T d) { T v = Replayed<T>.ExpM1(x); d = Replayed<T>.Exp(x); return v; }
    [MethodImpl(Inline)] public static T Exp2M1(T x, out T d) { T v = Replayed<T>.Exp2M1(x); d = Exp2Derivative(x, Replayed<T>.Exp2(x)); return v; }
    [MethodImpl(Inline)] public static T Exp10M1(T x, out T d) { T v = Replayed<T>.Exp10M1(x); d = Exp10Derivative(x, Replayed<T>.Exp10(x)); return v; }

    // bˣ·ln b from p = bˣ, b = 2 or 10. Where p is not a normal number (it overflowed, though bˣ·ln 2 may not; or it is
    // subnormal, with few significant bits, though bˣ·ln 10 may be normal), h = b^(x/2) is, and h·(h·ln b) rounds once.
    [MethodImpl(Inline)] private static T Exp2Derivative(T x, T p) => ExpBaseDerivative(x, p, baseTen: false);
    [MethodImpl(Inline)] private static T Exp10Derivative(T x, T p) => ExpBaseDerivative(x, p, baseTen: true);

    // baseTen is a constant at both call sites, so after inlining each keeps only its own base's arithmetic.
    [MethodImpl(Inline)]
    private static T ExpBaseDerivative(T x, T p, bool baseTen)
    {
        T lnBase = baseTen ? Constants<T>.Ln10 : Constants<T>.Ln2;
        if (Constants<T>.IsNormal(p))
        {
            return p * lnBase;
        }
        T half = x * Constants<T>.Half;
        T h = baseTen ? T.Exp10(half) : T.Exp2(half);
        return h * (h * lnBase);
    }

    // 1/(x·ln b) as (1/ln b)/x: x·ln b would overflow near the largest x, or round in the subnormal range.
    [MethodImpl(Inline)] public static T Log(T x, out T d) { d = T.One / x; return Replayed<T>.Log(x); }
    [MethodImpl(Inline)] public static T Log2(T x, out T d) { d = Constants<T>.InvLn2 / x; return Replayed<T>.Log2(x); }
    [MethodImpl(Inline)] public static T Log10(T x, out T d) { d = Constants<T>.InvLn10 / x; return Replayed<T>.Log10(x); }
    [MethodImpl(Inline)] public static T LogP1(T x, out T d) { d = T.One / (x + T.One); return Replayed<T>.LogP1(x); }
    [MethodImpl(Inline)] public static T Log2P1(T x, out T d) { d = Constants<T>.InvLn2 / (x + T.One); return Replayed<T>.Log2P1(x); }
    [MethodImpl(Inline)] public static T Log10P1(T x, out T d) { d = Constants<T>.InvLn10 / (x + T.One); return Replayed<T>.Log10P1(x); }

    /// <summary>log_b(x) = ln x / ln b: ∂/∂x = 1/(x ln b), ∂/∂b = −log_b(x)/(b ln b), each written as a chain of
    /// divisions ((1/ln b)/x, (log_b(x)/ln b)/b) so that no product x·ln b or b·ln b over- or underflows.</summary>
    [MethodImpl(Inline)]
    public static T LogBase(T x, T newBase, out T dx, out T dBase)
    {
        T v = Replayed<T>.Log(x, newBase);
        T lnBase = Replayed<T>.Log(newBase);
        dx = T.One / lnBase / x;
        dBase = -(v / lnBase / newBase);
        return v;
    }

    [MethodImpl(Inline)]
    public static T Sin(T x, out T d)
    {
        T sin = SinAndCos(x, out T cos);
        d = cos;
        return sin;
    }

    [MethodImpl(Inline)]
    public static T Cos(T x, out T d)
    {
        T sin = SinAndCos(x, out T cos);
        d = -sin;
        return cos;
    }

    // One sincos serves the value and the derivative. At double and float a per-thread memo of the last argument also
    // serves a T.Sin(x), T.Cos(x) pair on the same x (SinCosMemo); nested duals take their own SinCos, which is one
    // underlying sincos. CPU only (thread statics, SinCos, type tests): Dual.Gpu remaps DerivativeRules<double|float>.Sin
    // and .Cos to its kernel form before it compiles a kernel. Bit-identical to T.Sin and T.Cos (tested).
    // At double the method is the memo call alone: the JIT charges an inlinee's whole IL to the caller's inlining
    // budget, the branches it folds away included, and the Sin and Cos rules inline into every user function.
    [MethodImpl(Inline)]
    internal static T SinAndCos(T x, out T cos)
    {
        if (typeof(T) == typeof(double))
        {
            double s = SinCosMemo.SinCos((double)(object)x, out double c);
            cos = (T)(object)c;
            return (T)(object)s;
        }
        return SinAndCosOtherTypes(x, out cos);
    }

    [MethodImpl(Inline)]
    private static T SinAndCosOtherTypes(T x, out T cos)
    {
        if (typeof(T) == typeof(float))
        {
            float s = SinCosMemo.SinCos((float)(object)x, out float c);
            cos = (T)(object)c;
            return (T)(object)s;
        }
        if (default(T) is IExactSinCos)
        {
            (T s, T c) = T.SinCos(x);
            cos = c;
            return s;
        }
        cos = T.Cos(x);
        return T.Sin(x);
    }

    [MethodImpl(Inline)] public static T Tan(T x, out T d) { T v = Replayed<T>.Tan(x); d = T.One + v * v; return v; }
    [MethodImpl(Inline)] public static T SinPi(T x, out T d) { d = Replayed<T>.CosPi(x) * T.Pi; return Replayed<T>.SinPi(x); }
    [MethodImpl(Inline)] public static T CosPi(T x, out T d) { d = -Replayed<T>.SinPi(x) * T.Pi; return Replayed<T>.CosPi(x); }
    [MethodImpl(Inline)] public static T TanPi(T x, out T d) { T v = Replayed<T>.TanPi(x); d = T.Pi * (T.One + v * v); return v; }
    [MethodImpl(Inline)] public static T Asin(T x, out T d) { d = T.One / T.Sqrt((T.One - x) * (T.One + x)); return Replayed<T>.Asin(x); }
    [MethodImpl(Inline)] public static T Acos(T x, out T d) { d = -T.One / T.Sqrt((T.One - x) * (T.One + x)); return Replayed<T>.Acos(x); }
    // 1/(1 + x²); above 2^h, where x² would overflow, 1 + x² rounds to x² and the derivative is (1/x)·(1/x).
    [MethodImpl(Inline)] public static T Atan(T x, out T d) { d = AtanDerivative(x); return Replayed<T>.Atan(x); }
    [MethodImpl(Inline)] public static T AsinPi(T x, out T d) { d = T.One / (T.Pi * T.Sqrt((T.One - x) * (T.One + x))); return Replayed<T>.AsinPi(x); }
    [MethodImpl(Inline)] public static T AcosPi(T x, out T d) { d = -T.One / (T.Pi * T.Sqrt((T.One - x) * (T.One + x))); return Replayed<T>.AcosPi(x); }
    [MethodImpl(Inline)] public static T AtanPi(T x, out T d) { d = AtanDerivative(x) / T.Pi; return Replayed<T>.AtanPi(x); }

    [MethodImpl(Inline)]
    private static T AtanDerivative(T x)
    {
        if (T.Abs(x) > Constants<T>.ScaleHi)
        {
            T r = T.One / x;
            return r * r;
        }
        return T.One / (T.One + x * x);
    }

    /// <summary>atan2(y, x): ∂/∂y = x/(x²+y²), ∂/∂x = −y/(x²+y²); NaN at the origin, where no limit exists.
    /// Where x² + y² over- or underflows, x and y are first scaled by an exact power of two.</summary>
    [MethodImpl(Inline)]
    public static T Atan2(T y, T x, out T dy, out T dx)
    {
        Atan2Partials(y, x, overPi: false, out dy, out dx);
        return Replayed<T>.Atan2(y, x);
    }

    /// <summary>atan2(y, x)/π: the partials of <see cref="Atan2"/> divided by π.</summary>
    [MethodImpl(Inline)]
    public static T Atan2Pi(T y, T x, out T dy, out T dx)
    {
        Atan2Partials(y, x, overPi: true, out dy, out dx);
        return Replayed<T>.Atan2Pi(y, x);
    }

    // The partials of atan2 (overPi false) or atan2/π (true): every denominator is multiplied by π in the second case.
    // overPi is a constant at both call sites, so after inlining each keeps only its own arithmetic, as if written out.
    [MethodImpl(Inline)]
    private static void Atan2Partials(T y, T x, bool overPi, out T dy, out T dx)
    {
        T r2 = TimesPiIf(overPi, x * x + y * y);
        if (OneInfinite(x, y))
        {
            // ∞/∞ in the plain form; the limits are 1/x and −y/x² (x infinite) or x/y² and −1/y (y infinite): ±0.
            dy = T.IsInfinity(x) ? T.One / TimesPiIf(overPi, x) : x / TimesPiIf(overPi, y * y);
            dx = T.IsInfinity(x) ? -y / TimesPiIf(overPi, x * x) : -T.One / TimesPiIf(overPi, y);
        }
        else if (Constants<T>.IsNormal(r2) || !(T.IsFinite(x) && T.IsFinite(y)) || (x == T.Zero && y == T.Zero))
        {
            dy = x / r2;
            dx = -y / r2;
        }
        else
        {
            Atan2Scaled(y, x, overPi ? T.Pi : T.One, out dy, out dx);
        }
    }

    [MethodImpl(Inline)]
    private static T TimesPiIf(bool overPi, T v) => overPi ? T.Pi * v : v;

    // Exactly one argument infinite and the other finite: a two-argument rule whose plain form is ∞/∞ has a limit there.
    [MethodImpl(Inline)]
    private static bool OneInfinite(T x, T y) => (T.IsInfinity(x) && T.IsFinite(y)) || (T.IsInfinity(y) && T.IsFinite(x));

    // x/(c·(x² + y²)) and −y/(c·(x² + y²)) for finite (x, y) ≠ 0: with s an exact power of two that brings
    // max(|x|, |y|) into [2^−h, 2^h], the partials are (xs/((xs)² + (ys)²)/c)·s (c after the quotient, since c·2^(2h+1)
    // may overflow): two roundings more at most.
    private static void Atan2Scaled(T y, T x, T c, out T dy, out T dx)
    {
        ScaleToSafeRange(ref x, ref y, out T s1, out T s2);
        T r2 = x * x + y * y;
        dy = x / r2 / c * s1 * s2;
        dx = -y / r2 / c * s1 * s2;
    }

    /// <summary>Multiplies the finite, not both zero, <paramref name="x"/> and <paramref name="y"/> by an exact power of two
    /// s = <paramref name="s1"/>·<paramref name="s2"/> so that the larger magnitude lies in [2^−h, 2^h].</summary>
    [MethodImpl(Inline)]
    private static void ScaleToSafeRange(ref T x, ref T y, out T s1, out T s2)
    {
        Scaling<T>.Factors(T.Max(T.Abs(x), T.Abs(y)), out s1, out s2);
        x = x * s1 * s2;
        y = y * s1 * s2;
    }

    /// <summary>The quotient rule of both dual types' <c>/</c>: a/c with the partials ∂/∂a = 1/c and ∂/∂c = −(a/c)/c, so that
    /// d(a/c) = b·(1/c) + d·(−(a/c)/c) in the same two-term form on every tangent lane. The partials are usable as they
    /// stand when <c>T.IsFinite(dRight) &amp;&amp; (IsNormal(inverse) || !T.IsFinite(c) || c == 0)</c> (the callers test
    /// that in their own branch: a bool returned from here would be materialized instead of branched on); otherwise
    /// 1/c over- or underflows or a/c² overflows, and the caller takes its out-of-line path through
    /// <see cref="ScaledQuotientPartials"/>.</summary>
    [MethodImpl(Inline)]
    public static T Quotient(T a, T c, out T inverse, out T dRight)
    {
        T quotient = a / c;
        inverse = T.One / c;
        dRight = -quotient * inverse;
        return quotient;
    }

    /// <summary>The quotient partials at the ends of the range: 1/c = s/(c·s) with s = s1·s2 an exact power of two that
    /// makes 1/(c·s) normal, so the caller forms the tangent with the scaled partials and multiplies by s1, then s2.
    /// Where a scaled partial is still not finite (a/c² overflows), the caller's tangent must skip zero tangents (a
    /// constant operand contributes 0 rather than 0·∞ = NaN).</summary>
    [MethodImpl(Inline)]
    public static void ScaledQuotientPartials(T quotient, T c, out T inverse, out T dRight, out T s1, out T s2)
    {
        s1 = T.One;
        s2 = T.One;
        inverse = T.One / c;
        if (!Constants<T>.IsNormal(inverse) && T.IsFinite(c) && c != T.Zero)
        {
            inverse = ScaledReciprocal(c, out s1, out s2);
        }
        dRight = -quotient * inverse;
    }

    /// <summary>
    /// The slow path of the quotient's tangent, for a finite non-zero <paramref name="c"/> whose reciprocal is not a
    /// normal number (|c| below 1/MaxValue, where 1/c overflows, or above 2^(emax−1), where it is subnormal):
    /// 1/(c·s) with s = <paramref name="s1"/>·<paramref name="s2"/> an exact power of two, so that
    /// 1/c = (1/(c·s))·s1·s2 with no intermediate overflow and one rounding more at most.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T ScaledReciprocal(T c, out T s1, out T s2)
    {
        Scaling<T>.Factors(T.Abs(c), out s1, out s2);
        return T.One / (c * s1 * s2);
    }

    [MethodImpl(Inline)] public static T Sinh(T x, out T d) { d = Replayed<T>.Cosh(x); return Replayed<T>.Sinh(x); }
    [MethodImpl(Inline)] public static T Cosh(T x, out T d) { d = Replayed<T>.Sinh(x); return Replayed<T>.Cosh(x); }
    /// <summary>tanh; derivative 1 − tanh², except in the tails (|tanh x| &gt; ½) where that cancels: there
    /// 1/cosh² x = 4e/(1+e)² with e = e^(−2|x|), accurate to a few ulps however small.</summary>
    [MethodImpl(Inline)]
    public static T Tanh(T x, out T d)
    {
        T v = Replayed<T>.Tanh(x);
        if (T.Abs(v) <= Constants<T>.Half)
        {
            d = T.One - v * v;
        }
        else
        {
            T e = T.Exp(-(T.Abs(x) + T.Abs(x)));
            T onePlus = T.One + e;
            d = (Constants<T>.Two + Constants<T>.Two) * e / (onePlus * onePlus);
        }
        return v;
    }
    // 1/√(x² + 1); above 2^h, where x² would overflow, x² + 1 rounds to x² and the derivative is 1/|x|.
    [MethodImpl(Inline)]
    public static T Asinh(T x, out T d)
    {
        d = T.Abs(x) > Constants<T>.ScaleHi ? T.One / T.Abs(x) : T.One / T.Sqrt(x * x + T.One);
        return Replayed<T>.Asinh(x);
    }

    // (x−1)(x+1) rather than x²−1 keeps accuracy near x = 1; above 2^h, where the product would overflow, it rounds
    // to x² and the derivative is 1/x.
    [MethodImpl(Inline)]
    public static T Acosh(T x, out T d)
    {
        d = x > Constants<T>.ScaleHi ? T.One / x : T.One / T.Sqrt((x - T.One) * (x + T.One));
        return Replayed<T>.Acosh(x);
    }
    [MethodImpl(Inline)] public static T Atanh(T x, out T d) { d = T.One / ((T.One - x) * (T.One + x)); return Replayed<T>.Atanh(x); }

    /// <summary>|x|: derivative sign(x), and 0 at x = 0 (the centre of the subgradient, and what Max(x, −x) gives under the
    /// balanced tie rule; JAX gives 1 there — see docs/design.md).</summary>
    [MethodImpl(Inline)]
    public static T Abs(T x, out T d)
    {
        d = x > T.Zero ? T.One : x < T.Zero ? -T.One : x == T.Zero ? T.Zero : x;
        return T.Abs(x);
    }

    /// <summary>xʸ: ∂/∂x = y·x^(y−1) (0 when y = 0), ∂/∂y = xʸ·ln x (0 when x = 0, JAX's log(1)·xʸ).</summary>
    // The common case first, with one test: where xʸ·(y/x) and xʸ·ln x are finite and xʸ and y/x are not below the
    // normal range, xʸ and y/x are normal numbers (an infinite or NaN factor would make a product infinite or NaN), so y
    // and x are non-zero and PowDx and PowDy would form exactly these two products. Everything else goes to them.
    // (Rat43's Jacobian, one pow per residual: the nested tests cost about 6 %.) Their tangent code then sees finite
    // partials, the one test the caller repeats.
    [MethodImpl(Inline)]
    public static T Pow(T x, T y, out T dx, out T dy)
    {
        T v = Replayed<T>.Pow(x, y);
        T r = y / x;
        T logX = Replayed<T>.Log(x);
        dx = v * r;
        dy = v * logX;
        if (T.IsFinite(dx) && T.IsFinite(dy) && T.Abs(v) >= Constants<T>.SmallestNormal && T.Abs(r) >= Constants<T>.SmallestNormal)
        {
            return v;
        }
        dx = PowDx(x, y, v);
        dy = PowDy(x, y, v);
        return v;
    }

    /// <summary>xʸ for a constant exponent y.</summary>
    // As Pow: a finite xʸ·(y/x) with neither factor below the normal range is PowDx's own product.
    [MethodImpl(Inline)]
    public static T PowBase(T x, T y, out T dx)
    {
        T v = Replayed<T>.Pow(x, y);
        T r = y / x;
        dx = v * r;
        if (T.IsFinite(dx) && T.Abs(v) >= Constants<T>.SmallestNormal && T.Abs(r) >= Constants<T>.SmallestNormal)
        {
            return v;
        }
        dx = PowDx(x, y, v);
        return v;
    }

    /// <summary>xʸ for a constant base x.</summary>
    // As Pow: a finite xʸ·ln x with xʸ not below the normal range has a normal xʸ and x ≠ 0 (ln 0 = −∞), PowDy's product.
    [MethodImpl(Inline)]
    public static T PowExponent(T x, T y, out T dy)
    {
        T v = Replayed<T>.Pow(x, y);
        T logX = Replayed<T>.Log(x);
        dy = v * logX;
        if (T.IsFinite(dy) && T.Abs(v) >= Constants<T>.SmallestNormal)
        {
            return v;
        }
        dy = PowDy(x, y, v);
        return v;
    }

    // y·x^(y−1), from v = xʸ. As xʸ·(y/x) (one pow instead of two) where xʸ and y/x are normal numbers: two roundings,
    // as y·(xʸ/x), but y/x does not wait for the pow, so only a multiplication follows it (Rat43's Jacobian, where the
    // pow is on each residual's critical path: 546 → 536 ns). Otherwise xʸ or y/x overflowed or underflowed (though
    // y·x^(y−1) may be representable): for finite x > 0, h = x^((y−1)/2) is then
    // representable and (y·h)·h rounds once; for x ≤ 0, ∞ and NaN, y·x^(y−1) directly (x^(y−1) may be negative there).
    [MethodImpl(Inline)]
    private static T PowDx(T x, T y, T v)
    {
        if (y == T.Zero)
        {
            return T.Zero;
        }
        T r = y / x;
        if (Constants<T>.IsNormal(v) && Constants<T>.IsNormal(r))
        {
            return v * r;
        }
        if (x > T.Zero && x <= Constants<T>.MaxFinite)
        {
            T h = T.Pow(x, (y - T.One) * Constants<T>.Half);
            return y * h * h;
        }
        return y * T.Pow(x, y - T.One);
    }

    // xʸ·ln x, from v = xʸ. At x = 0, 0·xʸ (JAX's log(1)·xʸ: 0 for y ≥ 0, NaN where 0ʸ = ∞). Where xʸ is not a normal
    // number and x > 0 is finite, h = x^(y/2) is, and h·(h·ln x) rounds once (a subnormal xʸ has too few significant
    // bits, and an overflowed one may hide a representable xʸ·ln x). At x = +∞ with xʸ = 0 the limit 0.
    [MethodImpl(Inline)]
    private static T PowDy(T x, T y, T v)
    {
        if (x == T.Zero)
        {
            return T.Zero * v;
        }
        if (Constants<T>.IsNormal(v))
        {
            return v * Replayed<T>.Log(x);
        }
        if (x > T.Zero && x <= Constants<T>.MaxFinite)
        {
            T h = T.Pow(x, y * Constants<T>.Half);
            return h * (h * T.Log(x));
        }
        return v == T.Zero && x > T.Zero ? T.Zero : v * T.Log(x);
    }

    /// <summary>Hypot: ∂/∂x = x/h, ∂/∂y = y/h; 0 at the origin (the centre of the subdifferential, see docs/design.md).
    /// Where h overflows or is subnormal, the ratios are taken from x and y scaled by an exact power of two.</summary>
    [MethodImpl(Inline)]
    public static T Hypot(T x, T y, out T dx, out T dy)
    {
        T h = Replayed<T>.Hypot(x, y);
        if (h == T.Zero)
        {
            dx = T.Zero;
            dy = T.Zero;
        }
        else if (OneInfinite(x, y))
        {
            // x/h = ∞/∞: the limit is ±1 for the infinite argument and 0 for the finite one.
            dx = T.IsInfinity(x) ? (x > T.Zero ? T.One : -T.One) : x / h;
            dy = T.IsInfinity(y) ? (y > T.Zero ? T.One : -T.One) : y / h;
        }
        else if (Constants<T>.IsNormal(h) || !(T.IsFinite(x) && T.IsFinite(y)))
        {
            dx = x / h;
            dy = y / h;
        }
        else
        {
            T xs = x, ys = y;
            ScaleToSafeRange(ref xs, ref ys, out _, out _);
            T hs = T.Hypot(xs, ys);
            dx = xs / hs;
            dy = ys / hs;
        }
        return h;
    }

    /// <summary>Logistic sigmoid 1/(1+e^−x), evaluated without overflow for either sign; σ′ = σ(1−σ).</summary>
    [MethodImpl(Inline)]
    public static T Sigmoid(T x, out T d)
    {
        // With e = e^(−|x|): σ(|x|) = 1/(1+e), 1 − σ(|x|) = e/(1+e), so σ′ = e/(1+e)² on both sides, with no
        // cancellation in the tails (σ(1−σ) would lose all relative accuracy where σ rounds to 1).
        T e = T.Exp(-T.Abs(x));
        T onePlus = T.One + e;
        T v = x >= T.Zero ? T.One / onePlus : e / onePlus;
        d = T.IsNaN(x) ? x : e / (onePlus * onePlus);
        return v;
    }

    /// <summary>Softplus ln(1+eˣ) = max(x,0) + ln(1+e^−|x|), stable for large |x|; derivative σ(x).</summary>
    [MethodImpl(Inline)]
    public static T Softplus(T x, out T d)
    {
        T v = T.Max(x, T.Zero) + Log1PSmall(T.Exp(-T.Abs(x)));
        d = SigmoidValue(x);
        return v;
    }

    /// <summary>
    /// ln(1 + t) for 0 ≤ t ≤ 1, accurate to a few ulps even when 1 + t rounds to 1. <c>T.LogP1</c> cannot be used:
    /// .NET computes it as <c>Log(t + 1)</c>, which returns 0 for t below ε (softplus(−40) would be 0 instead of
    /// 4.2e-18) and loses ε/t relative accuracy above. With u = fl(1 + t), ln(u)·t/(u − 1) corrects the rounding
    /// of 1 + t (Goldberg, "What every computer scientist should know about floating-point arithmetic", thm. 4).
    /// </summary>
    [MethodImpl(Inline)]
    private static T Log1PSmall(T t)
    {
        T u = T.One + t;
        return u == T.One ? t : T.Log(u) * (t / (u - T.One));
    }

    [MethodImpl(Inline)]
    private static T SigmoidValue(T x)
    {
        if (x >= T.Zero)
        {
            return T.One / (T.One + T.Exp(-x));
        }
        T e = T.Exp(x);
        return e / (T.One + e);
    }

    /// <summary>max(x, 0) with derivative 1 for x &gt; 0 and 0 for x ≤ 0 (JAX/PyTorch); NaN propagates.</summary>
    [MethodImpl(Inline)]
    public static T Relu(T x, out T d)
    {
        if (x > T.Zero)
        {
            d = T.One;
            return x;
        }
        if (x <= T.Zero)
        {
            d = T.Zero;
            return T.Zero;
        }
        d = x;
        return x;
    }

    /// <summary>
    /// Weights for a two-way selection (Max, Min and friends): 1/0 or 0/1 for the side chosen by the value,
    /// ½/½ at a tie (JAX's balanced rule), NaN for both when the result is NaN.
    /// </summary>
    [MethodImpl(Inline)]
    public static void Select(T chosen, T x, T y, out T wx, out T wy)
    {
        if (T.IsNaN(chosen))
        {
            wx = chosen;
            wy = chosen;
        }
        else if (x == y)
        {
            wx = Constants<T>.Half;
            wy = Constants<T>.Half;
        }
        else if (chosen == x)
        {
            wx = T.One;
            wy = T.Zero;
        }
        else
        {
            wx = T.Zero;
            wy = T.One;
        }
    }
}
