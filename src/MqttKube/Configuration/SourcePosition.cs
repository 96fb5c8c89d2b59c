namespace MqttKube.Configuration;

/// <summary>A 1-based line and column in a config or template file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
