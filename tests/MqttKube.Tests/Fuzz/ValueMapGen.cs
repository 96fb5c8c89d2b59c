using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// <c>values:</c> blocks (YAML flow text) with random transforms, JSONPaths, map keys (literals of every type,
/// <c>re:</c> patterns including catastrophic ones, lambdas) and outputs (format strings with any spec, huge widths
/// and precisions included; constants; mappings and lists), and payloads to map through them.
/// </summary>
internal static class ValueMapGen
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Patterns =
    [
        "(?P<n>[0-9]+)%", "(?P<first>.*) (?P<last>.*)", "(a|b)*c", "(a*)*b", "(a|aa)*$", ".*", "[", "(?P<x>", "\\d{1000000}",
        "(?i)on", "a{,5}", "(?P<n>.)(?P=n)", "^$", "(?s).+", "\\", "(?P<a>x)|(?P<b>y)", "[\\ud800-\\udfff]", "(?=a)a", "\\bword\\b",
        "((((((((((a*)*)*)*)*)*)*)*)*)*)*b", "(.*){1,32000}x", "[^\\x00-\\x7f]+", "(?x) a b # comment",
    ];

    /// <summary>The most a payload holds: the service drops larger MQTT messages (MqttOptions.MaxPayloadBytes).</summary>
    public const int MaxPayload = 256 * 1024;

    /// <summary>Payload texts: the usual, JSON documents, deep, huge (up to <see cref="MaxPayload"/>), binary-ish.</summary>
    public static Gen<string> Payload => Gen.Frequency(
        (4, Gen.OneOf("ON", "OFF", " on ", "1", "0.5", "true", "True", "", "42%", "Mr X", "-1", "abcdefg", "null", "{\"action\": \"RUN\"}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
        (3, JsonGen.Value(3).Select(JsonGen.Text)),
        (1, Gen.Int[10, MaxPayload / 2].Select(n => new string('[', n) + new string(']', n))),
        (1, Gen.Int[1, MaxPayload].Select(n => new string('a', n))),
        (1, Gen.String[Gen.Char, 0, 40]),
        (1, ExpressionGen.StrContent));

    /// <summary>A values block as YAML flow text.</summary>
    public static Gen<string> Block => Gen.Select(Transform, JsonPath, Entry.Array[0, 5], (transform, jsonPath, entries) =>
    {
        var parts = new List<string>();
        if (transform is not null)
        {
            parts.Add("transform: " + Quote(transform));
        }

        if (jsonPath is not null)
        {
            parts.Add("jsonpath: " + Quote(jsonPath));
        }

        parts.Add("map: {" + string.Join(", ", entries) + "}");
        return "{" + string.Join(", ", parts) + "}";
    });

    /// <summary>A YAML double-quoted scalar for <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    private static Gen<string?> Transform => Gen.Frequency(
        (6, Gen.Const(() => (string?)null)),
        (2, Gen.OneOf<string?>("lambda v: v.strip().upper()", "int", "float", "str", "len", "lambda v: v * 10 ** 6", "lambda v: [v] * 10 ** 6", "lambda v: {'a': v}", "lambda v: v.split(',')")),
        (1, ExpressionGen.Expr(2).Select(e => (string?)("lambda v: " + e))));

    private static Gen<string?> JsonPath => Gen.Frequency(
        (6, Gen.Const(() => (string?)null)),
        (2, Gen.OneOf<string?>("$.action", "$..*", "$.a", "$[0]", "$..a", "status.replicas", "{.a}", "$[?@.a > 1]")),
        (1, JsonPathGen.Queries.Select(q => (string?)q.Text)));

    private static Gen<string> Entry => Gen.Select(Key, Output, (key, output) => key + ": " + output);

    public static Gen<string> Key => Gen.Frequency(
        (6, Gen.OneOf("\"ON\"", "\"OFF\"", "1", "-3", "0.5", "true", "~", "null", "\"1\"", "\"\"", "\"42%\"", "\"Mr X\"")),
        (6, Gen.Select(Gen.OneOf(Patterns), p => Quote("re:" + p))),
        (1, Gen.String[Gen.Char["()[]{}*+?|.^$\\ab0-9P<>=!:"], 0, 12].Select(p => Quote("re:" + p))),
        (3, ExpressionGen.Expr(2).Select(e => Quote("lambda v: " + e))),
        (3, Gen.OneOf("\"lambda v: v >= 0\"", "\"lambda v: True\"", "\"lambda v: len(v) > 5\"", "\"lambda v: v['a'] == 1\"", "\"lambda v: int(v) > 3\"")),
        (1, Gen.OneOf("\"lambda v, w: v\"", "\"lambda: 1\"")));

    public static Gen<string> Output => Gen.Frequency(
        (3, Gen.OneOf("\"x\"", "1", "0", "true", "~", "{a: 1}", "[1, 2]", "\"{{literal}}\"", "launch", "\"\"")),
        (4, Gen.Select(Gen.OneOf("value", "input", "json", "n", "first", "json[a]", "json[0]", "value.x", "0", "", "value!r", "input!s", "missing"), ExpressionGen.FormatSpec, Gen.OneOf("", "x", "{", "}", "{value}"), (name, spec, junk) =>
            Quote("<{" + name + (spec.Length > 0 ? ":" + spec : "") + "}>" + junk))));
}
