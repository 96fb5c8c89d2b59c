using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    /// <summary>
    /// <c>/api</c> or <c>/apis</c> as an <c>APIGroupDiscoveryList</c> (apidiscovery.k8s.io v2, or v2beta1, whichever
    /// the Accept header names first), when <see cref="FakeKubeOptions.AggregatedDiscovery"/> is on and it is asked for.
    /// </summary>
    private JsonObject? AggregatedDiscovery(string[] s, string accept)
    {
        if (!Options.AggregatedDiscovery || s is not (["api"] or ["apis"]))
        {
            return null;
        }

        var version = accept.Split(',').Select(a => a.Replace(" ", "", StringComparison.Ordinal))
            .Where(a => a.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal) && a.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal))
            .Select(a => a.Contains("v=v2beta1", StringComparison.Ordinal) ? "v2beta1" : a.Contains("v=v2;", StringComparison.Ordinal) || a.EndsWith("v=v2", StringComparison.Ordinal) ? "v2" : null)
            .FirstOrDefault(v => v != null);
        if (version == null)
        {
            return null;
        }

        var groups = s is ["api"] ? [("", (IReadOnlyList<string>)["v1"])] : Catalog.Groups().Where(g => g.Group.Length > 0);
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray([.. groups.Select(g => (JsonNode)AggregatedGroup(g.Group, g.Versions))]),
        };
    }

    private JsonObject AggregatedGroup(string group, IReadOnlyList<string> versions) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = group },
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
        {
            ["version"] = v,
            ["resources"] = new JsonArray([.. Catalog.All.Where(r => r.Group == group && r.Version == v).Select(r => (JsonNode)AggregatedResource(r))]),
            ["freshness"] = "Current",
        })]),
    };

    private static JsonObject AggregatedResource(FakeResource r)
    {
        var entry = new JsonObject
        {
            ["resource"] = r.Plural,
            ["responseKind"] = new JsonObject { ["group"] = r.Group, ["version"] = r.Version, ["kind"] = r.Kind },
            ["scope"] = r.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = r.Singular,
            ["verbs"] = new JsonArray([.. FakeResource.Verbs.Select(v => (JsonNode)v)]),
        };
        if (r.ShortNames.Count > 0)
        {
            entry["shortNames"] = new JsonArray([.. r.ShortNames.Select(v => (JsonNode)v)]);
        }

        if (r.HasStatus)
        {
            entry["subresources"] = new JsonArray(new JsonObject
            {
                ["subresource"] = "status",
                ["responseKind"] = new JsonObject { ["group"] = r.Group, ["version"] = r.Version, ["kind"] = r.Kind },
                ["verbs"] = new JsonArray("get", "patch", "update"),
            });
        }

        return entry;
    }
}
