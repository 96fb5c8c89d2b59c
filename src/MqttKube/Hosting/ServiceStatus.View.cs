using MqttKube.Bindings;
using MqttKube.Http;

namespace MqttKube.Hosting;

/// <summary>The status view the web server reads (thread-safe: every part is a snapshot).</summary>
internal sealed partial class ServiceStatus : IStatusView
{
    public string Version => Cli.CommandLine.Version;

    MqttStatus IStatusView.Mqtt => new(Mqtt.IsConnected, Mqtt.Broker, Mqtt.ClientId, Mqtt.StateSince, Mqtt.LastError);

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

    private static BindingStatus Of(Binding b)
    {
        var watches = b.Object.Watches.Select(w => Of(w.State, b.IsReady, b.WatchError));
        var inbound = b.Object.Inbound.Select(a => Of(a.State, true, null));
        return new BindingStatus(
            b.Plan.Path,
            b.Plan.Config.Resource,
            b.Plan.Config.Namespace,
            b.Plan.Config.Name,
            b.Waiting is { } waiting ? $"waiting: {waiting}" : BindingStatus.Running,
            [.. watches.Concat(inbound)]);
    }

    private static AssociationStatus Of(AssociationState state, bool synced, string? watchError)
    {
        var (value, changed, error) = state.Snapshot();
        return new AssociationStatus(state.Kind, state.Topic, state.Locus, synced, value, changed, error ?? watchError);
    }
}
