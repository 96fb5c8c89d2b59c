using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using MqttKube.Expressions;
using Scriban.Runtime;
using ScribanContext = Scriban.TemplateContext;

namespace MqttKube.Templates;

/// <summary>
/// The one place where template values cross between our values and Scriban's: the context (<see cref="PyValue"/>s
/// built from JSON and YAML) becomes read-only <see cref="ScriptObject"/>s and <see cref="ScriptArray"/>s, never
/// arbitrary .NET objects; a Scriban result becomes a JSON value.
/// </summary>
internal static class ScribanValues
{
    /// <summary>Nesting limit of a value converted to JSON (what <c>object.to_json</c> prints).</summary>
    public const int MaxDepth = 64;

    /// <summary>Nesting limit of a context value (a payload's JSON may be 64 deep, below <c>match.json</c>).</summary>
    public const int MaxContextDepth = 128;

    /// <summary>How many values one conversion to JSON may produce (a value built in a loop may share its parts).</summary>
    public const int MaxNodes = 100_000;

    /// <summary>A context value as Scriban sees it: dicts are read-only objects, lists and tuples read-only arrays.</summary>
    public static object? FromPy(PyValue value, int depth = 0)
    {
        if (depth > MaxContextDepth)
        {
            throw new ScribanPart.ScribanFailure($"a value of the context is nested more than {MaxContextDepth} levels deep");
        }

        switch (value)
        {
            case PyNone:
                return null;
            case PyBool b:
                return b.Value;
            case PyInt i:
                // Scriban's own integers are int, then long, then BigInteger: builtins compare with Equals (array.contains).
                return i.IsBig ? i.Big : i.Value is >= int.MinValue and <= int.MaxValue ? (int)i.Value : (object)i.Value;
            case PyFloat f:
                return f.Value;
            case PyStr s:
                return s.Value;
            case PyList or PyTuple:
                var items = value is PyList list ? list.Items : ((PyTuple)value).Items;
                var array = new ScriptArray(items.Length);
                foreach (var item in items)
                {
                    array.Add(FromPy(item, depth + 1));
                }

                array.IsReadOnly = true;
                return array;
            case PyDict dict:
                var obj = new ScriptObject(dict.Count);
                for (var k = 0; k < dict.Count; k++)
                {
                    obj[dict.Keys[k] is PyStr key ? key.Value : dict.Keys[k].Str()] = FromPy(dict.Values[k], depth + 1);
                }

                obj.IsReadOnly = true;
                return obj;
            default:
                return value.Str();
        }
    }

    /// <summary>
    /// A Scriban result as the typed value of a template scalar: a string, number, boolean or null (a date or time span
    /// as Scriban writes it). False, with what it is (<c>a mapping</c>), for anything else.
    /// </summary>
    public static bool TryToJsonScalar(object? value, ScribanContext context, out JsonNode? node, out string? error)
    {
        error = null;
        node = null;
        switch (value)
        {
            case null:
                return true;
            case bool b:
                node = JsonValue.Create(b);
                return true;
            case string s:
                node = JsonValue.Create(s);
                return true;
            case sbyte or byte or short or ushort or int or uint or long:
                node = JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return true;
            case ulong u:
                node = JsonValue.Create(u);
                return true;
            case decimal m:
                node = JsonValue.Create(m);
                return true;
            case BigInteger big:
                if (big.GetBitLength() > PyInt.MaxBits)
                {
                    error = $"is a number of {big.GetBitLength()} bits: at most {PyInt.MaxBits} are allowed";
                    return false;
                }

                node = JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture));
                return true;
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d))
                {
                    error = $"is {d.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold";
                    return false;
                }

                node = JsonValue.Create(d);
                return true;
            case DateTime or DateTimeOffset or TimeSpan or Enum:
                node = JsonValue.Create(context.ObjectToString(value));
                return true;
            case IList:
                error = "is a list";
                return false;
            case IDictionary or IScriptObject:
                error = "is a mapping";
                return false;
            case IEnumerable:
                error = "is a list";
                return false;
            case IScriptCustomFunction:
                error = "is a function";
                return false;
            default:
                error = $"is a {value.GetType().Name}";
                return false;
        }
    }

    /// <summary>Any Scriban value as JSON (what <c>object.to_json</c> prints); throws with the reason when it cannot be.</summary>
    public static JsonNode? ToJson(object? value, ScribanContext context)
    {
        var budget = MaxNodes;
        return ToJson(value, context, 0, ref budget);
    }

    private static JsonNode? ToJson(object? value, ScribanContext context, int depth, ref int budget)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"the value is nested more than {MaxDepth} levels deep");
        }

        if (--budget < 0)
        {
            throw new InvalidOperationException($"the value has more than {MaxNodes} parts");
        }

        switch (value)
        {
            case IList list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(ToJson(item, context, depth + 1, ref budget));
                }

                return array;
            case IScriptObject obj:
                var json = new JsonObject();
                foreach (var key in obj.GetMembers())
                {
                    obj.TryGetValue(context, default, key, out var member);
                    json[key] = ToJson(member, context, depth + 1, ref budget);
                }

                return json;
            case IDictionary dictionary:
                var map = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "null"] = ToJson(entry.Value, context, depth + 1, ref budget);
                }

                return map;
            case not string and IEnumerable items:
                var sequence = new JsonArray();
                foreach (var item in items)
                {
                    sequence.Add(ToJson(item, context, depth + 1, ref budget));
                }

                return sequence;
            default:
                return TryToJsonScalar(value, context, out var node, out var error)
                    ? node
                    : throw new InvalidOperationException($"the value {error} and has no JSON form");
        }
    }
}
