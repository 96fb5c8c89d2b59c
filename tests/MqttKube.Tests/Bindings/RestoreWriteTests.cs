using System.Text.Json.Nodes;
using MqttKube.Bindings.Plan;
using MqttKube.FakeKube;
using MqttKube.JsonPath;

namespace MqttKube.Tests.Bindings;

/// <summary><c>restore: true</c> (SPEC 14): the JSON Patch a write plans, applied as the API server applies it.</summary>
public sealed class RestoreWriteTests
{
    private const string Annotation = "mqtt-kube/restore.replicas";

    private static readonly Locus Replicas = Locus.TryParse("$.spec.replicas", out var l, out _) ? l : throw new InvalidOperationException();

    private static JsonObject Deployment(int replicas, string? recorded = null)
    {
        var obj = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "jellyfin", ["resourceVersion"] = "7" },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
        };
        if (recorded is not null)
        {
            obj["metadata"]!["annotations"] = new JsonObject { [Annotation] = recorded, ["other"] = "kept" };
        }

        return obj;
    }

    /// <summary>Plans the write and applies it; the object afterwards.</summary>
    private static JsonObject Write(JsonObject current, int value, out PatchPlan plan)
    {
        plan = RestoreWrite.Plan(Replicas, Annotation, current, JsonValue.Create(value));
        Assert.Null(plan.Problem);
        var after = plan.Operations.Count == 0 ? current.DeepClone() : JsonPatch.Apply(current.DeepClone(), new JsonArray([.. plan.Operations.Select(o => o.DeepClone())]));
        return after.AsObject();
    }

    private static long? N(JsonNode? node) => node is null ? null : long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Recorded(JsonObject obj) => (string?)obj["metadata"]?["annotations"]?[Annotation];

    [Fact]
    public void Off_then_on_brings_back_three_replicas_not_one()
    {
        var off = Write(Deployment(3), 0, out var offPlan);
        Assert.Equal(0, N(off["spec"]!["replicas"]));
        Assert.Equal("3", Recorded(off));
        Assert.Equal(
            """[{"op":"replace","path":"/spec/replicas","value":0},{"op":"add","path":"/metadata/annotations","value":{"mqtt-kube/restore.replicas":"3"}}]""",
            new JsonArray([.. offPlan.Operations.Select(o => o.DeepClone())]).ToJsonString());

        var on = Write(off, 1, out var onPlan);
        Assert.Equal(3, N(on["spec"]!["replicas"]));
        Assert.Null(on["metadata"]!["annotations"]![Annotation]);
        Assert.Contains(onPlan.Operations, o => (string?)o["op"] == "remove" && (string?)o["path"] == "/metadata/annotations/mqtt-kube~1restore.replicas");

        // The write held: the check (the plain write of the restored 3) finds nothing more to do.
        Assert.Empty(onPlan.Check!(on).Operations);
        Assert.Empty(offPlan.Check!(off).Operations);
    }

    [Fact]
    public void Other_annotations_are_kept_and_a_recorded_value_is_replaced()
    {
        var current = Deployment(2, recorded: "5");
        var off = Write(current, 0, out _);
        Assert.Equal("2", Recorded(off));
        Assert.Equal("kept", (string?)off["metadata"]!["annotations"]!["other"]);
    }

    [Fact]
    public void Off_when_already_off_changes_nothing_and_keeps_the_record()
    {
        var current = Deployment(0, recorded: "4");
        Write(current, 0, out var plan);
        Assert.Empty(plan.Operations);
        Assert.Equal(4, N(Write(current, 1, out _)["spec"]!["replicas"]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("three")]
    [InlineData("1.5")]
    public void A_record_that_is_not_a_positive_integer_is_ignored_and_the_value_is_written(string recorded)
    {
        var on = Write(Deployment(0, recorded), 1, out _);
        Assert.Equal(1, N(on["spec"]!["replicas"]));
        Assert.Equal(recorded, Recorded(on));
    }

    [Fact]
    public void Without_a_record_a_positive_write_is_an_ordinary_write()
    {
        var on = Write(Deployment(0), 2, out var plan);
        Assert.Equal(2, N(on["spec"]!["replicas"]));
        Assert.Single(plan.Operations);
    }

    [Fact]
    public void The_annotation_is_named_after_the_last_member_of_the_locus()
    {
        Assert.Equal("mqtt-kube/restore.replicas", RestoreWrite.Annotation(Replicas));
        Assert.True(Locus.TryParse("$.spec.containers[0]", out var indexed, out _));
        Assert.Null(RestoreWrite.Annotation(indexed));
    }
}
