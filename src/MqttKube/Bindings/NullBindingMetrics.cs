namespace MqttKube.Bindings;

internal sealed class NullBindingMetrics : IBindingMetrics
{
    public static readonly NullBindingMetrics Instance = new();

    public void WatchEvent()
    {
    }

    public void Published(TimeSpan eventToPublish)
    {
    }

    public void Patch(string outcome)
    {
    }

    public void Action(string action, string outcome)
    {
    }
}
