// ILGPU's CPU accelerator emits kernel launchers into a dynamic assembly named "ILGPURuntime"; it must see
// the internal kernel argument types (KernelShape, the seed accessors).
[assembly: InternalsVisibleTo("ILGPURuntime")]
[assembly: InternalsVisibleTo("Dual.Gpu.Tests")]
