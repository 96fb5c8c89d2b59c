using System.Reflection;

namespace MqttKube.Cli;

/// <summary>Top-level dispatch: <c>mqtt-kube [COMMAND] ARGS...</c>.</summary>
internal static class CommandLine
{
    /// <summary>Every sub-command; a bare config path means <c>run</c>.</summary>
    internal static readonly ICommand[] Commands =
    [
        new RunCommand(),
        new CheckCommand(),
        new SchemaCommand(),
        new JsonPathCommand(),
        new EvalCommand(),
        new RbacCommand(),
        new DryRunCommand(),
    ];

    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Count == 0)
            {
                await stderr.WriteAsync(TopUsage()).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            switch (args[0])
            {
                case "--help" or "-h" or "help":
                    await stdout.WriteAsync(TopUsage()).ConfigureAwait(false);
                    return ExitCodes.Ok;
                case "--version" or "-V":
                    await stdout.WriteLineAsync($"mqtt-kube {Version}").ConfigureAwait(false);
                    return ExitCodes.Ok;
            }

            foreach (var command in Commands)
            {
                if (command.Name == args[0])
                {
                    var rest = args.Skip(1).ToArray();
                    if (rest.Length > 0 && rest[0] is "--help" or "-h")
                    {
                        await stdout.WriteAsync(command.Usage).ConfigureAwait(false);
                        return ExitCodes.Ok;
                    }

                    return await command.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
                }
            }

            if (args[0].StartsWith('-') && args[0] != "--")
            {
                await stderr.WriteLineAsync($"mqtt-kube: unknown option '{args[0]}' (try --help)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (args.Count > 1 && args[0] != "--")
            {
                await stderr.WriteLineAsync($"mqtt-kube: unknown command '{args[0]}' (try --help)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            // `mqtt-kube CONFIG` is `mqtt-kube run CONFIG`.
            return await Commands[0].RunAsync(args, stdout, stderr).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last line of defence: never a stack trace for the user.
            await stderr.WriteLineAsync($"mqtt-kube: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Fatal;
        }
    }

    internal static string TopUsage()
    {
        var w = new StringWriter();
        w.WriteLine($"mqtt-kube {Version} — connects an MQTT broker to the Kubernetes API through YAML bindings.");
        w.WriteLine();
        w.WriteLine("Usage: mqtt-kube [COMMAND] [ARGS...]");
        w.WriteLine("       mqtt-kube CONFIG            (same as: mqtt-kube run CONFIG)");
        w.WriteLine();
        w.WriteLine("Commands:");
        foreach (var command in Commands)
        {
            w.WriteLine($"  {command.Name,-10} {command.Summary}");
        }

        w.WriteLine();
        w.WriteLine("Options:");
        w.WriteLine("  --help, -h     show this help (or a command's: mqtt-kube COMMAND --help)");
        w.WriteLine("  --version      print the version");
        return w.ToString();
    }
}
