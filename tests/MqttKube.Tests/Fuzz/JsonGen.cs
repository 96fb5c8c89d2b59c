using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// JSON documents: small and nested (names with dots, quotes, brackets and unicode), deep (thousands of levels),
/// wide (tens of thousands of items), and the text of any of them.
/// </summary>
internal static class JsonGen
{
    private static readonly JsonSerializerOptions Writing = new() { MaxDepth = 100_000, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A char that is Unicode text on its own (no lone surrogate: the JSON policy refuses those).</summary>
    public static Gen<char> TextChar => Gen.Char.Where(c => !char.IsSurrogate(c));

    public static Gen<string> Key => Gen.Frequency(
        (6, Gen.OneOf("a", "b", "c", "name", "type", "status", "items", "0", "")),
        (2, Gen.String[Gen.Char["ab.$[]'\"\\*?@ é😀\n\u0001"], 0, 4].Where(IsText)),
        (1, Gen.String[TextChar, 0, 3]));

    public static Gen<JsonNode?> Scalar => Gen.Frequency<JsonNode?>(
        (1, Gen.Const(() => (JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, Gen.Int[-5, 10].Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Long.Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
        (3, Gen.OneOf("a", "b", "Ready", "True", "", "ab.c", "${x}", "{{ y }}", "é😀").Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.String[TextChar, 0, 10].Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>Documents nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> Value(int depth)
    {
        if (depth == 0)
        {
            return Scalar;
        }

        var sub = Value(depth - 1);
        return Gen.Frequency(
            (3, Scalar),
            (2, sub.Array[0, 5].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(Key, sub).Array[0, 5].Select(Object)));
    }

    /// <summary>Small documents mostly; now and then a deep or a wide one.</summary>
    public static Gen<JsonNode?> Document => Gen.Frequency(
        (20, Value(4)),
        (1, Gen.Int[100, 5000].Select(Deep)),
        (1, Gen.Int[1000, 60_000].Select(n => (JsonNode?)new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode?)JsonValue.Create(i % 7))]))),
        (1, Gen.Int[100, 3000].Select(n => (JsonNode?)new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode?)new JsonObject { ["a"] = i, ["b"] = new JsonArray(1, 2) })]))));

    /// <summary>Arrays and objects nested <paramref name="depth"/> levels.</summary>
    public static JsonNode? Deep(int depth)
    {
        JsonNode? node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    /// <summary>The document's JSON text, however deep.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Writing) ?? "null";

    private static JsonNode? Object((string Key, JsonNode? Value)[] members)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in members)
        {
            if (value?.Parent is null)
            {
                obj[key] = value;
            }
        }

        return obj;
    }

    /// <summary>True when <paramref name="s"/> has no lone surrogate.</summary>
    public static bool IsText(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
