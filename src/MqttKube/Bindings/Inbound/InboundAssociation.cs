using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// MQTT → Kubernetes (patch and action) for one bound object: its commands wait in one <see cref="SerialQueue{T}"/>
/// and are handled one at a time, in order. While the binding starts (kind not resolved, first list not in) they
/// are held, for <see cref="BindingServices.HoldLimit"/> at most, and handled once it is ready.
/// </summary>
internal abstract partial class InboundAssociation : IDisposable
{
    private readonly SerialQueue<InboundItem> queue;
    private readonly Lock gate = new();
    private ITimer? holdTimer;

    protected InboundAssociation(Binding binding, BoundObject target, string kind, string topic, string? locus)
    {
        Binding = binding;
        Target = target;
        Services = binding.Services;
        Logger = Services.Logs.CreateLogger(kind);
        State = new AssociationState(kind, topic, locus);
        queue = new SerialQueue<InboundItem>(Services.QueueCapacity, HandleSafelyAsync, binding.Activity);
    }

    public AssociationState State { get; }

    /// <summary>Commands waiting (held or queued).</summary>
    public int Waiting => queue.Count;

    protected Binding Binding { get; }

    protected BoundObject Target { get; }

    protected PlannedBinding Plan => Binding.Plan;

    protected BindingServices Services { get; }

    protected ILogger Logger { get; }

    /// <summary>Queues a command (never blocks); a full queue drops it with a warning.</summary>
    public void Post(string payload)
    {
        var item = new InboundItem(payload, Services.Time.GetTimestamp());
        if (!queue.TryEnqueue(item))
        {
            CountFailure();
            LogQueueFull(Logger, State.Topic, Services.QueueCapacity);
            return;
        }

        if (!queue.IsOpen)
        {
            LogHeld(Logger, Plan.Target, Binding.Waiting ?? "starting", payload, State.Topic);
            ArmHoldTimer();
        }
    }

    /// <summary>The binding is ready: drop what was held too long, handle the rest in order.</summary>
    public void Open(CancellationToken cancellationToken)
    {
        DisarmHoldTimer();
        DropExpired();
        queue.Open(cancellationToken);
    }

    /// <summary>Takes no more commands; those queued are handled (held ones dropped); completes when done.</summary>
    public Task CompleteAsync()
    {
        DisarmHoldTimer();
        return queue.CompleteAsync();
    }

    public void Dispose() => DisarmHoldTimer();

    protected abstract Task HandleAsync(string payload, CancellationToken cancellationToken);

    /// <summary>Counts a command that failed outside <see cref="HandleAsync"/> (an API error, a time-out, dropped).</summary>
    protected abstract void CountFailure();

    private async Task HandleSafelyAsync(InboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await HandleAsync(item.Payload, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (KubeApiException ex) when (attempt < Services.TransientAttempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    var delay = Services.TransientDelay * (1 << attempt);
                    LogRetry(Logger, Plan.Target, ex.Message, delay.TotalSeconds);
                    await Task.Delay(delay, Services.Time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            CountFailure();
            State.Error(ex.Message);
            LogFailed(Logger, Plan.Target, State.Topic, ex.Message);
        }
    }

    private static bool IsTransient(KubeApiException ex) => ex.Code is 0 or 429 or >= 500;

    private void ArmHoldTimer()
    {
        lock (gate)
        {
            holdTimer ??= Services.Time.CreateTimer(_ => OnHoldTimer(), null, Services.HoldLimit, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmHoldTimer()
    {
        lock (gate)
        {
            holdTimer?.Dispose();
            holdTimer = null;
        }
    }

    /// <summary>The oldest held command reached the limit: drop what did, wait for the next one.</summary>
    private void OnHoldTimer()
    {
        lock (gate)
        {
            holdTimer?.Dispose();
            holdTimer = null;
        }

        if (queue.IsOpen)
        {
            return;
        }

        DropExpired();
        if (queue.Count > 0)
        {
            ArmHoldTimer();
        }
    }

    private void DropExpired()
    {
        foreach (var item in queue.RemoveWhere(i => Services.Time.GetElapsedTime(i.ArrivedAt) >= Services.HoldLimit))
        {
            CountFailure();
            LogHeldTooLong(Logger, item.Payload, State.Topic, Plan.Target, Services.HoldLimit.TotalSeconds, Binding.Waiting ?? "starting");
        }
    }
}
