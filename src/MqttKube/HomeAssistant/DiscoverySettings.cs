using MqttKube.Configuration;
using MqttKube.Mqtt;

namespace MqttKube.HomeAssistant;

/// <summary>
/// What discovery payloads need besides the bindings: Home Assistant's topics, our availability topic and topic
/// prefix (payloads carry full topics), this service's version, and the cluster's identity (part of every unique id).
/// </summary>
/// <param name="Cluster">
/// A stable name of the cluster: the API server's host and port as this service reaches it (the same for every
/// replica and across restarts; a service reaching the same cluster by another address announces other devices).
/// </param>
internal sealed record DiscoverySettings(HomeAssistantConfig Config, MqttConfig Mqtt, string Cluster, string Version)
{
    public const string OriginUrl = "https://github.com/sourcesimian/mqtt-kube";

    /// <summary>A topic of the config as Home Assistant must name it: joined to the topic prefix.</summary>
    public string Full(string topic) => MqttTopic.Join(Mqtt.TopicPrefix, topic);

    /// <summary>Our availability topic in full (<c>online</c>/<c>offline</c>).</summary>
    public string Availability => Full(Mqtt.StatusTopic);

    /// <summary>The discovery topic of a device, marked absolute (never under the topic prefix).</summary>
    public string DiscoveryTopic(string deviceId) => MqttTopic.Absolute($"{Config.DiscoveryPrefix.TrimEnd('/')}/device/{deviceId}/config");

    /// <summary>Home Assistant's birth topic, marked absolute.</summary>
    public string StatusTopic => MqttTopic.Absolute(Config.StatusTopic);
}
