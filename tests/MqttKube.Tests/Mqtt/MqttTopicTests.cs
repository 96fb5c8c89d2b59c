using System.Runtime.CompilerServices;
using MqttKube.Mqtt;

namespace MqttKube.Tests.Mqtt;

/// <summary>Topic filters, names, prefix joining: every case is a line of <c>Cases/topics.cases</c>.</summary>
public sealed class MqttTopicTests
{
    public static TheoryData<string, string, string[], string> Cases()
    {
        var path = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Cases", "topics.cases");
        var data = new TheoryData<string, string, string[], string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add($"topics.cases:{lineNumber}", fields[0], fields[1..^1], fields[^1]);
        }

        return data;
    }

    [Fact]
    public void CaseFileHasEveryOperation()
    {
        var operations = Cases().Select(c => (string)c[1]).Distinct().Order();
        Assert.Equal(["bind", "expand", "filter", "join", "match", "relative", "subscribe", "topic"], operations);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string operation, string[] arguments, string expected)
    {
        var args = arguments.Select(Decode).ToArray();
        var actual = operation switch
        {
            "match" => Bool(MqttTopic.Matches(args[0]!, args[1]!)),
            "filter" => Bool(MqttTopic.IsValidFilter(args[0]!)),
            "topic" => Bool(MqttTopic.IsValidTopicName(args[0]!)),
            "join" => Encode(MqttTopic.Join(args[0], args[1]!)),
            "relative" => MqttTopic.TryRelativize(args[0], args[1]!, out var relative) ? Encode(relative) : "<outside>",
            "expand" => MqttTopic.Expand(args[0]!, args[1], args[2]!),
            "subscribe" => MqttTopic.SubscriptionFilter(args[0]!),
            "bind" => MqttTopic.TryBind(args[0]!, args[1]!, out var ns, out var name) ? $"{ns ?? "-"}/{name ?? "-"}" : "<no>",
            _ => throw new InvalidDataException($"{location}: unknown operation '{operation}'"),
        };
        Assert.True(expected == actual, $"{location}: {operation} {string.Join(' ', arguments)} gave {actual}, expected {expected}");
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Decode(string field) => field switch
    {
        "<none>" => null,
        "<empty>" => string.Empty,
        _ => field,
    };

    private static string Encode(string value) => value.Length == 0 ? "<empty>" : value;

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
