namespace MqttKube.Kubernetes;

/// <summary>
/// The three figures of a client-go style election. A follower takes the lease over once it has seen no change to it
/// for <see cref="LeaseDuration"/> (on its own clock); the leader renews every <see cref="RetryPeriod"/> and stops
/// acting when it could not renew for <see cref="RenewDeadline"/>, which is shorter than the lease: it has stopped
/// before anyone else may take over.
/// </summary>
internal sealed record LeaseTiming(TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod)
{
    /// <summary>client-go's defaults: 15 s, 10 s, 2 s.</summary>
    public static LeaseTiming Default { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
}
