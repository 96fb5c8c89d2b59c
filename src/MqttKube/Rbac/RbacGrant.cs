namespace MqttKube.Rbac;

/// <summary>
/// One verb a binding needs on a resource: in <see cref="Namespace"/> (null: cluster-wide, a ClusterRole), on one
/// object (<see cref="ResourceName"/>) or on every object of the type (null).
/// <see cref="Binding"/> names the binding (<c>Deployment media/jellyfin</c>), <see cref="Use"/> what needs it (<c>watch</c>).
/// </summary>
internal sealed record RbacGrant(string? Namespace, RbacResource Resource, string Verb, string? ResourceName, string Binding, string Use);
