using System.Text.Json.Nodes;
using MqttKube.JsonPath;

namespace MqttKube.Tests.JsonPath;

/// <summary>The cases of <c>Cases/locus-writes.json</c>: parsing, reading and planning writes at a locus.</summary>
public sealed class LocusTests
{
    private const string File = "locus-writes.json";

    public static TheoryData<string> Cases() => CaseFile.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Locus_case(string name)
    {
        var test = CaseFile.Load(File)[name];
        var text = test["locus"]!.GetValue<string>();
        var parsed = Locus.TryParse(text, out var locus, out var error);
        if (test["invalid_locus"] is not null)
        {
            Assert.False(parsed, $"'{text}' must be rejected as a locus");
            Assert.Equal(test["error_column"]!.GetValue<int>(), error!.Column);
            return;
        }

        Assert.True(parsed, $"'{text}' must parse, but: {error}");
        var document = test["document"];
        var read = locus!.Read(document);
        if (test.TryGetPropertyValue("read", out var expected))
        {
            Assert.True(read.Found, "the locus must be found");
            Assert.True(JsonNode.DeepEquals(expected, read.Value), $"read {read.Value?.ToJsonString() ?? "null"}");
        }
        else if (test["read_found"] is not null)
        {
            Assert.False(read.Found, $"nothing must be found, but read {read.Value?.ToJsonString() ?? "null"}");
        }

        if (!test.TryGetPropertyValue("value", out var value))
        {
            return;
        }

        var before = document?.ToJsonString();
        var planned = locus.PlanWrite(document, value, out var ops, out var planError);
        Assert.Equal(before, document?.ToJsonString()); // planning never changes the document
        if (test["error"] is { } message)
        {
            Assert.False(planned, "the write must be refused");
            Assert.Contains(message.GetValue<string>(), planError);
            Assert.Contains($"'{text}'", planError);
            return;
        }

        Assert.True(planned, planError);
        var patch = new JsonArray([.. ops.Select(o => o.ToJsonNode())]);
        Assert.True(JsonNode.DeepEquals(test["ops"], patch), $"planned {patch.ToJsonString()}");

        // Applying the plan writes the value (null may stay absent), and then there is nothing left to do.
        var after = document is null ? null : MqttKube.FakeKube.JsonPatch.Apply(document, new JsonArray([.. ops.Select(o => o.ToJsonNode())]));
        var reread = locus.Read(after);
        Assert.True(reread.Found || value is null, "the value must be there (or null absent)");
        Assert.True(JsonValueComparer.DeepEquals(value, reread.Value), $"after the patch: {after?.ToJsonString()}");
        Assert.True(locus.PlanWrite(after, value, out var again, out _));
        Assert.Empty(again);
    }
}
