using System.Text.Json.Nodes;
using MqttKube.Bindings.Inbound;
using MqttKube.Bindings.Outbound;
using MqttKube.Expressions;
using MqttKube.Mqtt;
using MqttKube.Templates;

namespace MqttKube.Bindings;

/// <summary>
/// One object a binding is bound to, with everything per object: its latest version (what patches plan against and
/// templates see as <c>object</c>), its watches, and its patch and action associations with their queues, on topics
/// with its name and namespace filled in. Created when the object is bound (a named binding's at once, so commands can
/// be held while it starts), dropped when it is unbound.
/// </summary>
internal sealed class BoundObject
{
    private readonly Binding binding;
    private readonly string? topicNamespace;
    private volatile JsonObject? latest;

    /// <param name="ns">The object's namespace (for a named binding: the one its topics use; requests use the binding's).</param>
    public BoundObject(Binding binding, string? ns, string name, StateTable states)
    {
        this.binding = binding;
        topicNamespace = ns;
        Name = name;
        var plan = binding.Plan;
        Watches = [.. plan.Watches.Select(w => new WatchAssociation(this, w, binding.Services, states, binding.OwnedOf(w)))];
        Announcement = HomeAssistant.DiscoveryPayload.HasEntities(plan) ? new HomeAssistant.DeviceAnnouncement(binding.Services, plan, states) : null;
        Inbound = [.. plan.Patches.Select(p => (InboundAssociation)new PatchAssociation(binding, this, p)), .. plan.Actions.Select(a => new ActionAssociation(binding, this, a))];
    }

    public string Name { get; }

    /// <summary>The namespace requests use: the object's for a binding of many, the binding's for a named one (null: cluster-scoped).</summary>
    public string? Namespace => binding.Plan.BindsMany ? topicNamespace : binding.Namespace;

    /// <summary>How logs name it: <c>Deployment media/jellyfin</c>.</summary>
    public string Describe => binding.Plan.BindsMany
        ? (topicNamespace is null ? $"{binding.Plan.Config.Resource} {Name}" : $"{binding.Plan.Config.Resource} {topicNamespace}/{Name}")
        : binding.Plan.Target;

    /// <summary>The newest version of the object seen; null when none was (or it is gone).</summary>
    public JsonObject? Latest => latest;

    public IReadOnlyList<WatchAssociation> Watches { get; }

    /// <summary>Its Home Assistant device (an association with a <c>homeassistant:</c> block; announced while discovery is on), or null.</summary>
    public HomeAssistant.DeviceAnnouncement? Announcement { get; }

    /// <summary>The patch associations, then the action associations, in config order (as the binding's routes).</summary>
    public IReadOnlyList<InboundAssociation> Inbound { get; }

    /// <summary>A topic of the config with this object's <c>{name}</c> and <c>{namespace}</c> filled in.</summary>
    public string TopicOf(string topic) => MqttTopic.Expand(topic, topicNamespace, Name);

    /// <summary>What value-map outputs and templates see as <c>object</c>.</summary>
    public PyValue ObjectValue() => TemplateContext.ObjectOf(latest, topicNamespace, Name);

    /// <summary>A new version of the object (null: it does not exist), which arrived at <paramref name="since"/>.</summary>
    public void Update(JsonObject? obj, long since)
    {
        latest = obj;
        foreach (var watch in Watches)
        {
            watch.OnObject(obj, since);
        }
    }

    /// <summary>An object it may own changed (or the owned kind's list is in): its <c>owned:</c> watches read again.</summary>
    public void UpdateOwned(long since)
    {
        foreach (var watch in Watches)
        {
            watch.OnOwned(since);
        }
    }

    /// <summary>The binding is ready: the held commands are handled, in order.</summary>
    public void Open(CancellationToken cancellationToken)
    {
        foreach (var association in Inbound)
        {
            association.Open(cancellationToken);
        }
    }

    /// <summary>Takes no more commands and lets the queued ones finish.</summary>
    public Task CompleteAsync() => Task.WhenAll(Inbound.Select(a => a.CompleteAsync()));

    /// <summary>The object is no longer bound: its retained states are cleared on the broker.</summary>
    public void Release()
    {
        Announcement?.Release();
        foreach (var watch in Watches)
        {
            watch.Release();
        }

        foreach (var association in Inbound)
        {
            association.Dispose();
        }
    }
}
