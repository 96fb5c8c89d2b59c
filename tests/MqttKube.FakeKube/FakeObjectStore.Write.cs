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
        lock (_lock)
        {
            var current = _objects.TryGetValue(Key(r, ns, name), out var c) ? c : throw FakeStatus.NotFound(r, name);
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

    /// <summary>The real server's 422 when a write adds finalizers to an object being deleted.</summary>
    private static FakeApiException? NewFinalizersWhileDeleting(FakeResource r, string name, JsonObject current, JsonObject desired)
    {
        var added = Finalizers(desired).Except(Finalizers(current)).ToList();
        return current["metadata"]?["deletionTimestamp"] == null || added.Count == 0
            ? null
            : FakeStatus.Invalid(r, name, "metadata.finalizers",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}");
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

        Meta(next)["resourceVersion"] = (++_rv).ToString(CultureInfo.InvariantCulture);
        if (Meta(next)["deletionTimestamp"] != null && Finalizers(next).Count == 0)
        {
            _objects.Remove(Key(r, ns, name));
            Emit(r, ns, "DELETED", current, next);
            return (JsonObject)next.DeepClone();
        }

        _objects[Key(r, ns, name)] = next;
        Emit(r, ns, "MODIFIED", current, next);
        return (JsonObject)next.DeepClone();
    }

    private static bool SpecEquals(JsonObject a, JsonObject b)
    {
        var keys = a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)).Where(k => k is not ("metadata" or "status" or "kind" or "apiVersion"));
        return keys.All(k => JsonNode.DeepEquals(a[k], b[k]));
    }

    private static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? [.. a.Select(f => f?.ToString() ?? "")] : [];

    /// <summary>
    /// Deletes as the real server does: immediately when nothing holds the object, otherwise it gets a
    /// `deletionTimestamp` (Foreground adds the `foregroundDeletion` finalizer, which the simulated garbage collector
    /// removes after <see cref="ForegroundDeletionDelay"/>). Returns the object and whether it is gone already.
    /// </summary>
    public (JsonObject Object, bool Deleted) Delete(FakeResource r, string? ns, string name, string? propagation = null, string? preconditionRv = null)
    {
        lock (_lock)
        {
            var current = _objects.TryGetValue(Key(r, ns, name), out var c) ? c : throw FakeStatus.NotFound(r, name);
            if (preconditionRv != null && preconditionRv != Str(current["metadata"]?["resourceVersion"]))
            {
                throw FakeStatus.Conflict(r, name);
            }

            var next = (JsonObject)current.DeepClone();
            var finalizers = Finalizers(next);
            if (propagation == "Foreground" && !finalizers.Contains("foregroundDeletion"))
            {
                finalizers.Add("foregroundDeletion");
                var delay = ForegroundDeletionDelay;
                _ = Task.Delay(delay).ContinueWith(_ => RemoveFinalizer(r, ns, name, "foregroundDeletion"), TaskScheduler.Default);
            }

            if (HoldDeletions && !finalizers.Contains(HoldFinalizer))
            {
                finalizers.Add(HoldFinalizer);
            }

            if (finalizers.Count == 0)
            {
                _objects.Remove(Key(r, ns, name));
                Meta(next)["resourceVersion"] = (++_rv).ToString(CultureInfo.InvariantCulture);
                Emit(r, ns, "DELETED", current, next);
                return ((JsonObject)next.DeepClone(), true);
            }

            Meta(next)["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            Meta(next)["deletionTimestamp"] ??= Now();
            Meta(next)["deletionGracePeriodSeconds"] ??= 0;
            return (Commit(r, ns, name, current, next), false);
        }
    }

    /// <summary>Removes a finalizer, completing the deletion when it was the last one.</summary>
    public void RemoveFinalizer(FakeResource r, string? ns, string name, string finalizer)
    {
        lock (_lock)
        {
            if (!_objects.TryGetValue(Key(r, ns, name), out var current))
            {
                return;
            }

            var finalizers = Finalizers(current);
            if (!finalizers.Remove(finalizer))
            {
                return;
            }

            var next = (JsonObject)current.DeepClone();
            Meta(next)["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            if (finalizers.Count == 0)
            {
                Meta(next).Remove("finalizers");
            }

            Commit(r, ns, name, current, next);
        }
    }

    /// <summary>Lets every held deletion finish.</summary>
    public void ReleaseDeletions()
    {
        List<(FakeResource R, string? Ns, string Name)> held;
        lock (_lock)
        {
            held = [.. _objects.Values.Where(o => Finalizers(o).Contains(HoldFinalizer))
                .Select(o => (ResourceOf(o), Str(o["metadata"]?["namespace"]), Str(o["metadata"]?["name"])!))];
        }

        foreach (var (r, ns, name) in held)
        {
            RemoveFinalizer(r, ns, name, HoldFinalizer);
        }
    }

    private FakeResource ResourceOf(JsonObject o) =>
        _catalog.FindByKind(Str(o["apiVersion"]) ?? "", Str(o["kind"]) ?? "") ?? throw new InvalidOperationException("unknown kind");

    /// <summary>
    /// Writes an object as "someone else" (a controller, another user): creates it or replaces it whole, status included,
    /// bypassing every check. Namespaces of namespaced objects are created as needed.
    /// </summary>
    public JsonObject Upsert(FakeResource r, JsonObject obj)
    {
        lock (_lock)
        {
            obj = (JsonObject)obj.DeepClone();
            var ns = r.Namespaced ? Str(obj["metadata"]?["namespace"]) ?? "default" : null;
            var name = Str(obj["metadata"]?["name"]) ?? throw new ArgumentException("metadata.name is required");
            if (ns != null)
            {
                Meta(obj)["namespace"] = ns;
                var nsResource = _catalog.Find("", "v1", "namespaces")!;
                if (!_objects.ContainsKey(Key(nsResource, null, ns)))
                {
                    Insert(nsResource, null, ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, keepStatus: true);
                }
            }

            if (!_objects.TryGetValue(Key(r, ns, name), out var current))
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
