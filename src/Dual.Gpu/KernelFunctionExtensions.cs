using System;
using System.Numerics;

namespace Dual.Gpu;

/// <summary>Bridges <see cref="IKernelFunction"/> to the CPU API of <see cref="AutoDiff"/>.</summary>
public static class KernelFunctionExtensions
{
    /// <summary>Wraps a kernel function as an <see cref="IVectorFunction"/>, so that
    /// <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, int, int)"/> and the rest of the
    /// CPU API can differentiate it (the adapter copies the inputs once per evaluation).</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function.</param>
    /// <returns>The adapter.</returns>
    public static KernelVectorFunction<TFunction> AsVectorFunction<TFunction>(this TFunction function)
        where TFunction : struct, IKernelFunction => new(function);
}

/// <summary>An <see cref="IKernelFunction"/> seen as an <see cref="IVectorFunction"/>; see
/// <see cref="KernelFunctionExtensions.AsVectorFunction{TFunction}(TFunction)"/>.</summary>
/// <typeparam name="TFunction">The function struct.</typeparam>
public readonly struct KernelVectorFunction<TFunction> : IVectorFunction
    where TFunction : struct, IKernelFunction
{
    private readonly TFunction function;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="function">The function.</param>
    public KernelVectorFunction(TFunction function) => this.function = function;

    /// <inheritdoc />
    public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        if (x.Length != function.InputCount)
            throw new ArgumentException($"x has length {x.Length}; the function takes n = {function.InputCount} inputs.", nameof(x));
        if (y.Length != function.OutputCount)
            throw new ArgumentException($"y has length {y.Length}; the function has m = {function.OutputCount} outputs.", nameof(y));
        var inputs = new ArrayInputs<TNum>(x.ToArray());
        for (int i = 0; i < y.Length; i++)
            y[i] = function.Output<TNum, ArrayInputs<TNum>>(i, in inputs);
    }

    private readonly struct ArrayInputs<TNum> : IKernelInputs<TNum>
    {
        private readonly TNum[] values;

        public ArrayInputs(TNum[] values) => this.values = values;

        public TNum this[int index] => values[index];
    }
}
