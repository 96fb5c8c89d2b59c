namespace MqttKube.JsonPath;

/// <summary>Why a JSON text was refused: a 1-based line and column (in bytes) and a message.</summary>
internal sealed record JsonInputError(long Line, long Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
