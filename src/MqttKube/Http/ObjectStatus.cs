namespace MqttKube.Http;

/// <summary>One object a binding is bound to, as the HTTP server shows it.</summary>
/// <param name="Namespace">Its namespace, null for cluster-scoped kinds.</param>
/// <param name="Name">Its name.</param>
/// <param name="Associations">Its watches, then its patches and actions.</param>
internal sealed record ObjectStatus(string? Namespace, string Name, IReadOnlyList<AssociationStatus> Associations);
