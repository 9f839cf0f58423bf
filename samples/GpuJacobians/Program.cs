// Batched dense Jacobians with Dual.Gpu, timed against the CPU API and comparable with ../shared/gpu/jax_torch_jacobian.py
// (same function, same layout [P, n, n], same sizes). One machine-readable line per measurement, which
// ../shared/gpu/device-check.sh reads:
//   RESULT function=<name> precision=<f64|f32> P=<points> n=<inputs> m=<outputs> device_ms=<…> host_ms=<…> cpu_ms=<…>
// device_ms: engine.Jacobians with data already on the device (on the CPU path, which has no device: the host call);
// host_ms: host arrays in and out; cpu_ms: the single-threaded AutoDiff.Jacobian loop over the points.
//
//   dotnet run -c Release --project samples/GpuJacobians -- [--points 4096,65536] [--precision f64,f32]
//       [--accelerator auto|cuda|cpu|threads] [--n 64] [--reps 20] [--bandwidth 3.35] [--quick]
//       [--function hand|generated] [--lanes 0|8|16] [--dump-ptx DIR]
// --accelerator cpu is ILGPU's CPU accelerator (a test vehicle); threads is the CPU path Auto picks without a GPU.
// --function generated runs the engine on GeneratedReference.RollingKernel, the struct the [Differentiable(Gpu = true)]
// generator emits from a plain span method (see GeneratedReference.cs); the default is the hand-written RollingSinExp.
// --dump-ptx DIR writes the PTX of every kernel the engine can launch for the function (no GPU needed); read their cost
// with ../shared/gpu/sass-report.sh DIR.
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dual;
using Dual.Gpu;
using GpuJacobians;
using ILGPU;
using ILGPU.Runtime;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (options is null)
    return 2;

using var engine = new JacobianEngine(options.Accelerator, new ConsoleLogger());
engine.LanesPerThread = options.Lanes;
Console.WriteLine($"Device-memory bound assumed: {options.BandwidthTBps:F2} TB/s (override with --bandwidth)");
int[] points = options.Points;
if (options.Quick && !engine.IsCuda)
{
    int cap = engine.Backend == AcceleratorPreference.CpuAccelerator ? 16 : 256;
    points = points.Select(p => Math.Min(p, cap)).Distinct().ToArray();
    Console.WriteLine($"--quick without a GPU: batches capped at P = {cap}");
}
string functionName = options.Generated ? "GeneratedRolling" : nameof(RollingSinExp);
Console.WriteLine($"Function: {(options.Generated ? "GeneratedReference.RollingKernel ([Differentiable(Gpu = true)])" : "RollingSinExp (hand-written)")}");
var validation = options.Generated
    ? JacobianEngine.ValidateForCuda(new GeneratedReference.RollingKernel(options.N, options.N))
    : JacobianEngine.ValidateForCuda<RollingSinExp>();
var breaking = validation.Kernels.Where(k => k.Problems.Any(p => !p.Contains("CORDIC"))).ToList();
var cordic = validation.Kernels.Where(k => k.Problems.Any(p => p.Contains("CORDIC"))).Select(k => k.Kernel).ToList();
Console.WriteLine($"PTX check of the {validation.Kernels.Count} kernels: {(breaking.Count == 0 ? "ok" : "FAILED\n" + validation)}");
Console.WriteLine(cordic.Count == 0
    ? "No kernel calls ILGPU.Algorithms' CORDIC routines"
    : $"{cordic.Count} kernels call ILGPU.Algorithms' CORDIC routines (f64 math before the library's DeviceMath): {string.Join(", ", cordic)}");
if (options.DumpPtx is string dir)
{
    Directory.CreateDirectory(dir);
    foreach (PtxKernelResult kernel in validation.Kernels)
        File.WriteAllText(Path.Combine(dir, Regex.Replace(kernel.Kernel, @"[^A-Za-z0-9]+", "_").Trim('_') + ".ptx"), kernel.Ptx);
    Console.WriteLine($"Wrote {validation.Kernels.Count} PTX files to {dir} (cost: ../shared/gpu/sass-report.sh {dir})");
}

foreach (string precision in options.Precisions)
{
    if (options.Generated)
    {
        var kernel = new GeneratedReference.RollingKernel(options.N, options.N);
        if (precision == "f64") Bench.Run<double, GeneratedReference.RollingKernel>(engine, options, points, kernel, functionName);
        else Bench.Run<float, GeneratedReference.RollingKernel>(engine, options, points, kernel, functionName);
    }
    else
    {
        var kernel = new RollingSinExp(options.N);
        if (precision == "f64") Bench.Run<double, RollingSinExp>(engine, options, points, kernel, functionName);
        else Bench.Run<float, RollingSinExp>(engine, options, points, kernel, functionName);
    }
}
return breaking.Count == 0 ? 0 : 1;

internal sealed record Options(int[] Points, string[] Precisions, AcceleratorPreference Accelerator, int N, int Reps, double BandwidthTBps,
    bool Quick, bool Generated, int Lanes, string? DumpPtx)
{
    private const string Usage = "usage: --points 4096,65536 --precision f64,f32 --accelerator auto|cuda|cpu|threads [--n 64] [--reps 20] "
        + "[--bandwidth 3.35] [--quick] [--function hand|generated] [--lanes 0|8|16] [--dump-ptx DIR]";

    public static Options? Parse(string[] args)
    {
        int[] points = [4096, 65536];
        string[] precisions = ["f64", "f32"];
        var accelerator = AcceleratorPreference.Auto;
        int n = 64, reps = 0, lanes = 0;
        double bandwidth = 3.35;
        bool quick = false, generated = false;
        string? dump = null;
        for (int k = 0; k < args.Length; k++)
        {
            string Next() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{args[k]} needs a value");
            switch (args[k])
            {
                case "--points": points = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--precision": precisions = Next().Split(',').Select(s => s.Trim().ToLowerInvariant()).ToArray(); break;
                case "--accelerator":
                    accelerator = Next().ToLowerInvariant() switch
                    {
                        "auto" => AcceleratorPreference.Auto,
                        "cuda" => AcceleratorPreference.Cuda,
                        "cpu" or "cpuaccelerator" => AcceleratorPreference.CpuAccelerator,
                        "threads" or "cputhreads" => AcceleratorPreference.CpuThreads,
                        string other => throw new ArgumentException($"--accelerator takes auto, cuda, cpu or threads, not {other}"),
                    };
                    break;
                case "--n": n = int.Parse(Next()); break;
                case "--reps": reps = int.Parse(Next()); break;
                case "--lanes": lanes = int.Parse(Next()); break;
                case "--bandwidth": bandwidth = double.Parse(Next()); break;
                case "--quick": quick = true; break;
                case "--dump-ptx": dump = Next(); break;
                case "--function":
                    string fn = Next();
                    if (fn != "hand" && fn != "generated") throw new ArgumentException("--function takes hand or generated");
                    generated = fn == "generated";
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[k]}; {Usage}");
                    return null;
            }
        }
        if (precisions.Any(p => p is not ("f64" or "f32")))
        {
            Console.Error.WriteLine("--precision takes f64 and/or f32");
            return null;
        }
        return new Options(points, precisions, accelerator, n, reps > 0 ? reps : quick ? 3 : 20, bandwidth, quick, generated, lanes, dump);
    }
}

internal static class Bench
{
    /// <summary>Times the engine on <paramref name="kernel"/>; the CPU loop and the reference are always
    /// <see cref="RollingSinExp"/> (the same function).</summary>
    public static void Run<T, TKernel>(JacobianEngine engine, Options o, int[] pointCounts, TKernel kernel, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IKernelFunction
    {
        string precision = typeof(T) == typeof(double) ? "f64" : "f32";
        int n = o.N;
        var f = new RollingSinExp(n);
        Console.WriteLine();
        Console.WriteLine($"== {precision}, n = m = {n}, output row-major [P, {n}, {n}] ==");
        foreach (int count in pointCounts)
        {
            T[] x = Points<T>(count * n, 42);
            var hostJac = new T[(long)count * n * n];
            TimeSpan compileBefore = engine.CompileTime;
            var first = Stopwatch.StartNew();
            engine.Jacobians(kernel, x, hostJac);
            first.Stop();
            TimeSpan compile = engine.CompileTime - compileBefore;
            double maxErr = CheckAgainstCpu(f, x, hostJac, Math.Min(count, 64));

            double deviceMs;
            if (engine.Backend == AcceleratorPreference.CpuThreads)
            {
                deviceMs = double.NaN; // no device: reported as the host time below
            }
            else
            {
                Accelerator acc = engine.Accelerator;
                using var dx = acc.Allocate1D(x);
                using var djac = acc.Allocate1D<T>((long)count * n * n);
                for (int w = 0; w < (o.Quick ? 1 : 2); w++)
                {
                    engine.Jacobians(kernel, dx.View, djac.View);
                    engine.Synchronize();
                }
                deviceMs = Median(o.Reps, () =>
                {
                    engine.Jacobians(kernel, dx.View, djac.View);
                    engine.Synchronize();
                });
            }
            double hostMs = Median(o.Quick ? 1 : Math.Max(3, o.Reps / 4), () => engine.Jacobians(kernel, x, hostJac));
            if (double.IsNaN(deviceMs))
                deviceMs = hostMs;
            double cpuMs = Median(o.Quick ? 1 : 3, () => CpuLoop(f, x, hostJac));

            double entries = (double)count * n * n;
            double bytes = entries * Unsafe.SizeOf<T>();
            double boundMs = bytes / (o.BandwidthTBps * 1e12) * 1e3;
            Console.WriteLine($"P = {count,6}: engine (data on device) {deviceMs,9:F3} ms  {entries / deviceMs / 1e6,8:F2} G entries/s  " +
                              $"{bytes / deviceMs / 1e9,8:F1} GB/s written = {boundMs / deviceMs * 100,5:F1}% of the {o.BandwidthTBps:F2} TB/s bound ({boundMs:F3} ms)");
            Console.WriteLine($"            first call {first.Elapsed.TotalMilliseconds:F1} ms (kernel compile {compile.TotalMilliseconds:F1} ms); " +
                              $"max rel. error vs CPU AutoDiff on {Math.Min(count, 64)} points {maxErr:E1}");
            Console.WriteLine($"            engine host→host {hostMs:F3} ms; single-threaded AutoDiff.Jacobian loop {cpuMs:F3} ms; " +
                              $"engine(host)/loop = {hostMs / cpuMs:F2}");
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT function={name} precision={precision} P={count} n={n} m={n} device_ms={deviceMs:F4} host_ms={hostMs:F4} cpu_ms={cpuMs:F4}"));
        }
    }

    /// <summary>The reference: <see cref="AutoDiff.Jacobian{T, TFunction}(TFunction, ReadOnlySpan{T}, Span{T}, Span{T}, int)"/>
    /// point after point on one thread.</summary>
    private static void CpuLoop<T>(RollingSinExp f, T[] x, T[] jac) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = f.InputCount;
        int count = x.Length / n;
        var values = new T[n];
        for (int p = 0; p < count; p++)
            AutoDiff.Jacobian(f, x.AsSpan(p * n, n), values, jac.AsSpan((int)((long)p * n * n), n * n));
    }

    private static double CheckAgainstCpu<T>(RollingSinExp f, T[] x, T[] jac, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = f.InputCount;
        var values = new T[n];
        var expected = new T[n * n];
        double worst = 0;
        for (int p = 0; p < count; p++)
        {
            AutoDiff.Jacobian(f, x.AsSpan(p * n, n), values, expected);
            for (int k = 0; k < n * n; k++)
            {
                double a = double.CreateChecked(jac[p * n * n + k]), e = double.CreateChecked(expected[k]);
                double scale = Math.Max(Math.Abs(a), Math.Abs(e));
                if (a != e)
                    worst = Math.Max(worst, Math.Abs(a - e) / scale);
            }
        }
        return worst;
    }

    private static T[] Points<T>(int length, int seed) where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var x = new T[length];
        for (int k = 0; k < length; k++)
            x[k] = T.CreateChecked(random.NextDouble());
        return x;
    }

    private static double Median(int reps, Action action)
    {
        var times = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return reps % 2 == 1 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
    }
}
