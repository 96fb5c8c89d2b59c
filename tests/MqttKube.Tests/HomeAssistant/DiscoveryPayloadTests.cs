using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Configuration;
using MqttKube.HomeAssistant;
using MqttKube.Mqtt;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.HomeAssistant;

/// <summary>
/// Device discovery payloads (SPEC 13), snapshot-tested per preset and checked against what Home Assistant requires of
/// a device discovery payload: <c>device.identifiers</c>, <c>origin.name</c>, and per component <c>platform</c>,
/// <c>unique_id</c>, a <c>command_topic</c> for switch/number/button/select and a <c>state_topic</c> for sensors.
/// </summary>
public sealed class DiscoveryPayloadTests
{
    private static readonly DiscoverySettings Settings = new(
        new HomeAssistantConfig(), new MqttConfig { TopicPrefix = "home/kube" }, "10.0.0.1:6443", "1.2.3");

    public static TheoryData<string, string, string?, string> Presets() => new()
    {
        { "appliance", "Deployment", "media", "jellyfin" },
        { "daemon", "DaemonSet", "kube-system", "kube-proxy" },
        { "cronjob", "CronJob", "media", "backup" },
        { "job", "Job", "media", "scan" },
        { "node", "Node", null, "worker-1" },
    };

    private static (string Topic, JsonObject Payload) Discover(string preset, string kind, string? ns, string name, DiscoverySettings? settings = null)
    {
        var binding = ns is null ? $"  - {{resource: {kind}, name: {name}, preset: {preset}}}\n" : $"  - {{namespace: {ns}, resource: {kind}, name: {name}, preset: {preset}}}\n";
        var plan = PresetTests.Plan(binding);
        var (topic, payload) = DiscoveryPayload.For(settings ?? Settings, plan.Bindings[0], kind, ns, name);
        return (topic, JsonNode.Parse(payload)!.AsObject());
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Snapshot_per_preset(string preset, string kind, string? ns, string name)
    {
        var (topic, payload) = Discover(preset, kind, ns, name);
        var text = MqttTopic.Join("home/kube", topic) + "\n" + payload.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        Snapshot.VerifyBeside(text, $"discovery-{preset}");
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Payloads_have_what_home_assistant_requires(string preset, string kind, string? ns, string name)
    {
        var (topic, payload) = Discover(preset, kind, ns, name);

        // Absolute: never under the topic prefix.
        Assert.True(MqttTopic.IsAbsolute(topic));
        Assert.Matches("^homeassistant/device/[a-zA-Z0-9_-]+/config$", MqttTopic.Join("home/kube", topic));
        Assert.NotEmpty(payload["device"]!["identifiers"]!.AsArray());
        Assert.Equal(kind, (string?)payload["device"]!["model"]);
        Assert.Equal("mqtt-kube", (string?)payload["origin"]!["name"]);
        Assert.Equal("1.2.3", (string?)payload["origin"]!["sw"]);
        Assert.Equal("home/kube/status", (string?)payload["availability"]![0]!["topic"]);
        var components = payload["cmps"]!.AsObject();
        Assert.NotEmpty(components);
        foreach (var (key, value) in components)
        {
            var component = value!.AsObject();
            var platform = (string?)component["platform"];
            Assert.Contains(platform, HomeAssistantEntityConfig.Components);
            Assert.Equal(key, (string?)component["unique_id"]);
            Assert.StartsWith(platform + ".", (string?)component["default_entity_id"], StringComparison.Ordinal);
            Assert.NotNull(component["object_id"]);
            if (platform is "switch" or "number" or "button" or "select")
            {
                Assert.StartsWith("home/kube/", (string?)component["command_topic"], StringComparison.Ordinal);
            }

            if (platform is "sensor" or "binary_sensor" or "switch" or "number")
            {
                Assert.StartsWith("home/kube/", (string?)component["state_topic"], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Ids_depend_on_cluster_kind_namespace_and_name_only()
    {
        var (topic, payload) = Discover("appliance", "Deployment", "media", "jellyfin");
        var (again, payloadAgain) = Discover("appliance", "Deployment", "media", "jellyfin", Settings with { Version = "9.9.9" });
        Assert.Equal(topic, again);
        Assert.Equal(payload["cmps"]!.AsObject().Select(c => c.Key), payloadAgain["cmps"]!.AsObject().Select(c => c.Key));

        Assert.NotEqual(topic, Discover("appliance", "Deployment", "media", "jellyfin", Settings with { Cluster = "other:6443" }).Topic);
        Assert.NotEqual(topic, Discover("appliance", "Deployment", "other", "jellyfin").Topic);
        Assert.NotEqual(topic, Discover("appliance", "StatefulSet", "media", "jellyfin").Topic);
    }

    [Fact]
    public void A_hand_written_patch_and_watch_with_one_name_form_one_entity_with_its_options()
    {
        var plan = PresetTests.Plan("""
              - namespace: media
                resource: Deployment
                name: jellyfin
                watch:
                  locus: $.spec.template.spec.containers[0].image
                  topic: jellyfin/image
                  homeassistant: {component: select, name: Image, options: ["a:1", "a:2"]}
                patch:
                  topic: jellyfin/image/set
                  locus: $.spec.template.spec.containers[0].image
                  homeassistant: {component: select, name: Image, icon: "mdi:docker"}

            """);
        var (_, text) = DiscoveryPayload.For(Settings, plan.Bindings[0], "Deployment", "media", "jellyfin");
        var entity = Assert.Single(JsonNode.Parse(text)!["cmps"]!.AsObject()).Value!.AsObject();
        Assert.Equal("home/kube/jellyfin/image", (string?)entity["state_topic"]);
        Assert.Equal("home/kube/jellyfin/image/set", (string?)entity["command_topic"]);
        Assert.Equal("""["a:1","a:2"]""", entity["options"]!.ToJsonString());
        Assert.Equal("mdi:docker", (string?)entity["icon"]);
        Assert.Equal("select.media_jellyfin_image", (string?)entity["default_entity_id"]);
    }
}
