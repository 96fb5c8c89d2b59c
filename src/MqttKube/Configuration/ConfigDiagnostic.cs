namespace MqttKube.Configuration;

/// <summary>One problem found in a config file: <c>FILE:LINE:COL: error: MESSAGE</c>.</summary>
internal sealed record ConfigDiagnostic(string File, SourcePosition Position, string Message)
{
    public override string ToString() => $"{File}:{Position.Line}:{Position.Column}: error: {Message}";
}
