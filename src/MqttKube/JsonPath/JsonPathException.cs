namespace MqttKube.JsonPath;

/// <summary>Raised inside the parser; surfaced to callers only as a <see cref="JsonPathError"/>.</summary>
internal sealed class JsonPathException(int column, string message) : Exception(message)
{
    public int Column { get; } = column;

    public JsonPathError ToError() => new(Column, Message);
}
