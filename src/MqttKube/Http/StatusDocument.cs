using MqttKube.Bindings.Reload;

namespace MqttKube.Http;

/// <summary>The status page's content as JSON (<c>/status.json</c>).</summary>
internal sealed record StatusDocument(
    string Version,
    DateTimeOffset StartedAt,
    MqttStatus Mqtt,
    ReloadStatus? Config,
    KubeStatus Kubernetes,
    IReadOnlyList<LoopStatus> Loops,
    IReadOnlyList<BindingStatus> Bindings)
{
    public static StatusDocument Of(IStatusView status) =>
        new(status.Version, status.StartedAt, status.Mqtt, status.Config, status.Kubernetes, status.Loops, status.Bindings);
}
