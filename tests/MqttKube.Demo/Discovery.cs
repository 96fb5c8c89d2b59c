using System.Text.Json.Nodes;

namespace MqttKube.Demo;

/// <summary>How the tour prints a discovery payload on one line: the device and its entities.</summary>
internal static class Discovery
{
    public static string Describe(string topic, string payload)
    {
        if (!topic.StartsWith("homeassistant/device/", StringComparison.Ordinal) || JsonNode.Parse(payload) is not JsonObject discovery)
        {
            return payload;
        }

        var entities = discovery["cmps"]!.AsObject().Select(c => $"{c.Value!["platform"]} {c.Value!["name"]}");
        return $"device {discovery["device"]!["name"]} ({discovery["device"]!["model"]}): {string.Join(", ", entities)}";
    }
}
