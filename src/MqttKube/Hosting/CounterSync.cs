using MqttKube.Http;
using MqttKube.Kubernetes;
using MqttKube.Mqtt;

namespace MqttKube.Hosting;

/// <summary>Brings the counters the MQTT client and the informers keep into the metrics registry, at each scrape.</summary>
internal sealed class CounterSync(Metrics metrics, MqttConnection mqtt, SharedInformers informers)
{
    private readonly Lock gate = new();
    private long received;
    private long published;
    private long restarts;

    public void Sync()
    {
        lock (gate)
        {
            var r = mqtt.MessagesReceived;
            var p = mqtt.MessagesPublished;
            var w = informers.Status.Sum(s => (long)s.Restarts);
            metrics.MessagesReceived.Add(Math.Max(0, r - received));
            metrics.MessagesPublished.Add(Math.Max(0, p - published));
            metrics.WatchRestarts.Add(Math.Max(0, w - restarts));
            (received, published, restarts) = (Math.Max(r, received), Math.Max(p, published), Math.Max(w, restarts));
        }
    }
}
