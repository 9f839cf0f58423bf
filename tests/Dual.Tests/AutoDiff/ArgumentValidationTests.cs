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
}
