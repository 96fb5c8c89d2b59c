using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MqttKube.Kubernetes;

/// <summary>
/// The API server's discovery, cached: kinds, plural and short names, matched case-insensitively as kubectl does
/// (built-in groups first). A miss refreshes the cache once (a CRD installed later); concurrent misses share one refresh.
/// Discovery asks <c>/api</c> and <c>/apis</c> at once for the aggregated form (every group's resources in one
/// answer, Kubernetes 1.27+: two requests in all); a server that answers with the plain lists is asked for each
/// group version, all at once. The stable built-in kinds (<see cref="BuiltinKinds"/>) resolve without discovery:
/// a start-up with only those asks the server nothing before its lists and watches.
/// </summary>
internal sealed partial class ApiDiscovery(KubeApi api, ILogger? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim refresh = new(1, 1);
    private IReadOnlyList<ResourceType>? types;
    private DateTime loadedAt;

    public async Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken)
    {
        if (Match(BuiltinKinds.All, resource, apiVersion) is { } builtin)
        {
            return builtin;
        }

        var types = this.types ?? await RefreshAsync(null, cancellationToken).ConfigureAwait(false);
        if (Match(types, resource, apiVersion) is { } found)
        {
            return found;
        }

        types = await RefreshAsync(loadedAt, cancellationToken).ConfigureAwait(false);
        return Match(types, resource, apiVersion) ?? throw Unknown(types, resource, apiVersion);
    }

    /// <summary>Whether resolving <paramref name="resource"/> asks the server: it is not one of the <see cref="BuiltinKinds"/> (at that api-version).</summary>
    public static bool NeedsDiscovery(string resource, string? apiVersion) => Match(BuiltinKinds.All, resource, apiVersion) is null;

    /// <summary>
    /// Starts loading discovery in the background, so the API server's connection (TCP, TLS) and discovery overlap
    /// whatever the caller does next and the first lookup finds them done or in flight. A failure is left to the
    /// lookups, which load again and report it.
    /// </summary>
    public void Prefetch() =>
        _ = Task.Run(() => GetAllAsync(CancellationToken.None)).ContinueWith(t => LogPrefetchFailed(logger, t.Exception?.GetBaseException().Message ?? ""), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Every served type, in discovery order (loads discovery when needed).</summary>
    public async Task<IReadOnlyList<ResourceType>> GetAllAsync(CancellationToken cancellationToken) =>
        types ?? await RefreshAsync(null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<ResourceType>> RefreshAsync(DateTime? staleAt, CancellationToken cancellationToken)
    {
        await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (types != null && (staleAt == null || loadedAt != staleAt))
            {
                return types;
            }

            types = await LoadAsync(cancellationToken).ConfigureAwait(false);
            loadedAt = DateTime.UtcNow;
            return types;
        }
        finally
        {
            refresh.Release();
        }
    }

    private async Task<IReadOnlyList<ResourceType>> LoadAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(api.GetAsync("/api", AggregatedAccept, cancellationToken), api.GetAsync("/apis", AggregatedAccept, cancellationToken)).ConfigureAwait(false);

        // The core group, then the others, each from the aggregated answer or else from its group versions' lists.
        var versions = answers.Select((a, i) => IsAggregated(a) ? [] : i == 0 ? CoreVersions(a).ToList() : GroupVersions(a).ToList()).ToArray();
        var lists = await Task.WhenAll(versions.SelectMany(v => v).Select(gv => LoadGroupVersionAsync(gv.Group, gv.Version, cancellationToken))).ConfigureAwait(false);
        var types = new List<ResourceType>();
        var next = 0;
        for (var i = 0; i < answers.Length; i++)
        {
            types.AddRange(IsAggregated(answers[i]) ? ReadAggregated(answers[i]) : lists.Skip(next).Take(versions[i].Count).SelectMany(l => l));
            next += versions[i].Count;
        }

        LogDiscovered(logger, types.Count, 2 + lists.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return types;
    }

    private static IEnumerable<(string Group, string Version)> CoreVersions(JsonNode core) =>
        (core["versions"] as JsonArray ?? []).Select(v => ("", (string?)v ?? "")).Where(gv => gv.Item2.Length > 0);

    /// <summary>Each group's versions, its preferred one first.</summary>
    private static IEnumerable<(string Group, string Version)> GroupVersions(JsonNode list)
    {
        foreach (var g in list["groups"] as JsonArray ?? [])
        {
            var name = (string?)g?["name"] ?? "";
            var preferred = (string?)g?["preferredVersion"]?["version"];
            var versions = (g?["versions"] as JsonArray ?? []).Select(v => (string?)v?["version"] ?? "").Where(v => v.Length > 0).ToList();
            foreach (var v in versions.OrderBy(v => v == preferred ? 0 : 1))
            {
                yield return (name, v);
            }
        }
    }

    private async Task<IReadOnlyList<ResourceType>> LoadGroupVersionAsync(string group, string version, CancellationToken cancellationToken)
    {
        JsonNode list;
        try
        {
            list = await api.GetAsync(group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}", cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Code is >= 500 or 404)
        {
            return []; // a broken aggregated API (metrics.k8s.io, ...) must not break discovery of the rest
        }

        var types = new List<ResourceType>();
        foreach (var r in list["resources"] as JsonArray ?? [])
        {
            var plural = (string?)r?["name"] ?? "";
            if (plural.Length == 0 || plural.Contains('/', StringComparison.Ordinal))
            {
                continue; // subresources
            }

            types.Add(new ResourceType(
                group,
                version,
                (string?)r!["kind"] ?? "",
                plural,
                r["namespaced"] is JsonValue n && n.TryGetValue<bool>(out var b) && b,
                Strings(r["verbs"]),
                Strings(r["shortNames"])));
        }

        return types;
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(x => (string?)x ?? "").Where(x => x.Length > 0)] : [];
}
