using MqttKube.Bindings.Plan;
using MqttKube.Hosting;
using MqttKube.Kubernetes;
using MqttKube.Tls;

namespace MqttKube.Cli;

internal sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run the service on CONFIG";

    public string Usage => """
        Usage: mqtt-kube run [--leader-elect] CONFIG
               mqtt-kube CONFIG

        Runs the service on the bindings of CONFIG until SIGTERM or SIGINT (Ctrl-C),
        then stops cleanly: queued writes finish, 'offline' is published.

        --leader-elect  run as one of several replicas: only the holder of the
                        Lease acts (the config's leader-election section, or
                        its defaults: lease mqtt-kube in the pod's namespace).

        Kubernetes: $KUBECONFIG if set, else the in-cluster service account, else
        ~/.kube/config. Environment: MQTT_KUBE_MQTT_PASSWORD, MQTT_KUBE_LOG_LEVEL.

        Exit codes: 0 clean stop, 2 bad config, 1 fatal runtime error.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var leaderElect = args.Contains("--leader-elect");
        var files = args.Where(a => a is not ("--" or "--leader-elect")).ToArray();
        if (files.Length != 1 || (files[0].StartsWith('-') && args[0] != "--"))
        {
            await stderr.WriteLineAsync("mqtt-kube run: expected one CONFIG file (try --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // The cluster's settings load while the config is read: the kubeconfig's certificates are the first use of
        // OpenSSL, whose loading takes longer than the config. A bad config still wins: it is reported, the rest dropped.
        var connecting = Task.Run(() => KubeConnectionFactory.Create());
        var loaded = BindingPlanner.Load(files[0]);
        if (!loaded.Success)
        {
            await CheckCommand.WriteProblemsAsync(loaded.Load, stderr).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var plan = loaded.Plan!;
        if (leaderElect && plan.Config.LeaderElection is null)
        {
            plan = plan with { Config = plan.Config with { LeaderElection = new() } };
        }

        KubeConnection kube;
        try
        {
            kube = await connecting.ConfigureAwait(false);
        }
        catch (KubeConnectionException ex)
        {
            await stderr.WriteLineAsync($"mqtt-kube run: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Fatal;
        }

        // Before any TLS connection: the platform's CAs are read in the background, or not at all when nothing uses them.
        PlatformTrustStore.Prepare(kube.UsesPlatformTrust || plan.Config.Mqtt.UsesPlatformTrust);
        string? failure = null;
        await using (var host = ServiceHost.Create(plan, kube, configPath: files[0]))
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
