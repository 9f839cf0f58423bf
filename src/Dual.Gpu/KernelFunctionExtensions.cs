using System.Runtime.InteropServices;

namespace Dual.Gpu;

/// <summary>Bridges <see cref="IKernelFunction"/> to the CPU API of <see cref="AutoDiff"/>.</summary>
public static class KernelFunctionExtensions
{
    /// <summary>Wraps a kernel function as an <see cref="IVectorFunction"/> that computes its outputs one row at a time
    /// (<see cref="IKernelFunction.Output{TNum, TInputs}"/>), so that
    /// <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, int, int)"/> and the rest of the CPU API can
    /// differentiate it. Allocation-free; an input read outside [0, n) throws <see cref="IndexOutOfRangeException"/>
    /// naming the function and the index.</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function.</param>
    /// <returns>The adapter.</returns>
    public static KernelVectorFunction<TFunction> AsVectorFunction<TFunction>(this TFunction function)
        where TFunction : struct, IKernelFunction => new(function);

    /// <summary>Wraps a kernel function that can evaluate a whole point as an <see cref="IVectorFunction"/> that calls
    /// <see cref="IKernelPointFunction.Evaluate{TNum, TInputs, TOutputs}"/> (what the engine runs for such a function).</summary>
    /// <typeparam name="TFunction">The function struct.</typeparam>
    /// <param name="function">The function.</param>
    /// <returns>The adapter.</returns>
    public static KernelPointVectorFunction<TFunction> AsWholePointFunction<TFunction>(this TFunction function)
        where TFunction : struct, IKernelPointFunction => new(function);
}

/// <summary>An <see cref="IKernelFunction"/> seen as an <see cref="IVectorFunction"/>, one output row at a time; see
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
    public unsafe void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        HostInputs.CheckLengths(function, x.Length, y.Length);
        fixed (byte* pinned = &Unsafe.As<TNum, byte>(ref MemoryMarshal.GetReference(x)))
        {
            var inputs = new HostInputs<TNum, TFunction>(pinned, x.Length);
            for (int i = 0; i < y.Length; i++)
                y[i] = function.Output<TNum, HostInputs<TNum, TFunction>>(i, in inputs);
        }
    }
}

/// <summary>An <see cref="IKernelPointFunction"/> seen as an <see cref="IVectorFunction"/> through its whole-point
/// evaluation; see <see cref="KernelFunctionExtensions.AsWholePointFunction{TFunction}(TFunction)"/>.</summary>
/// <typeparam name="TFunction">The function struct.</typeparam>
public readonly struct KernelPointVectorFunction<TFunction> : IVectorFunction
    where TFunction : struct, IKernelPointFunction
{
    private readonly TFunction function;

    /// <summary>Wraps <paramref name="function"/>.</summary>
    /// <param name="function">The function.</param>
    public KernelPointVectorFunction(TFunction function) => this.function = function;

    /// <inheritdoc />
    public unsafe void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        HostInputs.CheckLengths(function, x.Length, y.Length);
        fixed (byte* pinnedX = &Unsafe.As<TNum, byte>(ref MemoryMarshal.GetReference(x)))
        fixed (byte* pinnedY = &Unsafe.As<TNum, byte>(ref MemoryMarshal.GetReference(y)))
        {
            var inputs = new HostInputs<TNum, TFunction>(pinnedX, x.Length);
            var outputs = new HostOutputs<TNum, TFunction>(pinnedY, y.Length);
            function.Evaluate<TNum, HostInputs<TNum, TFunction>, HostOutputs<TNum, TFunction>>(in inputs, in outputs);
        }
    }
}

internal static class HostInputs
{
    public static void CheckLengths<TFunction>(TFunction function, int x, int y) where TFunction : struct, IKernelFunction
    {
        if (x != function.InputCount)
            throw new ArgumentException($"x has length {x}; {typeof(TFunction).Name} takes n = {function.InputCount} inputs.", nameof(x));
        if (y != function.OutputCount)
            throw new ArgumentException($"y has length {y}; {typeof(TFunction).Name} has m = {function.OutputCount} outputs.", nameof(y));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IndexOutOfRangeException BadIndex<TFunction>(string what, int index, int length) =>
        new($"{typeof(TFunction).Name} {what} {index}, outside [0, {length}): it has {(what == "read input" ? "n" : "m")} = {length}.");
}

/// <summary>Inputs over a pinned span (the span's memory is pinned by the caller for the evaluation).</summary>
internal readonly unsafe struct HostInputs<TNum, TFunction> : IKernelInputs<TNum> where TNum : IFloatingPointIeee754<TNum>
{
    private readonly void* start;
    private readonly int length;

    public HostInputs(void* start, int length)
    {
        this.start = start;
        this.length = length;
    }

    public TNum this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)length)
                throw HostInputs.BadIndex<TFunction>("read input", index, length);
            return Unsafe.Add(ref Unsafe.AsRef<TNum>(start), index);
        }
    }

    public TNum Constant(double value) => TNum.CreateTruncating(value);
}

internal readonly unsafe struct HostOutputs<TNum, TFunction> : IKernelOutputs<TNum> where TNum : IFloatingPointIeee754<TNum>
{
    private readonly void* start;
    private readonly int length;

    public HostOutputs(void* start, int length)
    {
        this.start = start;
        this.length = length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, TNum value)
    {
        if ((uint)index >= (uint)length)
            throw HostInputs.BadIndex<TFunction>("wrote output", index, length);
        Unsafe.Add(ref Unsafe.AsRef<TNum>(start), index) = value;
    }
}
