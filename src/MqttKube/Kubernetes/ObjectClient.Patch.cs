using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

internal sealed partial class ObjectClient
{
    /// <summary>The text of a failed JSON Patch <c>test</c> of the resourceVersion, as the API server words it.</summary>
    internal const string StaleTestText = "testing value /metadata/resourceVersion failed";

    /// <summary>How long a patch keeps retrying while the object keeps changing under it (SPEC 3.3: nothing lost).</summary>
    public TimeSpan ConflictTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first pause after a conflict; it doubles (with jitter) up to <see cref="ConflictMaxDelay"/>.</summary>
    public TimeSpan ConflictMinDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan ConflictMaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Task<PatchResult> JsonPatchAsync(ResourceType type, string? ns, string name, Func<JsonObject, IReadOnlyList<JsonNode>?> plan, CancellationToken cancellationToken) =>
        JsonPatchAsync(type, ns, name, plan, null, cancellationToken);

    public async Task<PatchResult> JsonPatchAsync(ResourceType type, string? ns, string name, Func<JsonObject, IReadOnlyList<JsonNode>?> plan, JsonObject? cached, CancellationToken cancellationToken)
    {
        var path = type.ObjectPath(type.ScopeNamespace(ns), name) + Manager;
        var candidate = cached;
        var watchCopy = cached is not null;
        var started = Time.GetTimestamp();
        var backoff = new Backoff(ConflictMinDelay, ConflictMaxDelay);
        var conflicts = 0;
        for (var attempt = 1; ; attempt++)
        {
            // A cached copy (the watch's latest version, or the one read after a failed test) saves the GET; the
            // resourceVersion test makes a stale copy fail safely. "Nothing to do" is never concluded from the cache.
            var fromCache = candidate is not null;
            var fromWatch = watchCopy;
            watchCopy = false;
            var current = candidate ?? await GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
            candidate = null;
            if (current == null)
            {
                return new PatchResult(PatchOutcome.NotFound, null, attempt, conflicts);
            }

            var ops = plan(current);
            if (ops == null || ops.Count == 0)
            {
                if (fromCache)
                {
                    attempt--;
                    continue;
                }

                return new PatchResult(PatchOutcome.Unchanged, current, attempt, conflicts);
            }

            var rv = (string?)current["metadata"]?["resourceVersion"];
            var body = new JsonArray(new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = rv });
            foreach (var op in ops)
            {
                body.Add(op.DeepClone());
            }

            KubeApiException conflict;
            try
            {
                var patched = await api.SendAsync(HttpMethod.Patch, path, body, JsonPatchContentType, cancellationToken).ConfigureAwait(false);
                return new PatchResult(PatchOutcome.Patched, WithTypeMeta(type, patched.AsObject()), attempt, conflicts);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                return new PatchResult(PatchOutcome.NotFound, null, attempt, conflicts);
            }
            catch (KubeApiException e) when (e.IsConflict || e.Code == 422)
            {
                conflict = e;
            }

            // 409, or 422 from the failed resourceVersion test: the object moved since it was read. Any other 422
            // (an invalid value) on an object that did not move is the patch's own fault: not retried.
            if (conflict.Code == 422 && !conflict.Message.Contains(StaleTestText, StringComparison.Ordinal))
            {
                candidate = await GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
                if (candidate is not null && (string?)candidate["metadata"]?["resourceVersion"] == rv)
                {
                    throw conflict;
                }
            }

            conflicts++;
            if (Time.GetElapsedTime(started) >= ConflictTimeout)
            {
                return new PatchResult(PatchOutcome.Conflict, null, attempt, conflicts);
            }

            if (!fromWatch)
            {
                // The object moved between our read and our write: someone else is writing too. A stale watch copy is
                // no contention (read and try again at once); every other conflict backs off, with jitter.
                await Task.Delay(backoff.Next(), Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
