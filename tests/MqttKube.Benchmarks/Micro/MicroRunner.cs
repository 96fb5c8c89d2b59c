using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MqttKube.Benchmarks.Report;

namespace MqttKube.Benchmarks.Micro;

/// <summary>
/// The BenchmarkDotNet part of <c>make bench</c>: a short in-process job (3 warm-ups, 3 iterations) per benchmark
/// so the whole run stays within a few minutes on 2 cores; the summary becomes one table with the targets.
/// </summary>
internal static class MicroRunner
{
    private static readonly Dictionary<string, (double OpsPerSecond, bool AllocationFree, string Text)> Targets = new(StringComparer.Ordinal)
    {
        ["LiteralLookup"] = (5e6, true, "≥ 5 M/s, 0 B"),
        ["LambdaLookup"] = (1e6, false, "≥ 1 M/s"),
        ["LocusStatus"] = (1e6, false, "≥ 1 M/s"),
        ["LocusImage"] = (1e6, false, "≥ 1 M/s"),
    };

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["LiteralLookup"] = "literal lookup (payload \"OFF\" among 4 literal keys)",
        ["LambdaLookup"] = "lambda lookup (JSON 3 against `lambda v: v >= 10`, `lambda v: v > 0`)",
        ["LocusStatus"] = "JSONPath locus `status.availableReplicas` on the 10 KB Deployment",
        ["LocusImage"] = "JSONPath locus `$.spec.template.spec.containers[0].image` on the 10 KB Deployment",
        ["TemplateRender"] = "template render (examples/job-example.yaml, context built, fresh uid)",
    };

    public static ResultTable Run(string artifacts)
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkRunner.Run([typeof(ValueMapBenchmarks), typeof(LocusBenchmarks), typeof(TemplateBenchmarks)], config);
        var table = new ResultTable("Value mapping (BenchmarkDotNet, in-process short job)", "Benchmark", "Mean", "Throughput", "Allocated", "Target");
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            Add(table, report);
        }

        return table;
    }

    private static void Add(ResultTable table, BenchmarkReport report)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        var description = Descriptions.GetValueOrDefault(name, name);
        if (report.ResultStatistics is not { } statistics)
        {
            table.Add(false, description, "failed", "", "", Targets.TryGetValue(name, out var t) ? t.Text : "");
            return;
        }

        var mean = statistics.Mean;
        var perSecond = 1e9 / mean;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        bool? met = null;
        var targetText = "";
        if (Targets.TryGetValue(name, out var target))
        {
            met = perSecond >= target.OpsPerSecond && (!target.AllocationFree || allocated == 0);
            targetText = target.Text;
        }

        table.Add(met, description, Nanoseconds(mean), PerSecond(perSecond), allocated < 0 ? "?" : $"{allocated.ToString("N0", CultureInfo.InvariantCulture)} B", targetText);
    }

    private static string Nanoseconds(double ns) => ns >= 1000
        ? (ns / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " µs"
        : ns.ToString("0.0", CultureInfo.InvariantCulture) + " ns";

    private static string PerSecond(double rate) => rate >= 1e6
        ? (rate / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M/s"
        : (rate / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " k/s";
}
