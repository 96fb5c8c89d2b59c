namespace MqttKube.Bindings;

/// <summary>What the bindings count; the HTTP layer's metrics registry implements it.</summary>
internal interface IBindingMetrics
{
    /// <summary>A Kubernetes watch event reached a binding.</summary>
    void WatchEvent();

    /// <summary>A state was published, this long after the event that caused it.</summary>
    void Published(TimeSpan eventToPublish);

    void Patch(PatchOutcome outcome);

    /// <summary>Guarded patches refused because the object had changed since it was read (each retried).</summary>
    void PatchConflicts(int count);

    void Action(ActionVerb verb, ActionOutcome outcome);
}
