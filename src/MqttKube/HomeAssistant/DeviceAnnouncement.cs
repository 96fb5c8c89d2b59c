using MqttKube.Bindings;
using MqttKube.Bindings.Outbound;
using MqttKube.Bindings.Plan;

namespace MqttKube.HomeAssistant;

/// <summary>
/// The discovery payload of one bound object, as a retained state of the <see cref="StateTable"/> (the one newest-state
/// mechanism: published when set, again after every reconnection and every Home Assistant birth, cleared with an empty
/// retained payload when the object is unbound or its binding removed). The payload depends on the object's identity
/// and the discovery settings (<see cref="BindingServices.HomeAssistant"/>): a reload that changes those announces
/// again (<see cref="Reannounce"/>), clearing the old discovery topic when the new one differs.
/// </summary>
internal sealed class DeviceAnnouncement(BindingServices services, PlannedBinding binding, StateTable states)
{
    private readonly Lock gate = new();
    private (string Kind, string? Namespace, string Name)? device;
    private (string Topic, string Payload)? announced;
    private bool released;

    public AssociationState State { get; } = new("discovery", "device discovery", null);

    /// <summary>The object is bound and listed: its payload is set (once; <see cref="Reannounce"/> after a reload).</summary>
    public void Announce(string kind, string? ns, string name, long since)
    {
        lock (gate)
        {
            if (device is not null)
            {
                return;
            }

            device = (kind, ns, name);
            SetLocked(since);
        }
    }

    /// <summary>The discovery settings changed (a reload): the payload is set again, under the new discovery topic.</summary>
    public void Reannounce(long since)
    {
        lock (gate)
        {
            SetLocked(since);
        }
    }

    public void Release()
    {
        lock (gate)
        {
            released = true;
            announced = null;
        }

        states.Release(State);
    }

    private void SetLocked(long since)
    {
        if (released || device is not { } d)
        {
            return;
        }

        (string Topic, string Payload)? next = services.HomeAssistant is { } settings ? DiscoveryPayload.For(settings, binding, d.Kind, d.Namespace, d.Name) : null;
        if (next == announced)
        {
            return;
        }

        if (announced is { } before && before.Topic != next?.Topic)
        {
            states.Release(State); // the old discovery topic is cleared (discovery turned off, or its prefix moved)
        }

        announced = next;
        if (next is { } payload)
        {
            State.Value("announced", services.Time.GetUtcNow());
            states.Set(State, payload.Topic, 1, retain: true, payload.Payload, since);
        }
    }
}
