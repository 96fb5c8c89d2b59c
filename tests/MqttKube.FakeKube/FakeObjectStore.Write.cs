using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeObjectStore
{
    private static readonly string[] SystemMeta = ["uid", "creationTimestamp", "generation", "deletionTimestamp", "name", "namespace"];

    /// <summary>
    /// Updates an object as a client would (PUT/PATCH): <paramref name="mutate"/> gets a copy of the current object and
    /// returns the desired one; a `metadata.resourceVersion` in it different from the current one is a 409 Conflict.
    /// Without <paramref name="statusOnly"/> status changes are dropped (status subresource), and vice versa.
    /// </summary>
    public JsonObject Update(FakeResource r, string? ns, string name, Func<JsonObject, JsonObject> mutate, bool statusOnly = false, string? manager = null)
    {
        lock (gate)
        {
            var current = objects.TryGetValue(Key(r, ns, name), out var c) ? c : throw FakeStatus.NotFound(r, name);
            var desired = (JsonObject)mutate((JsonObject)current.DeepClone()).DeepClone();
            var dMeta = Meta(desired);
            var cMeta = Meta(current);
            var askedRv = Str(dMeta["resourceVersion"]);
            if (askedRv is { Length: > 0 } && askedRv != Str(cMeta["resourceVersion"]))
            {
                throw FakeStatus.Conflict(r, name);
            }

            if (Str(dMeta["name"]) is { } bodyName && bodyName != name)
            {
                throw FakeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            if (r.Namespaced && Str(dMeta["namespace"]) is { Length: > 0 } bodyNs && bodyNs != ns)
            {
                throw FakeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            if (!statusOnly && (FakeSchema.Validate(r, desired, current) ?? NewFinalizersWhileDeleting(r, name, current, desired)) is { } invalid)
            {
                throw invalid;
            }

            JsonObject next;
            if (statusOnly)
            {
                next = (JsonObject)current.DeepClone();
                next["status"] = desired["status"]?.DeepClone();
            }
            else
            {
                next = desired;
                foreach (var field in SystemMeta)
                {
                    Meta(next).Remove(field);
                    if (cMeta[field] is { } v)
                    {
                        Meta(next)[field] = v.DeepClone();
                    }
                }

                if (r.HasStatus)
                {
                    next.Remove("status");
                    if (current["status"] is { } s)
                    {
                        next["status"] = s.DeepClone();
                    }
                }
            }

            return Commit(r, ns, name, current, next, manager, statusOnly ? "status" : null);
        }
    }

    private JsonObject Commit(FakeResource r, string? ns, string name, JsonObject current, JsonObject next, string? manager = null, string? subresource = null)
    {
        next = WithTypeMeta(r, next);
        Meta(next)["resourceVersion"] = Str(current["metadata"]?["resourceVersion"]);
        if (JsonNode.DeepEquals(next, current))
        {
            return (JsonObject)current.DeepClone(); // a no-op write does not bump the resourceVersion (nor managedFields)
        }

        Manage(r, next, manager, subresource);

        if (!SpecEquals(current, next) && Meta(next)["generation"] is { } g)
        {
            Meta(next)["generation"] = long.Parse(g.ToJsonString(), CultureInfo.InvariantCulture) + 1;
        }

        Meta(next)["resourceVersion"] = (++rv).ToString(CultureInfo.InvariantCulture);
        if (Meta(next)["deletionTimestamp"] != null && Finalizers(next).Count == 0)
        {
            objects.Remove(Key(r, ns, name));
            Emit(r, ns, "DELETED", current, next);
            return (JsonObject)next.DeepClone();
        }

        objects[Key(r, ns, name)] = next;
        Emit(r, ns, "MODIFIED", current, next);
        return (JsonObject)next.DeepClone();
    }

    /// <summary>Records a client's write in metadata.managedFields (one entry per manager and subresource; no field sets).</summary>
    private static void Manage(FakeResource r, JsonObject obj, string? manager, string? subresource)
    {
        if (manager == null)
        {
            return;
        }

        var entries = Meta(obj)["managedFields"] as JsonArray ?? [];
        var kept = entries.Where(e => (string?)e?["manager"] != manager || (string?)e?["subresource"] != subresource).Select(e => e?.DeepClone()).ToList();
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Update",
            ["apiVersion"] = r.GroupVersion,
            ["time"] = Now(),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject(),
        };
        if (subresource != null)
        {
            entry["subresource"] = subresource;
        }

        Meta(obj)["managedFields"] = new JsonArray([.. kept, entry]);
    }

    private static bool SpecEquals(JsonObject a, JsonObject b)
    {
        var keys = a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)).Where(k => k is not ("metadata" or "status" or "kind" or "apiVersion"));
        return keys.All(k => JsonNode.DeepEquals(a[k], b[k]));
    }

    /// <summary>
    /// Writes an object as "someone else" (a controller, another user): creates it or replaces it whole, status included,
    /// bypassing every check. Namespaces of namespaced objects are created as needed.
    /// </summary>
    public JsonObject Upsert(FakeResource r, JsonObject obj)
    {
        lock (gate)
        {
            obj = (JsonObject)obj.DeepClone();
            var ns = r.Namespaced ? Str(obj["metadata"]?["namespace"]) ?? "default" : null;
            var name = Str(obj["metadata"]?["name"]) ?? throw new ArgumentException("metadata.name is required");
            if (ns != null)
            {
                Meta(obj)["namespace"] = ns;
                var nsResource = catalog.Find("", "v1", "namespaces")!;
                if (!objects.ContainsKey(Key(nsResource, null, ns)))
                {
                    Insert(nsResource, null, ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, keepStatus: true);
                }
            }

            if (!objects.TryGetValue(Key(r, ns, name), out var current))
            {
                Meta(obj).Remove("resourceVersion");
                return Insert(r, ns, name, obj, keepStatus: true);
            }

            var next = obj;
            foreach (var field in new[] { "uid", "creationTimestamp", "generation" })
            {
                Meta(next).Remove(field);
                if (current["metadata"]?[field] is { } v)
                {
                    Meta(next)[field] = v.DeepClone();
                }
            }

            return Commit(r, ns, name, current, next);
        }
    }
}
