using MqttKube.Bindings;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;

namespace MqttKube.HomeAssistant;

/// <summary>
/// The discovery payload of one bound object, as a retained state of the <see cref="StateTable"/> (the one newest-state
/// mechanism: published when set, again after every reconnection and every Home Assistant birth, cleared with an empty
/// retained payload when the object is unbound or its binding removed).
/// </summary>
internal sealed class DeviceAnnouncement(DiscoverySettings settings, PlannedBinding binding, StateTable states, TimeProvider time)
{
    private volatile bool announced;

    public AssociationState State { get; } = new("discovery", settings.Config.DiscoveryPrefix + "/device/…", null);

    /// <summary>Sets the payload (once: the payload depends only on the config and the object's identity).</summary>
    public void Announce(string kind, string? ns, string name, long since)
    {
        if (announced)
        {
            return;
        }

        announced = true;
        var (topic, payload) = DiscoveryPayload.For(settings, binding, kind, ns, name);
        State.Value("announced", time.GetUtcNow());
        states.Set(State, topic, 1, retain: true, payload, since);
    }

    public void Release() => states.Release(State);
}
