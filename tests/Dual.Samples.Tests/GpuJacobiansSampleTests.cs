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
    public void Quick_run_names_its_accelerator_passes_the_ptx_check_and_matches_the_cpu_api()
    {
        string sample = Path.Combine(TestContext.CurrentContext.TestDirectory, "GpuJacobians.dll");
        Assert.That(File.Exists(sample), Is.True, sample);
        var start = new ProcessStartInfo("dotnet", $"\"{sample}\" --quick")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(120_000), Is.True, "the quick run finishes");
        Assert.That(process.ExitCode, Is.EqualTo(0), output + stderr.Result);

        // No GPU in CI: the sample must say which accelerator it picked and why.
        Assert.That(output, Does.Match(@"Using (CPU accelerator: no CUDA device found|CUDA accelerator)"));
        Assert.That(output, Does.Contain("PTX check of the 6 kernels: ok"));

        var errors = Regex.Matches(output, @"== (f64|f32)[\s\S]*?max rel\. error vs CPU AutoDiff on \d+ points ([0-9.E+\-]+)")
            .Select(m => (Precision: m.Groups[1].Value, Error: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(errors.Select(e => e.Precision), Is.EquivalentTo(new[] { "f64", "f32" }), output);
        foreach (var (precision, error) in errors)
        {
            Assert.That(error, Is.LessThanOrEqualTo(precision == "f64" ? 1e-14 : 1e-5), $"{precision} engine vs CPU API");
        }
    }
}
