using MqttKube.Mqtt;

namespace MqttKube.Bindings.Outbound;

internal sealed partial class StateTable
{
    /// <summary>
    /// The topic prefix moves from <paramref name="before"/> to <paramref name="after"/> (a reload): every retained
    /// state's topic under the old prefix gets an empty retained payload, so no stale state stays there (Home
    /// Assistant would keep showing it). The clears are states of their own on the old full topics (marked absolute:
    /// they go there whatever prefix the connection has by then, first after a reconnection, and are forgotten once
    /// sent); the states themselves are published under the new prefix. A topic that is the same in full under both
    /// prefixes, or that another state publishes under the new one, is left alone. Returns how many are cleared.
    /// </summary>
    public int ClearUnder(string? before, string? after)
    {
        var count = 0;
        lock (gate)
        {
            var relative = states.Values.Where(s => !MqttTopic.IsAbsolute(s.Topic)).ToList();
            var kept = relative.Select(s => MqttTopic.Join(after, s.Topic)).ToHashSet(StringComparer.Ordinal);
            foreach (var pending in states.Values.Where(s => s.Releasing && MqttTopic.IsAbsolute(s.Topic) && kept.Contains(s.Topic[1..])).ToList())
            {
                Forget(pending); // a clear of an earlier move back to this prefix, not sent yet: it would clear a live state
            }

            foreach (var state in relative.Where(s => s.Retain))
            {
                var old = MqttTopic.Join(before, state.Topic);
                var topic = MqttTopic.Absolute(old);
                if (kept.Contains(old) || states.ContainsKey(topic))
                {
                    continue;
                }

                var clear = new TopicState(topic, state.Owner) { Qos = state.Qos, Retain = true, Releasing = true, Since = services.Time.GetTimestamp() };
                states[topic] = clear;
                EnqueueLocked(clear);
                count++;
            }

            StartLocked();
        }

        return count;
    }
}
