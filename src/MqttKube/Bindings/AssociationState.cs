namespace MqttKube.Bindings;

/// <summary>What the status page and readiness show of one association; updated by its worker, read by anyone.</summary>
internal sealed class AssociationState(string kind, string topic, string? locus)
{
    private readonly Lock gate = new();
    private string? lastValue;
    private DateTimeOffset? lastChanged;
    private string? lastError;
    private bool synced = kind != "watch";

    public string Kind { get; } = kind;

    public string Topic { get; } = topic;

    public string? Locus { get; } = locus;

    public (string? Value, DateTimeOffset? Changed, string? Error, bool Synced) Snapshot()
    {
        lock (gate)
        {
            return (lastValue, lastChanged, lastError, synced);
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

    public void Synced()
    {
        lock (gate)
        {
            synced = true;
        }
    }
}
