namespace MqttKube.FakeKube;

/// <summary>One request the fake received, for assertions.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? ContentType,
    string Body,
    string? Authorization,
    string? ClientCertificateSubject)
{
    /// <summary>When the request arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for latency benchmarks.</summary>
    public long Timestamp { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>`HTTP/1.1`, `HTTP/2`.</summary>
    public string Protocol { get; init; } = "";

    public string? this[string queryKey] => Query.TryGetValue(queryKey, out var v) ? v : null;

    public bool IsWatch => this["watch"] is "true" or "1";

    public override string ToString() => $"{Method} {Path}{(Query.Count == 0 ? "" : "?" + string.Join('&', Query.Select(kv => $"{kv.Key}={kv.Value}")))}";
}
