using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Templates;

/// <summary>
/// The types Kubernetes requires of an object's identifying fields, checked on the rendered value so that a payload
/// that puts a number in <c>metadata.name</c> gets a clear message of ours, not the API server's decoding error.
/// </summary>
internal static class TemplateFields
{
    /// <summary>The longest name Kubernetes accepts (a DNS subdomain).</summary>
    public const int MaxNameLength = 253;

    /// <summary>What the value under <paramref name="key"/> of a mapping at <paramref name="parent"/> must be.</summary>
    public static TemplateField Child(TemplateField parent, string key) => parent switch
    {
        TemplateField.Root when key is "apiVersion" or "kind" => TemplateField.Text,
        TemplateField.Metadata when key is "name" or "generateName" => TemplateField.Name,
        TemplateField.Metadata when key is "namespace" => TemplateField.Text,
        TemplateField.Metadata when key is "labels" or "annotations" => TemplateField.StringMap,
        TemplateField.StringMap => TemplateField.Text,
        _ when key == "metadata" => TemplateField.Metadata,
        _ => TemplateField.Any,
    };

    /// <summary>Why <paramref name="value"/> cannot be at a place of kind <paramref name="field"/>, or null when it can.</summary>
    public static string? Check(TemplateField field, JsonNode? value)
    {
        switch (field)
        {
            case TemplateField.Text or TemplateField.Name when value is not JsonValue v || v.GetValueKind() != JsonValueKind.String:
                return $"must be a string, got {Describe(value)}";
            case TemplateField.Name:
                var name = value!.GetValue<string>();
                return name.Length > MaxNameLength
                    ? $"must be at most {MaxNameLength} characters, got {name.Length}"
                    : name is "." or ".." || name.AsSpan().IndexOfAny('/', '%') >= 0
                        ? $"cannot be '{name}': a Kubernetes name may not be '.' or '..' nor contain '/' or '%'"
                        : null;
            case TemplateField.Metadata when value is not JsonObject:
                return $"must be a mapping, got {Describe(value)}";
            case TemplateField.StringMap when value is not (null or JsonObject):
                return $"must be a mapping of strings, got {Describe(value)}";
            default:
                return null;
        }
    }

    /// <summary>A JSON value as a message names it: <c>the number 5</c>, <c>a mapping</c>, <c>null</c>.</summary>
    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Number => $"the number {Short(v.ToJsonString())}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()}",
            JsonValueKind.String => $"the string '{Short(v.GetValue<string>())}'",
            _ => "null",
        },
        _ => "a value",
    };

    private static string Short(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
