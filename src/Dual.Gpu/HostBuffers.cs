using ILGPU.Runtime;

namespace Dual.Gpu;

/// <summary>
/// The device buffers and page-locked staging arrays one scalar type's host calls stream through: two slots (one chunk in
/// flight on each stream) plus the shared seeds (V, or one tangent for every point). Kept by the engine and grown, never
/// shrunk, so that a steady stream of calls allocates nothing.
/// </summary>
internal sealed class HostBuffers<T> : IDisposable where T : unmanaged
{
    public readonly Slot[] Slots = { new(), new() };
    public MemoryBuffer1D<T, Stride1D.Dense>? Shared;

    /// <summary>Bytes of device memory held.</summary>
    public long DeviceBytes
    {
        get
        {
            long bytes = Length(Shared);
            foreach (Slot s in Slots)
                bytes += Length(s.X) + Length(s.Seeds) + Length(s.Output) + Length(s.Values);
            return bytes * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        }
    }

    public void Ensure(Accelerator accelerator, long x, long seeds, long output, long values, long shared)
    {
        foreach (Slot s in Slots)
        {
            Grow(accelerator, ref s.X, ref s.StageX, x);
            Grow(accelerator, ref s.Seeds, ref s.StageSeeds, seeds);
            Grow(accelerator, ref s.Output, ref s.StageOutput, output);
            Grow(accelerator, ref s.Values, ref s.StageValues, values);
            if (s.Status is null)
            {
                s.Status = accelerator.Allocate1D<int>(KernelStatus.Length);
                s.StageStatus = accelerator.AllocatePageLocked1D<int>(KernelStatus.Length, uninitialized: false);
            }
        }
        if (shared > Length(Shared))
        {
            Shared?.Dispose();
            Shared = accelerator.Allocate1D<T>(shared);
        }
    }

    private static long Length(MemoryBuffer1D<T, Stride1D.Dense>? b) => b?.Length ?? 0;

    private static void Grow(Accelerator accelerator, ref MemoryBuffer1D<T, Stride1D.Dense>? device, ref PageLockedArray1D<T>? stage, long length)
    {
        if (length <= Length(device))
            return;
        device?.Dispose();
        stage?.Dispose();
        device = accelerator.Allocate1D<T>(length);
        stage = accelerator.AllocatePageLocked1D<T>(length, uninitialized: true);
    }

    public void Dispose()
    {
        foreach (Slot s in Slots)
            s.Dispose();
        Shared?.Dispose();
    }

    public sealed class Slot : IDisposable
    {
        public MemoryBuffer1D<T, Stride1D.Dense>? X, Seeds, Output, Values;
        public MemoryBuffer1D<int, Stride1D.Dense>? Status;
        public PageLockedArray1D<T>? StageX, StageSeeds, StageOutput, StageValues;
        public PageLockedArray1D<int>? StageStatus;

        public void Dispose()
        {
            X?.Dispose();
            Seeds?.Dispose();
            Output?.Dispose();
            Values?.Dispose();
            Status?.Dispose();
            StageX?.Dispose();
            StageSeeds?.Dispose();
            StageOutput?.Dispose();
            StageValues?.Dispose();
            StageStatus?.Dispose();
        }
    }
}
