using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

internal sealed partial class Informer
{
    private string? resumeRv;

    private async Task RunAsync(CancellationToken ct)
    {
        var backoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (resumeRv == null)
                {
                    resumeRv = await ListAsync(ct).ConfigureAwait(false);
                    Recovered();
                    backoff.Reset();
                }

                var (next, events) = await WatchAsync(ct).ConfigureAwait(false);
                if (next == null)
                {
                    LogGone(logger, Describe);
                    Count();
                }
                else if (events > 0)
                {
                    Recovered();
                    backoff.Reset();
                }
                else
                {
                    await Task.Delay(backoff.Next(), ct).ConfigureAwait(false); // an empty stream: do not spin
                }

                resumeRv = next;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                var reason = e is KubeApiException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                lock (gate)
                {
                    lastError = reason;
                    restarts++;
                }

                LogFailed(logger, Describe, delay.TotalSeconds, reason);
                try
                {
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private void Count()
    {
        lock (gate)
        {
            restarts++;
        }
    }

    private void Recovered()
    {
        bool was;
        lock (gate)
        {
            was = lastError != null;
            lastError = null;
        }

        if (was)
        {
            LogRecovered(logger, Describe);
        }
    }

    /// <summary>
    /// Lists (paged; the first list from the watch cache, see <see cref="InformerOptions.FirstListFromCache"/>) and
    /// reconciles the cache; returns the list's resourceVersion. Each page's objects go out as the
    /// page arrives (the pages are one snapshot), so the first ones are handled while the next page is asked;
    /// objects no page had are Deleted, and Synced sent, once the last page is in.
    /// </summary>
    private async Task<string?> ListAsync(CancellationToken ct)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        string? rv;
        bool first;
        lock (gate)
        {
            first = !synced && options.FirstListFromCache;
        }

        do
        {
            var query = KubeApi.Query(("labelSelector", LabelSelector), ("limit", options.ListPageSize.ToString(CultureInfo.InvariantCulture)), ("continue", next), ("resourceVersion", first && next == null ? "0" : null));
            byte[] body;
            try
            {
                body = await api.GetBytesAsync(Type.CollectionPath(Namespace) + query, ct).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                // A list answers an empty namespace too: 404 is the type itself not served (a built-in kind resolved
                // without discovery, on a server without that API).
                throw new KubeApiException(404, e.Reason, $"the API server does not serve {Type.QualifiedPlural} ({Type.ApiVersion}): {e.Message}", e);
            }

            Merge(ReadList(body, out rv, out next), listed);
        }
        while (!string.IsNullOrEmpty(next));

        Complete(listed);
        LogListed(logger, Describe, listed.Count, rv);
        return rv;
    }

    /// <summary>One page of a list: new objects are Added, changed ones Modified; unchanged ones are not re-reported.</summary>
    private void Merge(List<JsonObject> page, HashSet<string> listed)
    {
        lock (gate)
        {
            foreach (var obj in page.OrderBy(Key, StringComparer.Ordinal))
            {
                var key = Key(obj);
                listed.Add(key);
                var known = cache.TryGetValue(key, out var old);
                if (known && RvOf(old) == RvOf(obj))
                {
                    continue;
                }

                cache[key] = obj;
                Enqueue(known ? ObjectEventType.Modified : ObjectEventType.Added, obj);
            }
        }
    }

    /// <summary>The whole list is in: objects it did not have are Deleted; subscribers waiting for it are synced.</summary>
    private void Complete(HashSet<string> listed)
    {
        lock (gate)
        {
            foreach (var (key, old) in cache.Where(kv => !listed.Contains(kv.Key)).ToList())
            {
                cache.Remove(key);
                Enqueue(ObjectEventType.Deleted, old);
            }

            synced = true;
            foreach (var s in subscribers.Where(s => !s.Initialized))
            {
                // the Added events of the pages were their initial state; complete it
                if (s.Name == null)
                {
                    dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Synced, Namespace, null, null), [s]));
                }
                else if (!cache.Values.Any(o => NameOf(o) == s.Name))
                {
                    dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Absent, Namespace, s.Name, null), [s]));
                }

                s.Initialized = true;
            }
        }
    }
}
