// Batched dense Jacobians on the GPU with Dual.Gpu, timed against the CPU API and comparable with
// ../shared/gpu/jax_torch_jacobian.py (same function, same layout [P, n, n], same sizes).
//
//   dotnet run -c Release --project samples/GpuJacobians -- [--points 4096,65536] [--precision f64,f32]
//       [--accelerator auto|cuda|cpu] [--n 64] [--reps 20] [--bandwidth 3.35] [--quick] [--function hand|generated]
// --function generated runs the engine on GeneratedReference.RollingKernel, the struct the [Differentiable(Gpu = true)]
// generator emits from a plain span method (see GeneratedReference.cs); the default is the hand-written RollingSinExp.
//
// y_i = sin(x_i)·exp(x_{(i+1) mod n}) + x_i²: see Dual.Gpu.RollingSinExp.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Dual;
using Dual.Gpu;
using ILGPU;
using ILGPU.Runtime;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (options is null)
    return 2;

using var engine = new JacobianEngine(options.Accelerator, Console.Out);
Console.WriteLine($"Device-memory bound assumed: {options.BandwidthTBps:F2} TB/s (H100 SXM HBM3; override with --bandwidth)");
Console.WriteLine($"CPU path: AutoDiff.Jacobian per point, Parallel.For over {Environment.ProcessorCount} cores");
int[] points = options.Points;
if (options.Quick && !engine.IsCuda)
{
    points = points.Select(p => Math.Min(p, 16)).Distinct().ToArray();
    Console.WriteLine("--quick on the CPU accelerator: batches capped at P = 16 (the CPU accelerator is a test vehicle, not a fast path)");
}
Console.WriteLine($"Function: {(options.Generated ? "GeneratedReference.RollingKernel ([Differentiable(Gpu = true)])" : "RollingSinExp (hand-written)")}");
var validation = options.Generated
    ? JacobianEngine.ValidateForCuda(new GeneratedReference.RollingKernel(options.N, options.N))
    : JacobianEngine.ValidateForCuda<RollingSinExp>();
Console.WriteLine($"PTX check of the {validation.Kernels.Count} kernels: {(validation.IsValid ? "ok" : "FAILED\n" + validation)}");

foreach (string precision in options.Precisions)
{
    if (options.Generated)
    {
        var kernel = new GeneratedReference.RollingKernel(options.N, options.N);
        if (precision == "f64") Bench.Run<double, GeneratedReference.RollingKernel>(engine, options, points, kernel);
        else Bench.Run<float, GeneratedReference.RollingKernel>(engine, options, points, kernel);
    }
    else
    {
        var kernel = new RollingSinExp(options.N);
        if (precision == "f64") Bench.Run<double, RollingSinExp>(engine, options, points, kernel);
        else Bench.Run<float, RollingSinExp>(engine, options, points, kernel);
    }
}
return 0;

internal sealed record Options(int[] Points, string[] Precisions, AcceleratorPreference Accelerator, int N, int Reps, double BandwidthTBps, bool Quick, bool Generated)
{
    public static Options? Parse(string[] args)
    {
        int[] points = [4096, 65536];
        string[] precisions = ["f64", "f32"];
        var accelerator = AcceleratorPreference.Auto;
        int n = 64, reps = 0;
        double bandwidth = 3.35;
        bool quick = false;
        bool generated = false;
        for (int k = 0; k < args.Length; k++)
        {
            string Next() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"{args[k]} needs a value");
            switch (args[k])
            {
                case "--points": points = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--precision": precisions = Next().Split(',').Select(s => s.Trim().ToLowerInvariant()).ToArray(); break;
                case "--accelerator": accelerator = Enum.Parse<AcceleratorPreference>(Next(), ignoreCase: true); break;
                case "--n": n = int.Parse(Next()); break;
                case "--reps": reps = int.Parse(Next()); break;
                case "--bandwidth": bandwidth = double.Parse(Next()); break;
                case "--quick": quick = true; break;
                case "--function":
                    string fn = Next();
                    if (fn != "hand" && fn != "generated") throw new ArgumentException("--function takes hand or generated");
                    generated = fn == "generated";
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[k]}; usage: --points 4096,65536 --precision f64,f32 --accelerator auto|cuda|cpu [--n 64] [--reps 20] [--bandwidth 3.35] [--quick]");
                    return null;
            }
        }
        if (precisions.Any(p => p is not ("f64" or "f32")))
        {
            Console.Error.WriteLine("--precision takes f64 and/or f32");
            return null;
        }
        return new Options(points, precisions, accelerator, n, reps > 0 ? reps : quick ? 3 : 20, bandwidth, quick, generated);
    }
}

internal static class Bench
{
    /// <summary>Times the engine on <paramref name="kernel"/>; the CPU path and the reference are always
    /// <see cref="RollingSinExp"/> (the same function).</summary>
    public static void Run<T, TKernel>(JacobianEngine engine, Options o, int[] pointCounts, TKernel kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IKernelFunction
    {
        string name = typeof(T) == typeof(double) ? "f64" : "f32";
        int n = o.N;
        var f = new RollingSinExp(n);
        Console.WriteLine();
        Console.WriteLine($"== {name}, n = m = {n}, output row-major [P, {n}, {n}] ==");
        foreach (int count in pointCounts)
        {
            T[] x = Points<T>(count * n, 42);
            var hostJac = new T[(long)count * n * n];
            Accelerator acc = engine.Accelerator;
            using var dx = acc.Allocate1D(x);
            using var djac = acc.Allocate1D<T>((long)count * n * n);

            TimeSpan compileBefore = engine.CompileTime;
            var first = Stopwatch.StartNew();
            engine.Jacobians(kernel, dx.View, djac.View);
            engine.Synchronize();
            first.Stop();
            TimeSpan compile = engine.CompileTime - compileBefore;
            for (int w = 0; w < (o.Quick ? 1 : 2); w++)
            {
                engine.Jacobians(kernel, dx.View, djac.View);
                engine.Synchronize();
            }
            double gpuMs = Median(o.Reps, () =>
            {
                engine.Jacobians(kernel, dx.View, djac.View);
                engine.Synchronize();
            });
            djac.View.CopyToCPU(ref hostJac[0], hostJac.LongLength);
            double maxErr = CheckAgainstCpu(f, x, hostJac, Math.Min(count, 64));

            double entries = (double)count * n * n;
            double bytes = entries * Unsafe.SizeOf<T>();
            double boundMs = bytes / (o.BandwidthTBps * 1e12) * 1e3;
            Console.WriteLine($"P = {count,6}: engine (data on device) {gpuMs,9:F3} ms  {entries / gpuMs / 1e6,8:F2} G entries/s  " +
                              $"{bytes / gpuMs / 1e9,8:F1} GB/s written = {boundMs / gpuMs * 100,5:F1}% of the {o.BandwidthTBps:F2} TB/s bound ({boundMs:F3} ms)");
            Console.WriteLine($"            first call {first.Elapsed.TotalMilliseconds:F1} ms (kernel compile {compile.TotalMilliseconds:F1} ms); " +
                              $"max rel. error vs CPU AutoDiff on {Math.Min(count, 64)} points {maxErr:E1}");

            double hostMs = Median(o.Quick ? 1 : Math.Max(3, o.Reps / 4), () => engine.Jacobians(kernel, x, hostJac));
            double cpuMs = Median(o.Quick ? 1 : 3, () => CpuJacobians(f, x, hostJac));
            Console.WriteLine($"            engine host→host (with transfers) {hostMs:F3} ms; CPU path {cpuMs:F3} ms " +
                              $"({entries / cpuMs / 1e6:F2} G entries/s); CPU/engine(device) = {cpuMs / gpuMs:G3}×");
        }
        Crossover<T, TKernel>(engine, o, f, kernel, pointCounts.Max());
    }

    /// <summary>Smallest P (powers of 4) at which the engine (host arrays in and out, transfers included, and
    /// with data already on the device) beats the CPU path.</summary>
    private static void Crossover<T, TKernel>(JacobianEngine engine, Options o, RollingSinExp f, TKernel kernel, int maxPoints)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IKernelFunction
    {
        int n = f.InputCount;
        int? hostCross = null, deviceCross = null;
        var line = new List<string>();
        for (int count = 1; count <= maxPoints; count *= 4)
        {
            T[] x = Points<T>(count * n, 7);
            var jac = new T[(long)count * n * n];
            using var dx = engine.Accelerator.Allocate1D(x);
            using var djac = engine.Accelerator.Allocate1D<T>(jac.LongLength);
            int reps = o.Quick ? 1 : 7;
            engine.Jacobians(kernel, x, jac);
            double host = Median(reps, () => engine.Jacobians(kernel, x, jac));
            double device = Median(reps, () =>
            {
                engine.Jacobians(kernel, dx.View, djac.View);
                engine.Synchronize();
            });
            CpuJacobians(f, x, jac);
            double cpu = Median(reps, () => CpuJacobians(f, x, jac));
            hostCross ??= host < cpu ? count : null;
            deviceCross ??= device < cpu ? count : null;
            line.Add($"P={count}: dev {device:F3} / host {host:F3} / cpu {cpu:F3} ms");
        }
        Console.WriteLine("crossover sweep: " + string.Join("; ", line));
        Console.WriteLine($"crossover: engine beats the CPU path from P = {Fmt(deviceCross)} with data on the device, " +
                          $"from P = {Fmt(hostCross)} with host arrays (transfers included)");

        static string Fmt(int? p) => p is int v ? v.ToString(CultureInfo.InvariantCulture) : "never (in this sweep)";
    }

    private static void CpuJacobians<T>(RollingSinExp f, T[] x, T[] jac) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = f.InputCount;
        int count = x.Length / n;
        Parallel.For(0, count, () => new T[n], (p, _, values) =>
        {
            AutoDiff.Jacobian(f, x.AsSpan(p * n, n), values, jac.AsSpan((int)((long)p * n * n), n * n));
            return values;
        }, _ => { });
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
