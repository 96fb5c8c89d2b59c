using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

internal sealed partial class Informer
{
    /// <summary>
    /// Watches from <see cref="_resumeRv"/> (advanced by every event and bookmark, so a broken stream resumes where it
    /// broke) until the stream ends; returns the RV to continue from (null after 410 Gone: list again) and the event count.
    /// </summary>
    private async Task<(string? Rv, int Events)> WatchAsync(CancellationToken ct)
    {
        var rv = resumeRv;
        var seconds = (int)(options.WatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        var query = KubeApi.Query(("labelSelector", LabelSelector), ("watch", "true"), ("resourceVersion", rv), ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Type.CollectionPath(Namespace) + query, UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var idleLimit = TimeSpan.FromSeconds(seconds) + options.IdleGrace;
        idle.CancelAfter(idleLimit);
        HttpResponseMessage response;
        try
        {
            response = await api.Transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw api.Unreachable(e);
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

                    resumeRv = rv;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new KubeApiException(0, "Timeout", "the watch stream went silent");
            }
            catch (IOException e)
            {
                throw api.Unreachable(e);
            }
            catch (HttpRequestException e)
            {
                throw api.Unreachable(e);
            }

            return (rv, events);
        }
    }

    /// <summary>Applies one watch line; false on 410 Gone.</summary>
    private bool Handle(string line, ref string? rv)
    {
        var e = ReadEvent(line, ref rv);
        if (e is null)
        {
            return true; // an object that cannot be read: skipped and logged, the watch goes on
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
        lock (gate)
        {
            var key = Key(obj);
            var known = cache.TryGetValue(key, out var old);
            if (type == "DELETED")
            {
                if (known)
                {
                    cache.Remove(key);
                    Enqueue(ObjectEventType.Deleted, obj);
                }

                return;
            }

            if (known && RvOf(old) == RvOf(obj))
            {
                return; // already delivered
            }

            cache[key] = obj;
            Enqueue(known ? ObjectEventType.Modified : ObjectEventType.Added, obj);
        }
    }
}
