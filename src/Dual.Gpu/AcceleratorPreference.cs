namespace Dual.Gpu;

/// <summary>Which ILGPU accelerator a <see cref="JacobianEngine"/> runs on.</summary>
public enum AcceleratorPreference
{
    /// <summary>The first CUDA device when one is present, else ILGPU's CPU accelerator.</summary>
    Auto,

    /// <summary>A CUDA device; the engine's constructor throws when there is none.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator (for tests and machines without a GPU; slower than the plain CPU API).</summary>
    Cpu,
}
