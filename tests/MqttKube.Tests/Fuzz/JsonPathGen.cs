using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using MqttKube.Tests.JsonPath;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// JSONPath queries: RFC 9535 queries built from segments (names quoted every way, wildcards, indexes and slices up
/// to ±(2⁵³−1), descendants, unions, blank space where the RFC allows it) that <see cref="JsonPathModel"/> can
/// answer; filters with every function, nested; the compliance suite's selectors, mutated; and random text.
/// </summary>
internal static class JsonPathGen
{
    public const long MaxInt = (1L << 53) - 1;

    private static readonly string[] Filters =
    [
        "?@.a", "?@.a == 1", "?@.b < 'x'", "?length(@) > 1", "?count(@.*) == 2", "?match(@.a, 'a.*')", "?search(@, '[')",
        "?value(@..a) == 1", "?!@.a", "?(@.a || @.b) && @.c", "?@[?@.a]", "?$.x == @.y", "?@ == @", "?@.a == {}", "?@ < true",
        "?search(@.name, '(a|b)*c')", "?match(@, '.*.*.*.*.*x')", "?length(@.*) == 1", "?count($..*) > 1", "?@..a", "?@.status == 'True'",
        "?(@.type=='Ready')", "?@ != null", "?@ > 1.5e300", "?length('é😀') == 2", "?@[-1] == @[0]", "?@.a.b.c.d.e",
    ];

    /// <summary>A selector: its text, and the model's form when the model can answer it.</summary>
    public sealed record Selector(string Text, Func<JsonNode?, IEnumerable<(JsonNode? Node, string Step)>>? Model);

    public sealed record Segment(bool Descendant, Selector[] Selectors);

    /// <summary>A query's text; <see cref="Segments"/> when every selector has a model.</summary>
    public sealed record Query(string Text, Segment[]? Segments)
    {
        public override string ToString() => Text;
    }

    public static Gen<Query> Queries => Gen.Frequency(
        (8, Built),
        (2, Gen.Int[0, int.MaxValue].Select(i => new Query(Cts.Value[i % Cts.Value.Length], null))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.String[Gen.Char["$.[]*?@()'\",:-0123456789ab =!<>&|\\"], 1, 3], Gen.Int[0, 3], (i, junk, how) =>
        {
            var text = Cts.Value[i % Cts.Value.Length];
            var at = text.Length == 0 ? 0 : (i / 7) % text.Length;
            return new Query(how switch
            {
                0 => text.Insert(at, junk),
                1 => text.Remove(at, Math.Min(junk.Length, text.Length - at)),
                2 => text + text[at..],
                _ => text[..at] + junk + text[at..] + junk,
            }, null);
        })),
        (1, Gen.String[Gen.Char["$.[]*?@()'\",:-0123456789ab =!<>&|\\"], 0, 30].Select(t => new Query(t, null))));

    private static readonly Lazy<string[]> Cts = new(() =>
        [.. ComplianceSuite.Cases.Values.Select(c => c["selector"]!.GetValue<string>())]);

    private static Gen<Query> Built => Gen.Select(Segments.Array[0, 5], Gen.OneOf("", " ", "\n", "\t "), (segments, space) =>
    {
        var text = new StringBuilder("$");
        foreach (var segment in segments)
        {
            text.Append(space).Append(Render(segment, space));
        }

        return new Query(text.ToString(), segments.All(s => s.Selectors.All(x => x.Model is not null)) ? segments : null);
    });

    private static Gen<Segment> Segments => Gen.Select(Gen.Int[0, 3], Selectors.Array[1, 3], (kind, selectors) => new Segment(kind == 0, selectors));

    private static Gen<Selector> Selectors => Gen.Frequency(
        (5, JsonGen.Key.Select(Name)),
        (2, Gen.Const(new Selector("*", Wildcard))),
        (3, Int.Select(i => new Selector(i.ToString(CultureInfo.InvariantCulture), node => Index(node, i)))),
        (2, Gen.Select(Bound, Bound, Bound, (start, end, step) => new Selector(
            $"{Show(start)}:{Show(end)}{(step is null ? "" : ":" + Show(step))}", node => JsonPathModel.Slice(node, start, end, step)))),
        (1, Gen.OneOf(Filters).Select(f => new Selector(f, null))));

    private static Gen<long> Int => Gen.Frequency((8, Gen.Long[-6, 6]), (1, Gen.Long[-MaxInt, MaxInt]), (1, Gen.OneOf(MaxInt, -MaxInt)));

    private static Gen<long?> Bound => Gen.Frequency((1, Gen.Const(() => (long?)null)), (3, Int.Select(i => (long?)i)));

    private static string Show(long? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Render(Segment segment, string space)
    {
        var prefix = segment.Descendant ? ".." : "";
        if (segment.Selectors is [{ Text: "*" }])
        {
            return prefix + (segment.Descendant ? "*" : ".*");
        }

        if (segment.Selectors is [{ } only] && only.Text.StartsWith('\'') && Shorthand(only.Text) is { } name)
        {
            return prefix + (segment.Descendant ? "" : ".") + name;
        }

        return prefix + "[" + space + string.Join(space + "," + space, segment.Selectors.Select(s => s.Text)) + space + "]";
    }

    /// <summary>The member-name shorthand for a quoted name, when RFC 9535 allows it.</summary>
    private static string? Shorthand(string quoted)
    {
        var name = quoted[1..^1];
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_' || name[0] > 0x7f)
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c > 0x7f) ? name : null;
    }

    private static Selector Name(string name)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in name)
        {
            quoted.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return new Selector(quoted.Append('\'').ToString(), node =>
            node is JsonObject o && o.TryGetPropertyValue(name, out var v) ? [(v, JsonPathModel.NameStep(name))] : []);
    }

    private static IEnumerable<(JsonNode?, string)> Wildcard(JsonNode? node) => node switch
    {
        JsonArray a => a.Select((v, i) => (v, $"[{i}]")),
        JsonObject o => o.Select(p => (p.Value, JsonPathModel.NameStep(p.Key))),
        _ => [],
    };

    private static IEnumerable<(JsonNode?, string)> Index(JsonNode? node, long i)
    {
        if (node is JsonArray a && (i < 0 ? i + a.Count : i) is var at && at >= 0 && at < a.Count)
        {
            yield return (a[(int)at], $"[{at}]");
        }
    }
}
