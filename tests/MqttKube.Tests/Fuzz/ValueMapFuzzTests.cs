using CsCheck;
using MqttKube.Configuration;
using MqttKube.Configuration.Yaml;
using MqttKube.ValueMapping;
using Xunit.Abstractions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Value maps under random blocks and payloads (issue 9, section 6): compiling reports problems, never throws;
/// mapping gives a match or a miss, never an exception, within one evaluation's 64 MB, the same answer twice; the
/// <c>eval</c> line of the result can be written; and a literal key equal to the payload matches.
/// </summary>
public sealed class ValueMapFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void A_value_map_matches_or_misses_any_payload_within_its_budget() =>
        Fuzz.Check(output, "value maps", Gen.Select(ValueMapGen.Block, ValueMapGen.Payload, JsonGen.Document, Gen.Bool), 1500, c =>
        {
            var (block, payload, document, outbound) = c;
            if (Compile(block) is not { } map)
            {
                Fuzz.Outcome("refused by check");
                return;
            }

            var input = outbound ? MapValue.Json(document) : MapValue.Payload(payload);
            var first = Fuzz.Bounded(() => map.Map(input));
            Fuzz.Outcome(first.Matched ? "matched" : first.MissReason is null ? "no entry matched" : "missed with a reason");
            var second = map.Map(input);
            if (!TimedOut(first) && !TimedOut(second))
            {
                Assert.Equal(Describe(first), Describe(second));
            }

            Fuzz.Bounded(() => MqttKube.Cli.EvalCommand.Line(outbound ? "doc" : payload, first, outbound));
        }, c => $"values: {c.Item1}\n  {(c.Item4 ? "document: " + Fuzz.Shorten(JsonGen.Text(c.Item3)) : "payload: " + Fuzz.Shorten(ValueMapGen.Quote(c.Item2)))}");

    [Fact]
    public void A_literal_key_equal_to_the_payload_matches_it() =>
        Fuzz.Check(output, "value map literals", Gen.Select(ValueMapGen.Payload.Where(IsLiteralText), ValueMapGen.Key.Array[0, 3], ValueMapGen.Output), 1000, c =>
        {
            var (payload, others, other) = c;
            var block = "{map: {" + string.Join(", ", [ValueMapGen.Quote(payload) + ": hit", .. others.Select(k => k + ": " + other)]) + "}}";
            if (Compile(block) is not { } map)
            {
                // The other keys may be invalid or repeat the payload's: the payload's key alone must compile.
                Fuzz.Outcome("other keys refused");
                map = Compile("{map: {" + ValueMapGen.Quote(payload) + ": hit}}");
                Assert.NotNull(map);
            }

            var result = Fuzz.Bounded(() => map.Map(MapValue.Payload(payload)));
            Assert.True(result.Matched, $"no match: {result.MissReason}");
            Assert.Equal("hit", result.Output!.GetValue<string>());
        }, c => $"payload {Fuzz.Shorten(ValueMapGen.Quote(c.Item1))}, other keys {string.Join(", ", c.Item2)}");

    /// <summary>The block compiled, or null when <c>check</c> would refuse it (nothing thrown either way).</summary>
    private static ValueMap? Compile(string block)
    {
        var diagnostics = new DiagnosticBag();
        var map = Fuzz.Bounded(() =>
        {
            var node = YamlReader.Read(block, "values.yaml", diagnostics);
            var context = new ConfigBindContext("values.yaml", diagnostics);
            return node is null ? null : ValueMapCompiler.Compile(ValuesConfig.Bind(node, context, "values"), context, "values");
        });
        Assert.All(diagnostics.Items, d => Assert.True(d.Position.Line >= 1 && d.Position.Column >= 1, d.ToString()));
        return diagnostics.Items.Count == 0 ? map : null;
    }

    /// <summary>A payload a quoted YAML key holds as it is, and that no other matcher kind claims.</summary>
    private static bool IsLiteralText(string payload) =>
        JsonGen.IsText(payload) && payload.Length < 10_000 && !payload.StartsWith(ValueMapCompiler.RegexPrefix, StringComparison.Ordinal)
        && !ValueMapCompiler.IsLambda(payload) && !payload.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\u0085' or '\ufeff' || c is >= '\u007f' and <= '\u009f');

    /// <summary>A regex that ran into its time limit spends the budget: the one answer that depends on the clock.</summary>
    private static bool TimedOut(MapResult result) =>
        result.MissReason is { } reason && (reason.Contains("work budget is spent", StringComparison.Ordinal) || reason.Contains("timed out", StringComparison.Ordinal));

    private static string Describe(MapResult result) =>
        result.Matched ? "match " + JsonGen.Text(result.Output) : "miss " + result.MissReason;
}
