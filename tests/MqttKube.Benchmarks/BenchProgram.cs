using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MqttKube.Benchmarks.Hostile;
using MqttKube.Benchmarks.Micro;
using MqttKube.Benchmarks.Report;
using MqttKube.Benchmarks.Service;

namespace MqttKube.Benchmarks;

/// <summary>
/// <c>MqttKube.Benchmarks micro|hostile|service|all [--exe PATH] [--out FILE] [--verbose]</c>: the BenchmarkDotNet
/// value-mapping benchmarks, the hostile-evaluation figures, the service benchmarks of the published executable, or
/// all of them; the tables go to stdout and to FILE.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "all";
        var executable = Option(args, "--exe") ?? MicroFixtures.RepoFile("artifacts/mqtt-kube");
        var output = Option(args, "--out");
        if (mode is not ("micro" or "hostile" or "service" or "all"))
        {
            await Console.Error.WriteLineAsync("usage: MqttKube.Benchmarks micro|hostile|service|all [--exe PATH] [--out FILE] [--verbose]");
            return 2;
        }

        if (mode is "service" or "all" && !File.Exists(executable))
        {
            await Console.Error.WriteLineAsync($"no executable at {executable}: run 'make publish' first");
            return 2;
        }

        var tables = new List<ResultTable>();
        if (mode is "micro" or "all")
        {
            tables.Add(MicroRunner.Run(MicroFixtures.RepoFile("artifacts/bench")));
        }

        if (mode is "hostile" or "all")
        {
            tables.Add(HostileBenchmark.Run(args.Contains("--verbose")));
        }

        if (mode is "service" or "all")
        {
            tables.Add(await new ServiceBenchmark(Path.GetFullPath(executable)).RunAsync());
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
