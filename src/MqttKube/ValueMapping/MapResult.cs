using System.Text.Json.Nodes;
using MqttKube.Expressions;

namespace MqttKube.ValueMapping;

/// <summary>
/// The outcome of a value map: a match with its output, or a miss with the reason. Carries what a template's
/// <c>match</c> context needs (input, value, parsed JSON, regex groups), built only on demand.
/// </summary>
internal readonly struct MapResult
{
    private MapResult(bool matched, JsonNode? output, MapValue input, MapValue value, JsonNode? json, bool hasJson, IReadOnlyList<KeyValuePair<string, string?>>? groups, string? missReason, PyValue? boundObject = null)
    {
        Object = boundObject;
        Matched = matched;
        Output = output;
        Input = input;
        Value = value;
        Json = json;
        HasJson = hasJson;
        Groups = groups;
        MissReason = missReason;
    }

    public bool Matched { get; }

    /// <summary>The bound object (<c>object</c>: name, namespace, labels, annotations) when the map runs for one (SPEC 12).</summary>
    public PyValue? Object { get; }

    /// <summary>The mapped value (shared: clone it before attaching it to another JSON tree).</summary>
    public JsonNode? Output { get; }

    public MapValue Input { get; }

    /// <summary>The value after transform and jsonpath: what was matched.</summary>
    public MapValue Value { get; }

    /// <summary>The parsed JSON payload when a jsonpath was used.</summary>
    public JsonNode? Json { get; }

    public bool HasJson { get; }

    public IReadOnlyList<KeyValuePair<string, string?>>? Groups { get; }

    /// <summary>Why nothing matched (for the DEBUG log); null on a match, or on a plain miss of the map.</summary>
    public string? MissReason { get; }

    public static MapResult Match(JsonNode? output, MapValue input, MapValue value, JsonNode? json, bool hasJson, IReadOnlyList<KeyValuePair<string, string?>>? groups, PyValue? boundObject = null) =>
        new(true, output, input, value, json, hasJson, groups, null, boundObject);

    public static MapResult Miss(MapValue input, MapValue value, string? reason, PyValue? boundObject = null) =>
        new(false, null, input, value, null, false, null, reason, boundObject);

    /// <summary>The names a format string or template can use: input, value, json, object (when bound) and each named group.</summary>
    public Dictionary<string, PyValue> Context()
    {
        var context = new Dictionary<string, PyValue>(StringComparer.Ordinal)
        {
            ["input"] = Input.ToPy(),
            ["value"] = Value.ToPy(),
        };
        if (Object is { } bound)
        {
            context["object"] = bound;
        }

        if (HasJson)
        {
            context["json"] = PyValue.FromJson(Json);
        }

        foreach (var (name, group) in Groups ?? [])
        {
            context[name] = PyValue.From(group);
        }

        return context;
    }
}
