using MqttKube.Configuration;

namespace MqttKube.Bindings.Plan;

/// <summary>One binding of the config, compiled.</summary>
internal sealed record PlannedBinding(int Index, BindingConfig Config, PlannedWatch[] Watches, PlannedPatch[] Patches, PlannedAction[] Actions)
{
    public string Path => $"bindings[{Index}]";

    /// <summary>How logs name the object: <c>Deployment media/jellyfin</c>.</summary>
    public string Target => Config.Namespace is null ? $"{Config.Resource} {Config.Name}" : $"{Config.Resource} {Config.Namespace}/{Config.Name}";
}
