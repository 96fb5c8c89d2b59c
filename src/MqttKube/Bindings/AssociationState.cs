namespace MqttKube.Bindings;

/// <summary>What the status page shows of one association: its last value, when it changed, its last error.</summary>
internal sealed class AssociationState(string kind, string topic, string? locus)
{
    private readonly Lock gate = new();
    private string? lastValue;
    private DateTimeOffset? lastChanged;
    private string? lastError;

    /// <summary><c>watch</c>, <c>patch</c> or <c>action</c>.</summary>
    public string Kind { get; } = kind;

    public string Topic { get; } = topic;

    public string? Locus { get; } = locus;

    public (string? Value, DateTimeOffset? Changed, string? Error) Snapshot()
    {
        lock (gate)
        {
            return (lastValue, lastChanged, lastError);
        }
    }

    public void Value(string? value, DateTimeOffset at)
    {
        lock (gate)
        {
            if (value != lastValue || lastChanged is null)
            {
                lastValue = value;
                lastChanged = at;
            }

            lastError = null;
        }
    }

    public void Error(string? error)
    {
        lock (gate)
        {
            lastError = error;
        }
    }
}
