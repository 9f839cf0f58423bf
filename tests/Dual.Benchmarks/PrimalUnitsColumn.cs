using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Dual.Benchmarks;

/// <summary>
/// "×n primal": a benchmark's mean time divided by n times the mean of the <c>Primal</c> benchmark with the same
/// parameters, i.e. the gradient's cost in units of n primal evaluations (the measure the targets are stated in).
/// </summary>
public sealed class PrimalUnitsColumn : IColumn
{
    public string Id => nameof(PrimalUnitsColumn);
    public string ColumnName => "×n primal";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Mean / (N × mean of Primal at the same N): the cost in units of n primal evaluations";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Parameters["N"] is not int n)
        {
            return "-";
        }
        BenchmarkCase? primal = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod.Name == "Primal" && c.Parameters["N"] is int m && m == n);
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? primalMean = primal is null ? null : summary[primal]?.ResultStatistics?.Mean;
        return mean is double a && primalMean is double b && b > 0 ? (a / (n * b)).ToString("0.000") : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds <see cref="PrimalUnitsColumn"/> to a benchmark class.</summary>
public sealed class PrimalUnitsConfig : ManualConfig
{
    public PrimalUnitsConfig() => AddColumn(new PrimalUnitsColumn());
}
