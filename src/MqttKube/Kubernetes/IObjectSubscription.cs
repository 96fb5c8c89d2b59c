namespace MqttKube.Kubernetes;

/// <summary>A live subscription; dispose to stop receiving events.</summary>
internal interface IObjectSubscription : IDisposable
{
    /// <summary>The shared list+watch has listed at least once (readiness).</summary>
    bool IsSynced { get; }

    /// <summary>The last failure of the shared list+watch (null once it recovers), e.g. a Forbidden message.</summary>
    string? LastError { get; }
}
