using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;
using MqttKube.JsonPath;

namespace MqttKube.ValueMapping;

/// <summary>
/// A literal key (SPEC 4): equal to the value by type (booleans never equal numbers, 1 == 1.0), and a string value
/// also matches a non-string literal whose canonical text it equals (<c>1</c> ↔ "1", <c>~</c> ↔ "").
/// </summary>
internal sealed class LiteralMatcher : IMatcher
{
    private readonly YamlScalarKind kind;
    private readonly string text;
    private readonly bool boolean;
    private readonly BigInteger integer;
    private readonly double number;
    private readonly JsonNode? json;

    public LiteralMatcher(YamlScalar key)
    {
        kind = key.Kind;
        boolean = key.Bool;
        integer = key.Integer;
        number = key.Kind == YamlScalarKind.Int ? (double)key.Integer : key.Float;
        json = YamlValues.ToJson(key);
        text = key.Kind switch
        {
            YamlScalarKind.Null => string.Empty,
            YamlScalarKind.Bool => key.Bool ? "true" : "false",
            YamlScalarKind.Int => key.Integer.ToString(CultureInfo.InvariantCulture),
            YamlScalarKind.Float => PyValue.From(key.Float).Repr(),
            _ => key.Value,
        };
    }

    /// <summary>The text a string value must equal.</summary>
    public string Text => text;

    public bool Matches(in MapValue value, out IReadOnlyList<KeyValuePair<string, string?>>? groups)
    {
        groups = null;
        if (value.TryGetString(out var s))
        {
            return string.Equals(s, text, StringComparison.Ordinal);
        }

        if (value.IsNull)
        {
            return kind == YamlScalarKind.Null;
        }

        return value.IsJson ? MatchesJson(value.JsonOrNull) : MatchesPy(value.ToPy());
    }

    /// <summary>A JSON boolean or number: equal by type and value (1 == 1.0, booleans never equal numbers).</summary>
    private bool MatchesJson(JsonNode? node) =>
        kind is YamlScalarKind.Bool or YamlScalarKind.Int or YamlScalarKind.Float && JsonValueComparer.DeepEquals(json, node);

    private bool MatchesPy(PyValue value) => value switch
    {
        PyBool b => kind == YamlScalarKind.Bool && b.Value == boolean,
        PyInt i when kind == YamlScalarKind.Int => i.Big == integer,
        PyInt i when kind == YamlScalarKind.Float => i.ToDouble() == number,
        PyFloat f => kind is YamlScalarKind.Int or YamlScalarKind.Float && f.Value == number,
        _ => false,
    };
}
