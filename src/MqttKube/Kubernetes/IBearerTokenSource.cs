namespace MqttKube.Kubernetes;

/// <summary>A bearer token that may change over time; it caches and renews itself.</summary>
internal interface IBearerTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}
