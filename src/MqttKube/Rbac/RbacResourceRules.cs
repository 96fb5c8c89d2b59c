namespace MqttKube.Rbac;

/// <summary>The rules of one Role or ClusterRole for one resource type, with the bindings that need them.</summary>
internal sealed record RbacResourceRules(RbacResource Resource, IReadOnlyList<RbacRule> Rules, IReadOnlyList<string> Reasons);
