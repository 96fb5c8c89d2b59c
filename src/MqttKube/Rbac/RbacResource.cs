namespace MqttKube.Rbac;

/// <summary>
/// A binding's resource as RBAC names it: API group and plural. <see cref="Namespaced"/> is null when the kind is
/// not in the built-in table (then the binding's namespace decides). <see cref="Note"/> says what was guessed.
/// </summary>
internal sealed record RbacResource(string Group, string Plural, string Kind, bool? Namespaced, string? Note)
{
    /// <summary><c>deployments.apps</c>, or <c>pods</c> for the core group.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Kinds whose pods <c>restart</c> can roll (what <c>kubectl rollout restart</c> accepts).</summary>
    public bool Restartable => Group == "apps" && Plural is "deployments" or "daemonsets" or "statefulsets";
}
