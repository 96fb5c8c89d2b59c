using System.Text.Json.Nodes;
using MqttKube.Tests.Support.Mosquitto;
using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd.Clusters;

internal sealed partial class RealCluster
{
    private readonly Dictionary<string, RealResource> resources = new(StringComparer.Ordinal);

    /// <summary>Installs the CRD (once per control plane) and waits until it is Established and served.</summary>
    public override async Task RegisterCustomResourceAsync(CustomResourceType type)
    {
        var name = $"{type.Plural}.{type.Group}";
        var crd = new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["group"] = type.Group,
                ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
                ["names"] = new JsonObject
                {
                    ["plural"] = type.Plural,
                    ["singular"] = type.Kind.ToLowerInvariant(),
                    ["kind"] = type.Kind,
                    ["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]),
                },
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = type.Version,
                    ["served"] = true,
                    ["storage"] = true,
                    ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
                    ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
                }),
            },
        };
        var response = await Api.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd.ToJsonString());
        if (response.Code is not (201 or 409))
        {
            throw new KubeHttpException(HttpMethod.Post, "customresourcedefinitions", response);
        }

        await Eventually.WaitAsync(
            async () => (await Api.SendAsync(HttpMethod.Get, $"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{name}")).Body?["status"]?["conditions"] is JsonArray conditions
                && conditions.Any(c => (string?)c?["type"] == "Established" && (string?)c?["status"] == "True")
                && await FindAsync(type.ApiVersion, type.Kind) is not null,
            () => $"the CRD {name} established and served");
    }

    private async Task<RealResource> ResourceAsync(string apiVersion, string kind) =>
        await FindAsync(apiVersion, kind) ?? throw new InvalidOperationException($"the real API server serves no {apiVersion} {kind}");

    /// <summary>The resource of a kind, from the API server's discovery (asked again on a miss: CRDs come and go).</summary>
    private async Task<RealResource?> FindAsync(string apiVersion, string kind)
    {
        var key = $"{apiVersion}/{kind}";
        if (resources.TryGetValue(key, out var known))
        {
            return known;
        }

        var prefix = apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";
        var list = (await Api.SendAsync(HttpMethod.Get, prefix)).Body?["resources"] as JsonArray ?? [];
        var names = list.Select(r => (string?)r?["name"]).ToHashSet(StringComparer.Ordinal);
        var entry = list.FirstOrDefault(r => (string?)r?["kind"] == kind && ((string?)r?["name"])?.Contains('/', StringComparison.Ordinal) == false);
        if (entry is null)
        {
            return null;
        }

        var plural = (string)entry["name"]!;
        return resources[key] = new RealResource(prefix, plural, (bool?)entry["namespaced"] == true, names.Contains(plural + "/status"));
    }
}
