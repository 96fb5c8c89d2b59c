namespace MqttKube.Bindings;

/// <summary>What the bindings count; the HTTP layer's metrics implement it (Bindings depends on no HTTP code).</summary>
internal interface IBindingMetrics
{
    void WatchEvent();

    void Published(TimeSpan eventToPublish);

    void Patch(string outcome);

    /// <summary>Guarded patches refused because the object had changed since it was read (each retried).</summary>
    void PatchConflicts(int count);

    void Action(string action, string outcome);
}
