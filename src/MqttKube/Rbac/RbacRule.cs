namespace MqttKube.Rbac;

/// <summary>One policy rule: verbs on a resource type, limited to <see cref="ResourceNames"/> when there are any.</summary>
internal sealed record RbacRule(string Group, string Plural, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames);
