using System.Diagnostics;
using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Runs a property over generated cases (CsCheck generators), deterministically: the cases come from a seed fixed per
/// property, so <c>make test</c> runs the same cases every time. <c>make fuzz</c> multiplies the iterations
/// (<see cref="ScaleVariable"/>) and draws a new run seed (<see cref="SeedVariable"/>), which every failure prints.
/// A failing case is shrunk by CsCheck from its seed, and the failure shows the case, its seed and the smallest case
/// found. Each case runs on a worker thread that a watchdog fails after <see cref="HangLimit"/> (a hang detector,
/// not a timing assertion: the bounds asserted are allocation figures, <see cref="Bounded{T}"/>).
/// </summary>
internal static class Fuzz
{
    public const string ScaleVariable = "MQTT_KUBE_FUZZ_SCALE";
    public const string SeedVariable = "MQTT_KUBE_FUZZ_SEED";

    /// <summary>What one evaluation may allocate (issue 9: every evaluation within 64 MB).</summary>
    public const long EvaluationBytes = 64L * 1024 * 1024;

    /// <summary>A case still running after this long is reported as a hang, with its input.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    /// <summary>The iteration multiplier: 1 in <c>make test</c>.</summary>
    public static int Scale => int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), out var scale) && scale > 0 ? scale : 1;

    /// <summary>The run seed: 0 (fixed) in <c>make test</c>.</summary>
    public static ulong RunSeed => ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : 0;

    [ThreadStatic]
    private static Stats? stats;

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="iterations"/> (times <see cref="Scale"/>) cases of
    /// <paramref name="gen"/>; the property throws (an assertion) when a case fails.
    /// </summary>
    public static void Check<T>(ITestOutputHelper output, string name, Gen<T> gen, int iterations, Action<T> property, Func<T, string> print)
    {
        var count = iterations * Scale;
        var master = new PCG(0, RunSeed ^ Hash(name));
        var current = new Current();
        Exception? failure = null;
        T failing = default!;
        var failingSeed = "";
        var worker = new Thread(() =>
        {
            stats = new Stats();
            for (var i = 0; i < count && failure is null; i++)
            {
                var pcg = new PCG(master.Next(), master.Next64());
                var seed = pcg.ToString();
                var value = gen.Generate(pcg, null!, out _);
                current.Begin(seed, () => print(value));
                try
                {
                    property(value);
                }
                catch (Exception e)
                {
                    (failure, failing, failingSeed) = (e, value, seed);
                }

                current.End();
            }

            current.Stats = stats;
        })
        { IsBackground = true, Name = "fuzz " + name };
        worker.Start();
        while (!worker.Join(100))
        {
            if (current.Running is { } running && running.Elapsed > HangLimit)
            {
                throw new XunitException(Report(name, running.Seed, running.Print(), $"still running after {HangLimit.TotalSeconds:0} s (a hang?)", null));
            }
        }

        if (failure is not null)
        {
            throw new XunitException(Report(name, failingSeed, Shorten(print(failing)), failure.Message, Shrink(gen, property, print, failingSeed)));
        }

        var s = current.Stats!;
        var outcomes = string.Join(", ", s.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Value} {o.Key}"));
        output.WriteLine($"{name}: {count} cases ({outcomes}), run seed {RunSeed}; most allocated by one call {s.MostBytes:N0} bytes; slowest call {s.Slowest.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// Runs the subject of a property and fails when it allocates more than <paramref name="maxBytes"/> (counted on
    /// this thread, so deterministic), recording the figures the run prints.
    /// </summary>
    public static TResult Bounded<TResult>(Func<TResult> subject, long maxBytes = EvaluationBytes)
    {
        var start = Stopwatch.GetTimestamp();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = subject();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (stats is { } s)
        {
            s.MostBytes = Math.Max(s.MostBytes, allocated);
            s.Slowest = elapsed > s.Slowest ? elapsed : s.Slowest;
        }

        Assert.True(allocated <= maxBytes, $"allocated {allocated:N0} bytes, more than {maxBytes:N0}");
        return result;
    }

    /// <summary>Counts a case's outcome (printed with the run's figures, to show what the cases reached).</summary>
    public static void Outcome(string label)
    {
        if (stats is { } s)
        {
            s.Outcomes[label] = s.Outcomes.GetValueOrDefault(label) + 1;
        }
    }

    /// <summary>Text cut for a failure message, with its length.</summary>
    public static string Shorten(string text, int max = 2000) =>
        text.Length <= max ? text : text[..max] + $"... ({text.Length:N0} characters)";

    private static string? Shrink<T>(Gen<T> gen, Action<T> property, Func<T, string> print, string seed)
    {
        try
        {
            gen.Sample(property, seed: seed, iter: 500 * Scale, threads: 1, print: v => Shorten(print(v)));
            return "(CsCheck did not reproduce the failure from its seed)";
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    private static string Report(string name, string seed, string input, string problem, string? shrunk)
    {
        var text = new StringBuilder();
        text.AppendLine($"fuzz property '{name}' failed: {problem}");
        text.AppendLine($"  input: {input}");
        text.AppendLine($"  case seed: {seed} (CsCheck), run seed: {RunSeed}, scale: {Scale}");
        text.AppendLine($"  reproduce the run: make fuzz FUZZ_SEED={RunSeed} FUZZ_SCALE={Scale}");
        if (shrunk is not null)
        {
            text.AppendLine("  shrunk by CsCheck:");
            text.AppendLine("  " + shrunk.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    /// <summary>FNV-1a: a property's seed must not change between runs (string.GetHashCode does).</summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private sealed class Stats
    {
        public long MostBytes { get; set; }

        public TimeSpan Slowest { get; set; }

        public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The case the worker is running, for the watchdog.</summary>
    private sealed class Current
    {
        private volatile Running? running;

        public Running? Running => running;

        public Stats? Stats { get; set; }

        public void Begin(string seed, Func<string> print) => running = new Running(seed, () => Shorten(print()), Stopwatch.StartNew());

        public void End() => running = null;
    }

    private sealed record Running(string Seed, Func<string> Print, Stopwatch Clock)
    {
        public TimeSpan Elapsed => Clock.Elapsed;
    }
}
