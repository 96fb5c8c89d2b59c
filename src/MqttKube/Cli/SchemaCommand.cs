namespace MqttKube.Cli;

internal sealed class SchemaCommand : ICommand
{
    public string Name => "schema";

    public string Summary => "print the JSON Schema of the config file";

    public string Usage => """
        Usage: mqtt-kube schema

        Prints the JSON Schema (draft 2020-12) of the config file, for editors'
        YAML language servers, e.g. with a first line in the config:
          # yaml-language-server: $schema=./mqtt-kube.schema.json

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0)
        {
            await stderr.WriteLineAsync($"mqtt-kube schema: unexpected argument '{args[0]}'").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await stdout.WriteLineAsync(Configuration.ConfigSchema.Json).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
