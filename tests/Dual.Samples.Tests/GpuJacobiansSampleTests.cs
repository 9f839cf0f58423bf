using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Dual.Samples.Tests;

/// <summary>Runs the GpuJacobians sample as a user would (<c>--quick</c>) and checks what it prints.</summary>
public class GpuJacobiansSampleTests
{
    [Test]
    public void Quick_run_names_where_it_runs_passes_the_ptx_check_and_prints_result_lines_that_match_the_cpu_api()
    {
        string sample = Path.Combine(TestContext.CurrentContext.TestDirectory, "GpuJacobians.dll");
        Assert.That(File.Exists(sample), Is.True, sample);
        string ptxDir = Path.Combine(Path.GetTempPath(), "gpujacobians-ptx-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", $"\"{sample}\" --quick --points 64 --dump-ptx \"{ptxDir}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(120_000), Is.True, "the quick run finishes");
        Assert.That(process.ExitCode, Is.EqualTo(0), output + stderr.Result);

        // No GPU in CI: Auto is the CPU path, and the sample says so and why.
        Assert.That(output, Does.Match(@"(CPU, \d+ threads?: no CUDA device found|Using CUDA accelerator)"));
        Assert.That(output, Does.Match(@"PTX check of the \d+ kernels: ok"));
        try
        {
            string[] files = Directory.GetFiles(ptxDir, "*.ptx");
            Assert.That(files, Has.Length.GreaterThanOrEqualTo(2));
            Assert.That(files.Select(f => File.ReadAllText(f)), Has.All.Contains(".visible .entry"));
        }
        finally
        {
            if (Directory.Exists(ptxDir))
                Directory.Delete(ptxDir, recursive: true);
        }

        // One machine-readable line per measurement (../shared/gpu/device-check.sh parses them).
        var results = Regex.Matches(output, @"^RESULT function=(\w+) precision=(f64|f32) P=(\d+) n=(\d+) m=(\d+) device_ms=([0-9.]+) host_ms=([0-9.]+) cpu_ms=([0-9.]+)\s*$", RegexOptions.Multiline)
            .Select(m => (Precision: m.Groups[2].Value, Points: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                Host: double.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(results.Select(r => r.Precision), Is.EquivalentTo(new[] { "f64", "f32" }), output);
        Assert.That(results.All(r => r.Points == 64 && r.Host > 0), Is.True, output);

        var errors = Regex.Matches(output, @"== (f64|f32)[\s\S]*?max rel\. error vs CPU AutoDiff on \d+ points ([0-9.E+\-]+)")
            .Select(m => (Precision: m.Groups[1].Value, Error: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(errors.Select(e => e.Precision), Is.EquivalentTo(new[] { "f64", "f32" }), output);
        foreach (var (precision, error) in errors)
        {
            // On the CPU path the engine runs AutoDiff's own driver: bit-identical.
            Assert.That(error, output.Contains("CPU, ") ? Is.Zero : Is.LessThanOrEqualTo(precision == "f64" ? 1e-14 : 1e-5), $"{precision} engine vs CPU API");
        }
    }
}
