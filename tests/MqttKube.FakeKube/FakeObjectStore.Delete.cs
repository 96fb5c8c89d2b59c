using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeObjectStore
{
    private static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? [.. a.Select(f => f?.ToString() ?? "")] : [];

    /// <summary>
    /// Deletes as the real server does: immediately when nothing holds the object, otherwise it gets a
    /// `deletionTimestamp` (Foreground adds the `foregroundDeletion` finalizer, which the simulated garbage collector
    /// removes after <see cref="ForegroundDeletionDelay"/>). Returns the object and whether it is gone already.
    /// </summary>
    public (JsonObject Object, bool Deleted) Delete(FakeResource r, string? ns, string name, string? propagation = null, string? preconditionRv = null, string? preconditionUid = null)
    {
        lock (gate)
        {
            var current = objects.TryGetValue(Key(r, ns, name), out var c) ? c : throw FakeStatus.NotFound(r, name);
            if (preconditionUid != null && preconditionUid != Str(current["metadata"]?["uid"]))
            {
                throw FakeStatus.PreconditionFailed(r, ns, name, "UID", preconditionUid, Str(current["metadata"]?["uid"]));
            }

            if (preconditionRv != null && preconditionRv != Str(current["metadata"]?["resourceVersion"]))
            {
                throw FakeStatus.PreconditionFailed(r, ns, name, "ResourceVersion", preconditionRv, Str(current["metadata"]?["resourceVersion"]));
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
                objects.Remove(Key(r, ns, name));
                Meta(next)["resourceVersion"] = (++rv).ToString(CultureInfo.InvariantCulture);
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
        lock (gate)
        {
            if (!objects.TryGetValue(Key(r, ns, name), out var current))
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
        lock (gate)
        {
            held = [.. objects.Values.Where(o => Finalizers(o).Contains(HoldFinalizer))
                .Select(o => (ResourceOf(o), Str(o["metadata"]?["namespace"]), Str(o["metadata"]?["name"])!))];
        }

        foreach (var (r, ns, name) in held)
        {
            RemoveFinalizer(r, ns, name, HoldFinalizer);
        }
    }

    private FakeResource ResourceOf(JsonObject o) =>
        catalog.FindByKind(Str(o["apiVersion"]) ?? "", Str(o["kind"]) ?? "") ?? throw new InvalidOperationException("unknown kind");

    /// <summary>The real server's 422 when a write adds finalizers to an object being deleted.</summary>
    private static FakeApiException? NewFinalizersWhileDeleting(FakeResource r, string name, JsonObject current, JsonObject desired)
    {
        var added = Finalizers(desired).Except(Finalizers(current)).ToList();
        return current["metadata"]?["deletionTimestamp"] == null || added.Count == 0
            ? null
            : FakeStatus.Invalid(r, name, "metadata.finalizers",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}");
    }
}
