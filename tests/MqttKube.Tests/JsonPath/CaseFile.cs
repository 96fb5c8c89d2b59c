using System.Text.Json.Nodes;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.JsonPath;

/// <summary>Reads a case file of <c>Cases/</c>: <c>{"tests": [{"name": …}, …]}</c>, keyed by name.</summary>
internal static class CaseFile
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, JsonObject>> Loaded = [];

    public static IReadOnlyDictionary<string, JsonObject> Load(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var cases))
            {
                var path = Path.Combine(RepoPaths.TestSource(Path.Combine("JsonPath", "Cases")), file);
                var doc = JsonNode.Parse(File.ReadAllText(path))!;
                cases = doc["tests"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!.AsObject());
                Loaded[file] = cases;
            }

            return cases;
        }
    }

    public static TheoryData<string> Names(string file) => [.. Load(file).Keys];
}
