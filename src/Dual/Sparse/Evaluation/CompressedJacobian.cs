namespace Dual;

/// <summary>
/// The compressed (coloured) evaluation of a sparse Jacobian, with everything that does not depend on x
/// precomputed: one tangent lane per colour, k lanes per pass, ⌈colours/k⌉ passes. Each pass is
/// seed → evaluate → read lanes → clear, the shape of the library's chunk loops.
/// </summary>
internal abstract class CompressedJacobian<T, TFunction> : CompressedEvaluation
    where T : IFloatingPointIeee754<T>
    where TFunction : IVectorFunction
{
    public abstract void Evaluate(ref TFunction f, ReadOnlySpan<T> x, Span<T> values, T[] jacobian);

    public static CompressedJacobian<T, TFunction> Create(SparsityPattern pattern, Coloring coloring, int chunkSize) => chunkSize switch
    {
        1 => new CompressedJacobian<T, TFunction, Tangents1<T>>(pattern, coloring),
        2 => new CompressedJacobian<T, TFunction, Tangents2<T>>(pattern, coloring),
        4 => new CompressedJacobian<T, TFunction, Tangents4<T>>(pattern, coloring),
        8 => new CompressedJacobian<T, TFunction, Tangents8<T>>(pattern, coloring),
        16 => new CompressedJacobian<T, TFunction, Tangents16<T>>(pattern, coloring),
        _ => new CompressedJacobian<T, TFunction, Tangents32<T>>(pattern, coloring),
    };
}

/// <inheritdoc/>
internal sealed class CompressedJacobian<T, TFunction, TTangents> : CompressedJacobian<T, TFunction>
    where T : IFloatingPointIeee754<T>
    where TFunction : IVectorFunction
    where TTangents : struct, ITangents<TTangents, T>
{
    private readonly int passCount;

    // Columns by colour: colour c's columns are colorColumns[colorOffsets[c] .. colorOffsets[c + 1]].
    private readonly int[] colorOffsets;
    private readonly int[] colorColumns;

    // What each pass reads: for pass p, rows passRows[passRowStart[p] .. passRowStart[p + 1]]; for the r-th of
    // those, the CSR entries readEntry[readStart[r] .. readStart[r + 1]] from lanes readLane[…].
    private readonly int[] passRowStart;
    private readonly int[] passRows;
    private readonly int[] readStart;
    private readonly int[] readEntry;
    private readonly int[] readLane;

    // Work arrays, reused by every evaluation.
    private readonly Dual<T, TTangents>[] inputs;
    private readonly Dual<T, TTangents>[] outputs;
    private readonly T[] lanes;

    public CompressedJacobian(SparsityPattern pattern, Coloring coloring)
    {
        int m = pattern.RowCount, n = pattern.ColumnCount, k = TTangents.Count, colors = coloring.ColorCount;
        passCount = pattern.NonZeroCount == 0 ? 0 : (colors + k - 1) / k;
        int[] color = coloring.ColorArray;

        colorColumns = coloring.GroupByColor(out colorOffsets);

        int[] offsets = pattern.RowOffsetArray, columns = pattern.ColumnIndexArray;
        passRowStart = new int[passCount + 1];
        var rows = new System.Collections.Generic.List<int>();
        var starts = new System.Collections.Generic.List<int> { 0 };
        var entries = new System.Collections.Generic.List<int>();
        var entryLanes = new System.Collections.Generic.List<int>();
        for (int pass = 0; pass < passCount; pass++)
        {
            int first = pass * k, last = Math.Min(colors, first + k);
            for (int i = 0; i < m; i++)
            {
                int before = entries.Count;
                for (int e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    int c = color[columns[e]];
                    if (c >= first && c < last)
                    {
                        entries.Add(e);
                        entryLanes.Add(c - first);
                    }
                }
                if (entries.Count > before)
                {
                    rows.Add(i);
                    starts.Add(entries.Count);
                }
            }
            passRowStart[pass + 1] = rows.Count;
        }
        passRows = rows.ToArray();
        readStart = starts.ToArray();
        readEntry = entries.ToArray();
        readLane = entryLanes.ToArray();

        inputs = new Dual<T, TTangents>[n];
        outputs = new Dual<T, TTangents>[m];
        lanes = new T[k];
    }

    public override int ChunkSize => TTangents.Count;

    public override int PassCount => passCount;

    public override void Evaluate(ref TFunction f, ReadOnlySpan<T> x, Span<T> values, T[] jacobian)
    {
        Span<Dual<T, TTangents>> xs = inputs, ys = outputs;
        for (int j = 0; j < xs.Length; j++)
        {
            xs[j] = new Dual<T, TTangents>(x[j], TTangents.Zero);
        }
        if (passCount == 0)
        {
            // No entries (or no inputs): one plain pass for the values.
            ys.Clear();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            ReadValues(values);
            return;
        }
        PrimalReplay.CallLog? replay = PassReplay.Start<T>(passCount, 1);
        for (int pass = 0; pass < passCount; pass++)
        {
            Seed(pass, x, xs, seeded: true);
            ys.Clear();
            replay?.Rewind();
            f.Evaluate<Dual<T, TTangents>>(xs, ys);
            if (pass == 0)
            {
                ReadValues(values);
            }
            ReadLanes(pass, jacobian);
            Seed(pass, x, xs, seeded: false);
        }
        if (replay is not null) PrimalReplay.End();
    }

    /// <summary>Puts lane (c − first colour of the pass) on every column of colour c in the pass, or clears it.</summary>
    private void Seed(int pass, ReadOnlySpan<T> x, Span<Dual<T, TTangents>> xs, bool seeded)
    {
        int k = TTangents.Count, first = pass * k, last = Math.Min(colorOffsets.Length - 1, first + k);
        if (ChunkSeeding<T, TTangents>.LanesAreScalars)
        {
            // Every other lane of these inputs is zero and their values are written: only the seed lane changes.
            T lane = seeded ? T.One : T.Zero;
            for (int c = first; c < last; c++)
            {
                for (int s = colorOffsets[c]; s < colorOffsets[c + 1]; s++)
                {
                    ChunkSeeding<T, TTangents>.Lane(ref xs[colorColumns[s]], c - first) = lane;
                }
            }
            return;
        }
        for (int c = first; c < last; c++)
        {
            TTangents seed = seeded ? ChunkSeeding<T, TTangents>.UnitSeed(c - first) : TTangents.Zero;
            for (int s = colorOffsets[c]; s < colorOffsets[c + 1]; s++)
            {
                int j = colorColumns[s];
                xs[j] = new Dual<T, TTangents>(x[j], seed);
            }
        }
    }

    private void ReadValues(Span<T> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = outputs[i].Value;
        }
    }

    /// <summary>Each output's lane c is ∂yᵢ/∂xⱼ for the one column j of colour c in row i (the colouring's guarantee).</summary>
    private void ReadLanes(int pass, T[] jacobian)
    {
        T[] laneValues = lanes;
        for (int r = passRowStart[pass]; r < passRowStart[pass + 1]; r++)
        {
            outputs[passRows[r]].Tangents.CopyTo(laneValues);
            for (int s = readStart[r]; s < readStart[r + 1]; s++)
            {
                jacobian[readEntry[s]] = laneValues[readLane[s]];
            }
        }
    }
}
