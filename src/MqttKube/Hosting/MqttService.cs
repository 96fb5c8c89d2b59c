using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>
/// The MQTT connection as a part of the host. It starts connecting before any part starts (<see cref="StartingAsync"/>),
/// so the broker's handshake overlaps their start: a subscription a part makes before the connection is up goes with the
/// first SUBSCRIBE, one made after it is sent at once, and states wait for the connection (then all are published). It
/// leaves the broker (publishing <c>offline</c>) after the parts registered after it have stopped, the bindings' queued
/// writes among them.
/// </summary>
internal sealed partial class MqttService(MqttConnection mqtt, ServiceStatus status, ILoggerFactory logs) : IHostedLifecycleService
{
    /// <summary>Of the 5 s a stop may take: this much for the broker to acknowledge the disconnect.</summary>
    public static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(1.5);

    private readonly ILogger logger = logs.CreateLogger("service");

    public Task StartingAsync(CancellationToken cancellationToken) => mqtt.StartAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        status.Started();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        leave.CancelAfter(LeaveTimeout);
        try
        {
            await mqtt.StopAsync(leave.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogLeaveTimedOut(logger);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "the broker did not acknowledge the disconnect in time")]
    private static partial void LogLeaveTimedOut(ILogger logger);
}
