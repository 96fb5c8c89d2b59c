using MqttKube.Configuration;
using MqttKube.Rbac;

namespace MqttKube.Cli;

internal sealed class RbacCommand : ICommand
{
    public const string DefaultNamespace = "mqtt-kube";

    public string Name => "rbac";

    public string Summary => "print the least-privilege RBAC (ServiceAccount, Roles, bindings) that CONFIG needs";

    public string Usage => """
        Usage: mqtt-kube rbac [--namespace NS] [--] CONFIG

        Prints, as multi-document YAML for `kubectl apply -f -`, the least-privilege RBAC
        that CONFIG's bindings need: the ServiceAccount mqtt-kube, a Role and RoleBinding
        in each namespace the bindings use, and a ClusterRole and ClusterRoleBinding only
        for cluster-scoped kinds (and bindings that name no namespace). Only the verbs each
        association uses are granted, never '*'. No cluster is needed: kinds are looked up
        in a built-in table of the common ones; a custom resource needs 'api-version'.

        Options:
          --namespace NS, -n NS   namespace the service runs in (default mqtt-kube)

        Exit codes: 0, or 2 on a bad config or an unknown kind.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var ns = DefaultNamespace;
        var files = new List<string>();
        var options = true;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (options && arg == "--")
            {
                options = false;
            }
            else if (options && arg is "--namespace" or "-n")
            {
                if (i + 1 >= args.Count)
                {
                    await stderr.WriteLineAsync($"mqtt-kube rbac: {arg} needs a namespace (try --help)").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                ns = args[++i];
            }
            else if (options && arg.StartsWith("--namespace=", StringComparison.Ordinal))
            {
                ns = arg["--namespace=".Length..];
            }
            else if (options && arg.StartsWith('-') && arg.Length > 1)
            {
                await stderr.WriteLineAsync($"mqtt-kube rbac: unknown option '{arg}' (try --help)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (!KubernetesNames.IsValidLabel(ns))
        {
            await stderr.WriteLineAsync($"mqtt-kube rbac: '{ns}' is not a valid namespace name (lower-case letters, digits and '-')").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (files.Count != 1)
        {
            await stderr.WriteLineAsync("mqtt-kube rbac: expected one CONFIG file (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var result = ConfigLoader.Load(files[0]);
        if (!result.Success)
        {
            await CheckCommand.WriteProblemsAsync(result, stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var yaml = RbacGenerator.Generate(result.Config!, files[0], ns, out var problems);
        if (yaml is null)
        {
            await CheckCommand.WriteProblemsAsync(new ConfigLoadResult(null, problems, 0), stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await stdout.WriteAsync(yaml).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
