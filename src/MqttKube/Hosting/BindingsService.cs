using Microsoft.Extensions.Hosting;
using MqttKube.Bindings;
using MqttKube.Bindings.Plan;

namespace MqttKube.Hosting;

/// <summary>
/// The bindings runtime as a part of the host: starts the plan's bindings (they subscribe before MQTT connects); at a
/// stop takes no more messages and lets queued patches and actions finish, for up to <see cref="DrainTimeout"/>.
/// </summary>
internal sealed class BindingsService(BindingRuntime runtime, BindingPlan plan) : IHostedService
{
    /// <summary>Of the 5 s a stop may take: this much for queued patches and actions.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start(plan);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(DrainTimeout);
        await runtime.StopAsync(drain.Token).ConfigureAwait(false);
    }
}
