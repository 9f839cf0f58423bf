namespace Dual.Gpu;

/// <summary>Where a <see cref="JacobianEngine"/> runs.</summary>
public enum AcceleratorPreference
{
    /// <summary>The first CUDA device when one is present, else <see cref="CpuThreads"/> (the fast CPU path).</summary>
    Auto,

    /// <summary>A CUDA device; the engine's constructor throws when there is none.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: runs the engine's kernels as .NET code, one emulated GPU thread per OS thread.
    /// A test vehicle for the kernels (bounds checks, layouts, chunking), far slower than <see cref="CpuThreads"/>.</summary>
    CpuAccelerator,

    /// <summary>No ILGPU accelerator: the library's chunked CPU code (<see cref="AutoDiff"/>'s multi-tangent Jacobian
    /// driver) on one thread per core, over blocks of points, writing straight into the caller's buffers;
    /// bit-identical to <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, System.ReadOnlySpan{T}, System.Span{T}, System.Span{T}, int)"/>.</summary>
    CpuThreads,
}

/// <summary>How far a streamed batch has got (reported after each chunk of points, or block of points on the CPU path).</summary>
/// <param name="PointsDone">Points whose results are in the caller's buffers.</param>
/// <param name="PointCount">Points in the batch.</param>
public readonly record struct BatchProgress(long PointsDone, long PointCount);
