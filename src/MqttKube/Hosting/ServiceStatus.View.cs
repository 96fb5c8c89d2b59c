using MqttKube.Bindings;
using MqttKube.Bindings.Reload;
using MqttKube.Http;

namespace MqttKube.Hosting;

/// <summary>The status view the web server reads (thread-safe: every part is a snapshot).</summary>
internal sealed partial class ServiceStatus : IStatusView
{
    public string Version => Cli.CommandLine.Version;

    MqttStatus IStatusView.Mqtt => new(Mqtt.IsConnected, Mqtt.Broker, Mqtt.ClientId, Mqtt.StateSince, Mqtt.LastError);

    LeaderStatus? IStatusView.Leader => Leadership?.Status;

    public IReadOnlyList<LoopStatus> Loops
    {
        get
        {
            var dead = Dead();
            return dead.Count == 0
                ? [new LoopStatus("bindings", true, null)]
                : [.. dead.Select(d => new LoopStatus(d, false, "stopped"))];
        }
    }

    public IReadOnlyList<BindingStatus> Bindings => [.. Runtime.Bindings.Select(Of)];

    public KubeStatus Kubernetes => ApiServer is null
        ? KubeStatus.None
        : new KubeStatus(
            ApiServer.Server,
            ApiServer.Version,
            ApiServer.Source,
            [.. Informers.Status.Select(i => new ListWatchStatus(i.Type.ToString(), i.Namespace, i.LabelSelector, i.Synced, i.Objects, i.Restarts, i.LastError))]);

    public ReloadStatus? Config => Reloader?.Status;

    private BindingStatus Of(Binding b)
    {
        var objects = b.Objects.Select(o => new ObjectStatus(
            o.Namespace ?? b.Namespace ?? b.Plan.Config.Namespace,
            o.Name,
            [.. o.Watches.Select(w => Of(w.State, b.IsReady, b.WatchError)), .. o.Inbound.Select(a => Of(a.State, true, null))]));
        return new BindingStatus(
            b.Plan.Path,
            b.Plan.Config.Resource,
            b.Plan.Config.Namespace,
            b.Plan.Config.Name,
            b.Waiting is { } waiting ? $"waiting: {waiting}" : BindingStatus.Running,
            [.. objects]);
    }

    private AssociationStatus Of(AssociationState state, bool synced, string? watchError)
    {
        var (value, changed, error) = state.Snapshot();
        var published = state.Kind == AssociationStatus.Watch ? Runtime.States.LastPublished(state.Topic) : null;
        return new AssociationStatus(state.Kind, Mqtt.FullTopic(state.Topic), state.Locus, synced, value, changed, error ?? watchError, published);
    }
}
