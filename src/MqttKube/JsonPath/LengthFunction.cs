using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary><c>length(value)</c>: characters (Unicode scalar values) of a string, elements, members; else Nothing.</summary>
internal sealed class LengthFunction(ValueExpression argument) : ValueExpression
{
    public ValueExpression Argument { get; } = argument;

    public override FilterValue Evaluate(JsonPathContext context, JsonNode? current)
    {
        var arg = Argument.Evaluate(context, current);
        return arg.Node switch
        {
            _ when arg.IsNothing => FilterValue.Nothing,
            JsonArray array => FilterValue.Of(JsonValue.Create(array.Count)),
            JsonObject obj => FilterValue.Of(JsonValue.Create(obj.Count)),
            JsonValue value when value.GetValueKind() == JsonValueKind.String =>
                FilterValue.Of(JsonValue.Create(CountScalars(value.GetValue<string>()))),
            _ => FilterValue.Nothing,
        };
    }

    private static int CountScalars(string s)
    {
        var n = s.Length;
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        }

        return n;
    }
}
