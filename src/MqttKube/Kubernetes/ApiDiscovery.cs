using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// The API server's discovery, cached: kinds, plural and short names, matched case-insensitively as kubectl does
/// (built-in groups first). A miss refreshes the cache once (a CRD installed later); concurrent misses share one refresh.
/// </summary>
internal sealed partial class ApiDiscovery(KubeApi api)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<ResourceType>? _types;
    private DateTime _loadedAt;

    public async Task<ResourceType> ResolveAsync(string resource, string? apiVersion, CancellationToken cancellationToken)
    {
        var types = _types ?? await RefreshAsync(null, cancellationToken).ConfigureAwait(false);
        if (Match(types, resource, apiVersion) is { } found)
        {
            return found;
        }

        types = await RefreshAsync(_loadedAt, cancellationToken).ConfigureAwait(false);
        return Match(types, resource, apiVersion) ?? throw Unknown(types, resource, apiVersion);
    }

    /// <summary>Every served type, in discovery order (loads discovery when needed).</summary>
    public async Task<IReadOnlyList<ResourceType>> GetAllAsync(CancellationToken cancellationToken) =>
        _types ?? await RefreshAsync(null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<ResourceType>> RefreshAsync(DateTime? staleAt, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_types != null && (staleAt == null || _loadedAt != staleAt))
            {
                return _types;
            }

            _types = await LoadAsync(cancellationToken).ConfigureAwait(false);
            _loadedAt = DateTime.UtcNow;
            return _types;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<IReadOnlyList<ResourceType>> LoadAsync(CancellationToken cancellationToken)
    {
        var groupVersions = new List<(string Group, string Version)>();
        var core = await api.GetAsync("/api", cancellationToken).ConfigureAwait(false);
        foreach (var v in core["versions"] as JsonArray ?? [])
        {
            groupVersions.Add(("", (string)v!));
        }

        var groups = await api.GetAsync("/apis", cancellationToken).ConfigureAwait(false);
        foreach (var g in groups["groups"] as JsonArray ?? [])
        {
            var name = (string?)g?["name"] ?? "";
            var preferred = (string?)g?["preferredVersion"]?["version"];
            var versions = (g?["versions"] as JsonArray ?? []).Select(v => (string?)v?["version"] ?? "").Where(v => v.Length > 0).ToList();
            foreach (var v in versions.OrderBy(v => v == preferred ? 0 : 1))
            {
                groupVersions.Add((name, v));
            }
        }

        var lists = await Task.WhenAll(groupVersions.Select(gv => LoadGroupVersionAsync(gv.Group, gv.Version, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(l => l)];
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
