using System;
using System.IO;
using System.Linq;
using Dual.Tools.Rules;
using NUnit.Framework;

namespace Dual.Gpu.Tests;

/// <summary>The deviceMath column of tools/Rules/functions.json against what the engine really redirects on CUDA
/// (<see cref="KernelContext.Redirected"/>), both ways.</summary>
[TestFixture]
public sealed class RulesTableDeviceMathTests
{
    private static FunctionTable Table()
    {
        DirectoryInfo? directory = new(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dual.sln"))) directory = directory.Parent;
        Assert.That(directory, Is.Not.Null, "Dual.sln not found above the test folder");
        return FunctionTable.Load(File.ReadAllText(Path.Combine(directory!.FullName, FunctionTable.RelativePath)));
    }

    [Test]
    public void DeviceMathColumn_IsWhatTheEngineRedirects()
    {
        if (KernelContext.DeviceMathType is null) Assert.Ignore("built without DeviceMath");
        FunctionTable table = Table();
        var redirected = KernelContext.Redirected.Where(r => r.Contains("(Double", StringComparison.Ordinal)).ToList();
        foreach (FunctionEntry f in table.Functions.Where(f => f.DeviceMath is not null))
        {
            bool found = redirected.Any(r => r.StartsWith(f.DeviceMath + "(", StringComparison.Ordinal)
                || (r.EndsWith("[front end]", StringComparison.Ordinal) && r.Contains("." + f.Name + "(", StringComparison.Ordinal)));
            Assert.That(found, Is.True, f.Name + " → DeviceMath." + f.DeviceMath + " is not among " + string.Join(", ", redirected));
        }
        foreach (string r in redirected)
        {
            string name = r.EndsWith("[front end]", StringComparison.Ordinal) ? r.Substring(r.IndexOf('.') + 1).Split('(')[0] : r.Split('(')[0];
            bool listed = table.Functions.Any(f => f.DeviceMath is not null && (f.Name == name || f.DeviceMath == name));
            Assert.That(listed, Is.True, "the engine redirects " + r + " but no row of tools/Rules/functions.json says so");
        }
    }
}
