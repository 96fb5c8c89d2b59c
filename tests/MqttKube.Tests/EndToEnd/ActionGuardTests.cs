using MqttKube.Tests.Support.Mosquitto;

namespace MqttKube.Tests.EndToEnd;

/// <summary>Payloads must not reach beyond their mapping (SPEC 3.4, 3.5): no foreign deletes, no new structure.</summary>
public sealed class ActionGuardTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>
{
    private const string Template = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: ${match.json.name}
        spec:
          parallelism: ${match.json.get('n', 1)}
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: c
                  image: busybox
        """;

    private const string Bindings = """
          - namespace: default
            resource: Job
            name: example
            action:
              topic: jobs/cmd
              launch: !relpath job.yaml
              on-exists: replace
              values:
                jsonpath: "$.action"
                map: {"RUN": launch, "STOP": delete}
        """;

    private static string Job(string name, string labels = "{}") =>
        "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"labels\":" + labels + "},\"spec\":{\"template\":{}}}";

    [Fact]
    public async Task Replace_and_delete_never_touch_an_object_the_action_did_not_launch()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings, k =>
        {
            k.Upsert(Job("victim", """{"app":"other"}"""));
            k.Upsert(Job("example"));
        }, files: new() { ["job.yaml"] = Template });
        var victim = Uid(service, "victim");

        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": "victim"}""");
        await Eventually.WaitAsync(() => service.Log.Contains("Job default/victim exists but was not launched by this action", StringComparison.Ordinal), "the refusal is logged");
        Assert.Contains("WARNING [action] Job default/victim exists", service.Log, StringComparison.Ordinal);
        Assert.Equal(victim, Uid(service, "victim"));
        Assert.DoesNotContain(service.Kube.Requests, r => r.Method == "DELETE");

        // What the action launched is replaced; so is the binding's own object.
        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": "mine"}""");
        await Eventually.WaitAsync(() => Uid(service, "mine") is not null, "mine is launched");
        var mine = Uid(service, "mine");
        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": "mine"}""");
        await Eventually.WaitAsync(() => Uid(service, "mine") is { } uid && uid != mine, "mine is replaced");
        var example = Uid(service, "example");
        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": "example"}""");
        await Eventually.WaitAsync(() => Uid(service, "example") is { } uid && uid != example, "the binding's object is replaced");

        await service.PublishAsync("jobs/cmd", """{"action": "STOP", "name": "victim"}""");
        await Eventually.WaitAsync(() => Uid(service, "mine") is null && Uid(service, "example") is null, "delete removes what is ours");
        Assert.Equal(victim, Uid(service, "victim"));
        Assert.DoesNotContain(service.Kube.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/victim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_structured_or_mistyped_payload_value_is_refused_with_a_clear_warning()
    {
        await using var service = await ServiceUnderTest.StartAsync(broker, Bindings, files: new() { ["job.yaml"] = Template });

        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": "a", "n": {"injected": {"key": 1}}}""");
        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": ["a", "b"]}""");
        await service.PublishAsync("jobs/cmd", """{"action": "RUN", "name": 5}""");
        await Eventually.WaitAsync(() => service.Log.Contains("got the number 5", StringComparison.Ordinal), "the last refusal is logged");

        var log = service.Log;
        Assert.Contains("job.yaml:6:16: ${match.json.get('n', 1)} is a dict: a template value takes only a string, number, boolean or null, never a mapping or list; the launch is refused", log, StringComparison.Ordinal);
        Assert.Contains("job.yaml:4:9: ${match.json.name} is a list", log, StringComparison.Ordinal);
        Assert.Contains("job.yaml:4:9: metadata.name must be a string, got the number 5; the launch is refused", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", log, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be converted", log, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Kube.Requests, r => r.Method == "POST");
    }

    private static string? Uid(ServiceUnderTest service, string name) =>
        (string?)service.Kube.Get("batch/v1", "Job", "default", name)?["metadata"]?["uid"];
}
