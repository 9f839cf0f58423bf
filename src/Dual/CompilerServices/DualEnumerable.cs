using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;

namespace Dual.CompilerServices;

/// <summary>
/// The LINQ aggregates a generated twin calls where the original method calls <c>Enumerable.Sum</c>,
/// <c>Average</c>, <c>Min</c> or <c>Max</c> over <c>double</c> values: the BCL has no such operator for sequences of
/// dual numbers. Values are bit-identical to the BCL on <c>double</c>: the sum runs front to back from zero (as
/// <c>Enumerable.Sum</c> does for floating values, which it never vectorises), the average divides that sum by the
/// count, and <c>Min</c>/<c>Max</c> treat NaN as <c>Enumerable.Min</c>/<c>Max</c> do (<c>Min</c> is NaN as soon as
/// one element is; <c>Max</c> skips NaN elements and is NaN only when all are). A NaN result carries NaN tangents.
/// At a tie of the extreme value the tangents of all tied elements are averaged, the convention of
/// <see cref="Dual{T}.Max(Dual{T}, Dual{T})"/> extended to sequences. An empty sequence throws
/// <see cref="InvalidOperationException"/>, as the BCL does. Not meant for user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DualEnumerable
{
    /// <summary>The sum of <paramref name="source"/>, added front to back from zero.</summary>
    /// <typeparam name="TDual">The dual number type.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The sum (zero for an empty sequence).</returns>
    public static TDual Sum<TDual>(IEnumerable<TDual> source) where TDual : IFloatingPointIeee754<TDual>
    {
        ArgumentNullException.ThrowIfNull(source);
        TDual sum = TDual.Zero;
        foreach (TDual v in source) sum += v;
        return sum;
    }

    /// <summary>The sum of <paramref name="selector"/> over <paramref name="source"/>, added front to back from zero.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TDual">The dual number type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The sum (zero for an empty sequence).</returns>
    public static TDual Sum<TSource, TDual>(IEnumerable<TSource> source, Func<TSource, TDual> selector) where TDual : IFloatingPointIeee754<TDual>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        TDual sum = TDual.Zero;
        foreach (TSource e in source) sum += selector(e);
        return sum;
    }

    /// <summary>The mean of <paramref name="source"/>: its sum divided by the count.</summary>
    /// <typeparam name="TDual">The dual number type.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The mean.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static TDual Average<TDual>(IEnumerable<TDual> source) where TDual : IFloatingPointIeee754<TDual>
    {
        ArgumentNullException.ThrowIfNull(source);
        TDual sum = TDual.Zero;
        TDual count = TDual.Zero; // a constant counted up exactly, as the BCL's (double)count
        foreach (TDual v in source)
        {
            sum += v;
            count += TDual.One;
        }
        return TDual.IsZero(count) ? throw NoElements() : sum / count;
    }

    /// <summary>The mean of <paramref name="selector"/> over <paramref name="source"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TDual">The dual number type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The mean.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static TDual Average<TSource, TDual>(IEnumerable<TSource> source, Func<TSource, TDual> selector) where TDual : IFloatingPointIeee754<TDual>
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Average(Project(source, selector));
    }

    /// <summary>The largest value, skipping NaN (NaN only when every value is); tied tangents are averaged.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T> Max<T>(IEnumerable<Dual<T>> source) where T : IFloatingPointIeee754<T> => Single(Extreme(source, max: true));

    /// <summary>The largest value of <paramref name="selector"/> over <paramref name="source"/>, as <see cref="Max{T}(IEnumerable{Dual{T}})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T> Max<TSource, T>(IEnumerable<TSource> source, Func<TSource, Dual<T>> selector) where T : IFloatingPointIeee754<T> =>
        Max(Project(source, selector));

    /// <summary>The smallest value (NaN as soon as one value is NaN); tied tangents are averaged.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The minimum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T> Min<T>(IEnumerable<Dual<T>> source) where T : IFloatingPointIeee754<T> => Single(Extreme(source, max: false));

    /// <summary>The smallest value of <paramref name="selector"/> over <paramref name="source"/>, as <see cref="Min{T}(IEnumerable{Dual{T}})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The minimum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T> Min<TSource, T>(IEnumerable<TSource> source, Func<TSource, Dual<T>> selector) where T : IFloatingPointIeee754<T> =>
        Min(Project(source, selector));

    /// <summary>The largest value with several tangents, as <see cref="Max{T}(IEnumerable{Dual{T}})"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T, TTangents> Max<T, TTangents>(IEnumerable<Dual<T, TTangents>> source)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> => Multi(Extreme(source, max: true));

    /// <summary>The largest value of <paramref name="selector"/> with several tangents.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T, TTangents> Max<TSource, T, TTangents>(IEnumerable<TSource> source, Func<TSource, Dual<T, TTangents>> selector)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> => Max(Project(source, selector));

    /// <summary>The smallest value with several tangents, as <see cref="Min{T}(IEnumerable{Dual{T}})"/>.</summary>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="source">The values.</param>
    /// <returns>The minimum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T, TTangents> Min<T, TTangents>(IEnumerable<Dual<T, TTangents>> source)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> => Multi(Extreme(source, max: false));

    /// <summary>The smallest value of <paramref name="selector"/> with several tangents.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="T">The floating type.</typeparam>
    /// <typeparam name="TTangents">The tangent block.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="selector">The value of an element.</param>
    /// <returns>The minimum.</returns>
    /// <exception cref="InvalidOperationException">The sequence is empty.</exception>
    public static Dual<T, TTangents> Min<TSource, T, TTangents>(IEnumerable<TSource> source, Func<TSource, Dual<T, TTangents>> selector)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> => Min(Project(source, selector));

    /// <summary>The extreme element, the sum of the elements tied with it (tangents only matter) and their count; 0 ties: NaN result.</summary>
    private static (TDual Chosen, TDual TieSum, int Ties) Extreme<TDual>(IEnumerable<TDual> source, bool max) where TDual : IFloatingPointIeee754<TDual>
    {
        ArgumentNullException.ThrowIfNull(source);
        using IEnumerator<TDual> e = source.GetEnumerator();
        if (!e.MoveNext()) throw NoElements();
        TDual chosen = e.Current;
        // Enumerable.Min: NaN orders below everything, so the first NaN is the minimum. Enumerable.Max: NaN is skipped.
        while (TDual.IsNaN(chosen))
        {
            if (!max || !e.MoveNext()) return (chosen, chosen, 0);
            chosen = e.Current;
        }
        TDual tieSum = chosen;
        int ties = 1;
        while (e.MoveNext())
        {
            TDual v = e.Current;
            if (TDual.IsNaN(v))
            {
                if (max) continue;
                return (v, v, 0);
            }
            if (max ? v > chosen : v < chosen)
            {
                chosen = v;
                tieSum = v;
                ties = 1;
            }
            else if (max ? !(v < chosen) : !(v > chosen)) // neither is NaN: equal primal values
            {
                tieSum += v;
                ties++;
            }
        }
        return (chosen, tieSum, ties);
    }

    private static Dual<T> Single<T>((Dual<T> Chosen, Dual<T> TieSum, int Ties) r) where T : IFloatingPointIeee754<T> => r.Ties switch
    {
        0 => new Dual<T>(T.NaN, T.NaN),
        1 => r.Chosen,
        _ => new Dual<T>(r.Chosen.Value, r.TieSum.Tangent / T.CreateChecked(r.Ties)),
    };

    private static Dual<T, TTangents> Multi<T, TTangents>((Dual<T, TTangents> Chosen, Dual<T, TTangents> TieSum, int Ties) r)
        where T : IFloatingPointIeee754<T>
        where TTangents : struct, ITangents<TTangents, T> => r.Ties switch
    {
        0 => new Dual<T, TTangents>(T.NaN, TTangents.Multiply(r.Chosen.Tangents, T.NaN)),
        1 => r.Chosen,
        _ => new Dual<T, TTangents>(r.Chosen.Value, TTangents.Multiply(r.TieSum.Tangents, T.One / T.CreateChecked(r.Ties))),
    };

    private static IEnumerable<TResult> Project<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        foreach (TSource e in source) yield return selector(e);
    }

    private static InvalidOperationException NoElements() => new("Sequence contains no elements");
}
