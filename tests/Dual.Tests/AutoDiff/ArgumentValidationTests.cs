using System;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Bad input gets a clear error naming the parameter and both sizes, never a wrong number.</summary>
public class ArgumentValidationTests
{
    private static void AssertNamesSizes(TestDelegate call, string parameter, params string[] sizes)
    {
        var error = Assert.Throws<ArgumentException>(call);
        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        foreach (string size in sizes)
        {
            Assert.That(error.Message, Does.Contain(size));
        }
    }

    [Test]
    public void Gradient_buffer_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Gradient(v => v[0] * v[1], [1.0, 2.0], new double[3]), "gradient", "3", "2");

    [Test]
    public void Chunked_gradient_buffer_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, [1.0, 2.0, 3.0], new double[2]), "gradient", "2", "3");

    [Test]
    public void Jacobian_buffer_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Jacobian<double>((x, y) => y[0] = x[0], [1.0, 2.0], new double[3], new double[5]), "jacobian", "5", "6");

    [Test]
    public void Jvp_direction_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Jvp(v => v[0], [1.0, 2.0], [1.0]), "v", "1", "2");

    [Test]
    public void Hessian_buffer_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Hessian<double>(v => v[0] * v[1], [1.0, 2.0], new double[2], new double[3]), "hessian", "3", "4");

    [Test]
    public void Hvp_vector_of_wrong_length()
        => AssertNamesSizes(() => AutoDiff.Hvp<double>(v => v[0] * v[1], [1.0, 2.0], [1.0, 2.0, 3.0], new double[2]), "v", "3", "2");

    [Test]
    public void Softmax_destination_of_wrong_length()
        => AssertNamesSizes(() => Dual<double>.Softmax(new Dual<double>[3], new Dual<double>[2]), "destination", "2", "3");

    [Test]
    public void Unsupported_chunk_size()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, [1.0, 2.0], 3));
        Assert.That(error!.ParamName, Is.EqualTo("chunkSize"));
    }

    [Test]
    public void Nan_and_infinity_propagate_through_the_gradient()
    {
        double[] g = AutoDiff.Gradient(v => v[0] * v[1] + Dual<double>.Log(v[1]), [double.NaN, 2.0]);
        Assert.That(double.IsNaN(g[1]), Is.True, "∂/∂y = x + 1/y is NaN when x is NaN");
        // IEEE: the ∂/∂x pass computes ẋ·y + ẏ·x = 1·2 + 0·NaN, and 0·NaN is NaN (as in JAX): documented, not hidden.
        Assert.That(double.IsNaN(g[0]), Is.True, "0·NaN poisons the partial, per IEEE 754");
        double[] clean = AutoDiff.Gradient(v => v[0] + Dual<double>.Log(v[1]), [double.NaN, 2.0]);
        Assert.That(clean[1], Is.EqualTo(0.5), "a NaN that never meets this partial leaves it exact");
        double[] h = AutoDiff.Gradient(v => v[0] * v[0], [double.PositiveInfinity]);
        Assert.That(h[0], Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Empty_input_gives_the_value_and_an_empty_gradient()
    {
        double value = AutoDiff.Gradient<double, TestFunctions.Rosenbrock>(default, ReadOnlySpan<double>.Empty, Span<double>.Empty);
        Assert.That(value, Is.EqualTo(0.0));
    }

    // ---- sizes past int.MaxValue: checked in 64 bits, never wrapped -------------------------------------------

    private struct Identity : IVectorFunction, IScalarFunction
    {
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : System.Numerics.IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < y.Length; i++) y[i] = x[i % x.Length];
        }

        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : System.Numerics.IFloatingPointIeee754<TNum> => x[0];
    }

    [Test]
    public void Jacobian_whose_m_times_n_wraps_in_32_bits_is_refused_with_the_sizes()
    {
        // 65 536 · 65 536 = 2³² wraps to 0 in 32 bits: an empty Jacobian buffer used to pass the check.
        var x = new double[65536];
        var values = new double[65536];
        AssertNamesSizes(() => AutoDiff.Jacobian<double, Identity>(default, x, values, Span<double>.Empty), "jacobian", "4294967296", "65536·65536");
        AssertNamesSizes(() => AutoDiff.Jacobian<double>((a, b) => b[0] = a[0], x, values, Span<double>.Empty), "jacobian", "4294967296", "65536·65536");
        // 65 537 · 65 537 wraps to 131 073: a buffer of that length too.
        var x2 = new double[65537];
        var values2 = new double[65537];
        var wrapped = new double[unchecked(65537 * 65537)];
        AssertNamesSizes(() => AutoDiff.Jacobian<double, Identity>(default, x2, values2, wrapped), "jacobian", "4295098369", "65537·65537");
    }

    [Test]
    public void Allocating_Jacobian_past_an_arrays_capacity_is_refused_naming_outputLength()
    {
        var x = new double[70000];
        AssertNamesSizes(() => AutoDiff.Jacobian<double, Identity>(default, x, 70000), "outputLength", "70000·70000", "4900000000");
        AssertNamesSizes(() => AutoDiff.Jacobian<double>((a, b) => b[0] = a[0], x, 70000), "outputLength", "70000·70000", "4900000000");
    }

    [Test]
    public void Hessian_whose_n_times_n_wraps_in_32_bits_is_refused_with_the_sizes()
    {
        var x = new double[65536];
        var gradient = new double[65536];
        AssertNamesSizes(() => AutoDiff.Hessian<double, Identity>(default, x, gradient, Span<double>.Empty), "hessian", "4294967296", "65536·65536");
        AssertNamesSizes(() => AutoDiff.Hessian<double>(v => v[0], x, gradient, Span<double>.Empty), "hessian", "4294967296", "65536·65536");
        AssertNamesSizes(() => AutoDiff.Hessian<double, Identity>(default, new double[46341]), "x", "46341·46341", "2147488281");
        AssertNamesSizes(() => AutoDiff.Hessian<double>(v => v[0], new double[46341]), "x", "46341·46341", "2147488281");
    }

    // ---- a function that writes past its outputs ---------------------------------------------------------------

    [Test]
    public void Too_small_outputLength_is_named_instead_of_an_IndexOutOfRangeException_from_inside()
    {
        double[] x = [1.0, 2.0, 3.0];
        VectorFunc<Dual<double>> three = (a, y) => { y[0] = a[0]; y[1] = a[1]; y[2] = a[2]; };
        AssertNamesSizes(() => AutoDiff.Jacobian(three, x, 2), "outputLength", "m = 2", "n = 3");
        var error = Assert.Throws<ArgumentException>(() => AutoDiff.Jacobian<double, WritesFour>(default, x, 2));
        Assert.That(error!.InnerException, Is.TypeOf<IndexOutOfRangeException>());
        AssertNamesSizes(() => AutoDiff.Derivative<double>((t, y) => { y[0] = t; y[1] = t; }, 1.0, 1), "outputLength", "m = 1");
        AssertNamesSizes(() => AutoDiff.Jacobian<double, WritesFour>(default, x, new double[2], new double[6]), "values", "m = 2");
        AssertNamesSizes(() => AutoDiff.Jvp<double>(three, x, x, new double[2], new double[2]), "values", "m = 2");
        AssertNamesSizes(() => AutoDiff.Jvp<double, WritesFour>(default, x, x, new double[2], new double[2]), "values", "m = 2");
        AssertNamesSizes(() => AutoDiff.Derivative<double>((t, y) => { y[0] = t; y[1] = t; }, 1.0, new double[1], new double[1]), "values", "m = 1");
    }

    private struct WritesFour : IVectorFunction
    {
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : System.Numerics.IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < 4; i++) y[i] = x[0];
        }
    }

    // ---- conversions that would drop a derivative ---------------------------------------------------------------

    [Test]
    public void Converting_a_dual_with_a_tangent_says_why_and_what_to_do()
    {
        var error = Assert.Throws<NotSupportedException>(() => double.CreateChecked(new Dual<double>(1.5, 2)));
        Assert.That(error!.Message, Does.Contain("1.5 + 2ε").And.Contain("double").And.Contain(".Value").And.Contain("lifted type"));
        var multi = Assert.Throws<NotSupportedException>(() => float.CreateTruncating(new Dual<double, Tangents2<double>>(1.5, Tangents2<double>.Create([0.0, 1.0]))));
        Assert.That(multi!.Message, Does.Contain("float").And.Contain(".Value"));
        Assert.That(double.CreateChecked(new Dual<double>(1.5, 0)), Is.EqualTo(1.5), "a constant still converts");
    }

    [Test]
    public void CompareTo_with_another_type_names_both_in_csharp_syntax()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dual<double, Tangents4<double>>(1).CompareTo((object)1.0));
        Assert.That(error!.Message, Does.Contain("Dual<double, Tangents4<double>>").And.Contain("not double"));
    }
}
