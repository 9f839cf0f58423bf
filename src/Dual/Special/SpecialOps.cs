namespace Dual;

/// <summary>
/// The special functions of a number type that is not a plain IEEE scalar: one instance per type, made once (by
/// reflection over the type's generic definition) and cached in <see cref="Instance"/>, so each call costs one virtual
/// dispatch. <see cref="double"/>, <see cref="float"/> and <see cref="Half"/> never come here (see <see cref="Special"/>).
/// </summary>
internal abstract class SpecialOps<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>The functions of <typeparamref name="T"/>: <see cref="Dual{T}"/> and <see cref="Dual{T, TTangents}"/>
    /// (at any nesting) get their chain rules; any other type throws <see cref="NotSupportedException"/> on use.</summary>
    public static readonly SpecialOps<T> Instance = Create();

    private static SpecialOps<T> Create()
    {
        Type type = typeof(T);
        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type? ops = definition == typeof(Dual<>) ? typeof(DualSpecialOps<>)
                : definition == typeof(Dual<,>) ? typeof(MultiDualSpecialOps<,>)
                : null;
            if (ops is not null)
            {
                return (SpecialOps<T>)Activator.CreateInstance(ops.MakeGenericType(type.GetGenericArguments()))!;
            }
        }
        return new UnsupportedSpecialOps<T>();
    }

    public abstract T Erf(T x);
    public abstract T Erfc(T x);
    public abstract T ErfInv(T y);
    public abstract T ErfcInv(T q);
    public abstract T ExpMinusSquare(T x);
    public abstract T ExpSquare(T x);
    public abstract T Gamma(T x);
    public abstract T LogGamma(T x);
    public abstract T Polygamma(int n, T x);
    public abstract T Beta(T a, T b);
    public abstract T LogBeta(T a, T b);
    public abstract T NormalPdf(T x);
    public abstract T NormalCdf(T x);
    public abstract T NormalInvCdf(T p);
}

/// <summary>The chain rule on <see cref="Dual{T}"/>: value from <typeparamref name="T"/>'s function, tangent scaled by the rule's derivative.</summary>
internal sealed class DualSpecialOps<T> : SpecialOps<Dual<T>> where T : IFloatingPointIeee754<T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] private static Dual<T> Chain(Dual<T> x, T value, T derivative) => new(value, x.Tangent * derivative);

    public override Dual<T> Erf(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.Erf(x.Value, out T d), d);
    public override Dual<T> Erfc(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.Erfc(x.Value, out T d), d);
    public override Dual<T> ErfInv(Dual<T> y) => Chain(y, SpecialDerivativeRules<T>.ErfInv(y.Value, out T d), d);
    public override Dual<T> ErfcInv(Dual<T> q) => Chain(q, SpecialDerivativeRules<T>.ErfcInv(q.Value, out T d), d);
    public override Dual<T> ExpMinusSquare(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.ExpMinusSquare(x.Value, out T d), d);
    public override Dual<T> ExpSquare(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.ExpSquare(x.Value, out T d), d);
    public override Dual<T> Gamma(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.Gamma(x.Value, out T d), d);
    public override Dual<T> LogGamma(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.LogGamma(x.Value, out T d), d);
    public override Dual<T> Polygamma(int n, Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.Polygamma(n, x.Value, out T d), d);
    public override Dual<T> NormalPdf(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.NormalPdf(x.Value, out T d), d);
    public override Dual<T> NormalCdf(Dual<T> x) => Chain(x, SpecialDerivativeRules<T>.NormalCdf(x.Value, out T d), d);
    public override Dual<T> NormalInvCdf(Dual<T> p) => Chain(p, SpecialDerivativeRules<T>.NormalInvCdf(p.Value, out T d), d);

    // A two-argument rule: where a partial is infinite or NaN, a constant operand (zero tangent) contributes 0, not
    // 0·∞ (docs/design.md), as in Dual<T>'s own two-argument functions.
    private static Dual<T> Chain2(T v, Dual<T> a, T da, Dual<T> b, T db)
        => T.IsFinite(da) && T.IsFinite(db)
            ? new(v, a.Tangent * da + b.Tangent * db)
            : new(v, Lanes<T>.ProductSkippingZero(a.Tangent, da) + Lanes<T>.ProductSkippingZero(b.Tangent, db));

    public override Dual<T> Beta(Dual<T> a, Dual<T> b)
    {
        T v = SpecialDerivativeRules<T>.Beta(a.Value, b.Value, out T da, out T db);
        return Chain2(v, a, da, b, db);
    }

    public override Dual<T> LogBeta(Dual<T> a, Dual<T> b)
    {
        T v = SpecialDerivativeRules<T>.LogBeta(a.Value, b.Value, out T da, out T db);
        return Chain2(v, a, da, b, db);
    }
}

/// <summary>The chain rule on <see cref="Dual{T, TTangents}"/>: every tangent lane scaled by the same derivative.</summary>
internal sealed class MultiDualSpecialOps<T, TTangents> : SpecialOps<Dual<T, TTangents>>
    where T : IFloatingPointIeee754<T>
    where TTangents : struct, ITangents<TTangents, T>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] private static Dual<T, TTangents> Chain(Dual<T, TTangents> x, T value, T derivative) => new(value, TTangents.Multiply(x.Tangents, derivative));

    public override Dual<T, TTangents> Erf(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.Erf(x.Value, out T d), d);
    public override Dual<T, TTangents> Erfc(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.Erfc(x.Value, out T d), d);
    public override Dual<T, TTangents> ErfInv(Dual<T, TTangents> y) => Chain(y, SpecialDerivativeRules<T>.ErfInv(y.Value, out T d), d);
    public override Dual<T, TTangents> ErfcInv(Dual<T, TTangents> q) => Chain(q, SpecialDerivativeRules<T>.ErfcInv(q.Value, out T d), d);
    public override Dual<T, TTangents> ExpMinusSquare(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.ExpMinusSquare(x.Value, out T d), d);
    public override Dual<T, TTangents> ExpSquare(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.ExpSquare(x.Value, out T d), d);
    public override Dual<T, TTangents> Gamma(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.Gamma(x.Value, out T d), d);
    public override Dual<T, TTangents> LogGamma(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.LogGamma(x.Value, out T d), d);
    public override Dual<T, TTangents> Polygamma(int n, Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.Polygamma(n, x.Value, out T d), d);
    public override Dual<T, TTangents> NormalPdf(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.NormalPdf(x.Value, out T d), d);
    public override Dual<T, TTangents> NormalCdf(Dual<T, TTangents> x) => Chain(x, SpecialDerivativeRules<T>.NormalCdf(x.Value, out T d), d);
    public override Dual<T, TTangents> NormalInvCdf(Dual<T, TTangents> p) => Chain(p, SpecialDerivativeRules<T>.NormalInvCdf(p.Value, out T d), d);

    public override Dual<T, TTangents> Beta(Dual<T, TTangents> a, Dual<T, TTangents> b)
    {
        T v = SpecialDerivativeRules<T>.Beta(a.Value, b.Value, out T da, out T db);
        return T.IsFinite(da) && T.IsFinite(db)
            ? new(v, TTangents.MultiplyAdd(a.Tangents, da, b.Tangents, db))
            : new(v, TTangents.MultiplyAddSkippingZeros(a.Tangents, da, b.Tangents, db));
    }

    public override Dual<T, TTangents> LogBeta(Dual<T, TTangents> a, Dual<T, TTangents> b)
    {
        T v = SpecialDerivativeRules<T>.LogBeta(a.Value, b.Value, out T da, out T db);
        return T.IsFinite(da) && T.IsFinite(db)
            ? new(v, TTangents.MultiplyAdd(a.Tangents, da, b.Tangents, db))
            : new(v, TTangents.MultiplyAddSkippingZeros(a.Tangents, da, b.Tangents, db));
    }
}

/// <summary>A number type with no special functions: every call throws, naming the type (never a silently wrong derivative).</summary>
internal sealed class UnsupportedSpecialOps<T> : SpecialOps<T> where T : IFloatingPointIeee754<T>
{
    private static NotSupportedException Error() => new(
        $"Dual.Special supports double, float, Half and Dual<T> / Dual<T, TTangents> (nested at any depth) of those; not {typeof(T)}.");

    public override T Erf(T x) => throw Error();
    public override T Erfc(T x) => throw Error();
    public override T ErfInv(T y) => throw Error();
    public override T ErfcInv(T q) => throw Error();
    public override T ExpMinusSquare(T x) => throw Error();
    public override T ExpSquare(T x) => throw Error();
    public override T Gamma(T x) => throw Error();
    public override T LogGamma(T x) => throw Error();
    public override T Polygamma(int n, T x) => throw Error();
    public override T Beta(T a, T b) => throw Error();
    public override T LogBeta(T a, T b) => throw Error();
    public override T NormalPdf(T x) => throw Error();
    public override T NormalCdf(T x) => throw Error();
    public override T NormalInvCdf(T p) => throw Error();
}
