using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

internal sealed partial class Informer
{
    private string? _resumeRv;

    private async Task RunAsync(CancellationToken ct)
    {
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (_resumeRv == null)
                {
                    _resumeRv = await ListAsync(ct).ConfigureAwait(false);
                    Recovered();
                    backoff.Reset();
                }

                var (next, events) = await WatchAsync(ct).ConfigureAwait(false);
                if (next == null)
                {
                    LogGone(_logger, Describe);
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

                _resumeRv = next;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                var reason = e is KubeApiException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                lock (_lock)
                {
                    _lastError = reason;
                    _restarts++;
                }

                LogFailed(_logger, Describe, delay.TotalSeconds, reason);
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
        lock (_lock)
        {
            _restarts++;
        }
    }

    private void Recovered()
    {
        bool was;
        lock (_lock)
        {
            was = _lastError != null;
            _lastError = null;
        }

        if (was)
        {
            LogRecovered(_logger, Describe);
        }
    }

    /// <summary>Lists (paged) and reconciles the cache; returns the list's resourceVersion.</summary>
    private async Task<string?> ListAsync(CancellationToken ct)
    {
        var items = new List<JsonObject>();
        string? next = null;
        string? rv;
        do
        {
            var query = KubeApi.Query(("limit", _options.ListPageSize.ToString(CultureInfo.InvariantCulture)), ("continue", next));
            var list = await _api.GetAsync(Type.CollectionPath(Namespace) + query, ct).ConfigureAwait(false);
            items.AddRange((list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => ObjectClient.WithTypeMeta(Type, (JsonObject)i.DeepClone())));
            rv = (string?)list["metadata"]?["resourceVersion"];
            next = (string?)list["metadata"]?["continue"];
        }
        while (!string.IsNullOrEmpty(next));

        Reconcile(items);
        LogListed(_logger, Describe, items.Count, rv);
        return rv;
    }

    /// <summary>Objects gone meanwhile are Deleted, changed ones Modified, new ones Added; unchanged ones are not re-reported.</summary>
    private void Reconcile(List<JsonObject> items)
    {
        lock (_lock)
        {
            var fresh = items.ToDictionary(Key, StringComparer.Ordinal);
            foreach (var (key, old) in _cache.ToList())
            {
                if (!fresh.ContainsKey(key))
                {
                    _cache.Remove(key);
                    Enqueue(ObjectEventType.Deleted, old);
                }
            }

            foreach (var (key, obj) in fresh.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var known = _cache.TryGetValue(key, out var old);
                if (known && RvOf(old) == RvOf(obj))
                {
                    continue;
                }

                _cache[key] = obj;
                Enqueue(known ? ObjectEventType.Modified : ObjectEventType.Added, obj);
            }

            _synced = true;
            foreach (var s in _subscribers.Where(s => !s.Initialized))
            {
                // the Added events above were their initial state; complete it
                if (s.Name == null)
                {
                    _dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Synced, Namespace, null, null), [s]));
                }
                else if (!_cache.Values.Any(o => NameOf(o) == s.Name))
                {
                    _dispatch.Writer.TryWrite((new ObjectEvent(ObjectEventType.Absent, Namespace, s.Name, null), [s]));
                }

                s.Initialized = true;
            }
        }
    }

    /// <summary>
    /// Watches from <see cref="_resumeRv"/> (advanced by every event and bookmark, so a broken stream resumes where it
    /// broke) until the stream ends; returns the RV to continue from (null after 410 Gone: list again) and the event count.
    /// </summary>
    private async Task<(string? Rv, int Events)> WatchAsync(CancellationToken ct)
    {
        var rv = _resumeRv;
        var seconds = (int)(_options.WatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        var query = KubeApi.Query(("watch", "true"), ("resourceVersion", rv), ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Type.CollectionPath(Namespace) + query, UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var idleLimit = TimeSpan.FromSeconds(seconds) + _options.IdleGrace;
        idle.CancelAfter(idleLimit);
        HttpResponseMessage response;
        try
        {
            response = await _api.Transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw _api.Unreachable(e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(idle.Token).ConfigureAwait(false);
                var error = KubeApiException.FromResponse(response.StatusCode, body);
                return error.IsGone ? (null, 0) : throw error;
            }

            var events = 0;
            try
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false));
                while (await reader.ReadLineAsync(idle.Token).ConfigureAwait(false) is { } line)
                {
                    idle.CancelAfter(idleLimit);
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    events++;
                    if (!Handle(line, ref rv))
                    {
                        return (null, events);
                    }

                    _resumeRv = rv;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new KubeApiException(0, "Timeout", "the watch stream went silent");
            }
            catch (IOException e)
            {
                throw _api.Unreachable(e);
            }
            catch (HttpRequestException e)
            {
                throw _api.Unreachable(e);
            }

            return (rv, events);
        }
    }

    /// <summary>Applies one watch line; false on 410 Gone.</summary>
    private bool Handle(string line, ref string? rv)
    {
        JsonNode? e;
        try
        {
            e = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new KubeApiException(0, "InvalidResponse", $"a watch event is not JSON: {ex.Message}");
        }

        var type = (string?)e?["type"];
        if (e?["object"] is not JsonObject obj)
        {
            throw new KubeApiException(0, "InvalidResponse", "a watch event has no object");
        }

        switch (type)
        {
            case "BOOKMARK":
                rv = RvOf(obj) ?? rv;
                return true;
            case "ERROR":
                var error = KubeApiException.FromStatus(obj);
                return error.IsGone ? false : throw error;
            case "ADDED" or "MODIFIED" or "DELETED":
                Apply(type, ObjectClient.WithTypeMeta(Type, obj));
                rv = RvOf(obj) ?? rv;
                return true;
            default:
                throw new KubeApiException(0, "InvalidResponse", $"unknown watch event type \"{type}\"");
        }
    }

    private void Apply(string type, JsonObject obj)
    {
        lock (_lock)
        {
            var key = Key(obj);
            var known = _cache.TryGetValue(key, out var old);
            if (type == "DELETED")
            {
                if (known)
                {
                    _cache.Remove(key);
                    Enqueue(ObjectEventType.Deleted, obj);
                }

                return;
            }

            if (known && RvOf(old) == RvOf(obj))
            {
                return; // already delivered
            }

            _cache[key] = obj;
            Enqueue(known ? ObjectEventType.Modified : ObjectEventType.Added, obj);
        }
    }
}
