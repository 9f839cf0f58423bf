namespace Dual;

/// <summary>
/// The compressed evaluation of a sparse Hessian, forward over forward on the star colouring's seeds. A pass seeds
/// the inner tangent with colour c (1 on every input of colour c) and k outer lanes with single inputs i₁…iₖ, so
/// outer lane l's second-order part is B[iₗ, c] = Σ over k of colour c of H[iₗ, k]; <see cref="StarRecovery"/>
/// says which (i, c) are needed (about one per pair of the pattern) and where each entry of H is read from. Passes:
/// Σ over colours of ⌈(needed rows of that colour)/k⌉, about (n + entries/2)/k.
/// </summary>
internal abstract class CompressedHessian<T, TFunction> : CompressedEvaluation
    where T : IFloatingPointIeee754<T>
    where TFunction : IScalarFunction
{
    public abstract T Evaluate(ref TFunction f, ReadOnlySpan<T> x, T[] hessian);

    // The outer lanes as pairs of SIMD blocks where T fits them (the chunked Hessian's blocks, same bits), else the wide
    // blocks over Dual<T>.
    public static CompressedHessian<T, TFunction> Create(SparsityPattern pattern, Coloring coloring, StarRecovery recovery, int chunkSize)
        => AutoDiff.FitsSimdBlocks<T>()
            ? chunkSize switch
            {
                2 => new CompressedHessian<T, TFunction, PairTangents<T, Tangents2<T>>>(pattern, coloring, recovery),
                4 => new CompressedHessian<T, TFunction, PairTangents<T, Tangents4<T>>>(pattern, coloring, recovery),
                8 => new CompressedHessian<T, TFunction, PairTangents<T, Tangents8<T>>>(pattern, coloring, recovery),
                16 => new CompressedHessian<T, TFunction, PairTangents<T, Tangents16<T>>>(pattern, coloring, recovery),
                _ => new CompressedHessian<T, TFunction, PairTangents<T, Tangents32<T>>>(pattern, coloring, recovery),
            }
            : chunkSize switch
            {
                2 => new CompressedHessian<T, TFunction, WideTangents<Dual<T>, Width2<Dual<T>>>>(pattern, coloring, recovery),
                4 => new CompressedHessian<T, TFunction, WideTangents<Dual<T>, Width4<Dual<T>>>>(pattern, coloring, recovery),
                8 => new CompressedHessian<T, TFunction, WideTangents<Dual<T>, Width8<Dual<T>>>>(pattern, coloring, recovery),
                16 => new CompressedHessian<T, TFunction, WideTangents<Dual<T>, Width16<Dual<T>>>>(pattern, coloring, recovery),
                _ => new CompressedHessian<T, TFunction, WideTangents<Dual<T>, Width32<Dual<T>>>>(pattern, coloring, recovery),
            };
}

/// <inheritdoc/>
internal sealed class CompressedHessian<T, TFunction, TOuter> : CompressedHessian<T, TFunction>
    where T : IFloatingPointIeee754<T>
    where TFunction : IScalarFunction
    where TOuter : struct, ITangents<TOuter, Dual<T>>
{
    // Inputs by colour: colour c's inputs are colorInputs[colorOffsets[c] .. colorOffsets[c + 1]].
    private readonly int[] colorOffsets;
    private readonly int[] colorInputs;

    // Pass p: inner colour passColor[p], outer lanes on samples passStart[p] .. passStart[p + 1] (rows sampleRow[…]).
    private readonly int[] passColor;
    private readonly int[] passStart;
    private readonly int[] sampleRow;
    private readonly int[] entrySample;

    private readonly Dual<Dual<T>, TOuter>[] inputs;
    private readonly Dual<T>[] lanes;
    private readonly T[] samples;

    public CompressedHessian(SparsityPattern pattern, Coloring coloring, StarRecovery recovery)
    {
        int n = pattern.RowCount, k = TOuter.Count;
        colorInputs = coloring.GroupByColor(out colorOffsets);

        // Samples come grouped by colour; cut each colour's run into chunks of k.
        sampleRow = recovery.SampleRow;
        entrySample = recovery.EntrySample;
        int[] sampleColor = recovery.SampleColor;
        var colorsOfPasses = new System.Collections.Generic.List<int>();
        var starts = new System.Collections.Generic.List<int>();
        for (int s = 0; s < sampleRow.Length; s++)
        {
            bool newColor = s == 0 || sampleColor[s] != sampleColor[s - 1];
            if (newColor || s - starts[^1] == k)
            {
                colorsOfPasses.Add(sampleColor[s]);
                starts.Add(s);
            }
        }
        starts.Add(sampleRow.Length);
        passColor = colorsOfPasses.ToArray();
        passStart = starts.ToArray();

        inputs = new Dual<Dual<T>, TOuter>[n];
        lanes = new Dual<T>[k];
        samples = new T[sampleRow.Length];
    }

    public override int ChunkSize => TOuter.Count;

    public override int PassCount => passColor.Length;

    public override T Evaluate(ref TFunction f, ReadOnlySpan<T> x, T[] hessian)
    {
        Span<Dual<Dual<T>, TOuter>> xs = inputs;
        for (int j = 0; j < xs.Length; j++)
        {
            xs[j] = new(new Dual<T>(x[j], T.Zero), TOuter.Zero);
        }
        if (passColor.Length == 0)
        {
            return f.Evaluate<Dual<Dual<T>, TOuter>>(xs).Value.Value;
        }
        T value = T.Zero;
        PrimalReplay.CallLog? replay = PassReplay.Start<T>(passColor.Length, 1);
        for (int pass = 0; pass < passColor.Length; pass++)
        {
            Seed(pass, xs, seeded: true);
            replay?.Rewind();
            Dual<Dual<T>, TOuter> y = f.Evaluate<Dual<Dual<T>, TOuter>>(xs);
            value = y.Value.Value;
            ReadLanes(pass, y);
            Seed(pass, xs, seeded: false);
        }
        if (replay is not null) PrimalReplay.End();
        for (int e = 0; e < hessian.Length; e++)
        {
            hessian[e] = samples[entrySample[e]];
        }
        return value;
    }

    /// <summary>Inner tangent 1 on the pass's colour; outer lane l on the pass's l-th sample row (or both cleared).</summary>
    private void Seed(int pass, Span<Dual<Dual<T>, TOuter>> xs, bool seeded)
    {
        int c = passColor[pass];
        T inner = seeded ? T.One : T.Zero;
        // The values were written when the evaluation began: a pass changes one inner tangent per input of its colour
        // and one outer lane per sample row, and stores only those.
        for (int s = colorOffsets[c]; s < colorOffsets[c + 1]; s++)
        {
            Unsafe.AsRef(in xs[colorInputs[s]].Value.Tangent) = inner;
        }
        Dual<T> seed = seeded ? new(T.One, T.Zero) : default;
        for (int s = passStart[pass]; s < passStart[pass + 1]; s++)
        {
            OuterSeeding<T, TOuter>.Set(ref Unsafe.AsRef(in xs[sampleRow[s]].Tangents), s - passStart[pass], seed);
        }
    }

    /// <summary>Outer lane l's second-order part is B[row of sample l, colour of the pass].</summary>
    private void ReadLanes(int pass, Dual<Dual<T>, TOuter> y)
    {
        y.Tangents.CopyTo(lanes);
        for (int s = passStart[pass]; s < passStart[pass + 1]; s++)
        {
            samples[s] = lanes[s - passStart[pass]].Tangent;
        }
    }
}
