using System.Text.Json.Nodes;
using MqttKube.Expressions;
using MqttKube.JsonPath;

namespace MqttKube.ValueMapping;

/// <summary>
/// A compiled <c>values:</c> block (SPEC 4): input → transform → jsonpath → map → rendered output. Pure and
/// thread-safe; a failing step is a miss with a reason, never an exception. The transform, the lambda and regex
/// matchers and the output of one value share one work budget (<see cref="WorkMeter"/>), so a map with many
/// expensive keys costs no more per value than one.
/// </summary>
internal sealed class ValueMap
{
    /// <summary>No values block: every value passes through.</summary>
    public static readonly ValueMap PassThrough = new(null, null, null);

    private readonly Expression? transform;
    private readonly JsonPathQuery? jsonPath;
    private readonly (IMatcher Matcher, MapOutput Output)[]? entries;

    public ValueMap(Expression? transform, JsonPathQuery? jsonPath, (IMatcher Matcher, MapOutput Output)[]? entries)
    {
        this.transform = transform;
        this.jsonPath = jsonPath;
        this.entries = entries;
    }

    /// <param name="boundObject">What outputs see as <c>object</c> (the bound object's metadata), when the map runs for one.</param>
    public MapResult Map(MapValue input, PyValue? boundObject = null)
    {
        using var scope = WorkMeter.Join(EvaluationLimits.Default.MaxWork);
        var value = input;
        if (transform is not null)
        {
            var result = transform.Invoke(value.ToPy());
            if (!result.IsSuccess)
            {
                return MapResult.Miss(input, value, $"transform failed: {result.Error}", boundObject);
            }

            value = MapValue.Python(result.Value!);
        }

        JsonNode? json = null;
        if (jsonPath is not null)
        {
            if (!TryReadJson(value, out json, out var error))
            {
                return MapResult.Miss(input, value, error);
            }

            if (!jsonPath.TryEvaluate(json, out var nodes, out var tooMuch))
            {
                return MapResult.Miss(input, value, $"jsonpath {jsonPath.Text}: {tooMuch}");
            }

            if (nodes.Count == 0)
            {
                return MapResult.Miss(input, value, $"jsonpath {jsonPath.Text} matched nothing");
            }

            value = MapValue.Json(nodes[0].Value);
        }

        if (entries is null)
        {
            return value.TryToJson(out var passed, out var notJson)
                ? MapResult.Match(passed, input, value, json, jsonPath is not null, null, boundObject)
                : MapResult.Miss(input, value, notJson);
        }

        var meter = WorkMeter.Current!;
        foreach (var (matcher, output) in entries)
        {
            if (meter.Exhausted)
            {
                return MapResult.Miss(input, value, "the value map's work budget is spent");
            }

            if (!matcher.Matches(value, out var groups))
            {
                continue;
            }

            var context = MapResult.Match(null, input, value, json, jsonPath is not null, groups, boundObject);
            return output.TryRender(context, out var rendered, out var renderError)
                ? MapResult.Match(rendered, input, value, json, jsonPath is not null, groups, boundObject)
                : MapResult.Miss(input, value, renderError, boundObject);
        }

        return MapResult.Miss(input, value, null);
    }

    private static bool TryReadJson(MapValue value, out JsonNode? json, out string? error)
    {
        error = null;
        if (!value.TryGetString(out var text))
        {
            return value.TryToJson(out json, out error);
        }

        if (JsonInput.TryParse(text, JsonInput.PayloadMaxDepth, out json, out var invalid))
        {
            return true;
        }

        error = $"the input is not JSON ({invalid})";
        return false;
    }
}
