using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Expressions;

namespace MqttKube.ValueMapping;

/// <summary>
/// A value moving through the pipeline: an MQTT payload (text), a JSON value (from a Kubernetes object or a
/// parsed payload; null included), or an expression result. Converted lazily, so a literal lookup of a payload
/// allocates nothing.
/// </summary>
internal readonly struct MapValue
{
    private readonly string? text;
    private readonly JsonNode? json;
    private readonly PyValue? py;
    private readonly byte kind; // 0 json (null included), 1 text, 2 py

    private MapValue(string? text, JsonNode? json, PyValue? py, byte kind)
    {
        this.text = text;
        this.json = json;
        this.py = py;
        this.kind = kind;
    }

    public static MapValue Payload(string text) => new(text, null, null, 1);

    public static MapValue Json(JsonNode? value) => new(null, value, null, 0);

    public static MapValue Python(PyValue value) => new(null, null, value, 2);

    /// <summary>The value's text when it is a string (a payload, a JSON string, a Python str).</summary>
    public bool TryGetString(out string value)
    {
        switch (kind)
        {
            case 1:
                value = text!;
                return true;
            case 0 when json is JsonValue v && v.GetValueKind() == JsonValueKind.String:
                value = v.GetValue<string>();
                return true;
            case 2 when py is PyStr s:
                value = s.Value;
                return true;
            default:
                value = string.Empty;
                return false;
        }
    }

    /// <summary>Whether the value is null (JSON null, Python None); a payload never is.</summary>
    public bool IsNull => kind switch { 0 => json is null, 2 => py is PyNone, _ => false };

    public PyValue ToPy() => kind switch
    {
        1 => new PyStr(text!),
        2 => py!,
        _ => PyValue.FromJson(json),
    };

    /// <summary>The value as JSON; a Python value that has no JSON form yields an error.</summary>
    public bool TryToJson(out JsonNode? value, out string? error)
    {
        switch (kind)
        {
            case 1:
                value = JsonValue.Create(text);
                error = null;
                return true;
            case 2:
                return py!.TryToJson(out value, out error);
            default:
                value = json;
                error = null;
                return true;
        }
    }

    /// <summary>The JSON value if this is one (not a payload or a Python value).</summary>
    public JsonNode? JsonOrNull => kind == 0 ? json : null;

    public bool IsJson => kind == 0;
}
