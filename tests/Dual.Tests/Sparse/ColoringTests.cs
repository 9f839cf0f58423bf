using System;
using System.Linq;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.Sparse;

/// <summary>Every colouring the library produces satisfies its definition, checked by brute force.</summary>
public class ColoringTests
{
    private static readonly ColoringOrder[] AllOrders = Enum.GetValues<ColoringOrder>();

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Column_colourings_of_random_patterns_are_valid_for_every_order(int seed)
    {
        var random = new Random(seed);
        int m = 1 + random.Next(40), n = 1 + random.Next(40);
        double density = 0.02 + random.NextDouble() * 0.3;
        bool[,] mask = ColoringOracle.RandomMask(seed, m, n, density);
        SparsityPattern pattern = SparsityPattern.FromDense(mask);
        int widestRow = Enumerable.Range(0, m).Max(i => pattern.Row(i).Length);
        foreach (ColoringOrder order in AllOrders)
        {
            Coloring coloring = GraphColoring.ColumnColoring(pattern, order);
            if (ColoringOracle.ColumnColoringViolation(mask, coloring.Colors) is string problem)
            {
                Assert.Fail($"{order}: {problem}");
            }
            // Colours are 0..count−1, all used, and a row's columns need distinct colours.
            int[] colors = coloring.Colors.ToArray();
            if (colors.Length != n || colors.Any(c => c < 0 || c >= coloring.ColorCount)) return false;
            if (n > 0 && colors.Distinct().Count() != coloring.ColorCount) return false;
            if (coloring.ColorCount < widestRow || coloring.ColorCount > n) return false;
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Star_colourings_of_random_symmetric_patterns_are_valid_for_every_order(int seed)
    {
        var random = new Random(seed);
        int n = 1 + random.Next(35);
        double density = 0.03 + random.NextDouble() * 0.3;
        bool[,] mask = ColoringOracle.RandomSymmetricMask(seed, n, density);
        SparsityPattern pattern = SparsityPattern.FromDense(mask);
        foreach (ColoringOrder order in AllOrders)
        {
            Coloring coloring = GraphColoring.StarColoring(pattern, order);
            if (ColoringOracle.StarColoringViolation(mask, coloring.Colors) is string problem)
            {
                Assert.Fail($"{order}: {problem}");
            }
            int[] colors = coloring.Colors.ToArray();
            if (colors.Any(c => c < 0 || c >= coloring.ColorCount)) return false;
        }
        return true;
    }

    [Test]
    public void Best_is_never_worse_than_any_single_order()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            SparsityPattern pattern = SparsityPattern.FromDense(ColoringOracle.RandomMask(seed, 30, 30, 0.1));
            int best = GraphColoring.ColumnColoring(pattern, ColoringOrder.Best).ColorCount;
            foreach (ColoringOrder order in AllOrders.Where(o => o != ColoringOrder.Best))
            {
                Assert.That(best, Is.LessThanOrEqualTo(GraphColoring.ColumnColoring(pattern, order).ColorCount), $"seed {seed}, {order}");
            }
        }
    }

    [Test]
    public void Tridiagonal_needs_exactly_three_column_colours_and_a_diagonal_one()
    {
        SparsityPattern tridiagonal = SparseTestFunctions.Stencil1D.Expected(50);
        foreach (ColoringOrder order in AllOrders)
        {
            Assert.That(GraphColoring.ColumnColoring(tridiagonal, order).ColorCount, Is.EqualTo(3), order.ToString());
        }
        SparsityPattern diagonal = SparsityPattern.FromEntries(10, 10, Enumerable.Range(0, 10).Select(i => (i, i)));
        Assert.That(GraphColoring.ColumnColoring(diagonal).ColorCount, Is.EqualTo(1));
        Assert.That(GraphColoring.StarColoring(diagonal).ColorCount, Is.EqualTo(1));
    }

    [Test]
    public void Arrowhead_star_colouring_uses_two_colours_where_column_colouring_needs_n()
    {
        // The arrow's hub x₀ touches everything, so every column pair shares row 0: n colours for the Jacobian. As a
        // symmetric matrix it is one star around x₀: two colours recover it.
        int n = 12;
        SparsityPattern arrow = SparseTestFunctions.Arrowhead.Expected(n);
        Assert.That(GraphColoring.ColumnColoring(arrow).ColorCount, Is.EqualTo(n));
        Assert.That(GraphColoring.StarColoring(arrow).ColorCount, Is.EqualTo(2));
    }

    [Test]
    public void Star_colouring_of_a_path_avoids_two_coloured_paths_of_four()
    {
        // A path 0–1–…–9: a distance-1 colouring would use 2 colours, but 0–1–2–3 would then alternate; a star colouring needs 3.
        int n = 10;
        SparsityPattern path = SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n - 1).SelectMany(i => new[] { (i, i + 1), (i + 1, i) }));
        foreach (ColoringOrder order in AllOrders)
        {
            Coloring coloring = GraphColoring.StarColoring(path, order);
            Assert.That(coloring.ColorCount, Is.EqualTo(3), order.ToString());
            Assert.That(ColoringOracle.StarColoringViolation(path.ToDense(), coloring.Colors), Is.Null);
        }
    }

    [Test]
    public void Star_colouring_refuses_an_unsymmetric_pattern()
    {
        SparsityPattern pattern = SparsityPattern.FromEntries(3, 3, [(0, 1)]);
        var error = Assert.Throws<ArgumentException>(() => GraphColoring.StarColoring(pattern));
        Assert.That(error!.ParamName, Is.EqualTo("pattern"));
        Assert.That(error.Message, Does.Contain("symmetric"));
    }
}
