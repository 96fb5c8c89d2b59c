using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    private JsonNode? Discovery(string[] s)
    {
        switch (s)
        {
            case ["api"]:
                return new JsonObject
                {
                    ["kind"] = "APIVersions",
                    ["versions"] = new JsonArray("v1"),
                    ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = BaseAddress.Authority }),
                };
            case ["api", "v1"]:
                return ResourceList("", "v1");
            case ["apis"]:
                return new JsonObject
                {
                    ["kind"] = "APIGroupList",
                    ["apiVersion"] = "v1",
                    ["groups"] = new JsonArray([.. Catalog.Groups().Select(g => (JsonNode)Group(g.Group, g.Versions))]),
                };
            case ["apis", var group]:
                var match = Catalog.Groups().FirstOrDefault(g => g.Group == group);
                return match.Group == null ? throw NotFoundPage() : Group(match.Group, match.Versions).Also(o => { o["kind"] = "APIGroup"; o["apiVersion"] = "v1"; });
            case ["apis", var group, var version]:
                return Catalog.HasGroupVersion(group, version) ? ResourceList(group, version) : throw NotFoundPage();
            case ["version"]:
                return new JsonObject { ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0-fake" };
            default:
                return null;
        }
    }

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        JsonObject Gv(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Gv(v))]),
            ["preferredVersion"] = Gv(versions[0]),
        };
    }

    private JsonObject ResourceList(string group, string version)
    {
        var resources = new JsonArray();
        foreach (var r in Catalog.All.Where(r => r.Group == group && r.Version == version))
        {
            var entry = new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Singular,
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray([.. FakeResource.Verbs.Select(v => (JsonNode)v)]),
            };
            if (r.ShortNames.Count > 0)
            {
                entry["shortNames"] = new JsonArray([.. r.ShortNames.Select(v => (JsonNode)v)]);
            }

            entry["storageVersionHash"] = "fake";
            resources.Add(entry);
            if (r.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{r.Plural}/status",
                    ["singularName"] = "",
                    ["namespaced"] = r.Namespaced,
                    ["kind"] = r.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private FakeTarget? ParseTarget(string[] s)
    {
        string group, version;
        string[] rest;
        switch (s)
        {
            case ["api", "v1", .. var r]:
                (group, version, rest) = ("", "v1", r);
                break;
            case ["apis", var g, var v, .. var r]:
                (group, version, rest) = (g, v, r);
                break;
            default:
                return null;
        }

        FakeResource? Find(string plural) => Catalog.Find(group, version, plural);
        if (rest is ["namespaces", var ns, var plural, .. var tail] && Find(plural) is { Namespaced: true } namespaced && tail.Length <= 2)
        {
            return new FakeTarget(namespaced, ns, tail.ElementAtOrDefault(0), tail.ElementAtOrDefault(1));
        }

        if (rest is [var p, .. var t] && t.Length <= 2 && Find(p) is { } res)
        {
            // a namespaced kind without a namespace: only lists/watches across namespaces
            return res.Namespaced && t.Length > 0 ? null : new FakeTarget(res, null, t.ElementAtOrDefault(0), t.ElementAtOrDefault(1));
        }

        return null;
    }
}
