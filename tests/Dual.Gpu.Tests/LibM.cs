using System.Runtime.InteropServices;

namespace Dual.Gpu.Tests;

/// <summary>
/// The C library's expm1/log1p (glibc's libm on Linux, where CI runs): .NET's double.ExpM1 and double.LogP1 are
/// exp(x) − 1 and log(x + 1), which lose all accuracy near 0, so they cannot be the oracle there.
/// </summary>
internal static class LibM
{
    private const string Library = "libm.so.6";

    [DllImport(Library, EntryPoint = "expm1")]
    public static extern double ExpM1(double x);

    [DllImport(Library, EntryPoint = "log1p")]
    public static extern double Log1P(double x);

    [DllImport(Library, EntryPoint = "expm1f")]
    public static extern float ExpM1(float x);

    [DllImport(Library, EntryPoint = "log1pf")]
    public static extern float Log1P(float x);
}
