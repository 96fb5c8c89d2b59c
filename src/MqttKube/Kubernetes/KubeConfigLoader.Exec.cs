using System.Text;
using System.Text.Json.Nodes;
using k8s.KubeConfigModels;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Kubernetes;

internal static partial class KubeConfigLoader
{
    /// <summary>
    /// A user's `exec` plugin in the package's model, which runs it. Three things are set here so that it runs as
    /// kubectl runs it: a relative command with a slash is relative to the kubeconfig (the package would start it from
    /// the working directory); each argument is quoted (the package joins them with spaces into one command line, so
    /// an argument with a space would split); KUBERNETES_EXEC_INFO says `interactive: false` (the package says
    /// `true` and `kind: ExecCredentials`: a plugin could wait for a login nobody can answer). Our variable comes
    /// first: one the kubeconfig sets itself still wins.
    /// </summary>
    private static ExternalExecution Exec(string file, YamlNode node)
    {
        if (node is not YamlMapping mapping)
        {
            throw Error(file, node, "exec is a mapping (command, args, env, apiVersion)");
        }

        var exec = new Entry(file, mapping);
        var command = exec.Text("command");
        var apiVersion = exec.Text("apiVersion");
        var environment = new List<Dictionary<string, string>>
        {
            new() { ["name"] = "KUBERNETES_EXEC_INFO", ["value"] = ExecInfo(apiVersion) },
        };
        foreach (var variable in exec.List("env"))
        {
            var pair = variable as YamlMapping;
            if (pair?.Get("name") is not YamlScalar { IsNull: false } name || pair.Get("value") is not YamlScalar value)
            {
                throw Error(file, variable, "each of env is {name, value}");
            }

            environment.Add(new() { ["name"] = name.Value, ["value"] = value.IsNull ? "" : value.Value });
        }

        var arguments = new List<string>();
        foreach (var argument in exec.List("args"))
        {
            arguments.Add(argument is YamlScalar { IsNull: false } s ? Quoted(s.Value) : throw Error(file, argument, "each of args is a string"));
        }

        return new ExternalExecution
        {
            Command = command is not null && command.Contains('/', StringComparison.Ordinal) ? RelativeTo(file, command) : command,
            ApiVersion = apiVersion,
            Arguments = arguments,
            EnvironmentVariables = environment,
            InstallHint = exec.Text("installHint"),
        };
    }

    private static string ExecInfo(string? apiVersion) => new JsonObject
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = "ExecCredential",
        ["spec"] = new JsonObject { ["interactive"] = false },
    }.ToJsonString();

    /// <summary>One argument as the command-line parser of .NET's Process (the C runtime's rules) reads it back.</summary>
    internal static string Quoted(string argument)
    {
        if (argument.Length > 0 && argument.AsSpan().IndexOfAny(" \t\n\v\"") < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
