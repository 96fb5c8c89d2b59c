using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>The service's first and last lines: what starts (with which bindings, broker, cluster), stopping, stopped.</summary>
internal sealed partial class LifecycleLog(BindingPlan plan, MqttConnection mqtt, KubeConnection kube, ILoggerFactory logs) : IHostedLifecycleService
{
    private readonly ILogger logger = logs.CreateLogger("service");

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger, Cli.CommandLine.Version, plan.Bindings.Count, mqtt.Broker, kube.Source);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "mqtt-kube {Version}: {Count} binding(s), broker {Broker}, Kubernetes via {Source}")]
    private static partial void LogStarting(ILogger logger, string version, int count, string broker, string source);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);
}
