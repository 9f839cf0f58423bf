using System.Collections.Generic;

namespace Dual;

/// <summary>
/// Which entries of the compressed Hessian B = H·S (S the star colouring's column-colour matrix) to compute, and
/// where each entry of H is read from. B[i, c] = Σ over columns k of colour c of H[i, k]. For an off-diagonal
/// entry (i, j): when j is the only neighbour of i coloured colour(j), B[i, colour(j)] = H[i, j]; otherwise, in a
/// star colouring, i is the only neighbour of j coloured colour(i) (else the path k–i–j–l through the other
/// neighbours would use two colours), and B[j, colour(i)] = H[j, i]. A diagonal entry is B[i, colour(i)] (no
/// neighbour shares i's colour). These are the direct-recovery rules of Gebremedhin, Tarafdar, Pothen and Walther,
/// "Efficient computation of sparse Hessians using coloring and AD" (INFORMS J. Computing 2009); a colouring
/// that breaks them is refused here rather than allowed to produce a wrong number.
/// </summary>
internal sealed class StarRecovery
{
    private StarRecovery(int[] sampleRow, int[] sampleColor, int[] entrySample)
    {
        SampleRow = sampleRow;
        SampleColor = sampleColor;
        EntrySample = entrySample;
    }

    /// <summary>The row i of each needed sample B[i, c], grouped by colour (increasing), rows increasing within a colour.</summary>
    public int[] SampleRow { get; }

    /// <summary>The colour c of each needed sample.</summary>
    public int[] SampleColor { get; }

    /// <summary>For each CSR entry of H, the sample it is read from.</summary>
    public int[] EntrySample { get; }

    public static StarRecovery Create(SparsityPattern pattern, Coloring coloring)
    {
        int n = pattern.RowCount, colors = coloring.ColorCount;
        int[] color = coloring.ColorArray, offsets = pattern.RowOffsetArray, columns = pattern.ColumnIndexArray;

        // unique[e] for entry (i, j), i ≠ j: j is i's only neighbour of colour(j).
        var unique = new bool[columns.Length];
        var count = new int[colors];
        for (int i = 0; i < n; i++)
        {
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                if (columns[e] != i)
                {
                    count[color[columns[e]]]++;
                }
            }
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                int j = columns[e];
                if (j == i)
                {
                    continue;
                }
                if (color[j] == color[i])
                {
                    throw new InvalidOperationException(
                        $"The colouring gives adjacent vertices {i} and {j} the same colour {color[i]}; it is not a star colouring of this pattern.");
                }
                unique[e] = count[color[j]] == 1;
            }
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                count[color[columns[e]]] = 0;
            }
        }

        // Choose a sample for every entry: forced choices first (diagonal, one valid side), then reuse where possible.
        var samples = new Dictionary<long, int>();
        var entrySample = new int[columns.Length];
        entrySample.AsSpan().Fill(-1);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    int j = columns[e];
                    if (j < i || entrySample[e] >= 0)
                    {
                        continue; // each pair once, from its upper-triangle entry
                    }
                    int mirror = j == i ? e : pattern.IndexOf(j, i);
                    bool fromRowI = j == i || unique[e], fromRowJ = j != i && unique[mirror];
                    if (!fromRowI && !fromRowJ)
                    {
                        throw new InvalidOperationException(
                            $"Entry ({i}, {j}) cannot be recovered: both {i} and {j} have another neighbour of the other's colour, so the colouring is not a star colouring of this pattern.");
                    }
                    long fromI = Key(i, color[j]), fromJ = Key(j, color[i]);
                    long chosen;
                    if (fromRowI && fromRowJ)
                    {
                        if (pass == 0)
                        {
                            continue; // decide once the forced samples are known
                        }
                        chosen = samples.ContainsKey(fromJ) && !samples.ContainsKey(fromI) ? fromJ : fromI;
                    }
                    else
                    {
                        chosen = fromRowI ? fromI : fromJ;
                    }
                    if (!samples.TryGetValue(chosen, out int sample))
                    {
                        sample = samples.Count;
                        samples.Add(chosen, sample);
                    }
                    entrySample[e] = sample;
                    entrySample[mirror] = sample;
                }
            }
        }

        // Renumber the samples by (colour, row) so that each colour's rows are contiguous.
        var keys = new long[samples.Count];
        foreach (KeyValuePair<long, int> pair in samples)
        {
            keys[pair.Value] = (long)ColorOf(pair.Key) << 32 | (uint)RowOf(pair.Key);
        }
        var order = new int[keys.Length];
        for (int s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }
        Array.Sort((long[])keys.Clone(), order);
        var renumber = new int[keys.Length];
        var sampleRow = new int[keys.Length];
        var sampleColor = new int[keys.Length];
        for (int rank = 0; rank < order.Length; rank++)
        {
            long key = keys[order[rank]];
            renumber[order[rank]] = rank;
            sampleColor[rank] = (int)(key >> 32);
            sampleRow[rank] = (int)(key & 0xFFFF_FFFF);
        }
        for (int e = 0; e < entrySample.Length; e++)
        {
            entrySample[e] = renumber[entrySample[e]];
        }
        return new StarRecovery(sampleRow, sampleColor, entrySample);
    }

    private static long Key(int row, int color) => (long)row << 32 | (uint)color;

    private static int RowOf(long key) => (int)(key >> 32);

    private static int ColorOf(long key) => (int)(key & 0xFFFF_FFFF);
}
