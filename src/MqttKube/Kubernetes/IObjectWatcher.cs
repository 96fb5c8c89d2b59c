namespace MqttKube.Kubernetes;

/// <summary>Shared list+watch: one per (resource type, namespace), however many subscribers.</summary>
internal interface IObjectWatcher
{
    /// <summary>
    /// Subscribes to objects of <paramref name="type"/> in <paramref name="ns"/> (all namespaces, or cluster-scoped,
    /// when null), only the one named <paramref name="name"/> when given. After the initial list the handler gets the
    /// current state (Added, or Absent for a missing named object; Added* then Synced without a name), then every
    /// change. Events of one (type, namespace) arrive one at a time, in order.
    /// </summary>
    IObjectSubscription Subscribe(ResourceType type, string? ns, string? name, Action<ObjectEvent> handler);
}
