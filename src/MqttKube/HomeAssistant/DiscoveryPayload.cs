using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MqttKube.Bindings.Plan;
using MqttKube.Configuration;

namespace MqttKube.HomeAssistant;

/// <summary>
/// Home Assistant device discovery (SPEC 13): one retained payload per bound object at
/// <c>&lt;prefix&gt;/device/&lt;id&gt;/config</c>, with <c>device</c>, <c>origin</c>, <c>availability</c> on our status
/// topic, and <c>cmps</c>: one entity per <c>homeassistant.name</c> of the binding's associations (a patch gives the
/// command topic, a watch the state topic, an action the command topic of a button). Ids are derived from the cluster,
/// kind, namespace, name and entity: identical across restarts and replicas.
/// </summary>
internal static class DiscoveryPayload
{
    /// <summary>Whether the binding announces anything (an association with a <c>homeassistant:</c> block).</summary>
    public static bool HasEntities(PlannedBinding binding) => Entities(binding).Count > 0;

    /// <summary>The device id: readable (kind, namespace, name) with a hash of the whole identity, cluster included.</summary>
    public static string DeviceId(DiscoverySettings settings, string kind, string? ns, string name)
    {
        var identity = $"{settings.Cluster}/{kind}/{ns}/{name}";
        var hash = BindingPlanner.Fnv1a64(Encoding.UTF8.GetBytes(identity)).ToString("x16", CultureInfo.InvariantCulture)[..8];
        return $"mqtt-kube_{Slug(kind)}_{(ns is null ? "" : Slug(ns) + "_")}{Slug(name)}_{hash}";
    }

    /// <summary>The discovery topic (marked absolute) and payload of one bound object.</summary>
    public static (string Topic, string Payload) For(DiscoverySettings settings, PlannedBinding binding, string kind, string? ns, string name)
    {
        var deviceId = DeviceId(settings, kind, ns, name);
        var objectId = ns is null ? Slug(name) : $"{Slug(ns)}_{Slug(name)}";
        var components = new JsonObject();
        foreach (var (key, entity) in Entities(binding))
        {
            var uniqueId = $"{deviceId}_{key}";
            var component = new JsonObject
            {
                ["platform"] = entity.Component,
                ["name"] = entity.Name,
                ["unique_id"] = uniqueId,
                ["default_entity_id"] = $"{entity.Component}.{objectId}_{key}",
                ["object_id"] = $"{objectId}_{key}",
            };
            if (entity.CommandTopic is { } command)
            {
                component["command_topic"] = settings.Full(Mqtt.MqttTopic.Expand(command, ns, name));
            }

            if (entity.StateTopic is { } state)
            {
                component["state_topic"] = settings.Full(Mqtt.MqttTopic.Expand(state, ns, name));
            }

            foreach (var (option, value) in entity.Options)
            {
                component[option] = value?.DeepClone();
            }

            components[uniqueId] = component;
        }

        var payload = new JsonObject
        {
            ["device"] = new JsonObject
            {
                ["identifiers"] = new JsonArray(deviceId),
                ["name"] = ns is null ? name : $"{ns}/{name}",
                ["model"] = kind,
                ["manufacturer"] = "Kubernetes",
            },
            ["origin"] = new JsonObject { ["name"] = "mqtt-kube", ["sw"] = settings.Version, ["url"] = DiscoverySettings.OriginUrl },
            ["availability"] = new JsonArray(new JsonObject { ["topic"] = settings.Availability, ["payload_available"] = "online", ["payload_not_available"] = "offline" }),
            ["qos"] = 1,
            ["cmps"] = components,
        };
        return (settings.DiscoveryTopic(deviceId), payload.ToJsonString());
    }

    /// <summary>The entities of a binding by key, in config order: watches, patches, actions merged by name.</summary>
    private static List<(string Key, Entity Entity)> Entities(PlannedBinding binding)
    {
        var entities = new List<(string Key, Entity Entity)>();
        Entity Get(HomeAssistantEntityConfig config)
        {
            var key = config.Key;
            var index = entities.FindIndex(e => e.Key == key);
            if (index < 0)
            {
                entities.Add((key, new Entity(config.Component, config.Name)));
                index = entities.Count - 1;
            }

            var entity = entities[index].Entity;
            foreach (var option in config.Options)
            {
                entity.Options.RemoveAll(o => o.Key == option.Key);
                entity.Options.Add(option);
            }

            return entity;
        }

        foreach (var watch in binding.Watches)
        {
            if (watch.Config.Homeassistant is { } config)
            {
                Get(config).StateTopic ??= watch.Config.Topic;
            }
        }

        foreach (var patch in binding.Patches)
        {
            if (patch.Config.Homeassistant is { } config)
            {
                Get(config).CommandTopic ??= patch.Config.Topic;
            }
        }

        foreach (var action in binding.Actions)
        {
            if (action.Config.Homeassistant is { } config)
            {
                Get(config).CommandTopic ??= action.Config.Topic;
            }
        }

        return entities;
    }

    /// <summary>Lower case letters, digits and <c>_</c> (what Home Assistant's ids take).</summary>
    internal static string Slug(string text) => HomeAssistantEntityConfig.Slug(text);

    private sealed class Entity(string component, string name)
    {
        public string Component { get; } = component;

        public string Name { get; } = name;

        public string? StateTopic { get; set; }

        public string? CommandTopic { get; set; }

        public List<KeyValuePair<string, JsonNode?>> Options { get; } = [];
    }
}
