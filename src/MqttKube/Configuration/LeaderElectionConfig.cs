using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

[ConfigObject("Leader election among replicas on a coordination.k8s.io/v1 Lease: only the leader handles commands, writes objects and publishes.")]
internal sealed partial record LeaderElectionConfig : IConfigValidation
{
    /// <summary>The lease's name when none is given.</summary>
    public const string DefaultLease = "mqtt-kube";

    [ConfigKey("Namespace of the Lease; default: the service account's namespace in a cluster, else 'default'.")]
    public string? Namespace { get; init; }

    [ConfigKey("Name of the Lease the replicas share.")]
    public string Lease { get; init; } = DefaultLease;

    [ConfigKey("Seconds without a renewal after which a follower takes the lease over.", Minimum = 1, Maximum = 3600)]
    public int LeaseDuration { get; init; } = 15;

    [ConfigKey("Seconds the leader keeps trying to renew before it stops acting (shorter than lease-duration).", Minimum = 1, Maximum = 3600)]
    public int RenewDeadline { get; init; } = 10;

    [ConfigKey("Seconds between tries to acquire or renew the lease (shorter than renew-deadline).", Minimum = 1, Maximum = 3600)]
    public int RetryPeriod { get; init; } = 2;

    void IConfigValidation.Validate(YamlMapping node, ConfigBindContext context, string path)
    {
        if (Namespace is not null && !KubernetesNames.IsValidLabel(Namespace))
        {
            context.Error(node.Get("namespace") ?? node, $"'{path}.namespace' is not a valid Kubernetes namespace name: '{YamlScalar.Shorten(Namespace)}'");
        }

        if (!KubernetesNames.IsValidObjectName(Lease))
        {
            context.Error(node.Get("lease") ?? node, $"'{path}.lease' is not a valid Kubernetes object name: '{YamlScalar.Shorten(Lease)}'");
        }

        if (RenewDeadline >= LeaseDuration)
        {
            context.Error(node.Get("renew-deadline") ?? node, $"'{path}.renew-deadline' ({RenewDeadline} s) must be shorter than 'lease-duration' ({LeaseDuration} s): a leader must stop acting before a follower may take over");
        }

        if (RetryPeriod >= RenewDeadline)
        {
            context.Error(node.Get("retry-period") ?? node, $"'{path}.retry-period' ({RetryPeriod} s) must be shorter than 'renew-deadline' ({RenewDeadline} s): the leader must get more than one try to renew");
        }
    }
}
