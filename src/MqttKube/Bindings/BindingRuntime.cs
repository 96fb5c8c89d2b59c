using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Mqtt;

namespace MqttKube.Bindings;

/// <summary>
/// Runs every binding of a plan: subscribes the patch and action topics, starts the bindings (each on its own, so one
/// that cannot start never stops the others), and republishes every watch after each MQTT reconnect.
/// </summary>
internal sealed partial class BindingRuntime : IAsyncDisposable
{
    private readonly BindingServices services;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> starts = [];

    public BindingRuntime(BindingPlan plan, BindingServices services)
    {
        this.services = services;
        logger = services.Logs.CreateLogger("bindings");
        Bindings = plan.Bindings.Select(b => new BindingInstance(b, services)).ToArray();
    }

    public IReadOnlyList<BindingInstance> Bindings { get; }

    /// <summary>Every watch has its first value and no binding is waiting (readiness, with MQTT connected).</summary>
    public bool AllSynced => Bindings.All(b => b.Waiting is null && b.Watches.All(w => w.State.Snapshot().Synced));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.Mqtt.Connected += OnConnectedAsync;
        foreach (var binding in Bindings)
        {
            foreach (var association in binding.Inbound)
            {
                association.Start(stopping.Token);
                await services.Mqtt.SubscribeAsync(association.State.Topic, association.OnMessageAsync, cancellationToken).ConfigureAwait(false);
            }

            foreach (var watch in binding.Watches)
            {
                watch.Start(stopping.Token);
            }

            starts.Add(Task.Run(() => binding.StartAsync(stopping.Token), CancellationToken.None));
        }

        LogStarting(logger, Bindings.Count);
    }

    /// <summary>Stops taking messages and lets queued patches and actions finish (until <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        services.Mqtt.Connected -= OnConnectedAsync;
        foreach (var binding in Bindings)
        {
            binding.Stop();
        }

        var draining = Task.WhenAll(Bindings.SelectMany(b => b.Inbound).Select(a => a.CompleteAsync()));
        try
        {
            await draining.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(logger);
        }
        catch (Exception ex)
        {
            LogDrainFailed(logger, ex.Message);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (var binding in Bindings)
        {
            binding.Stop();
        }

        stopping.Dispose();
    }

    /// <summary>The loops of the bindings that have died (liveness); empty while all is well.</summary>
    public IEnumerable<string> DeadLoops() => Bindings.SelectMany(b =>
        b.Watches.Select(w => (w.Runner, $"{b.Plan.Path} watch {w.State.Topic}"))
            .Concat(b.Inbound.Select(a => (a.Runner, $"{b.Plan.Path} {a.State.Kind} {a.State.Topic}"))))
        .Where(r => r.Runner is { IsCompleted: true } && !stopping.IsCancellationRequested)
        .Select(r => r.Item2 + (r.Runner!.Exception is { } ex ? $": {ex.GetBaseException().Message}" : ": stopped"));

    private Task OnConnectedAsync(MqttConnectedEventArgs e)
    {
        if (e.IsReconnect)
        {
            LogRepublish(logger, Bindings.Sum(b => b.Watches.Length));
        }

        foreach (var watch in Bindings.SelectMany(b => b.Watches))
        {
            watch.Republish();
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "starting {Count} binding(s)")]
    private static partial void LogStarting(ILogger logger, int count);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "MQTT reconnected: republishing {Count} watch value(s)")]
    private static partial void LogRepublish(ILogger logger, int count);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "stopped before every queued message was handled")]
    private static partial void LogDrainTimedOut(ILogger logger);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Error, Message = "a binding's queue failed while stopping: {Reason}")]
    private static partial void LogDrainFailed(ILogger logger, string reason);
}
