using System.Text;
using MqttKube.Bindings.Ports;
using YamlDotNet.RepresentationModel;

namespace MqttKube.Tests.Bindings.Scenarios;

internal sealed partial class ScenarioRunner
{
    private async Task StepAsync(YamlNode step, int number)
    {
        var (verb, arg) = step switch
        {
            YamlScalarNode scalar => (YamlJson.Text(scalar), (YamlNode?)null),
            YamlMappingNode { Children.Count: 1 } mapping => (YamlJson.Text(mapping.Children.Keys.First()), mapping.Children.Values.First()),
            _ => throw new ScenarioFormatException(step, "a step is a word (connect) or a mapping with one key (message: {...})"),
        };
        stepName = $"step {number} '{verb}' ({YamlJson.At(step)})";
        YamlNode Arg() => arg ?? throw new ScenarioFormatException(step, $"'{verb}' needs a value");
        switch (verb)
        {
            case "expect":
                Compare(arg as YamlMappingNode ?? new YamlMappingNode(), step);
                return;
            case "message":
                Message(Arg());
                break;
            case "connect":
                mqtt.Connect();
                break;
            case "disconnect":
                mqtt.Disconnect();
                break;
            case "hold-publishes":
                mqtt.Holding = true;
                break;
            case "release-publishes":
                mqtt.Release();
                break;
            case "add":
                kube.AddObject(YamlJson.ToObject(Arg()));
                break;
            case "modify":
                kube.ModifyObject(YamlJson.ToObject(Arg()));
                break;
            case "delete":
                kube.DeleteObject(YamlJson.ToObject(Arg()));
                break;
            case "hold-watches":
                kube.HoldEvents();
                break;
            case "release-watches":
                kube.ReleaseEvents();
                break;
            case "list":
                kube.DeliverLists();
                break;
            case "serve":
                kube.Serve(Kind(Arg()));
                break;
            case "answer":
                Answer(Arg());
                break;
            case "advance":
                await AdvanceAsync(YamlJson.Duration(Arg()));
                return;
            case "remove":
                var index = YamlJson.Int(Arg());
                var binding = runtime.Bindings.FirstOrDefault(b => b.Plan.Index == index) ?? throw new ScenarioFormatException(step, $"no binding {index} is running");
                await runtime.RemoveAsync(binding, release: true, CancellationToken.None);
                break;
            case "reload":
                await ReloadAsync(Arg());
                break;
            case "stop":
                await runtime.StopAsync(CancellationToken.None);
                break;
            default:
                throw new ScenarioFormatException(step, $"unknown step '{verb}' (expect, message, connect, disconnect, hold-publishes, release-publishes, add, modify, delete, hold-watches, release-watches, list, serve, answer, advance, remove, reload, stop)");
        }

        await SettleAsync();
    }

    private void Message(YamlNode node)
    {
        var message = (YamlMappingNode)node;
        string? Get(string key) => message.Children.TryGetValue(new YamlScalarNode(key), out var v) ? YamlJson.Text(v) : null;
        var topic = Get("topic") ?? throw new ScenarioFormatException(node, "a message needs 'topic'");
        var payload = Get("payload") ?? throw new ScenarioFormatException(node, "a message needs 'payload'");
        mqtt.Deliver(new InboundMessage(topic, Encoding.UTF8.GetBytes(payload), 1, Get("retain") == "true"));
    }

    /// <summary><c>answer: {verb: patch, with: conflict, times: 2, reason: "..."}</c>: what the next requests of a verb get.</summary>
    private void Answer(YamlNode node)
    {
        var answer = YamlJson.ToObject(node);
        var verb = (string?)answer["verb"] ?? throw new ScenarioFormatException(node, "an answer needs 'verb' (resolve, get, list, create, patch, delete)");
        var with = answer["with"]?.ToString() ?? throw new ScenarioFormatException(node, "an answer needs 'with' (conflict, not-found, invalid, already-exists, forbidden or an HTTP status)");
        var times = answer["times"]?.ToString() switch
        {
            null => 1,
            "always" => -1,
            var n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture),
        };
        kube.Script(verb, with, (string?)answer["reason"], times);
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, stopping at every timer due on the way and letting the work it starts finish.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        var target = clock.Elapsed + by;
        while (clock.NextDue(target) is { } due)
        {
            clock.AdvanceTo(due);
            await SettleAsync();
        }

        clock.AdvanceTo(target);
        await SettleAsync();
    }
}
