using System.Text.Json.Nodes;
using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>
/// An association's <c>homeassistant:</c> block (SPEC 13): announce it as an entity of the bound object's device.
/// <c>component</c> and <c>name</c> are ours; every other key is a Home Assistant option passed through as it is
/// (<c>icon</c>, <c>device_class</c>, <c>min</c>, <c>unit_of_measurement</c>, ...). A patch and a watch with the same
/// name form one entity (command and state topics).
/// </summary>
[ConfigValue("{ \"type\": \"object\", \"description\": \"Announce this association to Home Assistant as an entity: component (switch, number, button, sensor, binary_sensor, select), name, and any Home Assistant option.\", \"required\": [\"component\", \"name\"], \"properties\": { \"component\": { \"enum\": [\"switch\", \"number\", \"button\", \"sensor\", \"binary_sensor\", \"select\"] }, \"name\": { \"type\": [\"string\", \"number\", \"boolean\"] } } }")]
internal sealed class HomeAssistantEntityConfig : IConfigValue<HomeAssistantEntityConfig>
{
    public static readonly string[] Components = ["switch", "number", "button", "sensor", "binary_sensor", "select"];

    public required string Component { get; init; }

    /// <summary>The entity's name: also the last part of its unique id (lower case, <c>-</c> for spaces).</summary>
    public required string Name { get; init; }

    /// <summary>The other keys, as JSON, in config order.</summary>
    public required IReadOnlyList<KeyValuePair<string, JsonNode?>> Options { get; init; }

    public static HomeAssistantEntityConfig? Bind(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (ConfigReader.ExpectMapping(node, context, path) is not { } mapping)
        {
            return null;
        }

        string? component = null, name = null;
        var options = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (key, value) in mapping.Entries)
        {
            switch (ConfigReader.KeyOf(key, context, path))
            {
                case null:
                    break;
                case "component":
                    component = ConfigReader.ReadString(value, context, $"{path}.component");
                    if (component is not null && !Components.Contains(component))
                    {
                        context.Error(value, $"'{path}.component' must be one of {string.Join(", ", Components)}, not '{YamlScalar.Shorten(component)}'");
                        component = null;
                    }

                    break;
                case "name":
                    name = ConfigReader.ReadString(value, context, $"{path}.name");
                    break;
                case var option:
                    options.Add(KeyValuePair.Create(option, YamlValues.ToJson(value)));
                    break;
            }
        }

        if (mapping.Get("component") is null)
        {
            ConfigReader.Missing(mapping, "component", context, path);
        }

        if (mapping.Get("name") is null)
        {
            ConfigReader.Missing(mapping, "name", context, path);
        }

        return component is null || name is null ? null : new HomeAssistantEntityConfig { Component = component, Name = name, Options = options };
    }

    /// <summary>The entity part of ids and topics: the name in lower case, runs of other characters as one <c>_</c>.</summary>
    public string Key => Slug(Name);

    public static string Slug(string text)
    {
        var chars = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Append(c);
            }
            else if (chars.Length > 0 && chars[^1] != '_')
            {
                chars.Append('_');
            }
        }

        return chars.ToString().TrimEnd('_');
    }

    public void Dump(ConfigDumpWriter writer)
    {
        writer.Scalar("component", Component);
        writer.Scalar("name", Name);
        foreach (var (key, value) in Options)
        {
            // JSON is YAML flow text: the option reads back as the same value.
            var name = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : ConfigDumpWriter.Quote(key);
            writer.Line($"{name}: {value?.ToJsonString() ?? "~"}");
        }
    }
}
