namespace MqttKube.Http;

/// <summary>One association of a binding (a watch, a patch or an action) as the HTTP server shows it.</summary>
/// <param name="Kind"><c>watch</c>, <c>patch</c> or <c>action</c>.</param>
/// <param name="Topic">The full MQTT topic (the prefix included).</param>
/// <param name="Locus">The JSONPath locus of a watch or patch; null for actions.</param>
/// <param name="Synced">For a watch: the initial list is done. Always true for patches and actions.</param>
/// <param name="LastValue">The last value published (watch) or received (patch, action), as text.</param>
/// <param name="LastChanged">When <paramref name="LastValue"/> last changed.</param>
/// <param name="LastError">The last failure of this association, if any.</param>
/// <param name="Published">For a watch: the payload the broker last got on the topic (null: none in this connection).</param>
internal sealed record AssociationStatus(
    string Kind,
    string Topic,
    string? Locus,
    bool Synced,
    string? LastValue,
    DateTimeOffset? LastChanged,
    string? LastError,
    string? Published = null)
{
    /// <summary>The kind of a watch association (the only kind that can be unsynced).</summary>
    public const string Watch = "watch";

    /// <summary>The kind of a patch association.</summary>
    public const string Patch = "patch";

    /// <summary>The kind of an action association.</summary>
    public const string Action = "action";
}
