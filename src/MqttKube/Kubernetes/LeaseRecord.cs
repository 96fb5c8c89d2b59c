using System.Globalization;
using System.Text.Json.Nodes;

namespace MqttKube.Kubernetes;

/// <summary>
/// The leader-election fields of a <c>coordination.k8s.io/v1</c> Lease, and the resourceVersion it was read at (an
/// update names it, so a write based on a stale read is refused with 409 Conflict).
/// </summary>
internal sealed record LeaseRecord(
    string? HolderIdentity,
    int LeaseDurationSeconds,
    DateTimeOffset? AcquireTime,
    DateTimeOffset? RenewTime,
    int LeaseTransitions,
    string? ResourceVersion = null)
{
    /// <summary>Held by someone (a released lease has no holder).</summary>
    public bool IsHeld => !string.IsNullOrEmpty(HolderIdentity);

    /// <summary>Same holder, duration, times and transitions: the record has not changed (resourceVersion aside).</summary>
    public bool SameSpec(LeaseRecord? other) =>
        other is not null && this with { ResourceVersion = null } == other with { ResourceVersion = null };

    /// <summary>The Lease object to create or update: <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public JsonObject ToLease(string ns, string name)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (ResourceVersion is not null)
        {
            metadata["resourceVersion"] = ResourceVersion;
        }

        var spec = new JsonObject
        {
            ["holderIdentity"] = HolderIdentity ?? string.Empty,
            ["leaseDurationSeconds"] = LeaseDurationSeconds,
            ["leaseTransitions"] = LeaseTransitions,
        };
        if (AcquireTime is { } acquired)
        {
            spec["acquireTime"] = MicroTime(acquired);
        }

        if (RenewTime is { } renewed)
        {
            spec["renewTime"] = MicroTime(renewed);
        }

        return new JsonObject { ["apiVersion"] = "coordination.k8s.io/v1", ["kind"] = "Lease", ["metadata"] = metadata, ["spec"] = spec };
    }

    /// <summary>Reads a Lease object (missing fields are empty, as the API server omits them).</summary>
    public static LeaseRecord FromLease(JsonNode lease)
    {
        var spec = lease["spec"];
        return new LeaseRecord(
            (string?)spec?["holderIdentity"],
            spec?["leaseDurationSeconds"] is JsonValue d && d.TryGetValue<int>(out var duration) ? duration : 0,
            Time(spec?["acquireTime"]),
            Time(spec?["renewTime"]),
            spec?["leaseTransitions"] is JsonValue t && t.TryGetValue<int>(out var transitions) ? transitions : 0,
            (string?)lease["metadata"]?["resourceVersion"]);
    }

    /// <summary>The API's MicroTime: RFC 3339 with microseconds, UTC.</summary>
    private static string MicroTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
