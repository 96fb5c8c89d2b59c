using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.ValueMapping;

namespace MqttKube.Bindings.Outbound;

/// <summary>
/// Kubernetes → MQTT (SPEC 3.2) for one bound object: the value at the locus of every version of the object (null
/// when the locus matches nothing or the object is gone), mapped to a payload and set as the topic's newest state
/// in the <see cref="StateTable"/>, which publishes it when it differs from the last one published. With
/// <c>owned: KIND</c> the locus is read from the newest object of that kind the bound object owns instead (null when
/// it owns none), read again on every version of the bound object and every change of an object it owns.
/// </summary>
internal sealed partial class WatchAssociation
{
    private readonly BoundObject target;
    private readonly PlannedWatch watch;
    private readonly BindingServices services;
    private readonly StateTable states;
    private readonly ILogger logger;
    private readonly OwnedObjects? owned;
    private readonly Lock ownedGate = new();

    public WatchAssociation(BoundObject target, PlannedWatch watch, BindingServices services, StateTable states, OwnedObjects? owned = null)
    {
        this.owned = owned;
        this.target = target;
        this.watch = watch;
        this.services = services;
        this.states = states;
        logger = services.Logs.CreateLogger("watch");
        State = new AssociationState("watch", target.TopicOf(watch.Config.Topic), watch.Config.Locus);
    }

    public AssociationState State { get; }

    /// <summary>A new version of the object (null: it does not exist), which arrived at <paramref name="since"/>.</summary>
    public void OnObject(JsonObject? obj, long since)
    {
        if (owned is null)
        {
            Publish(obj, since);
            return;
        }

        OnOwned(since);
    }

    /// <summary>
    /// An <c>owned:</c> watch: the newest object the bound object owns is read again (an object it owns changed, or
    /// the bound object did), at <paramref name="since"/>. Nothing before the owned kind's first list is in. Under a
    /// lock, as the bound object's and the owned kind's events arrive on two list+watches: the last one in reads the
    /// newest state of both.
    /// </summary>
    public void OnOwned(long since)
    {
        if (owned is null)
        {
            return;
        }

        lock (ownedGate)
        {
            if (!owned.Synced)
            {
                return;
            }

            var owner = target.Latest;
            var metadata = owner?["metadata"];
            Publish(owned.Newest((string?)metadata?["uid"], (string?)metadata?["namespace"]), since);
        }
    }

    /// <summary>Whether this watch reads an owned object (<c>owned:</c>).</summary>
    public bool ReadsOwned => owned is not null;

    private void Publish(JsonObject? obj, long since)
    {
        var value = Read(watch, obj);
        var result = watch.Values.Map(MapValue.Json(value), target.ObjectValue());
        var output = result.Output;
        if (!result.Matched && !result.Value.TryToJson(out output, out _))
        {
            output = value;
        }

        var payload = PayloadText.Of(output);
        LogValue(logger, target.Describe, watch.Config.Locus, value?.ToJsonString() ?? "null", payload, result.Matched);
        State.Value(payload, services.Time.GetUtcNow());
        states.Set(State, State.Topic, watch.Config.Qos, watch.Config.Retain, payload, since);
    }

    /// <summary>The object is no longer bound: its retained state is cleared on the broker.</summary>
    public void Release() => states.Release(State);

    /// <summary>The locus value: null when it matches nothing, the value for one match, an array for several.</summary>
    internal static JsonNode? Read(PlannedWatch watch, JsonObject? obj)
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

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{Target}: {Locus} = {Value} -> payload '{Payload}' (mapped: {Matched})")]
    private static partial void LogValue(ILogger logger, string target, string locus, string value, string payload, bool matched);
}
