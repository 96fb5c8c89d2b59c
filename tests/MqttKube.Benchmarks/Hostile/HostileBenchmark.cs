using System.Globalization;
using System.Runtime.InteropServices;
using MqttKube.Benchmarks.Micro;
using MqttKube.Benchmarks.Report;
using MqttKube.Expressions;

namespace MqttKube.Benchmarks.Hostile;

/// <summary>
/// The hostile-evaluation figures of <c>make bench</c>: every expression of the hostile corpus
/// (tests/MqttKube.Tests/Expressions/Cases/hostile.cases) evaluated in-process, after two warm-up passes over the
/// corpus (so the JIT has optimized the interpreter, as the published NativeAOT executable is), timed in CPU time of
/// the evaluating thread (best of three runs, to take out the machine's noise) with its allocation; the table
/// reports the worst case of each against the targets (100 ms of CPU, 64 MB allocated per evaluation).
/// </summary>
internal static class HostileBenchmark
{
    private const double TargetMilliseconds = 100;
    private const double TargetMegabytes = 64;
    private const string Corpus = "tests/MqttKube.Tests/Expressions/Cases/hostile.cases";

    public static ResultTable Run(bool verbose)
    {
        var corpus = ReadCorpus(MicroFixtures.RepoFile(Corpus)).ToArray();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (expression, _, variables) in corpus)
            {
                _ = Expression.TryParse(expression, out var parsed, out _) ? parsed!.Evaluate(variables) : default;
            }

            Thread.Sleep(500);
        }

        var measures = new List<Measure>();
        foreach (var (expression, expected, variables) in corpus)
        {
            var measure = Evaluate(expression, expected, variables);
            measures.Add(measure);
            if (verbose)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measure.CpuMilliseconds,8:0.0} ms {measure.AllocatedBytes / 1e6,8:0.0} MB {(measure.AsExpected ? "ok " : "BAD")} {measure.Expression}  → {measure.Outcome}"));
            }
        }

        var slowest = measures.MaxBy(m => m.CpuMilliseconds)!;
        var largest = measures.MaxBy(m => m.AllocatedBytes)!;
        var unexpected = measures.Count(m => !m.AsExpected);
        var table = new ResultTable("Hostile evaluations (in-process, " + measures.Count + " expressions of " + Path.GetFileName(Corpus) + ")", "Measure", "Result", "Target");
        table.Add(slowest.CpuMilliseconds <= TargetMilliseconds, "most CPU for one evaluation (`" + Shorten(slowest.Expression) + "`)", Ms(slowest.CpuMilliseconds), "≤ 100 ms");
        table.Add(largest.AllocatedBytes / 1e6 <= TargetMegabytes, "most allocated by one evaluation (`" + Shorten(largest.Expression) + "`)", Mb(largest.AllocatedBytes), "≤ 64 MB");
        table.Add(null, "median CPU / allocation over the corpus", Ms(Median(measures.Select(m => m.CpuMilliseconds))) + " / " + Mb(Median(measures.Select(m => (double)m.AllocatedBytes))), "");
        table.Add(unexpected == 0, "evaluations ending with their expected outcome", (measures.Count - unexpected) + " of " + measures.Count, "all");
        return table;
    }

    private static Measure Evaluate(string text, string expected, Dictionary<string, PyValue> variables)
    {
        if (!Expression.TryParse(text, out var expression, out var error))
        {
            return new Measure(text, 0, 0, "SyntaxError: " + error, expected == "error: SyntaxError");
        }

        var best = double.MaxValue;
        long allocated = 0;
        EvaluationResult result = default;
        for (var run = 0; run < 3; run++)
        {
            var cpu = ThreadCpuMilliseconds();
            var before = GC.GetAllocatedBytesForCurrentThread();
            result = expression!.Evaluate(variables);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, ThreadCpuMilliseconds() - cpu);
        }

        var outcome = result.IsSuccess ? result.Value!.ShortRepr(60) : "error: " + result.ErrorType;
        var asExpected = expected.StartsWith("error", StringComparison.Ordinal) ? outcome.StartsWith(expected, StringComparison.Ordinal) : outcome == expected;
        return new Measure(text, best, allocated, outcome, asExpected);
    }

    /// <summary>The corpus lines with the <c># vars: NAME = EXPRESSION</c> inputs in force (built outside the measure).</summary>
    private static IEnumerable<(string Expression, string Expected, Dictionary<string, PyValue> Variables)> ReadCorpus(string path)
    {
        var variables = new Dictionary<string, PyValue>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("# vars:", StringComparison.Ordinal))
            {
                var binding = trimmed["# vars:".Length..].Split('=', 2);
                Expression.TryParse(binding[1].Trim(), out var value, out _);
                variables = new Dictionary<string, PyValue>(variables, StringComparer.Ordinal) { [binding[0].Trim()] = value!.Evaluate().Value! };
                continue;
            }

            var parts = line.Split(" ⇶ ");
            if (parts.Length == 2 && !trimmed.StartsWith('#'))
            {
                yield return (parts[0], parts[1].Trim(), variables);
            }
        }
    }

    private static double ThreadCpuMilliseconds()
    {
        // CLOCK_THREAD_CPUTIME_ID: the CPU time of this thread alone (Linux; the benchmark machine's).
        return clock_gettime(3, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project; the signature is blittable.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out Timespec time);
#pragma warning restore SYSLIB1054

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(double bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private readonly record struct Measure(string Expression, double CpuMilliseconds, long AllocatedBytes, string Outcome, bool AsExpected);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
