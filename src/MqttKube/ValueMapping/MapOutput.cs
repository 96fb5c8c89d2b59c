using System.Text.Json.Nodes;
using MqttKube.Expressions;
using MqttKube.Expressions.Formatting;

namespace MqttKube.ValueMapping;

/// <summary>
/// A value map's output: a constant of any YAML type, or a string with <c>{…}</c> replacement fields rendered
/// with Python <c>str.format</c> over the match context.
/// </summary>
internal sealed class MapOutput
{
    private readonly JsonNode? constant;
    private readonly string? format;

    private MapOutput(JsonNode? constant, string? format)
    {
        this.constant = constant;
        this.format = format;
    }

    public static MapOutput Constant(JsonNode? value) => new(value, null);

    public static MapOutput Format(string format) => new(null, format);

    public bool TryRender(in MapResult context, out JsonNode? output, out string? error)
    {
        if (format is null)
        {
            output = constant;
            error = null;
            return true;
        }

        if (PyFormat.TryFormat(format, Array.Empty<PyValue>(), context.Context(), out var text, out var message))
        {
            output = JsonValue.Create(text);
            error = null;
            return true;
        }

        output = null;
        error = $"cannot render \"{format}\": {message}";
        return false;
    }
}
