namespace MqttKube.Http;

/// <summary>One binding of the configuration as the HTTP server shows it, with the objects it bound.</summary>
/// <param name="Id">How messages name the binding, for example <c>bindings[0]</c>.</param>
/// <param name="Resource">The resource (plural name or kind) as configured.</param>
/// <param name="Namespace">The namespace, null for cluster-scoped resources.</param>
/// <param name="Name">The object name (or what the binding selects).</param>
/// <param name="State"><c>running</c>, or <c>waiting: reason</c> (a binding that is waiting makes the service not ready).</param>
/// <param name="Objects">The objects the binding is bound to, each with its watch, patch and action associations.</param>
internal sealed record BindingStatus(
    string Id,
    string Resource,
    string? Namespace,
    string Name,
    string State,
    IReadOnlyList<ObjectStatus> Objects)
{
    /// <summary>The state of a binding that works.</summary>
    public const string Running = "running";

    /// <summary>A binding of one named object.</summary>
    public BindingStatus(string id, string resource, string? ns, string name, string state, IReadOnlyList<AssociationStatus> associations)
        : this(id, resource, ns, name, state, [new ObjectStatus(ns, name, associations)])
    {
    }

    /// <summary>Whether <see cref="State"/> is <see cref="Running"/>.</summary>
    public bool IsRunning => string.Equals(State, Running, StringComparison.Ordinal);

    /// <summary>Every association of every bound object.</summary>
    public IEnumerable<AssociationStatus> Associations => Objects.SelectMany(o => o.Associations);
}
