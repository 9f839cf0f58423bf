using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Dual.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/Dual.Benchmarks -- --filter '*'</c>.
/// Every run first checks that the automatic derivatives agree with the analytic ones, so no benchmark measures
/// a wrong answer; <c>--check</c> runs only that check.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int failures = SelfCheck.Run(Console.Out);
        if (failures > 0)
        {
            Console.Error.WriteLine($"Self-check failed ({failures} failures); not benchmarking.");
            return 1;
        }
        if (args.Contains("--probe"))
        {
            Probe.Run(args);
            return 0;
        }
        if (args.Contains("--check"))
        {
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
