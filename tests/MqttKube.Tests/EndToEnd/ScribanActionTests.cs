using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>A launch template in Scriban's syntax run by the service, seeing the bound object as its watch saw it.</summary>
public sealed class ScribanActionTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Template = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: "{{ object.name }}-{{ match.json.suffix | string.downcase }}"
          labels:
            team: "{{ object.labels.team }}"
        data:
          doubled: "n={{ match.json.n * 2 }}"
          both: "${object['labels']['team']}-{{ object.annotations.note }}"
        """;

    private const string Bindings = """
          - namespace: default
            resource: ConfigMap
            name: settings
            watch: {locus: $.data.mode, topic: settings/mode}
            action:
              topic: settings/copy
              launch: !relpath copy.yaml
              values: {jsonpath: $.action, map: {COPY: launch}}
        """;

    [Fact]
    public async Task A_scriban_template_sees_the_watched_object_as_object()
    {
        await using var service = await ServiceUnderTest.StartAsync(
            broker,
            Bindings,
            seed: k => k.Upsert("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "default", "labels": {"team": "blue"}, "annotations": {"note": "hi"}}, "data": {"mode": "x"}}"""),
            files: new() { ["copy.yaml"] = Template });

        await service.PublishAsync("settings/copy", """{"action": "COPY", "suffix": "NOW", "n": 3}""");
        await Eventually.WaitAsync(() => Copy(service) is not null, () => "the copy is launched\n" + service.Log);

        var copy = Copy(service)!;
        Assert.Equal("blue", (string?)copy["metadata"]!["labels"]!["team"]);
        Assert.Equal("n=6", (string?)copy["data"]!["doubled"]);
        Assert.Equal("blue-hi", (string?)copy["data"]!["both"]);
    }

    private static JsonObject? Copy(ServiceUnderTest service) => service.Kube.Get("v1", "ConfigMap", "default", "settings-now");
}
