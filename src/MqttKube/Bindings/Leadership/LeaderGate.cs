namespace MqttKube.Bindings.Leadership;

/// <summary>
/// The one place that says whether this replica acts (issue 13): handles commands, writes objects, publishes states.
/// Without leader election it is open for good; with it, the election opens and closes it. The bindings see it only
/// through the gated ports (<see cref="GatedMqttPort"/>, <see cref="GatedKubePort"/>), so no binding code asks.
/// </summary>
internal sealed class LeaderGate
{
    private readonly Lock gate = new();
    private bool open;

    public LeaderGate(bool open) => this.open = open;

    /// <summary>Raised (outside the lock) when the gate opens (true) or closes (false).</summary>
    public event Action<bool>? Changed;

    public bool IsOpen => Volatile.Read(ref open);

    /// <summary>Opens or closes the gate; false when it already was so (nothing raised).</summary>
    public bool Set(bool value)
    {
        lock (gate)
        {
            if (open == value)
            {
                return false;
            }

            Volatile.Write(ref open, value);
        }

        Changed?.Invoke(value);
        return true;
    }
}
