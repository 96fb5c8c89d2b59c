using MqttKube.Bindings.Plan;
using MqttKube.Hosting;
using MqttKube.Kubernetes;

namespace MqttKube.Cli;

internal sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run the service on CONFIG";

    public string Usage => """
        Usage: mqtt-kube run CONFIG
               mqtt-kube CONFIG

        Runs the service on the bindings of CONFIG until SIGTERM or SIGINT (Ctrl-C),
        then stops cleanly: queued writes finish, 'offline' is published.

        Kubernetes: $KUBECONFIG if set, else the in-cluster service account, else
        ~/.kube/config. Environment: MQTT_KUBE_MQTT_PASSWORD, MQTT_KUBE_LOG_LEVEL.

        Exit codes: 0 clean stop, 2 bad config, 1 fatal runtime error.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var files = args.Where(a => a != "--").ToArray();
        if (files.Length != 1 || (files[0].StartsWith('-') && args[0] != "--"))
        {
            await stderr.WriteLineAsync("mqtt-kube run: expected one CONFIG file (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var loaded = BindingPlanner.Load(files[0]);
        if (!loaded.Success)
        {
            await CheckCommand.WriteProblemsAsync(loaded.Load, stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        KubeConnection kube;
        try
        {
            kube = KubeConnectionFactory.Create();
        }
        catch (KubeConnectionException ex)
        {
            await stderr.WriteLineAsync($"mqtt-kube run: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Fatal;
        }

        string? failure = null;
        await using (var host = ServiceHost.Create(loaded.Plan!, kube))
        {
            try
            {
                await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (ServiceStartException ex)
            {
                failure = ex.Message;
            }

            if (failure is null)
            {
                await host.WaitForShutdownAsync().ConfigureAwait(false);
            }
        }

        if (failure is not null)
        {
            await stderr.WriteLineAsync($"mqtt-kube run: error: {failure}").ConfigureAwait(false);
            return ExitCodes.Fatal;
        }

        return ExitCodes.Ok;
    }
}
