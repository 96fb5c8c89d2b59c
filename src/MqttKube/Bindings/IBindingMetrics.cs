namespace MqttKube.Bindings;

/// <summary>What the bindings count; the HTTP layer's metrics implement it (Bindings depends on no HTTP code).</summary>
internal interface IBindingMetrics
{
    void WatchEvent();

    void Published(TimeSpan eventToPublish);

    void Patch(string outcome);

    void Action(string action, string outcome);
}
