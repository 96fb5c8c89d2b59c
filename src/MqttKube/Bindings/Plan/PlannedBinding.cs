using MqttKube.Configuration;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Plan;

/// <summary>One binding of the config, compiled.</summary>
internal sealed record PlannedBinding(int Index, BindingConfig Config, PlannedWatch[] Watches, PlannedPatch[] Patches, PlannedAction[] Actions)
{
    public string Path => $"bindings[{Index}]";

    /// <summary>Binds the objects a selector, a name glob or <c>namespace: "*"</c> finds (SPEC 12), not one named object.</summary>
    public bool BindsMany => Config.BindsMany;

    /// <summary>The label selector the API server filters by; null without one.</summary>
    public LabelSelector? Selector { get; } = Config.Selector is { } text && LabelSelector.TryParse(text, out var selector, out _, out _) ? selector : null;

    /// <summary>The names bound, for a binding of many: a glob (a plain name binds that name in every namespace); null: any.</summary>
    public NameGlob? Names { get; } = Config.Name.Length > 0 && NameGlob.TryParse(Config.Name, out var glob, out _, out _) ? glob : null;

    /// <summary>The namespace watched for a binding of many: null for every namespace (<c>namespace: "*"</c>).</summary>
    public string? WatchNamespace(string defaultNamespace) => Config.InAllNamespaces ? null : Config.Namespace ?? defaultNamespace;

    /// <summary>How logs name the object(s): <c>Deployment media/jellyfin</c>, <c>Deployment */media-* (mqtt-kube/expose=true)</c>.</summary>
    public string Target
    {
        get
        {
            var name = Config.Name.Length == 0 ? "*" : Config.Name;
            var target = Config.Namespace is null ? $"{Config.Resource} {name}" : $"{Config.Resource} {Config.Namespace}/{name}";
            return Config.Selector is null ? target : $"{target} ({Config.Selector})";
        }
    }

    /// <summary>Whether an object's name is bound by <see cref="Names"/> (any name without one).</summary>
    public bool NameMatches(string name) => Names?.Matches(name) ?? true;
}
