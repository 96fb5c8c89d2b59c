using MqttKube.Http;

namespace MqttKube.Hosting;

/// <summary>The status view the web server reads (thread-safe: every part is a snapshot).</summary>
internal sealed partial class ServiceStatus : IStatusView
{
    public string Version => Cli.CommandLine.Version;

    MqttStatus IStatusView.Mqtt => new(Mqtt.IsConnected, $"{Options.Host}:{Options.EffectivePort}", Mqtt.ClientId, Mqtt.StateSince, Mqtt.LastError);

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

    public IReadOnlyList<BindingStatus> Bindings => [.. Runtime.Bindings.Select(b => new BindingStatus(
        b.Plan.Path,
        b.Plan.Config.Resource,
        b.Plan.Config.Namespace,
        b.Plan.Config.Name,
        b.Waiting is { } waiting ? $"waiting: {waiting}" : BindingStatus.Running,
        [.. b.Watches.Select(w => w.State).Concat(b.Inbound.Select(a => a.State)).Select(s =>
        {
            var (value, changed, error, synced) = s.Snapshot();
            var subscriptionError = s.Kind == "watch" ? b.Subscriptions.Select(x => x.LastError).FirstOrDefault(e => e is not null) : null;
            return new AssociationStatus(s.Kind, s.Topic, s.Locus, synced, value, changed, error ?? subscriptionError);
        })]))];
}
