using MqttKube.Bindings.Plan;
using MqttKube.Configuration;

namespace MqttKube.Cli;

internal sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "validate CONFIG (and every template it names) without connecting anywhere";

    public string Usage => """
        Usage: mqtt-kube check [--plan] [--dump] [--] CONFIG

        Loads and validates CONFIG and every template it names, without connecting
        anywhere. Each problem is printed as FILE:LINE:COL: error: MESSAGE on standard
        error; a clean config prints a one-line summary.

        Options:
          --plan    also print the plan: what each binding binds (one object, or what
                    its selector, name glob and namespace "*" match) and the topic of
                    each watch, patch and action (placeholders as written)
          --dump    print the effective config as config YAML, every default filled in
                    and presets expanded (secrets as "***"), that check accepts: the
                    summary (and plan) become # comments above it

        Exit codes: 0 valid, 2 invalid.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var dump = false;
        var plan = false;
        var files = new List<string>();
        var options = true;
        foreach (var arg in args)
        {
            if (options && arg == "--")
            {
                options = false;
            }
            else if (options && arg == "--dump")
            {
                dump = true;
            }
            else if (options && arg == "--plan")
            {
                plan = true;
            }
            else if (options && arg.StartsWith('-') && arg.Length > 1)
            {
                await stderr.WriteLineAsync($"mqtt-kube check: unknown option '{arg}' (try --help)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count != 1)
        {
            await stderr.WriteLineAsync("mqtt-kube check: expected one CONFIG file (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var result = BindingPlanner.Load(files[0]);
        if (!result.Success)
        {
            await WriteProblemsAsync(result.Load, stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var config = result.Plan!.Config;
        // With --dump, standard output is config YAML: what is not the config is a comment.
        var comment = dump ? "# " : string.Empty;
        await stdout.WriteLineAsync($"{comment}{files[0]}: OK: {Describe(config)}").ConfigureAwait(false);
        if (plan)
        {
            foreach (var line in CheckPlan.Lines(result.Plan))
            {
                await stdout.WriteLineAsync(comment + line).ConfigureAwait(false);
            }
        }

        if (dump)
        {
            var writer = new ConfigDumpWriter();
            config.Dump(writer);
            await stdout.WriteAsync(writer.ToString()).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    internal static async Task WriteProblemsAsync(ConfigLoadResult result, TextWriter stderr)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            await stderr.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        var count = result.Diagnostics.Count + result.DroppedDiagnostics;
        var more = result.DroppedDiagnostics > 0 ? $" ({result.DroppedDiagnostics} not shown)" : string.Empty;
        await stderr.WriteLineAsync($"{count} error{(count == 1 ? string.Empty : "s")}{more}").ConfigureAwait(false);
    }

    /// <summary><c>2 bindings: 2 watches, 1 patch, 1 action</c>.</summary>
    internal static string Describe(MqttKubeConfig config)
    {
        static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : noun.EndsWith('h') ? "es" : "s")}";

        var watches = config.Bindings.Sum(b => b.Watch.Length);
        var patches = config.Bindings.Sum(b => b.Patch.Length);
        var actions = config.Bindings.Sum(b => b.Action.Length);
        return $"{Count(config.Bindings.Length, "binding")}: {Count(watches, "watch")}, {Count(patches, "patch")}, {Count(actions, "action")}";
    }
}
