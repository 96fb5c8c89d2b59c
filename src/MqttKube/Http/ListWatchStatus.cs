namespace MqttKube.Http;

/// <summary>One shared list+watch of the Kubernetes API.</summary>
/// <param name="Kind">The kind and its API version: <c>Deployment.apps/v1</c>.</param>
/// <param name="Namespace">The namespace watched; null: every namespace, or a cluster-scoped kind.</param>
/// <param name="Selector">The label selector; null: none.</param>
/// <param name="Synced">Its initial list (or the last re-list) is in.</param>
/// <param name="Objects">Objects it holds.</param>
/// <param name="Restarts">Times the watch was restarted.</param>
/// <param name="LastError">Its last failure while it lasts (a Forbidden list, say).</param>
internal sealed record ListWatchStatus(string Kind, string? Namespace, string? Selector, bool Synced, int Objects, int Restarts, string? LastError);
