namespace MqttKube.Kubernetes;

/// <summary>A live subscription to a shared list+watch; dispose to stop receiving events.</summary>
internal interface IObjectSubscription : IDisposable
{
    /// <summary>The last failure of the shared list+watch (null once it recovers), e.g. a Forbidden message.</summary>
    string? LastError { get; }
}
