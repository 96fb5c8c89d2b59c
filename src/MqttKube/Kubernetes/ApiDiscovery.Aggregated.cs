using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

internal sealed partial class ApiDiscovery
{
    /// <summary>
    /// Aggregated discovery (apidiscovery.k8s.io v2, GA in Kubernetes 1.30; v2beta1 from 1.27), else the plain lists:
    /// a server without it answers the last choice.
    /// </summary>
    internal const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    private static bool IsAggregated(JsonNode answer) => (string?)answer["kind"] == "APIGroupDiscoveryList";

    /// <summary>Every group's resources from one aggregated answer: groups in the server's order, each group's versions preferred first.</summary>
    private static IEnumerable<ResourceType> ReadAggregated(JsonNode list)
    {
        foreach (var item in list["items"] as JsonArray ?? [])
        {
            var group = (string?)item?["metadata"]?["name"] ?? "";
            foreach (var version in item?["versions"] as JsonArray ?? [])
            {
                var name = (string?)version?["version"] ?? "";
                foreach (var r in version?["resources"] as JsonArray ?? [])
                {
                    var plural = (string?)r?["resource"] ?? "";
                    var kind = (string?)r?["responseKind"]?["kind"] ?? "";
                    if (name.Length > 0 && plural.Length > 0 && kind.Length > 0)
                    {
                        yield return new ResourceType(group, name, kind, plural, (string?)r!["scope"] == "Namespaced", Strings(r["verbs"]), Strings(r["shortNames"]));
                    }
                }
            }
        }
    }
}
