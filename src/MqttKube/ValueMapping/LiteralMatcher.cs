using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MqttKube.Configuration.Yaml;
using MqttKube.Expressions;

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

    public LiteralMatcher(YamlScalar key)
    {
        kind = key.Kind;
        boolean = key.Bool;
        integer = key.Integer;
        number = key.Kind == YamlScalarKind.Int ? (double)key.Integer : key.Float;
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

    private bool MatchesJson(JsonNode? node)
    {
        if (node is not JsonValue scalar)
        {
            return false;
        }

        switch (scalar.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return kind == YamlScalarKind.Bool && boolean == (scalar.GetValueKind() == JsonValueKind.True);
            case JsonValueKind.Number:
                if (kind is not (YamlScalarKind.Int or YamlScalarKind.Float))
                {
                    return false;
                }

                if (kind == YamlScalarKind.Int && scalar.TryGetValue<long>(out var whole))
                {
                    return integer == whole;
                }

                return TryNumber(scalar, out var d) && d == number;
            default:
                return false;
        }
    }

    /// <summary>A JSON number as a double, whatever .NET type backs it.</summary>
    internal static bool TryNumber(JsonValue value, out double number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = l;
            return true;
        }

        if (value.TryGetValue<int>(out var i))
        {
            number = i;
            return true;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            number = (double)m;
            return true;
        }

        return value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out number);
    }

    private bool MatchesPy(PyValue value) => value switch
    {
        PyBool b => kind == YamlScalarKind.Bool && b.Value == boolean,
        PyInt i when kind == YamlScalarKind.Int => i.Big == integer,
        PyInt i when kind == YamlScalarKind.Float => i.ToDouble() == number,
        PyFloat f => kind is YamlScalarKind.Int or YamlScalarKind.Float && f.Value == number,
        _ => false,
    };
}
