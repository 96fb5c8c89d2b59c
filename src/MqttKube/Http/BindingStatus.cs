namespace MqttKube.Http;

/// <summary>One binding of the configuration as the HTTP server shows it.</summary>
/// <param name="Id">How messages name the binding, for example <c>bindings[0]</c>.</param>
/// <param name="Resource">The resource (plural name or kind) as configured.</param>
/// <param name="Namespace">The namespace, null for cluster-scoped resources.</param>
/// <param name="Name">The object name.</param>
/// <param name="State"><c>running</c>, or <c>waiting: reason</c> (a binding that is waiting makes the service not ready).</param>
/// <param name="Associations">The binding's watch, patch and action associations.</param>
internal sealed record BindingStatus(
    string Id,
    string Resource,
    string? Namespace,
    string Name,
    string State,
    IReadOnlyList<AssociationStatus> Associations)
{
    /// <summary>The state of a binding that works.</summary>
    public const string Running = "running";

    /// <summary>Whether <see cref="State"/> is <see cref="Running"/>.</summary>
    public bool IsRunning => string.Equals(State, Running, StringComparison.Ordinal);
}
