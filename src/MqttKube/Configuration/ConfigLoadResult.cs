namespace MqttKube.Configuration;

/// <summary>A loaded config, or every problem that stops it from loading.</summary>
internal sealed record ConfigLoadResult(MqttKubeConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics, int DroppedDiagnostics)
{
    public bool Success => Config is not null && Diagnostics.Count == 0;
}
