using System.Text.Json.Nodes;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.JsonPath;

/// <summary>Loads the RFC 9535 compliance test suite from <c>../shared/conformance/jsonpath/cts.json</c>.</summary>
internal static class ComplianceSuite
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LazyCases = new(Load);

    public static IReadOnlyDictionary<string, JsonObject> Cases => LazyCases.Value;

    private static Dictionary<string, JsonObject> Load()
    {
        var path = Path.Combine(RepoPaths.Shared, "conformance", "jsonpath", "cts.json");
        var suite = JsonNode.Parse(File.ReadAllText(path))!;
        var cases = new Dictionary<string, JsonObject>();
        var i = 0;
        foreach (var test in suite["tests"]!.AsArray())
        {
            cases.Add($"{i++:D3} {test!["name"]!.GetValue<string>()}", test.AsObject());
        }

        return cases;
    }
}
