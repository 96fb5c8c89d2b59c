namespace MqttKube.JsonPath;

/// <summary>Why a JSONPath text was rejected: a 1-based column in the text and a message.</summary>
internal sealed record JsonPathError(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}
