using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Kubernetes;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings;

/// <summary>
/// Kubernetes → MQTT (SPEC 3.2): the value at the locus of every object version, mapped to a payload, published when
/// it differs from the last one published. Events are coalesced: only the newest payload is ever sent.
/// </summary>
internal sealed partial class WatchAssociation
{
    private readonly PlannedBinding binding;
    private readonly PlannedWatch watch;
    private readonly BindingServices services;
    private readonly ILogger logger;
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Lock gate = new();
    private string? current;
    private bool hasCurrent;
    private long currentSince;
    private string? published;
    private bool hasPublished;
    private Task? runner;

    public WatchAssociation(PlannedBinding binding, PlannedWatch watch, BindingServices services)
    {
        this.binding = binding;
        this.watch = watch;
        this.services = services;
        logger = services.Logs.CreateLogger("watch");
        State = new AssociationState("watch", watch.Config.Topic, watch.Config.Locus);
    }

    public AssociationState State { get; }

    public Task? Runner => runner;

    public void Start(CancellationToken cancellationToken) => runner ??= Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);

    /// <summary>Called by the shared informer for every version of the object, in order.</summary>
    public void OnEvent(ObjectEvent e)
    {
        if (e.Type == ObjectEventType.Synced)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        services.Metrics.WatchEvent();
        var value = e.Type is ObjectEventType.Added or ObjectEventType.Modified ? Read(e.Object) : null;
        var result = watch.Values.Map(MapValue.Json(value));
        JsonNode? output = result.Output;
        if (!result.Matched && !result.Value.TryToJson(out output, out _))
        {
            output = value;
        }

        var payload = PayloadText.Of(output);
        LogValue(logger, binding.Target, watch.Config.Locus, value?.ToJsonString() ?? "null", payload, result.Matched);
        lock (gate)
        {
            current = payload;
            hasCurrent = true;
            currentSince = started;
        }

        State.Value(payload, services.Time.GetUtcNow());
        State.Synced();
        signal.Writer.TryWrite(true);
    }

    /// <summary>After an MQTT reconnect: publish the last value again.</summary>
    public void Republish()
    {
        lock (gate)
        {
            hasPublished = false;
            currentSince = Stopwatch.GetTimestamp();
        }

        signal.Writer.TryWrite(true);
    }

    /// <summary>The locus value: null when it matches nothing, the value for one match, an array for several.</summary>
    internal JsonNode? Read(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        if (watch.Locus.IsSingular)
        {
            return watch.Locus.TryGetSingle(obj, out var single) ? single : null;
        }

        var nodes = watch.Locus.Evaluate(obj);
        return nodes.Count switch
        {
            0 => null,
            1 => nodes[0].Value,
            _ => new JsonArray(nodes.Select(n => n.Value?.DeepClone()).ToArray()),
        };
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in signal.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await PublishCurrentAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishCurrentAsync(CancellationToken cancellationToken)
    {
        string payload;
        long since;
        lock (gate)
        {
            if (!hasCurrent || (hasPublished && published == current) || !services.Mqtt.IsConnected)
            {
                return; // nothing new; or offline: the reconnect republishes
            }

            payload = current!;
            since = currentSince;
        }

        try
        {
            var outcome = await services.Mqtt.PublishAsync(watch.Config.Topic, payload, watch.Config.Qos, watch.Config.Retain, isState: true, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                published = payload;
                hasPublished = true;
            }

            services.Metrics.Published(Stopwatch.GetElapsedTime(since));
            LogPublished(logger, watch.Config.Topic, payload, outcome.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            State.Error(ex.Message);
            LogPublishFailed(logger, watch.Config.Topic, ex.Message);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{Target}: {Locus} = {Value} -> payload '{Payload}' (mapped: {Matched})")]
    private static partial void LogValue(ILogger logger, string target, string locus, string value, string payload, bool matched);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "published '{Payload}' to {Topic} ({Outcome})")]
    private static partial void LogPublished(ILogger logger, string topic, string payload, string outcome);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "cannot publish to {Topic}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string topic, string reason);
}
