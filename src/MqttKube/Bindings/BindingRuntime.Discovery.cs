using MqttKube.HomeAssistant;

namespace MqttKube.Bindings;

internal sealed partial class BindingRuntime
{
    /// <summary>
    /// Takes changed discovery settings (a reload changed <c>homeassistant:</c>, or the topic prefix or availability
    /// topic its payloads name; null: discovery is now off): Home Assistant's birth topic is subscribed anew, and every
    /// bound object announced so far is announced again (a moved discovery topic is cleared first; with discovery off,
    /// cleared only).
    /// </summary>
    public void ChangeDiscovery(DiscoverySettings? next)
    {
        var before = services.HomeAssistant;
        services.HomeAssistant = next;
        lock (gate)
        {
            if (started && before?.StatusTopic != next?.StatusTopic)
            {
                birth?.Dispose();
                birth = next is null ? null : services.Mqtt.Subscribe(next.StatusTopic, new BirthHandler(States));
            }
        }

        var since = services.Time.GetTimestamp();
        foreach (var announcement in Bindings.SelectMany(b => b.Objects).Select(o => o.Announcement).OfType<DeviceAnnouncement>())
        {
            announcement.Reannounce(since);
        }
    }
}
