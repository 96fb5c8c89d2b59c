using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MqttKube.Benchmarks.Hostile;
using MqttKube.Benchmarks.Micro;
using MqttKube.Benchmarks.Real;
using MqttKube.Benchmarks.Report;
using MqttKube.Benchmarks.Scale;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks;

/// <summary>
/// <c>MqttKube.Benchmarks [SECTION|all] [--only SECTION[,SECTION…]] [--exe PATH] [--out FILE] [--verbose]</c>: the
/// sections are <c>micro</c> (BenchmarkDotNet value mapping), <c>hostile</c> (hostile evaluations), <c>service</c> (the
/// published executable on the fake API server), <c>real</c> (on a real kube-apiserver of <c>../shared/k8s</c>) and
/// <c>scale</c> (many objects); the tables go to stdout and to FILE.
/// </summary>
internal static class BenchProgram
{
    private static readonly string[] Sections = ["micro", "hostile", "service", "real", "scale"];
    private const string Usage = "usage: MqttKube.Benchmarks [micro|hostile|service|real|scale|all] [--only SECTION[,SECTION...]] [--exe PATH] [--out FILE] [--verbose]";

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        var selected = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? (mode == "all" ? Sections : [mode]);
        var executable = Option(args, "--exe") ?? MicroFixtures.RepoFile("artifacts/mqtt-kube");
        var output = Option(args, "--out");
        if (selected.Length == 0 || selected.Any(s => !Sections.Contains(s)) || (mode != "all" && !Sections.Contains(mode)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (selected.Any(s => s is "service" or "real" or "scale") && !File.Exists(executable))
        {
            await Console.Error.WriteLineAsync($"no executable at {executable}: run 'make publish' first");
            return 2;
        }

        executable = Path.GetFullPath(executable);
        var tables = new List<ResultTable>();
        foreach (var section in Sections.Where(selected.Contains))
        {
            Console.WriteLine($"== {section}");
            switch (section)
            {
                case "micro":
                    tables.Add(MicroRunner.Run(MicroFixtures.RepoFile("artifacts/bench")));
                    break;
                case "hostile":
                    tables.Add(HostileBenchmark.Run(args.Contains("--verbose")));
                    break;
                case "service":
                    tables.Add(await new ServiceBenchmark(executable).RunAsync());
                    break;
                case "real":
                    tables.AddRange(await new RealBenchmark(executable).RunAsync());
                    break;
                default:
                    tables.Add(await new ScaleBenchmark(executable).RunAsync());
                    break;
            }
        }

        var text = Compose(tables);
        Console.WriteLine();
        Console.WriteLine(text);
        if (output != null)
        {
            await File.WriteAllTextAsync(output, text);
        }

        return 0;
    }

    private static string Compose(IEnumerable<ResultTable> tables)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        text.Append("Measured by `make bench` on ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(": ").Append(Environment.ProcessorCount).Append(" cores (").Append(CpuModel()).Append("), ")
            .Append(RuntimeInformation.OSDescription).Append(", ").Append(RuntimeInformation.FrameworkDescription)
            .AppendLine(". The machine is shared, so expect some noise between runs.").AppendLine();
        foreach (var table in tables)
        {
            text.AppendLine(table.ToMarkdown());
        }

        // What the numbers mean and why a target is missed: kept by hand beside the driver.
        var notes = MicroFixtures.RepoFile("tests/MqttKube.Benchmarks/NOTES.md");
        if (File.Exists(notes))
        {
            text.AppendLine(File.ReadAllText(notes).TrimEnd());
        }

        return text.ToString();
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
