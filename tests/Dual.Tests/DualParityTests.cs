using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>
/// Dual&lt;T, TTangents&gt; and Dual&lt;T&gt; must not drift apart. Every public static method and operator of either type
/// is found by reflection, paired with its counterpart on the other (a method on one type only fails the test), and
/// called over shared inputs — zeros of both signs, subnormals, 1e±300, the largest finite value, ±∞ and NaN, in
/// values and in tangents — for every tangent block, the wide blocks over a nested scalar included. Lane i of each
/// multi-tangent result must equal, bit for bit (NaN matching any NaN), the single-tangent result seeded with lane i;
/// exceptions must match in type.
/// </summary>
public class DualParityTests
{
    private static IEnumerable<TestCaseData> Blocks()
    {
        yield return new TestCaseData(typeof(double), typeof(Tangents1<double>));
        yield return new TestCaseData(typeof(double), typeof(Tangents2<double>));
        yield return new TestCaseData(typeof(double), typeof(Tangents4<double>));
        yield return new TestCaseData(typeof(double), typeof(Tangents8<double>));
        yield return new TestCaseData(typeof(double), typeof(Tangents16<double>));
        yield return new TestCaseData(typeof(double), typeof(Tangents32<double>));
        yield return new TestCaseData(typeof(float), typeof(Tangents4<float>));
        yield return new TestCaseData(typeof(float), typeof(Tangents16<float>));
        yield return new TestCaseData(typeof(float), typeof(Tangents32<float>));
        yield return new TestCaseData(typeof(Half), typeof(Tangents8<Half>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(Tangents1<Dual<double>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width2<Dual<double>>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width4<Dual<double>>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width8<Dual<double>>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width16<Dual<double>>>));
        // The chunked Hessian's outer lanes: Dual<double> lanes as two SIMD blocks.
        yield return new TestCaseData(typeof(Dual<double>), typeof(PairTangents<double, Tangents2<double>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(PairTangents<double, Tangents4<double>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(PairTangents<double, Tangents8<double>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(PairTangents<double, Tangents16<double>>));
        yield return new TestCaseData(typeof(Dual<double>), typeof(PairTangents<double, Tangents32<double>>));
        // float blocks whose vector has more lanes than the block (seeding and stores must keep to the block's lanes).
        yield return new TestCaseData(typeof(float), typeof(Tangents2<float>));
        yield return new TestCaseData(typeof(float), typeof(Tangents8<float>));
    }

    [TestCaseSource(nameof(Blocks))]
    public void Every_public_static_method_agrees_lane_for_lane(Type scalar, Type block)
    {
        var checker = typeof(ParityChecker<,>).MakeGenericType(scalar, block);
        var failures = (List<string>)checker.GetMethod("Run")!.Invoke(null, null)!;
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures.Take(40)));
    }
}

internal static class ParityChecker<T, TT>
    where T : IFloatingPointIeee754<T>
    where TT : struct, ITangents<TT, T>
{
    private static readonly Type Single = typeof(Dual<T>);
    private static readonly Type Multi = typeof(Dual<T, TT>);
    private static readonly int K = TT.Count;

    /// <summary>Methods whose shape differs by design, with the reason.</summary>
    private static readonly Dictionary<string, string> ShapeDiffers = new()
    {
        ["Variable"] = "seeding: the multi-tangent variable names its lane",
    };

    /// <summary>Methods with span parameters (not callable by reflection), checked by <see cref="CheckSpanMethods"/>.</summary>
    private static readonly HashSet<string> SpanMethods = ["LogSumExp", "Softmax", "Parse", "TryParse"];

    private static readonly double[] Values =
        [0, -0.0, 1, -1, 0.5, -2.5, 3.75, 1e-300, -1e300, 5e-324, double.MaxValue, double.NaN, double.PositiveInfinity,
         double.NegativeInfinity, 1e-20, 700, -745, 2, 1e154, -0.75, 1.5, 710, 1e-310, 0.1];

    private static readonly double[] Values2 = [0, -0.0, 1, -2.5, 1e-300, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, 5e-324];

    private static readonly double[] Values3 = [0, 1, -2.5, double.NaN, double.PositiveInfinity, 0.5];

    private static readonly double[] TangentPool =
        [1, 0, -1.5, 1e300, 5e-324, -0.0, 3, double.PositiveInfinity, 0.25, -7, 1e-300, 2, 0.5, -1, 4, 1e10, double.NaN];

    private static T Scalar(double value, int salt)
    {
        if (typeof(T) == typeof(Dual<double>))
        {
            double inner = new[] { 1, -0.5, 0, 2, 1e-300 }[Math.Abs(salt) % 5];
            return (T)(object)new Dual<double>(value, inner);
        }
        return T.CreateSaturating(value);
    }

    private static T Tangent(int param, int lane) => Scalar(TangentPool[(lane + 3 * param) % TangentPool.Length], lane + param);

    private static Dual<T> SingleArg(double value, int param, int lane) => new(Scalar(value, param), Tangent(param, lane));

    private static Dual<T, TT> MultiArg(double value, int param)
    {
        var lanes = new T[K];
        for (int l = 0; l < K; l++) lanes[l] = Tangent(param, l);
        return new(Scalar(value, param), TT.Create(lanes));
    }

    public static List<string> Run()
    {
        var failures = new List<string>();
        MethodInfo[] singles = Single.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        MethodInfo[] multis = Multi.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

        foreach (MethodInfo s in singles)
        {
            MethodInfo? m = multis.FirstOrDefault(c => Matches(s, c, Single, Multi));
            if (m is null)
            {
                if (!ShapeDiffers.ContainsKey(s.Name)) failures.Add($"Dual<T>.{Describe(s)} has no counterpart on Dual<T, TTangents>");
                continue;
            }
            if (s.GetParameters().Any(p => IsSpan(p.ParameterType)))
            {
                if (!SpanMethods.Contains(s.Name)) failures.Add($"{Describe(s)} takes a span and has no explicit parity check");
                continue;
            }
            try
            {
                Compare(s, m, failures);
            }
            catch (Exception e)
            {
                failures.Add($"{Describe(s)}: the check itself failed: {e}");
            }
        }
        foreach (MethodInfo m in multis)
        {
            if (!singles.Any(s => Matches(s, m, Single, Multi)) && !ShapeDiffers.ContainsKey(m.Name))
            {
                failures.Add($"Dual<T, TTangents>.{Describe(m)} has no counterpart on Dual<T>");
            }
        }
        CheckSpanMethods(failures);
        return failures;
    }

    private static bool IsSpan(Type t) => t.IsByRefLike;

    private static string Describe(MethodInfo m) => $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    private static Type Map(Type t)
    {
        if (t == Single) return Multi;
        if (t.IsByRef) return Map(t.GetElementType()!).MakeByRefType();
        if (t.IsGenericType && !t.IsGenericTypeDefinition && t.GetGenericArguments().Any(a => a == Single))
        {
            return t.GetGenericTypeDefinition().MakeGenericType(t.GetGenericArguments().Select(Map).ToArray());
        }
        return t;
    }

    private static bool Matches(MethodInfo s, MethodInfo m, Type single, Type multi)
    {
        if (s.Name != m.Name || s.IsGenericMethodDefinition != m.IsGenericMethodDefinition) return false;
        ParameterInfo[] ps = s.GetParameters(), pm = m.GetParameters();
        if (ps.Length != pm.Length) return false;
        for (int i = 0; i < ps.Length; i++)
        {
            Type a = ps[i].ParameterType, b = pm[i].ParameterType;
            if (a.IsGenericParameter || b.IsGenericParameter)
            {
                if (!(a.IsGenericParameter && b.IsGenericParameter && a.GenericParameterPosition == b.GenericParameterPosition)) return false;
                continue;
            }
            if (Map(a) != b) return false;
        }
        return Map(s.ReturnType) == m.ReturnType || (s.ReturnType.IsGenericParameter && m.ReturnType.IsGenericParameter);
    }

    // ---- argument generation --------------------------------------------------------------------------------

    private static bool IsValueParam(Type t) => t == Single || t == typeof(T);

    private static int[] Integers(string name) => name switch
    {
        "ScaleB" => [-2200, -1100, -1075, -3, 0, 5, 1100, 2000],
        "Round" => [0, 2, 15],
        "RootN" or "Pow" => [-3, -2, -1, 0, 1, 2, 3, 5],
        _ => [-2, 0, 1, 3],
    };

    private static IEnumerable<object?[]> SingleArgs(MethodInfo s, int lane, double[] combo, int comboIndex)
    {
        // One argument list per choice of the non-value parameters; value parameters take combo[...] in order.
        ParameterInfo[] ps = s.GetParameters();
        var choices = new List<object?[]>();
        int valueIndex = 0;
        var lists = new List<object?[]>();
        foreach (ParameterInfo p in ps)
        {
            Type t = p.ParameterType;
            if (t == Single) lists.Add([SingleArg(combo[valueIndex], valueIndex++, lane)]);
            else if (t == typeof(T)) lists.Add([Scalar(combo[valueIndex++], 7)]);
            else if (t == typeof(int)) lists.Add(Integers(s.Name).Cast<object?>().ToArray());
            else if (t == typeof(MidpointRounding)) lists.Add([MidpointRounding.ToEven, MidpointRounding.AwayFromZero, MidpointRounding.ToZero]);
            else if (t == typeof(string)) lists.Add(["1.5", "-0", "NaN", "1e-320", "abc", null]);
            else if (t == typeof(IFormatProvider)) lists.Add([CultureInfo.InvariantCulture]);
            else if (t == typeof(NumberStyles)) lists.Add([NumberStyles.Float]);
            else if (t.IsByRef) lists.Add([null]);
            else throw new NotSupportedException($"no inputs for a parameter of type {t} in {Describe(s)}");
        }
        IEnumerable<object?[]> product = [[]];
        foreach (object?[] list in lists)
        {
            product = product.SelectMany(prefix => list.Select(item => prefix.Append(item).ToArray()));
        }
        return product;
    }

    private static object?[] ToMulti(MethodInfo s, object?[] singleArgs, double[] combo)
    {
        var result = (object?[])singleArgs.Clone();
        int valueIndex = 0;
        ParameterInfo[] ps = s.GetParameters();
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].ParameterType == Single) result[i] = MultiArg(combo[valueIndex], valueIndex++);
            else if (ps[i].ParameterType == typeof(T)) valueIndex++;
        }
        return result;
    }

    private static IEnumerable<double[]> Combos(int arity) => arity switch
    {
        0 => [[]],
        1 => Values.Select(v => new[] { v }),
        2 => from a in Values2 from b in Values2 select new[] { a, b },
        _ => from a in Values3 from b in Values3 from c in Values3 select new[] { a, b, c },
    };

    // ---- comparison -------------------------------------------------------------------------------------------

    private static void Compare(MethodInfo s, MethodInfo m, List<string> failures)
    {
        if (s.IsGenericMethodDefinition)
        {
            // CreateChecked/Saturating/Truncating<TOther>: from numbers, and from the dual type itself (mapped).
            foreach (Type other in new[] { typeof(double), typeof(float), typeof(int), typeof(decimal), Single })
            {
                MethodInfo si = s.MakeGenericMethod(other), mi = m.MakeGenericMethod(Map(other));
                foreach (double v in Values)
                {
                    for (int lane = 0; lane < K; lane++)
                    {
                        object? sa = other == Single ? SingleArg(v, 0, lane) : ConvertSource(other, v);
                        object? ma = other == Single ? MultiArg(v, 0) : sa;
                        if (sa is null) continue;
                        CheckOne($"{s.Name}<{other.Name}>({v})", si, mi, [sa], [ma], lane, failures);
                    }
                }
            }
            return;
        }
        int arity = s.GetParameters().Count(p => IsValueParam(p.ParameterType));
        int comboIndex = 0;
        foreach (double[] combo in Combos(arity))
        {
            var perLane = Enumerable.Range(0, K).Select(lane => SingleArgs(s, lane, combo, comboIndex).ToArray()).ToArray();
            for (int variant = 0; variant < perLane[0].Length; variant++)
            {
                object?[] multiArgs = ToMulti(s, perLane[0][variant], combo);
                for (int lane = 0; lane < K; lane++)
                {
                    CheckOne($"{Describe(s)} at ({string.Join(", ", combo)}) variant {variant}", s, m, perLane[lane][variant], (object?[])multiArgs.Clone(), lane, failures);
                }
            }
            comboIndex++;
        }
    }

    private static object? ConvertSource(Type other, double v)
    {
        if (other == typeof(double)) return v;
        if (other == typeof(float)) return (float)v;
        if (other == typeof(int)) return double.IsFinite(v) && Math.Abs(v) < 1e9 ? (int)v : null;
        if (other == typeof(decimal)) return double.IsFinite(v) && Math.Abs(v) < 1e20 && (v == 0 || Math.Abs(v) > 1e-20) ? (decimal)v : null;
        return null;
    }

    private static readonly Dictionary<string, List<(object? Single, Exception? Error, object?[] Args)>> Unused = new();

    private static void CheckOne(string what, MethodInfo s, MethodInfo m, object?[] singleArgs, object?[] multiArgs, int lane, List<string> failures)
    {
        (object? rs, Exception? es) = Invoke(s, singleArgs);
        (object? rm, Exception? em) = Invoke(m, multiArgs);
        if (es is not null || em is not null)
        {
            if (es?.GetType() != em?.GetType())
            {
                failures.Add($"{what} lane {lane}: Dual<T> {(es is null ? "returned" : "threw " + es.GetType().Name)}, Dual<T, TTangents> {(em is null ? "returned" : "threw " + em.GetType().Name)}");
            }
            return;
        }
        string? problem = Same(s.Name, rs, rm, lane);
        // out parameters (TryParse)
        for (int i = 0; problem is null && i < singleArgs.Length; i++)
        {
            if (s.GetParameters()[i].ParameterType.IsByRef) problem = Same(s.Name, singleArgs[i], multiArgs[i], lane);
        }
        if (problem is not null && failures.Count < 200) failures.Add($"{what} lane {lane}: {problem}");
    }

    private static (object?, Exception?) Invoke(MethodInfo method, object?[] args)
    {
        try
        {
            return (method.Invoke(null, args), null);
        }
        catch (TargetInvocationException e)
        {
            return (null, e.InnerException);
        }
    }

    /// <summary>null when the multi-tangent result matches the single-tangent one in this lane.</summary>
    private static string? Same(string name, object? single, object? multi, int lane)
    {
        switch (single)
        {
            case null:
                return multi is null ? null : "Dual<T> gave null";
            case Dual<T> d:
                var md = (Dual<T, TT>)multi!;
                if (!SameScalar(d.Value, md.Value)) return $"value {d.Value} vs {md.Value}";
                return SameScalar(d.Tangent, md.Tangents[lane]) ? null : $"tangent {d.Tangent} vs {md.Tangents[lane]} (value {d.Value})";
            case ValueTuple<Dual<T>, Dual<T>> pair:
                var mp = (ValueTuple<Dual<T, TT>, Dual<T, TT>>)multi!;
                return Same(name, pair.Item1, mp.Item1, lane) ?? Same(name, pair.Item2, mp.Item2, lane);
            case bool b:
                // == and IsZero hold when they hold in every lane; != when in any. Other predicates read the value only.
                bool mb = (bool)multi!;
                if (name is "op_Equality" or "IsZero") return !b && mb ? "true while a lane is unequal" : null;
                if (name is "op_Inequality") return b && !mb ? "false while a lane differs" : null;
                return b == mb ? null : $"{b} vs {mb}";
            case T t:
                return SameScalar(t, (T)multi!) ? null : $"{t} vs {multi}";
            default:
                return Equals(single, multi) ? null : $"{single} vs {multi}";
        }
    }

    private static bool SameScalar(T a, T b)
    {
        if (a is double da && b is double db) return da.Equals(db) && (da != 0 || double.IsNegative(da) == double.IsNegative(db));
        if (a is float fa && b is float fb) return fa.Equals(fb) && (fa != 0 || float.IsNegative(fa) == float.IsNegative(fb));
        if (a is Half ha && b is Half hb) return ha.Equals(hb) && (ha != Half.Zero || Half.IsNegative(ha) == Half.IsNegative(hb));
        if (a is Dual<double> na && b is Dual<double> nb)
        {
            return ParityChecker<double, Tangents1<double>>.SameScalar(na.Value, nb.Value) && ParityChecker<double, Tangents1<double>>.SameScalar(na.Tangent, nb.Tangent);
        }
        throw new NotSupportedException(typeof(T).Name);
    }

    // ---- the span methods, explicitly -----------------------------------------------------------------------

    private static void CheckSpanMethods(List<string> failures)
    {
        double[][] sets =
        [
            [0.5, -1.25, 3.0, 2.0, -0.5], [double.NegativeInfinity, double.NegativeInfinity], [double.PositiveInfinity, 1, double.PositiveInfinity],
            [double.NaN, 1], [-745, -740, 0], [1e300, -1e300], [5e-324, -5e-324, 0], [double.NegativeInfinity, 2], [],
        ];
        foreach (double[] set in sets)
        {
            var multi = set.Select((v, i) => MultiArg(v, i)).ToArray();
            Dual<T, TT> lse = Dual<T, TT>.LogSumExp(multi);
            var multiSoftmax = new Dual<T, TT>[set.Length];
            Dual<T, TT>.Softmax(multi, multiSoftmax);
            for (int lane = 0; lane < K; lane++)
            {
                var single = set.Select((v, i) => SingleArg(v, i, lane)).ToArray();
                string? problem = Same("LogSumExp", Dual<T>.LogSumExp(single), lse, lane);
                if (problem is not null) failures.Add($"LogSumExp([{string.Join(", ", set)}]) lane {lane}: {problem}");
                var singleSoftmax = new Dual<T>[set.Length];
                Dual<T>.Softmax(single, singleSoftmax);
                for (int i = 0; i < set.Length; i++)
                {
                    problem = Same("Softmax", singleSoftmax[i], multiSoftmax[i], lane);
                    if (problem is not null) failures.Add($"Softmax([{string.Join(", ", set)}])[{i}] lane {lane}: {problem}");
                }
            }
        }
        foreach (string text in new[] { "1.5", "-0", "NaN", "1e-320", "-Infinity" })
        {
            string? problem = Same("Parse", Dual<T>.Parse(text.AsSpan(), CultureInfo.InvariantCulture), Dual<T, TT>.Parse(text.AsSpan(), CultureInfo.InvariantCulture), 0)
                ?? Same("Parse", Dual<T>.Parse(text.AsSpan(), NumberStyles.Float, CultureInfo.InvariantCulture), Dual<T, TT>.Parse(text.AsSpan(), NumberStyles.Float, CultureInfo.InvariantCulture), 0);
            bool okS = Dual<T>.TryParse(text.AsSpan(), CultureInfo.InvariantCulture, out Dual<T> ps);
            bool okM = Dual<T, TT>.TryParse(text.AsSpan(), CultureInfo.InvariantCulture, out Dual<T, TT> pm);
            bool okS2 = Dual<T>.TryParse(text.AsSpan(), NumberStyles.Float, CultureInfo.InvariantCulture, out Dual<T> ps2);
            bool okM2 = Dual<T, TT>.TryParse(text.AsSpan(), NumberStyles.Float, CultureInfo.InvariantCulture, out Dual<T, TT> pm2);
            problem ??= okS != okM || okS2 != okM2 ? "TryParse success differs" : Same("TryParse", ps, pm, 0) ?? Same("TryParse", ps2, pm2, 0);
            if (problem is not null) failures.Add($"Parse/TryParse(span \"{text}\"): {problem}");
        }
    }
}
