using System.Text.Json.Nodes;
using MqttKube.Bindings.Plan;
using MqttKube.Bindings.Ports;
using MqttKube.Kubernetes;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// A write that never loses a concurrent change (SPEC 3.3): planned against a version of the object, sent as one JSON
/// Patch guarded by a <c>test</c> of that version's resourceVersion (<see cref="PatchPreview.Guarded"/>, what
/// <c>dry-run</c> prints); when the object moved in between, read again, planned again and sent again, with jittered
/// back-off, until it lands, the object is gone, or the conflict time-out passes (every retry counts against it).
/// </summary>
internal static class GuardedPatch
{
    /// <param name="plan">The operations for one version of the object; must not modify it.</param>
    /// <param name="cached">
    /// A recent version (the watch's), to save the first read: a stale one fails the test and is re-read; "nothing to
    /// do" is never concluded from it.
    /// </param>
    /// <param name="activity">
    /// The work this write is part of: a back-off pause is no work (<see cref="Activity.PauseAsync"/>), so the runtime
    /// counts as idle while it waits on the clock; null outside a runtime.
    /// </param>
    public static async Task<PatchWrite> WriteAsync(
        BindingServices services, ResourceType type, string? ns, string name, Func<JsonObject, PatchPlan> plan, JsonObject? cached, Activity? activity, CancellationToken cancellationToken)
    {
        var kube = services.Kube;
        var started = services.Time.GetTimestamp();
        var backoff = new Backoff(services.ConflictMinDelay, services.ConflictMaxDelay, services.Jitter);
        var candidate = cached;
        var fromWatch = cached is not null;
        var conflicts = 0;
        for (var attempt = 1; ; attempt++)
        {
            var fromCache = candidate is not null;
            var stale = fromWatch;
            fromWatch = false;
            var current = candidate ?? await kube.GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
            candidate = null;
            if (current is null)
            {
                return new PatchWrite(PatchWriteOutcome.NotFound, null, attempt, conflicts);
            }

            var planned = plan(current);
            if (planned.Problem is not null)
            {
                return new PatchWrite(PatchWriteOutcome.Refused, current, attempt, conflicts, planned.Problem);
            }

            if (planned.Operations.Count == 0)
            {
                if (fromCache)
                {
                    attempt--;
                    continue; // confirm on a fresh read
                }

                return new PatchWrite(PatchWriteOutcome.Unchanged, current, attempt, conflicts);
            }

            var result = await kube.PatchAsync(type, ns, name, PatchPreview.Guarded(current, planned.Operations), cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case PatchStatus.Patched:
                    return Kept(result.Object!, planned.Check ?? plan)
                        ? new PatchWrite(PatchWriteOutcome.Patched, result.Object, attempt, conflicts)
                        : new PatchWrite(PatchWriteOutcome.NotKept, result.Object, attempt, conflicts);
                case PatchStatus.NotFound:
                    return new PatchWrite(PatchWriteOutcome.NotFound, null, attempt, conflicts);
                case PatchStatus.Invalid:
                    // A failed test of the resourceVersion is a 422 that does not say so: a fresh read tells. The object
                    // did not move: the patch itself is refused (an invalid value), not retried.
                    candidate = await kube.GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
                    if (candidate is null)
                    {
                        return new PatchWrite(PatchWriteOutcome.NotFound, null, attempt, conflicts);
                    }

                    if (ResourceVersion(candidate) == ResourceVersion(current))
                    {
                        return new PatchWrite(PatchWriteOutcome.Refused, candidate, attempt, conflicts, result.Reason ?? "the API server refused the patch");
                    }

                    break;
            }

            conflicts++;
            if (services.Time.GetElapsedTime(started) >= services.ConflictTimeout)
            {
                return new PatchWrite(PatchWriteOutcome.GaveUp, null, attempt, conflicts);
            }

            if (!stale)
            {
                // The object moved between our read and our write: someone else is writing too. A stale watch copy is
                // no contention (read and try again at once); every other conflict backs off, with jitter.
                var delay = backoff.Next();
                await (activity is null ? Task.Delay(delay, services.Time, cancellationToken) : activity.PauseAsync(delay, services.Time, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether the object as the API server returned it holds the write: planning again finds nothing to do.</summary>
    private static bool Kept(JsonObject patched, Func<JsonObject, PatchPlan> plan)
    {
        var again = plan(patched);
        return again.Problem is null && again.Operations.Count == 0;
    }

    private static string? ResourceVersion(JsonObject obj) => (string?)obj["metadata"]?["resourceVersion"];
}
