using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace Dual.Package.Tests;

/// <summary>The repository and the dotnet CLI, as the package tests use them.</summary>
internal static class DotNet
{
    /// <summary>The repository root (the folder holding Dual.sln), found above the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Dual.sln not found above the test directory.");
    }

    /// <summary>Runs <c>dotnet arguments</c> and returns its output; a non-zero exit or a timeout fails the test.</summary>
    /// <remarks>The timeout only guards against a hung process, it is no time budget: on a heavily shared 2-core machine,
    /// packing the three packages while the other test projects run beside it took over 400 s.</remarks>
    public static string Run(string workingDirectory, string arguments, int timeoutSeconds = 1200)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} timed out after {timeoutSeconds} s:\n{output}");
        }
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"dotnet {arguments} failed:\n{output}");
        return output.ToString();
    }

    /// <summary>Copies a project folder without its bin/ and obj/.</summary>
    public static void CopyProject(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            string first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
