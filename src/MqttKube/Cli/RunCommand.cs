namespace MqttKube.Cli;

internal sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run the service on CONFIG";

    public string Usage => """
        Usage: mqtt-kube run CONFIG
               mqtt-kube CONFIG

        Runs the service on the bindings of CONFIG. Exit codes: 0 clean stop,
        2 bad config, 1 fatal runtime error.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        await stderr.WriteLineAsync(
            "mqtt-kube run: the service runtime is not in this build yet; " +
            "use 'mqtt-kube check CONFIG' to validate a config.").ConfigureAwait(false);
        return ExitCodes.Fatal;
    }
}
