using System.Text.Json.Nodes;
using MqttKube.Templates;
using MqttKube.ValueMapping;

namespace MqttKube.Tests.ValueMapping;

/// <summary>Value-map outputs see the bound object as <c>object</c> (SPEC 12).</summary>
public sealed class MapOutputObjectTests
{
    [Fact]
    public void An_output_reads_the_bound_objects_name_namespace_and_labels()
    {
        var live = JsonNode.Parse("""{"metadata":{"name":"jellyfin","namespace":"media","labels":{"tier":"web"}}}""")!.AsObject();
        var context = MapResult.Match(null, MapValue.Payload("3"), MapValue.Payload("3"), null, false, null, TemplateContext.ObjectOf(live, "media", "jellyfin"));
        Assert.True(MapOutput.Format("{object[namespace]}/{object[name]} ({object[labels][tier]}): {value}").TryRender(context, out var output, out var error), error);
        Assert.Equal("media/jellyfin (web): 3", (string?)output);
    }

    [Fact]
    public void Before_the_object_is_seen_object_has_the_name_and_namespace_it_is_bound_by()
    {
        var context = MapResult.Match(null, MapValue.Payload("x"), MapValue.Payload("x"), null, false, null, TemplateContext.ObjectOf(null, "media", "sonarr"));
        Assert.True(MapOutput.Format("{object[name]}").TryRender(context, out var output, out var error), error);
        Assert.Equal("sonarr", (string?)output);
    }
}
