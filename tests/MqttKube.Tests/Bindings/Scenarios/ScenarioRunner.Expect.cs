using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

internal sealed partial class ScenarioRunner
{
    private static readonly HashSet<string> ExpectKeys = ["publishes", "requests", "logs", "watches", "subscriptions", "bindings", "reload"];

    /// <summary>
    /// Checks what happened since the previous expect: exactly these publishes (in order per topic) and requests (in
    /// order), these log lines among those written (substrings, in order), and when given, the open watches and the
    /// MQTT subscriptions now. Every difference is reported at once.
    /// </summary>
    private void Compare(YamlMappingNode expect, YamlNode at)
    {
        foreach (var key in expect.Children.Keys)
        {
            if (!ExpectKeys.Contains(YamlJson.Text(key)))
            {
                throw new ScenarioFormatException(key, $"unknown expectation '{key}' (one of {string.Join(", ", ExpectKeys)})");
            }
        }

        YamlSequenceNode? List(string key) => expect.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node as YamlSequenceNode ?? (node is YamlScalarNode { Value: "" or "~" or null } or YamlSequenceNode ? [] : throw new ScenarioFormatException(node, $"'{key}' is a list"))
            : null;

        var problems = new StringBuilder();
        var published = mqtt.Published.Skip(publishesSeen).ToList();
        publishesSeen = mqtt.Published.Count;
        var lines = logs.Take();

        var expectedPublishes = (List("publishes")?.Children ?? []).Select(ExpectedPublish).ToList();
        var actualPublishes = published.Select(p => new ExpectedPublishLine(p.Topic, p.Payload, p.Retain, p.Qos)).ToList();
        // MQTT keeps order per topic only (the runtime publishes topics side by side): compare in topic order.
        expectedPublishes = [.. expectedPublishes.OrderBy(p => p.Topic, StringComparer.Ordinal)];
        actualPublishes = [.. actualPublishes.OrderBy(p => p.Topic, StringComparer.Ordinal)];
        if (expectedPublishes.Count != actualPublishes.Count || expectedPublishes.Zip(actualPublishes).Any(x => !x.First.Matches(x.Second)))
        {
            Differ(problems, "publishes (sorted by topic; in order within a topic)", expectedPublishes.Select(p => p.ToString()), actualPublishes.Select(p => p.ToString()));
        }

        var expectedRequests = (List("requests")?.Children ?? []).Select(ExpectedRequest).ToList();
        var actualRequests = kube.TakeRequests();
        if (expectedRequests.Count != actualRequests.Count || expectedRequests.Zip(actualRequests).Any(x => !x.First.Matches(x.Second)))
        {
            Differ(problems, "API requests", expectedRequests.Select(r => r.ToString()), actualRequests.Select(Show));
        }

        var position = 0;
        foreach (var wanted in List("logs")?.Children ?? [])
        {
            var text = YamlJson.Text(wanted);
            var found = lines.FindIndex(position, l => l.Contains(text, StringComparison.Ordinal));
            if (found < 0)
            {
                problems.AppendLine($"no log line (after the ones matched before it) contains: {text}");
            }
            else
            {
                position = found + 1;
            }
        }

        if (List("watches") is { } watches)
        {
            Same(problems, "open watches", watches.Children.Select(YamlJson.Text), kube.OpenWatches);
        }

        if (List("subscriptions") is { } subscriptions)
        {
            Same(problems, "MQTT subscriptions", subscriptions.Children.Select(YamlJson.Text), mqtt.Filters);
        }

        if (List("bindings") is { } bindings)
        {
            var expected = bindings.Children.Select(YamlJson.Text).ToList();
            var actual = runtime.Bindings.Select(b => b.Plan.Target).ToList();
            if (!expected.SequenceEqual(actual))
            {
                Differ(problems, "running bindings (in config order)", expected, actual);
            }
        }

        if (expect.Children.TryGetValue(new YamlScalarNode("reload"), out var reload))
        {
            CompareReload(reload, problems);
        }

        if (problems.Length > 0)
        {
            Assert.Fail($"{file}, {stepName}, expect at {YamlJson.At(at)}:\n{problems}\n{LogText(lines)}");
        }
    }

    private static void Same(StringBuilder problems, string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.Order(StringComparer.Ordinal).ToList();
        var a = actual.Order(StringComparer.Ordinal).ToList();
        if (!e.SequenceEqual(a))
        {
            Differ(problems, what, e, a);
        }
    }

    private static void Differ(StringBuilder problems, string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        problems.AppendLine($"{what} differ");
        problems.AppendLine("  expected:");
        foreach (var line in expected)
        {
            problems.AppendLine("    " + line);
        }

        problems.AppendLine("  actual:");
        foreach (var line in actual)
        {
            problems.AppendLine("    " + line);
        }
    }

    /// <summary>JSON as written (no <c>\u0022</c> escapes), to read in a failure message.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Show(InMemoryKube.Request r) => $"{r.Verb} {r.Path}{(r.Body is null ? "" : " " + r.Body.ToJsonString(Readable))}";

    private static ExpectedPublishLine ExpectedPublish(YamlNode node)
    {
        var p = (YamlMappingNode)node;
        YamlNode? Get(string key) => p.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        return new ExpectedPublishLine(
            YamlJson.Text(Get("topic") ?? throw new ScenarioFormatException(node, "a publish needs 'topic'")),
            YamlJson.Text(Get("payload") ?? throw new ScenarioFormatException(node, "a publish needs 'payload' (\"\" for an empty one)")),
            Get("retain") is { } retain ? YamlJson.Bool(retain) : null,
            Get("qos") is { } qos ? YamlJson.Int(qos) : null);
    }

    private static ExpectedRequestLine ExpectedRequest(YamlNode node)
    {
        var r = (YamlMappingNode)node;
        YamlNode? Get(string key) => r.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        return new ExpectedRequestLine(
            YamlJson.Text(Get("verb") ?? throw new ScenarioFormatException(node, "a request needs 'verb'")),
            YamlJson.Text(Get("path") ?? throw new ScenarioFormatException(node, "a request needs 'path'")),
            Get("body") is { } body ? YamlJson.ToJson(body) : null,
            Get("body") is not null);
    }

    /// <summary>A publish as a case expects it; retain and QoS are compared when given.</summary>
    private sealed record ExpectedPublishLine(string Topic, string Payload, bool? Retain, int? Qos)
    {
        public bool Matches(ExpectedPublishLine actual) =>
            Topic == actual.Topic && Payload == actual.Payload && (Retain is null || Retain == actual.Retain) && (Qos is null || Qos == actual.Qos);

        public override string ToString() =>
            $"{Topic} \"{Payload}\"{(Retain is { } r ? r ? " retained" : " not retained" : "")}{(Qos is { } q ? $" qos {q}" : "")}";
    }

    /// <summary>A request as a case expects it; the body is compared (as JSON) when given.</summary>
    private sealed record ExpectedRequestLine(string Verb, string Path, JsonNode? Body, bool HasBody)
    {
        public bool Matches(InMemoryKube.Request actual) =>
            Verb == actual.Verb && Path == actual.Path && (!HasBody || JsonNode.DeepEquals(Body, actual.Body));

        public override string ToString() => $"{Verb} {Path}{(HasBody ? " " + (Body?.ToJsonString(Readable) ?? "null") : "")}";
    }
}
